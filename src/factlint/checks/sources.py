"""Source rules (S): a name spelled two ways in the article, and, with --source FILE, quotations,
figures and names that differ from the source copy."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis.quantities import Quantity
from ..analysis.spelling import name_key
from ..document import Document
from ..model import ERROR, WARNING, Hit, Ref
from ..registry import rule

_TRANSLATED = re.compile(
    r"\b(?:translat\w+|interpreter|in (?:Russian|French|Arabic|Spanish|German|Chinese|Mandarin|"
    r"Ukrainian|Turkish|Persian|Farsi|Hebrew|Japanese|Korean|Portuguese|Italian|Hindi|Urdu|"
    r"Indonesian|Malay|Polish|Dutch|Greek|Swahili|Amharic|Kazakh|Belarusian|Pashto|Dari))\b")


def _house_names(doc: Document) -> frozenset[str]:
    """Spellings the project's config accepts (`house-names`): never flagged as a variant."""
    return frozenset(n.casefold() for n in getattr(doc.options.get("config"), "house_names", ()))


def _sources(doc: Document) -> list[Document]:
    return doc.options.get("sources") or []


def _ref(src: Document, start: int, end: int, message: str) -> Ref:
    line, col, _, _ = src.position(start, end)
    return Ref(start, end, message, path=src.path, line=line, column=col)


@rule("S101", "name-variant", WARNING)
def name_variant(doc: Document) -> Iterator[Hit]:
    """A name spelled two ways in one article.

    What it flags: the minority spelling of a name, pointing at the majority spelling: a
    transliteration variant (`Tikhanovskaya` where the article writes `Tsikhanouskaya` twice;
    `De Klerck` beside `de Klerk`; `Hifter` beside `Haftar`), or a capitalised word used once
    that is one slip from a name the article uses at least twice (`Khrakiv` beside `Kharkiv`:
    two letters swapped, one dropped, doubled or changed), or from a long, rare name used once
    before it (`Talmazoka` after `Talmazovka`). A headline's spelling counts as the article's,
    though a headline itself is not reported. A handle or hashtag is not a spelling. A spelling
    that is a word or name of its own in English is left alone (`Iraq` beside `Iran`), and so are typography
    (`Mother’s`/`Mother's`, a hyphen left on a word), word endings (`Petrov`/`Petrova`), and two
    people who share a surname but not a given name. With `--source`, a name the source spells
    is left to S401: the source's spelling wins.

    Why it matters: readers and search engines take two spellings for two people or places, and
    the one that is wrong is usually the one the subject will complain about.

    Example:
        Sviatlana Tsikhanouskaya left for Lithuania. Tsikhanouskaya's allies said Tikhanovskaya would return.

    Instead:
        Sviatlana Tsikhanouskaya left for Lithuania. Tsikhanouskaya's allies said Tsikhanouskaya would return.
    """
    spoken: set[str] = set()
    for src in _sources(doc):
        from ..analysis.source_match import names_against  # only with --source (difflib)

        agreed, differ = names_against(doc, src)
        spoken |= agreed | {name_key(d.mention.surname) for d in differ}
    house = _house_names(doc)
    for v in doc.names.variants:
        if v.minority.casefold() in house:
            continue
        if name_key(v.minority) in spoken or name_key(v.majority) in spoken:
            continue  # the source decides this name (S401), so the article's majority does not
        major = v.first_majority
        where = "elsewhere" if v.settled else "earlier"
        for m in v.mentions:
            yield Hit(m.surname_start, m.surname_end,
                      f"‘{v.minority}’ is spelled ‘{v.majority}’ {where} in this article",
                      suggestion=_name_cased(v.majority, m.surname) if v.settled else None,
                      related=(Ref(major.surname_start, major.surname_end, f"spelled ‘{v.majority}’ here"),) if major else ())


def _quote_text(doc: Document, q) -> str:
    a, b = q.inner
    return doc.text[a:b]


