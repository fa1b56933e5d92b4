#!/usr/bin/env python3
"""Write N phone-like 12-megapixel JPEGs (default 1,000) into a folder, for the speed target of
the full run (every integrity check on).

    python3 scripts/bench/make-phone-corpus.py DIR [N]

Each file is a distinct picture of 4000x3000 pixels, 3-5 MB: a random scene of make-corpus.py
drawn at 1000x750, scaled up 4x, with heavy grain (three strengths) for the detail that makes a phone photo that
large (baseline JPEG, quality 90, 4:2:0). EXIF as phones write it, from make-corpus.py's
builder: IFD0 with Make/Model/Software (five phone models)/Orientation/resolution, an Exif IFD
with DateTimeOriginal, OffsetTime and OffsetTimeOriginal, pixel dimensions and a 6 kB MakerNote,
a GPS IFD inside Bangka Barat's box (lat -2.3..-1.45, lon 105.0..106.0), and IFD1 with a real
160x120 JPEG thumbnail of the same picture; 4% of the files (every 25th) have no thumbnail, as
after some editors and messengers, so that reading the main image (a DCT-scaled decode) is
measured too. Photo i depends on i alone; all cores are used (1,000 photos, 4 GB, take about
4 CPU-minutes). Needs Pillow and numpy.
"""
import importlib.util, os, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("corpus", os.path.join(HERE, "make-corpus.py"))
corpus = importlib.util.module_from_spec(spec)
sys.modules["corpus"] = corpus
spec.loader.exec_module(corpus)
fx = corpus.fx
Image = corpus.Image

W, H = 4000, 3000
PHONES = [("samsung", "SM-A536E", "A536EXXS7CXB1"), ("Xiaomi", "Redmi Note 12", "V14.0.6.0.TMTIDXM"),
          ("OPPO", "CPH2477", "CPH2477_11_F.10"), ("vivo", "V2207", "PD2207F_EX_A_13.1.9"),
          ("samsung", "SM-A155F", "A155FXXU1AXB5")]

def has_thumbnail(i):
    return i % 25 != 7

def photo(i):
    img, rng = corpus.scene(f"phone-{i}", W // 4, H // 4)
    img = corpus.grain(img.resize((W, H), Image.NEAREST), rng, (6.5, 8, 9.5)[i % 3])
    make, model, software = PHONES[i % len(PHONES)]
    ifd0 = [(0x0112, fx.SHORT, [1]), (0x011A, fx.RATIONAL, [(72, 1)]), (0x011B, fx.RATIONAL, [(72, 1)]),
            (0x0128, fx.SHORT, [2]), (0x0213, fx.SHORT, [1])]
    exif = [(0x9000, fx.UNDEFINED, list(b"0232")), (0xA001, fx.SHORT, [1]), (0xA002, fx.LONG, [W]),
            (0xA003, fx.LONG, [H]), (0x829A, fx.RATIONAL, [(1, rng.choice([50, 100, 120, 250, 500]))]),
            (0x829D, fx.RATIONAL, [(18, 10)]), (0x8827, fx.SHORT, [rng.choice([50, 100, 200, 400])])]
    order, tiff = corpus.exif_tiff(rng, i, make, model, software, ifd0_extra=ifd0, exif_extra=exif, offset_time=True)
    thumbnail = corpus.thumbnail_of(img) if has_thumbnail(i) else None
    return b"\xFF\xD8" + corpus.app1(order, tiff, thumbnail) + corpus.icc(rng) + corpus.encode(img, 90)[2:]

def path_of(out, i):
    return os.path.join(out, f"{i // 1000:03d}", f"IMG_{20260000 + i:08d}.jpg")

def _write(job):
    out, i = job
    data = photo(i)
    with open(path_of(out, i), "wb") as f:
        f.write(data)
    return len(data)

def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[3].strip())
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    start = time.perf_counter()
    for i in range(0, n, 1000):
        os.makedirs(os.path.dirname(path_of(out, i)), exist_ok=True)
    from multiprocessing import Pool
    sizes = []
    with Pool(os.cpu_count()) as pool:
        sizes = list(pool.imap_unordered(_write, ((out, i) for i in range(n)), chunksize=4))
    print(f"wrote {n} photos ({sum(sizes) / 1e9:.2f} GB, {min(sizes) / 1e6:.1f}-{max(sizes) / 1e6:.1f} MB each, "
          f"{sum(not has_thumbnail(i) for i in range(n))} without a thumbnail) to {out} in {time.perf_counter() - start:.0f} s")

if __name__ == "__main__":
    main()
