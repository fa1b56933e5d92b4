#!/usr/bin/env python3
"""Write N photo-like JPEGs for the benchmark (default 10,000) into a folder.

    python3 scripts/bench/make-corpus.py DIR [N]

Each file starts like a phone photo: JFIF-free APP1 EXIF (IFD0 with Make/Model/Software/
DateTime, an Exif IFD with DateTimeOriginal/OffsetTimeOriginal/SubSecTimeOriginal and a 6 kB
MakerNote, a GPS IFD, IFD1 with a 20 kB thumbnail), an APP2 ICC profile, tables, and a scan of
40 kB: about 70 kB in all. Positions are spread over Bangka Barat and its surroundings, dates
over the Fridays and other days of 2026. Deterministic for a given N.
"""
import importlib.util, os, random, struct, sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("fixtures", os.path.join(HERE, "..", "make-fixtures.py"))
fx = importlib.util.module_from_spec(spec)
sys.argv_backup, sys.argv = sys.argv, ["make-fixtures.py"]
fx.__name__ = "fixtures"
spec.loader.exec_module(fx)  # defines helpers only: main() runs under __main__ alone
sys.argv = sys.argv_backup

def photo(rng, index):
    lat = rng.uniform(-2.3, -1.45)
    lon = rng.uniform(105.0, 106.0)
    day = rng.randint(1, 28)
    month = rng.randint(4, 11)
    hour = rng.randint(6, 20)
    dto = f"2026:{month:02d}:{day:02d} {hour:02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    gps = fx.gps_ifd(lat, lon, layout=fx.decimal_minutes if index % 2 else fx.dms,
                     date=f"2026:{month:02d}:{day:02d}", time=((hour - 7) % 24, rng.randint(0, 59), rng.randint(0, 59)),
                     accuracy=rng.uniform(3, 30))
    order = "<" if index % 3 else ">"
    ifd0 = [(0x010F, fx.ASCII, "samsung"), (0x0110, fx.ASCII, "SM-A536E"), (0x0131, fx.ASCII, "A536EXXS7CXB1"),
            (0x0132, fx.ASCII, dto)]
    exif = [(0x9003, fx.ASCII, dto), (0x9004, fx.ASCII, dto), (0x9011, fx.ASCII, "+07:00"),
            (0x9291, fx.ASCII, "%03d" % rng.randint(0, 999)), (0x927C, fx.UNDEFINED, list(rng.randbytes(6000)))]
    tiff = fx.tiff(order, ifd0, exif, gps)
    thumbnail = b"\xFF\xD8" + rng.randbytes(20000) + b"\xFF\xD9"
    app1 = fx.segment(0xE1, b"Exif\x00\x00" + tiff + thumbnail)
    icc = fx.segment(0xE2, b"ICC_PROFILE\x00\x01\x01" + rng.randbytes(3000))
    scan = bytes(b if b != 0xFF else 0x00 for b in rng.randbytes(40000))
    image = fx.DQT + fx.SOF0 + fx.DHT_DC + fx.DHT_AC + fx.SOS + scan + b"\xFF\xD9"
    return b"\xFF\xD8" + app1 + icc + image

def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20260403)
    for i in range(n):
        sub = os.path.join(out, f"{i // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"IMG_{i:06d}.jpg"), "wb") as f:
            f.write(photo(rng, i))
    print(f"wrote {n} photos to {out}")

if __name__ == "__main__":
    main()
