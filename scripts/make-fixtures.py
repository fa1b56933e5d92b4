#!/usr/bin/env python3
"""Make the small test photos in Fixtures/ (pure Python, no dependencies).

    python3 scripts/make-fixtures.py

Each fixture is a tiny valid 8x8 grey JPEG with an EXIF block written here byte by byte, so
that byte order (II/MM), the rational layout of coordinates and every tag are under control.
Positions were chosen against boundaries/ (distances checked with shapely and geographiclib):
  Muntok (Kec. Mentok)                 105.1640, -2.0617   inside, ~993 m from the coast
  Jebus / Kelapa                        inside, kilometres from any edge
  land border with Kabupaten Bangka    105.7144, -1.9621; points 111 m, 332 m, 443 m away
  Kota Pangkalpinang                   106.1133, -2.1316   outside, ~36.9 km
  Kota Palembang                       104.7458, -2.9761   outside, ~107 km
  Bangka Strait                        105.0000, -2.2500   at sea, ~23.3 km
Dates: the policy starts Thursday 2026-04-02; 2026-04-10 and 2026-04-17 are Fridays; Friday 2026-04-03 is
Good Friday, a national holiday (only holiday-good-friday.jpg is taken on it).
Rerun after changing this script and commit the result; tests expect exactly these files.
"""
import shutil
import itertools, os, struct, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Fixtures")

# Every JPEG picture the generator writes is distinct (a running number), and so is every position
# but those the tests read back: the reuse checks would otherwise find every fixture a copy of the others.
# The PNG, WebP and HEIC fixtures share their (dummy) image data on purpose: the same pixels
# under different metadata.
UNIQUE = itertools.count(1)
JITTER = itertools.count(0)

# --- a minimal baseline JPEG: 8x8, one grey component, one flat block --------------------------
def segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload

DQT = segment(0xDB, bytes([0x00]) + bytes([1] * 64))
SOF0 = segment(0xC0, bytes([8]) + struct.pack(">HH", 8, 8) + bytes([1, 1, 0x11, 0]))
# One DC code (category 0) and one AC code (end of block), each 1 bit long.
# The standard luminance DC table (categories 0-11), and an AC table with only end-of-block.
DHT_DC = segment(0xC4, bytes([0x00]) + bytes([0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]) + bytes(range(12)))
DC_CODES = ["00", "010", "011", "100", "101", "110", "1110", "11110", "111110", "1111110", "11111110", "111111110"]
DHT_AC = segment(0xC4, bytes([0x10]) + bytes([1] + [0] * 15) + bytes([0x00]))
SOS = segment(0xDA, bytes([1, 1, 0x00, 0, 63, 0]))

def scan(dc):
    """The entropy-coded data of one block with DC value `dc` (1..2047) and nothing else."""
    category = dc.bit_length()
    bits = DC_CODES[category] + (format(dc, "b") if dc else "") + "0"  # then end of block
    bits += "1" * (-len(bits) % 8)
    data = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
    return data.replace(b"\xFF", b"\xFF\x00")

def image(dc=None):
    """Tables, frame and scan of a flat 8x8 grey picture, its shade distinct unless `dc` is given."""
    return DQT + SOF0 + DHT_DC + DHT_AC + SOS + scan(dc if dc is not None else next(UNIQUE) % 2047 + 1) + b"\xFF\xD9"

IMAGE = image(dc=0)
JFIF = segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")

def jpeg(exif=None, before=b"", jfif=True, after=b"", picture=None):
    out = b"\xFF\xD8" + (JFIF if jfif else b"") + before
    if exif is not None:
        out += segment(0xE1, b"Exif\x00\x00" + exif)
    return out + after + (picture or image())

def app1_exif(exif):
    return segment(0xE1, b"Exif\x00\x00" + exif)

def app1_xmp(properties):
    """An XMP packet as cameras and editors write it, with the given exif:/photoshop: attributes."""
    attributes = "".join(f' {k}="{v}"' for k, v in properties.items())
    packet = ("<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'>"
              "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about=''"
              " xmlns:exif='http://ns.adobe.com/exif/1.0/' xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'"
              f"{attributes}/></rdf:RDF></x:xmpmeta><?xpacket end='w'?>")
    return segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + packet.encode())

# --- a TIFF/EXIF writer ------------------------------------------------------------------------
ASCII, BYTE, SHORT, LONG, RATIONAL, SRATIONAL, UNDEFINED = 2, 1, 3, 4, 5, 10, 7
SIZES = {ASCII: 1, BYTE: 1, SHORT: 2, LONG: 4, RATIONAL: 8, SRATIONAL: 8, UNDEFINED: 1}

