/* JPEG-aware mutations for the DC-shortcut differential fuzzer: header fields (SOF, DQT, DHT, SOS,
 * DRI, Adobe APP14), scan bytes, restart markers, fill bytes, stuffing, inserted markers, cuts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int marker; size_t pos, len; } seg;  /* pos of FF, len = 2 + segment length */

static uint64_t rng_state;
static uint32_t rnd(void) {
    rng_state ^= rng_state << 13; rng_state ^= rng_state >> 7; rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 11);
}
static uint32_t below(uint32_t n) { return n ? rnd() % n : 0; }

static int parse(const uint8_t *d, size_t n, seg *segs, int max, size_t *scan) {
    int count = 0;
    size_t i = 2;
    *scan = 0;
    while (i + 4 <= n && count < max) {
        if (d[i] != 0xFF) return count;
        size_t j = i + 1;
        while (j < n && d[j] == 0xFF) j++;
        if (j + 2 >= n) return count;
        int m = d[j];
        size_t len = (size_t)d[j + 1] << 8 | d[j + 2];
        segs[count++] = (seg){m, i, j - i + 1 + len};
        if (m == 0xDA) { *scan = j + 1 + len; return count; }
        i = j + 1 + len;
    }
    return count;
}

static size_t insert(uint8_t *d, size_t n, size_t max, size_t at, const uint8_t *what, size_t k) {
    if (n + k > max || at > n) return n;
    memmove(d + at + k, d + at, n - at);
    memcpy(d + at, what, k);
    return n + k;
}
static size_t erase(uint8_t *d, size_t n, size_t at, size_t k) {
    if (at + k > n) return n;
    memmove(d + at, d + at + k, n - at - k);
    return n - k;
}

static const uint8_t samp[] = {0x11, 0x12, 0x21, 0x22, 0x44, 0x31, 0x13, 0x41, 0x14, 0x42, 0x24, 0x33, 0x23, 0x32, 0x00, 0x55, 0x43, 0x34, 0x41, 0x22};
static const uint8_t interesting[] = {0, 1, 2, 3, 4, 7, 8, 0x0F, 0x10, 0x11, 0x1F, 0x20, 0x40, 0x7F, 0x80, 0xC0, 0xD0, 0xD7, 0xD9, 0xDA, 0xFE, 0xFF};

static size_t find_ff_marker(const uint8_t *d, size_t n, size_t from, int rst_only) {
    /* a random FF xx (xx != 0) marker at or after from, or 0 */
    size_t hits[64]; int h = 0;
    for (size_t i = from; i + 1 < n && h < 64; i++)
        if (d[i] == 0xFF && d[i + 1] != 0 && d[i + 1] != 0xFF && (!rst_only || (d[i + 1] >= 0xD0 && d[i + 1] <= 0xD7))) hits[h++] = i;
    return h ? hits[below(h)] : 0;
}

