#!/usr/bin/env python3
"""Write large fuzzing seeds (2-9 MiB) in every container into a folder (pure Python).

    python3 Fuzz/make-seeds.py .fuzz/seeds

scripts/fuzz.sh runs this before each run; the output is not committed. Fixtures/ and
Fuzz/Regressions/ hold small files only, so without these the fuzzer never mutates the offsets,
extents and limits that matter in big files (a HEIC over 2 MiB whose Exif item has several
extents "to the end of the file" once crashed the reader). Every seed is valid and carries the
EXIF block (with GPS) of a fixture, placed far into the file; the same arguments always write
the same bytes.
"""
import os, random, struct, sys, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MiB = 1 << 20
rng = random.Random(7)


def jpeg_parts(path):
    """The TIFF block of a fixture's EXIF APP1 segment, and its image (tables to EOI)."""
    data = open(path, "rb").read()
    i, tiff = 2, None
    while data[i] == 0xFF and data[i + 1] not in (0xDB, 0xC0, 0xC4, 0xDA):
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if data[i + 1] == 0xE1 and data[i + 4:i + 10] == b"Exif\x00\x00":
            tiff = data[i + 10:i + 2 + length]
        i += 2 + length
    return tiff, data[i:]


TIFF, IMAGE = jpeg_parts(os.path.join(ROOT, "Fixtures", "ok-muntok-ii-dms.jpg"))
TIFF_MM, _ = jpeg_parts(os.path.join(ROOT, "Fixtures", "ok-kelapa-mm-dms.jpg"))


def noise(n):
    """Incompressible bytes, as image data is."""
    return rng.randbytes(n)


def size(low, high):
    return rng.randrange(low * MiB, high * MiB)


# --- ISOBMFF (HEIC, AVIF) -------------------------------------------------------------------
def box(kind, payload, large=False):
    if large:
        return struct.pack(">I", 1) + kind + struct.pack(">Q", 16 + len(payload)) + payload
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def full_box(kind, version, payload, flags=0):
    return box(kind, bytes([version]) + flags.to_bytes(3, "big") + payload)