def tiff(order, ifd0, exif=None, gps=None, ifd0_at=8, extra_gps=None):
    """order: '<' (II) or '>' (MM); each IFD a list of (tag, type, value). With ifd0_at > 8 the
    IFDs follow that many bytes of filler, as in TIFF files that write their IFDs last."""
    e = order
    def enc(typ, value):
        if typ == ASCII:
            data = value.encode("utf-8") if isinstance(value, str) else value
            return data + b"\x00", len(data) + 1
        if typ in (BYTE, UNDEFINED):
            data = bytes(value)
            return data, len(data)
        if typ == SHORT:
            return b"".join(struct.pack(e + "H", v) for v in value), len(value)
        if typ == LONG:
            return b"".join(struct.pack(e + "I", v) for v in value), len(value)
        if typ in (RATIONAL, SRATIONAL):
            f = "I" if typ == RATIONAL else "i"
            return b"".join(struct.pack(e + f + f, n, d) for n, d in value), len(value)
        raise ValueError(typ)

    def build(entries, start, pointers):
        entries = sorted(entries + pointers, key=lambda t: t[0])
        head = struct.pack(e + "H", len(entries))
        data_start = start + 2 + 12 * len(entries) + 4
        body, data = b"", b""
        for tag, typ, value in entries:
            raw, count = enc(typ, value)
            if len(raw) <= 4:
                field = raw.ljust(4, b"\x00")
            else:
                field = struct.pack(e + "I", data_start + len(data))
                data += raw + (b"\x00" if len(raw) % 2 else b"")
            body += struct.pack(e + "HHI", tag, typ, count) + field
        return head + body + struct.pack(e + "I", 0) + data

    header = (b"II" if order == "<" else b"MM") + struct.pack(e + "HI", 42, ifd0_at)
    # Lay out IFD0 first with placeholder pointers, then the sub-IFDs after it.
    pointers = []
    if exif is not None: pointers.append((0x8769, LONG, [0]))
    if gps is not None: pointers.append((0x8825, LONG, [0]))
    if extra_gps is not None: pointers.append((0x8825, LONG, [0]))
    ifd0_entries = ifd0
    ifd0 = build(ifd0_entries, ifd0_at, pointers)
    offset = ifd0_at + len(ifd0)
    blocks, real = [], []
    if exif is not None:
        real.append((0x8769, LONG, [offset]))
        block = build(exif, offset, [])
        blocks.append(block); offset += len(block)
    if gps is not None:
        real.append((0x8825, LONG, [offset]))
        block = build(gps, offset, [])
        blocks.append(block); offset += len(block)
    if extra_gps is not None:
        real.append((0x8825, LONG, [offset]))
        block = build(extra_gps, offset, [])
        blocks.append(block); offset += len(block)
    ifd0 = build(ifd0_entries, ifd0_at, real) if real else ifd0
    return header + b"\x00" * (ifd0_at - 8) + ifd0 + b"".join(blocks)

def exif_block(order="<", make="Samsung", model="SM-A515F", software="A515FXXU5", dto=None, offset=None,
               create=None, subsec=None, gps=None, ifd0_at=8, ifd0_extra=(), exif_extra=(), extra_gps=None):
    ifd0 = list(ifd0_extra)
    if make is not None: ifd0.append((0x010F, ASCII, make))
    if model is not None: ifd0.append((0x0110, ASCII, model))
    if software is not None: ifd0.append((0x0131, ASCII, software))
    exif = []
    if dto is not None: exif.append((0x9003, ASCII, dto))
    if create is not None: exif.append((0x9004, ASCII, create))
    if offset is not None: exif.append((0x9011, ASCII, offset))
    if subsec is not None: exif.append((0x9291, ASCII, subsec))
    exif += list(exif_extra)
    return tiff(order, ifd0, exif or None, gps, ifd0_at, extra_gps)

# --- GPS IFDs -------------------------------------------------------------------------------
def dms(value):
    """Degrees, minutes, seconds (seconds with 1/10000 precision)."""
    value = abs(value)
    d = int(value); m = int((value - d) * 60); s = round(((value - d) * 60 - m) * 60 * 10000)
    return [(d, 1), (m, 1), (s, 10000)]

def decimal_minutes(value):
    """Degrees, decimal minutes, seconds 0/1 (many Android phones)."""
    value = abs(value)
    d = int(value)
    return [(d, 1), (round((value - d) * 60 * 1000000), 1000000), (0, 1)]

def degrees_only(value):
    """Everything in the degrees rational."""
    return [(round(abs(value) * 10000000), 10000000), (0, 1), (0, 1)]

