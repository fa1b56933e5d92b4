#!/usr/bin/env python3
"""Write an upload tree and its roster for the roster benchmark.

    python3 scripts/bench/make-upload-tree.py DIR N_PEOPLE N_PHOTOS

DIR/YYYY-MM-DD/NIP/photo-K.jpg: N_PHOTOS distinct photos (distinct files, scans and pictures:
no hard links), spread over N_PEOPLE invented employees and the Fridays from 2026-04-10 on (the
holiday Fridays 2026-05-01 and 2026-05-15 skipped): each Friday has one photo per person until
N_PHOTOS are written, so there are about N_PHOTOS / N_PEOPLE Fridays. The roster
DIR.roster.csv (beside the tree, not in it) has the N_PEOPLE rows: invented NIPs that pass
EmployeeNumber's plausibility rules (birth date, first appointment month at 18-35, gender 1 or
2, serial 001-999), names "Pegawai 00001", ..., 40 units, groups A/B alternating, about 5%
exempt, about half with a home point in Bangka Barat. No real personal data. Deterministic. The
tree is written to DIR.tmp and renamed when complete.

The photos are made like make-corpus.py's (~70 kB, the same EXIF builder, a 640x480 picture,
quality 80, and a 160x120 EXIF thumbnail of the same picture), but drawing and encoding 100,000
pictures would take about 20 CPU-minutes, so each picture is a mosaic assembled from pieces of
scans: 6,000 tiles of 160x96 pixels are cut from 300 random scenes and encoded once, each as a
baseline JPEG whose restart interval is one row of MCUs (and once more at 40x24, 4:4:4, for the
thumbnail). A photo's picture is 4x5 tiles drawn at random without repeats, its scan the
tiles' restart intervals laid in raster order with renumbered RST markers (the picture's DRI is
10 MCUs, the thumbnail's 5): valid JPEGs that decode to the mosaic, and the thumbnail decodes
to the same mosaic at a quarter of the size. Two photos share a tile in the same place with
probability 20/6,000, so their pictures differ over the whole frame, which is what a
perceptual hash sees. 100,000 photos (7 GB) take about 2 CPU-minutes, most of it writing.
"""
import datetime, importlib.util, multiprocessing, os, random, shutil, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("corpus", os.path.join(HERE, "make-corpus.py"))
corpus = importlib.util.module_from_spec(spec)
sys.modules["corpus"] = corpus
spec.loader.exec_module(corpus)

HOLIDAY_FRIDAYS = {datetime.date(2026, 5, 1), datetime.date(2026, 5, 15)}
POSITIONS = ["Analis Kebijakan", "Pengelola Data", "Pranata Komputer", "Pengadministrasi Umum",
             "Analis Keuangan", "Penyuluh", "Arsiparis", "Perencana"]

TILE_W, TILE_H, COLS, ROWS = 160, 96, 4, 5  # 640x480; a tile is 10x6 MCUs of 16x16 (4:2:0)
THUMB = 4                                    # thumbnail tiles 40x24: 5x3 MCUs of 8x8 (4:4:4)
SCENES = 300                                 # 6,000 tiles

def nips(rng, n):
    """`n` distinct plausible PNS NIPs: YYYYMMDD birth, YYYYMM first appointment, gender, serial."""
    seen, out = set(), []
    while len(out) < n:
        birth = datetime.date(1962, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 38))  # 1962..1999
        year = min(birth.year + rng.randint(18, 35), 2025)
        nip = f"{birth:%Y%m%d}{year:04d}{rng.randint(1, 12):02d}{rng.choice('12')}{rng.randint(1, 999):03d}"
        if nip not in seen:
            seen.add(nip)
            out.append(nip)
    return out

def fridays(count):
    day, out = datetime.date(2026, 4, 10), []
    while len(out) < count:
        if day not in HOLIDAY_FRIDAYS:
            out.append(day)
        day += datetime.timedelta(days=7)
    return out

