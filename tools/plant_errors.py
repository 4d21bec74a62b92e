#!/usr/bin/env python3
"""Plant one known error in clean published articles and write them as cases.

Usage: plant_errors.py CORPUS_DIR OUT_DIR   (then: case_eval.py OUT_DIR)

Each kind of error is planted the way it happens in a newsroom, in every article where the copy
allows it, one error per case: a wrong weekday given with a date, an impossible date, a count
repeated with its digits transposed, an attribution removed from a casualty figure, a name
misspelt once by a transliteration slip, a confusable swapped in (the wrong form of a phrase the
article uses correctly). Each case is NAME.txt with NAME.expect.toml: the family that must flag
the planted place. The test suite runs the same generator and checks that the rule finds the
planted error and nothing else new."""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


@dataclass
class Planted:
    kind: str
    family: str
    code: str  # the rule expected to find it
    text: str  # the article with the error in it
    line: int
    near: str  # text on that line the finding must touch
    published: str


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def wrong_weekday(text: str, published: str) -> Planted | None:
    """`on October 6` -> `on Monday, October 6` with a weekday the date is not."""
    pub = dt.date.fromisoformat(published)
    m = re.search(r"\bon (" + "|".join(MONTHS) + r") (\d{1,2})\b(?!,? \d{4})", text)
    if not m:
        return None
    month, day = MONTHS.index(m.group(1)) + 1, int(m.group(2))
    try:
        d = dt.date(pub.year, month, day)
    except ValueError:
        return None
    if d > pub:
        d = dt.date(pub.year - 1, month, day)
    wrong = WEEKDAYS[(d.weekday() + 3) % 7]
    new = f"on {wrong}, {m.group(1)} {day}"
    out = text[:m.start()] + new + text[m.end():]
    return Planted("wrong-weekday", "D", "D101", out, _line_of(out, m.start()), f"{wrong}, {m.group(1)} {day}", published)


def impossible_date(text: str, published: str) -> Planted | None:
    """`on March 12` -> `on February 30`; `12 March` -> `31 April`."""
    m = re.search(r"\b(" + "|".join(MONTHS) + r") (\d{1,2})\b", text)
    if not m:
        return None
    new = "February 30" if m.group(1) != "February" else "February 31"
    out = text[:m.start()] + new + text[m.end():]
    return Planted("impossible-date", "D", "D103", out, _line_of(out, m.start()), new, published)


from factlint.checks.numbers import background  # noqa: E402  (where a figure is about another time)

HARM_NOUN = {"killed": "dead", "victims": "dead", "injured": "injured", "arrested": "detainees",
             "missing": "missing", "displaced": "displaced"}


def _harm_figures(text: str, published: str):
    from factlint.analysis import parse

    doc = parse(text, published=published)
    return doc, [q for q in doc.quantities if q.category in HARM_NOUN and q.exact and not q.unit
                 and q.part_of is None and not doc.in_quotation(q.start, q.end) and not doc.is_title(q.paragraph)]


def transposed_count(text: str, published: str) -> Planted | None:
    """Restate a sourced casualty or arrest count in a new paragraph, from the same source, with
    its digits transposed."""
    doc, figures = _harm_figures(text, published)
    for q in figures:
        digits = str(int(q.value))
        if len(digits) < 2 or len(set(digits)) < 2 or digits[-1] == "0" or re.fullmatch(r"(?:19|20)\d\d", digits):
            continue
        atts = [a for a in doc.attributions if a.covers(q.start) and a.kind == "said"]
        if not atts or background(doc, q.sentence) or q.category_span is None:
            continue  # a figure about another time, or one whose category is only guessed
        wrong = digits[::-1]
        para = doc.paragraphs[q.paragraph]
        insert_at = doc.source_offset(para.end - 1) + 1
        who = q.head if q.head and q.who != "people" else "people"
        past = {"killed": "killed", "victims": "killed", "injured": "injured", "arrested": "arrested",
                "missing": "reported missing", "displaced": "displaced"}[q.category]
        sentence = (f"\nThe {wrong} {who} who were {past} were named by the authorities, "
                    f"{atts[0].source} said.")
        out = text[:insert_at] + sentence + text[insert_at:]
        return Planted("transposed-count", "N", "N101", out, _line_of(out, insert_at + 1), wrong, published)
    return None


