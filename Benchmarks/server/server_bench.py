#!/usr/bin/env python3
"""The server part of the benchmark suite: `arlens serve` on loopback, loaded with wrk.

    python3 Benchmarks/server/server_bench.py --store /tmp/arlens-bench/1m/store      # a store at 1M
    python3 Benchmarks/server/server_bench.py --store out/store --duration 3 --smoke  # quick look

Measures requests/s and p50/p99 latency for (a) a cached chart PNG, (b) charts with unique
parameters per request (a new size: drawn again; a new query: computed and drawn), (c) a JSON query (cached, and unique per
request), (d) the dashboard's whole set of requests, cold and warm, and (e) a JSON query while a
snapshot is added to the store and the server reloads (errors counted). Then the peers' way to
get the same picture: matplotlib drawing the aging chart from the same result, and headless
Chromium screenshotting a page with one chart and the whole dashboard.

Needs a release build (swift build -c release --product arlens), wrk and chromium (scripts/install-deps)
and matplotlib (pip). Prints a Markdown table; --json FILE writes the raw figures.
"""
import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))

DASHBOARD_CHARTS = [
    "ar, overdue_rate, dso, cei{w} as of {a}",
    "aging by customer_group{w} as of {a}",
    "overdue_rate by entity monthly from {m12} to {a}{w}",
    "forecast collections weekly next 13 weeks{w} as of {a}",
    "dso, bpdso monthly from {m12} to {a}{w}",
    "overdue by customer{w} as of {a} having overdue > 0 order by overdue desc limit 10 | chart horizontal_bar",
    "aging by entity{w} as of {a}",
    "overdue by region{w} as of {a} | chart donut",
    "disputed by dispute_reason{w} as of {a} | chart bar",
    "cei by segment{w} as of {a} | chart bar",
]
DASHBOARD_QUERIES = [
    "ar, overdue_rate, dso, cei monthly from {m1} to {a}{w}",
    "overdue, ar, overdue_rate by customer{w} as of {a} having overdue > 0 order by overdue desc limit 10",
]


def chart_url(query, width=900, height=420):
    return "/v1/chart?" + urllib.parse.urlencode({"q": query, "width": width, "height": height})


def query_url(query):
    return "/v1/query?" + urllib.parse.urlencode({"q": query})


def dashboard_urls(where, as_of="2026-10-31"):
    fill = dict(w=where, a=as_of, m12="2025-10-31", m1="2026-09-30")
    urls = [chart_url(q.format(**fill)) for q in DASHBOARD_CHARTS]
    urls += [query_url(q.format(**fill)) for q in DASHBOARD_QUERIES]
    return urls + ["/v1/me", "/v1/snapshots", "/v1/values/entity", "/v1/values/region"]


class Server:
    def __init__(self, binary, store, port):
        self.port = port
        self.log = tempfile.NamedTemporaryFile(prefix="arlens-serve-", suffix=".log", delete=False)
        self.process = subprocess.Popen([binary, "serve", "--data", store, "--port", str(port), "--reload-interval", "1",
                                         "--queries", str(ROOT / "Queries")], cwd=ROOT, stdout=self.log, stderr=self.log)
        for _ in range(1200):
            try:
                if self.get("/v1/ready")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        sys.exit(f"the server did not become ready; see {self.log.name}")

    def get(self, path, method="GET"):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        connection.request(method, path)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, body

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def wrk(port, path, seconds, connections, script=None):
    """Runs wrk; returns requests/s, p50 and p99 in ms, and the non-2xx count."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "30s"]
    if script:
        command += ["-s", script]
    out = subprocess.run(command + [f"http://127.0.0.1:{port}{path}"], text=True, capture_output=True, check=True).stdout

    def latency(pct):
        m = re.search(rf"^\s*{pct}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "p50": latency(50), "p99": latency(99),
            "requests": int(re.search(r"(\d+) requests in", out).group(1)),
            "errors": int(errors.group(1)) if errors else 0, "socket_errors": socket_errors.group(1) if socket_errors else ""}


def lua(body):
    script = tempfile.NamedTemporaryFile("w", prefix="arlens-wrk-", suffix=".lua", delete=False)
    script.write(body)
    script.close()
    return script.name


# Each wrk thread has its own Lua state: `base` (set per thread in setup) keeps their requests apart.
SETUP = """
threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("base", threads * 10000000)
end
"""

UNIQUE_CHART = lua(SETUP + """
counter = 0
request = function()
  counter = counter + 1
  local w = 500 + (counter % 400)
  local h = 300 + (math.floor(counter / 400) % 200) + (base / 10000000 - 1) * 200
  return wrk.format("GET", "/v1/chart?q=aging%20by%20customer_group&width=" .. w .. "&height=" .. h)
