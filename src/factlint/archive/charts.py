"""Small inline SVG charts for the archive report: drawn as text, no script, no network."""

from __future__ import annotations

from html import escape

SEVERITY_COLOURS = {"error": "#c0392b", "warning": "#d68910", "info": "#2874a6"}
INK, GRID = "#333", "#ddd"


def _num(value: float) -> str:
    return f"{value:,.2f}" if value < 10 else f"{value:,.1f}"


def bars(items: list[tuple[str, float, str]], title: str, width: int = 900) -> str:
    """Horizontal bars: (label, value, colour), largest first as given."""
    if not items:
        return f'<p class="empty">{escape(title)}: nothing to show.</p>'
    row, label_w, pad = 22, 260, 60
    top = max(v for _, v, _ in items) or 1.0
    span = width - label_w - pad
    h = row * len(items) + 10
    out = [f'<svg role="img" aria-label="{escape(title)}" width="{width}" height="{h}" '
           f'viewBox="0 0 {width} {h}" font-family="sans-serif" font-size="12">',
           f"<title>{escape(title)}</title>"]
    for i, (label, value, colour) in enumerate(items):
        y = 5 + i * row
        w = max(1.0, span * value / top)
        out.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" fill="{INK}">{escape(label)}</text>'
                   f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 7}" fill="{colour}"/>'
                   f'<text x="{label_w + w + 4:.1f}" y="{y + 14}" fill="{INK}">{_num(value)}</text>')
    out.append("</svg>")
    return "".join(out)


def columns(items: list[tuple[str, dict[str, float]]], title: str, width: int = 900, height: int = 240) -> str:
    """Vertical stacked columns, one per label (a month), stacked by severity."""
    if not items:
        return f'<p class="empty">{escape(title)}: no article has a publication date.</p>'
    left, bottom, top_pad = 44, 40, 12
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    peak = max(sum(parts.values()) for _, parts in items) or 1.0
    slot = plot_w / len(items)
    bar_w = max(2.0, min(40.0, slot * 0.7))
    out = [f'<svg role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
           f"<title>{escape(title)}</title>"]
    for k in range(5):  # four grid lines and the axis
        v = peak * k / 4
        y = top_pad + plot_h - plot_h * k / 4
        out.append(f'<line x1="{left}" x2="{width - 8}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
                   f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" fill="{INK}">{_num(v)}</text>')
    every = max(1, len(items) // 12)  # at most about a dozen labels under the axis
    for i, (label, parts) in enumerate(items):
        x = left + i * slot + (slot - bar_w) / 2
        y = top_pad + plot_h
        tip = ", ".join(f"{k} {_num(v)}" for k, v in parts.items() if v)
        for sev in ("info", "warning", "error"):
            h = plot_h * parts.get(sev, 0.0) / peak
            if h <= 0:
                continue
            y -= h
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                       f'fill="{SEVERITY_COLOURS[sev]}"><title>{escape(label)}: {escape(tip)}</title></rect>')
        if i % every == 0:
            out.append(f'<text x="{x + bar_w / 2:.1f}" y="{top_pad + plot_h + 16}" text-anchor="middle" '
                       f'fill="{INK}">{escape(label)}</text>')
    out.append("</svg>")
    return "".join(out)
