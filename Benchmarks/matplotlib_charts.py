"""matplotlib (Agg) drawing the benchmark's two charts from the same query results that ARLens
charts: a stacked bar of aging buckets by entity and a line per entity of a monthly series,
800 x 500 PNG into memory, with title, legend, grid and axis formatter as ARLens draws them."""
import csv
import io
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9"]


def _table(text):
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


def stacked_bar(text, width, height):
    header, rows = _table(text)
    fig, ax = plt.subplots(figsize=(width / 100, height / 100), dpi=100)
    labels = [r[0] for r in rows]
    bottoms = [0.0] * len(rows)
    for j, bucket in enumerate(header[1:], start=1):
        values = [float(r[j] or 0) for r in rows]
        ax.bar(labels, values, 0.6, bottom=bottoms, label=bucket, color=PALETTE[(j - 1) % len(PALETTE)])
        bottoms = [b + v for b, v in zip(bottoms, values)]
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v / 1e6:.1f}M"))
    ax.set_title("Aging by entity", loc="left", fontweight="bold")
    ax.grid(axis="y", color="#E6E8EB")
    ax.set_axisbelow(True)
    ax.legend(loc="upper left", ncol=6, frameon=False)
    return fig


def lines(text, width, height):
    _, rows = _table(text)
    series = {}
    for date, key, value in rows:
        series.setdefault(key, ([], []))
        series[key][0].append(date[2:7])
        series[key][1].append(float(value) * 100 if value else float("nan"))
    fig, ax = plt.subplots(figsize=(width / 100, height / 100), dpi=100)
    for i, (key, (xs, ys)) in enumerate(series.items()):
        ax.plot(xs, ys, marker="o", markersize=4, linewidth=2.25, color=PALETTE[i % len(PALETTE)], label=key)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f} %"))
    ax.set_title("Overdue rate by entity", loc="left", fontweight="bold")
    ax.grid(axis="y", color="#E6E8EB")
    ax.legend(loc="upper left", ncol=5, frameon=False)
    return fig


def render(build, text, width, height):
    fig = build(text, width, height)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    return buffer.getbuffer().nbytes


def time_charts(charts, repetitions):
    """Times each chart (id, csv, width, height); returns {id: [ms...]}."""
    builders = {"chart-aging": stacked_bar, "chart-trend": lines}
    timings = {}
    for chart in charts:
        build = builders[chart["id"]]
        render(build, chart["csv"], chart["width"], chart["height"])  # fonts and caches warm, as in ARLens
        times = []
        for _ in range(repetitions):
            t = time.perf_counter()
            render(build, chart["csv"], chart["width"], chart["height"])
            times.append((time.perf_counter() - t) * 1000)
        timings[chart["id"]] = times
    return timings
