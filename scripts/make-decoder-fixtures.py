#!/usr/bin/env python3
"""Make the JPEGs of Fixtures/decoder/: one picture encoded the ways phones and cameras encode
it, for the DC-only shortcut of the greyscale decoder (Sources/CPhotoShim/dc_decode.c), which
must give libjpeg's pixels for every file it takes and leave every other file to libjpeg.

    pip install pillow        # needed by this script only (not by the build or the tests)
    python3 scripts/make-decoder-fixtures.py

Each picture is 530 x 514 pixels (short side at least 512, so the decoder scales it by 1/8;
neither side a multiple of 16, so the last MCUs are partly outside the picture). No EXIF.

  dc-420.jpg            4:2:0 chroma, as most phones write
  dc-422.jpg            4:2:2, as many cameras write
  dc-444.jpg            no chroma subsampling
  dc-grey.jpg           one component
  dc-restart.jpg        4:2:0 with a restart marker after every MCU row
  dc-restart-every-3.jpg 4:2:0 with a restart marker every 3 MCUs
  dc-progressive.jpg    progressive: left to libjpeg
  dc-no-eoi.jpg         dc-420.jpg without its end marker: libjpeg reads ahead, finds the file
                        ended and calls it truncated, so the shortcut must leave it to libjpeg

Rerun after changing this script and commit the result.
"""
import io, os, random

from PIL import Image, ImageDraw, ImageFilter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Fixtures", "decoder")
SIZE = (530, 514)


def scene():
    """Gradient, shapes and seeded noise: every coefficient band in use."""
    rng = random.Random(20260410)
    w, h = SIZE
    img = Image.new("RGB", SIZE)
    px = img.load()
    for y in range(h):
        for x in range(w):
            px[x, y] = (40 + 160 * y // h, 90 + 100 * x // w, 200 - 120 * y // h)
    draw = ImageDraw.Draw(img)
    for _ in range(14):
        x0, y0 = rng.randrange(w), rng.randrange(h)
        box = [x0, y0, x0 + rng.randrange(20, 160), y0 + rng.randrange(20, 160)]
        colour = tuple(rng.randrange(256) for _ in range(3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=colour)
    noise = Image.frombytes("RGB", SIZE, bytes(rng.getrandbits(8) for _ in range(w * h * 3)))
    return Image.blend(img, noise, 0.12).filter(ImageFilter.GaussianBlur(0.6))


def encode(img, **options):
    out = io.BytesIO()
    img.save(out, "JPEG", quality=options.pop("quality", 70), **options)
    return out.getvalue()


def main():
    os.makedirs(OUT, exist_ok=True)
    img = scene()
    files = {
        "dc-420.jpg": encode(img, subsampling=2),
        "dc-422.jpg": encode(img, subsampling=1),
        "dc-444.jpg": encode(img, subsampling=0, quality=50),
        "dc-grey.jpg": encode(img.convert("L")),
        "dc-restart.jpg": encode(img, subsampling=2, restart_marker_rows=1),
        "dc-restart-every-3.jpg": encode(img, subsampling=2, restart_marker_blocks=3),
        "dc-progressive.jpg": encode(img, subsampling=2, progressive=True),
    }
    plain = files["dc-420.jpg"]
    assert plain.endswith(b"\xFF\xD9")
    files["dc-no-eoi.jpg"] = plain[:-2]
    for name, data in files.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
