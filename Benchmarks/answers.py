"""Same answers first: the SQL peers' rows against ARLens' CSV results, to the cent (rates to the
sixth decimal, as ARLens prints them)."""
import csv
import datetime
import io
import math
from decimal import Decimal

EPOCH = datetime.date(1970, 1, 1)

# id: (how rows are matched, key columns, value kinds m=money c=count r=ratio, days or percent (to the
#      sixth decimal), ARLens columns by name or index, SQL columns to skip)
CHECKS = {
    "q01": ("keyed", 1, "mmmmmm", None, 0),
    "q02": ("keyed", 1, "mmmr", None, 0),
    "q03": ("keyed", 1, "rrrr", None, 0),
    "q04": ("keyed", 1, "rr", None, 0),
    "q05": ("keyed", 2, "r", None, 0),
    "q06": ("ordered", 1, "mmmmm", ["customer", "not due", "1-30", "31-60", "61-90", "90+"], 0),
    "q07": ("ordered", 1, "m", ["id", "open_eur"], 0),
    "q08": ("keyed", 1, "rr", None, 0),
    "q09": ("keyed", 1, "mcr", None, 0),
    "q10": ("keyed", 1, "rm", None, 0),
    "q11": ("keyed", 1, "m", None, 0),
    "series1": ("keyed", 1, "r", None, 1),
    "series24": ("keyed", 2, "r", None, 0),
}


def _arlens_value(text, kind):
    if text == "":
        return None
    if kind == "m":
        return int(Decimal(text) * 100)
    if kind == "c":
        return int(text)
    return round(float(text), 6)


def _sql_value(value, kind):
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    return int(value) if kind in "mc" else round(float(value), 6)


def _sql_key(value):
    if value is None:
        return ""
    if isinstance(value, int):  # a day number
        return (EPOCH + datetime.timedelta(days=value)).isoformat()
    return str(value)


def _normalise(rows, mode, keys, kinds):
    rows = [r for r in rows if mode == "ordered" or any(v not in (None, 0) for v in r[keys:])]
    return rows if mode == "ordered" else sorted(rows, key=lambda r: tuple(r[:keys]))


def compare(query_id, arlens_csv, sql_rows):
    """None when the answers agree, else a one-line description of the first difference."""
    mode, keys, kinds, columns, skip = CHECKS[query_id]
    header, *table = list(csv.reader(io.StringIO(arlens_csv)))
    indexes = [header.index(c) if isinstance(c, str) else c for c in columns] if columns else None
    ours = []
    for row in table:
        if indexes:
            row = [row[i] for i in indexes]
        ours.append(tuple(row[:keys]) + tuple(_arlens_value(v, k) for v, k in zip(row[keys:], kinds)))
    theirs = []
    for row in sql_rows:
        row = row[skip:]
        theirs.append(tuple(_sql_key(v) for v in row[:keys]) + tuple(_sql_value(v, k) for v, k in zip(row[keys:], kinds)))
    ours, theirs = _normalise(ours, mode, keys, kinds), _normalise(theirs, mode, keys, kinds)
    if len(ours) != len(theirs):
        return f"{len(ours)} rows from ARLens, {len(theirs)} from SQL"
    for a, b in zip(ours, theirs):
        if a != b:
            return f"ARLens {a} vs SQL {b}"
    return None
