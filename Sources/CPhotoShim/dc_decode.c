/* DC-only decoding of a baseline JPEG at 1/8 scale, grey and colour (see dc_decode.h).
 *
 * libjpeg's 1/8 scale turns each 8x8 block into one pixel: its DC coefficient, dequantised,
 * divided by 8 and level-shifted (jpeg_idct_1x1). It still decodes every AC coefficient, and
 * that Huffman decoding is nearly all of its time. Here each AC symbol is only skipped: its
 * code and the extra bits it announces are stepped over without building a coefficient. The
 * grey picture is libjpeg's, byte for byte, for every file the shortcut takes; the colour one
 * (previews) keeps one colour a chroma block. Anything it does not take is left to libjpeg. */
#include "dc_decode.h"

#include <stdlib.h>
#include <string.h>

#define FAST_BITS 10
#define MULTI_BITS 12

/* One Huffman table, in the canonical form of ITU T.81 Annex C. */
typedef struct {
    /* fast[next FAST_BITS bits] = code length | symbol << 8; 0 when the code is longer. */
    uint16_t fast[1 << FAST_BITS];
    /* Largest code of each length (-1: none), and what to add to a code of that length to
     * find its symbol's index in `symbols`. */
    int32_t maxcode[17];
    int32_t offset[17];
    uint8_t symbols[256];
    /* For an AC table: multi[next MULTI_BITS bits] = the AC symbols whose codes and extra bits
     * lie wholly in those bits, stepped over at once: their bits (low 4 bits; 0 for none),
     * how far they move the coefficient index (next 7 bits) and 0x800 when the last is an
     * end of block. */
    uint16_t multi[1 << MULTI_BITS];
} huffman_table;

/* The symbol whose code starts `position` bits into the MULTI_BITS bits of `window` and
 * ends inside them, and its code's length; 0 when there is none. */
static int symbol_in_window(const huffman_table *t, uint32_t window, int position, int *symbol) {
    if (position >= MULTI_BITS) return 0;  /* the window is used up (and a shift by 64 is undefined) */
    uint64_t bits = (uint64_t)window << (64 - MULTI_BITS + position);
    for (int length = 1; length <= 16 && position + length <= MULTI_BITS; length++) {
        int32_t code = (int32_t)(bits >> (64 - length));
        if (code <= t->maxcode[length]) {
            *symbol = t->symbols[(code + t->offset[length]) & 0xFF];
            return length;
        }
    }
    return 0;
}

static void build_multi(huffman_table *t) {
    for (uint32_t window = 0; window < (1u << MULTI_BITS); window++) {
        int position = 0, advance = 0, end_of_block = 0, taken = 0, symbol = 0;
        while (advance < 64) {
            int length = symbol_in_window(t, window, position, &symbol);
            if (!length) break;
            int run = symbol >> 4, skip = symbol & 15;
            if (skip == 0 && run != 15) {
                position += length;
                end_of_block = 1;
                taken = position;
                break;
            }
            if (position + length + skip > MULTI_BITS) break;
            position += length + skip;
            advance += run + 1;
            taken = position;
        }
        t->multi[window] = (uint16_t)(taken | (taken ? advance : 0) << 4 | (end_of_block ? 0x800 : 0));
    }
}

/* Builds `t` from a DHT table; 0 when libjpeg would refuse it (jpeg_make_d_derived_tbl). */
static int build_table(const JHUFF_TBL *h, int is_dc, huffman_table *t) {
    if (!h) return 0;
    uint8_t sizes[257];
    int count = 0;
    for (int length = 1; length <= 16; length++) {
        int n = h->bits[length];
        if (count + n > 256) return 0;
        while (n--) sizes[count++] = (uint8_t)length;
    }
    sizes[count] = 0;
    memset(t, 0, sizeof *t);
    memcpy(t->symbols, h->huffval, 256);
    if (is_dc) {
        for (int i = 0; i < count; i++)
            if (h->huffval[i] > 15) return 0;
    }
    uint32_t codes[256];
    uint32_t code = 0;
    int p = 0, length = count ? sizes[0] : 0;
    while (p < count) {
        while (p < count && sizes[p] == length) codes[p++] = code++;
        if (code >= (1u << length)) return 0;
        code <<= 1;
        length++;
    }
    p = 0;
    for (int l = 1; l <= 16; l++) {
        if (h->bits[l]) {
            t->offset[l] = p - (int32_t)codes[p];
            p += h->bits[l];
            t->maxcode[l] = (int32_t)codes[p - 1];
        } else {
            t->maxcode[l] = -1;
        }
    }
    for (p = 0; p < count; p++) {
        int l = sizes[p];
        if (l > FAST_BITS) continue;
        uint32_t first = codes[p] << (FAST_BITS - l), n = 1u << (FAST_BITS - l);
        for (uint32_t i = 0; i < n; i++) t->fast[first + i] = (uint16_t)(l | h->huffval[p] << 8);
    }
    if (!is_dc) build_multi(t);
    return 1;
}