def _continued(doc: Document, q) -> bool:
    """Does an unclosed quotation run on into the next paragraph, which opens with a quotation
    mark (the wire's way of quoting several paragraphs)? Then it is whole, and checked."""
    nxt = q.paragraph + 1
    if nxt >= len(doc.paragraphs) or q.end < doc.paragraphs[q.paragraph].end:
        return False
    return doc.text[doc.paragraphs[nxt].start:doc.paragraphs[nxt].start + 1] in ('"', "“", "„", "«")


_LETTERS = re.compile(r"[^\W\d_]{4,}")


def _is_title(inner: str) -> bool:
    """Are the quotation marks around a title or a name (`“Safe Water, Healthy Homes”`, a
    report, a campaign, a book) rather than someone's words? Every longer word capitalised."""
    words = _LETTERS.findall(inner)
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _checked_quotes(doc: Document):
    for q in doc.quotes:
        if q.kind != "double" or not (q.closed or _continued(doc, q)):
            continue
        inner = _quote_text(doc, q)
        if len(re.findall(r"\w+", inner)) < 3 or _is_title(inner):
            continue
        para = doc.paragraphs[q.paragraph]
        if _TRANSLATED.search(doc.text[para.start:para.end]):
            continue  # a translated quotation cannot be verbatim
        yield q, inner


@rule("S201", "quote-differs-from-source", ERROR)
def quote_differs_from_source(doc: Document) -> Iterator[Hit]:
    """A quotation that is not what the source says (needs --source).

    What it flags: a direct quotation whose words are not verbatim in any source file given with
    `--source` (wire copy, a transcript, a press release), when the source has a close passage:
    the message says what differs, word by word, and points at the passage. A partial quotation
    that is verbatim is fine; an ellipsis may skip words and a bracketed insertion stand for a
    few. A quotation that runs on into the next paragraph (no closing mark, the next paragraph
    opening with one) is checked too; a transcript's hesitations (`uh`, `um`) need not be
    quoted, and house style may respell a word (`organization` for `organisation`, `12` for
    `twelve`). Quotations marked as translated, said somewhere the source is not (`told the
    BBC`), or given to someone the source never mentions are left alone.

    Why it matters: a quotation is a promise that these were the speaker's exact words. A
    changed word, especially a dropped `not`, changes what they said.

    Source:
        The minister told parliament: "The deal is not dead yet, and we will keep talking."

    Example:
        The minister told parliament: “The deal is dead, and we will keep talking.”

    Instead:
        The minister told parliament the deal was “not dead yet”.
    """
    sources = _sources(doc)
    if not sources:
        return
    from ..analysis.source_match import quoted_from_elsewhere  # only with --source (difflib)

    for src in sources:
        index = src.word_index
        for q, inner in _checked_quotes(doc):
            if index.verbatim(inner):
                continue
            passage = index.closest(inner)
            if passage is None or passage.ratio < 0.6 or quoted_from_elsewhere(doc, q, sources):
                continue  # not this passage, or said to someone else (`told the BBC`) in other words
            said = src.text[passage.start:passage.end]
            diffs = "; ".join(passage.diffs[:3])
            yield Hit(q.start, q.end,
                      f"this quotation is not verbatim in {src.path}: the source says “{said}” ({diffs})",
                      related=(_ref(src, passage.start, passage.end, "the closest passage in the source"),))


@rule("S202", "quote-not-in-source", WARNING)
def quote_not_in_source(doc: Document) -> Iterator[Hit]:
    """A quotation that the source files do not contain at all (needs --source).

    What it flags: a direct quotation of three words or more with no close passage in any
    source given with `--source`. It may come from another interview, which is fine if the copy
    says so; it may also be invented or misremembered. A quotation given to a person no source
    names (`said Ana Ruiz, a nurse at the clinic`), or to anyone of a kind the source never
    mentions (`said one cleaner`), is from the reporter's own interview and is left alone; one
    given to the source's speaker, or to no one by name, is checked. Quotation marks around a
    title (every longer word capitalised: a report, a campaign) hold no quotation.

    Why it matters: when a desk checks copy against a transcript, every quotation should be in
    it or have another named source.

    Source:
        The minister said talks would continue next week.

    Example:
        “We will never sign this agreement,” the minister said.

    Instead:
        The minister said talks would continue next week.
    """
    sources = _sources(doc)
    if not sources:
        return
    from ..analysis.source_match import quoted_from_elsewhere  # only with --source

    for q, inner in _checked_quotes(doc):
        if quoted_from_elsewhere(doc, q, sources):
            continue  # the reporter's own interview: no source was meant to hold it
        best = 0.0
        for src in sources:
            index = src.word_index
            if index.verbatim(inner):
                best = 1.0
                break
            p = index.closest(inner)
            best = max(best, p.ratio if p else 0.0)
        if best < 0.6:
            yield Hit(q.start, q.end, "this quotation is not in the source files given with --source")


