"""The benchmark's table of medians and ratios, and docs/performance.md."""
import json
import os
import platform
import statistics
import subprocess
from pathlib import Path

QUERIES = {q["id"]: q for q in json.loads((Path(__file__).parent / "queries.json").read_text())["queries"]}


def _ms(values):
    return statistics.median(values) if values else None


def _fmt(ms):
    if ms is None:
        return "—"
    return f"{ms / 1000:.2f} s" if ms >= 1000 else f"{ms:.2f} ms" if ms < 10 else f"{ms:.0f} ms"


def _ratio(a, b):
    return f"{a / b:.3f}" if a is not None and b else "—"


def _rows(result):
    ours, peers = result["ours"], result["peers"]
    duck = {q["id"]: _ms(q["ms"]) for q in peers.get("duckdb", {}).get("queries", [])}
    lite = {q["id"]: _ms(q["ms"]) for q in peers.get("sqlite", {}).get("queries", [])}
    rows = [("reload stored snapshot until query-ready (first, in a fresh process)", ours["reload_ms"][0], None, None),
            ("reload stored snapshot until query-ready (median of the reloads)", ours["reload_median_ms"], None, None),
            ("import CSV (ARLens: into a store; peers: into memory)", _ms(result["imports_ms"]),
             peers.get("duckdb", {}).get("load_ms"), peers.get("sqlite", {}).get("load_ms"))]
    for q in ours["queries"]:
        label = f"{q['id']} `{QUERIES[q['id']]['arql']}`"
        rows.append((label, q["median_ms"], duck.get(q["id"]), lite.get(q["id"])))
    return rows


def table(results):
    lines = []
    for result in results:
        ours = result["ours"]
        lines.append(f"### {result['size']}\n")
        lines.append("| work | ARLens | DuckDB | SQLite | ARLens ÷ DuckDB | SQLite ÷ ARLens |")
        lines.append("|---|---:|---:|---:|---:|---:|")
        for label, a, d, s in _rows(result):
            lines.append(f"| {label} | {_fmt(a)} | {_fmt(d)} | {_fmt(s)} | {_ratio(a, d)} | {_ratio(s, a)} |")
        for chart in ours["charts"]:
            mpl = _ms(result["matplotlib"].get(chart["id"], []))
            lines.append(f"| {chart['id']} PNG 800×500 (matplotlib in the DuckDB column) | {_fmt(chart['median_ms'])} "
                         f"| {_fmt(mpl)} | — | {_ratio(chart['median_ms'], mpl)} | — |")
        by_id = {q["id"]: q["median_ms"] for q in ours["queries"]}
        duck = result["peers"].get("duckdb", {})
        lines.append("")
        lines.append(f"- 24-month series ÷ one as-of query (ARLens): {_ratio(by_id.get('series24'), by_id.get('series1'))}")
        lines.append(f"- peak resident size: ARLens {ours['peak_resident_kb'] / 1024:.0f} MB (after load "
                     f"{ours['rss_after_load_kb'] / 1024:.0f} MB); DuckDB process {duck.get('peak_rss_kb', 0) / 1024:.0f} MB "
                     f"(Python with duckdb imported, before loading: {duck.get('rss_before_load_kb', 0) / 1024:.0f} MB); "
                     f"ratio {_ratio(ours['peak_resident_kb'], duck.get('peak_rss_kb'))}")
        lite = result["peers"].get("sqlite", {})
        if lite:
            lines.append(f"- SQLite process peak resident size: {lite['peak_rss_kb'] / 1024:.0f} MB")
        lines.append(f"- answers: {'all checked queries agree to the cent' if not result['failures'] else '; '.join(result['failures'])}")
        lines.append("")
        lines += pack_lines(result.get("pack"))
    return "\n".join(lines)


# Budgets the peers publish for their browser-rendered reports: Grafana's image renderer times a
# panel out after about 10 s, and a whole PDF report after about 200 s.
GRAFANA_PANEL_MS, GRAFANA_REPORT_MS = 10_000, 200_000


def pack_lines(pack):
    """The CFO pack: total and per page, against matplotlib's drawing of the same pages and the peers' budgets."""
    if not pack:
        return []
    ours, mpl = pack["arlens"], pack["matplotlib"]
    lines = [f"CFO pack (`Reports/cfo-monthly.yaml`, recipient `{ours['recipient']}`), {len(ours['pages'])} pages, "
             "rendered from the loaded store: every query, the layout, the PDF and one PNG per page (144 dpi)", "",
             "| work | ARLens | matplotlib (drawing only) | Grafana budget |", "|---|---:|---:|---:|",
             f"| whole pack, first render | {_fmt(ours['first_ms'])} | — | {_fmt(GRAFANA_REPORT_MS)} |",
             f"| whole pack, median | {_fmt(ours['median_ms'])} | {_fmt(_ms(mpl['ms']))} ({mpl['pages']} pages) | {_fmt(GRAFANA_REPORT_MS)} |",
             f"| CPU time of a render, all threads (median) | {_fmt(_ms(ours['cpu_ms']))} | — | — |",
             f"| queries | {_fmt(ours['queries_ms'])} | — | — |",
             f"| layout | {_fmt(ours['layout_ms'])} | — | — |",
             f"| PDF, one thread | {_fmt(ours['pdf_ms'])} | — | — |",
             f"| PNG pages, summed over the threads | {_fmt(ours['png_ms'])} | — | — |"]
    for title, ms in zip(ours["pages"], ours["page_ms"]):
        lines.append(f"| page: {title} (PDF and PNG drawing) | {_fmt(ms)} | — | {_fmt(GRAFANA_PANEL_MS)} a panel |")
    lines += ["", f"- PDF {ours['pdf_bytes'] / 1024:.0f} KB, PNG pages {ours['png_bytes'] / 1024:.0f} KB in all; "
              f"store loaded in {_fmt(ours['load_ms'])} before the renders", ""]
    return lines