def gps_ifd(lat, lon, layout=dms, date="2026:04:17", time=(2, 15, 5), status=None, accuracy=None,
            lat_ref=None, lon_ref=None, altitude=12.5, raw_lat=None, raw_lon=None, jitter=True):
    """A GPS IFD. The position moves by a few millionths of a degree (at most 2 m) per call, so
    that no two photos share one, as real fixes never do; `jitter=False` keeps it exact (for the
    tests that read it back: those photos share one time, so they are not repeats either)."""
    if jitter and lat is not None and lon is not None:
        k = next(JITTER)
        lat, lon = lat + (k % 16 + 1) * 1e-6, lon + (k // 16 % 16) * 1e-6
    g = [(0x0000, BYTE, [2, 3, 0, 0])]
    if lat is not None:
        g.append((0x0001, ASCII, lat_ref if lat_ref is not None else ("S" if lat < 0 else "N")))
        g.append((0x0002, RATIONAL, raw_lat or layout(lat)))
    if lon is not None:
        g.append((0x0003, ASCII, lon_ref if lon_ref is not None else ("W" if lon < 0 else "E")))
        g.append((0x0004, RATIONAL, raw_lon or layout(lon)))
    g = [t for t in g if t[2] != ""]
    if altitude is not None:
        g.append((0x0005, BYTE, [0]))
        g.append((0x0006, RATIONAL, [(round(altitude * 100), 100)]))
    if time is not None:
        g.append((0x0007, RATIONAL, [(time[0], 1), (time[1], 1), (time[2], 1)]))
    if status is not None:
        g.append((0x0009, ASCII, status))
    if date is not None:
        g.append((0x001D, ASCII, date))
    if accuracy is not None:
        g.append((0x001F, RATIONAL, [(round(accuracy * 10), 10)]))
    return g

# --- other containers carrying the same EXIF ----------------------------------------------

def box(kind, payload):
    return struct.pack(">I", 8 + len(payload)) + kind + payload

def full_box(kind, version, payload, flags=0):
    return box(kind, bytes([version]) + flags.to_bytes(3, "big") + payload)

def heic(exif, brand=b"heic", extra_exif=None, exif_in_idat=False, extra_describes=2):
    """An iPhone-like HEIF: a grid primary item (id 1) made of two tiles (2, 3), the EXIF item (4)
    that describes the primary item, and optionally a second EXIF item (5) for a tile, listed
    first so that a reader must follow `cdsc` to pick the right one. Image data is dummy bytes."""
    item = struct.pack(">I", 0) + exif                      # 4-byte offset to the TIFF header
    other = struct.pack(">I", 0) + extra_exif if extra_exif else None
    infes = []
    if other: infes.append(full_box(b"infe", 2, struct.pack(">HH", 5, 0) + b"Exif" + b"\x00"))
    infes += [full_box(b"infe", 2, struct.pack(">HH", 1, 0) + b"grid" + b"\x00"),
              full_box(b"infe", 2, struct.pack(">HH", 2, 0) + b"hvc1" + b"\x00"),
              full_box(b"infe", 2, struct.pack(">HH", 3, 0) + b"hvc1" + b"\x00"),
              full_box(b"infe", 2, struct.pack(">HH", 4, 0) + b"Exif" + b"\x00")]
    iinf = full_box(b"iinf", 0, struct.pack(">H", len(infes)) + b"".join(infes))
    refs = box(b"dimg", struct.pack(">HHHH", 1, 2, 2, 3)) + box(b"cdsc", struct.pack(">HHH", 4, 1, 1))
    if other: refs += box(b"cdsc", struct.pack(">HHH", 5, 1, extra_describes))
    iref = full_box(b"iref", 0, refs)
    pitm = full_box(b"pitm", 0, struct.pack(">H", 1))
    hdlr = full_box(b"hdlr", 0, b"\x00" * 4 + b"pict" + b"\x00" * 13)
    tiles = b"\x00" * 64
    ftyp = box(b"ftyp", brand + struct.pack(">I", 0) + b"mif1" + brand)
    idat = box(b"idat", item) if exif_in_idat else b""
    def build(mdat_start):
        iloc = full_box(b"iloc", 1, iloc_body(mdat_start))
        meta = full_box(b"meta", 0, hdlr + pitm + iloc + iinf + iref + idat)
        return meta
    def iloc_body(mdat_start):
        entries = []
        pos = mdat_start
        entries.append((1, 0, [(pos, 8)])); pos += 8
        entries.append((2, 0, [(pos, 32)])); pos += 32
        entries.append((3, 0, [(pos, 32)])); pos += 32
        if exif_in_idat:
            entries.append((4, 1, [(0, len(item))]))
        else:
            entries.append((4, 0, [(pos, len(item))])); pos += len(item)
        if other:
            entries.append((5, 0, [(pos, len(other))])); pos += len(other)
        body = bytes([0x44, 0x00]) + struct.pack(">H", len(entries))
        for item_id, method, extents in entries:
            body += struct.pack(">HH", item_id, method) + struct.pack(">H", 0) + struct.pack(">H", len(extents))
            for off, length in extents:
                body += struct.pack(">II", off, length)
        return body
    meta = build(0)
    mdat_start = len(ftyp) + len(meta) + 8
    meta = build(mdat_start)
    mdat = b"\x00" * 8 + tiles + (b"" if exif_in_idat else item) + (other or b"")
    return ftyp + meta + box(b"mdat", mdat)

def png(exif, raw_profile=False):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    idat = chunk(b"IDAT", zlib.compress(b"\x00\x00"))
    if exif is None:
        meta = b""
    elif raw_profile:
        payload = b"Exif\x00\x00" + exif
        hexed = payload.hex()
        text = b"\nexif\n" + str(len(payload)).rjust(8).encode() + b"\n" + \
            b"\n".join(hexed[i:i + 72].encode() for i in range(0, len(hexed), 72)) + b"\n"
        meta = chunk(b"zTXt", b"Raw profile type exif\x00\x00" + zlib.compress(text))
    else:
        meta = chunk(b"eXIf", exif)
    return b"\x89PNG\r\n\x1a\n" + ihdr + meta + idat + chunk(b"IEND", b"")

def webp(exif, *more):
    def chunk(kind, data):
        return kind + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) % 2 else b"")
    vp8x = chunk(b"VP8X", bytes([0x08, 0, 0, 0]) + (0).to_bytes(3, "little") + (0).to_bytes(3, "little"))
    vp8l = chunk(b"VP8L", bytes([0x2F, 0, 0, 0, 0]))
    body = b"WEBP" + vp8x + vp8l + b"".join(chunk(b"EXIF", e) for e in (exif,) + more)
    return b"RIFF" + struct.pack("<I", len(body)) + body

