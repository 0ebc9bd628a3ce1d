"""matplotlib (Agg) drawing the pages of a report pack from the same content ARLens drew
(the blocks' chart data, table cells and texts, as `arlens-bench pack` prints them): one PDF of
every page (PdfPages) and one PNG per page at 144 dpi, A4 landscape, each block in the same grid
cell, long tables continued on pages of their own. Only the drawing is timed: the figures are
ARLens' own, so the queries are not part of matplotlib's time."""
import io
import textwrap
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
from matplotlib.gridspec import GridSpec  # noqa: E402

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
A4 = (11.69, 8.27)
ROWS_PER_PAGE = 16  # rows of a table on a page of its own, as ARLens lays them out


def _values(series):
    (name, values), = series.items()
    return name, [v if v is not None else float("nan") for v in values]


def _chart(ax, block):
    kind, categories = block["kind"], block.get("categories") or []
    series = [_values(s) for s in block.get("series") or []]
    ax.set_title(block.get("title") or "", loc="left", fontweight="bold", fontsize=12)
    ax.grid(axis="y", color="#E6E8EB")
    ax.set_axisbelow(True)
    if kind == "horizontalBar" and series:
        ax.barh(categories[::-1], series[0][1][::-1], color=PALETTE[0])
    elif kind in ("stackedBar", "groupedBar") and series:
        width = 0.8 / (1 if kind == "stackedBar" else len(series))
        bottoms = [0.0] * len(categories)
        for i, (name, values) in enumerate(series):
            xs = [x + (0 if kind == "stackedBar" else i * width) for x in range(len(categories))]
            ax.bar(xs, values, width, bottom=bottoms if kind == "stackedBar" else None, label=name, color=PALETTE[i % 8])
            if kind == "stackedBar":
                bottoms = [b + (v if v == v else 0) for b, v in zip(bottoms, values)]
        ax.set_xticks(range(len(categories)), [c[:10] for c in categories], fontsize=7, rotation=30)
        ax.legend(fontsize=7, ncol=6, frameon=False, loc="upper left")
    else:
        for i, (name, values) in enumerate(series):
            ax.plot(range(len(values)), values, marker="o", markersize=3, color=PALETTE[i % 8], label=name)
        ax.set_xticks(range(len(categories)), [c[2:7] for c in categories], fontsize=7)
        ax.legend(fontsize=7, ncol=6, frameon=False, loc="upper left")


def _kpi(fig, cell, block):
    tiles = list(zip(block.get("tile_labels") or [], block.get("tiles") or []))
    inner = cell.subgridspec(1, max(1, len(tiles)), wspace=0.15)
    for i, (label, tile) in enumerate(tiles):
        ax = fig.add_subplot(inner[0, i])
        ax.set_xticks([])
        ax.set_yticks([])
        ax.text(0.05, 0.85, label.upper(), fontsize=9, color="#59636E", transform=ax.transAxes)
        value = tile.get("value")
        ax.text(0.05, 0.55, "–" if value is None else f"{value:,.1f}", fontsize=20, fontweight="bold", transform=ax.transAxes)
        previous = tile.get("previous")
        if value is not None and previous:
            ax.text(0.05, 0.35, f"{(value - previous) / abs(previous) * 100:+.1f}% vs previous", fontsize=9, transform=ax.transAxes)


def _table(ax, block, rows):
    ax.axis("off")
    ax.set_title(block.get("title") or "", loc="left", fontweight="bold", fontsize=12)
    if rows:
        table = ax.table(cellText=rows, colLabels=block["header"], loc="upper left", cellLoc="right", colLoc="right")
        table.auto_set_font_size(False)
        table.set_fontsize(8)


def _text(ax, block):
    ax.axis("off")
    ax.set_title(block.get("title") or "", loc="left", fontweight="bold", fontsize=12)
    wrapped = "\n\n".join(textwrap.fill(p, 110) for p in block.get("paragraphs") or [])
    ax.text(0, 1, wrapped, fontsize=9, va="top", transform=ax.transAxes)


def _page(title, page, blocks):
    fig = plt.figure(figsize=A4, dpi=72)
    fig.suptitle(title, x=0.05, ha="left", fontweight="bold", fontsize=15)
    grid = GridSpec(len(page["rows"]), len(page["columns"]), figure=fig, height_ratios=page["rows"],
                    width_ratios=page["columns"], left=0.07, right=0.96, top=0.86, bottom=0.08, hspace=0.5, wspace=0.25)
    for block, rows in blocks:
        cell = grid[block["row"]:block["row"] + block["row_span"], block["column"]:block["column"] + block["column_span"]]
        if block["kind"] == "kpi":
            _kpi(fig, cell, block)
            continue
        ax = fig.add_subplot(cell)
        if block["kind"] == "table":
            _table(ax, block, rows)
        elif block["kind"] == "text":
            _text(ax, block)
        else:
            _chart(ax, block)
    fig.text(0.05, 0.03, "footer: snapshot, as of, generated", fontsize=7)
    return fig


def _figures(content):
    """Every page's figure, tables longer than a page's worth continued on pages of their own."""
    for page in content:
        blocks, later = [], []
        for block in page["blocks"]:
            cells = block.get("cells") or []
            blocks.append((block, cells[:ROWS_PER_PAGE]))
            if len(cells) > ROWS_PER_PAGE:
                later.append((block, cells[ROWS_PER_PAGE:]))
        yield _page(page["title"], page, blocks)
        for block, rest in later:
            full = {"rows": [1], "columns": [1]}
            for start in range(0, len(rest), ROWS_PER_PAGE):
                moved = dict(block, row=0, column=0, row_span=1, column_span=1)
                yield _page(page["title"] + " (continued)", full, [(moved, rest[start:start + ROWS_PER_PAGE])])


def render(content):
    """The PDF bytes and the PNG pages, as ARLens produces them."""
    pdf_buffer, pngs = io.BytesIO(), []
    with PdfPages(pdf_buffer) as pdf:
        for fig in _figures(content):
            pdf.savefig(fig)
            png = io.BytesIO()
            fig.savefig(png, format="png", dpi=144)
            pngs.append(png.getbuffer().nbytes)
            plt.close(fig)
    return pdf_buffer.getbuffer().nbytes, pngs


def time_pack(content, repetitions):
    render(content)  # fonts and caches warm, as in ARLens
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        _, pngs = render(content)
        times.append((time.perf_counter() - start) * 1000)
    return {"ms": times, "pages": len(pngs)}
