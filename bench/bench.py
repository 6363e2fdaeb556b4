#!/usr/bin/env python3
"""zonelint against the zone checkers everyone knows, on the same files.

    bench/bench.py --zonelint build/zonelint --out build/bench [--runs 3]
                   [--sizes 100000,1000000] [--dcs 200] [--forest-records 20000]
                   [--scale-dcs 200,500,1000,2000,5000] [--locator-dcs 1000]
                   [--big 10000000] [--quick]

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
  - the forest linted in under 5 s and 600 MiB.

Then the scale series of issue 17:

  - forests of --scale-dcs DCs (bench/gen-forest.py --records 5000
    --domain-size 200: 5,000 records in each DC's copy, domains of 200
    DCs, every rule on, the partner rules and the repair plan among them;
    --max-records raised, the 5,000-DC forest holding some 31 million
    records in its copies):
    time per DC at the largest size at most 1.3 times that at 500 DCs,
    the largest (5,000) in under 10 s and 1 GiB, and -f html on it within
    2 times the text run;
  - the forest of --locator-dcs DCs of the series (with --quick, the
    smallest) with the five locator rules of issue 15 (LOCATOR_RULES) on
    at most 1.5 times its time with them off (`--rule ID=off`), both timed
    in the same hyperfine run;
  - a million-record zone in which nearly every record has its own owner
    (gen-zone.py --unique-owners): at most 150 bytes of peak RSS a record;
  - a --big (ten million) record zone, written into a temporary folder and
    removed after: time per record within 1.3 times that at a million,
    the two zones timed in turns (a run of one, then of the other), so
    that both meet the same load.

Ratios of times use the fastest of the runs (the one least slowed by the
other jobs of a shared machine); the tables give medians too.  --quick
runs the series up to 1,000 DCs, once, without the ten-million zone.

Timings vary by about 20 % between runs on shared machines: compare the
ratios of one run, not times of different runs.  Exit status: 0 when every
target is met, 1 otherwise (the table is printed either way).
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

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
SCALE_RECORDS = 5000             # records in each DC's copy
SCALE_DOMAIN = 200               # DCs a domain
TARGET_PER_DC_GROWTH = 1.3       # time per DC, largest forest / 500 DCs
TARGET_SCALE_SECONDS = 10.0      # the 5,000-DC forest
TARGET_SCALE_MIB = 1024
TARGET_HTML_RATIO = 2.0          # -f html / text on the largest forest
# The series' views hold more records than zonelint reads by default (20
# million): 5,000 copies of 5,000 records, and the forest root's copies
# hold every DC's forest-wide records.  Past the limit the files still to
# be read are refused and reported, which would time the findings instead.
SCALE_MAX_RECORDS = 200000000
TARGET_LOCATOR_RATIO = 1.5       # the forest with LOCATOR_RULES / without
# The DC locator, orphan, NS and glue rules (issue 15).
LOCATOR_RULES = ("dc-locator-records", "dc-orphan-records", "ns-stale", "ns-missing",
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


def hyperfine_stats(commands, runs, json_path):
    """(median, fastest) seconds of each (name, argv), timed in one
    hyperfine run."""
    args = ["hyperfine", "-N", "-i", "--style", "basic", "--warmup", "1",
            "--runs", str(runs), "--export-json", json_path]
    for name, argv in commands:
        args += ["-n", name, quote(argv)]
    p = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.exit(f"bench: hyperfine failed:\n{p.stderr}")
    with open(json_path) as f:
        results = json.load(f)["results"]
    return {r["command"]: (r["median"], r["min"]) for r in results}


def interleaved(commands, runs):
    """(median, fastest) wall seconds of each (name, argv), the commands
    taking turns: one run of each to warm up, then `runs` rounds, each
    in the other order from the one before.  Two sizes compared this way
    meet the same load on a shared machine, where one hyperfine series
    after the other can meet a different one minutes later."""
    def once(argv):
        start = time.monotonic()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.monotonic() - start

    for _, argv in commands:
        once(argv)
    times = {name: [] for name, _ in commands}
    for k in range(runs):
        for name, argv in commands if k % 2 == 0 else commands[::-1]:
            times[name].append(once(argv))
    return {name: (statistics.median(t), min(t)) for name, t in times.items()}


def hyperfine(commands, runs, json_path):
    """Median seconds of each (name, argv), timed in one hyperfine run."""
    stats = hyperfine_stats(commands, runs, json_path)
    return {name: median for name, (median, _) in stats.items()}


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


def ensure_scale_forest(out, dcs):
    folder = os.path.join(out, f"scale-{dcs}")
    gen = os.path.join(HERE, "gen-forest.py")
    inv = os.path.join(folder, "forest.yaml")
    if not os.path.exists(inv) or os.path.getmtime(inv) < os.path.getmtime(gen):
        shutil.rmtree(folder, ignore_errors=True)
        run([sys.executable, gen, folder, "--dcs", str(dcs), "--records",
             str(SCALE_RECORDS), "--domain-size", str(SCALE_DOMAIN)],
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


def scale_argv(zonelint, inv, extra=()):
    return [zonelint, "--date", "2026-11-27", "--max-records", str(SCALE_MAX_RECORDS)] + \
        list(extra) + [inv]


def bench_scale(zonelint, out, dcs_list, runs):
    """The forest series: {dcs: (median, fastest, peak KiB)}, and the
    html run of the largest as (median, fastest) of text and html."""
    say(f"\nforests of N DCs, {SCALE_RECORDS} records in each DC's copy, domains of "
        f"{SCALE_DOMAIN} DCs (bench/gen-forest.py --records {SCALE_RECORDS} "
        f"--domain-size {SCALE_DOMAIN}; every rule on)")
    say(f"{'DCs':>6} {'median s':>9} {'fastest s':>10} {'ms/DC':>7} {'peak MiB':>9}")
    res = {}
    for dcs in dcs_list:
        inv = ensure_scale_forest(out, dcs)
        argv = scale_argv(zonelint, inv)
        med, best = hyperfine_stats([("text", argv)], runs,
                                    os.path.join(out, f"hyperfine-scale-{dcs}.json"))["text"]
        rss = peak_rss_kib(argv)
        res[dcs] = (med, best, rss)
        say(f"{dcs:6d} {med:9.3f} {best:10.3f} {1000 * best / dcs:7.3f} {mib(rss):9.1f}")
    big = dcs_list[-1]
    inv = ensure_scale_forest(out, big)
    text = scale_argv(zonelint, inv)
    html = scale_argv(zonelint, inv, ["-f", "html"])
    both = hyperfine_stats([("text", text), ("html", html)], runs,
                           os.path.join(out, "hyperfine-scale-html.json"))
    say(f"-f html on {big} DCs: median {both['html'][0]:.3f} s, fastest "
        f"{both['html'][1]:.3f} s (text: {both['text'][0]:.3f} s, {both['text'][1]:.3f} s)")
    return res, both


def bench_locator(zonelint, out, dcs, runs):
    """(median, fastest) of the forest of `dcs` DCs of the series with
    every rule on ("on") and with LOCATOR_RULES off ("off")."""
    inv = ensure_scale_forest(out, dcs)
    off = [a for r in LOCATOR_RULES for a in ("--rule", f"{r}=off")]
    both = hyperfine_stats([("on", scale_argv(zonelint, inv)),
                            ("off", scale_argv(zonelint, inv, off))],
                           runs, os.path.join(out, "hyperfine-locator.json"))
    say(f"\nforest of {dcs} DCs of the series with the five locator rules off "
        f"({', '.join(LOCATOR_RULES)}): median {both['off'][0]:.3f} s, fastest "
        f"{both['off'][1]:.3f} s (on: {both['on'][0]:.3f} s, {both['on'][1]:.3f} s)")
    return dcs, both


def bench_unique(zonelint, out, runs):
    path = os.path.join(out, "unique-1000000.dns")
    gen = os.path.join(HERE, "gen-zone.py")
    if not os.path.exists(path) or os.path.getmtime(path) < os.path.getmtime(gen):
        run([sys.executable, gen, path, "--records", "1000000", "--origin", ORIGIN,
             "--unique-owners"], stdout=subprocess.DEVNULL)
    argv = [zonelint, "--date", "2026-11-27", "-z", ORIGIN, path]
    med, best = hyperfine_stats([("unique", argv)], runs,
                                os.path.join(out, "hyperfine-unique.json"))["unique"]
    rss = peak_rss_kib(argv)
    say(f"\nzone of 1000000 records, nearly each at its own owner (gen-zone.py "
        f"--unique-owners): median {med:.3f} s, {mib(rss):.1f} MiB peak, "
        f"{rss * 1024 / 1e6:.1f} bytes a record")
    return rss * 1024 / 1e6


def bench_big(zonelint, records, runs, one):
    """Time and memory per record of a `records` zone against `one`
    (records, path, peak KiB) of the same generator, the two timed in
    turns (interleaved); the big zone is written into a temporary folder
    and removed."""
    gen = os.path.join(HERE, "gen-zone.py")
    n, one_path, s_rss = one
    with tempfile.TemporaryDirectory(prefix="zonelint-bench-") as tmp:
        path = os.path.join(tmp, f"zone-{records}.dns")
        run([sys.executable, gen, path, "--records", str(records), "--origin", ORIGIN],
            stdout=subprocess.DEVNULL)
        argv = [zonelint, "--date", "2026-11-27", "-z", ORIGIN, path]
        small_argv = [zonelint, "--date", "2026-11-27", "-z", ORIGIN, one_path]
        stats = interleaved([("one", small_argv), ("big", argv)], runs)
        rss = peak_rss_kib(argv)
    med, best = stats["big"]
    s_best = stats["one"][1]
    t_growth = (best / records) / (s_best / n)
    m_growth = (rss / records) / (s_rss / n)
    say(f"\nzone of {records} records (gen-zone.py, in a temporary folder), timed in "
        f"turns with the zone of {n}: median {med:.3f} s, fastest {best:.3f} s "
        f"(the zone of {n}: fastest {s_best:.3f} s), {mib(rss):.1f} MiB peak; per "
        f"record x{t_growth:.2f} the time and x{m_growth:.2f} the memory of {n}")
    return t_growth, m_growth


def check_scale(scale, html, locator, unique, big):
    say("\ntargets (issue 17):")
    ok = True
    sizes = sorted(scale)
    base = 500 if 500 in scale else sizes[0]
    top = sizes[-1]
    per = {d: scale[d][1] / d for d in sizes}
    growth = per[top] / per[base]
    ok &= check(growth <= TARGET_PER_DC_GROWTH,
                f"time per DC {base} -> {top} DCs: x{growth:.2f} (at most "
                f"x{TARGET_PER_DC_GROWTH})")
    if top >= 5000:
        ok &= check(scale[top][1] < TARGET_SCALE_SECONDS,
                    f"{top} DCs: {scale[top][1]:.2f} s (under {TARGET_SCALE_SECONDS} s)")
        ok &= check(mib(scale[top][2]) < TARGET_SCALE_MIB,
                    f"{top} DCs: {mib(scale[top][2]):.0f} MiB (under {TARGET_SCALE_MIB} MiB)")
    else:
        say(f"  skip   5000-DC targets (largest forest here: {top} DCs)")
    ratio = html["html"][1] / html["text"][1]
    ok &= check(ratio <= TARGET_HTML_RATIO,
                f"-f html on {top} DCs: x{ratio:.2f} the text run (at most "
                f"x{TARGET_HTML_RATIO})")
    dcs, both = locator
    ratio = both["on"][1] / both["off"][1]
    ok &= check(ratio <= TARGET_LOCATOR_RATIO,
                f"{dcs} DCs: x{ratio:.2f} the time with the five locator rules off "
                f"(at most x{TARGET_LOCATOR_RATIO})")
    ok &= check(unique <= TARGET_BYTES_PER_RECORD,
                f"unique owners, 1000000 records: {unique:.0f} bytes a record (at most "
                f"{TARGET_BYTES_PER_RECORD})")
    if big:
        ok &= check(big[0] <= TARGET_LINEAR_SLACK,
                    f"time per record 1000000 -> 10000000: x{big[0]:.2f} (at most "
                    f"x{TARGET_LINEAR_SLACK})")
        ok &= check(big[1] <= TARGET_LINEAR_SLACK,
                    f"memory per record 1000000 -> 10000000: x{big[1]:.2f} (at most "
                    f"x{TARGET_LINEAR_SLACK})")
    else:
        say("  skip   ten-million-record zone (--quick)")
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--zonelint", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--dcs", type=int, default=200)
    ap.add_argument("--forest-records", type=int, default=20000)
    ap.add_argument("--scale-dcs", default="200,500,1000,2000,5000")
    ap.add_argument("--locator-dcs", type=int, default=1000,
                    help="the forest of the series timed with the locator rules off "
                         "(default 1000; with --quick the smallest)")
    ap.add_argument("--big", type=int, default=10000000)
    ap.add_argument("--quick", action="store_true",
                    help="scale series up to 1000 DCs, one run, no ten-million zone")
    args = ap.parse_args()
    if args.quick:
        args.runs = 1
        args.scale_dcs = "200,500,1000"
        args.big = 0
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
    forest = measure([("zonelint forest", [zonelint, "--date", "2026-11-27", inv])],
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
    scale_dcs = sorted(int(d) for d in args.scale_dcs.split(","))
    scale, html = bench_scale(zonelint, args.out, scale_dcs, args.runs)
    loc_dcs = args.locator_dcs if args.locator_dcs in scale_dcs and not args.quick \
        else scale_dcs[0]
    locator = bench_locator(zonelint, args.out, loc_dcs, args.runs)
    unique = bench_unique(zonelint, args.out, args.runs)
    big = None
    if args.big:
        one = 1000000
        one_path = ensure_zone(args.out, one)
        small_rss = results[one]["zonelint -z"][1] if one in results else peak_rss_kib(
            [zonelint, "--date", "2026-11-27", "-z", ORIGIN, one_path])
        big = bench_big(zonelint, args.big, max(1, min(args.runs, 3)),
                        (one, one_path, small_rss))
    ok &= check_scale(scale, html, locator, unique, big)
    with open(os.path.join(args.out, "table.txt"), "w") as f:
        f.write("\n".join(LINES) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