MUNTOK = (-2.0617, 105.1640)
JEBUS = (-1.7078, 105.4607)
KELAPA = (-1.8863, 105.5526)
NEAR_IN = (-1.962127, 105.713363)     # 111 m inside, Kec. Tempilang
NEAR_OUT = (-1.962127, 105.715363)    # 111 m into Kabupaten Bangka
IN_332 = (-1.962127, 105.711363)      # 332 m inside
OUT_443 = (-1.962127, 105.718363)     # 443 m into Kabupaten Bangka
PANGKAL_PINANG = (-2.1316, 106.1133)
PALEMBANG = (-2.9761, 104.7458)
OFFSHORE_MUNTOK = (-2.0767, 105.1640)  # at sea, 558 m south of the coast at Muntok
SEA = (-2.25, 105.0)
FRIDAY = "2026:04:17 09:15:00"        # 02:15 UTC

def photo(point=MUNTOK, order="<", layout=dms, dto=FRIDAY, offset="+07:00", gps_date="2026:04:17",
          gps_time=(2, 15, 5), **gps_args):
    g = gps_ifd(point[0], point[1], layout=layout, date=gps_date, time=gps_time, **gps_args)
    return jpeg(exif_block(order=order, dto=dto, offset=offset, subsec="120", gps=g))