/* The scan's entropy-coded data with stuffed zeros and fill bytes taken out, and where each
 * restart marker stood in it. */
typedef struct {
    uint8_t *data;       /* `length` bytes, then 16 zero bytes */
    size_t length;
    size_t *restarts;    /* positions in `data` of the restart markers, in order */
    uint8_t *restart_numbers;
    size_t restart_count;
    /* Whether a marker other than a restart marker ends the data (not the end of the file,
     * where libjpeg, reading ahead, would report the file as truncated). */
    int ended_by_marker;
} scan_data;

static void scan_free(scan_data *s) {
    free(s->data);
    free(s->restarts);
    free(s->restart_numbers);
}

static int scan_read(const uint8_t *in, size_t size, scan_data *s) {
    memset(s, 0, sizeof *s);
    s->data = malloc(size + 16);
    if (!s->data) return 0;
    size_t capacity = 0, i = 0, out = 0;
    while (i < size) {
        const uint8_t *ff = memchr(in + i, 0xFF, size - i);
        size_t run = ff ? (size_t)(ff - (in + i)) : size - i;
        memcpy(s->data + out, in + i, run);
        out += run;
        i += run;
        if (!ff) break;
        size_t j = i + 1;
        while (j < size && in[j] == 0xFF) j++;
        if (j >= size) break;
        uint8_t code = in[j];
        if (code == 0x00) {
            s->data[out++] = 0xFF;
        } else if (code >= 0xD0 && code <= 0xD7) {
            if (s->restart_count == capacity) {
                capacity = capacity ? capacity * 2 : 64;
                size_t *r = realloc(s->restarts, capacity * sizeof *r);
                if (r) s->restarts = r;
                uint8_t *n = realloc(s->restart_numbers, capacity);
                if (n) s->restart_numbers = n;
                if (!r || !n) return 0;
            }
            s->restarts[s->restart_count] = out;
            s->restart_numbers[s->restart_count++] = code & 7;
        } else {
            s->ended_by_marker = 1;  /* any other marker ends the scan */
            break;
        }
        i = j + 1;
    }
    s->length = out;
    memset(s->data + out, 0, 16);
    return 1;
}

/* Bits of `data`, most significant first: `bits` holds `count` unread bits at its top,
 * followed by the bits of the bytes from `next` on (the refill of F. Giesen's "variant 4"). */
typedef struct {
    const uint8_t *data, *next, *limit;
    uint64_t bits;
    int count;
} bit_reader;

/* Tops `r` up to at least 56 bits; 0 when that would read beyond the data's zero padding,
 * which a file whose data ends early does. */
static inline int refill(bit_reader *r) {
    if (r->next > r->limit) return 0;
    uint64_t word;
    memcpy(&word, r->next, 8);
    r->bits |= __builtin_bswap64(word) >> r->count;
    r->next += (63 - r->count) >> 3;
    r->count |= 56;
    return 1;
}

static inline size_t bits_read(const bit_reader *r) {
    return (size_t)(r->next - r->data) * 8 - (size_t)r->count;
}

static inline void restart_at(bit_reader *r, size_t position) {
    r->next = r->data + position;
    r->bits = 0;
    r->count = 0;
}

/* The next symbol of table `t` (a refill must have left at least 16 bits); -1 for a code
 * that is in no table. */
static inline int decode_symbol(bit_reader *r, const huffman_table *t) {
    uint32_t entry = t->fast[r->bits >> (64 - FAST_BITS)];
    if (entry) {
        int length = entry & 0xFF;
        r->bits <<= length;
        r->count -= length;
        return (int)(entry >> 8);
    }
    for (int length = FAST_BITS + 1; length <= 16; length++) {
        int32_t code = (int32_t)(r->bits >> (64 - length));
        if (code <= t->maxcode[length]) {
            r->bits <<= length;
            r->count -= length;
            return t->symbols[(code + t->offset[length]) & 0xFF];
        }
    }
    return -1;
}