size_t jpeg_mutate(uint8_t *d, size_t n, size_t max, uint64_t seed) {
    rng_state = seed * 0x9E3779B97F4A7C15ull + 1;
    int rounds = 1 + below(3);
    for (int round = 0; round < rounds; round++) {
        seg segs[64];
        size_t scan;
        int count = parse(d, n, segs, 64, &scan);
        int op = below(24);
        if (!scan || scan >= n) op = below(3) ? 0 : 2;
        switch (op) {
        case 0: case 1: {  /* header segment byte */
            if (!count) break;
            seg *s = &segs[below(count)];
            if (s->len <= 4) break;
            size_t at = s->pos + 4 + below((uint32_t)(s->len - 4));
            if (at >= n) break;
            d[at] = below(2) ? interesting[below(sizeof interesting)] : (uint8_t)rnd();
            break;
        }
        case 2: {  /* truncate */
            size_t from = scan && below(4) ? scan : 2;
            if (n > from) n = from + below((uint32_t)(n - from));
            break;
        }
        case 3: case 4: {  /* scan data byte(s) */
            int k = 1 + below(4);
            while (k--) { size_t at = scan + below((uint32_t)(n - scan)); d[at] = below(3) ? (uint8_t)rnd() : d[at] ^ (1 << below(8)); }
            break;
        }
        case 5: {  /* insert RST marker */
            uint8_t m[2] = {0xFF, (uint8_t)(0xD0 + below(8))};
            size_t at = scan + below((uint32_t)(n - scan));
            if (at > 0 && d[at - 1] == 0xFF) break;
            n = insert(d, n, max, at, m, 2);
            break;
        }
        case 6: {  /* remove a marker in scan data */
            size_t at = find_ff_marker(d, n, scan, below(2));
            if (at) n = erase(d, n, at, 2);
            break;
        }
        case 7: {  /* renumber RST */
            size_t at = find_ff_marker(d, n, scan, 1);
            if (at) d[at + 1] = (uint8_t)(0xD0 + below(8));
            break;
        }
        case 8: {  /* fill FFs before a marker or anywhere */
            size_t at = below(2) ? find_ff_marker(d, n, scan, 0) : scan + below((uint32_t)(n - scan));
            if (!at) at = scan;
            uint8_t ff[4] = {0xFF, 0xFF, 0xFF, 0xFF};
            if (below(3) == 0) { uint8_t s2[3] = {0xFF, 0xFF, 0x00}; n = insert(d, n, max, at, s2, below(2) ? 3 : 2); }
            else n = insert(d, n, max, at, ff, 1 + below(4));
            break;
        }
        case 9: {  /* insert / delete scan bytes */
            size_t at = scan + below((uint32_t)(n - scan));
            if (below(2)) n = erase(d, n, at, 1 + below(8));
            else { uint8_t b[8]; for (int i = 0; i < 8; i++) b[i] = (uint8_t)rnd(); n = insert(d, n, max, at, b, 1 + below(8)); }
            break;
        }
        case 10: case 11: {  /* SOF fields */
            for (int i = 0; i < count; i++) {
                seg *s = &segs[i];
                if (!((s->marker >= 0xC0 && s->marker <= 0xCF) && s->marker != 0xC4 && s->marker != 0xC8 && s->marker != 0xCC)) continue;
                size_t p = s->pos + 4;
                if (p + 6 > n) break;
                int nc = d[p + 5];
                switch (below(8)) {
                case 0: { static const uint8_t m[] = {0xC0, 0xC1, 0xC2, 0xC3, 0xC9, 0xCA, 0xC5}; d[s->pos + 1] = m[below(7)]; break; }
                case 1: { static const uint8_t pr[] = {8, 12, 16, 0, 7}; d[p] = pr[below(5)]; break; }
                case 2: { int v = below(3) == 0 ? 65500 - below(3) : below(3) == 0 ? 0 : 1 + below(1200); d[p + 1 + 2 * below(2)] = v >> 8; d[p + 2 + 2 * below(2)] = v & 0xFF; break; }
                case 3: case 4: { if (nc) { size_t c = p + 6 + 3 * below(nc) + 1; if (c < n) d[c] = samp[below(sizeof samp)]; } break; }
                case 5: { if (nc) { size_t c = p + 6 + 3 * below(nc) + 2; if (c < n) d[c] = below(5); } break; }
                case 6: { if (nc) { size_t c = p + 6 + 3 * below(nc); if (c < n) d[c] = below(2) ? below(5) : interesting[below(sizeof interesting)]; } break; }
                case 7: { d[p + 3] = below(2) ? (uint8_t)rnd() : d[p + 3] ^ 1; break; }
                }
                break;
            }
            break;
        }
        case 12: case 13: {  /* DRI: modify or insert */
            int found = 0;
            for (int i = 0; i < count; i++) if (segs[i].marker == 0xDD && segs[i].pos + 6 <= n) {
                found = 1;
                int v = below(2) ? below(20) : (int)(rnd() & 0xFFFF);
                d[segs[i].pos + 4] = v >> 8; d[segs[i].pos + 5] = v & 0xFF;
                if (below(4) == 0) n = erase(d, n, segs[i].pos, 6);
                break;
            }
            if (!found) {
                int v = 1 + below(below(2) ? 8 : 300);
                uint8_t dri[6] = {0xFF, 0xDD, 0, 4, (uint8_t)(v >> 8), (uint8_t)v};
                /* insert before SOS; the data will lack RST markers unless cjpeg added them: also sprinkle */
                size_t sos = segs[count - 1].pos;
                n = insert(d, n, max, sos, dri, 6);
            }
            break;
        }
        case 14: {  /* DQT first value */
            for (int i = 0; i < count; i++) if (segs[i].marker == 0xDB && segs[i].pos + 6 <= n && below(2)) {
                size_t p = segs[i].pos + 4;
                int pq = d[p] >> 4;
                if (pq == 0) d[p + 1] = below(2) ? (uint8_t)rnd() : interesting[below(sizeof interesting)];
                else if (p + 2 < n) { d[p + 1] = (uint8_t)rnd(); d[p + 2] = (uint8_t)rnd(); }
                break;
            }
            break;
        }
        case 15: {  /* DHT: remove a table segment or change counts / values */
            int hs[16], h = 0;
            for (int i = 0; i < count && h < 16; i++) if (segs[i].marker == 0xC4) hs[h++] = i;
            if (!h) break;
            seg *s = &segs[hs[below(h)]];
            int what = below(4);
            if (what == 0) n = erase(d, n, s->pos, s->len <= n - s->pos ? s->len : n - s->pos);
            else if (what == 1 && s->pos + 5 + 16 <= n) { size_t c = s->pos + 5 + below(16); d[c] = below(2) ? d[c] + (below(2) ? 1 : -1) : (uint8_t)below(5); }
            else if (s->pos + 5 + 16 < n && s->len > 21) { size_t c = s->pos + 5 + 16 + below((uint32_t)(s->len - 21)); if (c < n) d[c] = below(2) ? (uint8_t)rnd() : interesting[below(sizeof interesting)]; }
            else if (s->pos + 4 < n) d[s->pos + 4] = (uint8_t)(below(2) << 4 | below(4));
            break;
        }
        case 16: case 17: {  /* SOS header */
            seg *s = &segs[count - 1];
            size_t p = s->pos + 4;
            if (p >= n) break;
            int ns = d[p];
            int what = below(4);
            if (what == 0 && ns) { size_t c = p + 1 + 2 * below(ns); if (c < n) d[c] = below(2) ? below(5) : d[c] + 1; }
            else if (what == 1 && ns) { size_t c = p + 2 + 2 * below(ns); if (c < n) d[c] = (uint8_t)(below(5) << 4 | below(5)); }
            else { size_t c = p + 1 + 2 * ns + below(3); if (c < n) d[c] = below(2) ? interesting[below(sizeof interesting)] : (uint8_t)rnd(); }
            break;
        }
        case 18: {  /* insert a marker / segment into scan data */
            static const uint8_t eoi[2] = {0xFF, 0xD9}, com[6] = {0xFF, 0xFE, 0, 4, 'h', 'i'}, dnl[6] = {0xFF, 0xDC, 0, 4, 0, 16}, dht[4] = {0xFF, 0xC4, 0, 2};
            size_t at = scan + below((uint32_t)(n - scan + 1));
            if (at > 0 && at <= n && d[at - 1] == 0xFF) break;
            switch (below(4)) {
            case 0: n = insert(d, n, max, at, eoi, 2); break;
            case 1: n = insert(d, n, max, at, com, 6); break;
            case 2: n = insert(d, n, max, at, dnl, 6); break;
            case 3: n = insert(d, n, max, at, dht, 4); break;
            }
            break;
        }
        case 19: {  /* remove EOI / trailing bytes */
            if (n >= 2 && d[n - 2] == 0xFF && d[n - 1] == 0xD9) n -= below(2) ? 2 : 1;
            else if (n > scan) n -= below(3);
            break;
        }
        case 20: {  /* stuffing: FF 00 inserted, or an FF 00 turned into FF FF 00 */
            size_t at = scan + below((uint32_t)(n - scan));
            if (at > 0 && d[at - 1] == 0xFF) break;
            uint8_t s2[2] = {0xFF, 0x00};
            n = insert(d, n, max, at, s2, 2);
            break;
        }
        case 21: {  /* Adobe APP14 after SOI */
            uint8_t app[16] = {0xFF, 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (uint8_t)below(3)};
            n = insert(d, n, max, 2, app, 16);
            break;
        }
        default: {  /* random byte anywhere in the first 1 KB after scan start, or header */
            size_t lim = n < 2048 ? n : 2048;
            if (lim > 2) d[2 + below((uint32_t)(lim - 2))] = (uint8_t)rnd();
            break;
        }
        }
    }
    return n;
}