_FILLER = frozenset("would will be is was were are been of at to the a an about by around reach reached "
                    "totalled totaled total stood stands stand put estimated some nearly almost more "
                    "than over under up rose fell rise fall its their his her this that at least "
                    # the words of another figure before it (`rose 12 percent to €3.4 billion`)
                    "percent per cent hundred thousand million billion trillion".split())


def _key(doc: Document, q: Quantity) -> tuple[str, str]:
    """What a figure counts, for matching it with the source: its category, the noun after it,
    or for a bare amount the noun it is the value of (`the deficit would be €3.8 billion`)."""
    if q.category:
        return q.category, q.unit
    noun = (q.head.split() or [""])[-1].lower().rstrip("s")
    if q.unit not in ("", "percent") or noun in ("year", "month", "week", "day", "time"):
        noun = ""  # an amount of money is the value of the noun before it: the deficit
    if not noun:
        s = doc.sentences[q.sentence]
        before = re.findall(r"[A-Za-z]+", doc.text[s.start:q.start])
        noun = next((w.lower() for w in reversed(before) if w.lower() not in _FILLER), "")
    return noun, q.unit


# a figure that is the subject of a passive or perfect verb, directly or as `N of the X`:
# `13 have been admitted`, `Eleven of the patients were admitted`, `40 of them had been freed`
_PREDICATE = re.compile(r"(?:\s+of\s+(?:the|those|these|them)(?:\s+[a-z]+){0,2}?)?,?\s+"
                        r"(?:have|has|had|were|was|are|is)\s+(?:been\s+|since\s+been\s+)?([a-z]+(?:ed|en|wn))\b")


def _predicate_key(doc: Document, q: Quantity) -> tuple[str, str]:
    """What happened to what a figure counts, for a figure with no noun of its own: the verb it
    is the subject of (`13 have been admitted` and `Eleven of the patients have been admitted`
    both count the admitted)."""
    m = _PREDICATE.match(doc.text, q.end)
    return ("~" + m.group(1), q.unit) if m else ("", "")


def _telling(q: Quantity) -> bool:
    """A value specific enough that two texts giving it give the same figure (not `two`)."""
    return q.value >= 10 or q.value != int(q.value)


def _restated(doc: Document, values: set[tuple[float, str]]) -> dict[int, int]:
    """For each sentence, how many of its figures the source gives too (`18 percent`). A
    sentence with a change in it (`fell 18 percent to NOK 4.72 billion`) that gives one of the
    source's figures restates the source rather than moving on from it: its other figures are
    the source's, and are compared with them."""
    out: dict[int, int] = {}
    for q in doc.quantities:
        if _telling(q) and (q.value, q.unit) in values:
            out[q.sentence] = out.get(q.sentence, 0) + 1
    return out


