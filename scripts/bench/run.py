#!/usr/bin/env python3
"""`make bench`: throughput and memory of verify-photos against peers measured in the same run.

    python3 scripts/bench/run.py [--photos N] [--big N] [--people N] [--phone N] [--skip-big] [--skip-phone]
                                 [--roster-only] [--phone-only]

(a) verify-photos --format jsonl over N photo-like JPEGs (default 10,000, ~70 kB, distinct
pictures: make-corpus.py), (b) ExifTool as an admin would run it, (c) the floor: reading the
first 64 KiB of every file and nothing else; all with a warm cache, best of several runs. Then
the full run over --phone 12-megapixel phone JPEGs of 3-5 MB (default 1,000, make-phone-corpus.py)
next to ExifTool on the same files. Then the peak memory (RSS) of (a) at N and at --big photos
(default 100,000), the --state first and repeat runs over --big photos, the roster run (--roster
over an upload tree YYYY-MM-DD/NIP/ of --people invented employees and --big distinct photos,
made by make-upload-tree.py) next to the same run without --roster, and --ledger next to
--roster alone when the CLI has it, and the geometry microbenchmark next to shapely on the same
points. The --big rows all run over that upload tree. --roster-only runs the roster part alone,
--phone-only the phone part alone.
Prints a Markdown table (the README's Performance section). Corpora are kept in .bench/, each
with a stamp of the generator scripts that made it: a changed generator makes it anew.
Needs Pillow and numpy for the corpora (make bench-deps installs them).
"""
import argparse, hashlib, os, random, re, shutil, struct, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, ".bench")
CLI = os.path.join(ROOT, ".build", "release", "verify-photos")

def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)

def timed(cmd, runs=3, before=None):
    """Best wall time of `runs` runs, output discarded (exit status 1 = photos flagged is fine);
    `before` runs untimed ahead of each run."""
    best = float("inf")
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if p.returncode not in (0, 1):
            sys.exit(f"{cmd[0]} failed ({p.returncode}): {p.stderr.decode()[-500:]}")
        best = min(best, elapsed)
    return best

def peak_rss_mb(cmd):
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(p.stderr.strip().splitlines()[-1]) / 1024

def need_pictures():
    """The generators draw and encode pictures with Pillow and numpy."""
    try:
        import numpy, PIL  # noqa: F401
    except ImportError:
        sys.exit("the bench corpora need Pillow and numpy: run `make bench-deps` or python3 -m pip install pillow numpy")

def generated(folder, script, args, extra=(), via_tmp=True):
    """`folder` as scripts/bench/`script` makes it, made anew when missing or when the generator
    changed since (the stamp FOLDER.made-by holds the digest of the script and make-corpus.py,
    whose helpers they all use). args(path) are the script's arguments; with via_tmp the script
    writes FOLDER.tmp, renamed when complete. `extra`: the files it makes beside the folder."""
    here = os.path.join(ROOT, "scripts", "bench")
    digest = hashlib.sha256()
    for name in sorted({"make-corpus.py", script}):
        with open(os.path.join(here, name), "rb") as f:
            digest.update(f.read())
    stamp = folder + ".made-by"
    made = open(stamp).read().strip() if os.path.isfile(stamp) else None
    if made == digest.hexdigest() and os.path.isdir(folder) and all(os.path.isfile(e) for e in extra):
        return folder
    for stale in (stamp, folder, folder + ".tmp"):
        if os.path.isdir(stale):
            shutil.rmtree(stale)
        elif os.path.exists(stale):
            os.remove(stale)
    print(f"making {os.path.relpath(folder, ROOT)} with {script}", file=sys.stderr)
    target = folder + ".tmp" if via_tmp else folder
    sh([sys.executable, os.path.join(here, script)] + args(target), stdout=sys.stderr)
    if via_tmp:
        os.rename(target, folder)
    with open(stamp, "w") as f:
        f.write(digest.hexdigest() + "\n")
    return folder

