"""Names: proper names of people, places and organisations, with titles stripped, particles kept
(`de Klerk`, `bin Salman`, `de la Cruz`), possessives cut off (`Kazakhstan's President Tokayev` is
two names); and the spellings of one name that differ in one article.

Similarity alone cannot tell a variant from another name (`Biden` / `Baden`, `Iran` / `Iraq`), so
a minority spelling is reported only with evidence of two kinds (see spelling.py and
known_words.py): the spellings relate by a transliteration rule, by their vowels alone, or by one
keyboard slip (`Khrakiv` used once beside `Kharkiv` used twice); and the minority spelling is not
a word or name of its own in English (`Guiana` beside `Guyana` is). Typography is never a
variant (`Mother’s` / `Mother's`, `White-` / `White`). Two people who share a surname but not a
given name (`Kim Jong Un` / `Kim Jong Nam`), or a given name but not a surname, are two people.
Spellings are compared through an index of their keys, never pair by pair."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from .spelling import SpellingIndex, bare, given_names_compatible, name_key, relation
from .spelling import translit_key as translit_key  # re-exported: part of this module's API

if TYPE_CHECKING:
    from ..document import Document

PARTICLES = frozenset("de da del della dei di du dos das van von der den ter ten bin ibn al el la le "
                      "st abu ben".split())
TITLES = frozenset("""president prime minister mr mrs ms miss dr gen general sen senator rep
representative gov governor mayor king queen prince princess judge justice chancellor secretary
chairman chairwoman chair chief captain capt colonel col lt lieutenant sgt sergeant pope sheikh
sir dame lord lady bishop archbishop rev reverend father officer detective coach deputy vice
opposition leader state foreign defence defense interior finance health education economy
ambassador commissioner inspector superintendent professor prof emperor empress ayatollah imam
rabbi cardinal patriarch general-secretary speaker councillor councilor assemblywoman
assemblyman congressman congresswoman former late acting interim executive financial operating
managing director ceo cfo coo spokesman spokeswoman spokesperson councilmember alderman alderwoman
sheriff commander attorney solicitor treasurer comptroller coroner magistrate constable""".split())
NOT_NAMES = frozenset("""the a an in on at by for from to of and or but with as after before during
this that these those it its he she they we i you his her their our there here when where while
however meanwhile nevertheless but also although though if since until because so then yet
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december today yesterday tomorrow according several some
many most more other others all both each every no not one two three four five six seven eight
nine ten mr mrs ms dr later earlier now still instead again last next first finally recently
previously eventually separately elsewhere afterwards soon once already even only just perhaps
indeed thus therefore hence nonetheless otherwise besides moreover furthermore likewise similarly
initially subsequently currently""".split())

# words that begin place names, never given names: `South Carolina` and `North Carolina` are not
# two people, so a slip in one (`South Caorlina`) is a slip of the name they share
PLACE_WORDS = frozenset("north south east west northern southern eastern western central new upper "
                        "lower greater great little old saint st san santa port fort mount lake cape".split())

# longest first; alike in length, alphabetical: the same pattern text every run (see regex_cache)
_PARTICLE = "|".join(sorted(PARTICLES, key=lambda p: (-len(p), p)))
# capitalised words in a row, particles allowed between (`Juan de la Cruz`); written to begin with
# the capital, so the regex engine skips to capitals at C speed; a particle before the first
# capital (`de Klerk`) is read back from the text (_PARTICLE_BEFORE)
_NAME = re.compile(
    r"(?P<first>[A-Z][\w’'-]*[a-z][\w’'-]*)"
    r"(?:\s+(?:(?:" + _PARTICLE + r")\s+)*[A-Z][\w’'-]*[a-z][\w’'-]*)*")
_PARTICLE_BEFORE = re.compile(r"(?<![\w’'-])(?:" + _PARTICLE + r")\s+$")


class NameMention(NamedTuple):
    """A name as written (a tuple: an article holds hundreds)."""

    start: int
    end: int
    text: str  # as written, title stripped, possessive dropped
    first: str  # first name ("" for a single-word name)
    surname: str  # the last word (particles kept apart)
    surname_start: int
    surname_end: int
    sentence_initial: bool


@dataclass
class Variant:
    """A minority spelling of a name and the majority spelling it should be."""

    minority: str
    majority: str
    mentions: list[NameMention] = field(default_factory=list)  # of the minority spelling
    first_majority: NameMention | None = None
    kind: str = ""  # how the two spellings relate (spelling.relation)
    settled: bool = True  # the article uses the majority spelling more often than the minority


@dataclass
class NameAnalysis:
    mentions: list[NameMention]
    variants: list[Variant]

    def spellings(self) -> Counter:
        return Counter(m.surname for m in self.mentions)


def is_variant(a: str, b: str) -> bool:
    """Are two different spellings one name written two ways, by spelling evidence alone?
    (Whether either is a word or name of its own is known_words' question.)"""
    return relation(a, b) is not None


def _strip(text: str, start: int) -> tuple[str, int] | None:
    """Drop leading titles and a trailing possessive: `President Sviatlana Tsikhanouskaya's` ->
    `Sviatlana Tsikhanouskaya`."""
    words = text.split()
    offset = 0
    while words and (words[0].lower().rstrip(".") in TITLES or words[0].lower() in NOT_NAMES):
        offset = text.index(words[1], offset + len(words[0])) if len(words) > 1 else len(text)
        words = words[1:]
    if not words:
        return None
    body = bare(text[offset:])
    return (body, start + offset) if body else None


# a word that ends in a possessive, followed by more of the run: the run is cut after it
_POSSESSIVE_WORD = re.compile(r"\S+?(?:['’]s|s['’])(?=\s)")
_RUN_WORD = re.compile(r"\S+")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run of capitalised words cut after each possessive and before each title inside it:
    `Kazakhstan's President Tokayev`, `Ridus’ Ustream` and `United States President Donald
    Trump` are two names each, not one (the title is stripped from the second)."""
    run = text[start:end]
    words = run.split()
    titled = any(w.lower().rstrip(".") in TITLES for w in words[1:])
    if not titled and "'" not in run and "’" not in run:
        return [(start, end)]
    cuts = [m.end() for m in _POSSESSIVE_WORD.finditer(text, start, end)]
    if titled:
        cuts += [w.start() for w in _RUN_WORD.finditer(text, start, end)
                 if w.start() > start and w.group().lower().rstrip(".") in TITLES]
    out = []
    for cut in sorted(set(cuts)):
        piece = text[start:cut].rstrip()
        if piece:
            out.append((start, start + len(piece)))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append((start, end))
    return out


def _lower_case_test(doc: Document) -> Callable[[str], bool]:
    """A test: does the article also write this word in lower case (a common word, not a name)?
    Asked word by word, and remembered, as most words are never asked about."""
    text, toks, where = doc.text, doc.tokens, doc.token_positions
    seen: dict[str, bool] = {}

    def common(word: str) -> bool:
        low = word.lower().replace("’", "'")
        found = seen.get(low)
        if found is None:
            found = seen[low] = any(text[toks[i].start].islower() for i in where.get(low, ()))
        return found

    return common


def find_names(doc: Document, common: Callable[[str], bool] | None = None) -> list[NameMention]:
    text = doc.text
    common = common or _lower_case_test(doc)
    sent_starts = {s.start for s in doc.sentences}
    out = []

    def add(start: int, body: str, first: str, surname: str, s_start: int, p_start: int) -> None:
        initial = start in sent_starts or text[max(p_start, start - 2):start].strip(" “\"‘'(") == "" and (
            start == p_start or text[start - 2:start] in (". ", "! ", "? ", "“", '"'))
        out.append(NameMention(start, start + len(body), body, first, surname, s_start,
                               s_start + len(surname), initial))

    for p in doc.paragraphs:  # headlines too: an editor's spelling there is evidence
        for m in _NAME.finditer(text, p.start, p.end):
            start = m.start()
            if start > p.start and text[start - 1] in "@#":
                continue  # a handle or a hashtag is written as its owner chose, not a name in prose
            particle = None
            if start > p.start and text[start - 1].isspace():
                before = text[max(p.start, start - 8):start].split()
                last = before[-1] if before else ""
                if (last[-2:] in PARTICLES or last[-3:] in PARTICLES or last[-4:] in PARTICLES
                        or last[-5:] in PARTICLES):  # `de Klerk`, `(de Klerk`: is it a word of its own?
                    particle = _PARTICLE_BEFORE.search(text, max(p.start, start - 8), start)
                    if particle:
                        start = particle.start()
            if particle is None and m.end("first") == m.end():
                # one capitalised word, the usual case: `The`, `President`, `Kazakhstan's`
                raw = m.group()
                low = raw.lower()
                if low in NOT_NAMES or low.rstrip(".") in TITLES:
                    continue
                body = bare(raw)
                low = body.lower()
                if not body or low in NOT_NAMES or low in TITLES or common(body):
                    continue
                add(start, body, "", body, start, p.start)
                continue
            for a, b in _pieces(text, start, m.end()):
                stripped = _strip(text[a:b], a)
                if stripped is None:
                    continue
                body, a = stripped
                words = body.split()
                surname = words[-1]
                if surname.lower() in NOT_NAMES or surname.lower() in TITLES:
                    continue
                if len(words) == 1 and common(surname):
                    continue
                # `Hurricane Humberto`, `Tropical Storm Humberto`: a word the article also
                # writes in lower case is no given name
                first = words[0] if (len(words) > 1 and words[0].lower() not in PARTICLES
                                     and words[0].lower() not in PLACE_WORDS
                                     and not common(words[0])) else ""
                add(a, body, first, surname, a + body.rindex(surname), p.start)
    return out


class _Spelling:
    """One spelling of a name (typography folded) and what the article writes with it."""

    __slots__ = ("shown", "mentions", "given", "family", "alone", "as_given")

    def __init__(self) -> None:
        self.shown = ""  # as the article writes it most often
        self.mentions: list[NameMention] = []
        self.given: set[str] = set()  # given names written before it (it is a surname there)
        self.family: set[str] = set()  # surnames written after it (it is a given name there)
        self.alone = False  # written as a name on its own (`Ortiz said`), as surnames are
        self.as_given = 0  # mentions as a given name


_WORD_IN_NAME = re.compile(r"[A-Z][\w’'-]*[a-z][\w’'-]*")


def _spellings(mentions: list[NameMention], common: Callable[[str], bool]) -> list[_Spelling]:
    """Every word of every name grouped by spelling, in the order the article first uses them,
    with the given names and surnames written beside each. The words before a surname count as
    names of their own (`Chadwik Boseman`, `Native Ameircan Rights Fund`), except those the
    article also writes in lower case (`Hurricane`, `Northern`)."""
    groups: dict[str, _Spelling] = {}

    def add(mention: NameMention, given: str, family: str) -> None:
        key = name_key(mention.surname)
        g = groups.get(key)
        if g is None:
            g = groups[key] = _Spelling()
        g.mentions.append(mention)
        if given:
            g.given.add(given)
        if family:
            g.family.add(family)
            g.as_given += 1
        if mention.text == mention.surname:
            g.alone = True

    for m in mentions:  # in the order of the text, and so is each word of a name
        if m.surname_start > m.start:
            for k, w in enumerate(_WORD_IN_NAME.finditer(m.text, 0, m.surname_start - m.start)):
                word = bare(w.group())
                if word and not common(word):
                    a = m.start + w.start()
                    add(NameMention(a, a + len(word), word, "", word, a, a + len(word), m.sentence_initial),
                        "", m.surname if k == 0 and m.first else "")
        add(m, m.first, "")
    for g in groups.values():
        forms = {m.surname for m in g.mentions}
        g.shown = (g.mentions[0].surname if len(forms) == 1
                   else Counter(m.surname for m in g.mentions).most_common(1)[0][0])
    return list(groups.values())


def two_people(given_a: set[str], given_b: set[str], family_a: set[str] = frozenset(),
               family_b: set[str] = frozenset()) -> bool:
    """Do the names written beside two spellings show two people: given names that cannot be one
    person's (`Kim Jong Un` / `Kim Jong Nam`), or one given name with two surnames?"""
    if given_a and given_b and not any(given_names_compatible(x, y) for x in given_a for y in given_b):
        return True
    return bool(family_a and family_b and not any(
        name_key(x) == name_key(y) or relation(x, y) for x in family_a for y in family_b))


def _outweighs(major: _Spelling, minor: _Spelling, kind: str) -> bool:
    """Is `major` the spelling `minor` should be? A slip is a name used once beside one used at
    least twice (or beside a long, rare one used once before it: _twin_slip); other variants go to the spelling used more often, or the first on a tie (then
    there is no suggestion: the article does not say which is right)."""
    a, b = len(major.mentions), len(minor.mentions)
    if kind == "slip":
        return b == 1 and (a >= 2 or _twin_slip(major, minor) or _one_family(major, minor))
    return a > b or (a == b and major.mentions[0].surname_start < minor.mentions[0].surname_start)


TWIN_LETTERS = 7  # two spellings used once each are compared only when this long


def _long(g: _Spelling) -> bool:
    return len(name_key(g.shown)) >= TWIN_LETTERS


def _one_family(first: _Spelling, later: _Spelling) -> bool:
    """Two given names one slip apart before the same surname, the first written first
    (`Katarzyna Nowak` ... `Katarzyan Nowak`): one person, as two people of one family rarely
    have names a keystroke apart (and common names are each a name of their own, which the
    caller asks: `Marian` / `Marion`)."""
    return (len(first.mentions) == 1 and first.mentions[0].surname_start < later.mentions[0].surname_start
            and bool({name_key(f) for f in first.family} & {name_key(f) for f in later.family}))


def _twin_slip(first: _Spelling, later: _Spelling) -> bool:
    """Two long spellings used once each, one keyboard slip apart with the same first and last
    letters, neither a word or name English text uses much (`Tlaquepaque` ... `Tlaquepque`,
    `Shuvalov` ... `Suvalov`): a slip in one of them, though the article cannot say which; it is
    reported where it comes second. A different ending is another word on the same stem
    (`Piedrabuenarte` / `Piedrabuenartv`), and two common spellings are two names."""
    from .known_words import FLOOR, zipf

    ka, kb = name_key(first.shown), name_key(later.shown)
    return (len(first.mentions) == 1 and first.mentions[0].surname_start < later.mentions[0].surname_start
            and _long(first) and _long(later) and ka[0] == kb[0] and ka[-1] == kb[-1]
            and zipf(first.shown) < FLOOR and zipf(later.shown) < FLOOR)


def variants_between(mentions: list[NameMention], common: Callable[[str], bool] = lambda w: False) -> list[Variant]:
    from .known_words import known_beside

    groups = _spellings(mentions, common)
    by_shown = {g.shown: g for g in groups}
    # one given name with two surnames is two people only where each is only ever a given name,
    # of a surname the article uses on its own as it does a person's (`Tamsin Hale` ... `Hale
    # said`), not `United` in `United States` and `United States Joe Biden`
    alone = {g.shown for g in groups if g.alone}

    def family(g: _Spelling) -> set[str]:
        return g.family if g.as_given == len(g.mentions) and g.family <= alone else set()

    # one slip from a spelling is looked for only where the article uses that spelling twice,
    # or where it is long enough to be compared with another used once (_twin_slip)
    index = SpellingIndex()
    for g in groups:
        index.add(g.shown, edits=len(g.mentions) >= 2 or _long(g) or bool(g.family))
    chosen: dict[int, tuple[_Spelling, _Spelling, str]] = {}
    for g in groups:
        options = []
        for other in index.near(g.shown):
            c = by_shown[other]
            kind = relation(g.shown, c.shown)
            if kind and _outweighs(c, g, kind) and not two_people(
                    g.given, c.given, family(g), family(c)):
                options.append((c, kind))
        options.sort(key=lambda o: (-len(o[0].mentions), o[0].mentions[0].surname_start))
        # asked last, as it loads the word list: is the minority a word or name of its own?
        best = next((o for o in options if not known_beside(g.shown, o[0].shown, o[1] == "slip")), None)
        if best:
            chosen[id(g)] = (g, *best)
    out = []
    for g, c, kind in chosen.values():
        seen = {id(g)}
        while id(c) in chosen and id(c) not in seen:  # a slip of a variant: the name it should be
            seen.add(id(c))
            c = chosen[id(c)][1]
        if c is not g:
            out.append(Variant(g.shown, c.shown, g.mentions, c.mentions[0], kind,
                               len(c.mentions) > len(g.mentions)))
    return out


def analyse_names(doc: Document) -> NameAnalysis:
    common = _lower_case_test(doc)
    mentions = find_names(doc, common)
    variants = []
    # a headline's spelling counts towards the article's usual one, but a headline is not
    # reported for differing from the body: it may shorten or respell for space and style
    for v in variants_between(mentions, common):
        v.mentions = [m for m in v.mentions if not doc.is_title(doc.paragraph_at(m.start))]
        if v.mentions:
            variants.append(v)
    return NameAnalysis(mentions, variants)
