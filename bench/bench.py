#!/usr/bin/env python3
"""zonelint against the zone checkers everyone knows, on the same files.

    bench/bench.py --zonelint build/zonelint --out build/bench [--runs 3]
                   [--sizes 100000,1000000] [--dcs 200] [--forest-records 20000]

For each zone size, bench/gen-zone.py writes an AD-shaped zone (once; kept
in --out), then ONE hyperfine invocation times zonelint -z (the whole zone
pack) and every anchor that is installed, so all of them see the same
machine load; /usr/bin/time -v gives each one's peak RSS.  Then the forest
of --dcs DCs (bench/gen-forest.py) is linted the same way.  The table
gives the median wall time, peak RSS, records per second, bytes of peak
RSS per record and zonelint's ratio to each anchor (below 1: zonelint is
faster / leaner), also written to OUT/table.txt, and checks the targets
of issue 8:

  - zone pack at 1M records: at most 0.8x validns's wall time, at most 150
    bytes of peak RSS per record;
  - time and memory growing linearly from the smallest size to the largest;
  - the forest linted in under 5 s and 600 MiB;
  - the forest with the rules of issue 15 (NEW_RULES) at most 1.5x its time
    with them off (`--rule ID=off`), timed in the same hyperfine run.

Timings vary by about 20 % between runs on shared machines: compare the
ratios of one run, not times of different runs.  Exit status: 0 when every
target is met, 1 otherwise (the table is printed either way).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORIGIN = "ad.bench.example"
FOREST = "bench.example"

# name, executable, argument template ({zone}, {file}); the first installed
# executable of each row is used.
ANCHORS = (
    ("named-checkzone", "named-checkzone", ["-q", "{zone}", "{file}"]),
    ("kzonecheck", "kzonecheck", ["-o", "{zone}", "{file}"]),
    ("nsd-checkzone", "nsd-checkzone", ["{zone}", "{file}"]),
    ("validns -p all", "validns", ["-p", "all", "-z", "{zone}.", "{file}"]),
)

TARGET_VALIDNS_RATIO = 0.8
TARGET_BYTES_PER_RECORD = 150
TARGET_LINEAR_SLACK = 1.3        # per-record cost may grow by this much
TARGET_FOREST_SECONDS = 5.0
TARGET_FOREST_MIB = 600
TARGET_NEW_RULES_RATIO = 1.5
# The DC locator, orphan, NS and glue rules (issue 15).
NEW_RULES = ("dc-locator-records", "dc-orphan-records", "ns-stale", "ns-missing",
             "glue-mismatch")


LINES = []


def say(text=""):
    """Prints a line of the report and keeps it for OUT/table.txt."""
    print(text, flush=True)
    LINES.append(text)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def quote(args):
    return " ".join(a if re.fullmatch(r"[\w./=:@,+-]+", a) else "'" + a + "'"
                    for a in args)


def peak_rss_kib(cmd):
    """Peak resident set of one run, from GNU time's -v report."""
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    if not m:
        sys.exit(f"bench: no peak RSS for {quote(cmd)}:\n{p.stderr[-2000:]}")
    return int(m.group(1))


def hyperfine(commands, runs, json_path):
    """Median seconds of each (name, argv), timed in one hyperfine run."""
    args = ["hyperfine", "-N", "-i", "--style", "basic", "--warmup", "1",
            "--runs", str(runs), "--export-json", json_path]
    for name, argv in commands:
        args += ["-n", name, quote(argv)]
    p = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"bench: hyperfine failed:\n{p.stderr}")
    with open(json_path) as f:
        results = json.load(f)["results"]
    return {r["command"]: r["median"] for r in results}


def count_records(path):
    """Records in a gen-zone.py file: its header line says how many."""
    with open(path) as f:
        m = re.search(r"(\d+) records", f.readline())
    return int(m.group(1))


def ensure_zone(out, records):
    path = os.path.join(out, f"zone-{records}.dns")
    gen = os.path.join(HERE, "gen-zone.py")
    if not os.path.exists(path) or os.path.getmtime(path) < os.path.getmtime(gen):
        run([sys.executable, gen, path, "--records", str(records), "--origin", ORIGIN],
            stdout=subprocess.DEVNULL)
    return path


def ensure_forest(out, dcs, records):
    folder = os.path.join(out, f"forest-{dcs}x{records}")
    gen = os.path.join(HERE, "gen-forest.py")
    inv = os.path.join(folder, "forest.yaml")
    if not os.path.exists(inv) or os.path.getmtime(inv) < os.path.getmtime(gen):
        shutil.rmtree(folder, ignore_errors=True)
        run([sys.executable, gen, folder, "--dcs", str(dcs), "--records", str(records)],
            stdout=subprocess.DEVNULL)
    return inv


def measure(commands, runs, json_path):
    medians = hyperfine(commands, runs, json_path)
    return {name: (medians[name], peak_rss_kib(argv)) for name, argv in commands}