FIXTURES = {
    # ok, in each byte order and coordinate layout
    "ok-muntok-ii-dms.jpg": photo(MUNTOK, "<", dms, jitter=False),
    "ok-jebus-mm-decimal-minutes.jpg": photo(JEBUS, ">", decimal_minutes, offset=None, jitter=False),
    "ok-kelapa-ii-degrees-only.jpg": photo(KELAPA, "<", degrees_only, jitter=False),
    "ok-kelapa-mm-dms.jpg": photo(KELAPA, ">", dms, jitter=False),
    "ok-332m-inside.jpg": photo(IN_332),
    "ok-gps-time-only.jpg": jpeg(exif_block(gps=gps_ifd(*MUNTOK))),
    "ok-create-date-only.jpg": jpeg(exif_block(create=FRIDAY, gps=gps_ifd(*MUNTOK))),
    # a clock set to WITA (+08:00) in Muntok, which is WIB: the date is judged by the GPS clock
    # (Friday 2026-04-17 23:30 WIB); 2026-04-18 00:30 in WITA is the same instant
    "offset-mismatch-wita-clock-in-muntok.jpg": photo(MUNTOK, dto="2026:04:18 00:30:00", offset="+08:00",
                                                      gps_date="2026:04:17", gps_time=(16, 30, 0)),
    "ok-exif-after-jfif-and-xmp.jpg": jpeg(
        exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*MUNTOK)),
        before=segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta xmlns:x='adobe:ns:meta/'/>")),
    # where
    "outside-pangkal-pinang.jpg": photo(PANGKAL_PINANG, jitter=False),
    "outside-palembang-mm.jpg": photo(PALEMBANG, ">"),
    "outside-at-sea.jpg": photo(SEA),
    "outside-443m-kabupaten-bangka.jpg": photo(OUT_443),
    "near-boundary-inside.jpg": photo(NEAR_IN),
    "near-boundary-outside.jpg": photo(NEAR_OUT, ">", decimal_minutes),
    "near-boundary-gps-error.jpg": photo(IN_332, accuracy=150, jitter=False),
    # at sea 558 m off Muntok's own coast (the ferry jetty, houses on stilts), no other land nearer
    "near-boundary-offshore-muntok.jpg": photo(OFFSHORE_MUNTOK),
    # no or bad position
    "no-exif-messenger.jpg": jpeg(None),
    "no-gps.jpg": jpeg(exif_block(dto=FRIDAY, offset="+07:00")),
    "IMG-20260403-WA0012.jpg": jpeg(None),  # as WhatsApp names what it saves, EXIF gone
    # as Telegram names what it saves; the GPS IFD is left with its time but no position
    "photo_2026-04-17_09-15-00.jpg": jpeg(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(None, None))),
    "invalid-gps-zero-denominator.jpg": photo(raw_lat=[(2, 1), (3, 0), (42, 1)]),
    "invalid-gps-null-island.jpg": photo((0.0, 0.0), lat_ref="N", lon_ref="E", jitter=False),
    "invalid-gps-void-status.jpg": photo(status="V"),
    "invalid-gps-missing-ref.jpg": photo(lat_ref=""),
    "invalid-gps-out-of-range.jpg": photo(raw_lat=[(95, 1), (0, 1), (0, 1)]),
    # when
    "no-capture-time.jpg": jpeg(exif_block(gps=gps_ifd(*MUNTOK, date=None, time=None))),
    "holiday-good-friday.jpg": photo(dto="2026:04:03 09:15:00", gps_date="2026:04:03"),
    "not-wfh-day-thursday.jpg": photo(dto="2026:04:09 09:15:00", gps_date="2026:04:09"),
    "before-policy-start.jpg": photo(dto="2026:03:27 09:15:00", gps_date="2026:03:27"),
    "future-capture-time.jpg": photo(dto="2031:01:03 09:15:00", gps_date="2031:01:03"),
    "gps-time-mismatch.jpg": photo(gps_time=(4, 15, 5)),
    "friday-2026-04-10.jpg": photo(dto="2026:04:10 09:15:00", gps_date="2026:04:10"),
    # conflicting copies of the metadata: never resolved silently (review, every value shown)
    "conflicting-two-exif-app1.jpg": jpeg(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*MUNTOK, jitter=False)),
                                          after=app1_exif(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*PALEMBANG, jitter=False)))),
    "conflicting-duplicate-gps-latitude.jpg": jpeg(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*MUNTOK) + [
        (0x0002, RATIONAL, dms(PALEMBANG[0]))])),
    "conflicting-two-gps-ifds.jpg": jpeg(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*MUNTOK),
                                                    extra_gps=gps_ifd(*PALEMBANG))),
    "conflicting-duplicate-datetimeoriginal.jpg": jpeg(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*MUNTOK),
                                                                  exif_extra=[(0x9003, ASCII, "2026:04:09 09:15:00")])),
    "conflicting-ifd0-datetimeoriginal.jpg": jpeg(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*MUNTOK),
                                                             ifd0_extra=[(0x9003, ASCII, "2026:04:09 09:15:00")])),
    "conflicting-xmp-position.jpg": jpeg(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*MUNTOK)),
                                         after=app1_xmp({"exif:GPSLatitude": "2,58.566S", "exif:GPSLongitude": "104,44.748E"})),
    "conflicting-xmp-date.jpg": jpeg(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*MUNTOK)),
                                     after=app1_xmp({"exif:DateTimeOriginal": "2026-04-23T09:15:00+07:00"})),
    "ok-xmp-agrees-with-exif.jpg": jpeg(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*MUNTOK, jitter=False)),
                                        after=app1_xmp({"exif:GPSLatitude": "2,3.702S", "exif:GPSLongitude": "105,9.84E",
                                                        "exif:DateTimeOriginal": "2026-04-17T09:15:00.120+07:00"})),
    "conflicting-heic-two-exif-items-for-primary.heic": heic(
        exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*KELAPA)),
        extra_exif=exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*PALEMBANG)), extra_describes=1),
    "conflicting-webp-two-exif-chunks.webp": webp(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*JEBUS)),
                                                  exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*PALEMBANG))),
    # values that do not parse are said, not replaced
    "invalid-gps-ref-leading-space.jpg": photo(lat_ref=" S"),
    "invalid-capture-time-leading-space.jpg": jpeg(exif_block(dto=" 2026:04:09 22:00:00", create=FRIDAY, offset="+07:00",
                                                              gps=gps_ifd(*MUNTOK))),
    "invalid-capture-time-hour-24.jpg": jpeg(exif_block(dto="2026:04:09 24:00:00", create=FRIDAY, gps=gps_ifd(*MUNTOK))),
    "invalid-capture-time-offset.jpg": photo(offset="+-9:00"),
    # a real camera's IFD0 thumbnail length of 0xFFFFFFFF must cost only the thumbnail
    "ok-thumbnail-length-past-end.jpg": jpeg(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*MUNTOK),
                                                        ifd0_extra=[(0x0201, LONG, [2000]), (0x0202, LONG, [0xFFFFFFFF])])),
    # hostile text: terminal escape, newline and a spreadsheet formula in EXIF strings
    "hostile-strings.jpg": jpeg(exif_block(make="=HYPERLINK(\"http://x\")", model="Evil\x1b[31mRED\x1b[0m\nPhone",
                                           software="+cmd|' /C calc'!A0", dto=FRIDAY, offset="+07:00",
                                           gps=gps_ifd(*MUNTOK))),
    # not readable as a photo
    "unreadable-empty.jpg": b"",
    "unreadable-text-named.jpg": b"This is a text file, not a photo.\n",
    # other containers (the content decides, not the name)
    "ok-heic-grid-two-exif-items.heic": heic(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*KELAPA, jitter=False)),
                                             extra_exif=exif_block(dto="2020:01:01 00:00:00", gps=gps_ifd(*PALEMBANG))),
    "ok-heic-exif-in-idat.heic": heic(exif_block(order=">", dto=FRIDAY, offset="+07:00", gps=gps_ifd(*MUNTOK, jitter=False)), exif_in_idat=True),
    "ok-heic-named-as.jpg": heic(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*JEBUS, jitter=False))),
    "ok-avif.avif": heic(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*MUNTOK, jitter=False)), brand=b"avif"),
    "ok-png-exif-chunk.png": png(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*MUNTOK, jitter=False))),
    "ok-png-raw-profile.png": png(exif_block(order=">", dto=FRIDAY, offset="+07:00", gps=gps_ifd(*KELAPA, jitter=False)), raw_profile=True),
    "ok-webp.webp": webp(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*JEBUS, jitter=False))),
    "ok-dng-version.dng": exif_block(order="<", dto=FRIDAY, offset="+07:00", gps=gps_ifd(*MUNTOK, jitter=False),
                                     ifd0_extra=[(0xC612, BYTE, [1, 4, 0, 0])]),
    # GPSTimeStamp seconds 5.5: the fraction is kept in gps_time
    "ok-gps-fractional-seconds.jpg": jpeg(exif_block(dto=FRIDAY, offset="+07:00", gps=[
        t if t[0] != 0x0007 else (0x0007, RATIONAL, [(2, 1), (15, 1), (55, 10)]) for t in gps_ifd(*MUNTOK)])),
    "ok-tiff-ifds-after-80kb.tif": exif_block(order=">", dto=FRIDAY, offset="+07:00", gps=gps_ifd(*JEBUS, jitter=False), ifd0_at=80008),
    "no-exif-screenshot.png": png(None),
    "unreadable-truncated-header.jpg": jpeg(exif_block(dto=FRIDAY, gps=gps_ifd(*MUNTOK)), picture=IMAGE)[:-len(IMAGE) + 20],
}

