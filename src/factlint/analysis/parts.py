"""Parts and wholes among an article's counts: `18 killed, including 20 police officers`; `three of
them`; `three of the two candidates`; `Of the 12 dead, seven ...`; a list of every part after its
whole (`15 people — eight police officers and nine civilians`), and the items listed with a part
(`including three children and two guards`). `149 of the survivors` is a part of a count of
survivors, not of the dead counted before it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice, takewhile
from typing import TYPE_CHECKING

from .nouns import NAMED_FOR, PEOPLE, SEX_AND_AGE, singular, within

if TYPE_CHECKING:
    from ..document import Document
    from .quantities import Quantity

_PART_BEFORE = re.compile(
    r"\b(?:including|among them|among whom|of whom|of which|of them|of those|among the dead|among those)\b"
    r"(?:\s+[a-z]+)?(?:\s+(?:were|was|are|is))?[\s,:]*$", re.I)
# what joins a part to the next one of the same list: `eight of them soldiers and three of them ...`
_PART_JOIN = re.compile(r"[^.;:\d]{0,40}?(?:,\s*and|,|\band)\s+$", re.I)
_OF_THE = re.compile(r"^\s+of\s+(?:the|these|those|its|their)(?:\s+[\w-]+['’]s)?\s+$", re.I)
_OF_PRONOUN = re.compile(r"\s+of\s+(?:them|whom|those|which)\b", re.I)
_OF_NOUN = re.compile(r"\s+of\s+(?:the|these|those|its|their)\s+(?:[\w-]+['’]s\s+)?([^\W\d_][\w-]*)", re.I)
_OPENS_WITH_PART = re.compile(r"[“\"‘']?(?:among|of)\s+(?:the|those)\s+(?:dead|injured|wounded|victims|missing|arrested|detained|"
                              r"killed|hurt|held|rescued|evacuated)\b", re.I)
_OF_THE_LEAD = re.compile(r"[“\"‘']?(?:of|among)\s+(?:the|these|those)\s+$", re.I)
# what may stand between the items of a list of parts, after an item's own noun phrase: a short
# qualifier (`for the ruling party`, `in the north`) and the joining comma or `and`
_JOIN = re.compile(r"\s*(?:(?:for|in|from|at|on|with|of|were|was|are|is)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?"
                   r"\s*(,\s*and|,|and)\s+$", re.I)
# the mark that opens a list of every part after a whole: `15 people — eight ...`, `120 seats: ...`
# (a short adverbial may stand between the whole's noun and the mark: `11 climbers on Saturday —`)
_LIST_OPEN = re.compile(r"(?:\s+(?:on|in|at|near|across|during|since|after|overnight)(?:\s+[\w’'-]+){1,3}?)?"
                        r"\s*[—–:(]\s*$")
# a count of the rest of a whole's parts: `the remaining three`, `the other two`
_REST_OF = re.compile(r"\bthe\s+(?:remaining|other)\s+$", re.I)
# everyone: `All 145 people on board`, `all 16`
_ALL_BEFORE = re.compile(r"\ball\s+$", re.I)
_REST_REACH = 24  # how many counts back a list closed by `the remaining N` may have begun
# a sentence that opens by naming a group with no count of its own, before its first part: `Of the
# injured, 15 ...`, `Of those arrested, ...` (`among` names only some, so it is not read here)
_OF_GROUP_LEAD = re.compile(r"[“\"‘']?of\s+(?:the|those)\s+(?:[a-z-]+\s+)?([a-z-]+),\s+", re.I)
# between the items of a list of clauses, each `N were <what befell them>`: `15 were taken to
# hospital and 36 were treated at the scene`, `41 were men, 12 were women and seven were children`
_CLAUSE_JOIN = re.compile(r"\s+(?:were|was|are|is|had\s+been|have\s+been)\s+([^\d;:.—–()]{1,80}?)"
                          r"\s*(,\s*and|,|\band)\s+", re.I)
_CLAUSE_LAST = re.compile(r"\s+(?:were|was|are|is|had\s+been|have\s+been)\s+([a-z]+)", re.I)
_GROUP_REACH = 24  # how many counts back the whole of a group named by its noun alone is looked for
_LIST_NOT_ALL = re.compile(r"^[^.;:—–]{0,40}?\b(?:and|or)\s+(?:others|other|more|several|many|some)\b|"
                           r"^[^.;:]{0,40}?\b(?:etc|among others)\b", re.I)


def link_parts(doc: Document, qs: list[Quantity]) -> list[Quantity]:
    """Mark parts of a whole: `18 killed, including 20 police officers`; `three of them`; `three
    of the two candidates`; `Of the 12 dead, seven ...`; a list of every part after its whole
    (`15 people — eight police officers and nine civilians`), and the items listed with a part
    (`including three children and two guards`). `149 of the survivors` is a part of a count
    of survivors, not of the dead counted before it."""
    text = doc.text
    out = list(qs)
    starts: list[int] = []  # the first parts after `including`, `among them`, `of whom`
    clause_firsts: set[int] = set()  # of those, the first parts after a sentence's `Of the ...,`

    def _back(i: int, within: str) -> Iterator[int]:
        """The quantities before qs[i] in its sentence or paragraph, nearest first (the walk
        stops at the sentence's or paragraph's start, so it stays short in a long file)."""
        at = getattr(qs[i], within)
        j = i - 1
        while j >= 0 and getattr(qs[j], within) == at:
            yield j
            j -= 1

    def same_sentence_before(i: int) -> int | None:
        """The nearest count before qs[i] in its sentence that is not itself a part."""
        q = qs[i]
        return next((j for j in _back(i, "sentence") if qs[j].unit == q.unit and out[j].part_of is None), None)

    for i, q in enumerate(qs):
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        sspan = doc.sentences[q.sentence] if doc.sentences else None
        lo = sspan.start if sspan else 0
        if i == 0 or qs[i - 1].sentence != q.sentence:
            lead = _OF_GROUP_LEAD.fullmatch(text, lo, q.start)
            whole = _group_whole(doc, qs, out, i, lead.group(1)) if lead else None
            if whole is not None:
                out[i] = replace(q, part_of=whole, part_list=i)  # `Of the injured, 15 ...`
                starts.append(i)
                clause_firsts.add(i)
                continue
        if nxt is not None and _OF_THE.match(text[q.end:nxt.start]):
            out[i] = replace(q, part_of=i + 1)  # three of the two candidates
            continue
        if _PART_BEFORE.search(text[max(lo, q.start - 40):q.start]) or _OF_PRONOUN.match(text, q.end, q.end + 20):
            whole = same_sentence_before(i)
            if whole is None and i > 0 and qs[i - 1].paragraph == q.paragraph:
                whole = i - 1
            if whole is None and q.category and i > 0 and qs[i - 1].paragraph == q.paragraph - 1 \
                    and _OPENS_WITH_PART.match(text, lo, q.start):
                # `... killing 23 passengers.` then `Among the dead were 14 women, ...`: the
                # paragraph before gives the whole, counted in the same category
                whole = next((j for j in range(i - 1, max(-1, i - 9), -1) if qs[j].paragraph == q.paragraph - 1
                              and qs[j].category == q.category and out[j].part_of is None), None)
            prev = i - 1 if i > 0 and qs[i - 1].sentence == q.sentence else None
            if whole is not None and prev is not None and out[prev].part_of == whole \
                    and _PART_JOIN.fullmatch(text, qs[prev].end, q.start):
                out[i] = replace(q, part_of=whole, part_list=out[prev].part_list)  # one list of parts
                continue
            out[i] = replace(q, part_of=whole, part_list=i)
            starts.append(i)
            continue
        m = _OF_NOUN.match(text, q.end, q.end + 40)
        if m and ("'" in m.group(0) or "’" in m.group(0) or q.definite):
            continue  # `22 of the state's delegates`, `all 22 of the delegates`: not a part of a count before
        if m:
            # `149 of the survivors`: a part of the count of survivors, if the paragraph gives one
            noun = singular(m.group(1))
            whole = next((j for j in _back(i, "paragraph") if out[j].part_of is None and not qs[j].head.lower().startswith("of ")
                          and (qs[j].noun == noun or qs[j].category and qs[j].category == q.category
                               and qs[j].noun in ("dead", "wounded", "injured", "missing"))), None)
            if whole is None and i > 0 and qs[i - 1].paragraph == q.paragraph - 1 and len(noun) >= 4:
                # `kidnapped 27 schoolgirls.` then `Security forces freed 19 of the girls`: the
                # count of that noun (or of a compound of it) ending the paragraph before
                whole = next((j for j in range(i - 1, max(-1, i - 9), -1) if qs[j].paragraph == q.paragraph - 1
                              and out[j].part_of is None and qs[j].noun.endswith(noun)), None)
            out[i] = replace(q, part_of=whole)
            continue
        if i > 0 and qs[i - 1].sentence == q.sentence and _OF_THE_LEAD.fullmatch(text, lo, qs[i - 1].start) \
                and re.fullmatch(r"(?:\s+[^\d,;.]{0,40})?,\s+", text[qs[i - 1].end:q.start]):
            out[i] = replace(q, part_of=i - 1, part_list=i)  # `Of the 12 dead, seven were ...`
            starts.append(i)
            if re.match(r"[“\"‘']?of\b", text[lo:lo + 4], re.I):  # not `Among the 12 dead,`: some of them
                clause_firsts.add(i)
    # lists: the items after a first part, and the lists that name every part of a whole
    for i in starts:
        if i in clause_firsts and _clause_list(text, qs, out, i, out[i].part_of) is not False:
            continue  # a list of every part, or of groups within each other (`children`, `girls`)
        if out[i].part_of is not None:
            _list_after(text, qs, out, i, out[i].part_of, exhaustive=False)
    for i in range(len(qs)):
        first = out[i]
        if i + 1 < len(qs) and out[i + 1].part_of is None and qs[i + 1].sentence == first.sentence:
            gap = text[first.end:qs[i + 1].start]
            head = qs[i].head
            if gap.lstrip().startswith(head) and _LIST_OPEN.fullmatch(gap.lstrip()[len(head):]):
                items = _list_after(text, qs, out, i + 1, i, exhaustive=True, first_item=True)
                if items < 2:
                    out[i + 1] = replace(out[i + 1], part_of=None, part_list=None, exhaustive=False)
    for i, q in enumerate(qs):
        if out[i].part_of is None and q.definite and q.exact and q.who == "people" \
                and _ALL_BEFORE.search(text, max(0, q.start - 6), q.start):
            _everyone_listed_before(doc, qs, out, i)
    for i, q in enumerate(qs):
        if out[i].part_of is None and _REST_OF.search(text, max(0, q.start - 20), q.start):
            # the list may have begun in the paragraph before (`Of the 42 injured, 30 were sent
            # home.` then `Doctors said the remaining 14 ...`)
            _close_with_rest(qs, out, i, takewhile(lambda j, p=q.paragraph: qs[j].paragraph >= p - 1, range(i - 1, -1, -1)))
    return out


def _everyone_listed_before(doc: Document, qs: list[Quantity], out: list[Quantity], whole: int) -> None:
    """`The plane was carrying 148 passengers and six crew.` then `All 145 people on board
    survived.`: everyone (`all N people`, `all N`) is the sum of the groups the sentence before
    listed, when that sentence counts nothing else (each count exact and joined by `and`)."""
    w = qs[whole]
    k = w.sentence - 1
    if k < 0 or doc.paragraph_at(doc.sentences[k].start) < w.paragraph - 1:
        return
    items = [j for j in range(whole - 1, max(-1, whole - 6), -1) if qs[j].sentence == k][::-1]
    if len(items) < 2 or any(j > 0 and qs[j - 1].sentence == k and j - 1 not in items for j in items[:1]):
        return
    text = doc.text
    if any(not qs[j].exact or qs[j].unit != w.unit or out[j].part_of is not None or not qs[j].noun
           or qs[j].noun == "person" or not (qs[j].category or qs[j].head.split()[0].lower() in PEOPLE)
           for j in items):
        return
    if len({qs[j].noun for j in items}) < len(items):
        return  # `12 men ... and 3 men`: not a list of groups
    gaps = [text[qs[a].end:qs[b].start] for a, b in zip(items, items[1:], strict=False)]
    if not re.search(r"\band\s+$", gaps[-1]) or any(not re.fullmatch(r"\s+[\w’'-]+(?:,|\s+and)\s+", g) for g in gaps):
        return
    for j in items:
        out[j] = replace(out[j], part_of=whole, part_list=items[0], exhaustive=True)


def _close_with_rest(qs: list[Quantity], out: list[Quantity], rest: int, before: Iterator[int]) -> None:
    """`Of the 11, seven were convicted, two were cleared of fraud and the jury acquitted the
    remaining three`, `won 21 of the 35 seats ... took 12 seats and independents the remaining
    three`: a count of the rest of a whole closes the list of its parts begun by a part linked to
    it earlier in the paragraph, so every count between is a part and the list names every part.
    Only when each count between is exact and counts the whole's thing or nothing of its own (an
    elliptical `two of money laundering`); a count of something else between leaves it alone."""
    back = list(islice(before, _REST_REACH))  # nearest first
    whole = next((out[j].part_of for j in back if out[j].part_of is not None), None)
    if whole is None or qs[whole].paragraph < qs[rest].paragraph - 1:
        return
    w = qs[whole]
    linked = [j for j in back if out[j].part_of == whole]
    first = min(linked)
    if whole > first and whole not in back:
        return
    items = sorted(k for k in back if k >= first and k != whole)
    if any(out[k].exhaustive for k in items):
        return  # the list was closed already (`the other six ...`); a later rest is a subset of it
    nouns = {"", w.noun, *(qs[k].noun for k in linked)}
    for k in [*items, rest]:
        x, last = qs[k], (qs[k].head.split() or [""])[-1].lower()
        if not x.exact or x.unit != w.unit or out[k].part_of not in (None, whole) \
                or (x.noun not in nouns and last.endswith("s")):
            return
    if not w.exact:
        return
    for k in [*items, rest]:
        out[k] = replace(out[k], part_of=whole, part_list=items[0], exhaustive=True)


def _list_after(text: str, qs: list[Quantity], out: list[Quantity], first: int, whole: int,
                exhaustive: bool, first_item: bool = False) -> int:
    """Mark the items of a list that starts at qs[first] as parts of qs[whole]; returns how many
    items it has. A list names every part only when its last item is joined by `and` and no
    `and others` follows it."""
    items = [first]
    joiners: list[str] = []
    j = first
    while j + 1 < len(qs) and qs[j + 1].sentence == qs[j].sentence and out[j + 1].part_of is None \
            and qs[j + 1].unit == qs[j].unit:
        gap = text[qs[j].end:qs[j + 1].start]
        head = qs[j].head
        rest = gap.lstrip()[len(head):] if head and gap.lstrip().startswith(head) else gap
        m = _JOIN.fullmatch(rest)
        if not m:
            break
        joiners.append(m.group(1).replace(" ", ""))
        j += 1
        items.append(j)
    if exhaustive:
        tail = text[qs[j].end:qs[j].end + 60]
        exhaustive = len(items) >= 2 and joiners[-1] in ("and", ",and") and not _LIST_NOT_ALL.match(tail)
        if not exhaustive:
            return len(items) if not first_item else 0
    for k in items:
        out[k] = replace(out[k], part_of=whole, part_list=first, exhaustive=exhaustive)
    return len(items)


def _group_whole(doc: Document, qs: list[Quantity], out: list[Quantity], i: int, word: str) -> int | None:
    """The whole of a group a sentence names by its noun alone (`Of the injured,`, `Of those
    arrested,`, `Of the survivors,`): the count of that group given before, found by its
    category or by the verb that counted it (`rescued 58 people`). None when the group has no
    such count, or when two counts of it before disagree (a later update, or a second group)."""
    from ..wordclass import is_class
    from .lexicon import user_lexicons
    from .quantities import load_lexicon

    lex = load_lexicon(user_lexicons(doc, "quantities"))
    w = word.lower()
    cat = lex.nouns.get(w) or lex.verbs.get(w) or ""
    verbs = NAMED_FOR.get(singular(w)) or ((w,) if is_class("past", w, w) else ())
    if not cat and not verbs:
        return None  # `Of the passengers,`: a group that may be wider than any count of harm
    said = re.compile(r"\b(?:" + "|".join(map(re.escape, verbs)) + r")\s+$", re.I) if verbs else None
    said_after = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(map(re.escape, verbs)) + r")\b", re.I) if verbs else None
    found = []
    for j in range(i - 1, max(-1, i - 1 - _GROUP_REACH), -1):
        x = qs[j]
        if out[j].part_of is not None or x.unit or doc.is_title(x.paragraph):
            continue
        if cat and x.category == cat or said and (said.search(doc.text, max(0, x.start - 30), x.start)
                                                   or said_after.match(doc.text, x.end, x.end + 50)):
            found.append(j)
    if not found or any(not qs[j].exact or qs[j].value != qs[found[0]].value for j in found) \
            or any(qs[k].update for k in range(found[-1], i)):
        return None  # two counts of the group, or one updated since (`later rose to 34`)
    return found[0]


def _clause_list(text: str, qs: list[Quantity], out: list[Quantity], first: int, whole: int | None) -> bool | None:
    """`Of the injured, 15 were taken to hospital and 36 were treated at the scene`; `Of the 60,
    41 were men, 12 were women and seven were children`: a list of clauses, each a count and what
    befell it, joined by `and` before the last, names every part of its whole when each clause
    says what was done to them (a participle) or each names a group by sex or age and none is
    within another. Marks its items and returns True; None when its groups are within each other
    (`15 were children and 20 were girls`: their sum is no count); False leaves them to the
    shorter lists."""
    if whole is None:
        return False
    items, preds, joiners = [first], [], []
    j = first
    while j + 1 < len(qs) and qs[j + 1].sentence == qs[first].sentence and out[j + 1].part_of is None \
            and qs[j + 1].unit == qs[j].unit:
        m = _CLAUSE_JOIN.fullmatch(text, qs[j].end, qs[j + 1].start)
        if not m:
            break
        preds.append(m.group(1))
        joiners.append(m.group(2).replace(" ", ""))
        j += 1
        items.append(j)
    last = _CLAUSE_LAST.match(text, qs[j].end)
    if len(items) < 2 or joiners[-1] not in ("and", ",and") or not last:
        return False
    end = re.search(r"[,;:.—–()]|$", text[last.end():last.end() + 100])
    preds.append(text[last.end() - len(last.group(1)):last.end() + (end.start() if end else 0)])
    nouns = [singular((p.lower().split() or [""])[0]) for p in preds]
    if any(within(a, b) for k, a in enumerate(nouns) for b in nouns[k + 1:] if a in SEX_AND_AGE and b in SEX_AND_AGE):
        return None
    if _LIST_NOT_ALL.match(text[last.end():last.end() + 60]) or any(not qs[k].exact for k in items) or not _disjoint(preds):
        return False
    for k in items:
        out[k] = replace(out[k], part_of=whole, part_list=first, exhaustive=True)
    return True


def _disjoint(preds: list[str]) -> bool:
    """Whether what each clause of a list says of its count keeps the counts apart: each a
    participle (`taken to hospital`, `treated at the scene`, `flown home`), or each a group by sex
    or age none of which is within another (`men`, `women`, `children`; not `children`, `girls`)."""
    from ..wordclass import is_class  # read on the first list of clauses only

    heads = [(p.lower().split() or [""])[0] for p in preds]
    if all(is_class("past", h, h) for h in heads) and len(set(preds)) == len(preds):
        return True
    nouns = [singular(h) for h in heads]
    return all(n in SEX_AND_AGE for n in nouns) and \
        not any(within(a, b) for k, a in enumerate(nouns) for b in nouns[k + 1:])
