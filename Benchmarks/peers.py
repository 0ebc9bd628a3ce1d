#!/usr/bin/env python3
"""Runs the SQL peers of the ARLens benchmark on one CSV snapshot, in a process of its own so that
its resident size is DuckDB's (or SQLite's) alone, and prints JSON: the CSV load time, each query's
times and rows, and the peak resident size.

Usage: python3 peers.py duckdb|sqlite CSV_DIR PLAN.json REPETITIONS [THREADS] [SKIP_IDS]
(SKIP_IDS: comma-separated query ids not to run, such as the long series of SQLite at 10M)
"""
import calendar
import csv
import datetime
import json
import sys
import time
from pathlib import Path

SQL = Path(__file__).resolve().parent / "sql"
EPOCH = datetime.date(1970, 1, 1)


def rss_kb(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def month_ends(first, last):
    """The month ends from `first` to `last` (both month ends), as the ARQL `monthly` clause has them."""
    y, m = first.year, first.month
    days = []
    while (y, m) <= (last.year, last.month):
        days.append(datetime.date(y, m, calendar.monthrange(y, m)[1]))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return days


def query_days(spec, as_of):
    """The days a query's `dates` entry names: "as_of", a list, or "monthly:FIRST:LAST"."""
    if spec == "as_of":
        return [as_of]
    if isinstance(spec, list):
        return [datetime.date.fromisoformat(s) for s in spec]
    _, first, last = spec.split(":")
    return month_ends(datetime.date.fromisoformat(first), datetime.date.fromisoformat(last))


def statement(query, as_of, idiv):
    days = query_days(query["dates"], as_of)
    values = ", ".join(f"({(d - EPOCH).days})" for d in days)
    prefix = (SQL / "open_items.sql").read_text().replace("{dates}", values).replace("{idiv}", idiv)
    return prefix + "\n" + (SQL / query["sql"]).read_text()


def load_duckdb(csv_dir, threads):
    try:
        import duckdb
    except ImportError:
        sys.exit("peers.py: the duckdb package is missing: python3 -m pip install duckdb (or pass --peers sqlite to run.py)")
    con = duckdb.connect(":memory:", config={"threads": threads})
    con.execute((SQL / "load_duckdb.sql").read_text().replace("{dir}", str(csv_dir)))
    return con, "//"


def load_sqlite(csv_dir, _threads):
    import sqlite3
    con = sqlite3.connect(":memory:")
    tables = ["customers", "invoices", "payments", "write_offs", "disputes", "fx_rates", "promises", "dunning",
              "entities"]
    for table in tables:
        with open(csv_dir / f"{table}.csv", newline="", encoding="utf-8") as f:
            rows = csv.reader(f)
            header = next(rows)
            columns = ", ".join(f'"{c}" TEXT' for c in header)
            con.execute(f"CREATE TABLE raw_{table} ({columns})")
            marks = ", ".join("?" * len(header))
            con.executemany(f"INSERT INTO raw_{table} VALUES ({marks})", rows)
    con.executescript((SQL / "load_sqlite.sql").read_text())
    con.commit()
    return con, "/"


def main():
    engine, csv_dir, plan_path, reps = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    threads = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    skipped = set(sys.argv[6].split(",")) if len(sys.argv) > 6 else set()
    plan = json.loads(Path(plan_path).read_text())
    as_of = datetime.date.fromisoformat(json.loads((csv_dir / "snapshot.json").read_text())["as_of"])
    rss_start = rss_kb("VmRSS")
    start = time.perf_counter()
    con, idiv = (load_duckdb if engine == "duckdb" else load_sqlite)(csv_dir, threads)
    load_ms = (time.perf_counter() - start) * 1000
    report = {"engine": engine, "load_ms": load_ms, "rss_before_load_kb": rss_start,
              "rss_after_load_kb": rss_kb("VmRSS"), "queries": []}
    for query in plan["queries"]:
        if not query.get("sql") or query["id"] in skipped:
            continue
        text = statement(query, as_of, idiv)
        times, rows = [], []
        for _ in range(reps):
            t = time.perf_counter()
            rows = con.execute(text).fetchall()
            times.append((time.perf_counter() - t) * 1000)
        report["queries"].append({"id": query["id"], "ms": times,
                                  "rows": [[v if isinstance(v, (int, float, str)) or v is None else str(v) for v in r]
                                           for r in rows]})
    report["peak_rss_kb"] = rss_kb("VmHWM")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
