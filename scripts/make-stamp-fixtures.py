#!/usr/bin/env python3
"""Make the photos of Fixtures/stamps/: pictures with the date and place printed on them, as
GPS camera apps and phone watermarks do, after a messenger's re-encode (no EXIF left).

    pip install pillow        # needed by this script only (not by the build or the tests)
    python3 scripts/make-stamp-fixtures.py                 # Fixtures/stamps/ and its stamps.json
    python3 scripts/make-stamp-fixtures.py --random 100 /tmp/stamps   # a larger set to measure

Each scene is drawn by Pillow (sky and ground gradients, a house, trees, a road, seeded noise,
a slight blur: no photo of anyone's is copied) at twice the final size, stamped with fonts of
the Debian packages fonts-dejavu-core and fonts-liberation2 the way the apps print (a
translucent dark box with white lines, a corner watermark with a large time, a plain shadowed
line), then passed through what WhatsApp does to a picture: longest side 1600 px, JPEG quality
70-80, no EXIF. `stamps.json` lists each file with what is printed on it (coordinates exactly
as printed), which the tests compare the reading with. Negatives carry numbers that are no
stamp (a shop sign with a phone number, a price, a NIP, a plate, a street number, a date).

Rerun after changing this script and commit the result. The encoder's output depends on the
libjpeg inside Pillow, so another Pillow version may write different (equally valid) bytes.
"""
import json, os, random, sys

from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "Fixtures", "stamps")

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation2",
             "/usr/share/fonts/truetype/liberation"]
FONTS = {
    "sans": "DejaVuSans.ttf", "sans-bold": "DejaVuSans-Bold.ttf", "condensed": "DejaVuSansCondensed.ttf",
    "liberation": "LiberationSans-Regular.ttf", "liberation-bold": "LiberationSans-Bold.ttf",
}


def font(name, size):
    for folder in FONT_DIRS:
        path = os.path.join(folder, FONTS[name])
        if os.path.exists(path):
            return ImageFont.truetype(path, size)
    sys.exit(f"font {FONTS[name]} not found: apt-get install fonts-dejavu-core fonts-liberation2")