def _capture(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, shell=True).stdout.strip()
    except OSError:
        return "?"


def machine():
    cpu = _capture("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
    memory = _capture("grep MemTotal /proc/meminfo | awk '{printf \"%.0f GB\", $2/1048576}'")
    return {
        "cpus": f"{os.cpu_count()} (nproc {_capture('nproc')})", "cpu": cpu, "memory": memory,
        "os": platform.platform(), "swift": _capture("swift --version 2>&1 | head -1"),
        "duckdb": _capture("python3 -c 'import duckdb; print(duckdb.__version__)'"),
        "sqlite": _capture("python3 -c 'import sqlite3; print(sqlite3.sqlite_version)'"),
        "matplotlib": _capture("python3 -c 'import matplotlib; print(matplotlib.__version__)'"),
        "python": platform.python_version(),
    }


def _provenance(result):
    p = result.get("provenance")
    if p is None:
        return f"- {result['size']}: repetitions and time not recorded (a JSON file from before they were)"
    skipped = p["sqlite_skipped"].replace(",", " and ")
    sqlite = f"; SQLite once per query, without {skipped}" if skipped else ""
    load = f", 1-minute load average {p['load_before']} before it started" if p.get("load_before") is not None else ""
    return (f"- {result['size']}: {p['reps']} repetitions per query{sqlite}, medians shown; measured "
            f"{p['started']}–{p['finished'][-5:]} UTC at commit {p['commit']}{load}")


def write_doc(path, results, text, args):
    m = machine()
    head = Path(path).read_text().split("<!-- measured -->")[0] if Path(path).exists() else "# Performance\n\n"
    body = [head.rstrip() + "\n", "<!-- measured -->", "", "## Last measured run", "",
            f"- machine: {m['cpus']} CPUs, {m['cpu']}, {m['memory']} memory, {m['os']}",
            f"- versions: {m['swift']}; DuckDB {m['duckdb']} ({args.threads} threads); SQLite {m['sqlite']}; "
            f"matplotlib {m['matplotlib']} (Agg); Python {m['python']}",
            *[_provenance(r) for r in results], "",
            "### Targets", "", targets(results), "", "### Medians and ratios", "", text]
    Path(path).write_text("\n".join(body) + "\n")


def targets(results):
    """Each target of the issue against what was measured, per size."""
    lines = ["| size | target | measured | met |", "|---|---|---|---|"]
    for result in results:
        size, ours = result["size"], result["ours"]
        ids = {q["id"]: q["median_ms"] for q in ours["queries"]}
        duck = {q["id"]: _ms(q["ms"]) for q in result["peers"].get("duckdb", {}).get("queries", [])}
        lite = {q["id"]: _ms(q["ms"]) for q in result["peers"].get("sqlite", {}).get("queries", [])}
        domain = [i for i in duck if not i.startswith("series")]

        def row(target, measured, met):
            lines.append(f"| {size} | {target} | {measured} | {'yes' if met else '**no**'} |")

        if duck:
            worst = max(domain, key=lambda i: ids[i] / duck[i])
            row("each domain query ≤ 1/10 of DuckDB's time",
                ", ".join(f"{i} {ids[i] / duck[i]:.3f}" for i in domain), ids[worst] / duck[worst] <= 0.1)
        if lite:
            checked = [i for i in domain if i in lite]
            worst = min(checked, key=lambda i: lite[i] / ids[i])
            row("each domain query ≥ 100× faster than SQLite",
                ", ".join(f"{i} {lite[i] / ids[i]:.0f}×" for i in checked), lite[worst] / ids[worst] >= 100)
        ratio = ids["series24"] / ids["series1"]
        row("24-month series ≤ 3× one as-of query", f"{ratio:.2f}×", ratio <= 3)
        reload = max(ours["reload_ms"][0], ours["reload_median_ms"])
        row("stored snapshot query-ready ≤ 1 s", f"{_fmt(ours['reload_ms'][0])} first, {_fmt(ours['reload_median_ms'])} median",
            reload <= 1000)
        if duck:
            memory = ours["peak_resident_kb"] / result["peers"]["duckdb"]["peak_rss_kb"]
            row("peak resident size ≤ 1/2 of DuckDB's", f"{memory:.3f}", memory <= 0.5)
        for chart in ours["charts"]:
            mpl = _ms(result["matplotlib"].get(chart["id"], []))
            row(f"{chart['id']} PNG ≤ 1/20 of matplotlib's time", f"{chart['median_ms'] / mpl:.3f}",
                chart["median_ms"] / mpl <= 0.05)
        pack = result.get("pack")
        if pack and size != "smoke":
            ms = max(pack["arlens"]["first_ms"], pack["arlens"]["median_ms"])
            row(f"CFO pack ({len(pack['arlens']['pages'])} pages, PDF and PNGs) from the loaded store ≤ 1 s",
                f"{_fmt(pack['arlens']['first_ms'])} first, {_fmt(pack['arlens']['median_ms'])} median", ms <= 1000)
    return "\n".join(lines)