/* The post-IDCT range limit of libjpeg (prepare_range_limit_table) for a DC-only block:
 * (value & 1023) mapped as libjpeg's table does, wrap-around included. */
static inline uint8_t range_limit(int value) {
    int i = value & 1023;
    if (i < 128) return (uint8_t)(i + 128);
    if (i < 512) return 255;
    if (i < 896) return 0;
    return (uint8_t)(i - 896);
}

/* One component's picture at 1/8 scale: a byte a block, the first `width` x `height` blocks
 * kept (the blocks that pad the last MCUs are decoded but not kept). NULL `pixels`: not wanted. */
typedef struct {
    uint8_t *pixels;
    size_t width, height;
} dc_plane;

typedef struct {
    const huffman_table *dc, *ac;
    int component;     /* index in the frame (comp_info), which `planes` follows */
    int column, row;   /* the block's place inside the MCU */
} mcu_block;

/* What the shortcut needs of every file it takes, whatever it keeps: a baseline 8-bit YCbCr or
 * grey JPEG whose one scan holds every component, luma at the largest sampling, to be decoded
 * at 1/8 into `width` x `height` pixels. */
static int shortcut_applies(j_decompress_ptr cinfo, size_t width, size_t height) {
    if (width != (cinfo->image_width + 7) / 8 || height != (cinfo->image_height + 7) / 8) return 0;
    if (cinfo->progressive_mode || cinfo->arith_code || cinfo->data_precision != 8) return 0;
    if (!(cinfo->jpeg_color_space == JCS_YCbCr && cinfo->num_components == 3) &&
        !(cinfo->jpeg_color_space == JCS_GRAYSCALE && cinfo->num_components == 1)) return 0;
    if (cinfo->comps_in_scan != cinfo->num_components) return 0;
    const jpeg_component_info *luma = &cinfo->comp_info[0];
    if (luma->h_samp_factor != cinfo->max_h_samp_factor || luma->v_samp_factor != cinfo->max_v_samp_factor) return 0;
    return cinfo->src && cinfo->src->next_input_byte;
}

/* Decodes the scan, keeping each wanted component's DC picture in `planes` (indexed as
 * `cinfo->comp_info`); 1 when done, 0 when libjpeg must decode the file (see dc_decode.h). */