@rule("S301", "figure-differs-from-source", ERROR)
def figure_differs_from_source(doc: Document) -> Iterator[Hit]:
    """A figure that differs from the source's figure for the same thing (needs --source).

    What it flags: `€8.3 billion` where the source says `€3.8 billion` for the same budget;
    `nine provinces` where it says `Seven provinces`; `27 people were detained` where it says
    72. A figure matches the source's when it counts the same thing (the same category, or the
    same noun and unit, or with no noun the same thing done to them: `13 have been admitted`
    beside `Eleven of the patients have been admitted`) and their intervals overlap (`about
    2,500` matches 2,400). A sentence that reports a change is compared when another of its
    figures is the source's (`fell 18 percent to NOK 4.72 billion`), not when it moves on from
    the source (`later rose to 90`). A sentence that shares a figure with a sentence of the
    source restates it: one figure of a unit left unmatched on each side, its digits one slip
    from the other's, is one figure given two ways (`£4.8m, up from £3.1m` against `£8.4
    million, compared with £3.1 million`).

    Why it matters: figures are the facts most often mistyped between a source and the copy,
    and transposed digits survive every read-through.

    Source:
        Floods have hit seven provinces and displaced 12,000 people, the agency said.

    Example:
        Floods have hit nine provinces and displaced 12,000 people, the agency said.

    Instead:
        Floods have hit seven provinces and displaced 12,000 people, the agency said.
    """
    for src in _sources(doc):
        theirs: dict[tuple[str, str], list[Quantity]] = {}
        for sq in src.quantities:
            for k in (_key(src, sq), _predicate_key(src, sq)):
                if k[0]:
                    theirs.setdefault(k, []).append(sq)
        values = {(sq.value, sq.unit) for sq in src.quantities if _telling(sq)}
        restated = _restated(doc, values)
        unmatched: list[Quantity] = []
        for q in doc.quantities:
            own = _telling(q) and (q.value, q.unit) in values
            k = _key(doc, q)
            cands = theirs.get(k) if k[0] else None
            if not cands:  # no noun to go by: what happened to them (`13 have been admitted`)
                k = _predicate_key(doc, q)
                cands = theirs.get(k) if k[0] else None
            if cands and any(q.overlaps(c) for c in cands):
                continue
            if not cands or (q.update and restated.get(q.sentence, 0) <= own):
                # nothing to go by, or a figure that moved on since the source (`later rose to 90`)
                if not own:
                    unmatched.append(q)
                continue
            c = min(cands, key=lambda c: abs(c.value - q.value))
            yield _differs(doc, src, q, c, f"the same {k[0]}")
        for q, c in _left_over(doc, src, unmatched):
            yield _differs(doc, src, q, c, "its place in the sentence this one restates")


def _differs(doc: Document, src: Document, q: Quantity, c: Quantity, what: str) -> Hit:
    return Hit(q.start, q.end,
               f"{q.text.strip()} here, but the source ({src.path}) says {c.text.strip()} for {what}",
               suggestion=_cased_like(c.text.strip(), doc.text[q.start:q.end]),
               related=(_ref(src, c.start, c.end, f"the source's figure: {c.text.strip()}"),))


def _left_over(doc: Document, src: Document, unmatched: list[Quantity]) -> Iterator[tuple[Quantity, Quantity]]:
    """Figures that nothing else matched, read against the source sentence their sentence
    restates: a sentence of the article that shares a figure with a sentence of the source
    (`up from £3.1m` ... `compared with £3.1 million`) says what that sentence says, so when one
    figure of a unit is left on each side after the shared ones, the two are the same figure
    (`£4.8m` ... `£8.4 million`)."""
    if not unmatched:
        return
    theirs_by_value: dict[tuple[float, str], set[int]] = {}
    theirs_by_sentence: dict[int, list[Quantity]] = {}
    for sq in src.quantities:
        theirs_by_sentence.setdefault(sq.sentence, []).append(sq)
        if _telling(sq):
            theirs_by_value.setdefault((sq.value, sq.unit), set()).add(sq.sentence)
    ours_by_sentence: dict[int, list[Quantity]] = {}
    for q in doc.quantities:
        ours_by_sentence.setdefault(q.sentence, []).append(q)
    for q in unmatched:
        if not _telling(q) or (not q.unit and _yearlike(q)):
            continue
        ours = [o for o in ours_by_sentence[q.sentence] if o.unit == q.unit]
        aligned = {t for o in ours_by_sentence[q.sentence] if _telling(o)
                   for t in theirs_by_value.get((o.value, o.unit), ())}
        for t in sorted(aligned):
            theirs = [c for c in theirs_by_sentence[t] if c.unit == q.unit]
            left = [c for c in theirs if not any(o.overlaps(c) for o in ours)]
            mine = [o for o in ours if not any(o.overlaps(c) for c in theirs)]
            if (len(left) == 1 and mine == [q] and _telling(left[0]) and _slip_of(q.text, left[0].text)
                    and _same_role(_role(doc, q), _role(src, left[0]))):
                yield q, left[0]
                break


