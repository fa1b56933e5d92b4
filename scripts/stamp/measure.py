#!/usr/bin/env python3
"""Measure stamp reading: the share of printed stamps read exactly, and the time per photo.

    swift build -c release --product verify-photos
    python3 scripts/stamp/measure.py                       # Fixtures/stamps/
    python3 scripts/make-stamp-fixtures.py --random 100 /tmp/stamps
    python3 scripts/stamp/measure.py /tmp/stamps           # a larger generated set

Runs the release binary once over the folder (all cores, as the admin would; --metadata-only
so that only reading metadata and stamps is timed) and compares each photo's stamp_latitude,
stamp_longitude and stamp_time with what `stamps.json` says is printed on it. A coordinate
counts as exact when its value equals the printed one to every printed decimal (DMS: to the
printed tenth of a second). Prints the load average before and after: other people build on
this machine, so note it beside the figures.
"""
import json, os, re, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.environ.get("VERIFY_PHOTOS", os.path.join(ROOT, ".build", "release", "verify-photos"))


def printed_value(text):
    """Degrees of a printed coordinate: `-2.062081` or `1°40'41.2"S`."""
    m = re.fullmatch(r"(\d+)°(\d+)'([\d.]+)\"([NSEW])", text)
    if m:
        value = int(m[1]) + int(m[2]) / 60 + float(m[3]) / 3600
        return -value if m[4] in "SW" else value
    return float(text)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Fixtures", "stamps")
    with open(os.path.join(folder, "stamps.json")) as f:
        manifest = json.load(f)
    if not os.path.exists(CLI):
        sys.exit(f"{CLI} missing: swift build -c release --product verify-photos")
    load_before = os.getloadavg()
    cpu_before = os.times()
    started = time.monotonic()
    run = subprocess.run([CLI, "--format", "jsonl", "--metadata-only", "--read-stamps", "always",
                          "--now", "2026-11-29T08:00:00Z", folder], capture_output=True, text=True)
    elapsed = time.monotonic() - started
    cpu_after = os.times()
    cpu = (cpu_after.children_user - cpu_before.children_user) + (cpu_after.children_system - cpu_before.children_system)
    load_after = os.getloadavg()
    if run.returncode > 1:
        sys.exit(f"verify-photos failed ({run.returncode}): {run.stderr}")
    rows = {os.path.basename(json.loads(line)["path"]): json.loads(line) for line in run.stdout.splitlines() if line.strip()}

    stamps = coords_exact = coords_total = times_exact = times_total = false_positions = negatives = 0
    misses = []
    for name, printed in sorted(manifest.items()):
        row = rows.get(name, {})
        if printed["kind"].startswith("negative"):
            negatives += 1
            if row.get("stamp_latitude") is not None or row.get("stamp_time") is not None:
                false_positions += 1
                misses.append(f"{name}: a stamp read from a negative ({row.get('stamp_text')})")
            continue
        stamps += 1
        if "latitude" in printed:
            coords_total += 1
            ok = all(row.get(field) is not None and abs(row[field] - printed_value(printed[key])) < 1e-8
                     for field, key in (("stamp_latitude", "latitude"), ("stamp_longitude", "longitude")))
            coords_exact += ok
            if not ok:
                misses.append(f"{name}: coordinates {row.get('stamp_latitude')}, {row.get('stamp_longitude')} "
                              f"for {printed['latitude']} {printed['longitude']} ({row.get('stamp_text')})")
        if "time" in printed:
            times_total += 1
            expected = f"{printed['date']}T{printed['time']}" + ("" if printed["time"].count(":") == 2 else ":00")
            got = (row.get("stamp_time") or "")[:19]
            times_exact += got == expected
            if got != expected:
                misses.append(f"{name}: time {row.get('stamp_time')} for {expected} ({row.get('stamp_text')})")

    photos = len(manifest)
    print(f"folder: {folder}, {photos} photos ({stamps} stamped, {negatives} negatives)")
    print(f"coordinates read exactly: {coords_exact}/{coords_total}")
    print(f"date and time read exactly: {times_exact}/{times_total}")
    print(f"negatives read as a stamp: {false_positions}/{negatives}")
    print(f"wall time {elapsed:.2f} s: {elapsed / photos * 1000:.0f} ms per photo, {photos / elapsed:.2f} photos/s "
          f"on {os.cpu_count()} cores")
    print(f"CPU time {cpu:.2f} s: {cpu / photos * 1000:.0f} ms per photo; {os.cpu_count()} cores free of other work "
          f"would read {os.cpu_count() * photos / cpu:.2f} photos/s")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")
    for miss in misses:
        print("  miss:", miss)


if __name__ == "__main__":
    main()