def tiles_of_scene(s):
    """The 20 tiles of scene `s`: for each, (main restart intervals, thumbnail restart intervals),
    and the scene's headers (the same for every scene: same quality, standard Huffman tables)."""
    img, rng = corpus.scene(f"tile-scene-{s}", TILE_W * COLS, TILE_H * ROWS)
    img = corpus.grain(img, rng, 5)
    out, heads = [], None
    for r in range(ROWS):
        for c in range(COLS):
            tile = img.crop((c * TILE_W, r * TILE_H, (c + 1) * TILE_W, (r + 1) * TILE_H))
            main_head, main_sos, main = corpus.split_jpeg(
                corpus.encode(tile, 80, subsampling=2, restart_marker_blocks=TILE_W // 16))
            small = tile.resize((TILE_W // THUMB, TILE_H // THUMB), corpus.Image.BOX)
            thumb_head, thumb_sos, thumb = corpus.split_jpeg(
                corpus.encode(small, 80, subsampling=0, restart_marker_blocks=TILE_W // THUMB // 8))
            assert len(main) == TILE_H // 16 and len(thumb) == TILE_H // THUMB // 8
            out.append((main, thumb))
            heads = (main_head, main_sos, thumb_head, thumb_sos)
    return out, heads

TILES, HEADS = [], None

def assemble(head, sos, width, height, pieces):
    """A JPEG of the tiles `pieces` (ROWS x COLS lists of restart intervals, row-major)."""
    parts, i = [corpus.tables(head, width, height), sos], 0
    for tile_row in range(ROWS):
        for line in range(len(pieces[0])):
            for c in range(COLS):
                if i:
                    parts.append(bytes([0xFF, 0xD0 + (i - 1) % 8]))
                parts.append(pieces[tile_row * COLS + c][line])
                i += 1
    return b"\xFF\xD8" + b"".join(parts) + b"\xFF\xD9"

def photo(k):
    rng = random.Random(f"tree-{k}")
    picks = [TILES[t] for t in rng.sample(range(len(TILES)), ROWS * COLS)]
    main_head, main_sos, thumb_head, thumb_sos = HEADS
    picture = assemble(main_head, main_sos, TILE_W * COLS, TILE_H * ROWS, [p[0] for p in picks])
    thumbnail = assemble(thumb_head, thumb_sos, TILE_W * COLS // THUMB, TILE_H * ROWS // THUMB, [p[1] for p in picks])
    order, tiff = corpus.exif_tiff(rng, k)
    return b"\xFF\xD8" + corpus.app1(order, tiff, thumbnail) + corpus.icc(rng) + picture[2:]

def _write(job):
    k, path = job
    with open(path, "wb") as f:
        f.write(photo(k))

def main():
    global TILES, HEADS
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    out, people, photos = sys.argv[1].rstrip("/"), int(sys.argv[2]), int(sys.argv[3])
    start = time.perf_counter()
    rng = random.Random(20260410)
    numbers = nips(rng, people)
    days = fridays(-(-photos // people))

    rows = ["nip;nama;unit_kerja;jabatan;kelompok;dikecualikan;lat;lon;desa"]
    for i, nip in enumerate(numbers):
        exempt = "ya" if rng.random() < 0.05 else rng.choice(["tidak", ""])
        home = ("%.5f" % rng.uniform(-1.9, -1.6), "%.5f" % rng.uniform(105.2, 105.5)) if rng.random() < 0.5 else ("", "")
        rows.append(f"{nip};Pegawai {i + 1:05d};Unit {i % 40 + 1:02d};{rng.choice(POSITIONS)};{'AB'[i % 2]};"
                    f"{exempt};{home[0]};{home[1]};")
    with open(out + ".roster.csv.tmp", "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(rows) + "\n")

    tmp = out + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    jobs = []
    for k in range(photos):
        day, person = divmod(k, people)
        folder = os.path.join(tmp, days[day].isoformat(), numbers[person])
        os.makedirs(folder, exist_ok=True)
        jobs.append((k, os.path.join(folder, f"photo-{k + 1}.jpg")))
    context = multiprocessing.get_context("fork")  # the workers inherit the tiles
    with context.Pool(os.cpu_count()) as pool:
        for tiles, heads in pool.imap(tiles_of_scene, range(SCENES)):
            TILES += tiles
            if HEADS is not None and heads != HEADS:
                sys.exit("tiles were encoded with different tables: cannot assemble them")
            HEADS = heads
    tiled = time.perf_counter()
    with context.Pool(os.cpu_count()) as pool:
        for _ in pool.imap_unordered(_write, jobs, chunksize=256):
            pass
    os.replace(out + ".roster.csv.tmp", out + ".roster.csv")
    shutil.rmtree(out, ignore_errors=True)
    os.rename(tmp, out)
    print(f"wrote {photos} photos for {people} people over {len(days)} Fridays to {out}, roster {out}.roster.csv "
          f"in {time.perf_counter() - start:.0f} s ({tiled - start:.0f} s of it for {len(TILES)} tiles)")

if __name__ == "__main__":
    main()