end
""")

UNIQUE_QUERY_CHART = lua(SETUP + """
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/v1/chart?q=aging%20by%20entity%20having%20ar%20%3E%20-" .. (base + counter))
end
""")

UNIQUE_QUERY = lua(SETUP + """
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/v1/query?q=ar%2C%20overdue%2C%20overdue_rate%20by%20entity%20having%20ar%20%3E%20-" .. (base + counter))
end
""")


def rotating(paths):
    items = ", ".join(json.dumps(p) for p in paths)
    return lua(f"paths = {{{items}}}\ncounter = 0\nrequest = function()\n  counter = counter + 1\n"
               f"  return wrk.format(\"GET\", paths[(counter % #paths) + 1])\nend\n")


def dashboard_load(server, urls, parallel=6):
    """The time to fetch every URL of the dashboard with `parallel` connections, as a browser does."""
    t = time.perf_counter()
    with ThreadPoolExecutor(parallel) as pool:
        statuses = list(pool.map(lambda u: server.get(u)[0], urls))
    elapsed = (time.perf_counter() - t) * 1000
    assert all(s == 200 for s in statuses), statuses
    return elapsed


def chromium(url, out, extra):
    t = time.perf_counter()
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--screenshot={out}",
                    f"--user-data-dir={tempfile.mkdtemp(prefix='arlens-chromium-')}"] + extra + [url],
                   capture_output=True, check=True)
    return (time.perf_counter() - t) * 1000


def peers(server, reps):
    import matplotlib_charts
    csv = server.get("/v1/query?" + urllib.parse.urlencode({"q": "aging by entity", "format": "csv"}))[1].decode()
    matplotlib_charts.render(matplotlib_charts.stacked_bar, csv, 900, 520)
    mpl = []
    for _ in range(reps):
        t = time.perf_counter()
        matplotlib_charts.render(matplotlib_charts.stacked_bar, csv, 900, 520)
        mpl.append((time.perf_counter() - t) * 1000)
    work = Path(tempfile.mkdtemp(prefix="arlens-peer-"))
    page = work / "one-chart.html"
    svg = server.get("/v1/chart?" + urllib.parse.urlencode({"q": "aging by entity", "format": "svg"}))[1].decode()
    page.write_text(f"<!doctype html><html><body style='margin:0'>{svg}</body></html>")
    one = [chromium(page.as_uri(), work / "one.png", ["--window-size=900,520"]) for _ in range(max(3, reps // 3))]
    base = f"http://127.0.0.1:{server.port}/"
    whole = [chromium(base, work / "dash.png", ["--window-size=1280,2400", "--virtual-time-budget=20000"]) for _ in range(3)]
    return {"matplotlib_ms": statistics.median(mpl), "chromium_one_chart_ms": statistics.median(one),
            "chromium_dashboard_ms": statistics.median(whole)}


def reload_under_load(server, store, binary, seconds, extra_snapshot):
    """wrk on a JSON query while a snapshot is imported into the store and the server reloads."""
    before = json.loads(server.get("/v1/health")[1])["generation"]
    importer = subprocess.Popen([binary, "import", extra_snapshot, "--into", store], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    result = wrk(server.port, "/v1/query?q=ar", seconds, 8, UNIQUE_QUERY)
    importer.wait()
    for _ in range(600):
        if json.loads(server.get("/v1/health")[1])["generation"] > before:
            break
        time.sleep(0.1)
    result["generation_before"] = before
    result["generation_after"] = json.loads(server.get("/v1/health")[1])["generation"]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", required=True, help="a snapshot store (it gains one snapshot in the reload step)")
    parser.add_argument("--binary", default=str(ROOT / ".build/release/arlens"))
    parser.add_argument("--port", type=int, default=18480)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--reps", type=int, default=9)
    parser.add_argument("--extra-snapshot", default=str(ROOT / "datasets/sample"), help="imported during the reload step")
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()
    for tool in ("wrk", "chromium"):
        if not shutil.which(tool):
            sys.exit(f"server_bench.py: {tool} is missing: run scripts/install-deps")

    server = Server(args.binary, args.store, args.port)
    figures = {"load_before": os.getloadavg()[0]}
    try:
        cached = chart_url("aging by customer_group")
        server.get(cached)
        figures["a_cached_png"] = wrk(args.port, cached, args.duration, 16)
        figures["b_unique_chart"] = wrk(args.port, "/", args.duration, 4, UNIQUE_CHART)
        figures["b_unique_query_chart"] = wrk(args.port, "/", args.duration, 4, UNIQUE_QUERY_CHART)
        warm_query = query_url("ar, overdue, overdue_rate by entity")
        server.get(warm_query)
        figures["c_json_cached"] = wrk(args.port, warm_query, args.duration, 16)
        figures["c_json_unique"] = wrk(args.port, "/", args.duration, 4, UNIQUE_QUERY)
        # The dashboard: cold (each entity's page first seen: every query and chart computed), then warm.
        entities = json.loads(server.get("/v1/values/entity")[1])["values"]
        cold = [dashboard_load(server, dashboard_urls(f' where entity = "{e}"')) for e in entities]
        warm = [dashboard_load(server, dashboard_urls(f' where entity = "{entities[0]}"')) for _ in range(args.reps)]
        figures["d_dashboard"] = {"requests": len(dashboard_urls("")), "cold_ms": statistics.median(cold), "cold_max_ms": max(cold),
                                  "warm_ms": statistics.median(warm)}
        dashboard_load(server, dashboard_urls(""))  # warm: the rotation below measures cached answers
        figures["d_dashboard_wrk"] = wrk(args.port, "/", args.duration, 6, rotating(dashboard_urls("")))
        figures["peers"] = peers(server, args.reps)
        figures["e_reload"] = reload_under_load(server, args.store, args.binary, args.duration, args.extra_snapshot)
    finally:
        server.stop()
    print(report(figures))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1))


def report(f):
    def row(name, r):
        return f"| {name} | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['requests']:,} | {r['errors']} |"
    d, p = f["d_dashboard"], f["peers"]
    lines = ["| scenario | requests/s | p50 ms | p99 ms | requests | errors |", "|---|---:|---:|---:|---:|---:|",
             row("(a) cached chart PNG (16 connections)", f["a_cached_png"]),
             row("(b) chart, a new size per request: drawn each time, the query's result reused (4 connections)", f["b_unique_chart"]),
             row("(b) chart, a new query per request: computed and drawn (4 connections)", f["b_unique_query_chart"]),
             row("(c) JSON query, cached (16 connections)", f["c_json_cached"]),
             row("(c) JSON query, unique per request (4 connections)", f["c_json_unique"]),
             row(f"(d) the dashboard's {d['requests']} URLs in turn, cached (6 connections)", f["d_dashboard_wrk"]),
             row("(e) unique JSON queries while a snapshot is added and reloaded (8 connections)", f["e_reload"]),
             "",
             f"- (d) the whole dashboard ({d['requests']} requests, 6 at a time as a browser): cold {d['cold_ms']:.0f} ms "
             f"(median of 5 entities, max {d['cold_max_ms']:.0f} ms), warm {d['warm_ms']:.0f} ms",
             f"- (e) generation {f['e_reload']['generation_before']} → {f['e_reload']['generation_after']}, "
             f"{f['e_reload']['errors']} non-2xx responses, socket errors: {f['e_reload']['socket_errors'] or 'none'}",
             f"- peers: matplotlib draws the same aging chart in {p['matplotlib_ms']:.1f} ms (render only, data in hand); "
             f"headless Chromium screenshots a page holding one chart in {p['chromium_one_chart_ms']:.0f} ms "
             f"and the whole dashboard in {p['chromium_dashboard_ms']:.0f} ms",
             f"- 1-minute load average before the run: {f['load_before']:.2f}"]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