def heif(brand, primary_type, exif_items, mdat_size, version=1, sizes=(4, 4, 0, 0), mdat_first=False,
         large_mdat=False, iinf_version=0):
    """A HEIF with a primary image item (id 1) and Exif items; each Exif item is a list of
    pieces, each piece (bytes, length) with length None for the piece's own length and 0 for
    "to the end of the file" (the piece is then put at the end). `describes` is the item the
    Exif item is about (cdsc). The pieces are scattered through an mdat of `mdat_size` bytes."""
    offset_size, length_size, base_size, index_size = sizes
    id_format = ">H" if version < 2 else ">I"
    mdat = bytearray(noise(mdat_size))
    # Place the pieces: at random positions of the mdat, or at its end for length 0.
    placed = []  # per item: [(position in mdat, length)]
    tail = bytearray()
    cursor = mdat_size // 8
    for item in exif_items:
        extents = []
        for piece, length in item["pieces"]:
            if length == 0:
                tail += piece
                extents.append(("tail", len(tail) - len(piece), 0))
            else:
                position = cursor + rng.randrange(0, mdat_size // (4 * len(exif_items) * len(item["pieces"])))
                mdat[position:position + len(piece)] = piece
                cursor = position + len(piece)
                extents.append(("mdat", position, len(piece) if length is None else length))
        placed.append(extents)
    mdat += tail
    infes = [full_box(b"infe", 2 if version < 2 else 3, struct.pack(id_format, 1) + struct.pack(">H", 0) + primary_type + b"\x00")]
    for item in exif_items:
        infes.append(full_box(b"infe", 2 if version < 2 else 3, struct.pack(id_format, item["id"]) + struct.pack(">H", 0) + b"Exif\x00"))
    count = struct.pack(">H" if iinf_version == 0 else ">I", len(infes))
    iinf = full_box(b"iinf", iinf_version, count + b"".join(infes))
    refs = b"".join(box(b"cdsc", struct.pack(id_format, item["id"]) + struct.pack(">H", 1) + struct.pack(id_format, item["describes"]))
                    for item in exif_items)
    iref = full_box(b"iref", 0 if version < 2 else 1, refs)
    pitm = full_box(b"pitm", 0 if version < 2 else 1, struct.pack(id_format, 1))
    hdlr = full_box(b"hdlr", 0, b"\x00" * 4 + b"pict" + b"\x00" * 13)
    ftyp = box(b"ftyp", brand + struct.pack(">I", 0) + b"mif1" + brand + b"miaf")

    def field(value, width):
        return value.to_bytes(width, "big") if width else b""

    def build(mdat_data_start):
        base = mdat_data_start if base_size else 0
        body = bytes([offset_size << 4 | length_size, base_size << 4 | index_size])
        body += struct.pack(">H" if version < 2 else ">I", 1 + len(exif_items))
        entries = [(1, [(mdat_data_start + 64, 4096)])]
        for item, extents in zip(exif_items, placed):
            absolute = []
            for where, position, length in extents:
                start = mdat_data_start + (mdat_size + position if where == "tail" else position)
                absolute.append((start, length))
            entries.append((item["id"], absolute))
        for item_id, extents in entries:
            body += struct.pack(id_format, item_id)
            if version >= 1:
                body += struct.pack(">H", 0)  # construction method 0: file offsets
            body += struct.pack(">H", 0) + field(base, base_size) + struct.pack(">H", len(extents))
            for k, (start, length) in enumerate(extents):
                body += field(k, index_size if version >= 1 else 0) + field(start - base, offset_size) + field(length, length_size)
        return full_box(b"meta", 0, hdlr + pitm + full_box(b"iloc", version, body) + iinf + iref)

    mdat_header = 16 if large_mdat else 8
    if mdat_first:
        start = len(ftyp) + mdat_header
        return ftyp + box(b"mdat", bytes(mdat), large_mdat) + build(start)
    meta = build(0)
    start = len(ftyp) + len(meta) + mdat_header
    return ftyp + build(start) + box(b"mdat", bytes(mdat), large_mdat)


def exif_item(tiff):
    return struct.pack(">I", 0) + tiff  # offset from the 5th byte to the TIFF header


def split(data, parts):
    cuts = sorted(rng.sample(range(1, len(data)), parts - 1))
    return [data[a:b] for a, b in zip([0] + cuts, cuts + [len(data)])]


def heif_seeds():
    item = exif_item(TIFF)
    yield "heic-exif-in-three-extents.heic", heif(b"heic", b"hvc1", [
        {"id": 2, "describes": 1, "pieces": [(p, None) for p in split(item, 3)]}], size(2, 9))
    yield "heic-exif-to-end-of-file.heic", heif(b"heic", b"hvc1", [
        {"id": 2, "describes": 1, "pieces": [(item, 0)]}], size(2, 4))
    yield "heic-mdat-first-largesize-v2-wide-fields.heic", heif(b"heic", b"hvc1", [
        {"id": 7, "describes": 1, "pieces": [(p, None) for p in split(exif_item(TIFF_MM), 4)]}],
        size(3, 8), version=2, sizes=(8, 8, 8, 4), mdat_first=True, large_mdat=True, iinf_version=1)
    yield "heic-two-exif-items.heic", heif(b"heic", b"grid", [
        {"id": 3, "describes": 2, "pieces": [(exif_item(TIFF_MM), None)]},
        {"id": 4, "describes": 1, "pieces": [(p, None) for p in split(item, 2)]}], size(2, 6))
    yield "avif-base-offset-index.avif", heif(b"avif", b"av01", [
        {"id": 2, "describes": 1, "pieces": [(p, None) for p in split(item, 3)]}],
        size(6, 9), sizes=(4, 4, 4, 2), mdat_first=True)


# --- JPEG ----------------------------------------------------------------------------------
def segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


JFIF = segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
APP1_EXIF = segment(0xE1, b"Exif\x00\x00" + TIFF)
XMP = segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta xmlns:x='adobe:ns:meta/'/>")


def icc(n):
    """n APP2 ICC profile segments of (nearly) the largest size."""
    return b"".join(segment(0xE2, b"ICC_PROFILE\x00" + bytes([k + 1, n]) + noise(65519)) for k in range(n))


def scan_data(n):
    """Entropy-coded bytes after the scan header: no 0xFF, so no markers."""
    return bytes(b % 255 for b in noise(n))


def jpeg_seeds():
    yield "jpeg-large-app-segments.jpg", b"\xFF\xD8" + JFIF + icc(48) + APP1_EXIF + XMP + IMAGE[:-2] + scan_data(size(1, 3)) + b"\xFF\xD9"
    comments = b"".join(segment(0xFE, noise(rng.randrange(0, 1400))) for _ in range(3000))
    yield "jpeg-many-segments.jpg", b"\xFF\xD8" + JFIF + comments + APP1_EXIF + IMAGE[:-2] + scan_data(size(1, 2)) + b"\xFF\xD9"
    yield "jpeg-exif-after-8-mib.jpg", b"\xFF\xD8" + JFIF + icc(130) + XMP + APP1_EXIF + IMAGE
    second = segment(0xE1, b"Exif\x00\x00" + TIFF_MM)
    yield "jpeg-two-exif-segments.jpg", b"\xFF\xD8" + APP1_EXIF + icc(8) + second + segment(0xE2, b"MPF\x00" + noise(60000)) \
        + IMAGE[:-2] + scan_data(size(2, 5)) + b"\xFF\xD9"


# --- PNG -----------------------------------------------------------------------------------
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def raw_profile(tiff):
    payload = b"Exif\x00\x00" + tiff
    hexed = payload.hex()
    return b"\nexif\n" + str(len(payload)).rjust(8).encode() + b"\n" + \
        b"\n".join(hexed[i:i + 72].encode() for i in range(0, len(hexed), 72)) + b"\n"


def png_seeds():
    ihdr = chunk(b"IHDR", struct.pack(">IIBBBBB", 1024, 1024, 8, 2, 0, 0, 0))
    idat = b"".join(chunk(b"IDAT", noise(MiB)) for _ in range(rng.randrange(2, 5)))
    texts = b"".join(chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(noise(rng.randrange(10, 400)))) for _ in range(3000))
    big = b"".join(chunk(b"zTXt", b"Raw profile type iptc\x00\x00" + zlib.compress(noise(256 * 1024))) for _ in range(8))
    profile = chunk(b"zTXt", b"Raw profile type exif\x00\x00" + zlib.compress(raw_profile(TIFF)))
    end = chunk(b"IEND", b"")
    yield "png-many-and-large-ztxt.png", b"\x89PNG\r\n\x1a\n" + ihdr + texts + big + profile + idat + end
    itxt = chunk(b"iTXt", b"Raw profile type exif\x00\x01\x00\x00\x00" + zlib.compress(raw_profile(TIFF_MM)))
    yield "png-exif-after-image-data.png", b"\x89PNG\r\n\x1a\n" + ihdr + idat + big + itxt + chunk(b"eXIf", TIFF) + end


