"""Figures rules (N): the same count given two ways, a part larger than its whole, parts that do
not add up to their whole, shares of one
whole above 100 percent, and house number style."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from itertools import islice

from ..analysis.attribution import same_source
from ..analysis.figures import COMPARABLE, Figure, Restatement, Timeline, ages_by_name, figures
from ..analysis.nouns import PEOPLE
from ..analysis.quantities import INF, Quantity, words_value
from ..document import Document
from ..model import ERROR, INFO, WARNING, Hit, Ref
from ..registry import rule

# how many earlier distinct figures of one count each figure is compared with: every one in any
# real article, and a bound that keeps a file of thousands of figures linear
WINDOW = 64
# how many earlier counts of its noun a count may give again as the same claim: a restatement
# refers back to a recent mention (an anaphor to the nearest), and reading each pair's words costs
RESTATED_WINDOW = 16


def _fmt(x: float) -> str:
    return f"{int(x):,}" if x == int(x) else f"{x:,}"


def _value(q: Quantity) -> str:
    text = q.text.strip()
    if text[1:2].islower():  # `At least 31` began its sentence; in a message it is `at least 31`
        text = text[:1].lower() + text[1:]
    if q.hedge == "vague":
        return f"{text} ({_fmt(q.low)}-{_fmt(q.high)})"
    return text


def background(doc: Document, sentence: int) -> bool:
    """Does a sentence (or the one before it in its paragraph) set its facts in another time
    than the news? (Asked of the document's one `Timeline`.)"""
    return doc.derived(Timeline).background(sentence)


def _transposed(a: Quantity, b: Quantity) -> bool:
    if not (a.exact and b.exact) or a.value == b.value:
        return False
    x, y = _fmt(a.value), _fmt(b.value)
    return len(x) == len(y) and len(x.replace(",", "")) > 1 and sorted(x) == sorted(y)


def _total_and_group(a: Figure, b: Figure) -> bool:
    """`all 150 injured` and `at least 200 fans were injured`, `the eight refinery deaths` and
    `killed nine workers`: a definite total of everyone and a count of one group can be compared
    (the group cannot be larger than the total)."""
    total, group = (a, b) if a.group == "people" else (b, a)
    return total.group == "people" and total.q.definite and group.q.low > total.q.high


def _eligible(doc: Document, f: Figure) -> bool:
    """Can this figure conflict with another at all? Not a share or a sum of money, not a
    headline, an update, a part or the rest of a group."""
    q = f.q
    return not (q.unit or doc.is_title(q.paragraph) or q.update or q.part_of is not None or f.rest)


def _keys(f: Figure) -> list[tuple[str, str]]:
    """The counts a figure is compared in: its category (killed, arrested ...) when it must
    agree wherever the article gives it, and the noun it counts (`migrants`, `countries`)."""
    keys = []
    if f.category in COMPARABLE:
        keys.append(("category", f.category))
    elif f.q.category in COMPARABLE or f.q.category == "victims":
        return []  # `victims` beside a count of injured: it could be either
    # a count of people in a category is compared in it; other nouns (`children`, `miners`) by
    # noun too, as `the four children` refers back to `killed five children`
    if f.noun and f.q.hedge != "vague" and not (keys and f.group == "people"):
        keys.append(("noun", f.noun))
    return keys


def _compatible(a: Figure, b: Figure, by_noun: bool, sources: bool = True) -> bool:
    """Do two figures of one count claim the same thing at the same time and place, from sources
    that cannot merely be reported as disagreeing (with sources=False: whoever gives them)?"""
    qa, qb = a.q, b.q
    if qa.sentence == qb.sentence:
        return False
    # two figures each given by a different named source are reported disagreement
    if sources and a.source and b.source and not same_source(a.source, b.source):
        return False
    if a.frame != b.frame:
        return False  # another time than the news, unless both are set in the same one
    if a.dates and b.dates and a.dates != b.dates:
        return False  # different days
    if qa.place and qb.place and qa.place != qb.place:
        return False
    if by_noun:  # one noun, but not `12 killed` and `21 injured`
        return not (qa.category and qb.category and qa.category != qb.category)
    # one group, or the whole category (`the 43 dead`, `the 2,100 evacuees`) against one group:
    # a group larger than a definite total, or digits transposed between them
    return a.group == b.group or _total_and_group(a, b) or (
        "people" in (a.group, b.group) and _transposed(qa, qb))


def _contested(figs: list[Figure]) -> set[tuple[str, str]]:
    """The counts on which the article reports named sources disagreeing (`the Taliban claimed
    190 were dead` ... `the governor's spokesman said the attack had killed twelve`). On those,
    the reporter's own hedged or vague figure (`dozens died`) summarises a dispute the article
    reports; it is not one more claim that must agree with each side."""
    spans: dict[tuple[str, str], dict[str, list[float]]] = {}
    for f in figs:
        if f.source and f.source != "quotation":
            for key in _keys(f):
                lo_hi = spans.setdefault(key, {}).setdefault(f.source, [INF, -INF])
                lo_hi[0], lo_hi[1] = min(lo_hi[0], f.q.high), max(lo_hi[1], f.q.low)
    out = set()
    for key, by_source in spans.items():
        if len(by_source) < 2:
            continue
        lowest = min(by_source.items(), key=lambda kv: kv[1][0])  # the source with the smallest figure
        if any(src != lowest[0] and v[1] > lowest[1][0] for src, v in by_source.items()):
            out.add(key)
    return out


def _conflict(a: Figure, b: Figure, by_noun: bool, contested: bool = False) -> bool:
    """Two compatible figures of one count (a before b) whose values cannot both be true."""
    qa, qb = a.q, b.q
    if qa.overlaps(qb) or (qa.hedge == "vague" and qb.hedge == "vague"):
        return False
    if contested and bool(a.source) != bool(b.source) and not (qa.definite or qb.definite):
        return False
    if by_noun:
        # beyond the categories, only what cannot be chance: transposed digits; a definite total
        # (`the 83 countries`, `the 18 trapped miners`) that refers back to a count of the same
        # thing; a definite total (`all 33 passengers`) that a later count exceeds
        b_in_a, a_in_b = _said_in(b.qualifiers, a.context), _said_in(a.qualifiers, b.context)
        return (_transposed(qa, qb) and b_in_a and a_in_b) or (qb.definite and b_in_a) or (
            qa.definite and qb.low > qa.high and a_in_b)
    open_ended = {"min", "over", "max", "under"}
    if not (qa.definite or qb.definite) and (qa.hedge in open_ended or qb.hedge in open_ended):
        return False  # `at least 31 died` ... `29 bodies were recovered`: a part, not a total
    return True


def _said_in(qualifiers: frozenset[str], context: frozenset[str]) -> bool:
    """Does a sentence say each word that narrows a count (`the 73 stolen paintings` after
    `Thieves stole 37 paintings`)? A participle and its verb share their first five letters."""
    if qualifiers <= context:
        return True
    prefixes = {w[:5] for w in context}
    return all(w in context or (len(w) >= 5 and w[:5] in prefixes) for w in qualifiers)


def _nearest_first(f: Figure) -> int:
    return -f.index


class _Earlier:
    """The earlier distinct figures of one count, most recent last, kept by who gives them: a
    figure is compared only with those from a source it could contradict (its own, or none)
    and, of those, with the WINDOW most recent (a long file that repeats a sentence, or gives
    thousands of figures, stays linear)."""

    def __init__(self) -> None:
        self.everyone: dict[tuple, Figure] = {}
        self.by_source: dict[str | None, dict[tuple, Figure]] = {}
        # the same, by place too: a figure given for a place is compared with the figures given
        # for that place or for none (in a long file of reports from many towns, a few)
        self.by_place: dict[str, dict[tuple, Figure]] = {}
        self.by_source_place: dict[tuple[str | None, str], dict[tuple, Figure]] = {}
        self.by_head: dict[str, set[str]] = {}  # a source's last word -> the sources it ends
        # every earlier figure by its value, to ask whether a figure repeats one given before
        self.exact: dict[float, list[Figure]] = {}
        self.values: list[float] = []  # the exact values, sorted
        self.inexact: list[Figure] = []  # hedged, vague and ranged figures

    def add(self, f: Figure, by_noun: bool) -> None:
        q = f.q
        profile = (q.low, q.high, q.who, q.category, q.definite, q.hedge, q.place, f.source, f.dates,
                   f.frame, f.qualifiers, f.context if by_noun else None)
        fresh = profile not in self.everyone
        for group in (self.everyone, self.by_source.setdefault(f.source, {}),
                      self.by_place.setdefault(q.place, {}),
                      self.by_source_place.setdefault((f.source, q.place), {})):
            group.pop(profile, None)  # kept as the most recent
            group[profile] = f
        if f.source:
            self.by_head.setdefault(f.source.split()[-1], set()).add(f.source)
        if fresh and q.exact:
            if q.value not in self.exact:
                insort(self.values, q.value)
            self.exact.setdefault(q.value, []).append(f)
        elif fresh:
            self.inexact.append(f)

    def repeated(self, b: Figure, by_noun: bool) -> bool:
        """Does b repeat a figure given before (its interval meets one), whoever gave it?"""
        q = b.q
        near = [a for a in self.inexact[-WINDOW:] if a.q.overlaps(q)]
        lo, hi = bisect_left(self.values, q.low), bisect_right(self.values, q.high)
        for v in self.values[lo:min(hi, lo + WINDOW)]:
            near += self.exact[v][-4:]
        return any(_compatible(a, b, by_noun, sources=False) for a in near)

    def candidates(self, b: Figure) -> Iterator[Figure]:
        """The earlier figures b could contradict, nearest first, read only as far as needed."""
        place = b.q.place
        if b.source is None:
            if not place:
                return islice(reversed(self.everyone.values()), WINDOW)
            groups = [self.by_place.get(place), self.by_place.get("")]
        else:
            sources = {None, b.source, b.source.split()[-1], *self.by_head.get(b.source, ())}
            if not place:
                groups = [self.by_source.get(src) for src in sources]
            else:
                groups = [self.by_source_place.get((src, p)) for src in sources for p in (place, "")]
        groups = [g for g in groups if g]
        if len(groups) == 1:
            return islice(reversed(groups[0].values()), WINDOW)
        recent = [f for g in groups for f in islice(reversed(g.values()), WINDOW)]
        recent.sort(key=_nearest_first)
        return iter(recent[:WINDOW])


def _earlier_conflict(group: _Earlier, b: Figure, by_noun: bool, contested: bool,
                      headline: set[tuple[str, float]]) -> Figure | None:
    """The nearest earlier figure of one count that b contradicts, if any."""
    if by_noun and (b.noun, b.q.value) in headline:
        return None  # it refers back to the headline's count
    q = b.q
    found = next((a for a in group.candidates(b) if not a.q.overlaps(q) and _compatible(a, b, by_noun)
                  and _conflict(a, b, by_noun, contested)), None)
    # b repeats a figure given before, whoever gave it: if it contradicts another, that other one
    # is the odd one out (and was reported when it came); for a noun, a later different count is
    # another group
    if found is not None and group.repeated(b, by_noun):
        return None
    return found


def _earlier_restated(group: _Earlier, b: Figure, restate: Restatement,
                      headline: set[tuple[str, float]]) -> Figure | None:
    """The nearest earlier count of b's noun that b gives again as the same claim (an anaphoric
    `The six men were ...`, the same predication, the same groups listed together) with a
    value it cannot have. Who is said to give each does not part them unless each names its own
    source in its own sentence: a restated claim is one claim."""
    if (b.noun, b.q.value) in headline or b.q.hedge == "vague":
        return None
    q = b.q
    for a in islice(reversed(group.everyone.values()), RESTATED_WINDOW):
        qa = a.q
        if qa.sentence == q.sentence or qa.overlaps(q) or qa.hedge == "vague" or a.frame != b.frame \
                or (a.dates and b.dates and a.dates != b.dates):
            continue
        if a.source and b.source and not same_source(a.source, b.source) \
                and restate.explicit(a) and restate.explicit(b):
            continue  # each explicitly given by its own named source: reported disagreement
        if restate.same_claim(a, b):
            return None if group.repeated(b, True) else a
    return None


@rule("N101", "conflicting-figures", ERROR)
def conflicting_figures(doc: Document) -> Iterator[Hit]:
    """The same count given twice with values that cannot both be true.

    What it flags: `at least 31 people died` … `the 29 victims`; `police detained 27 people` …
    `the 72 detainees`; `rescued 47 migrants` … `the 74 migrants`; `the death of all 33
    passengers` … `carried 36 passengers`. Two figures conflict when they count the same thing
    (a category such as killed, injured, arrested, missing, displaced, with the same group and
    place; or the same noun, when the digits are transposed, when the later is a definite total
    that refers back to the earlier, or when a definite total is followed by a larger count of
    it) and their intervals cannot overlap (`about
    2,500` is 2,250-2,750, `at least 18` is 18 or more, `dozens` is 24-99). Whose claim each is
    decides the rest: the article's own figures (the reporter's voice, and any definite total
    such as `the 53 people arrested`) must agree with each other and with their sources'; two
    figures each given by a different named source (`organisers said 50,000; police put it at
    12,000`) are reported disagreement, and where an article reports such a dispute, its own
    hedged summary (`dozens died`) is not held to either side. It stays silent when one figure
    is an update (`rose to`, `later`, `now`, `revised`), a part (`including`, `of whom`, `the
    other three`), in the same sentence as the other, on a different day, or background from
    another time (unless both are set in the same one: `Last week ...`, and the sentences that
    run on in it). One person given two ages beside their name (`Ruth Okonedo, 29,` ...
    `Okonedo, 92,`) is the same kind of error.

    Why it matters: conflicting casualty and arrest figures are the corrections newsrooms dread
    most; readers quote the wrong one, and the other side quotes the correction.

    Example:
        At least 31 people died when the dam burst on Tuesday, officials said.
        Rescue workers recovered the bodies of the 29 victims from the river.

    Instead:
        At least 31 people died when the dam burst on Tuesday, officials said.
        Rescue workers recovered the bodies of 29 victims from the river.
    """
    yield from _ages_disagree(doc)
    groups: dict[tuple[str, str], _Earlier] = {}
    every = figures(doc)
    figs = [f for f in every if _eligible(doc, f)]
    contested = _contested(figs)
    # a headline's count is the one a later definite total refers back to (`two treatments`)
    headline = {(f.noun, f.q.value) for f in every if doc.is_title(f.q.paragraph) and f.q.exact}
    restate = Restatement(doc)
    for b in figs:
        found, what = None, ""
        for key in _keys(b):
            by_noun = key[0] == "noun"
            group = groups.setdefault(key, _Earlier())
            if found is None:
                found = _earlier_conflict(group, b, by_noun, key in contested, headline)
                if found is None and by_noun:
                    found = _earlier_restated(group, b, restate, headline)
                what = b.category if not by_noun else (b.q.head or b.noun)
            group.add(b, by_noun)
        if found is not None:
            a, q = found.q, b.q
            note = " (the digits are transposed)" if _transposed(a, q) else ""
            yield Hit(
                q.start, q.end,
                f"{_value(q)} {what} here, but {_value(a)} earlier: the two figures cannot both be "
                f"true{note}; if the count changed, say so (`rose to`, `later`)",
                related=(Ref(a.start, a.end, f"the other figure: {_value(a)}"),),
            )


def _ages_disagree(doc: Document) -> Iterator[Hit]:
    """`Ruth Okonedo, 29,` ... `Okonedo, 92, said`: one person given two ages."""
    first: dict[str, tuple[int, int, int]] = {}
    for key, age, start, end in ages_by_name(doc):
        if key not in first:
            first[key] = (age, start, end)
            continue
        age0, s0, e0 = first[key]
        if age != age0:
            note = " (the digits are transposed)" if sorted(str(age)) == sorted(str(age0)) else ""
            yield Hit(start, end, f"{key} is {age} here, but {age0} earlier: one person has one age{note}",
                      related=(Ref(s0, e0, f"the other age: {age0}"),))


def _counts_people(q: Quantity) -> bool:
    return bool(q.category or set(q.head.lower().split()) & PEOPLE)


def _parts(doc: Document) -> dict[int, list[list[int]]]:
    """The parts of each whole (by its index), each list of parts listed together apart."""
    out: dict[int, dict[int | None, list[int]]] = {}
    for i, q in enumerate(doc.quantities):
        if q.part_of is not None:
            key = q.part_list if q.part_list is not None else -1 - i  # a lone part is its own list
            out.setdefault(q.part_of, {}).setdefault(key, []).append(i)
    return {w: list(lists.values()) for w, lists in out.items()}


@rule("N102", "part-larger-than-whole", ERROR)
def part_larger_than_whole(doc: Document) -> Iterator[Hit]:
    """A part larger than the whole it belongs to, or parts listed together that add up to more.

    What it flags: `18 killed, including 20 police officers`; `three of the two candidates`;
    `12 people were arrested, among them 15 students`; `The blast killed 18 people, including 12
    police officers and nine soldiers` (21 of 18). A part is the figure after `including`,
    `among them`, `of whom` (with the items listed after it), or before `of the`, `of them`;
    `149 of the survivors` is a part of a count of survivors, not of the dead.

    Why it matters: one of the figures is wrong, usually a typo in one of them.

    Example:
        The blast killed 18 people, including 20 police officers.

    Instead:
        The blast killed 18 people, including 12 police officers.
    """
    qs = doc.quantities
    for w, lists in sorted(_parts(doc).items()):
        whole = qs[w]
        if whole.unit == "percent" or whole.high == INF:
            continue
        for items in lists:
            parts = [qs[i] for i in items if qs[i].unit == whole.unit]
            if not parts or parts[0].exhaustive and len(parts) > 1:
                continue  # a list of every part is N104's
            q = parts[0]
            head = [x for x in q.head.lower().split() if x not in ("of", "the", "them", "whom", "those")]
            same_noun = w > items[0] or not head or head[0].endswith("ed") or head[0] in ("were", "was", "are", "who", "held")
            # `four villages, including 200 homes` counts two things: only people are compared
            if not same_noun and not (all(_counts_people(p) for p in parts) and _counts_people(whole)):
                continue
            low = sum(p.low for p in parts)
            if low <= whole.high:
                continue
            if len(parts) == 1:
                msg = f"{_value(q)} is a part of {_value(whole)}, but larger than it"
            else:
                msg = (f"the parts listed ({' + '.join(_value(p) for p in parts)} = {_fmt(low)}) add up to "
                       f"more than the whole, {_value(whole)}")
            yield Hit(q.start, parts[-1].end, msg, related=(Ref(whole.start, whole.end, f"the whole: {_value(whole)}"),))


@rule("N104", "parts-not-adding-up", ERROR)
def parts_not_adding_up(doc: Document) -> Iterator[Hit]:
    """A whole followed by a list of every one of its parts that does not add up to it.

    What it flags: `killing 15 people — eight police officers and nine civilians` (8 + 9 is 17);
    `The party won 120 seats: 70 in the north, 30 in the centre and 25 in the south`. The list
    follows its whole after a dash, a colon or a bracket and ends with `and` before its last
    item, so it names every part; a list after `including`, or one that ends `and others`,
    names only some and is left to N102. A count of the rest (`the remaining three`, `the other
    two`) closes a list begun by a part of a whole (`Of the 11, seven were convicted, two were
    cleared of fraud and the jury acquitted the remaining three`), in its paragraph or the next.
    A sentence that opens `Of the injured,`, `Of those arrested,` or `Of the survivors,` lists
    parts of that group's count given before (`injuring 47 people`, `rescued 58 people`); its
    clauses (`15 were taken to hospital and 36 were treated at the scene`, `41 were men, 12 were
    women and seven were children`) name every part, unless one group is within another
    (`children`, `girls`), the list ends `among others`, or the count was updated since.

    Why it matters: a breakdown that does not add up tells the reader one of its figures is
    wrong, and every one of them will be quoted.

    Example:
        Gunmen killed 15 people — eight police officers and nine civilians, the governor said.

    Instead:
        Gunmen killed 17 people — eight police officers and nine civilians, the governor said.
    """
    qs = doc.quantities
    for w, lists in sorted(_parts(doc).items()):
        whole = qs[w]
        for items in lists:
            parts = [qs[i] for i in items]
            if not parts[0].exhaustive or len(parts) < 2 or any(p.unit != whole.unit for p in parts):
                continue
            low, high = sum(p.low for p in parts), sum(p.high for p in parts)
            if high < whole.low or low > whole.high:
                total = _fmt(low) if low == high else f"{_fmt(low)}-{_fmt(high)}"
                yield Hit(min(whole.start, parts[0].start), max(whole.end, parts[-1].end),
                          f"the parts listed ({' + '.join(_value(p) for p in parts)} = {total}) do not add up "
                          f"to the whole, {_value(whole)}",
                          related=tuple(Ref(p.start, p.end, f"a part: {_value(p)}") for p in parts))


_SHARE_OF = re.compile(r"^\s+of\s+(?:the\s+)?(vote|votes|ballots|seats|total|market|share|"
                       r"popular vote|votes cast|electorate)\b", re.I)


_ANY_SHARE_OF = re.compile(r"\s+of\s+(?:the\s+|all\s+|those\s+)?([a-z][\w-]*)", re.I)
# a share listed after another: after a comma, `and`, `while`, `with`, `but`
_LISTED_BEFORE = re.compile(r"(?:,|\band|\bwhile|\bwith|\bbut|\bwhereas)\s+$", re.I)
# a figure that is a change or a comparison, not a share (`rose 5 percent`, `up from 40 percent`)
_NOT_A_SHARE_BEFORE = re.compile(r"\b(?:to|by|from|than|rose|fell|up|down|grew|dropped|compared\s+with|"
                                 r"against|versus|vs\.?)\s+$", re.I)
# a share of another group (`49% for patients on ZMapp`, `7% in the United Kingdom`), or a change
_NOT_A_SHARE_AFTER = re.compile(r"\s*(?:for|in|among|at|on|from|than|higher|lower|more|less|share|increase|"
                                r"rise|drop|fall|growth|points?)\b", re.I)


@rule("N103", "shares-over-100-percent", WARNING)
def shares_over_100_percent(doc: Document) -> Iterator[Hit]:
    """Percentages of one whole that add up to more than 100.

    What it flags: in one sentence, two or more percentages each given as a share of the same
    whole (`of the vote`, `of the seats`, `of votes cast`), or listed after a share of a whole
    without one of their own (`54 percent of respondents backed it, 38 percent opposed it and 15
    percent were undecided`), whose sum is over 100. A change (`up from 45 percent`), a comparison
    (`compared with 61 percent`) or a rate of another group (`58 percent for those on the old
    drug`) is not a share.

    Why it matters: shares of one whole cannot exceed it; one of the figures is wrong.

    Example:
        The governor won 58 percent of the vote and her rival took 47 percent of the vote.

    Instead:
        The governor won 53 percent of the vote and her rival took 47 percent of the vote.
    """
    by_sentence: dict[tuple[int, str], list[Quantity]] = {}
    text = doc.text
    listed: tuple[int, str, list[Quantity]] | None = None  # the shares of one whole listed in a sentence
    for q in doc.quantities:
        if q.unit != "percent":
            continue
        m = _SHARE_OF.match(text[q.end:q.end + 30])
        if m:
            by_sentence.setdefault((q.sentence, m.group(1).lower()), []).append(q)
        # `54 percent of respondents backed the plan, 38 percent opposed it and 15 percent were
        # undecided`: a share of a whole, then shares that name no whole of their own
        of = _ANY_SHARE_OF.match(text, q.end)
        if listed and listed[0] == q.sentence and not of and q.exact \
                and _LISTED_BEFORE.search(text, max(0, q.start - 8), q.start) \
                and not _NOT_A_SHARE_BEFORE.search(text, max(0, q.start - 16), q.start) \
                and not _NOT_A_SHARE_AFTER.match(text, q.end):
            listed[2].append(q)
        elif of and q.exact and not _NOT_A_SHARE_BEFORE.search(text, max(0, q.start - 12), q.start):
            if listed and len(listed[2]) > 1:
                by_sentence.setdefault((listed[0], listed[1]), []).extend(listed[2])
            listed = (q.sentence, of.group(1).lower(), [q])
        else:
            if listed and len(listed[2]) > 1:
                by_sentence.setdefault((listed[0], listed[1]), []).extend(listed[2])
            listed = None
    if listed and len(listed[2]) > 1:
        by_sentence.setdefault((listed[0], listed[1]), []).extend(listed[2])
    for (_, whole), found in by_sentence.items():
        qs = sorted(set(found), key=lambda q: q.start)  # a share of the vote may be read both ways
        if len(qs) >= 2:
            total = sum(q.value for q in qs)
            if total > 100.5:
                yield Hit(qs[-1].start, qs[-1].end,
                          f"these shares of the {whole} add up to {total:g} percent",
                          related=tuple(Ref(q.start, q.end, f"share: {q.text}") for q in qs[:-1]))


_SPELLED = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())}
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_DIGIT_WORD = re.compile(r"(?<![\w.,$€£%/:-])([1-9])(?![\w.,%/:-])")
_CHICAGO_FIGURE = re.compile(r"(?<![\w.,$€£%/:-])(0|[1-9]\d?|100)(?![\w.,%/:-])")