static int decode_planes(j_decompress_ptr cinfo, const dc_plane planes[MAX_COMPONENTS]) {
    int quant[MAX_COMPONENTS] = {0};
    for (int ci = 0; ci < cinfo->num_components && ci < MAX_COMPONENTS; ci++) {
        if (!planes[ci].pixels) continue;
        const jpeg_component_info *comp = &cinfo->comp_info[ci];
        if (planes[ci].width > comp->width_in_blocks || planes[ci].height > comp->height_in_blocks) return 0;
        const JQUANT_TBL *table = comp->quant_tbl_no >= 0 && comp->quant_tbl_no < NUM_QUANT_TBLS
            ? cinfo->quant_tbl_ptrs[comp->quant_tbl_no] : NULL;
        /* libjpeg multiplies in 16 bits (ISLOW_MULT_TYPE): larger steps are left to it. */
        if (!table || table->quantval[0] > 32767) return 0;
        quant[ci] = table->quantval[0];
    }

    /* The MCU's blocks, in the order the scan codes them. */
    huffman_table *tables = malloc(8 * sizeof *tables);
    if (!tables) return 0;
    int built[8] = {0};
    mcu_block blocks[D_MAX_BLOCKS_IN_MCU];
    int block_count = 0;
    size_t mcus_per_row, mcu_rows;
    int single = cinfo->comps_in_scan == 1;
    for (int c = 0; c < cinfo->comps_in_scan; c++) {
        const jpeg_component_info *comp = cinfo->cur_comp_info[c];
        int ci = (int)(comp - cinfo->comp_info);
        if (ci < 0 || ci >= cinfo->num_components || ci >= MAX_COMPONENTS) goto refuse;
        /* libjpeg refuses a scan with a component whose quantisation table is missing. */
        if (comp->quant_tbl_no < 0 || comp->quant_tbl_no >= NUM_QUANT_TBLS || !cinfo->quant_tbl_ptrs[comp->quant_tbl_no]) goto refuse;
        int dc = comp->dc_tbl_no, ac = comp->ac_tbl_no;
        if (dc < 0 || dc >= NUM_HUFF_TBLS || ac < 0 || ac >= NUM_HUFF_TBLS) goto refuse;
        if (!built[dc] && !(built[dc] = build_table(cinfo->dc_huff_tbl_ptrs[dc], 1, &tables[dc]))) goto refuse;
        if (!built[4 + ac] && !(built[4 + ac] = build_table(cinfo->ac_huff_tbl_ptrs[ac], 0, &tables[4 + ac]))) goto refuse;
        int h = single ? 1 : comp->h_samp_factor, v = single ? 1 : comp->v_samp_factor;
        for (int row = 0; row < v; row++)
            for (int column = 0; column < h; column++) {
                if (block_count == D_MAX_BLOCKS_IN_MCU) goto refuse;
                blocks[block_count++] = (mcu_block){&tables[dc], &tables[4 + ac], ci, column, row};
            }
    }
    if (single) {
        mcus_per_row = cinfo->cur_comp_info[0]->width_in_blocks;
        mcu_rows = cinfo->cur_comp_info[0]->height_in_blocks;
    } else {
        mcus_per_row = (cinfo->image_width + 8 * cinfo->max_h_samp_factor - 1) / (8 * cinfo->max_h_samp_factor);
        mcu_rows = (cinfo->image_height + 8 * cinfo->max_v_samp_factor - 1) / (8 * cinfo->max_v_samp_factor);
    }

    scan_data scan;
    if (!scan_read(cinfo->src->next_input_byte, cinfo->src->bytes_in_buffer, &scan) || !scan.ended_by_marker) {
        scan_free(&scan);
        goto refuse;
    }
    bit_reader r = {scan.data, scan.data, scan.data + scan.length + 8, 0, 0};
    /* DC values are summed only for the components kept: another one's sum, never used, could
     * overflow an int on a large hostile image (libjpeg keeps none for a component not needed). */
    int predictions[MAX_COMPONENTS] = {0};
    size_t next_restart = 0, limit = scan.restart_count ? scan.restarts[0] : scan.length;
    unsigned interval = cinfo->restart_interval, to_go = interval, expected_number = 0;
    int ok = 1;
    for (size_t mcu_row = 0; mcu_row < mcu_rows && ok; mcu_row++) {
        for (size_t mcu_column = 0; mcu_column < mcus_per_row; mcu_column++) {
            if (interval) {
                if (to_go == 0) {
                    /* The interval's data must end at the next restart marker, the expected one. */
                    if (next_restart >= scan.restart_count || scan.restart_numbers[next_restart] != expected_number) { ok = 0; break; }
                    restart_at(&r, scan.restarts[next_restart]);
                    next_restart++;
                    limit = next_restart < scan.restart_count ? scan.restarts[next_restart] : scan.length;
                    expected_number = (expected_number + 1) & 7;
                    memset(predictions, 0, sizeof predictions);
                    to_go = interval;
                }
                to_go--;
            }
            for (int b = 0; b < block_count && ok; b++) {
                const mcu_block *block = &blocks[b];
                const dc_plane *plane = &planes[block->component];
                if (r.count < 32 && !refill(&r)) { ok = 0; break; }
                int size = decode_symbol(&r, block->dc);
                if (size < 0) { ok = 0; break; }
                int difference = 0;
                if (size) {
                    int extra = (int)(r.bits >> (64 - size));
                    r.bits <<= size;
                    r.count -= size;
                    difference = extra < (1 << (size - 1)) ? extra - (1 << size) + 1 : extra;
                }
                int dc = 0;
                if (plane->pixels) {
                    /* libjpeg keeps the DC coefficient in 16 bits (JCOEF): one outside them is
                     * left to it (which also keeps the sum in range). */
                    dc = predictions[block->component] += difference;
                    if (dc > 32767 || dc < -32768) { ok = 0; break; }
                }
                for (int k = 1; k < 64;) {
                    if (r.count < 32 && !refill(&r)) { ok = 0; break; }
                    /* Several short symbols at once, when all of them belong to this block. */
                    uint32_t several = block->ac->multi[r.bits >> (64 - MULTI_BITS)];
                    int advance = (several >> 4) & 127;
                    if ((several & 15) && k + advance < 64) {
                        r.bits <<= several & 15;
                        r.count -= (int)(several & 15);
                        if (several & 0x800) break;
                        k += advance;
                        continue;
                    }
                    int symbol = decode_symbol(&r, block->ac);
                    if (symbol < 0) { ok = 0; break; }
                    int run = symbol >> 4, skip = symbol & 15;
                    if (skip == 0 && run != 15) break;
                    r.bits <<= skip;
                    r.count -= skip;
                    k += run + 1;
                }
                if (!ok || !plane->pixels) continue;
                const jpeg_component_info *comp = &cinfo->comp_info[block->component];
                size_t x = single ? mcu_column : mcu_column * (size_t)comp->h_samp_factor + (size_t)block->column;
                size_t y = single ? mcu_row : mcu_row * (size_t)comp->v_samp_factor + (size_t)block->row;
                if (x < plane->width && y < plane->height)
                    plane->pixels[y * plane->width + x] = range_limit((dc * quant[block->component] + 4) >> 3);
            }
            /* No bit may come from beyond the next restart marker or the end of the data:
             * libjpeg would have put zeros there. */
            if (!ok || bits_read(&r) > limit * 8) { ok = 0; break; }
        }
    }
    scan_free(&scan);
    free(tables);
    return ok;
refuse:
    free(tables);
    return 0;
}

