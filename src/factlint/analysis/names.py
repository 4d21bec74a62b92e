"""Names: proper names of people, places and organisations, with titles stripped, particles kept
(`de Klerk`, `bin Salman`, `de la Cruz`), possessives and sentence-initial capitals normalised;
and the spellings of one name that differ (`Tsikhanouskaya` / `Tikhanovskaya`).

Jaro-Winkler alone cannot tell variants from different people (`Biden` / `Baden` score 0.88), so a
pair is a variant only with more evidence: a transliteration rule makes them equal (`kh`/`h`,
`-yev`/`-ev`, `-iy`/`-y`, `ck`/`k`, `ou`/`ov`), or both are long (8+ letters) and differ by at most
two edits with the same first letter and ending. Two people who share a surname but not a first
name (`Kim Jong Un` / `Kim Jong Nam`, `Ana Smith` / `Bo Smyth`) are not variants."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

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
assemblyman congressman congresswoman former late acting interim""".split())
NOT_NAMES = frozenset("""the a an in on at by for from to of and or but with as after before during
this that these those it its he she they we i you his her their our there here when where while
however meanwhile nevertheless but also although though if since until because so then yet
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december today yesterday tomorrow according several some
many most more other others all both each every no not one two three four five six seven eight
nine ten mr mrs ms dr""".split())

_PARTICLE = "|".join(sorted(PARTICLES, key=len, reverse=True))
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


@dataclass
class NameAnalysis:
    mentions: list[NameMention]
    variants: list[Variant]

    def spellings(self) -> Counter:
        return Counter(m.surname for m in self.mentions)


@lru_cache(maxsize=50_000)
def translit_key(word: str) -> str:
    """A spelling with transliteration choices folded: Nazarbayev/Nazarbaev, Klerk/Klerck,
    Zelenskyy/Zelensky, Tsikhanouskaya's `ou`/`ov`."""
    from anyascii import anyascii

    w = anyascii(word).lower().replace("'", "").replace("-", "")
    for a, b in (("kh", "h"), ("ck", "k"), ("ph", "f"), ("yev", "ev"), ("yov", "ev"), ("iy", "y"),
                 ("yy", "y"), ("ii", "i"), ("ou", "ov"), ("ya", "ia"), ("yu", "iu"), ("w", "v"),
                 ("dh", "d"), ("th", "t"), ("ee", "i"), ("oo", "u"), ("q", "k"), ("x", "ks")):
        w = w.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", w)


@lru_cache(maxsize=20_000)
def is_variant(a: str, b: str) -> bool:
    """Are two different spellings one name written two ways (not two names)?"""
    if a == b or a.lower() == b.lower():
        return False
    if min(len(a), len(b)) < 5:
        return False
    if translit_key(a) == translit_key(b):
        return True
    from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

    x, y = a.lower(), b.lower()
    return (min(len(x), len(y)) >= 8 and x[0] == y[0] and x[-2:] == y[-2:]
            and DamerauLevenshtein.distance(x, y) <= 2 and JaroWinkler.similarity(x, y) >= 0.9)


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
    return _without_possessive(text[offset:]), start + offset


def _without_possessive(body: str) -> str:
    """`Tsikhanouskaya's` -> `Tsikhanouskaya`, `Jones'` -> `Jones`."""
    if body[-1] in "’'":
        return body[:-1]
    if body[-2:-1] in ("’", "'") and body[-1] == "s":
        return body[:-2]
    return body


def find_names(doc: Document) -> list[NameMention]:
    text = doc.text
    toks, where = doc.tokens, doc.token_positions

    seen: dict[str, bool] = {}

    def common(word: str) -> bool:
        """Does the article also write this word in lower case (a common word, not a name)?"""
        low = word.lower().replace("’", "'")
        found = seen.get(low)
        if found is None:
            found = seen[low] = any(text[toks[i].start].islower() for i in where.get(low, ()))
        return found

    sent_starts = {s.start for s in doc.sentences}
    out = []
    for k, p in enumerate(doc.paragraphs):
        if doc.is_title(k):
            continue
        for m in _NAME.finditer(text, p.start, p.end):
            start = m.start()
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
                body = _without_possessive(raw)
                low = body.lower()
                if low in NOT_NAMES or low in TITLES or common(body):
                    continue
                surname, first, s_start = body, "", start
            else:
                stripped = _strip(text[start:m.end()], start)
                if stripped is None:
                    continue
                body, start = stripped
                words = body.split()
                surname = words[-1]
                if surname.lower() in NOT_NAMES or surname.lower() in TITLES:
                    continue
                if len(words) == 1 and common(surname):
                    continue
                first = words[0] if len(words) > 1 and words[0].lower() not in PARTICLES else ""
                s_start = start + body.rindex(surname)
            initial = start in sent_starts or text[max(p.start, start - 2):start].strip(" “\"‘'(") == "" and (
                start == p.start or text[start - 2:start] in (". ", "! ", "? ", "“", '"'))
            out.append(NameMention(start, start + len(body), body, first, surname, s_start,
                                   s_start + len(surname), initial))
    return out


def _firsts(mentions: list[NameMention], surname: str) -> set[str]:
    return {m.first for m in mentions if m.surname == surname and m.first}


def _candidate_pairs(spellings: list[str]) -> list[tuple[str, str]]:
    """Pairs worth testing, found by bucketing, not by comparing every pair: the same
    transliteration key, or (for long names) the same first letter and ending."""
    by_key: dict[str, list[str]] = {}
    by_shape: dict[tuple[str, str], list[str]] = {}
    for sp in spellings:
        if len(sp) < 5:
            continue
        by_key.setdefault(translit_key(sp), []).append(sp)
        if len(sp) >= 8:
            low = sp.lower()
            by_shape.setdefault((low[0], low[-2:]), []).append(sp)
    pairs = []
    for group in (*by_key.values(), *by_shape.values()):
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                pairs.append((a, b))
    return pairs


def variants_between(mentions: list[NameMention]) -> list[Variant]:
    counts = Counter(m.surname for m in mentions)
    first_seen: dict[str, int] = {}
    for i, m in enumerate(mentions):
        first_seen.setdefault(m.surname, i)
    spellings = sorted(counts, key=lambda s: first_seen[s])
    pairs = sorted({tuple(sorted(p, key=lambda s: first_seen[s])) for p in _candidate_pairs(spellings)},
                   key=lambda p: (first_seen[p[0]], first_seen[p[1]]))
    out = []
    used: set[str] = set()
    for a, b in pairs:
        if a in used or b in used or not is_variant(a, b):
            continue
        fa, fb = _firsts(mentions, a), _firsts(mentions, b)
        if fa and fb and not any(x == y or is_variant(x, y) for x in fa for y in fb):
            continue  # two people who share a surname
        major, minor = (a, b) if counts[a] >= counts[b] else (b, a)
        used.add(minor)
        out.append(Variant(
            minor, major, [m for m in mentions if m.surname == minor],
            next(m for m in mentions if m.surname == major)))
    return out


def _first_names(mentions: list[NameMention]) -> list[NameMention]:
    """First names as mentions of their own, so that `Chadwick Boseman` ... `Chadwik` is caught."""
    return [NameMention(m.start, m.start + len(m.first), m.first, "", m.first, m.start,
                        m.start + len(m.first), m.sentence_initial) for m in mentions if m.first]


def analyse_names(doc: Document) -> NameAnalysis:
    mentions = find_names(doc)
    pool = sorted(mentions + _first_names(mentions), key=lambda m: m.surname_start)
    return NameAnalysis(mentions, variants_between(pool))
