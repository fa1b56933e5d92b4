#!/usr/bin/env python3
"""Write an upload tree and its roster for the roster benchmark.

    python3 scripts/bench/make-upload-tree.py DIR SOURCE N_PEOPLE N_PHOTOS

DIR/YYYY-MM-DD/NIP/photo-K.jpg: N_PHOTOS hard links to the files of SOURCE (the benchmark
corpus of make-corpus.py, cycled in sorted order), spread over N_PEOPLE invented employees and
the Fridays from 2026-04-10 on (the holiday Fridays 2026-05-01 and 2026-05-15 skipped): each
Friday has one photo per person until N_PHOTOS are written, so there are about
N_PHOTOS / N_PEOPLE Fridays. The roster DIR.roster.csv (beside the tree, not in it) has the
N_PEOPLE rows: invented NIPs that pass EmployeeNumber's plausibility rules (birth date, first
appointment month at 18-35, gender 1 or 2, serial 001-999), names "Pegawai 00001", ...,
40 units, groups A/B alternating, about 5% exempt, about half with a home point in Bangka Barat.
No real personal data. Deterministic. The tree is written to DIR.tmp and renamed when complete.
"""
import datetime, os, random, shutil, sys

HOLIDAY_FRIDAYS = {datetime.date(2026, 5, 1), datetime.date(2026, 5, 15)}
POSITIONS = ["Analis Kebijakan", "Pengelola Data", "Pranata Komputer", "Pengadministrasi Umum",
             "Analis Keuangan", "Penyuluh", "Arsiparis", "Perencana"]

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

def sources(folder):
    files = []
    for parent, dirs, names in os.walk(folder):
        dirs.sort()
        files += [os.path.join(parent, name) for name in sorted(names) if name.lower().endswith((".jpg", ".jpeg"))]
    if not files:
        sys.exit(f"no JPEGs under {folder}")
    return files

def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    out, source, people, photos = sys.argv[1].rstrip("/"), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(20260410)
    numbers = nips(rng, people)
    days = fridays(-(-photos // people))
    files = sources(source)

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
    for k in range(photos):
        day, person = divmod(k, people)
        folder = os.path.join(tmp, days[day].isoformat(), numbers[person])
        os.makedirs(folder, exist_ok=True)
        os.link(files[k % len(files)], os.path.join(folder, f"photo-{k + 1}.jpg"))
    os.replace(out + ".roster.csv.tmp", out + ".roster.csv")
    shutil.rmtree(out, ignore_errors=True)
    os.rename(tmp, out)
    print(f"wrote {photos} links for {people} people over {len(days)} Fridays to {out}, roster {out}.roster.csv")

if __name__ == "__main__":
    main()