def corpus(n):
    """N photo-like JPEGs of ~70 kB, distinct pictures (make-corpus.py)."""
    return generated(os.path.join(BENCH, f"corpus-{n}"), "make-corpus.py", lambda path: [path, str(n)])

def phone_corpus(n):
    """N 12-megapixel phone JPEGs of 3-5 MB (make-phone-corpus.py)."""
    return generated(os.path.join(BENCH, f"phone-{n}"), "make-phone-corpus.py", lambda path: [path, str(n)])

def upload_tree(people, photos):
    """`photos` distinct photos as DIR/YYYY-MM-DD/NIP/photo-K.jpg and the roster DIR.roster.csv."""
    folder = os.path.join(BENCH, f"uploads-{people}x{photos}")
    roster = folder + ".roster.csv"
    generated(folder, "make-upload-tree.py", lambda path: [path, str(people), str(photos)], extra=[roster], via_tmp=False)
    return folder, roster

# The options of the run that the phone row times: the full run, with every check on.
PHONE_ARGS = ["--format", "jsonl"]

def phone_bench(n):
    """The speed target's rows: verify-photos PHONE_ARGS over N 12-megapixel phone JPEGs of
    3-5 MB (4% without an EXIF thumbnail), photos/s, best of 3, warm cache; the row reports
    the full run with every check on (the file's SHA-256 and the scan data's XXH3-128, the perceptual hash from the
    EXIF thumbnail or a DCT-scaled decode, and the metadata checks), target at least 300
    photos/s on this 2-core machine. Next to it ExifTool -fast2 on the same files, as in (b)."""
    folder = phone_corpus(n)
    files = [os.path.join(p, f) for p, _, names in os.walk(folder) for f in names]
    size = 0
    for path in files:  # warm the cache: every byte, as the full run reads every byte
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                size += len(chunk)
    m = len(files)
    t_ours = timed([CLI] + PHONE_ARGS + [folder], runs=3)
    t_exiftool = timed(["exiftool", "-fast2", "-n", "-j", "-GPSLatitude", "-GPSLongitude", "-DateTimeOriginal",
                        "-OffsetTimeOriginal", "-r", folder], runs=1)
    label = f"{m:,} 12-megapixel phone JPEGs, {size / m / 1e6:.1f} MB on average ({size / 1e9:.1f} GB)"
    return label, [
        ("verify-photos " + " ".join(PHONE_ARGS) + ", every check on (target ≥ 300 photos/s)",
         f"{m / t_ours:,.0f} photos/s", f"{t_ours:.2f} s (best of 3), {size / t_ours / 1e6:,.0f} MB/s"),
        ("exiftool -fast2 -n -j ... -r", f"{m / t_exiftool:,.0f} photos/s", f"{t_exiftool:.2f} s"),
    ]

def print_phone(label, rows):
    print(f"\n| {label} | throughput | time |\n|---|---|---|")
    for r in rows: print(f"| {r[0]} | {r[1]} | {r[2]} |")

