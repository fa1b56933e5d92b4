#!/usr/bin/env python3
"""Check that a bench corpus holds distinct pictures, as reuse detection sees them.

    python3 scripts/bench/check-distinct.py DIR [--sample N] [--seed S]

For N files under DIR (default: all of them; a seeded random sample otherwise) computes the
SHA-256 of the file and of its scan data (from SOS to EOI), and three 64-bit perceptual hashes
(average hash, difference hash, DCT hash) of the main picture, decoded DCT-scaled to 1/8 size as
libjpeg does, and of the EXIF thumbnail (IFD1). Prints: exact duplicates, the smallest Hamming
distance between the hashes of two different files over ALL pairs of the sample (and how many
pairs come within 4 and 8 bits), and the distance between each file's thumbnail and its main
picture (small: the same picture). Needs Pillow and numpy.
"""
import argparse, hashlib, os, random, struct, sys, time

import numpy as np
from PIL import Image
import io

def files_under(folder):
    out = []
    for parent, dirs, names in os.walk(folder):
        dirs.sort()
        out += [os.path.join(parent, n) for n in sorted(names) if n.lower().endswith((".jpg", ".jpeg"))]
    return out

def thumbnail(data):
    """The IFD1 JPEG thumbnail of a JPEG's APP1 EXIF, or None."""
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        if marker == 0xE1 and data[pos + 4:pos + 10] == b"Exif\x00\x00":
            t = data[pos + 10:pos + 2 + length]
            e = "<" if t[:2] == b"II" else ">"
            ifd0 = struct.unpack(e + "I", t[4:8])[0]
            n = struct.unpack(e + "H", t[ifd0:ifd0 + 2])[0]
            ifd1 = struct.unpack(e + "I", t[ifd0 + 2 + 12 * n:ifd0 + 6 + 12 * n])[0]
            if not ifd1:
                return None
            n = struct.unpack(e + "H", t[ifd1:ifd1 + 2])[0]
            tags = {}
            for k in range(n):
                tag, typ, count, value = struct.unpack(e + "HHII", t[ifd1 + 2 + 12 * k:ifd1 + 14 + 12 * k])
                tags[tag] = value
            if 0x0201 in tags and 0x0202 in tags:
                return t[tags[0x0201]:tags[0x0201] + tags[0x0202]]
            return None
        if marker == 0xDA:
            return None
        pos += 2 + length
    return None

def scan(data):
    pos = 2
    while pos + 4 <= len(data):
        marker = data[pos + 1]
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        if marker == 0xDA:
            return data[pos:]
        pos += 2 + length
    return b""

_D = None

def hashes(im):
    """(aHash, dHash, pHash) of a PIL image, each a 64-bit int."""
    global _D
    g = im.convert("L")
    a = np.asarray(g.resize((8, 8), Image.BOX), np.float32).ravel()
    ahash = np.packbits(a > a.mean()).view(">u8")[0]
    d = np.asarray(g.resize((9, 8), Image.BOX), np.float32)
    dhash = np.packbits((d[:, 1:] > d[:, :-1]).ravel()).view(">u8")[0]
    if _D is None:
        k = np.arange(32)
        _D = np.cos(np.pi * (2 * k[None, :] + 1) * k[:, None] / 64).astype(np.float64)
    p = np.asarray(g.resize((32, 32), Image.BOX), np.float64)
    c = (_D @ p @ _D.T)[:8, :8].ravel()
    phash = np.packbits(c > np.median(c[1:])).view(">u8")[0]
    return int(ahash), int(dhash), int(phash)

def popcount(x):
    return np.bitwise_count(x) if hasattr(np, "bitwise_count") else np.unpackbits(x.view(np.uint8)).reshape(x.shape + (64,)).sum(-1)

def pairs(values, block=2000):
    """(min distance over all pairs i < j, pairs within 4 bits, pairs within 8 bits, median)."""
    v = np.array(values, dtype=np.uint64)
    best, near4, near8 = 64, 0, 0
    sample = []
    for i in range(0, len(v), block):
        d = popcount(v[i:i + block, None] ^ v[None, :]).astype(np.int16)
        rows = np.arange(i, min(i + block, len(v)))[:, None]
        d = np.where(np.arange(len(v))[None, :] > rows, d, 99)  # each pair once, not with itself
        best = min(best, int(d.min()))
        near4 += int((d <= 4).sum())
        near8 += int((d <= 8).sum())
        sample.append(d[d < 99][:10000])
    return best, near4, near8, float(np.median(np.concatenate(sample)))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    files = files_under(a.folder)
    if a.sample and a.sample < len(files):
        files = random.Random(a.seed).sample(files, a.sample)
    start = time.perf_counter()
    main_h, thumb_h, same = [], [], []
    file_sha, scan_sha = set(), set()
    without = 0
    for path in files:
        data = open(path, "rb").read()
        file_sha.add(hashlib.sha256(data).digest())
        scan_sha.add(hashlib.sha256(scan(data)).digest())
        im = Image.open(io.BytesIO(data))
        im.draft("RGB", (im.size[0] // 8, im.size[1] // 8))
        h = hashes(im)
        main_h.append(h)
        t = thumbnail(data)
        if t is None:
            without += 1
            continue
        th = hashes(Image.open(io.BytesIO(t)))
        thumb_h.append(th)
        same.append([bin(x ^ y).count("1") for x, y in zip(h, th)])
    n = len(files)
    print(f"{n} files of {a.folder} ({time.perf_counter() - start:.0f} s to hash); {without} without a thumbnail")
    print(f"distinct file SHA-256: {len(file_sha)}, distinct scan-data SHA-256: {len(scan_sha)}")
    for k, name in enumerate(("aHash", "dHash", "pHash")):
        best, n4, n8, med = pairs([h[k] for h in main_h])
        line = f"{name}: main pictures, all {n * (n - 1) // 2:,} pairs: min {best}, median {med:.0f}, pairs <= 4: {n4}, <= 8: {n8}"
        if thumb_h:
            tb, t4, t8, tmed = pairs([h[k] for h in thumb_h])
            s = np.array([x[k] for x in same])
            line += (f"; thumbnails: min {tb}, median {tmed:.0f}, <= 4: {t4}, <= 8: {t8}"
                     f"; thumbnail vs its own main picture: mean {s.mean():.1f}, max {s.max()}")
        print(line)

if __name__ == "__main__":
    main()
