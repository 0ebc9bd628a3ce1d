#!/usr/bin/env python3
"""The ARLens benchmark suite: ARLens against DuckDB and SQLite on the same CSV snapshot, and
ARCharts against matplotlib on the same results. Checks the answers first, then prints a table
of medians and ratios and (with --doc) writes docs/performance.md.

    python3 Benchmarks/run.py --sizes 1m --doc     # generate 1M invoices, the whole suite
    python3 Benchmarks/run.py --smoke              # the 20k sample, 1 repetition, answers checked

Exits 1 when a peer's answer differs from ARLens'.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import answers  # noqa: E402
import report  # noqa: E402

SIZES = {"1m": 1_000_000, "10m": 10_000_000}
SQLITE_SKIPPED_AT_10M = "q05,series24"


def run(command, env=None, capture=True):
    result = subprocess.run(command, cwd=ROOT, env=env, text=True, capture_output=capture)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{result.stderr}")
    return result.stdout


def build(skip):
    if skip:
        return
    env = dict(os.environ, ARLENS_BENCHMARKS="1")
    for product in ("arlens", "arlens-bench"):
        print(f"building {product} (release)…", file=sys.stderr)
        run(["swift", "build", "-c", "release", "--product", product], env=env)


def dataset(size, work):
    if size == "smoke":
        return ROOT / "datasets" / "sample"
    folder = work / size / "csv"
    if not (folder / "snapshot.json").exists():
        print(f"generating {size}…", file=sys.stderr)
        run([ROOT / ".build/release/arlens", "generate", "--invoices", str(SIZES[size]), "--seed", "2026",
             "--as-of", "2026-10-31", "--out", folder])
    return folder


def time_import(csv_dir, store, repetitions):
    times = []
    for _ in range(repetitions):
        shutil.rmtree(store, ignore_errors=True)
        t = time.perf_counter()
        run([ROOT / ".build/release/arlens", "import", csv_dir, "--into", store])
        times.append((time.perf_counter() - t) * 1000)
    return times


def peer(engine, csv_dir, repetitions, threads, skipped=""):
    out = run([sys.executable, HERE / "peers.py", engine, csv_dir, HERE / "queries.json", str(repetitions), str(threads),
               skipped])
    return json.loads(out)


def provenance(started, load_before, reps, sqlite_skipped):
    """When, at which commit and under what load a size was measured, for the doc."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                            capture_output=True).stdout.strip()
    return {"reps": reps, "started": started, "finished": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
            "commit": commit or "unknown", "load_before": load_before,
            "sqlite_skipped": sqlite_skipped}


def suite(size, args, work):
    started = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
    load_before = round(os.getloadavg()[0], 2)  # other work on the machine, before this size's own
    reps = 1 if size == "smoke" else args.reps
    csv_dir = dataset(size, work)
    store = work / size / "store"
    print(f"[{size}] importing…", file=sys.stderr)
    imports = time_import(csv_dir, store, 1 if size != "1m" else min(reps, 3))
    print(f"[{size}] ARLens…", file=sys.stderr)
    ours = json.loads(run([ROOT / ".build/release/arlens-bench", store, HERE / "queries.json", str(reps),
                           str(max(3, reps) if size != "smoke" else 1)]))
    peers = {}
    # SQLite at 10M: once per query, and not the two series (minutes each; their ratio is known at 1M).
    sqlite_skipped = SQLITE_SKIPPED_AT_10M if size == "10m" and "sqlite" in args.peers else ""
    for engine in args.peers:
        slow = engine == "sqlite" and bool(sqlite_skipped)
        print(f"[{size}] {engine}…", file=sys.stderr)
        peers[engine] = peer(engine, csv_dir, 1 if slow else reps, args.threads, sqlite_skipped if slow else "")
    try:
        import matplotlib_charts
    except ImportError:
        sys.exit("run.py: matplotlib is missing: python3 -m pip install matplotlib")
    charts = [dict(c, csv=r["csv"]) for c, r in zip(json.loads((HERE / "queries.json").read_text())["charts"], ours["charts"])]
    mpl = matplotlib_charts.time_charts(charts, max(reps, 3))
    pack = pack_suite(store, reps)
    failures = []
    ours_by_id = {q["id"]: q for q in ours["queries"]}
    for engine, result in peers.items():
        for q in result["queries"]:
            difference = answers.compare(q["id"], ours_by_id[q["id"]]["csv"], q["rows"])
            if difference:
                failures.append(f"{size} {engine} {q['id']}: {difference}")
    return {"size": size, "imports_ms": imports, "ours": ours, "peers": peers, "matplotlib": mpl, "pack": pack,
            "failures": failures,
            "provenance": provenance(started, load_before, reps, sqlite_skipped)}


def pack_suite(store, reps):
    """The CFO pack rendered from the loaded store (ARLens), and the same pages drawn by matplotlib
    from ARLens' figures (the drawing alone)."""
    import matplotlib_pack
    print("  CFO pack…", file=sys.stderr)
    ours = json.loads(run([ROOT / ".build/release/arlens-bench", "pack", store, ROOT / "Reports/cfo-monthly.yaml", str(max(reps, 3))]))
    mpl = matplotlib_pack.time_pack(ours.pop("content"), max(reps, 3))
    return {"arlens": ours, "matplotlib": mpl}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1m", help="comma-separated: 1m, 10m")
    parser.add_argument("--smoke", action="store_true", help="the 20k sample, 1 repetition, answers checked")
    parser.add_argument("--reps", type=int, default=5, help="repetitions per query (default 5)")
    parser.add_argument("--threads", type=int, default=2, help="DuckDB threads (default 2)")
    parser.add_argument("--peers", default="duckdb,sqlite")
    parser.add_argument("--work", default="/tmp/arlens-bench", help="where generated data and stores go")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--doc", action="store_true", help="write docs/performance.md")
    parser.add_argument("--json", help="also write the raw measurements to this file")
    parser.add_argument("--from-json", nargs="+", help="no run: the table (and --doc) from files written by --json")
    args = parser.parse_args()
    args.peers = [p for p in args.peers.split(",") if p]
    work = Path(args.work)
    if args.from_json:
        results = [r for f in args.from_json for r in json.loads(Path(f).read_text())]
    else:
        build(args.skip_build)
        sizes = ["smoke"] if args.smoke else args.sizes.split(",")
        results = [suite(size, args, work) for size in sizes]
    text = report.table(results)
    print(text)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    if args.doc:
        report.write_doc(ROOT / "docs" / "performance.md", results, text, args)
    failures = [f for r in results for f in r["failures"]]
    for failure in failures:
        print(f"ANSWER DIFFERS: {failure}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
