#!/usr/bin/env python3
"""How well the perceptual hash recognises re-encoded photos, and how rarely it confuses distinct ones.

    pip install pillow pillow-heif          # this helper only; not part of `make test`
    swift build -c release --package-path Benchmarks --product ReuseMeasure
    python3 scripts/reuse/measure.py [CORPUS] [SCRATCH]

CORPUS defaults to ../shared/corpus/real, SCRATCH to .bench/reuse (git-ignored). Every photo
Pillow can open there as JPEG or HEIC/HEIF/AVIF is turned upright (EXIF orientation applied) and
re-encoded without metadata: JPEG quality 50/70/85/95; resized to 40/60/80/100 % (quality 85);
cropped by 2 % and 5 % on each side (quality 85); a messenger pass (longest side 1600 px,
quality 75). ReuseMeasure hashes originals and copies; this script prints the true-positive
rate per transform for thresholds 4..16 (original's main-image hash vs the copy's), the same
with the original's thumbnail hash, the false-positive rate over pairs of distinct originals,
and the closest such pairs. It also writes a 12-megapixel JPEG for `ReuseMeasure time`.
"""
import itertools, json, os, random, subprocess, sys

from PIL import Image, ImageOps

try:
    import pillow_heif
    pillow_heif.register_heif_opener()
    HEIF = True
except ImportError:
    HEIF = False

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpus", "real")
SCRATCH = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, ".bench", "reuse")
TOOL = os.path.join(ROOT, "Benchmarks", ".build", "release", "ReuseMeasure")
THRESHOLDS = range(4, 17)


def transforms(image):
    w, h = image.size
    out = {}
    for q in (50, 70, 85, 95):
        out[f"quality-{q}"] = (image, q)
    for pct in (40, 60, 80, 100):
        size = (max(1, round(w * pct / 100)), max(1, round(h * pct / 100)))
        out[f"resize-{pct}"] = (image.resize(size, Image.LANCZOS) if pct != 100 else image, 85)
    for pct in (2, 5):
        dx, dy = round(w * pct / 100), round(h * pct / 100)
        out[f"crop-{pct}"] = (image.crop((dx, dy, w - dx, h - dy)), 85)
    scale = min(1.0, 1600 / max(w, h))
    out["messenger"] = (image.resize((round(w * scale), round(h * scale)), Image.LANCZOS) if scale < 1 else image, 75)
    return out


