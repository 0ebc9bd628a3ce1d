#!/usr/bin/env python3
"""Runs the SQL peers of the ARLens benchmark on one CSV snapshot, in a process of its own so that
its resident size is DuckDB's (or SQLite's) alone, and prints JSON: the CSV load time, each query's
times and rows, and the peak resident size.

Usage: python3 peers.py duckdb|sqlite CSV_DIR PLAN.json REPETITIONS [THREADS] [SKIP_IDS]
(SKIP_IDS: comma-separated query ids not to run, such as the long series of SQLite at 10M)

A query's SQL file is one statement for both engines. With `dates` in the plan it comes after
open_items.sql (so it starts with `SELECT`, or with `,` and more common table expressions);
without, it stands alone (`WITH …`). Placeholders, filled in here: {idiv} the engine's integer
division; {as_of} the snapshot date and {as_of-3m}, {as_of-90d}… days or clamped months before it,
as day numbers; {countback} the 24 months of count-back DSO as VALUES rows (month, start, end];
{fx_spans} the common table expression of fx_spans.sql.
"""
import calendar
import csv
import datetime
import json
import re
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


def day_number(day):
    return (day - EPOCH).days


def months_before(day, k):
    """`day` minus `k` calendar months, the day of month clamped to the month's last (metrics.md)."""
    y, m = divmod(day.year * 12 + day.month - 1 - k, 12)
    return datetime.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


RELATIVE = re.compile(r"as_of(?:-(\d+)([dm]))?")


def relative_day(text, as_of):
    """"as_of", "as_of-90d" or "as_of-3m" as a date, else the ISO date `text`."""
    match = RELATIVE.fullmatch(text)
    if not match:
        return datetime.date.fromisoformat(text)
    if not match.group(1):
        return as_of
    n = int(match.group(1))
    return as_of - datetime.timedelta(days=n) if match.group(2) == "d" else months_before(as_of, n)


def query_days(spec, as_of):
    """The days a query's `dates` entry names: "as_of", a list (ISO dates or "as_of-3m"), or "monthly:FIRST:LAST"."""
    if spec == "as_of":
        return [as_of]
    if isinstance(spec, list):
        return [relative_day(s, as_of) for s in spec]
    _, first, last = spec.split(":")
    return month_ends(datetime.date.fromisoformat(first), datetime.date.fromisoformat(last))


def fill(text, as_of, idiv):
    """The placeholders of a SQL file filled in (see the module comment)."""
    months = ", ".join(f"({k}, {day_number(months_before(as_of, k))}, {day_number(months_before(as_of, k - 1))})"
                       for k in range(1, 25))
    text = text.replace("{fx_spans}", (SQL / "fx_spans.sql").read_text().strip())
    text = text.replace("{idiv}", idiv).replace("{countback}", months)
    return re.sub(r"\{(as_of[^}]*)\}", lambda m: str(day_number(relative_day(m.group(1), as_of))), text)


def statement(query, as_of, idiv):
    text = (SQL / query["sql"]).read_text()
    if "dates" in query:
        values = ", ".join(f"({day_number(d)})" for d in query_days(query["dates"], as_of))
        text = (SQL / "open_items.sql").read_text().replace("{dates}", values) + "\n" + text
    return fill(text, as_of, idiv)


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