def attribution_removed(text: str, published: str) -> Planted | None:
    """`At least 31 people died, police said.` -> `At least 31 people died.`;
    `Officials said it killed nine people.` -> `It killed nine people.`, when that clause is the
    only attribution in its paragraph."""
    doc, figures = _harm_figures(text, published)
    for q in figures:
        atts = [a for a in doc.attributions if a.paragraph == q.paragraph]
        if len(atts) != 1 or atts[0].sentence != q.sentence or atts[0].kind != "said":
            continue
        a = atts[0]
        s = doc.sentences[q.sentence]
        sentence = doc.text[s.start:s.end]
        lead = re.match(re.escape(doc.text[s.start:a.verb_end]) + r"\s+(?:that\s+)?", sentence)
        trail = re.search(r", [^,]{1,60}\.$", sentence)
        if lead and a.source_start == s.start and q.start >= s.start + lead.end():
            rest = sentence[lead.end():]
            new = rest[:1].upper() + rest[1:]
        elif trail and a.verb_start >= s.start + trail.start() and q.end <= s.start + trail.start():
            new = sentence[:trail.start()] + "."
        else:
            continue
        a0, a1 = doc.source_offset(s.start), doc.source_offset(s.end - 1) + 1
        out = text[:a0] + new + text[a1:]
        near = doc.text[q.start:q.end]
        return Planted("attribution-removed", "A", "A101", out, _line_of(out, a0), near, published)
    return None


_SLIPS = ((r"kh", "h"), (r"ck", "k"), (r"yev\b", "ev"), (r"sk(y|i)\b", r"skiy"), (r"ou", "ov"))


def name_misspelt(text: str, published: str) -> Planted | None:
    """Misspell the last mention of a name used three times or more by a transliteration slip."""
    words = re.findall(r"\b[A-Z][a-z]{7,}\b", text)
    counts = {w: words.count(w) for w in set(words)}
    for w in sorted(counts, key=lambda w: (-counts[w], w)):
        if counts[w] < 3:
            break
        for pat, rep in _SLIPS:
            slip = re.sub(pat, rep, w, count=1)
            if slip != w:
                i = text.rfind(w)
                out = text[:i] + slip + text[i + len(w):]
                return Planted("name-misspelt", "S", "S101", out, _line_of(out, i), slip, published)
    return None


def _quoted(text: str, start: int, end: int) -> bool:
    from factlint.analysis import parse

    return parse(text).in_quotation(start, end)


def confusable_swapped(text: str, published: str, swaps: list[tuple[str, str]]) -> Planted | None:
    """Put the wrong form of a phrase the article uses correctly (`led by` -> `lead by`), in the
    reporter's voice (a speaker's words are theirs, and the rule leaves quotations alone)."""
    for wrong, right in swaps:
        m = re.search(r"\b" + re.escape(right) + r"\b", text)
        if m and not _quoted(text, m.start(), m.end()):
            out = text[:m.start()] + wrong + text[m.end():]
            return Planted("confusable-swapped", "W", "W101", out, _line_of(out, m.start()), wrong, published)
    return None


def confusable_swaps() -> list[tuple[str, str]]:
    """(wrong, right) phrase pairs from the confusables pack whose right form is a phrase."""
    import tomllib

    here = Path(__file__).resolve().parent.parent
    data = tomllib.loads((here / "rules" / "confusables.toml").read_text(encoding="utf-8"))
    pairs = []
    for e in data["entry"]:
        if e.get("near") or e.get("not_near") or e.get("before") or e.get("after") or e.get("case"):
            continue  # context-conditional entries need their context, not just the phrase
        for wrong, right in (e.get("swap") or {}).items():
            if len(right.split()) >= 2 and wrong.lower() != right.lower():
                pairs.append((wrong, right))
        if e.get("pattern") and e.get("suggestion") and len(e["suggestion"].split()) >= 2:
            pairs.append((e["pattern"], e["suggestion"]))
    return pairs


def plant_all(corpus: Path) -> list[tuple[str, Planted]]:
    with (corpus / "SOURCES.tsv").open(encoding="utf-8", newline="") as fh:
        published = {r["file"]: r["published"] for r in csv.DictReader(fh, delimiter="\t")}
    swaps = confusable_swaps()
    out = []
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pub = published[path.name]
        for planter in (wrong_weekday, impossible_date, transposed_count, attribution_removed, name_misspelt):
            p = planter(text, pub)
            if p:
                out.append((path.stem, p))
        p = confusable_swapped(text, pub, swaps)
        if p:
            out.append((path.stem, p))
    return out


def main() -> int:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    corpus, dest = Path(sys.argv[1]), Path(sys.argv[2])
    dest.mkdir(parents=True, exist_ok=True)
    for stem, p in plant_all(corpus):
        name = f"{stem}.{p.kind}"
        (dest / f"{name}.txt").write_text(p.text, encoding="utf-8")
        near = p.near.replace("\\", "\\\\").replace('"', '\\"')
        (dest / f"{name}.expect.toml").write_text(
            f'published = "{p.published}"\nwhy = "planted: {p.kind}"\n\n[[expect]]\nfamily = "{p.family}"\n'
            f'line = {p.line}\nnear = "{near}"\nwhy = "{p.code} must find the planted {p.kind}"\n',
            encoding="utf-8")
    print(f"wrote {len(list(dest.glob('*.expect.toml')))} planted cases to {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