def hashes(paths):
    run = subprocess.run([TOOL, "hash"], input="\n".join(paths), capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    return {r["path"]: r for r in rows}


def distance(a, b):
    return bin(int(a, 16) ^ int(b, 16)).count("1")


def timing_photo(originals):
    """A 4000x3000 JPEG of about 4 MB with a phone's EXIF (and its thumbnail) for `ReuseMeasure time`."""
    source = max((p for p in originals if p.lower().endswith((".jpg", ".jpeg"))),
                 key=lambda p: len(Image.open(p).info.get("exif", b"")) > 4000 and os.path.getsize(p))
    image = ImageOps.exif_transpose(Image.open(source)).convert("RGB").resize((4000, 3000), Image.BICUBIC)
    rng = random.Random(12)
    noise = Image.frombytes("L", (4000, 3000), rng.randbytes(4000 * 3000)).point(lambda v: v // 12)
    image = Image.composite(image, Image.new("RGB", image.size, (128, 128, 128)), noise.point(lambda v: 255 - v))
    path = os.path.join(SCRATCH, "timing-12mp.jpg")
    exif = Image.open(source).info.get("exif", b"")
    for q in (97, 95, 92, 90, 85):
        image.save(path, "JPEG", quality=q, exif=exif)
        if os.path.getsize(path) <= 5_000_000:
            break
    return path, source


def main():
    os.makedirs(SCRATCH, exist_ok=True)
    originals, copies = [], {}  # copy path -> (original, transform)
    for name in sorted(os.listdir(CORPUS)):
        path = os.path.join(CORPUS, name)
        try:
            with Image.open(path) as probe:
                kind = probe.format
                if kind not in ("JPEG", "HEIF", "AVIF"):
                    continue
                image = ImageOps.exif_transpose(probe).convert("RGB")
        except Exception:
            continue
        originals.append(path)
        stem = os.path.splitext(name)[0]
        for label, (picture, quality) in transforms(image).items():
            out = os.path.join(SCRATCH, f"{stem}.{label}.jpg")
            if not os.path.exists(out):
                picture.save(out, "JPEG", quality=quality)
            copies[out] = (path, label)
    print(f"{len(originals)} originals ({'with' if HEIF else 'without'} HEIF support in Pillow), {len(copies)} copies")
    h = hashes(originals + list(copies))

    def main_hash(p): return h.get(p, {}).get("perceptualMain")
    def thumb_hash(p): return h.get(p, {}).get("perceptual")

    labels = sorted({label for _, label in copies.values()}, key=lambda s: (s.split("-")[0], int(s.split("-")[1]) if "-" in s else 0))
    def table(title, reference):
        print(f"\n{title}\n{'transform':<12} {'n':>4} " + " ".join(f"{t:>5}" for t in THRESHOLDS) + "   median  max")
        for label in labels:
            ds = sorted(distance(reference(o), main_hash(c)) for c, (o, l) in copies.items()
                        if l == label and reference(o) and main_hash(c))
            if not ds:
                continue
            rates = " ".join(f"{sum(d <= t for d in ds) / len(ds):5.2f}" for t in THRESHOLDS)
            print(f"{label:<12} {len(ds):>4} {rates}   {ds[len(ds) // 2]:>6} {ds[-1]:>4}")
    table("True-positive rate, original main-image hash vs copy's main-image hash, by threshold:", main_hash)
    table("True-positive rate, original THUMBNAIL hash vs copy's main-image hash (originals with a thumbnail):", thumb_hash)

    own = [distance(thumb_hash(o), main_hash(o)) for o in originals if thumb_hash(o) and main_hash(o)]
    own.sort()
    if own:
        print(f"\nThumbnail vs own main image, {len(own)} originals: median {own[len(own) // 2]}, "
              f"90th percentile {own[int(len(own) * 0.9)]}, max {own[-1]}; "
              + ", ".join(f"<= {t}: {sum(d <= t for d in own) / len(own):.2f}" for t in (8, 10, 12)))

    hashed = [o for o in originals if main_hash(o)]
    pairs = []
    for a, b in itertools.combinations(hashed, 2):
        same_image = h[a].get("imageDigest") and h[a].get("imageDigest") == h[b].get("imageDigest")
        pairs.append((distance(main_hash(a), main_hash(b)), os.path.basename(a), os.path.basename(b), same_image))
    pairs.sort()
    distinct = [p for p in pairs if not p[3]]
    print(f"\nFalse-positive rate over {len(distinct)} pairs of originals with different image digests ({len(hashed)} originals):")
    print("  " + " ".join(f"<={t}: {sum(p[0] <= t for p in distinct) / len(distinct):.5f}" for t in THRESHOLDS))
    print("  (counts) " + " ".join(f"<={t}: {sum(p[0] <= t for p in distinct)}" for t in THRESHOLDS))
    same = [p for p in pairs if p[3]]
    print(f"({len(same)} further pairs share an image digest: the same picture under other metadata, "
          f"at distances {sorted({p[0] for p in same})})")
    print("Closest pairs with different image digests:")
    for d, a, b, _ in distinct[:15]:
        print(f"  {d:>2}  {a}  {b}")
    thumbs = [o for o in originals if thumb_hash(o)]
    tpairs = sorted(distance(thumb_hash(a), main_hash(b)) for a in thumbs for b in hashed
                    if a != b and not (h[a].get("imageDigest") and h[a].get("imageDigest") == h[b].get("imageDigest")))
    if tpairs:
        print(f"Thumbnail of one original vs main image of another: {len(tpairs)} pairs, "
              + " ".join(f"<={t}: {sum(d <= t for d in tpairs)}" for t in THRESHOLDS))

    path, source = timing_photo(originals)
    print(f"\nTiming photo: {path} ({os.path.getsize(path)} bytes, from {os.path.basename(source)}); run\n"
          f"  {TOOL} time {path}")


if __name__ == "__main__":
    main()
