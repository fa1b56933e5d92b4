#!/usr/bin/env python3
"""Write N photo-like JPEGs for the benchmark (default 10,000) into a folder.

    python3 scripts/bench/make-corpus.py DIR [N]

Every file is a distinct picture that decodes: a random scene (a two-colour gradient at a random
angle, 12-24 filled ellipses, rectangles and polygons, a few thick lines, uneven light, then
grain), 640x480, baseline JPEG quality 80, 4:2:0. Each file starts like a phone photo: JFIF-free APP1 EXIF (IFD0
with Make/Model/Software/DateTime, an Exif IFD with DateTimeOriginal/OffsetTimeOriginal/
SubSecTimeOriginal and a 6 kB MakerNote, a GPS IFD, IFD1 pointing at a real 160x120 JPEG
thumbnail of the same picture), an APP2 ICC profile, then the picture's tables and scan: about
70 kB in all. Positions are spread over Bangka Barat and its surroundings, dates over the
Fridays and other days of 2026. Photo i depends on i alone (deterministic for any N); the work
is spread over all cores (10,000 take about 2 CPU-minutes: a minute on two idle cores).

Needs Pillow and numpy (python3 -m pip install pillow numpy; `make bench-deps` does it). The
scene, EXIF and JPEG helpers here are shared by make-upload-tree.py and make-phone-corpus.py.
"""
import ast, io, os, random, re, struct, sys, time, types

HERE = os.path.dirname(os.path.abspath(__file__))

def fixture_helpers():
    """scripts/make-fixtures.py's helpers (segment, tiff, gps_ifd, ...) without its tables of
    fixtures: the module-level dicts built by calls (FIXTURES, REGRESSIONS, UPLOADS) and the
    __main__ block are left out, as building them takes minutes (crafted HEIC and PNG files)."""
    path = os.path.join(HERE, "..", "make-fixtures.py")
    tree = ast.parse(open(path, encoding="utf-8").read(), path)
    def table(node):
        return (isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)
                and any(isinstance(n, ast.Call) for n in ast.walk(node.value)))
    tree.body = [n for n in tree.body if not table(n) and not isinstance(n, ast.If)]
    module = types.ModuleType("fixtures")
    module.__file__ = path
    exec(compile(tree, path, "exec"), module.__dict__)
    return module

fx = fixture_helpers()

try:
    import numpy as np
    from PIL import Image, ImageChops, ImageDraw
except ImportError:
    sys.exit("the bench generators need Pillow and numpy: python3 -m pip install pillow numpy (or make bench-deps)")

# --- pictures -----------------------------------------------------------------------------------