# --- WebP ----------------------------------------------------------------------------------
def riff_chunk(kind, data):
    return kind + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) % 2 else b"")


def webp_seeds():
    vp8x = riff_chunk(b"VP8X", bytes([0x2C, 0, 0, 0]) + (1023).to_bytes(3, "little") * 2)
    body = b"WEBP" + vp8x + riff_chunk(b"ICCP", noise(300000)) + riff_chunk(b"ALPH", noise(size(1, 2) + 1)) \
        + riff_chunk(b"VP8L", bytes([0x2F]) + noise(size(2, 6))) + riff_chunk(b"XMP ", b"<x:xmpmeta/>") + riff_chunk(b"EXIF", TIFF)
    yield "webp-exif-after-big-image.webp", b"RIFF" + struct.pack("<I", len(body)) + body
    unknown = b"".join(riff_chunk(b"UNKN", noise(rng.randrange(100, 600))) for _ in range(5000))
    body = b"WEBP" + vp8x + unknown + riff_chunk(b"VP8L", bytes([0x2F]) + noise(size(1, 2))) \
        + riff_chunk(b"EXIF", b"Exif\x00\x00" + TIFF_MM) + riff_chunk(b"EXIF", TIFF)
    yield "webp-many-chunks-two-exif.webp", b"RIFF" + struct.pack("<I", len(body)) + body


