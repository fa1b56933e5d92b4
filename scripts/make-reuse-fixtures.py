#!/usr/bin/env python3
"""Make the photos of Fixtures/reuse/: one picture handed in several ways, unrelated ones, a
position repeated on another picture, and a file saved by an image editor.

    pip install pillow        # needed by this script only (not by the build or the tests)
    python3 scripts/make-reuse-fixtures.py

Pillow draws two deterministic 320x240 scenes (gradients, shapes, seeded noise) and encodes
them; the EXIF blocks (IFD0, Exif IFD, GPS IFD from scripts/make-fixtures.py, and an IFD1 with
a 160x120 JPEG thumbnail) are written here. Positions are Kelapa and Jebus, both well inside
Kabupaten Bangka Barat (see make-fixtures.py). The files:

  reuse-original.jpg              the picture, Friday 2026-04-10 in Kelapa
  reuse-copy-renamed.jpg          byte for byte the same file under another name
  reuse-same-scan-new-exif.jpg    the same JPEG image data, EXIF rewritten (Friday 2026-04-17, Jebus)
  reuse-reencoded-70pct.jpg       the picture resized to 70 % and re-encoded, fresh EXIF (2026-04-24)
  reuse-unrelated.jpg             another picture (Friday 2026-04-10, near Kelapa)
  repeated-position.jpg           a third picture at exactly that position a week later
  edited-photoshop.jpg            a fourth picture, Software "Adobe Photoshop 25.0 (Windows)"

Rerun after changing this script and commit the result. The encoder's output depends on the
libjpeg inside Pillow, so another Pillow version may write different (equally valid) bytes.
"""
import importlib.util, io, itertools, os, random, struct, sys

from PIL import Image, ImageDraw, ImageFilter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "Fixtures", "reuse")

spec = importlib.util.spec_from_file_location("fixtures", os.path.join(HERE, "make-fixtures.py"))
fx = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fx)  # defines helpers only: its main() runs under __main__ alone
fx.JITTER = itertools.count(500)  # positions apart from those of make-fixtures.py


def scene(seed, size=(320, 240)):
    """A desk-like scene: a vertical gradient, a few filled shapes, mild noise, slight blur."""
    rng = random.Random(seed)
    w, h = size
    top, bottom = [rng.randrange(40, 220) for _ in range(3)], [rng.randrange(40, 220) for _ in range(3)]
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(h):
        t = y / (h - 1)
        draw.line([(0, y), (w, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)))
    for _ in range(7):
        x0, y0 = rng.randrange(0, w - 40), rng.randrange(0, h - 40)
        x1, y1 = x0 + rng.randrange(30, 160), y0 + rng.randrange(25, 120)
        colour = tuple(rng.randrange(0, 256) for _ in range(3))
        (draw.ellipse if rng.random() < 0.4 else draw.rectangle)([x0, y0, x1, y1], fill=colour)
    noise = Image.frombytes("L", size, bytes(rng.randrange(0, 24) for _ in range(w * h)))
    image = Image.composite(image, Image.new("RGB", size, (128, 128, 128)), noise.point(lambda v: 255 - v))
    return image.filter(ImageFilter.GaussianBlur(0.6))


def encode(image, quality):
    """Baseline JPEG bytes without any APPn segment (Pillow's JFIF APP0 taken out)."""
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=False, progressive=False, subsampling=2)
    data = buffer.getvalue()
    assert data[:4] == b"\xFF\xD8\xFF\xE0"
    app0_length = struct.unpack(">H", data[4:6])[0]
    return b"\xFF\xD8" + data[4 + app0_length:]