# --- hostile inputs, replayed by a test (Fuzz/Regressions/, beside the fuzzer's crashers) -----
def tiff_raw(order, ifd0_at, ifd_bytes, filler_byte=b"\x00"):
    e = order
    return (b"II" if e == "<" else b"MM") + struct.pack(e + "HI", 42, ifd0_at) + filler_byte * (ifd0_at - 8) + ifd_bytes

def looping_exif():
    """IFD0 whose next-IFD and Exif pointers both point back at IFD0."""
    e = "<"
    entries = [(0x010F, ASCII, 4, struct.unpack(e + "I", b"Evil")[0]), (0x8769, LONG, 1, 8), (0x8825, LONG, 1, 8)]
    body = struct.pack(e + "H", len(entries)) + b"".join(struct.pack(e + "HHII", *t) for t in entries) + struct.pack(e + "I", 8)
    return b"II" + struct.pack(e + "HI", 42, 8) + body

def heic_exif_item_with_extents(extents, mdat_size, sizes=(4, 4, 0, 0), item_count=1, extent_count=None):
    """A HEIC whose Exif item (id 1) lies at the given (offset, length) extents (length 0: "to the
    end of the file"), with an mdat of `mdat_size` bytes; or, with `item_count` > 1 and `sizes`
    of 0, an iloc of that many items of `extent_count` empty extents each."""
    offset_size, length_size, base_size, index_size = sizes
    infe = full_box(b"infe", 2, struct.pack(">HH", 1, 0) + b"Exif" + b"\x00")
    iinf = full_box(b"iinf", 0, struct.pack(">H", 1) + infe)
    pitm = full_box(b"pitm", 0, struct.pack(">H", 2))
    ftyp = box(b"ftyp", b"heic" + struct.pack(">I", 0) + b"mif1heic")
    def field(value, size):
        return value.to_bytes(size, "big") if size else b""
    body = bytes([offset_size << 4 | length_size, base_size << 4 | index_size]) + struct.pack(">H", item_count)
    for item in range(1, item_count + 1):
        these = extents if item == 1 else []
        count = len(these) if extent_count is None else extent_count
        body += struct.pack(">HH", item, 0) + struct.pack(">H", 0) + field(0, base_size) + struct.pack(">H", count)
        for off, length in (these if extent_count is None else [(0, 0)] * count):
            body += field(0, index_size) + field(off, offset_size) + field(length, length_size)
    iloc = full_box(b"iloc", 1, body)
    meta = full_box(b"meta", 0, full_box(b"hdlr", 0, b"\x00" * 4 + b"pict" + b"\x00" * 13) + pitm + iloc + iinf)
    return ftyp + meta + box(b"mdat", b"\x00" * mdat_size)