int vp_jpeg_dc_gray(j_decompress_ptr cinfo, uint8_t *pixels, size_t width, size_t height) {
    if (!shortcut_applies(cinfo, width, height)) return 0;
    dc_plane planes[MAX_COMPONENTS] = {{pixels, width, height}};
    return decode_planes(cinfo, planes);
}

/* libjpeg's YCbCr to RGB (jdcolor.c), in 16-bit fixed point, clamped. */
static inline uint8_t clamp_sample(int value) { return (uint8_t)(value < 0 ? 0 : value > 255 ? 255 : value); }

int vp_jpeg_dc_rgb(j_decompress_ptr cinfo, uint8_t *pixels, size_t width, size_t height) {
    if (!shortcut_applies(cinfo, width, height)) return 0;
    /* libjpeg upsamples chroma by whole factors only (JERR_FRACT_SAMPLE_NOTIMPL otherwise). */
    for (int ci = 1; ci < cinfo->num_components; ci++) {
        const jpeg_component_info *comp = &cinfo->comp_info[ci];
        if (cinfo->max_h_samp_factor % comp->h_samp_factor || cinfo->max_v_samp_factor % comp->v_samp_factor) return 0;
    }
    dc_plane planes[MAX_COMPONENTS] = {{NULL, 0, 0}};
    int components = cinfo->num_components, ok = 1;
    for (int ci = 0; ci < components && ok; ci++) {
        const jpeg_component_info *comp = &cinfo->comp_info[ci];
        planes[ci].width = ci == 0 ? width : comp->width_in_blocks;
        planes[ci].height = ci == 0 ? height : comp->height_in_blocks;
        if (planes[ci].width == 0 || planes[ci].height == 0) ok = 0;
        else if (!(planes[ci].pixels = malloc(planes[ci].width * planes[ci].height))) ok = 0;
    }
    if (ok) ok = decode_planes(cinfo, planes);
    if (ok) {
        const dc_plane *luma = &planes[0];
        for (size_t y = 0; y < height; y++) {
            for (size_t x = 0; x < width; x++) {
                int grey = luma->pixels[y * width + x];
                uint8_t *out = pixels + (y * width + x) * 3;
                if (components == 1) {
                    out[0] = out[1] = out[2] = (uint8_t)grey;
                    continue;
                }
                /* The chroma block over this luma block (chroma may be sampled more coarsely). */
                const dc_plane *cb = &planes[1], *cr = &planes[2];
                size_t bx = x * (size_t)cinfo->comp_info[1].h_samp_factor / (size_t)cinfo->max_h_samp_factor;
                size_t by = y * (size_t)cinfo->comp_info[1].v_samp_factor / (size_t)cinfo->max_v_samp_factor;
                size_t rx = x * (size_t)cinfo->comp_info[2].h_samp_factor / (size_t)cinfo->max_h_samp_factor;
                size_t ry = y * (size_t)cinfo->comp_info[2].v_samp_factor / (size_t)cinfo->max_v_samp_factor;
                int u = (bx < cb->width && by < cb->height ? cb->pixels[by * cb->width + bx] : 128) - 128;
                int v = (rx < cr->width && ry < cr->height ? cr->pixels[ry * cr->width + rx] : 128) - 128;
                out[0] = clamp_sample(grey + ((91881 * v + 32768) >> 16));
                out[1] = clamp_sample(grey + ((-22554 * u - 46802 * v + 32768) >> 16));
                out[2] = clamp_sample(grey + ((116130 * u + 32768) >> 16));
            }
        }
    }
    for (int ci = 0; ci < MAX_COMPONENTS; ci++) free(planes[ci].pixels);
    return ok;
}
