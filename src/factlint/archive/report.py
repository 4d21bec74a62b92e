"""The archive report: one self-contained HTML page a standards desk can read. Findings per 1,000
words by rule and by month (inline SVG), the top rules, and example findings by article id.
Built from rows as they stream past, so its memory does not grow with the archive."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import Any

from .charts import SEVERITY_COLOURS, bars, columns

EXAMPLES_PER_RULE = 3
TOP_RULES = 15


@dataclass
class Summary:
    """What the page shows, counted from finding and article rows."""

    articles: int = 0
    words: int = 0
    findings: int = 0
    errors: int = 0
    by_rule: Counter = field(default_factory=Counter)
    articles_by_rule: Counter = field(default_factory=Counter)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (name, severity)
    words_by_month: Counter = field(default_factory=Counter)
    by_month: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    undated_words: int = 0

    def add_articles(self, rows: Iterable[dict[str, Any]]) -> None:
        for a in rows:
            self.articles += 1
            self.words += a.get("words") or 0
            month = _month(a.get("published"))
            if month:
                self.words_by_month[month] += a.get("words") or 0
            else:
                self.undated_words += a.get("words") or 0

    def add_findings(self, rows: Iterable[dict[str, Any]]) -> None:
        seen: set[tuple[str, str]] = set()
        for r in rows:
            code = r["code"]
            self.findings += 1
            self.by_rule[code] += 1
            self.names.setdefault(code, (r.get("name") or "", r.get("severity") or "info"))
            if (r["id"], code) not in seen:
                # rows come grouped by article, so one article's rule is counted once
                if len(seen) > 10_000:
                    seen.clear()
                seen.add((r["id"], code))
                self.articles_by_rule[code] += 1
            month = _month(r.get("published"))
            if month:
                self.by_month[month][r.get("severity") or "info"] += 1
            if len(self.examples[code]) < EXAMPLES_PER_RULE:
                self.examples[code].append({k: r.get(k) for k in (
                    "id", "line", "column", "end_line", "end_column", "message", "suggestion", "excerpt", "severity")})


def _month(published: Any) -> str | None:
    if not published:
        return None
    if isinstance(published, dt.date):
        return published.strftime("%Y-%m")
    text = str(published)
    return text[:7] if len(text) >= 7 and text[4] == "-" else None


def _months(first: str, last: str) -> list[str]:
    """Every month from first to last, so a quiet month shows as a gap, not as nothing."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _per_k(n: int, words: int) -> float:
    return 1000 * n / words if words else 0.0


def _anchor(article_id: str) -> str:
    """An HTML id for an article id: any character outside a safe set becomes its code point."""
    return "a-" + "".join(c if c.isalnum() or c in "-_" else f".{ord(c):x}." for c in article_id)


def _excerpt(ex: dict[str, Any]) -> str:
    line = ex.get("excerpt") or ""
    if ex.get("end_line") == ex.get("line") and line:
        a, b = (ex.get("column") or 1) - 1, (ex.get("end_column") or 1) - 1
        text = escape(line[:a]) + "<mark>" + escape(line[a:b]) + "</mark>" + escape(line[b:])
    else:
        text = escape(line)
    if len(line) > 400:  # a long paragraph on one line: keep the part around the finding
        a = max(0, (ex.get("column") or 1) - 160)
        return ("… " if a else "") + _excerpt({**ex, "excerpt": line[a:a + 320], "column": (ex.get("column") or 1) - a,
                                               "end_column": (ex.get("end_column") or 1) - a}) + " …"
    return text


CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#222;margin:0 auto;max-width:980px;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.lede{color:#555;margin:0 0 12px}.figures{display:flex;gap:14px;flex-wrap:wrap;margin:12px 0}
.figure{border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:120px}
.figure b{display:block;font-size:22px}table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eee;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.sev{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.example{margin:6px 0 10px}.excerpt{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;background:#f7f7f7;padding:4px 8px;white-space:pre-wrap;word-break:break-word}
mark{background:#ffe08a}.empty{color:#777}.legend span{margin-right:14px}.article{border-left:3px solid #ddd;padding-left:10px;margin:10px 0}
"""


def render(s: Summary, title: str = "factlint: archive report", generated: str | None = None) -> str:
    """The page, as a string: no script, no stylesheet or image from anywhere else."""
    rules = [c for c, _ in sorted(s.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))]
    top = rules[:TOP_RULES]
    colour = {c: SEVERITY_COLOURS.get(s.names[c][1], "#777") for c in rules}
    rule_chart = bars([(f"{c} {s.names[c][0]}", _per_k(s.by_rule[c], s.words), colour[c]) for c in top],
                      "Findings per 1,000 words by rule")
    months = sorted(s.words_by_month)
    series = []
    if months:
        for m in _months(months[0], months[-1]):
            w = s.words_by_month.get(m, 0)
            series.append((m, {sev: _per_k(n, w) for sev, n in s.by_month.get(m, Counter()).items()}))
    month_chart = columns(series, "Findings per 1,000 words by month")
    legend = "".join(f'<span><i class="sev" style="background:{c}"></i>{k}</span>' for k, c in SEVERITY_COLOURS.items())

    p = [f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{escape(title)}</title>"
         f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head><body>',
         f"<h1>{escape(title)}</h1>",
         f'<p class="lede">{s.articles:,} articles, {s.words:,} words'
         + (f", generated {escape(generated)}" if generated else "") + "</p>",
         '<div class="figures">']
    for label, value in (("findings", f"{s.findings:,}"), ("per 1,000 words", f"{_per_k(s.findings, s.words):.2f}"),
                         ("rules that fired", f"{len(rules):,}"), ("articles not checked", f"{s.errors:,}")):
        p.append(f'<div class="figure"><b>{value}</b>{label}</div>')
    p.append("</div>")
    p.append(f'<h2>By rule</h2><p class="legend">{legend}</p>{rule_chart}')
    undated = f" ({s.undated_words:,} words in articles with no date are left out)" if s.undated_words and months else ""
    p.append(f"<h2>By month</h2><p class=\"lede\">Findings per 1,000 words published that month{undated}.</p>{month_chart}")
    p.append('<h2>Top rules</h2><table><tr><th>rule</th><th>severity</th><th class="n">findings</th>'
             '<th class="n">per 1,000 words</th><th class="n">articles</th></tr>')
    for c in top:
        name, sev = s.names[c]
        p.append(f'<tr><td><a href="#rule-{escape(c)}">{escape(c)}</a> {escape(name)}</td>'
                 f'<td><i class="sev" style="background:{colour[c]}"></i>{escape(sev)}</td>'
                 f'<td class="n">{s.by_rule[c]:,}</td><td class="n">{_per_k(s.by_rule[c], s.words):.3f}</td>'
                 f'<td class="n">{s.articles_by_rule[c]:,}</td></tr>')
    p.append("</table>")
    if not rules:
        p.append('<p class="empty">No findings.</p>')

    p.append("<h2>Examples by rule</h2>")
    by_article: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for c in top:
        p.append(f'<h3 id="rule-{escape(c)}">{escape(c)} {escape(s.names[c][0])}</h3>')
        for ex in s.examples[c]:
            by_article[ex["id"]].append((c, ex))
            p.append(f'<div class="example"><a href="#{_anchor(ex["id"])}">{escape(ex["id"])}</a>'
                     f' line {ex["line"]}: {escape(ex["message"] or "")}'
                     + (f' <em>Suggestion: {escape(ex["suggestion"])}</em>' if ex.get("suggestion") else "")
                     + f'<div class="excerpt">{_excerpt(ex)}</div></div>')
    if by_article:
        p.append("<h2>Example findings by article</h2>")
        for aid in sorted(by_article):
            p.append(f'<div class="article" id="{_anchor(aid)}"><b>{escape(aid)}</b><ul>')
            for c, ex in sorted(by_article[aid], key=lambda ce: (ce[1]["line"], ce[1]["column"], ce[0])):
                p.append(f'<li><a href="#rule-{escape(c)}">{escape(c)}</a> line {ex["line"]}, column {ex["column"]}: '
                         f'{escape(ex["message"] or "")}</li>')
            p.append("</ul></div>")
    p.append("</body></html>\n")
    return "".join(p)
