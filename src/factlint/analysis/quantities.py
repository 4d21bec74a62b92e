"""Quantities: every count in an article as an interval, with what it counts.

`about 2,500 troops` -> 2,250-2,750 troops; `at least 18 members of the security forces were
killed` -> 18-inf killed (who: members of the security forces); `the 29 victims` -> exactly 29,
a definite total; `dozens` -> 24-99. Hedges, vague words, ranges, money and percentages are
read; years, dates, times, ages, scores, measurements and numbers inside names are not counts.
What a count counts comes from a lexicon (rules/lexicon/quantities.toml) an editor can extend."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..document import scan
from ..spans import SpanSet
from .lexicon import lexicon_data, user_lexicons
from .nouns import head_noun
from .parts import link_parts

if TYPE_CHECKING:
    from ..document import Document

INF = math.inf

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000,
          "mn": 1_000_000, "tn": 1_000_000_000_000}
# vague amounts as intervals (NOTES.md: a starting point, tuned on the clean corpus)
VAGUE = {
    "a few": (2, 5), "few": (2, 5), "a couple of": (2, 3), "a handful of": (2, 6),
    "several": (3, 9), "a dozen": (12, 12), "dozens of": (24, 99), "dozens": (24, 99),
    "scores of": (40, 99), "hundreds of": (200, 999), "hundreds": (200, 999),
    "thousands of": (2_000, 9_999), "thousands": (2_000, 9_999),
    "tens of thousands of": (20_000, 99_999), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands of": (200_000, 999_999), "hundreds of thousands": (200_000, 999_999),
    "millions of": (2_000_000, 9_999_999), "millions": (2_000_000, 9_999_999),
}
HEDGES = {
    # hedge: kind
    "about": "approx", "around": "approx", "some": "approx", "roughly": "approx",
    "approximately": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx",
    "nearly": "nearly", "almost": "nearly", "just under": "nearly", "close to": "nearly",
    "at least": "min", "no fewer than": "min", "no less than": "min", "a minimum of": "min",
    "more than": "over", "over": "over", "upwards of": "over", "in excess of": "over",
    "above": "over", "well over": "over", "just over": "over", "well above": "over",
    "up to": "max", "at most": "max", "as many as": "max", "no more than": "max",
    "a maximum of": "max", "fewer than": "under", "less than": "under", "under": "under",
    "below": "under", "not more than": "max",
}
# hedges by their last word, longest first: a hedge is whole words just before the number
_HEDGES_BY_LAST = {last: [h for h in sorted(HEDGES, key=len, reverse=True) if h.split()[-1] == last]
                   for last in {h.split()[-1] for h in HEDGES}}
_TAIL_WORD = re.compile(r"[^\W\d_]+$")
_NUMBER_WORD_LIST = sorted([*UNITS, *TENS, "dozen", "hundred", "thousand", "million", "billion"], key=len, reverse=True)
_NUMBER_WORDS = "|".join(_NUMBER_WORD_LIST)
# Every matcher below is tried only where it can begin (a digit, a number word, a vague word,
# `between`), found from the document's word index or by a digit-first scan the regex engine
# runs at C speed; none is tried at every character of the article.
_NUM = re.compile(
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>million|billion|trillion|bn|mn|tn|m|k)\b)?"
    r"(?P<pct>\s*(?:%|percent\b|per cent\b))?",
    re.I,
)
# a currency sign just before the figure: US$5, €20, Rs 500
_CURRENCY_BEFORE = re.compile(r"(?:US\$|A\$|C\$|[$€£¥]|(?<![\w])Rs\.?\s?)$")
_NUM_WORDS = re.compile(
    r"\b(?P<words>(?:(?:" + _NUMBER_WORDS + r")\b(?:[\s-]+(?:and\s+)?)?)+)"
    r"(?P<pct>\s*(?:%|percent\b|per cent\b))?",
    re.I,
)
_VAGUE_RE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True)) + r")\b", re.I)
_VAGUE_FIRST = tuple(sorted({v.split()[0] for v in VAGUE}))
_RANGE = re.compile(
    r"\b(?:between\s+(?P<a>[\d,.]+)\s+and\s+(?P<b>[\d,.]+)|(?P<c>[\d,.]+)\s*(?:-|–|to)\s*(?P<d>[\d,.]+))"
    r"(?:\s*(?P<scale>million|billion))?", re.I)

# words after a number that show it is not a count of something the rules compare
NOT_COUNTS = frozenset(
    """years year-old year-olds months month weeks week days day hours hour minutes minute seconds
    km kilometres kilometers miles mile metres meters feet foot ft inches inch cm mm kg kilograms
    pounds lb tonnes tons mph km/h degrees °c °f am pm a.m p.m o'clock th st nd rd times gb mb
    acres hectares square sq litres liters gallons barrels points goals runs wickets laps
    storeys stories floors calories mg ml ppm per""".split()
)
UNIT_WORDS = {"percent": "percent", "per cent": "percent", "%": "percent"}
_CURRENCY_WORDS = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "yen": "JPY", "yuan": "CNY",
                   "rupees": "INR", "rubles": "RUB", "roubles": "RUB", "francs": "CHF"}
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "A$": "AUD", "C$": "CAD"}
_DEFINITE = re.compile(r"\b(?:the|all|all the|all of the|those|these|its|their)\s+$", re.I)
# words that say a figure has changed or been revised (`rose to`, `up from`, `so far`)
UPDATE_PHRASES = (
    "rose", "risen", "rises", "rising", "climbed", "climbs", "increased", "increases", "jumped",
    "grew", "went up", "fell", "dropped", "declined", "decreased", "revised", "updated", "later",
    "now", "so far", "as of", "has reached", "had reached", "reached", "to date", "total rose",
    "totalled rose", "totaled rose", "brought the", "bringing the", "up from", "down from",
    "from an earlier", "previously", "initially", "originally", "earlier", "first reported",
)
# `earlier this week`, `later on Monday` say when, not that a figure changed
UPDATE_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, UPDATE_PHRASES), key=len, reverse=True)) + r")\b"
    r"(?<!\bearlier)(?<!\blater)|\b(?:earlier|later)\b(?!\s+(?:this|that|today|tonight|on|in)\b)", re.I)
_UPDATE_FIRST = tuple(sorted({p.split()[0] for p in UPDATE_PHRASES}))
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_ONE_OF = re.compile(r"\s+(?:of\s+)?(?:the\s+)?[a-z]+")  # `one of the ...`, `one man`: not the pronoun


@dataclass(frozen=True)
class Quantity:
    """A number in the text as an interval, with what it counts."""

    start: int
    end: int
    text: str
    low: float
    high: float
    value: float  # the stated number (midpoint for vague words and ranges)
    hedge: str = ""  # approx, nearly, min, over, max, under, range, vague, or "" (exact)
    unit: str = ""  # "", "percent", or a currency code
    category: str = ""  # killed, injured, arrested ... ("" when unknown)
    noun: str = ""  # the head noun of what it counts, singular (`police officers` -> officer)
    category_span: tuple[int, int] | None = None
    who: str = ""  # the counted group, normalised ("people" when generic)
    head: str = ""  # the noun phrase after the number, as written
    place: str = ""
    definite: bool = False
    part_of: int | None = None  # index of the quantity this one is a part of
    part_list: int | None = None  # index of the first part of the list this part is listed in
    exhaustive: bool = False  # a part of a list that names every part (`15 people — eight X and nine Y`)
    update: bool = False
    sentence: int = 0
    paragraph: int = 0
    harm: bool = False

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def overlaps(self, other: Quantity) -> bool:
        return self.low <= other.high and other.low <= self.high

    def describe(self) -> str:
        return self.text.strip()


@dataclass
class Lexicon:
    verbs: dict[str, str] = field(default_factory=dict)  # phrase -> category
    nouns: dict[str, str] = field(default_factory=dict)
    harm: set[str] = field(default_factory=set)
    generic: set[str] = field(default_factory=set)
    max_verb_words: int = 1
    max_noun_words: int = 1
    # the lengths in words of the verb (noun) phrases that begin with a word, longest first, and
    # of the verb or noun phrases that end with one: a word most phrases do not begin with costs
    # one lookup, not a join and a lookup for every length up to the longest phrase's
    verb_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    noun_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    ending_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)


@lru_cache(maxsize=16)
def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The quantity lexicon: the shipped one extended by the user's files (paths)."""
    lex = Lexicon()
    for data in lexicon_data("quantities", extra):
        for name, cat in data.get("category", {}).items():
            for v in cat.get("verbs", []):
                lex.verbs[v.lower()] = name
            for n in cat.get("nouns", []):
                lex.nouns[n.lower()] = name
            if cat.get("harm"):
                lex.harm.add(name)
        lex.generic |= {w.lower() for w in data.get("who", {}).get("generic", [])}
    lex.max_verb_words = max((len(v.split()) for v in lex.verbs), default=1)
    lex.max_noun_words = max((len(n.split()) for n in lex.nouns), default=1)
    lex.verb_lengths = _lengths_by(lex.verbs, 0)
    lex.noun_lengths = _lengths_by(lex.nouns, 0)
    lex.ending_lengths = _lengths_by([*lex.verbs, *lex.nouns], -1)
    return lex