def scene(seed, size):
    """A yard-like scene: sky and ground gradients, a house, trees, a road, noise, slight blur."""
    rng = random.Random(seed)
    w, h = size
    small = Image.new("RGB", (w // 4, h // 4))
    draw = ImageDraw.Draw(small)
    sw, sh = small.size
    horizon = int(sh * rng.uniform(0.35, 0.6))
    sky = [rng.randint(90, 170), rng.randint(140, 200), rng.randint(190, 250)]
    ground = [rng.randint(60, 120), rng.randint(90, 150), rng.randint(40, 90)]
    for y in range(sh):
        if y < horizon:
            t = y / max(1, horizon)
            c = tuple(int(v * (1 - 0.3 * t) + 255 * 0.3 * t) for v in sky)
        else:
            t = (y - horizon) / max(1, sh - horizon)
            c = tuple(int(v * (1 - 0.4 * t)) for v in ground)
        draw.line([(0, y), (sw, y)], fill=c)
    # a road, a house with a roof, trees, a few bright objects (clothes, a bucket, a motorbike)
    rx = rng.randint(sw // 5, sw * 4 // 5)
    draw.polygon([(rx - 4, horizon), (rx + 4, horizon), (rx + sw // 3, sh), (rx - sw // 3, sh)],
                 fill=(rng.randint(100, 140),) * 3)
    for _ in range(rng.randint(1, 3)):
        hx, hw = rng.randint(0, sw - 40), rng.randint(40, sw // 3)
        hy, hh = horizon - rng.randint(20, horizon // 2 + 21), rng.randint(25, 60)
        wall = (rng.randint(150, 240), rng.randint(120, 220), rng.randint(90, 200))
        draw.rectangle([hx, hy, hx + hw, hy + hh], fill=wall)
        draw.polygon([(hx - 5, hy), (hx + hw + 5, hy), (hx + hw // 2, hy - hh // 2)],
                     fill=(rng.randint(120, 180), rng.randint(40, 80), rng.randint(30, 60)))
        for _ in range(rng.randint(1, 3)):
            wx = rng.randint(hx + 3, hx + max(4, hw - 12))
            draw.rectangle([wx, hy + hh // 3, wx + 8, hy + hh // 3 + 10], fill=(40, 50, 60))
    for _ in range(rng.randint(4, 12)):
        tx, ty = rng.randint(0, sw), rng.randint(horizon - 30, sh)
        r = rng.randint(6, 22)
        draw.rectangle([tx - 2, ty, tx + 2, ty + r * 2], fill=(90, 60, 30))
        draw.ellipse([tx - r, ty - r, tx + r, ty + r], fill=(rng.randint(20, 70), rng.randint(90, 150), rng.randint(20, 60)))
    for _ in range(rng.randint(3, 8)):
        x, y = rng.randint(0, sw), rng.randint(horizon, sh)
        draw.rectangle([x, y, x + rng.randint(4, 14), y + rng.randint(4, 14)],
                       fill=(rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)))
    # seeded noise (Image.effect_noise draws from C's rand(), which no seed here controls)
    noise = Image.frombytes("L", small.size, rng.randbytes(small.size[0] * small.size[1])).convert("RGB")
    small = Image.blend(small, noise, rng.uniform(0.025, 0.045))
    return small.resize(size, Image.BICUBIC).filter(ImageFilter.GaussianBlur(1.2))


def text_size(draw, text, f):
    box = draw.textbbox((0, 0), text, font=f)
    return box[2] - box[0], box[3] - box[1]


def app_box(image, lines, rng, fonts=("sans-bold", "sans"), corner="left"):
    """A GPS camera app's box: translucent dark rectangle at the bottom, the first line larger."""
    w, h = image.size
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    size = int(h * rng.uniform(0.030, 0.036))
    while True:  # apps shrink the text of a portrait picture so that the box fits its width
        first, rest = font(fonts[0], int(size * 1.15)), font(fonts[1], size)
        widths = [text_size(draw, line, first if i == 0 else rest)[0] for i, line in enumerate(lines)]
        if max(widths) + 2 * size <= w * 0.94 or size < 12:
            break
        size = int(size * 0.9)
    pad, gap = size, int(size * 1.45)
    box_w, box_h = max(widths) + 2 * pad, gap * len(lines) + pad
    x0 = int(w * 0.02) if corner == "left" else w - box_w - int(w * 0.02)
    y0 = h - box_h - int(h * 0.02)
    draw.rounded_rectangle([x0, y0, x0 + box_w, y0 + box_h], radius=size // 2, fill=(0, 0, 0, rng.randint(120, 170)))
    for i, line in enumerate(lines):
        draw.text((x0 + pad, y0 + pad // 2 + i * gap), line, font=first if i == 0 else rest, fill=(255, 255, 255, 255))
    return Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")


def corner_watermark(image, big, lines, rng):
    """A phone camera's watermark: a large time, then date and place, shadowed, bottom right."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    big_font, small_font = font("sans-bold", int(h * 0.075)), font("liberation-bold", int(h * 0.03))
    margin = int(w * 0.03)
    y = h - margin
    for line, f in reversed([(big, big_font)] + [(line, small_font) for line in lines]):
        tw, th = text_size(draw, line, f)
        y -= int(th * 1.45)
        x = w - margin - tw
        for dx, dy in ((2, 2), (3, 3)):
            draw.text((x + dx, y + dy), line, font=f, fill=(30, 30, 30))
        draw.text((x, y), line, font=f, fill=(250, 250, 250))
    return image


def plain_line(image, lines, rng, top=False):
    """Plain yellow text with a dark outline, as some apps print across the top or bottom."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    size = int(h * 0.034)
    f = font("liberation-bold", size)
    while max(text_size(draw, line, f)[0] for line in lines) > w * 0.94 and size > 12:
        size = int(size * 0.9)  # a long line on a portrait picture: smaller text, as apps do
        f = font("liberation-bold", size)
    gap = int(size * 1.5)
    y = int(h * 0.03) if top else h - int(h * 0.03) - gap * len(lines)
    for i, line in enumerate(lines):
        draw.text((int(w * 0.03), y + i * gap), line, font=f, fill=(255, 214, 0), stroke_width=3, stroke_fill=(20, 20, 20))
    return image


def sign(image, lines, rng):
    """A shop sign or a notice in the picture: dark text on a light board, mid-picture."""
    w, h = image.size
    draw = ImageDraw.Draw(image)
    f = font("sans-bold", int(h * 0.04))
    widths = [text_size(draw, line, f)[0] for line in lines]
    x0, y0 = int(w * 0.15), int(h * 0.25)
    gap = int(h * 0.06)
    draw.rectangle([x0, y0, x0 + max(widths) + 60, y0 + gap * len(lines) + 40], fill=(235, 230, 210), outline=(90, 40, 20), width=8)
    for i, line in enumerate(lines):
        draw.text((x0 + 30, y0 + 20 + i * gap), line, font=f, fill=(120, 20, 20))
    return image


def messenger(image, quality):
    """What a messenger does to a photo sent as a picture: longest side 1600, JPEG, no EXIF."""
    w, h = image.size
    scale = 1600 / max(w, h)
    if scale < 1:
        image = image.resize((round(w * scale), round(h * scale)), Image.LANCZOS)
    return image, quality


DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]

# Places with their kecamatan as the boundary layers name them (positions inside them).
PLACES = [
    ("Muntok", "Kecamatan Mentok", "Kabupaten Bangka Barat", -2.0617, 105.1640),
    ("Jebus", "Kecamatan Jebus", "Kabupaten Bangka Barat", -1.7078, 105.4607),
    ("Kelapa", "Kecamatan Kelapa", "Kabupaten Bangka Barat", -1.8863, 105.5526),
    ("Tempilang", "Kecamatan Tempilang", "Kabupaten Bangka Barat", -1.9440, 105.5790),
]


def weekday(y, m, d):
    import datetime
    return datetime.date(y, m, d).weekday()


def dms(value, positive, negative):
    """1°40'41.2"S: degrees, minutes and seconds to a tenth, with the hemisphere letter."""
    letter = positive if value >= 0 else negative
    v = abs(value)
    deg = int(v)
    minutes = int((v - deg) * 60)
    seconds = round(((v - deg) * 60 - minutes) * 60, 1)
    if seconds >= 60:
        seconds, minutes = 0.0, minutes + 1
    return f"{deg}°{minutes}'{seconds:.1f}\"{letter}", deg + minutes / 60 + seconds / 3600


def stamp_case(kind, rng, place=None, date=(2026, 4, 17), time=(9, 15, 32)):
    """The lines a stamp of `kind` prints, and what a reader must find in them."""
    name, kecamatan, kabupaten, lat, lon = place or rng.choice(PLACES)
    lat += rng.uniform(-0.004, 0.004)
    lon += rng.uniform(-0.004, 0.004)
    y, m, d = date
    hh, mm, ss = time
    wd = weekday(y, m, d)
    expected = {"kind": kind, "date": f"{y:04d}-{m:02d}-{d:02d}"}
    if kind == "app-id":
        la, lo = f"{lat:.6f}", f"{lon:.6f}"
        lines = [f"{name}, {kabupaten}",
                 f"Jl. Raya {name} No. {rng.randint(2, 99)}, {kecamatan}",
                 f"Lat {la}° Long {lo}°",
                 f"{DAYS_ID[wd]}, {d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d} GMT +07:00"]
        expected.update(latitude=la, longitude=lo, time=f"{hh:02d}:{mm:02d}", offset="+07:00", place=kecamatan)
    elif kind == "app-en":
        la, lo = f"{abs(lat):.5f}", f"{lon:.5f}"
        h12 = hh % 12 or 12
        lines = [f"{name}, Bangka Belitung Islands, Indonesia",
                 f"Latitude: {la}° S  Longitude: {lo}° E",
                 f"{DAYS_EN[wd][:3]}, {d} {MONTHS_EN[m - 1][:3]} {y} {h12:02d}:{mm:02d} {'AM' if hh < 12 else 'PM'} GMT+07:00"]
        expected.update(latitude=f"-{la}", longitude=lo, time=f"{hh:02d}:{mm:02d}", offset="+07:00")
    elif kind == "lintang-bujur":
        la, lo = f"{abs(lat):.6f}", f"{lon:.6f}"
        day_name = "Jum'at" if DAYS_ID[wd] == "Jumat" else DAYS_ID[wd]
        lines = [f"{kecamatan}, {kabupaten}",
                 f"Lintang: {la} LS   Bujur: {lo} BT",
                 f"{day_name}, {d} {MONTHS_ID[m - 1]} {y}  {hh:02d}.{mm:02d} WIB"]
        expected.update(latitude=f"-{la}", longitude=lo, time=f"{hh:02d}:{mm:02d}", offset="+07:00", place=kecamatan)
    elif kind == "dms":
        la, lat_value = dms(lat, "N", "S")
        lo, lon_value = dms(lon, "E", "W")
        lines = [f"{la} {lo}", f"{d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d}:{ss:02d}", f"{name}, {kabupaten}"]
        expected.update(latitude=la, longitude=lo, latitude_value=round(lat_value, 7), longitude_value=round(lon_value, 7),
                        time=f"{hh:02d}:{mm:02d}:{ss:02d}")
    elif kind == "corner":
        lines = [f"{DAYS_ID[wd]}, {d} {MONTHS_ID[m - 1]} {y}", f"{kecamatan}, {kabupaten}"]
        expected.update(time=f"{hh:02d}:{mm:02d}", place=kecamatan)
        return (f"{hh:02d}:{mm:02d}", lines), expected
    elif kind == "plain-en":
        la, lo = f"{lat:.6f}", f"{lon:.6f}"
        lines = [f"{d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d} WIB  Lat: {la}  Lon: {lo}"]
        expected.update(latitude=la, longitude=lo, time=f"{hh:02d}:{mm:02d}", offset="+07:00")
    else:
        raise ValueError(kind)
    return lines, expected


NEGATIVES = {
    "negative-shop-sign": ["TOKO SUMBER REJEKI", "Telp. 0717-3201 22 / 0812-7788-1234", "Jl. Merdeka No. 45 Muntok",
                           "Beras 5 kg Rp 75.000"],
    "negative-notice": ["PENGUMUMAN", "NIP 198503152010011002", "BN 1234 AB   Gedung 2, Lt. 3",
                        "Rapat 17/04/2026 ruang 105.2"],
}

STYLES = ["app-id", "app-en", "lintang-bujur", "dms", "corner", "plain-en"]


def make(kind, seed, size, quality, place=None, date=(2026, 4, 17), time=(9, 15, 32)):
    rng = random.Random(seed)
    image = scene(seed, size)
    if kind.startswith("negative"):
        image = sign(image, NEGATIVES[kind], rng)
        expected = {"kind": kind}
    else:
        lines, expected = stamp_case(kind, rng, place, date, time)
        if kind == "corner":
            image = corner_watermark(image, lines[0], lines[1], rng)
        elif kind == "plain-en":
            image = plain_line(image, lines, rng, top=rng.random() < 0.5)
        else:
            image = app_box(image, lines, rng, corner="left" if rng.random() < 0.7 else "right")
        expected["printed"] = lines if isinstance(lines, list) else [lines[0]] + lines[1]
    image, quality = messenger(image, quality)
    expected["quality"] = quality
    return image, expected


def write(image, path, quality):
    image.save(path, "JPEG", quality=quality, optimize=True)


def fixtures():
    os.makedirs(OUT, exist_ok=True)
    cases = [
        ("stamp-app-id-muntok.jpg", "app-id", 11, (3200, 2400), 75, PLACES[0], (2026, 4, 17), (9, 15, 0)),
        ("stamp-app-en-jebus.jpg", "app-en", 12, (2400, 3200), 78, PLACES[1], (2026, 4, 10), (14, 5, 0)),
        ("stamp-lintang-bujur-kelapa.jpg", "lintang-bujur", 13, (3200, 2400), 72, PLACES[2], (2026, 4, 24), (10, 20, 0)),
        ("stamp-dms-tempilang.jpg", "dms", 14, (3200, 2400), 80, PLACES[3], (2026, 5, 8), (8, 2, 41)),
        ("stamp-corner-time-kelapa.jpg", "corner", 15, (3200, 2400), 76, PLACES[2], (2026, 4, 17), (7, 45, 0)),
        ("stamp-plain-muntok.jpg", "plain-en", 16, (3200, 1800), 74, PLACES[0], (2026, 4, 17), (16, 30, 0)),
        # printed on a Thursday, outside the regency (Pangkal Pinang)
        ("stamp-app-id-thursday-pangkalpinang.jpg", "app-id", 17, (3200, 2400), 70,
         ("Pangkal Pinang", "Kecamatan Taman Sari", "Kota Pangkal Pinang", -2.1316, 106.1133), (2026, 4, 16), (11, 0, 0)),
        ("negative-shop-sign.jpg", "negative-shop-sign", 18, (3200, 2400), 75, None, None, None),
        ("negative-notice.jpg", "negative-notice", 19, (2400, 3200), 75, None, None, None),
    ]
    manifest = {}
    for name, kind, seed, size, quality, place, date, time in cases:
        if kind.startswith("negative"):
            image, expected = make(kind, seed, size, quality)
        else:
            image, expected = make(kind, seed, size, quality, place, date, time)
        write(image, os.path.join(OUT, name), quality)
        manifest[name] = expected
    with open(os.path.join(OUT, "stamps.json"), "w") as out:
        json.dump(manifest, out, indent=1, ensure_ascii=False, sort_keys=True)
        out.write("\n")
    total = sum(os.path.getsize(os.path.join(OUT, n)) for n in os.listdir(OUT))
    print(f"wrote {len(manifest)} photos to {OUT} ({total / 1e6:.2f} MB)")


def random_set(count, folder):
    """`count` stamped photos of every style, random places, days and sizes, for measuring."""
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(20260417)
    manifest = {}
    for i in range(count):
        kind = STYLES[i % len(STYLES)]
        size = rng.choice([(4000, 3000), (3000, 4000), (3264, 2448), (2400, 3200), (3200, 1800)])
        quality = rng.randint(70, 80)
        date = (2026, rng.randint(4, 11), rng.randint(1, 28))
        time = (rng.randint(6, 18), rng.randint(0, 59), rng.randint(0, 59))
        image, expected = make(kind, 1000 + i, size, quality, None, date, time)
        name = f"random-{i:03d}-{kind}.jpg"
        write(image, os.path.join(folder, name), quality)
        manifest[name] = expected
    with open(os.path.join(folder, "stamps.json"), "w") as out:
        json.dump(manifest, out, indent=1, ensure_ascii=False, sort_keys=True)
    print(f"wrote {count} photos to {folder}")


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "--random":
        random_set(int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "/tmp/stamps")
    else:
        fixtures()