def _in_words(n: int) -> str:
    """0-100 in words, as Chicago spells them: `forty-five`, `one hundred`."""
    if n < 10:
        return list(_SPELLED)[n]
    if n < 20:
        return _TEENS[n - 10]
    if n == 100:
        return "one hundred"
    tens, ones = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{list(_SPELLED)[ones]}" if ones else "")
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
    style = "(Chicago) spells out zero to one hundred" if chicago else "(AP) spells out one to nine"
    text = doc.text
    for m in (_CHICAGO_FIGURE if chicago else _DIGIT_WORD).finditer(text):
        n = int(m.group(1))
        if _AP_EXCEPT_AFTER.search(text[max(0, m.start() - 12):m.start()]) or _AP_EXCEPT_BEFORE.match(text[m.end():m.end() + 12]):
            continue
        if any(d.start <= m.start() < d.end for d in doc.dates.mentions):
            continue
        word = _in_words(n)
        if _starts_sentence(doc, m.start()):
            word = word[:1].upper() + word[1:]
        yield Hit(m.start(), m.end(), f"house style {style}: write ‘{word}’", suggestion=word)
    if not chicago:
        for m in _SPELLED_BIG.finditer(text):
            if _starts_sentence(doc, m.start()):
                continue  # a sentence may start with a number in words
            if doc.in_quotation(m.start(), m.end()):
                continue
            figure = str(int(words_value(m.group())))  # what it matches: 10 to 99
            yield Hit(m.start(), m.end(), f"house style writes numbers of 10 and above in figures: write ‘{figure}’",
                      suggestion=figure)
    for s in doc.sentences:
        m = re.match(r"[“\"']?(\d[\d,.]*)", text[s.start:s.end])
        if m and not re.fullmatch(r"(?:1[89]|20)\d\d", m.group(1)):
            # a whole number up to a hundred can be spelled out in place; a larger one or a
            # decimal reads badly in words, and the sentence is better recast
            small = m.group(1).isdigit() and int(m.group(1)) <= 100
            word = _in_words(int(m.group(1))).capitalize() if small else None
            yield Hit(s.start + m.start(1), s.start + m.end(1),
                      "a sentence should not start with a figure: spell it out or recast the sentence",
                      suggestion=word)


def _starts_sentence(doc: Document, offset: int) -> bool:
    """Is this the first word of its sentence (after an opening quotation mark)?"""
    s = doc.sentences[doc.sentence_at(offset)] if doc.sentences else None
    return s is None or doc.text[s.start:offset].strip(" “\"'‘") == ""