def with_exif(jpeg, point, dto, gps_date, gps_time, thumbnail, jitter=True, software=None):
    """`jpeg` with an APP1 EXIF block (GPS at `point`, moved by a few millionths of a degree
    unless `jitter` is False; IFD1 with `thumbnail`) right after SOI."""
    gps = fx.gps_ifd(point[0], point[1], date=gps_date, time=gps_time, accuracy=4.0, jitter=jitter)
    ifd0 = [(0x010F, fx.ASCII, "samsung"), (0x0110, fx.ASCII, "SM-A536E"), (0x0112, fx.SHORT, [1])]
    if software:
        ifd0.append((0x0131, fx.ASCII, software))
    exif = [(0x9003, fx.ASCII, dto), (0x9011, fx.ASCII, "+07:00")]
    tiff = bytearray(fx.tiff("<", ifd0, exif, gps))
    # fx.tiff ends IFD0 with a zero next-IFD pointer: point it at an IFD1 appended here.
    count = struct.unpack_from("<H", tiff, 8)[0]
    ifd1_at = len(tiff)
    struct.pack_into("<I", tiff, 8 + 2 + 12 * count, ifd1_at)
    entries = [(0x0103, fx.SHORT, 1, 6), (0x0201, fx.LONG, 1, 0), (0x0202, fx.LONG, 1, len(thumbnail))]
    thumbnail_at = ifd1_at + 2 + 12 * len(entries) + 4
    entries[1] = (0x0201, fx.LONG, 1, thumbnail_at)
    ifd1 = struct.pack("<H", len(entries))
    for tag, typ, n, value in entries:
        ifd1 += struct.pack("<HHI", tag, typ, n) + (struct.pack("<HH", value, 0) if typ == fx.SHORT else struct.pack("<I", value))
    tiff += ifd1 + struct.pack("<I", 0) + thumbnail
    return jpeg[:2] + fx.segment(0xE1, b"Exif\x00\x00" + bytes(tiff)) + jpeg[2:]


def thumbnail_of(image):
    return encode(image.resize((160, 120), Image.LANCZOS), 80)


# Where reuse-unrelated.jpg and repeated-position.jpg were "taken": a fix near Kelapa.
UNRELATED_AT = (-1.8871234, 105.5531234)


def main():
    os.makedirs(OUT, exist_ok=True)
    picture, other, third, fourth = scene(20260410), scene(20260417), scene(20260424), scene(20260501)
    original = with_exif(encode(picture, 90), fx.KELAPA, "2026:04:10 08:30:00", "2026:04:10", (1, 30, 0), thumbnail_of(picture))
    resized = picture.resize((224, 168), Image.LANCZOS)
    files = {
        "reuse-original.jpg": original,
        "reuse-copy-renamed.jpg": original,
        "reuse-same-scan-new-exif.jpg": with_exif(encode(picture, 90), fx.JEBUS, "2026:04:17 08:45:00", "2026:04:17",
                                                  (1, 45, 0), thumbnail_of(picture)),
        "reuse-reencoded-70pct.jpg": with_exif(encode(resized, 75), fx.KELAPA, "2026:04:24 08:40:00", "2026:04:24",
                                               (1, 40, 0), thumbnail_of(resized)),
        "reuse-unrelated.jpg": with_exif(encode(other, 90), UNRELATED_AT, "2026:04:10 08:35:00", "2026:04:10", (1, 35, 0),
                                         thumbnail_of(other), jitter=False),
        # another picture at exactly the position of reuse-unrelated.jpg, a week later: what a
        # fake-GPS app leaves (repeated-coordinates)
        "repeated-position.jpg": with_exif(encode(third, 90), UNRELATED_AT, "2026:04:17 08:35:00", "2026:04:17", (1, 35, 0),
                                           thumbnail_of(third), jitter=False),
        # saved by an image editor (edit sign editor-software)
        "edited-photoshop.jpg": with_exif(encode(fourth, 90), fx.KELAPA, "2026:04:17 08:50:00", "2026:04:17", (1, 50, 0),
                                          thumbnail_of(fourth), software="Adobe Photoshop 25.0 (Windows)"),
    }
    for name, data in files.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    print(f"wrote {len(files)} files to {OUT} ({sum(map(len, files.values()))} bytes)")


if __name__ == "__main__":
    main()