def bench_zone(zonelint, out, records, runs):
    path = ensure_zone(out, records)
    commands = [("zonelint -z", [zonelint, "--date", "2026-11-27", "-z", ORIGIN, path])]
    for name, exe, template in ANCHORS:
        if shutil.which(exe):
            commands.append((name, [exe] + [a.format(zone=ORIGIN, file=path)
                                            for a in template]))
    return measure(commands, runs, os.path.join(out, f"hyperfine-{records}.json"))


def mib(kib):
    return kib / 1024


def table(title, records, res):
    zl_time, zl_rss = res["zonelint -z"] if "zonelint -z" in res else next(iter(res.values()))
    say(f"\n{title}")
    say(f"{'program':<18} {'median s':>9} {'peak MiB':>9} {'records/s':>11} "
        f"{'B/record':>9} {'zl time':>8} {'zl RSS':>7}")
    for name, (secs, rss) in res.items():
        say(f"{name:<18} {secs:9.3f} {mib(rss):9.1f} {records / secs:11.0f} "
            f"{rss * 1024 / records:9.1f} {zl_time / secs:7.2f}x {zl_rss / rss:6.2f}x")


def check(ok, text):
    say(f"  {'met   ' if ok else 'MISSED'} {text}")
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--zonelint", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--dcs", type=int, default=200)
    ap.add_argument("--forest-records", type=int, default=20000)
    args = ap.parse_args()
    zonelint = os.path.abspath(args.zonelint)
    os.makedirs(args.out, exist_ok=True)
    sizes = sorted(int(s) for s in args.sizes.split(","))

    say(f"bench: median of {args.runs} runs (hyperfine, one invocation per size), "
        f"peak RSS from /usr/bin/time -v; {os.cpu_count()} CPUs")
    results = {}
    for n in sizes:
        results[n] = bench_zone(zonelint, args.out, n, args.runs)
        table(f"zone of {n} records (bench/gen-zone.py, zone pack)", n, results[n])

    inv = ensure_forest(args.out, args.dcs, args.forest_records)
    view_records = args.dcs * args.forest_records
    off = [a for r in NEW_RULES for a in ("--rule", f"{r}=off")]
    forest = measure([("zonelint forest", [zonelint, "--date", "2026-11-27", inv]),
                      ("issue 15 rules off", [zonelint, "--date", "2026-11-27"] + off + [inv])],
                     args.runs, os.path.join(args.out, "hyperfine-forest.json"))
    table(f"forest of {args.dcs} DCs, {args.forest_records} records in each view "
          f"({view_records} in all; bench/gen-forest.py)", view_records, forest)

    say("\ntargets (issue 8):")
    ok = True
    big, small = sizes[-1], sizes[0]
    zl_big = results[big]["zonelint -z"]
    if "validns -p all" in results[big]:
        ratio = zl_big[0] / results[big]["validns -p all"][0]
        ok &= check(ratio <= TARGET_VALIDNS_RATIO,
                    f"{big} records: {ratio:.2f}x validns wall time (at most "
                    f"{TARGET_VALIDNS_RATIO}x)")
    else:
        ok &= check(False, "validns is not installed: no wall-time ratio")
    bpr = zl_big[1] * 1024 / big
    ok &= check(bpr <= TARGET_BYTES_PER_RECORD,
                f"{big} records: {bpr:.0f} bytes of peak RSS per record (at most "
                f"{TARGET_BYTES_PER_RECORD})")
    if big > small:
        zl_small = results[small]["zonelint -z"]
        t_growth = (zl_big[0] / big) / (zl_small[0] / small)
        m_growth = (zl_big[1] / big) / (zl_small[1] / small)
        ok &= check(t_growth <= TARGET_LINEAR_SLACK,
                    f"time per record {small} -> {big}: x{t_growth:.2f} (linear: "
                    f"at most x{TARGET_LINEAR_SLACK})")
        ok &= check(m_growth <= TARGET_LINEAR_SLACK,
                    f"memory per record {small} -> {big}: x{m_growth:.2f} (linear: "
                    f"at most x{TARGET_LINEAR_SLACK})")
    secs, rss = forest["zonelint forest"]
    ok &= check(secs < TARGET_FOREST_SECONDS,
                f"forest: {secs:.2f} s (under {TARGET_FOREST_SECONDS} s)")
    ok &= check(mib(rss) < TARGET_FOREST_MIB,
                f"forest: {mib(rss):.0f} MiB (under {TARGET_FOREST_MIB} MiB)")
    ratio = secs / forest["issue 15 rules off"][0]
    ok &= check(ratio <= TARGET_NEW_RULES_RATIO,
                f"forest: {ratio:.2f}x its time without the issue 15 rules (at most "
                f"{TARGET_NEW_RULES_RATIO}x)")
    with open(os.path.join(args.out, "table.txt"), "w") as f:
        f.write("\n".join(LINES) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