def _lengths_by(phrases, at: int) -> dict[str, tuple[int, ...]]:
    """{word: lengths in words of the phrases whose word `at` (0: first, -1: last) it is, longest
    first}. A phrase is its words joined by single spaces, as the lookups join them."""
    out: dict[str, set[int]] = {}
    for ph in phrases:
        words = ph.split(" ")
        out.setdefault(words[at], set()).add(len(words))
    return {w: tuple(sorted(ks, reverse=True)) for w, ks in out.items()}


def words_value(text: str) -> float | None:
    """`twenty-one` -> 21, `two hundred` -> 200, `three thousand five hundred` -> 3500."""
    total, current = 0, 0
    seen = False
    for w in re.split(r"[\s-]+", text.lower()):
        if not w or w == "and":
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "dozen":  # `two dozen hostages`: 24, not two
            current = max(current, 1) * 12
        elif w in ("thousand", "million", "billion"):
            total += max(current, 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def _interval(n: float, hedge: str) -> tuple[float, float]:
    if hedge == "approx":
        rnd = n >= 10 and n % 10 == 0
        d = n * (0.10 if rnd else 0.05)
        return n - d, n + d
    if hedge == "nearly":
        return n * 0.9, n
    if hedge == "min":
        return n, INF
    if hedge == "over":
        return n + 1e-9, INF
    if hedge == "max":
        return 0, n
    if hedge == "under":
        return 0, n - 1e-9
    return n, n


def extract(doc: Document, lex: Lexicon) -> list[Quantity]:
    text = doc.text
    # numbers inside dates are not counts
    skipped = SpanSet((m.start, m.end) for m in doc.dates.mentions if m.kind != "relative").overlaps
    raw: list[tuple[int, int, float, float, float, str, str]] = []  # start, end, low, high, value, hedge, unit
    taken = SpanSet()

    def free(s: int, e: int) -> bool:
        return not taken.overlaps(s, e)

    numbers = doc.number_starts
    for m in scan(_RANGE, text, sorted({*numbers, *doc.word_starts(("between",))})):
        a, b = m.group("a") or m.group("c"), m.group("b") or m.group("d")
        try:
            x, y = float(a.replace(",", "")), float(b.replace(",", ""))
        except ValueError:
            continue
        if m.group("c") and re.search(r"\d\s*[-–]\s*\d", m.group(0)):
            # `10-12 people` is a range; `3-1` a score, `9-11` a date: a hyphen range must be
            # followed by what it counts
            nxt = _word_at(text, m.end())
            if not nxt or nxt in NOT_COUNTS or not nxt.isalpha() or nxt in ("win", "victory", "defeat", "loss", "lead", "draw"):
                continue
        scale = SCALES.get((m.group("scale") or "").lower(), 1)
        if x >= y or skipped(m.start(), m.end()):
            continue
        raw.append((m.start(), m.end(), x * scale, y * scale, (x + y) / 2 * scale, "range", ""))
        taken.add(m.start(), m.end())
    for m in scan(_VAGUE_RE, text, doc.word_starts(_VAGUE_FIRST)):
        if not free(m.start(), m.end()):
            continue
        lo, hi = VAGUE[m.group(0).lower()]
        raw.append((m.start(), m.end(), lo, hi, (lo + hi) / 2, "vague", ""))
        taken.add(m.start(), m.end())
    figures = [(m, _currency_before(text, m.start())) for m in scan(_NUM, text, numbers)]
    figures += [(m, "") for m in scan(_NUM_WORDS, text, doc.word_starts(_NUMBER_WORD_LIST))]
    figures.sort(key=lambda f: f[0].start() - len(f[1]))
    for m, cur in figures:
        s, e = m.start() - len(cur), m.end()
        g = m.groupdict()
        if "words" in g:  # trim the spaces, hyphens and `and` a word-number match swallowed
            e = s + len(_trim_words(text[s:e]))
        if not free(s, e) or skipped(s, e):
            continue
        if g.get("digits"):
            ds, de = m.start("digits"), m.end("digits")
            before, after = text[max(0, ds - 1):ds], text[de:de + 1]
            if before and (before.isalnum() or before in "-/.:#") and not cur:
                continue  # COVID-19, F-16, 3/4, 6:30, #5
            if after and (after.isalpha() and not m.group("scale") or after in "/:" or (after == "." and text[de + 1:de + 2].isdigit())):
                continue  # 1st, 3D, 24/7, version numbers
            if after == "-" and re.match(r"-\d", text[de:de + 2]):
                continue  # scores 3-1, phone numbers
            digits = m.group("digits").replace(",", "")
            if _YEAR.match(digits) and "," not in m.group("digits") and not cur and not m.group("pct") \
                    and not _hedge_before(text, s):
                nxt = re.match(r"\s+([a-z]+)", text[de:de + 30])
                # a year unless a count noun follows: `1,990 people`, but `the 2020 election`
                if not nxt or not (_is_plural(nxt.group(1)) or nxt.group(1) in lex.nouns):
                    continue
            value = float(digits)
            scale = m.group("scale")
            if scale:
                value *= SCALES[scale.lower()]
        else:
            words = m.group("words").strip(" -")
            value = words_value(words)
            if value is None:
                continue
            if words.lower() in ("one",) and not _ONE_OF.match(text, e, e + 20):
                continue  # `one` as a pronoun
        unit = ""
        if m.group("pct"):
            unit = "percent"
        elif cur:
            unit = _CURRENCY_SIGNS.get(cur.strip(), cur.strip())
        raw.append((s, e, value, value, value, "", unit))
        taken.add(s, e)
    raw.sort()
    out: list[Quantity] = []
    # sentences that say a figure changed (`rose to`, `so far`): read once for the article
    updates = {doc.sentence_at(m.start()) for m in scan(UPDATE_WORDS, text, doc.word_starts(_UPDATE_FIRST))}
    for s, e, lo, hi, value, kind, unit in raw:
        q = _describe(doc, lex, s, e, lo, hi, value, kind, unit, updates)
        if q is not None:
            out.append(q)
    return link_parts(doc, out)


def _hedge_before(text: str, s: int) -> tuple[int, str] | None:
    """The hedge just before a number and where it starts: `more than 300` -> (start, "more than").
    `Moreover 20 people` has none: a hedge is whole words."""
    pre = text[max(0, s - 25):s]
    if not pre or not pre[-1].isspace():
        return None
    body = pre.rstrip().lower()
    last = body.rsplit(None, 1)[-1]
    if not last.isalpha():  # `(about 95`
        tail = _TAIL_WORD.search(last)
        last = tail.group() if tail else ""
    for h in _HEDGES_BY_LAST.get(last, ()):
        if body.endswith(h):
            at = len(body) - len(h)
            if at == 0 and s - 25 > 0 or at > 0 and (body[at - 1].isalnum() or body[at - 1] in "’'-"):
                continue  # cut off by the window, or part of a longer word
            return max(0, s - 25) + at, h
    return None


def _trim_words(w: str) -> str:
    """`twenty-five and ` -> `twenty-five`."""
    while True:
        while w and (w[-1].isspace() or w[-1] == "-"):
            w = w[:-1]
        if len(w) > 3 and w.endswith("and") and w[-4].isspace():
            w = w[:-3]
            continue
        return w


def _currency_before(text: str, start: int) -> str:
    m = _CURRENCY_BEFORE.search(text, max(0, start - 4), start)
    return m.group() if m else ""


_WORD_AT = re.compile(r"\s*([A-Za-z%°/.'’-]+)")


def _word_at(text: str, pos: int) -> str:
    m = _WORD_AT.match(text, pos, pos + 30)
    return m.group(1).lower().rstrip(".") if m else ""


_UNIT_AFTER = re.compile(
    r"-(?:year|month|week|day|hour|minute|metre|meter|kilometre|km|mile|foot|storey|story|point|seat)", re.I)
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\s*$")


def _describe(doc, lex, s, e, lo, hi, value, kind, unit, updates: set[int]) -> Quantity | None:
    text = doc.text
    nxt = _word_at(text, e)
    if not unit and nxt in NOT_COUNTS:
        return None
    if not unit and nxt in _CURRENCY_WORDS:
        unit = _CURRENCY_WORDS[nxt]
    if not unit and _UNIT_AFTER.match(text, e, e + 12):
        return None  # 78-year-old, 10-day, 4-1 win
    # aged 78, age 78, No. 5, Room 101, Flight 370, page 5
    prev = _WORD_BEFORE.search(text, max(0, s - 12), s)
    pw = prev.group(1).lower() if prev else ""
    if pw in ("aged", "age", "ages", "no.", "number", "room", "flight", "page", "chapter", "section",
              "article", "route", "highway", "interstate", "platform", "gate", "apollo", "boeing",
              "airbus", "model", "version", "level", "grade", "category", "class", "week", "day",
              "round", "stage", "game", "season", "episode", "vol.", "volume", "rule", "item",
              "bill", "resolution", "proposition", "prop.", "district", "ward", "precinct", "term"):
        return None
    hedge = kind
    if not hedge:
        found = _hedge_before(text, s)
        if found:
            hedge = HEDGES[found[1]]
            s = found[0]
            lo, hi = _interval(value, hedge)
    sent = doc.sentence_at(s)
    sspan = doc.sentences[sent] if doc.sentences else None
    s_lo, s_hi = (sspan.start, sspan.end) if sspan else (0, len(text))
    definite = bool(_DEFINITE.search(text[max(s_lo, s - 14):s]))
    category, cspan, who, head = _what(doc, lex, s, e, s_lo, s_hi)
    place = _place(text, e, s_hi)
    update = sent in updates
    para = doc.paragraph_at(s)
    return Quantity(
        start=s, end=e, text=text[s:e], low=lo, high=hi, value=value, hedge=hedge, unit=unit,
        category=category, noun=head_noun(head), category_span=cspan, who=who, head=head, place=place, definite=definite,
        update=update, sentence=sent, paragraph=para, harm=category in lex.harm,
    )


_TOKEN = re.compile(r"[A-Za-z][\w’'-]*|[,;:()“”\"—–.!?]")
_STOP_HEAD = frozenset("and or but who which that were was are is have has had been be will would "
                       "could said says told in on at by for from with after before during as to".split())


def _what(doc, lex: Lexicon, s: int, e: int, lo: int, hi: int) -> tuple[str, tuple[int, int] | None, str, str]:
    """What the number counts: (category, where the category word stands, who, head phrase)."""
    text = doc.text
    # a number's noun phrase and verb stand within a few words of it: the head phrase reads at
    # most 8 words and the verb 6 after it; the words before are read back at most 5 linking
    # words and one verb phrase. Words are read as strings; where one stands is found only for
    # the word that names the category.
    a_end, b_start, n_before = min(hi, e + 160), max(lo, s - 120), lex.max_verb_words + 5
    after = _TOKEN.findall(text, e, a_end)[:14]
    before = _TOKEN.findall(text, b_start, s)[-n_before:]

    def span_after(i: int, j: int) -> tuple[int, int]:
        # each word found where the last one ended: no letter or mark a word can begin with
        # stands between two of them, so the first place a word is found is where it stands
        at, first = e, e
        for k in range(j + 1):
            at = text.find(after[k], at)
            if k == i:
                first = at
            at += len(after[k])
        return first, at

    def span_before(i: int, j: int) -> tuple[int, int]:
        found = list(_TOKEN.finditer(text, b_start, s))[-n_before:]
        return found[i].start(), found[j].end()

    # the noun phrase after the number: up to the first verb-ish or stop word ("18 members of the
    # security forces were killed" -> "members of the security forces")
    head_words: list[str] = []
    for w in after:
        lw = w.lower().strip("’'")
        if lw in _STOP_HEAD and not (lw in ("of",) and head_words) or not w[0].isalpha():
            if lw == "of" or (lw == "the" and head_words and head_words[-1].lower() == "of"):
                head_words.append(w)
                continue
            break
        if lw in lex.verbs and lw not in lex.nouns and head_words:
            break
        prev_w = head_words[-1].lower() if head_words else ""
        compound = prev_w in _MODIFIER_PLURALS and _is_plural(lw) and not lw.endswith("ed")
        if head_words and lw not in ("of", "the") and not compound and (
                _is_plural(prev_w) or (prev_w in lex.nouns and not (_is_plural(lw) and not lw.endswith("ed")))):
            break  # `others carried banners`, `the 320 dead included`: the phrase ends at its noun
        head_words.append(w)
        if len(head_words) >= 7:
            break
    while head_words and head_words[-1].lower() in ("of", "the"):
        head_words.pop()
    head = " ".join(head_words)
    # where the category word stands is found once, for the word chosen: (after?, first, last)
    category, cat_at = "", None
    # a count noun in the head: `72 detainees`, `40 deaths`, `2,500 troops`
    lower = [w.lower().strip("’'").replace("‘", "") for w in head_words]
    noun_lengths = lex.noun_lengths
    for i in range(len(lower)):
        for k in noun_lengths.get(lower[i], ()):
            if k > len(lower) - i:
                continue
            phrase = " ".join(lower[i:i + k]) if k > 1 else lower[i]
            if phrase in lex.nouns:
                category, cat_at = lex.nouns[phrase], (True, i, i + k - 1)
                break
        if category:
            break
    # a verb that says what happened to them: after the head (`were killed`, `died`, `18 killed`)
    # (past a group coordinated with it: `Four pensioners and a boy were hurt`)
    n = len(head_words)
    n += _conjunct_after(lex, after, n)
    verb_cat, where = _verb_in(lex, after[n:n + 6])
    verb_at = (True, n + where[0], n + where[1]) if where else None
    if not verb_cat:
        # or before the number: `killed 27 people`, `the death toll rose to 40`, `arrested more than`,
        # `hurt a boy and three pensioners`
        verb_cat, where = _before_number(lex, before[:len(before) - _conjunct_before(lex, before)])
        verb_at = (False, *where) if where else None
    if verb_cat and (not category or category in ("victims",) or lex_is_people(category)):
        category, cat_at = verb_cat, verb_at
    if category == "" and head_words and lower and lower[0] in lex.verbs:
        category, cat_at = lex.verbs[lower[0]], (True, 0, 0)
    cspan = None
    if cat_at:
        cspan = (span_after if cat_at[0] else span_before)(cat_at[1], cat_at[2])
    who = _who(lex, lower, category)
    return category, cspan, who, head


# plurals that also name what another noun is (`police officers`, `staff members`)
_MODIFIER_PLURALS = frozenset("police staff crew security".split())
_PLURALS = frozenset("people men women children police personnel staff crew militia youth cattle "
                     "police".split())


def _is_plural(word: str) -> bool:
    w = word.lower().strip("’'")
    return w in _PLURALS or (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")))


def lex_is_people(category: str) -> bool:
    return category in ("troops", "protesters")


def _verb_in(lex: Lexicon, toks: list[str]) -> tuple[str, tuple[int, int] | None]:
    """The verb phrase among the words just after a count's head: (category, (first, last)
    word index) or ("", None). Only auxiliaries and adverbs may stand before it."""
    words = [w.lower() for w in toks]
    n = len(words)
    verb_lengths = lex.verb_lengths
    for i in range(n):
        if not words[i][0].isalpha():
            if words[i] in ",;:":
                break
            continue
        for k in verb_lengths.get(words[i], ()):
            if k > n - i:
                continue
            phrase = " ".join(words[i:i + k]) if k > 1 else words[i]
            if phrase in lex.verbs:
                return lex.verbs[phrase], (i, i + k - 1)
        if words[i] not in ("were", "was", "have", "has", "had", "been", "are", "is", "reportedly",
                            "later", "also", "all", "being", "who", "that", "now", "still", "confirmed"):
            break
    return "", None


_LINKING = frozenset("to at the a an all of rose risen rises climbed reached stood stands stand "
                     "was were is are had has have been jumped increased grew totalled totaled "
                     "put".split())


# what may begin a noun phrase coordinated with a count (`a boy and three pensioners`)
_CONJUNCT_DETERMINERS = frozenset(["a", "an", "the", "another", "his", "her", "their", "its", *UNITS])


def _conjunct_word(lex: Lexicon, word: str) -> bool:
    """Can this word be (part of) the noun phrase of a group coordinated with a count? Not a
    verb of the lexicon, a linking or stop word, nor punctuation."""
    w = word.lower()
    return w.isalpha() and w not in lex.verbs and w not in _LINKING and w not in _STOP_HEAD


def _conjunct_after(lex: Lexicon, after: list[str], n: int) -> int:
    """How many words after a count's head are a group coordinated with it (`and a man` in
    `Four pensioners and a boy were hurt`): 0 when there is none."""
    if n == 0 or len(after) <= n + 1 or after[n].lower() != "and":
        return 0
    i = n + 1
    if after[i].lower() in _CONJUNCT_DETERMINERS:
        i += 1
    k = i
    while k < len(after) and k - i < 2 and _conjunct_word(lex, after[k]) and after[k][:1].islower():
        k += 1
    return k - n if k > i else 0


def _conjunct_before(lex: Lexicon, before: list[str]) -> int:
    """How many words just before a count are a group coordinated with it (`a man and` in
    `hurt a boy and three pensioners`): 0 when there is none."""
    if len(before) < 2 or before[-1].lower() != "and":
        return 0
    i = len(before) - 1
    k = i
    while k > 0 and i - k < 2 and _conjunct_word(lex, before[k - 1]) and before[k - 1][:1].islower() \
            and before[k - 1].lower() not in _CONJUNCT_DETERMINERS:
        k -= 1
    if k == i:
        return 0
    if k > 0 and before[k - 1].lower() in _CONJUNCT_DETERMINERS:
        k -= 1
    return len(before) - k


def _before_number(lex: Lexicon, before: list[str]) -> tuple[str, tuple[int, int] | None]:
    """What the words just before a number say it counts: `killed 27`, `detained more than`,
    `the death toll rose to 40`, `arrests reached 2,000`. Only linking words may stand between.
    Returns (category, (first, last) word index) or ("", None)."""
    words = [w.lower() for w in before]
    i = len(words) - 1
    while i >= 0 and words[i] in _LINKING and i >= len(words) - 4:
        i -= 1
    if i < 0 or len(words) - i > 5:
        return "", None
    for k in lex.ending_lengths.get(words[i], ()):
        if k > min(lex.max_verb_words, i + 1):
            continue
        phrase = " ".join(words[i - k + 1:i + 1])
        cat = lex.verbs.get(phrase) or lex.nouns.get(phrase)
        if cat:
            return cat, (i - k + 1, i)
    return "", None


def _who(lex: Lexicon, lower: list[str], category: str) -> str:
    """Who is counted, without the words that say what happened to them or name the count:
    `missing miners` -> miners; `detainees`, `people`, `victims` -> people (generic)."""
    words = [w for w in lower if w not in ("the", "of", "more", "other", "others")]
    core = [w for w in words if not (w in lex.verbs or w in lex.nouns)]
    if "of" in lower:  # `members of the security forces`: the group is the phrase, not its noun
        return " ".join(core[:5]) if core and core[0] not in lex.generic else "people"
    if not core or core[0] in lex.generic or core[-1] in lex.generic:
        return "people"  # `people`, `33 Russian individuals`
    return " ".join(core[:5])


_PLACE = re.compile(r"\b(?:in|at|near|across|throughout)\s+((?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)")
_NOT_PLACES = frozenset(m.lower() for m in ("January February March April May June July August September "
                                             "October November December Monday Tuesday Wednesday "
                                             "Thursday Friday Saturday Sunday").split())


def _place(text: str, e: int, hi: int) -> str:
    for m in _PLACE.finditer(text, e, min(hi, e + 80)):
        if m.group(1).split()[-1].lower() not in _NOT_PLACES:
            return m.group(1)
    return ""


def find_quantities(doc: Document) -> list[Quantity]:
    return extract(doc, load_lexicon(user_lexicons(doc, "quantities")))
