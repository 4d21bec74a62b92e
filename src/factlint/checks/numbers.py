"""Figures rules (N): the same count given two ways, a part larger than its whole, shares of one
whole above 100 percent, and house number style."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis.quantities import INF, Quantity
from ..document import Document
from ..model import ERROR, INFO, WARNING, Hit, Ref
from ..registry import rule

COMPARABLE = {"killed", "injured", "arrested", "missing", "displaced", "victims", "charged"}
PEOPLE = frozenset("""people persons police officers policemen children women men soldiers troops
civilians students members foreigners journalists workers passengers residents protesters
demonstrators migrants refugees prisoners detainees victims miners pilgrims tourists fans
firefighters guards rescuers patients nurses doctors teachers fighters militants rebels crew
sailors pupils infants babies girls boys adults elderly candidates suspects defendants
lawmakers senators deputies mps players climbers guides villagers hostages survivors employees
staff officials farmers voters delegates athletes runners drivers inmates""".split())


def _fmt(x: float) -> str:
    return f"{int(x):,}" if x == int(x) else f"{x:,}"


def _value(q: Quantity) -> str:
    if q.hedge == "vague":
        return f"{q.text.strip()} ({_fmt(q.low)}-{_fmt(q.high)})"
    return q.text.strip()


def _category(doc: Document, q: Quantity) -> str:
    # `the 29 victims` count the dead when the article counts no injured
    if q.category == "victims":
        if any(x.category == "injured" for x in doc.quantities):
            return ""
        return "killed"
    return q.category


def _dates_in(doc: Document, sentence: int) -> set[str]:
    return {m.text.lower() for m in doc.dates.mentions if m.sentence == sentence}


_YEAR_WORD = re.compile(r"\b(?:1[89]|20)\d\d\b(?!\s*(?:people|persons|[a-z]+s\b))")
_BACKGROUND = re.compile(r"\b(?:ago|previously|earlier this (?:year|month|week)|last (?:week|month|year)|"
                         r"in the past|a year earlier|the previous|history|historic|decades?|"
                         r"years of|in the (?:19|20)\d0s)\b", re.I)


def background(doc: Document, sentence: int) -> bool:
    """Does a sentence (or the one before it in its paragraph) set its facts in another time
    than the news: a year, `last week`, `earlier this year`, `years of civil war`?"""
    pub = doc.dates.published
    k = [sentence]
    if sentence > 0 and doc.paragraph_at(doc.sentences[sentence - 1].start) == doc.paragraph_at(doc.sentences[sentence].start):
        k.append(sentence - 1)
    for i in k:
        s = doc.sentences[i]
        body = doc.text[s.start:s.end]
        if _BACKGROUND.search(body):
            return True
        if any(pub is None or int(y) != pub.year for y in _YEAR_WORD.findall(body)):
            return True
        if any(m.year and (pub is None or m.year != pub.year) for m in doc.dates.mentions if m.sentence == i):
            return True
    return False


def _sources(doc: Document, q: Quantity) -> set[str]:
    """Who gives a figure, by the head of the source's name: `the disaster agency` and `the
    agency` are one source, `police` and `organisers` two."""
    return {(a.source.lower().split() or [""])[-1].strip("’'s,") for a in doc.attributions
            if a.covers(q.start) and a.kind != "vague"}


def _transposed(a: Quantity, b: Quantity) -> bool:
    if not (a.exact and b.exact) or a.value == b.value:
        return False
    x, y = _fmt(a.value), _fmt(b.value)
    return len(x) == len(y) and sorted(x) == sorted(y)


def _total_and_group(a: Quantity, b: Quantity) -> bool:
    """`all 150 injured` and `at least 200 fans were injured`: a definite total of everyone and
    a count of one group can be compared (the group cannot be larger than the total)."""
    total, group = (a, b) if a.who == "people" else (b, a)
    return total.who == "people" and total.definite and group.low > total.high


def comparable(doc: Document, a: Quantity, b: Quantity) -> bool:
    """Do two figures claim to count the same thing, so that both must be true at once?"""
    if a.unit or b.unit or a.sentence == b.sentence:
        return False
    if doc.is_title(a.paragraph) or doc.is_title(b.paragraph):
        return False  # a headline rounds and summarises
    ca, cb = _category(doc, a), _category(doc, b)
    if not ca or ca != cb or ca not in COMPARABLE:
        return False
    if a.who != b.who and not _total_and_group(a, b):
        return False
    if a.place and b.place and a.place != b.place:
        return False
    if a.update or b.update or a.part_of is not None or b.part_of is not None:
        return False
    if a.hedge == "vague" and b.hedge == "vague":
        return False
    open_ended = {"min", "over", "max", "under"}
    if not (a.definite or b.definite) and (a.hedge in open_ended or b.hedge in open_ended):
        return False  # `at least 31 died` ... `29 bodies were recovered`: a part, not a total
    da, db = _dates_in(doc, a.sentence), _dates_in(doc, b.sentence)
    if (da and db and da != db) or background(doc, a.sentence) or background(doc, b.sentence):
        return False  # different days, or background from another time
    sa, sb = _sources(doc, a), _sources(doc, b)
    if sa and sb and not sa & sb:
        return False  # two named sources disagreeing is reported disagreement, not an error
    if bool(sa) != bool(sb) and not (a.definite or b.definite):
        return False  # a source's figure beside the reporter's own: reported, unless one is a total
    return True


@rule("N101", "conflicting-figures", ERROR)
def conflicting_figures(doc: Document) -> Iterator[Hit]:
    """The same count given twice with values that cannot both be true.

    What it flags: `at least 31 people died` … `the 29 victims`; `police detained 27 people` …
    `the 72 detainees`. Two figures conflict only when they count the same thing (the same
    category: killed, injured, arrested, missing, displaced; the same group and place) and their
    intervals cannot overlap (`about 2,500` is 2,250-2,750, `at least 18` is 18 or more,
    `dozens` is 24-99). It stays silent when one figure is an update (`rose to`, `later`,
    `now`, `revised`), a part (`including`, `of whom`), in the same sentence as the other, on a
    different day, or when two named sources are reported as disagreeing.

    Why it matters: conflicting casualty and arrest figures are the corrections newsrooms dread
    most; readers quote the wrong one, and the other side quotes the correction.

    Example:
        At least 31 people died when the dam burst on Tuesday, officials said.
        Rescue workers recovered the bodies of the 29 victims from the river.

    Instead:
        At least 31 people died when the dam burst on Tuesday, officials said.
        Rescue workers recovered the bodies of 29 victims from the river.
    """
    qs = [q for q in doc.quantities if q.category]
    reported: set[int] = set()
    # compare within a category only, and each distinct figure once (a long file repeating one
    # sentence thousands of times stays linear)
    groups: dict[str, list[Quantity]] = {}
    for j, b in enumerate(qs):
        group = groups.setdefault(_category(doc, b), [])
        seen: set[tuple] = set()
        for a in reversed(group):
            key = (a.low, a.high, a.who, a.definite, a.hedge)
            if key in seen:
                continue
            seen.add(key)
            if j in reported or a.overlaps(b) or not comparable(doc, a, b):
                continue
            reported.add(j)
            note = " (the digits are transposed)" if _transposed(a, b) else ""
            what = _category(doc, a)
            yield Hit(
                b.start, b.end,
                f"{_value(b)} {what} here, but {_value(a)} earlier: the two figures cannot both be "
                f"true{note}; if the count changed, say so (`rose to`, `later`)",
                related=(Ref(a.start, a.end, f"the other figure: {_value(a)}"),),
            )
        group.append(b)


@rule("N102", "part-larger-than-whole", ERROR)
def part_larger_than_whole(doc: Document) -> Iterator[Hit]:
    """A part larger than the whole it belongs to.

    What it flags: `18 killed, including 20 police officers`; `three of the two candidates`;
    `12 people were arrested, among them 15 students`. The part is the figure after
    `including`, `among them`, `of whom` (or before `of the`), the whole the figure it belongs to.

    Why it matters: one of the two figures is wrong, usually a typo in one of them.

    Example:
        The blast killed 18 people, including 20 police officers.

    Instead:
        The blast killed 18 people, including 12 police officers.
    """
    qs = doc.quantities
    for q in qs:
        if q.part_of is None:
            continue
        whole = qs[q.part_of]
        if whole.unit != q.unit or q.unit == "percent" or whole.high == INF:
            continue
        head = [w for w in q.head.lower().split() if w not in ("of", "the", "them", "whom", "those")]
        same_noun = q.part_of > qs.index(q) or not head or head[0].endswith("ed") or head[0] in ("were", "was", "are", "who", "held")
        if not same_noun:
            # `four villages, including 200 homes` counts two things: only people are compared
            if not (q.category or set(head) & PEOPLE):
                continue
            if not (whole.category or set(whole.head.lower().split()) & PEOPLE):
                continue
        if q.low > whole.high:
            yield Hit(q.start, q.end,
                      f"{_value(q)} is a part of {_value(whole)}, but larger than it",
                      related=(Ref(whole.start, whole.end, f"the whole: {_value(whole)}"),))


_SHARE_OF = re.compile(r"^\s+of\s+(?:the\s+)?(vote|votes|ballots|seats|total|market|share|"
                       r"popular vote|votes cast|electorate)\b", re.I)


@rule("N103", "shares-over-100-percent", WARNING)
def shares_over_100_percent(doc: Document) -> Iterator[Hit]:
    """Percentages of one whole that add up to more than 100.

    What it flags: in one sentence, two or more percentages each given as a share of the same
    whole (`of the vote`, `of the seats`, `of votes cast`) whose sum is over 100.

    Why it matters: shares of one whole cannot exceed it; one of the figures is wrong.

    Example:
        The governor won 58 percent of the vote and her rival took 47 percent of the vote.

    Instead:
        The governor won 53 percent of the vote and her rival took 47 percent of the vote.
    """
    by_sentence: dict[tuple[int, str], list[Quantity]] = {}
    for q in doc.quantities:
        if q.unit != "percent":
            continue
        m = _SHARE_OF.match(doc.text[q.end:q.end + 30])
        if m:
            by_sentence.setdefault((q.sentence, m.group(1).lower()), []).append(q)
    for (_, whole), qs in by_sentence.items():
        if len(qs) >= 2:
            total = sum(q.value for q in qs)
            if total > 100.5:
                yield Hit(qs[-1].start, qs[-1].end,
                          f"these shares of the {whole} add up to {total:g} percent",
                          related=tuple(Ref(q.start, q.end, f"share: {q.text}") for q in qs[:-1]))


_SPELLED = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())}
_DIGIT_WORD = re.compile(r"(?<![\w.,$€£%/:-])([1-9])(?![\w.,%/:-])")
_SPELLED_BIG = re.compile(r"\b(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
                          r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                          r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b", re.I)
# whole words only: `department 4` is not `part 4`, nor `village 3` `age 3`
_AP_EXCEPT_AFTER = re.compile(r"(?:\b(?:aged|age|No\.|number|page|chapter|section|room|route|"
                              r"grade|level|Category|category|day|week|round|game|act|size|"
                              r"step|phase|part|floor|gate|platform|pages)|%)\s*$", re.I)
_AP_EXCEPT_BEFORE = re.compile(r"^\s*(?:percent|per cent|%|million|billion|trillion|-year|"
                               r"years? old|months? old|[ap]\.?m\.?|o'clock|points?|goals?|"
                               r"runs?|km|miles?|metres?|meters?|feet|inches|kg|pounds|degrees|"
                               r"to \d|-\d|votes?|seeds?|st|nd|rd|th)", re.I)


@rule("N301", "number-style", INFO, enabled=False)
def number_style(doc: Document) -> Iterator[Hit]:
    """A number written against the house style (off unless selected).

    What it flags: in AP style (config `number-style = "ap"`, the default), one to nine written
    as figures (`7 people`, except ages, percentages, money, times, dates, scores, votes and
    measurements); 10 and above written as words (`twelve people`); a sentence that starts
    with a figure that is not a year. With `number-style = "chicago"`: whole numbers up to one
    hundred written as figures.

    Why it matters: consistent numbers read faster, and a desk's house style is part of its
    voice. It is off by default because it is style, not fact.

    Example:
        Police said 7 people were hurt.

    Instead:
        Police said seven people were hurt.
    """
    cfg = doc.options.get("config")
    chicago = getattr(cfg, "number_style", "ap") == "chicago"
    text = doc.text
    for m in _DIGIT_WORD.finditer(text):
        n = int(m.group(1))
        if _AP_EXCEPT_AFTER.search(text[max(0, m.start() - 12):m.start()]) or _AP_EXCEPT_BEFORE.match(text[m.end():m.end() + 12]):
            continue
        if any(d.start <= m.start() < d.end for d in doc.dates.mentions):
            continue
        word = list(_SPELLED)[n]
        yield Hit(m.start(), m.end(), f"house style spells out numbers under {'101' if chicago else '10'}: write ‘{word}’",
                  suggestion=word)
    if not chicago:
        for m in _SPELLED_BIG.finditer(text):
            s = doc.sentences[doc.sentence_at(m.start())]
            if text[s.start:m.start()].strip(" “\"'‘") == "":
                continue  # a sentence may start with a number in words
            if doc.in_quotation(m.start(), m.end()):
                continue
            yield Hit(m.start(), m.end(), "house style writes numbers of 10 and above in figures")
    for s in doc.sentences:
        m = re.match(r"[“\"']?(\d[\d,.]*)", text[s.start:s.end])
        if m and not re.fullmatch(r"(?:1[89]|20)\d\d", m.group(1)):
            yield Hit(s.start + m.start(1), s.start + m.end(1),
                      "a sentence should not start with a figure: spell it out or recast the sentence")