def png_junk_profiles_then_exif(junk):
    """`junk` zTXt raw profiles that each inflate to 8 MiB of non-hex text, then a valid one."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    bomb = zlib.compress(b"\nexif\n 99\n" + b"z" * (8 * 1024 * 1024), 9)
    good = png(exif_block(dto=FRIDAY, offset="+07:00", gps=gps_ifd(*MUNTOK)), raw_profile=True)
    head, tail = good[:33], good[33:]  # after the signature and IHDR
    return head + b"".join(chunk(b"zTXt", b"Raw profile type exif\x00\x00" + bomb) for _ in range(junk)) + tail

REGRESSIONS = {
    "crafted-jpeg-ifd-loop.jpg": jpeg(looping_exif()),
    "crafted-tiff-pointer-loop.tif": tiff_raw("<", 70000, struct.pack("<H", 2) + struct.pack("<HHII", 0x8769, LONG, 1, 70000)
                                               + struct.pack("<HHII", 0x8825, LONG, 1, 70000) + struct.pack("<I", 70000)),
    "crafted-tiff-absurd-count.tif": tiff_raw(">", 70000, struct.pack(">H", 65535) + b"\x01" * 64),
    "crafted-tiff-huge-values.tif": tiff_raw("<", 70000, struct.pack("<H", 1) + struct.pack("<HHII", 0x010F, ASCII, 0xFFFFFFFF, 0xFFFFFFF0)),
    "crafted-heic-huge-extent.heic": heic(exif_block(gps=gps_ifd(*MUNTOK)))[:200] + b"\xff" * 64,
    "crafted-heic-meta-largesize.heic": box(b"ftyp", b"heic\x00\x00\x00\x00mif1") + struct.pack(">I", 1) + b"meta" + struct.pack(">Q", 1 << 40) + b"\x00" * 32,
    "crafted-heic-zero-size-box.heic": box(b"ftyp", b"heic\x00\x00\x00\x00mif1") + struct.pack(">I", 0) + b"meta" + b"\x00" * 40,
    "crafted-png-zip-bomb.png": (lambda text: b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(text)) + b"zTXt" + text + b"\x00" * 4)(
        b"Raw profile type exif\x00\x00" + zlib.compress(b"\nexif\n 99999999\n" + b"0" * (64 * 1024 * 1024), 9)),
    "crafted-webp-huge-chunk.webp": b"RIFF" + struct.pack("<I", 100) + b"WEBP" + b"EXIF" + struct.pack("<I", 0xFFFFFFFF) + b"II*\x00",
    "crafted-jpeg-many-segments.jpg": b"\xFF\xD8" + b"\xFF\xFE\x00\x02" * 6000 + segment(0xE1, b"Exif\x00\x00" + looping_exif()) + IMAGE,
    "crafted-jpeg-app1-past-eof.jpg": b"\xFF\xD8\xFF\xE1\xFF\xFFExif\x00\x00II*\x00\x08\x00\x00\x00",
    # extents of length 0 each mean "to the end of the file": four of them in a 2.5 MiB file add
    # up to more than the 4 MiB EXIF limit (this trapped in ISOBMFFExif and killed nightly runs)
    "crafted-heic-zero-length-extents.heic": heic_exif_item_with_extents([(400, 0)] * 4, mdat_size=2_621_440),
    # offset and length sizes of 0: 8,000 items of 65,535 extents that take no bytes (10 GB before)
    "crafted-heic-iloc-empty-extents.heic": heic_exif_item_with_extents([], mdat_size=64, sizes=(0, 0, 0, 0),
                                                                        item_count=8000, extent_count=65535),
    # three zTXt profiles that inflate to 8 MiB each: the file's inflate budget ends before the
    # valid profile after them is read
    "crafted-png-junk-profiles.png": png_junk_profiles_then_exif(3),
    "crafted-jpeg-huge-rationals.jpg": photo(raw_lat=[(0xFFFFFFFF, 1), (0xFFFFFFFF, 1), (0xFFFFFFFF, 1)],
                                             raw_lon=[(1, 0xFFFFFFFF), (0, 1), (0, 1)]),
}

# An invented roster and schedule (never real people): NIPs that are plausible but made up.
# Homes: Ani at the point of the Muntok photos, Budi in desa Tanjung (where they were taken),
# Eka at a point far away. Groups A and B; the schedule puts B on 2026-04-10 and A on 2026-04-17.
STAFF = {
    "roster.csv": "\ufeffnip;nama;unit_kerja;jabatan;kelompok;dikecualikan;lat;lon;desa\r\n"
                  "198503152010011002;Ani Contoh;Dinas Contoh;Analis Kebijakan;A;;-2.0617;105.164;\r\n"
                  "199001012015031001;Budi Contoh;Dinas Contoh;Pengelola Data;B;;;;Desa Tanjung\r\n"
                  "197905052005011004;Citra Contoh;Kecamatan Muntok;Camat Muntok;A;;;;\r\n"
                  "198812122012122003;Dedi Contoh;Dinas Contoh;Analis Kebijakan;A;ya;;;\r\n"
                  "199203032019032005;Eka Contoh;Dinas Contoh;Analis Kebijakan;B;tidak;-1.70;105.50;\r\n",
    "schedule.csv": "tanggal,kelompok\n2026-04-10,B\n2026-04-17,A\n",
}

# An invented upload tree DAY/NIP/photo (Fixtures/uploads/) over the roster above, with every
# per-person reason and every ledger outcome: Budi ok on the 10th, Eka due on the 10th and
# missing, Ani not scheduled on the 10th, on the holiday of the 3rd, and on the 17th in Muntok
# and, ten minutes later, in Jebus (impossible travel, and far from home); Citra (a Camat)
# exempt; Eka's unreadable upload on the 17th; a NIP not on the roster; a folder without a NIP.
ANI, BUDI, CITRA, EKA = "198503152010011002", "199001012015031001", "197905052005011004", "199203032019032005"
UPLOADS = {
    f"2026-04-03/{ANI}/foto.jpg": photo(dto="2026:04:03 09:15:00", gps_date="2026:04:03"),
    f"2026-04-10/{ANI}/foto.jpg": photo(dto="2026:04:10 09:15:00", gps_date="2026:04:10"),
    f"2026-04-10/{BUDI}/foto.jpg": photo(dto="2026:04:10 09:15:00", gps_date="2026:04:10"),
    f"2026-04-17/{ANI}/foto-pagi.jpg": photo(),
    f"2026-04-17/{ANI}/foto-siang.jpg": photo(JEBUS, dto="2026:04:17 09:25:00", gps_time=(2, 25, 5)),
    f"2026-04-17/{CITRA}/foto.jpg": photo(),
    f"2026-04-17/{EKA}/foto.jpg": FIXTURES["unreadable-truncated-header.jpg"],
    "2026-04-17/199912312020121001/foto.jpg": photo(),
    "2026-04-17/tanpa-nip/foto.jpg": photo(),
}

def main():
    os.makedirs(OUT, exist_ok=True)
    uploads = os.path.join(OUT, "uploads")
    shutil.rmtree(uploads, ignore_errors=True)
    for name, data in sorted(UPLOADS.items()):
        os.makedirs(os.path.dirname(os.path.join(uploads, name)), exist_ok=True)
        with open(os.path.join(uploads, name), "wb") as f:
            f.write(data)
    for name in os.listdir(OUT):
        if not name.endswith(".md") and os.path.isfile(os.path.join(OUT, name)):
            os.remove(os.path.join(OUT, name))
    staff = os.path.join(OUT, "staff")
    os.makedirs(staff, exist_ok=True)
    for name, text in sorted(STAFF.items()):
        with open(os.path.join(staff, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    for name, data in sorted(FIXTURES.items()):
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    regressions = os.path.join(ROOT, "Fuzz", "Regressions")
    os.makedirs(regressions, exist_ok=True)
    for name, data in sorted(REGRESSIONS.items()):
        with open(os.path.join(regressions, name), "wb") as f:
            f.write(data)
    print(f"wrote {len(FIXTURES)} fixtures to Fixtures/ and {len(REGRESSIONS)} crafted inputs to Fuzz/Regressions/")

if __name__ == "__main__":
    main()