_BEFORE = re.compile(r"([^\W\d_]+)\W*(?:(?:the|a|an|its|their|his|her)\s+)?[^\w\s]*$", re.I)


def _role(doc: Document, q: Quantity) -> str:
    """The preposition a figure stands after (`from 4.3 percent`, `above the 3.4 percent`), which
    says what it is to the sentence: a start, an end, a comparison; "" when none."""
    from ..wordclass import is_class

    m = _BEFORE.search(doc.text, max(0, q.start - 40), q.start)
    word = m.group(1).lower() if m else ""
    return word if is_class("preposition", word, word) else ""


def _same_role(a: str, b: str) -> bool:
    """Can two figures stand in the same place of what their sentences say? Not when each
    stands after another preposition (`fell to 4.1 percent from 4.3` in the source; `still above
    the 3.4 percent recorded before the pandemic` in the article is another figure)."""
    return not (a and b and a != b)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _slip_of(a: str, b: str) -> bool:
    """Are two figures' digits one slip apart: the same digits in another order (48/84), one digit
    changed, added or dropped? A figure the source does not give at all (`up from 60 per cent
    last year` beside the source's 71 per cent) is news from elsewhere, not a slip."""
    x, y = _digits(a), _digits(b)
    if not x or not y or x == y:
        return False
    if len(x) == len(y):
        return sorted(x) == sorted(y) or sum(c != d for c, d in zip(x, y, strict=True)) == 1
    short, long_ = sorted((x, y), key=len)
    return len(long_) == len(short) + 1 and any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _yearlike(q: Quantity) -> bool:
    """A bare whole number that reads as a year (`2026`): a date, not a figure to compare."""
    return q.exact and q.value == int(q.value) and 1800 <= q.value <= 2100


def _name_cased(spelling: str, written: str) -> str:
    """A name's right spelling in the case of the place it replaces: a headline in capitals
    keeps its capitals."""
    return spelling.upper() if written.isupper() and len(written) > 1 else spelling


def _cased_like(new: str, old: str) -> str:
    """The source's words for a figure with the capital of the place they go to: `Seven` that
    starts the source's sentence is `seven` inside the article's, and the reverse."""
    first = new.split(" ", 1)[0]
    if old[:1].islower() and first.isalpha() and first.istitle():
        return new[:1].lower() + new[1:]
    if old[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


@rule("S401", "name-differs-from-source", WARNING)
def name_differs_from_source(doc: Document) -> Iterator[Hit]:
    """A name spelled differently from the source (needs --source; the source's spelling wins).

    What it flags: `Tikhanovskaya` in the copy where the wire or the press release writes
    `Tsikhanouskaya`; `Lukashenka` where it writes `Lukashenko`; `Paulo Gentilloni` where it
    writes `Paolo Gentiloni`. The evidence is S101's (a transliteration rule, vowels alone, or
    one slip), without S101's counting: one spelling in the source outweighs any number in the
    copy. Given names must be compatible (`Paulo`/`Paolo`; different given names mean different
    people), and a spelling that is a word or name of its own is left alone.

    Why it matters: the source, usually the subject's own office or the wire, has the spelling
    the subject uses.

    Source:
        Opposition leader Sviatlana Tsikhanouskaya said she would return to Minsk.

    Example:
        Opposition leader Sviatlana Tikhanovskaya said she would return to Minsk.

    Instead:
        Opposition leader Sviatlana Tsikhanouskaya said she would return to Minsk.
    """
    for src in _sources(doc):
        from ..analysis.source_match import names_against  # only with --source (difflib)

        for d in names_against(doc, src)[1]:
            m, sm = d.mention, d.source_mention
            if m.surname.casefold() in _house_names(doc):
                continue
            yield Hit(m.surname_start, m.surname_end,
                      f"‘{m.surname}’ is spelled ‘{d.spelling}’ in the source ({src.path})",
                      suggestion=_name_cased(d.spelling, m.surname),
                      related=(_ref(src, sm.surname_start, sm.surname_end, f"spelled ‘{d.spelling}’ here"),))