def scene(seed, w, h):
    """A random picture w x h from `seed` (str or int): gradient background, filled shapes, lines.
    Returns the image and the random generator, to be used on for anything else of this picture."""
    rng = random.Random(seed)
    c0 = tuple(rng.randrange(256) for _ in range(3))
    c1 = tuple(rng.randrange(256) for _ in range(3))
    angle = rng.uniform(0, 2 * np.pi)
    gw, gh = 64, 48  # the gradient is made small and scaled up
    y, x = np.mgrid[0:gh, 0:gw].astype(np.float32)
    t = np.cos(angle) * x / gw + np.sin(angle) * y / gh
    t = (t - t.min()) / (t.max() - t.min()) * 255
    mask = Image.fromarray(t.astype(np.uint8), "L").resize((w, h), Image.BILINEAR)
    img = Image.composite(Image.new("RGB", (w, h), c0), Image.new("RGB", (w, h), c1), mask)
    draw = ImageDraw.Draw(img)
    s = min(w, h)
    for _ in range(rng.randint(12, 24)):
        kind = rng.random()
        colour = tuple(rng.randrange(256) for _ in range(3))
        cx, cy = rng.uniform(-0.1, 1.1) * w, rng.uniform(-0.1, 1.1) * h
        r = rng.uniform(0.04, 0.3) * s
        if kind < 0.35:
            draw.ellipse([cx - r, cy - r * rng.uniform(0.4, 1.6), cx + r, cy + r * rng.uniform(0.4, 1.6)], fill=colour)
        elif kind < 0.7:
            draw.rectangle([cx - r, cy - r * rng.uniform(0.3, 1.5), cx + r, cy + r], fill=colour)
        else:
            draw.polygon([(cx + rng.uniform(-1.5, 1.5) * r, cy + rng.uniform(-1.5, 1.5) * r)
                          for _ in range(rng.randint(3, 6))], fill=colour)
    for _ in range(rng.randint(2, 6)):
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.line([(rng.uniform(0, w), rng.uniform(0, h)) for _ in range(rng.randint(2, 5))], fill=colour,
                  width=rng.randint(2, max(3, s // 40)))
    light = Image.frombytes("L", (5, 4), bytes(rng.randrange(96, 256) for _ in range(20)))  # uneven light
    return ImageChops.multiply(img, light.resize((w, h), Image.BILINEAR).convert("RGB")), rng

_banks = {}

def grain(img, rng, sigma):
    """`img` with Gaussian grain of `sigma` (luma-correlated, plus half as much per channel): a
    random window of a bank of noise made once per process from a fixed seed (deterministic)."""
    w, h = img.size
    bw, bh = max(1024, w + w // 8), max(1024, h + h // 8)
    key = (sigma, bw, bh)
    if key not in _banks:
        g = np.random.default_rng(20260403)
        luma = g.normal(0, sigma, (bh, bw, 1)).astype(np.float32)
        luma = luma + g.normal(0, sigma / 2, (bh, bw, 3)).astype(np.float32)
        _banks[key] = Image.fromarray(np.clip(128 + luma, 0, 255).astype(np.uint8), "RGB")
        del luma
    x, y = rng.randrange(bw - w + 1), rng.randrange(bh - h + 1)
    return ImageChops.add(img, _banks[key].crop((x, y, x + w, y + h)), 1.0, -128)

def encode(img, quality, **options):
    """A baseline JPEG of `img` as Pillow writes it, without its JFIF APP0 segment."""
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, **options)
    data = buf.getvalue()
    if data[2:4] == b"\xFF\xE0":
        data = data[:2] + data[4 + struct.unpack(">H", data[4:6])[0]:]
    return data

def thumbnail_of(img, size=(160, 120), quality=80):
    """The EXIF thumbnail of `img`: the same picture scaled to `size` (box filter), a JPEG."""
    return encode(img.resize(size, Image.BOX), quality)

# --- EXIF ---------------------------------------------------------------------------------------

def exif_tiff(rng, index, make="samsung", model="SM-A536E", software="A536EXXS7CXB1", makernote=6000,
              ifd0_extra=(), exif_extra=(), offset_time=False, lat=(-2.3, -1.45), lon=(105.0, 106.0)):
    """(byte order, the TIFF of the EXIF: IFD0, Exif IFD, GPS IFD) of a phone photo taken at a
    random place and time of 2026. offset_time adds OffsetTime next to OffsetTimeOriginal."""
    la = rng.uniform(*lat)
    lo = rng.uniform(*lon)
    day = rng.randint(1, 28)
    month = rng.randint(4, 11)
    hour = rng.randint(6, 20)
    dto = f"2026:{month:02d}:{day:02d} {hour:02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    gps = fx.gps_ifd(la, lo, layout=fx.decimal_minutes if index % 2 else fx.dms,
                     date=f"2026:{month:02d}:{day:02d}", time=((hour - 7) % 24, rng.randint(0, 59), rng.randint(0, 59)),
                     accuracy=rng.uniform(3, 30))
    order = "<" if index % 3 else ">"
    ifd0 = [(0x010F, fx.ASCII, make), (0x0110, fx.ASCII, model), (0x0131, fx.ASCII, software),
            (0x0132, fx.ASCII, dto)] + list(ifd0_extra)
    exif = [(0x9003, fx.ASCII, dto), (0x9004, fx.ASCII, dto), (0x9011, fx.ASCII, "+07:00"),
            (0x9291, fx.ASCII, "%03d" % rng.randint(0, 999)), (0x927C, fx.UNDEFINED, list(rng.randbytes(makernote)))]
    if offset_time:
        exif += [(0x9010, fx.ASCII, "+07:00"), (0x9012, fx.ASCII, "+07:00")]
    exif += list(exif_extra)
    return order, fx.tiff(order, ifd0, exif, gps)

def with_thumbnail(order, tiff, thumbnail):
    """`tiff` with IFD1 (JPEG-compressed thumbnail, JPEGInterchangeFormat/Length) linked from
    IFD0 and the thumbnail after it, as phones write it. IFD1 is laid out by fx.tiff too: built
    as the first IFD of a TIFF whose IFD starts where this one ends, then cut out of it."""
    if len(tiff) % 2:
        tiff += b"\x00"
    at = len(tiff)
    def ifd1(where):
        entries = [(0x0103, fx.SHORT, [6]), (0x011A, fx.RATIONAL, [(72, 1)]), (0x011B, fx.RATIONAL, [(72, 1)]),
                   (0x0128, fx.SHORT, [2]), (0x0201, fx.LONG, [where]), (0x0202, fx.LONG, [len(thumbnail)])]
        return fx.tiff(order, entries, ifd0_at=at)[at:]
    block = ifd1(at + len(ifd1(0)))
    count = struct.unpack(order + "H", tiff[8:10])[0]  # fx.tiff puts IFD0 at offset 8
    link = 10 + 12 * count
    return tiff[:link] + struct.pack(order + "I", at) + tiff[link + 4:] + block + thumbnail

def app1(order, tiff, thumbnail=None):
    return fx.segment(0xE1, b"Exif\x00\x00" + (with_thumbnail(order, tiff, thumbnail) if thumbnail else tiff))

def icc(rng, size=3000):
    return fx.segment(0xE2, b"ICC_PROFILE\x00\x01\x01" + rng.randbytes(size))

# --- JPEG surgery (make-upload-tree.py builds pictures out of pieces of scans) -----------------

def split_jpeg(data):
    """(segments before SOS as (marker, bytes), the SOS segment, the scan's restart intervals)."""
    pos, head = 2, []
    while True:
        marker = data[pos + 1]
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        seg = data[pos:pos + 2 + length]
        pos += 2 + length
        if marker == 0xDA:
            break
        head.append((marker, seg))
    end = data.rindex(b"\xFF\xD9")
    return head, seg, re.split(rb"\xFF[\xD0-\xD7]", data[pos:end])

def tables(head, width, height):
    """The segments of `head` with SOF0 set to width x height (APPn left out)."""
    out = b""
    for marker, seg in head:
        if 0xE0 <= marker <= 0xEF:
            continue
        if marker == 0xC0:
            seg = seg[:5] + struct.pack(">HH", height, width) + seg[9:]
        out += seg
    return out

# --- the corpus ---------------------------------------------------------------------------------

def photo(index):
    img, rng = scene(f"corpus-{index}", 640, 480)
    img = grain(img, rng, 5)
    order, tiff = exif_tiff(rng, index)
    return b"\xFF\xD8" + app1(order, tiff, thumbnail_of(img)) + icc(rng) + encode(img, 80)[2:]

def path_of(out, i):
    return os.path.join(out, f"{i // 1000:03d}", f"IMG_{i:06d}.jpg")

def _write(job):
    out, i = job
    with open(path_of(out, i), "wb") as f:
        f.write(photo(i))
    return i

def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[2].strip())
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    start = time.perf_counter()
    for i in range(0, n, 1000):
        os.makedirs(os.path.dirname(path_of(out, i)), exist_ok=True)
    from multiprocessing import Pool
    with Pool(os.cpu_count()) as pool:
        for _ in pool.imap_unordered(_write, ((out, i) for i in range(n)), chunksize=32):
            pass
    print(f"wrote {n} photos to {out} in {time.perf_counter() - start:.0f} s")

if __name__ == "__main__":
    main()
