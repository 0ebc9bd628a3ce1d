#!/usr/bin/env python3
"""Time matplotlib (Agg) drawing charts equivalent to ARCharts' grouped-bar and line samples
to PNG at 800x500, for a first speed ratio. See README.md in this folder.

Usage: python3 matplotlib_bench.py [N]     (N renders per chart, default 50)
"""
import io
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

DPI = 100
SIZE = (8.0, 5.0)  # 800 x 500 pixels at 100 dpi
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00"]


def money(value, _):
    if value == 0:
        return "0"
    return f"{value / 1e6:.1f}M"


def grouped_bar():
    quarters = ["Q1 2025", "Q2 2025", "Q3 2025", "Q4 2025"]
    sales = [2_400_000, 2_650_000, 2_310_000, 2_980_000]
    collections = [2_250_000, 2_580_000, 2_460_000, 2_700_000]
    fig, ax = plt.subplots(figsize=SIZE, dpi=DPI)
    xs = range(len(quarters))
    ax.bar([x - 0.175 for x in xs], sales, 0.35, label="Sales", color=PALETTE[0])
    ax.bar([x + 0.175 for x in xs], collections, 0.35, label="Collections", color=PALETTE[1])
    ax.set_xticks(list(xs), quarters)
    ax.yaxis.set_major_formatter(FuncFormatter(money))
    ax.set_title("Sales and collections", loc="left", fontweight="bold")
    ax.grid(axis="y", color="#E6E8EB")
    ax.set_axisbelow(True)
    ax.legend(loc="upper left", ncol=2, frameon=False)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    return fig


def line():
    months = ["Apr 25", "May 25", "Jun 25", "Jul 25", "Aug 25", "Sep 25",
              "Oct 25", "Nov 25", "Dec 25", "Jan 26", "Feb 26", "Mar 26"]
    countback = [48.2, 47.5, 51.3, 49.8, 46.1, 44.9, 45.6, float("nan"), 47.2, 49.9, 48.3, 46.7]
    simple = [52.0, 51.1, 53.8, 52.4, 50.2, 49.7, 50.5, 51.0, 52.6, 54.1, 52.9, 51.2]
    fig, ax = plt.subplots(figsize=SIZE, dpi=DPI)
    ax.plot(months, countback, marker="o", markersize=4, linewidth=2.25, color=PALETTE[0], label="DSO (count-back)")
    ax.plot(months, simple, marker="o", markersize=4, linewidth=2.25, color=PALETTE[1], label="DSO (simple)")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f} d"))
    ax.set_title("DSO trend", loc="left", fontweight="bold")
    ax.grid(axis="y", color="#E6E8EB")
    ax.legend(loc="upper left", ncol=2, frameon=False)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    return fig


def render(build):
    fig = build()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    plt.close(fig)
    return buffer.getbuffer().nbytes


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    print(f"matplotlib {matplotlib.__version__} (Agg) PNG 800x500, {n} renders each:")
    for name, build in (("grouped-bar", grouped_bar), ("line", line)):
        render(build)  # warm up fonts and caches
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(n):
            render(build)
        wall = (time.perf_counter() - wall) * 1000 / n
        cpu = (time.process_time() - cpu) * 1000 / n
        print(f"{name:<16}{wall:8.3f} ms wall {cpu:8.3f} ms cpu per chart")


if __name__ == "__main__":
    main()