def roster_bench(floor, people, photos):
    """Rows of the roster table: --roster against the same run without it, --ledger against --roster alone."""
    tree, roster = upload_tree(people, photos)
    m = sum(len(files) for _, _, files in os.walk(tree))
    subprocess.run([floor, tree], stdout=subprocess.DEVNULL)  # warm the cache (and the 100k dentries)
    # One untimed run that also checks the tree: every path must name a NIP the roster has.
    out = subprocess.run([CLI, "--format", "jsonl", "--roster", roster, tree], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"verify-photos --roster failed ({out.returncode}): {out.stderr[-500:]}")
    import json
    report = os.path.join(BENCH, "roster-run.jsonl")
    with open(report, "w") as f:
        f.write(out.stdout)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    unmatched = sum(1 for r in records if r["nip"] is None or r["name"] is None)
    if len(records) != m or unmatched:
        print(f"note: roster run: {len(records)} records for {m} photos, {unmatched} without a NIP or roster row",
              file=sys.stderr)
    plain = [CLI, "--format", "jsonl", tree]
    with_roster = [CLI, "--format", "jsonl", "--roster", roster, tree]
    label = f"{people:,} people, {m:,} photos"
    usage = subprocess.run([CLI, "--help"], capture_output=True, text=True)
    ledger = os.path.join(BENCH, "ledger.jsonl")
    def fresh():
        if os.path.exists(ledger):
            os.remove(ledger)
    with_ledger = with_roster[:-1] + ["--ledger", ledger, tree]
    ledger_note = None
    if "--ledger" not in usage.stdout + usage.stderr:
        ledger_note = "not measured: this build has no --ledger"
    else:
        fresh()
        trial = subprocess.run(with_ledger, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if trial.returncode not in (0, 1):
            ledger_note = f"not measured: exit status {trial.returncode}: " + " ".join(trial.stderr.split())[-200:]
    # Interleaved pairs: run times on this shared machine wander by 10-15% from run to run, so
    # the ratio is the median of the seven pairs' ratios (drift hits both runs of a pair alike).
    t_plain = t_roster = t_ledger = float("inf")
    ratios = []
    for _ in range(7):
        p = timed(plain, runs=1)
        r = timed(with_roster, runs=1)
        ratios.append(r / p)
        t_plain, t_roster = min(t_plain, p), min(t_roster, r)
        if ledger_note is None:
            t_ledger = min(t_ledger, timed(with_ledger, runs=1, before=fresh))
    ratios.sort()
    rows = [(f"--roster, {label}", f"{t_roster:.2f} s (best of 7)", f"without --roster: {t_plain:.2f} s",
             f"{ratios[3]:.2f}× median of 7 pairs, {ratios[0]:.2f}–{ratios[-1]:.2f}× (target ≤ 1.10×)")]
    if ledger_note is not None:
        rows.append(("--roster --ledger FILE.jsonl", ledger_note, "", ""))
        return rows
    size = os.path.getsize(ledger) / 1e6 if os.path.exists(ledger) else 0
    rows.append((f"--roster --ledger .bench/ledger.jsonl ({size:.1f} MB)", f"{t_ledger:.2f} s",
                 f"--roster alone: {t_roster:.2f} s",
                 f"{t_ledger - t_roster:+.2f} s, {100 * (t_ledger - t_roster) / t_ledger:.0f}% of the run"))
    # The ledger's own time, in process (whole runs wander more than the ledger costs): from
    # the verdicts of the roster run's report to the ledger file in place, best of five.
    out = subprocess.run([microbenchmark("LedgerBenchmark"), roster, report, os.path.join(BENCH, "ledger-bench.jsonl")],
                         check=True, capture_output=True, text=True).stdout.split()
    rows.append((f"ledger of {int(out[0]):,} photos ({int(out[1]):,} rows), built and written", f"{float(out[2]):.2f} s",
                 "in process (Benchmarks/LedgerBenchmark)", "target < 1 s"))
    return rows

def floor_binary():
    out = os.path.join(BENCH, "floor")
    source = os.path.join(ROOT, "scripts", "bench", "floor.c")
    if not os.path.exists(out) or os.path.getmtime(out) < os.path.getmtime(source):
        sh(["cc", "-O2", "-pthread", source, "-o", out])
    return out

def microbenchmark(name):
    """The release build of Benchmarks/Sources/NAME."""
    build = ["swift", "build", "--package-path", os.path.join(ROOT, "Benchmarks"), "-c", "release"]
    if subprocess.run(build, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
        # A stale build description (a source file renamed since) fails the build: start afresh.
        shutil.rmtree(os.path.join(ROOT, "Benchmarks", ".build"), ignore_errors=True)
        sh(build, stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, "Benchmarks", ".build", "release", name)

def geometry():
    binary = microbenchmark("GeometryBenchmark")
    rng = random.Random(7)
    # Points over the outline's bounding box widened by 20% (about half inside).
    lon0, lat0, lon1, lat1 = 105.1085, -2.1543, 105.8115, -1.5021
    dx, dy = (lon1 - lon0) * 0.2, (lat1 - lat0) * 0.2
    pts = [(rng.uniform(lon0 - dx, lon1 + dx), rng.uniform(lat0 - dy, lat1 + dy)) for _ in range(1_000_000)]
    path = os.path.join(BENCH, "points.bin")
    with open(path, "wb") as f:
        f.write(b"".join(struct.pack("<dd", x, y) for x, y in pts))
    out = subprocess.run([binary, path], check=True, capture_output=True, text=True).stdout.split()
    ours_contains, ours_distance, ours_inside = int(out[0]), int(out[1]), int(out[2])

    import json
    import numpy as np
    import shapely
    from shapely.geometry import shape
    outline = shape(json.load(open(os.path.join(ROOT, "boundaries", "bangka-barat.geojson")))["features"][0]["geometry"])
    shapely.prepare(outline)
    xs = np.array([p[0] for p in pts]); ys = np.array([p[1] for p in pts])
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter(); inside = shapely.contains_xy(outline, xs, ys); best = min(best, time.perf_counter() - start)
    theirs_contains = len(pts) / best
    if int(inside.sum()) != ours_inside:
        print(f"note: inside counts differ: ours {ours_inside}, shapely {int(inside.sum())} (points on the edge)", file=sys.stderr)
    sample = shapely.points(xs[:20_000], ys[:20_000])
    boundary = outline.boundary
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter(); shapely.distance(boundary, sample); best = min(best, time.perf_counter() - start)
    theirs_distance = 20_000 / best
    return ours_contains, theirs_contains, ours_distance, theirs_distance

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--photos", type=int, default=10_000)
    ap.add_argument("--big", type=int, default=100_000)
    ap.add_argument("--people", type=int, default=5_000, help="employees in the roster run's upload tree")
    ap.add_argument("--phone", type=int, default=1_000, help="12-megapixel phone JPEGs of the full-run row")
    ap.add_argument("--skip-big", action="store_true")
    ap.add_argument("--skip-phone", action="store_true")
    ap.add_argument("--roster-only", action="store_true", help="only the roster run (over --big photos)")
    ap.add_argument("--phone-only", action="store_true", help="only the full run over --phone phone JPEGs")
    a = ap.parse_args()
    need_pictures()
    os.makedirs(BENCH, exist_ok=True)
    for name in os.listdir(BENCH):
        if re.fullmatch(r"corpus-\d+-x\d+", name):  # hard-linked copies made by earlier benches: unused now
            shutil.rmtree(os.path.join(BENCH, name))
    floor = floor_binary()
    n = a.photos
    cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
    roster_header = "\n| roster and ledger | time | peer, same tree, same run | ratio |\n|---|---|---|---|"
    if a.roster_only:
        rows = roster_bench(floor, a.people, a.big)
        print(f"Machine: {os.cpu_count()} cores ({cpu}); photos ~70 kB each; warm cache; best of several runs.")
        print(roster_header)
        for r in rows: print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} |")
        return
    if a.phone_only:
        phone = phone_bench(a.phone)
        print(f"Machine: {os.cpu_count()} cores ({cpu}); warm cache.")
        print_phone(*phone)
        return
    small = corpus(a.photos)
    subprocess.run([floor, small], stdout=subprocess.DEVNULL)  # warm the cache
    # (a) is the metadata path, against ExifTool's (which reads metadata only); the checks of
    # the picture itself are measured by the phone rows and the big runs below.
    t_ours = timed([CLI, "--metadata-only", "--format", "jsonl", small], runs=5)
    t_floor = timed([floor, small], runs=5)
    t_exiftool = timed(["exiftool", "-fast2", "-n", "-j", "-GPSLatitude", "-GPSLongitude", "-DateTimeOriginal",
                        "-OffsetTimeOriginal", "-r", small], runs=1)
    rss_small = peak_rss_mb([CLI, "--format", "jsonl", small])
    rows = [
        ("(a) verify-photos --metadata-only --format jsonl", f"{n / t_ours:,.0f} photos/s", f"{t_ours:.2f} s"),
        ("(b) exiftool -fast2 -n -j ... -r", f"{n / t_exiftool:,.0f} photos/s", f"{t_exiftool:.2f} s"),
        ("(c) floor: first 64 KiB of each file", f"{n / t_floor:,.0f} photos/s", f"{t_floor:.2f} s"),
    ]
    ratios = [("a / b (target ≥ 50)", f"{t_exiftool / t_ours:.1f}× ExifTool's throughput"),
              ("a / c (target: no slower than 3× the floor)", f"{t_ours / t_floor:.1f}× the floor's time")]
    memory = [(f"peak RSS, every check on, {n:,} photos", f"{rss_small:.0f} MB")]
    phone = None if a.skip_phone else phone_bench(a.phone)
    state_rows, roster_rows = [], []
    if not a.skip_big:
        big, _ = upload_tree(a.people, a.big)  # distinct photos, the roster run's tree
        m = a.big
        subprocess.run([floor, big], stdout=subprocess.DEVNULL)
        rss_big = peak_rss_mb([CLI, "--format", "jsonl", big])
        memory.append((f"peak RSS, every check on, {m:,} photos", f"{rss_big:.0f} MB (target < 100 MB)"))
        state = os.path.join(BENCH, "state.db")
        for suffix in ("", "-wal", "-shm", ".lock"):
            if os.path.exists(state + suffix):
                os.remove(state + suffix)
        t_first = timed([CLI, "--state", state, "--settle-seconds", "0", "--format", "jsonl", big], runs=1)
        t_repeat = timed([CLI, "--state", state, "--settle-seconds", "0", "--format", "jsonl", big], runs=3)
        t_repeat_new = timed([CLI, "--state", state, "--settle-seconds", "0", "--only-new", "--format", "jsonl", big], runs=3)
        state_rows = [
            (f"--state, first run over {m:,} photos (hash + read)", f"{t_first:.2f} s", "100%"),
            ("--state, repeat run, nothing changed, full report", f"{t_repeat:.2f} s", f"{100 * t_repeat / t_first:.0f}%"),
            ("--state --only-new, repeat run (the nightly job)", f"{t_repeat_new:.2f} s", f"{100 * t_repeat_new / t_first:.0f}% (target < 10%)"),
        ]
        roster_rows = roster_bench(floor, a.people, a.big)
    oc, tc, od, td = geometry()
    geo = [("point in polygon, one core", f"{oc / 1e6:.1f} M points/s", f"shapely contains_xy (prepared): {tc / 1e6:.1f} M/s", f"{oc / tc:.1f}×"),
           ("distance to the boundary, one core", f"{od / 1e6:.2f} M points/s", f"shapely distance: {td / 1e3:.1f} k/s", f"{od / td:.0f}×")]

    print(f"Machine: {os.cpu_count()} cores ({cpu}); photos ~70 kB each; warm cache; best of several runs.\n")
    print("| what | throughput | time |\n|---|---|---|")
    for r in rows: print(f"| {r[0]} | {r[1]} | {r[2]} |")
    print("\n| ratio | measured |\n|---|---|")
    for r in ratios: print(f"| {r[0]} | {r[1]} |")
    if phone:
        print_phone(*phone)
    print("\n| memory | measured |\n|---|---|")
    for r in memory: print(f"| {r[0]} | {r[1]} |")
    if state_rows:
        print("\n| incremental runs | time | of the first run |\n|---|---|---|")
        for r in state_rows: print(f"| {r[0]} | {r[1]} | {r[2]} |")
    if roster_rows:
        print(roster_header)
        for r in roster_rows: print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} |")
    print("\n| geometry (2,934-vertex outline) | verify-photos | peer, same points, same run | ratio |\n|---|---|---|---|")
    for r in geo: print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} |")

main()