# --- TIFF (and DNG) ------------------------------------------------------------------------
ASCII, SHORT, LONG, RATIONAL = 2, 3, 4, 5


def tiff_file(order, length, layout):
    """A TIFF of `length` bytes of strip data whose IFDs sit at the given offsets: layout maps
    "ifd0", "exif", "gps" and "ifd1" to offsets; each IFD's values follow it."""
    e = order
    out = bytearray(noise(length))

    def put(at, entries, next_ifd=0):
        data_at = at + 2 + 12 * len(entries) + 4
        head, data = struct.pack(e + "H", len(entries)), b""
        for tag, typ, count, raw in sorted(entries):
            if len(raw) <= 4:
                value = raw.ljust(4, b"\x00")
            else:
                value = struct.pack(e + "I", data_at + len(data))
                data += raw + b"\x00" * (len(raw) % 2)
            head += struct.pack(e + "HHI", tag, typ, count) + value
        block = head + struct.pack(e + "I", next_ifd) + data
        out[at:at + len(block)] = block

    def rationals(*pairs):
        return b"".join(struct.pack(e + "II", n, d) for n, d in pairs)

    def ascii(text):
        return text.encode() + b"\x00"

    strip = 4096
    put(layout["ifd0"], [
        (0x0100, LONG, 1, struct.pack(e + "I", 1024)), (0x0101, LONG, 1, struct.pack(e + "I", 1024)),
        (0x010F, ASCII, 8, ascii("Samsung")), (0x0110, ASCII, 9, ascii("SM-A515F")),
        (0x0111, LONG, 1, struct.pack(e + "I", strip)), (0x0117, LONG, 1, struct.pack(e + "I", length - strip - 4096)),
        (0x8769, LONG, 1, struct.pack(e + "I", layout["exif"])), (0x8825, LONG, 1, struct.pack(e + "I", layout["gps"])),
    ], layout.get("ifd1", 0))
    put(layout["exif"], [(0x9003, ASCII, 20, ascii("2026:04:03 09:15:00")), (0x9011, ASCII, 7, ascii("+07:00"))])
    put(layout["gps"], [
        (0x0000, 1, 4, bytes([2, 3, 0, 0])), (0x0001, ASCII, 2, ascii("S")),
        (0x0002, RATIONAL, 3, rationals((2, 1), (3, 1), (422120, 10000))), (0x0003, ASCII, 2, ascii("E")),
        (0x0004, RATIONAL, 3, rationals((105, 1), (9, 1), (504000, 10000))),
        (0x0007, RATIONAL, 3, rationals((2, 1), (15, 1), (5, 1))), (0x001D, ASCII, 11, ascii("2026:04:03")),
    ])
    if "ifd1" in layout:
        put(layout["ifd1"], [(0x0100, LONG, 1, struct.pack(e + "I", 160)), (0x0101, LONG, 1, struct.pack(e + "I", 120))])
    out[0:8] = (b"II" if e == "<" else b"MM") + struct.pack(e + "HI", 42, layout["ifd0"])
    return bytes(out)


def tiff_seeds():
    n = size(6, 9)
    yield "tiff-ifds-far-into-the-file.tif", tiff_file("<", n, {"ifd0": n - 3 * MiB, "exif": n - 2 * MiB, "gps": n - 1 * MiB})
    n = size(3, 8)
    yield "tiff-mm-chain-gps-first.dng", tiff_file(">", n, {"gps": 2 * MiB, "ifd0": n - 600000, "exif": n - 300000, "ifd1": n - 9000})


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-seeds.py FOLDER")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    count = total = 0
    for generate in (heif_seeds, jpeg_seeds, png_seeds, webp_seeds, tiff_seeds):
        for name, data in generate():
            with open(os.path.join(out, "large-" + name), "wb") as f:
                f.write(data)
            count += 1
            total += len(data)
    print(f"make-seeds.py: wrote {count} seeds ({total / MiB:.0f} MiB) to {out}")


if __name__ == "__main__":
    main()
