#!/usr/bin/env python3
"""Plant one error a wire editor would catch in copies of clean published articles.

Usage: plant_errors.py CORPUS_DIR OUT_DIR [--seed N]   (then: case_eval.py OUT_DIR)

The planter reads the copy as a reader does, from the text alone: it imports nothing from factlint
and reads none of its lexicons, packs or extractors, so what it plants is not limited to what the
rules already understand. Its few word lists (months, reporting verbs, harm words, confusable
pairs) are its own. Kinds (family in brackets):

  count-altered [N]             a count given twice (`38 countries` ... `38 countries`) altered once
                                by transposed digits or a nearby value
  harm-total-contradicted [N]   a casualty or arrest figure restated as a definite total that
                                cannot be true (`at least 14 killed` ... `the 12 people killed`)
  parts-not-summing [N]         the parts listed after a total no longer summing to it
  weekday-shifted [D]           a weekday given with a date it does not fall on
  impossible-date [D]           a date that does not exist (`April 31`)
  relative-day-contradicted [D] `yesterday` given with a date that is not the day before publication
  name-misspelt [S]             a proper noun used three or more times misspelt once (two letters
                                transposed, a doubled letter dropped, one letter changed)
  confusable-swapped [W]        a word swapped for its confusable from the planter's own list
  attribution-removed [A]       the reporting clause removed from a sentence with a casualty,
                                arrest or crowd figure or a forecast, the only one in its paragraph
  motive-unsourced [A]          a motive clause (`in an attempt to ...`) stripped of its source

Where the copy has no natural spot, some kinds INSERT a realistic sentence built from the article's
own words: count-altered restates a count at a later `the NOUN` (`the countries` -> `the 83
countries`); harm-total-contradicted ends the figure's paragraph with `The 12 people killed have
not yet been named.`; parts-not-summing adds `Of the 14 people killed, nine were men and seven were
women.`; weekday-shifted adds a weekday to a date (`on October 6` -> `on Monday, October 6`);
relative-day-contradicted writes `yesterday (October 6)` for a date days before publication, or
adds a wrong date to a `yesterday`. Everything else alters words already there.

Deterministic: each (seed, article, kind) has its own random generator. One error per article
copy. Each plant records its kind, family, line, the `near` text of the planted words (and `alt`
places that count too, such as the other mention of an altered count). Case files written to
OUT_DIR are NAME.txt + NAME.expect.toml in the format case_eval.py reads. Block quotations listed in
a corpus's SOURCES.tsv (`quoted_lines`) and text inside quotation marks are not the reporter's
voice: figures, dates and attributions are planted only outside them.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

SEED = 13

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
MONTH_ABBR = {"Jan.": 1, "Feb.": 2, "Aug.": 8, "Sept.": 9, "Sep.": 9, "Oct.": 10, "Nov.": 11, "Dec.": 12}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
WORD_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90})
NUMBER = r"\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
# what a count may not be followed by: units, times, money and the like are measures, not counts
NOT_COUNTED = set("""percent per cent years year months month days day hours hour minutes minute
seconds second weeks week km miles mile metres meters metre meter kilometres kilometers kg tonnes
tons degrees million billion thousand hundred times am pm a.m. p.m. of to and or the in at on by
for from with than as o'clock km2 mph""".split())
PLURAL_PEOPLE = {"people", "persons", "children", "men", "women"}
# words ending in s that are not plural nouns
NOT_PLURAL = set("""was is has does this thus his its hers ours yours plus across perhaps always
unless whereas sometimes besides towards afterwards nevertheless less us yes bus gas news""".split())
REPORTING = r"said|says|say|told|tells|reported|reports|announced|announces|stated|states|confirmed|" \
            r"confirms|estimated|estimates|added|adds|claimed|claims|wrote|writes|tweeted|according|" \
            r"citing|quoted|explained|noted|insisted|argued|warned|alleged"
HARM = {"killed": "killed", "dead": "killed", "died": "killed", "deaths": "killed", "killing": "killed",
        "fatalities": "killed", "injured": "injured", "wounded": "injured", "hurt": "injured",
        "injuring": "injured", "wounding": "injured", "arrested": "arrested", "arrests": "arrested",
        "arresting": "arrested", "detained": "detained", "detaining": "detained"}
CROWD = r"protesters|demonstrators|marchers|people (?:marched|gathered|rallied|attended|took part|protested)"
FORECAST = r"\b(?:(?:is|are|was|were) (?:expected|forecast|projected|predicted|likely) to|will (?:rise|fall|" \
           r"grow|increase|decrease|drop|reach|double|triple|exceed|top|climb|decline|shrink|cost|" \
           r"lose|gain|hit)|could (?:reach|rise|exceed|top|cost|double))\b"
MOTIVE = r"\bin (?:an|a) (?:attempt|effort|bid) to\b|\bin retaliation for\b|\bin revenge for\b|" \
         r"\bas (?:a )?(?:punishment|retaliation|revenge) for\b|\b(?:was|were|is|are) (?:aimed at|" \
         r"designed to|intended to|meant to)\b|\bto punish\b|\bto cover up\b|\bto distract\b"
# (right, wrong): the planter's own confusables, each direction an error where the right word stood
CONFUSABLES = [
    ("protesters", "Protestants"), ("protester", "Protestant"), ("than", "then"), ("then", "than"),
    ("its", "it's"), ("it's", "its"), ("their", "there"), ("there", "their"), ("whose", "who's"),
    ("who's", "whose"), ("lose", "loose"), ("losing", "loosing"), ("loose", "lose"),
    ("flout", "flaunt"), ("flouted", "flaunted"), ("flouting", "flaunting"), ("flaunt", "flout"),
    ("flaunted", "flouted"), ("defuse", "diffuse"), ("defused", "diffused"), ("diffuse", "defuse"),
    ("rein in", "reign in"), ("reined in", "reigned in"), ("reins", "reigns"), ("reign", "rein"),
    ("pore over", "pour over"), ("poring over", "pouring over"), ("pored over", "poured over"),
    ("toe the line", "tow the line"), ("toe the party line", "tow the party line"),
    ("bated breath", "baited breath"), ("principal", "principle"), ("principle", "principal"),
    ("principles", "principals"), ("counsel", "council"), ("council", "counsel"),
    ("complement", "compliment"), ("complementary", "complimentary"), ("compliment", "complement"),
    ("discreet", "discrete"), ("discrete", "discreet"), ("forgo", "forego"), ("elicit", "illicit"),
    ("illicit", "elicit"), ("affect", "effect"), ("effect", "affect"), ("breach", "breech"),
    ("led", "lead"), ("cite", "site"), ("cited", "sited"), ("waive", "wave"), ("waived", "waved"),
    ("hoard", "horde"), ("horde", "hoard"), ("stationary", "stationery"), ("averse", "adverse"),
]


GRAMMATICAL = {"than", "then", "its", "it's", "their", "there"}
CONFUSABLE = dict(CONFUSABLES)
CONFUSABLE_WORDS = re.compile(r"(?<![\w’'-])(?:" + "|".join(
    re.escape(right).replace("'", "['’]") for right in sorted(CONFUSABLE, key=len, reverse=True))
    + r")(?![\w’'-])", re.I)


@dataclass(frozen=True)
class Plant:
    corpus: str
    stem: str
    kind: str
    family: str
    text: str  # the article copy with the error in it
    line: int  # 1-based line of the planted words
    near: str  # text on that line the finding must touch (its first occurrence there is the plant)
    published: str
    why: str
    alt: tuple[tuple[int, str], ...] = ()  # other places that count, such as the other mention

    @property
    def name(self) -> str:
        return f"{self.stem}.{self.kind}"


@dataclass
class Article:
    """An article as the planter reads it: paragraphs (one per line), what is quoted, its date."""

    corpus: str
    stem: str
    text: str
    published: dt.date | None
    quoted_lines: frozenset[int] = frozenset()
    common: frozenset[str] = frozenset()  # words the corpus writes in lower case somewhere
    starts: list[int] = field(init=False)
    memo: dict = field(init=False, repr=False, default_factory=dict)  # readings shared by planters

    def __post_init__(self) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def paragraphs(self) -> Iterator[tuple[int, int, str]]:
        """(line number, offset, text) of each body paragraph: line 1 is the headline."""
        for n, start in enumerate(self.starts, 1):
            end = self.text.find("\n", start)
            body = self.text[start:end if end >= 0 else len(self.text)]
            if n > 1 and body.strip():
                yield n, start, body

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def once(self, key: str, read: Callable[[], object]):
        """A reading of the article (its sentences, its figures) made once for every planter."""
        if key not in self.memo:
            self.memo[key] = read()
        return self.memo[key]

    def reporter_voice(self, start: int, end: int) -> bool:
        """Outside block quotations and outside quotation marks in its paragraph."""
        line = self.line_of(start)
        if line in self.quoted_lines or line == 1:
            return False
        para_start = self.starts[line - 1]
        before = self.text[para_start:start]
        inside = before.count("“") > before.count("”") or before.count('"') % 2 == 1
        return not inside and "\n" not in self.text[start:end]


# --- edits and where they land --------------------------------------------------------------

def _place(text: str, start: int, end: int) -> tuple[int, str]:
    """(line, near) for text[start:end], widened until its first occurrence on the line is this one."""
    line = text.count("\n", 0, start) + 1
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    le = len(text) if le < 0 else le
    body = text[ls:le]
    a, b = start - ls, end - ls
    while body.find(body[a:b]) != a:  # `lead` inside an earlier `leader`: take in the next word
        if b < len(body):
            b = _word_end(body, b)
        else:
            a = body.rfind(" ", 0, a - 1) + 1
    return line, body[a:b]


def _word_end(body: str, i: int) -> int:
    """The end of the word after position i (spaces skipped)."""
    while i < len(body) and body[i] == " ":
        i += 1
    while i < len(body) and body[i] != " ":
        i += 1
    return i


def _plant(art: Article, kind: str, out: str, span: tuple[int, int], why: str,
           alt: tuple[tuple[int, int], ...] = ()) -> Plant:
    line, near = _place(out, *span)
    alts = tuple(_place(out, s, e) for s, e in alt)
    return Plant(art.corpus, art.stem, kind, FAMILY[kind], out, line, near,
                 art.published.isoformat() if art.published else "", why, alts)


def _edit(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


# --- numbers -----------------------------------------------------------------------------------

def number_value(token: str) -> int:
    t = token.lower()
    return WORD_NUMBERS[t] if t in WORD_NUMBERS else int(t.replace(",", ""))


def render_number(n: int, like: str) -> str:
    """n written the way `like` is: a word (capitalised like it) or digits (with commas like it)."""
    if like.lower() in WORD_NUMBERS:
        for w, v in WORD_NUMBERS.items():
            if v == n:
                return w.capitalize() if like[0].isupper() else w
    return f"{n:,}" if "," in like or n >= 10000 else str(n)


def altered_count(n: int, like: str, rng: random.Random) -> int:
    """A wrong value for a count: its digits transposed when it has two that differ, else nearby."""
    s = str(n)
    swaps = [i for i in range(len(s) - 1) if s[i] != s[i + 1] and not (i == 0 and s[i + 1] == "0")]
    if swaps and like.lower() not in WORD_NUMBERS:
        i = rng.choice(swaps)
        return int(s[:i] + s[i + 1] + s[i] + s[i + 2:])
    step = max(1, round(n * 0.1)) if n >= 20 else rng.choice([1, 2])
    return n + step if n - step < 2 or rng.random() < 0.5 else n - step


@dataclass(frozen=True)
class Count:
    start: int  # the number
    end: int  # end of the counted noun
    value: int
    token: str
    noun: str


def counts(art: Article) -> list[Count]:
    """Counts in the reporter's voice: a number and the plural noun it counts (`38 countries`)."""
    out = []
    for m in re.finditer(rf"(?<![\w$€£#.,:/-])({NUMBER})\s+([a-z][a-z-]+)\b(?![-%])", art.text, re.I):
        token, noun = m.group(1), m.group(2)
        before = art.text[max(0, m.start() - 12):m.start()]
        if noun.lower() in NOT_COUNTED or not art.reporter_voice(m.start(), m.end()):
            continue
        if re.search(r"(?:" + "|".join(MONTHS) + r")\s*$", before) or noun.lower() in {m.lower() for m in MONTHS}:
            continue  # a date, not a count
        plural = noun in PLURAL_PEOPLE or (noun.endswith("s") and not noun.endswith("ss")
                                            and noun.lower() not in NOT_PLURAL)
        if re.fullmatch(r"1[89]\d\d|20\d\d", token) or not plural:
            continue
        value = number_value(token)
        if value < 2 or (token[0].isupper() and token.lower() == "one"):
            continue
        out.append(Count(m.start(1), m.end(2), value, token, noun))
    return out


def plant_count_altered(art: Article, rng: random.Random) -> Plant | None:
    """A repeated count altered once; else a later `the NOUN` given the count, altered."""
    found = counts(art)
    by = {}
    for c in found:
        by.setdefault((c.value, c.noun.lower()), []).append(c)
    starts = [s for _, s, _ in sentences(art)]
    def sentence_of(c: Count) -> int:
        return sum(1 for s in starts if s <= c.start)
    # two mentions in one sentence are usually two things (`39 of its 54 delegates ... 54 delegates`)
    repeats = [cs for cs in by.values() if len({sentence_of(c) for c in cs}) >= 2]
    if repeats:
        cs = rng.choice(repeats)
        target, other = cs[-1], cs[0]
        spot = (target.start, target.start + len(target.token))
        wrong = render_number(altered_count(target.value, target.token, rng), target.token)
        out = _edit(art.text, *spot, wrong)
        delta = len(wrong) - len(target.token)
        span = (target.start, target.end + delta)
        return _plant(art, "count-altered", out, span,
                      f"{other.token} {other.noun} given again as {wrong} {target.noun}",
                      alt=((other.start, other.end),))
    options = []
    for c in found:
        line = art.line_of(c.start)
        for m in re.finditer(rf"\b[Tt]he {re.escape(c.noun)}\b", art.text[c.end:]):
            at = c.end + m.start()
            if art.line_of(at) > line + 1:
                break
            if art.reporter_voice(at, at + len(m.group(0))):
                options.append((c, at, m.group(0)))
                break
    if not options:
        return None
    c, at, phrase = rng.choice(options)
    wrong = render_number(altered_count(c.value, c.token, rng), c.token)
    new = f"{phrase[:3]} {wrong} {c.noun}"
    out = _edit(art.text, at, at + len(phrase), new)
    return _plant(art, "count-altered", out, (at + 4, at + len(new)),
                  f"{c.token} {c.noun}, then `{new}`", alt=((c.start, c.end),))


# --- casualty and arrest figures -------------------------------------------------------------

@dataclass(frozen=True)
class Harm:
    start: int
    end: int
    value: int
    token: str
    qualifier: str  # "", "at least", "more than" ...
    noun: str  # what is counted, as the text says it (people when it names none)
    harm: str  # killed, injured, arrested, detained
    verb: str  # the word the text uses


_QUAL = r"(?<![\w.,$€£-])(?:(?P<q>at least|more than|over|some|about|around|nearly|almost|up to)\s+)?"
_NOUN = r"(?:(?P<adj>[a-z]+)\s+)?(?P<noun>people|persons|children|men|women|[a-z]+s)"
HARM_PATTERNS = [
    re.compile(_QUAL + rf"(?P<n>{NUMBER})(?![.,]\d)\s+{_NOUN}\s+(?:were\s+|have been\s+|had been\s+|was\s+|are\s+)?"
               r"(?:reportedly\s+|later\s+)?(?P<v>killed|dead|died|injured|wounded|hurt|arrested|detained)\b", re.I),
    re.compile(r"\b(?P<v>killing|killed|injuring|injured|wounding|wounded|arresting|arrested|detaining|"
               rf"detained|left)\s+{_QUAL}(?P<n>{NUMBER})(?![.,]\d)\s+{_NOUN}", re.I),
    re.compile(_QUAL + rf"(?P<n>{NUMBER})(?![.,]\d)\s+(?P<v>deaths|dead|fatalities|arrests)\b", re.I),
]


def harm_figures(art: Article) -> list[Harm]:
    return art.once("harm", lambda: _harm_figures(art))


def _harm_figures(art: Article) -> list[Harm]:
    out = {}
    for pat in HARM_PATTERNS:
        for m in pat.finditer(art.text):
            token = m.group("n")
            if not art.reporter_voice(m.start(), m.end()) or re.fullmatch(r"1[89]\d\d|20\d\d", token):
                continue
            verb = m.group("v").lower()
            noun = (m.groupdict().get("noun") or "people").lower()
            if verb == "left":
                after = art.text[m.end():m.end() + 12].lower()
                hit = re.match(r"\s*(dead|injured|wounded)\b", after)
                if not hit:
                    continue
                verb = hit.group(1)
            if noun in NOT_COUNTED or noun in HARM:
                noun = "people"
            value = number_value(token)
            if value < 3:
                continue
            out[m.start("n")] = Harm(m.start(), m.end(), value, token, (m.group("q") or "").lower(),
                                     noun, HARM[verb], verb)
    return [out[k] for k in sorted(out)]


def _para_end(art: Article, offset: int) -> int:
    end = art.text.find("\n", offset)
    return len(art.text) if end < 0 else end


def _insert_sentence(art: Article, after: int, sentence: str) -> tuple[str, int]:
    """The text with `sentence` added after the sentence holding offset `after`; its offset."""
    at = next((e for _, s, e in sentences(art) if s <= after < e), _para_end(art, after))
    out = art.text[:at] + " " + sentence + art.text[at:]
    return out, at + 1


def _counted(h: Harm, wrong: int) -> str:
    """`12 people killed`, `12 people who died`: a definite restatement of what a figure counts."""
    noun = h.noun if h.noun in PLURAL_PEOPLE or h.noun.endswith("s") else "people"
    what = "who died" if h.verb in ("died", "dead", "deaths", "fatalities") else h.harm
    return f"{render_number(wrong, h.token).lower()} {noun} {what}"


AFTER_TOTAL = {"killed": "have not yet been named", "injured": "were taken to hospital",
               "arrested": "have not yet been named", "detained": "have not yet been named"}


def plant_harm_total(art: Article, rng: random.Random) -> Plant | None:
    """A casualty or arrest figure restated after its sentence as a definite total that cannot be
    true: `at least 14 killed` -> `The 12 people killed have not yet been named.`"""
    options = [h for h in harm_figures(art) if h.qualifier in ("", "at least", "more than", "over")]
    if not options:
        return None
    h = rng.choice(options)
    if h.qualifier:
        wrong = h.value - rng.randint(1, min(3, h.value - 1))  # not in the open interval it gave
    else:
        wrong = max(1, h.value + rng.choice([-3, -2, 2, 3]))
    words = _counted(h, wrong)
    sentence = f"The {words} {AFTER_TOTAL[h.harm]}."
    out, at = _insert_sentence(art, h.start, sentence)
    return _plant(art, "harm-total-contradicted", out, (at + 4, at + 4 + len(words)),
                  f"{art.text[h.start:h.end]!r}, then the definite total {words!r}",
                  alt=((h.start, h.end),))


# --- parts of a total ---------------------------------------------------------------------------

PARTS = re.compile(rf"\b(?P<n>{NUMBER})\s+(?P<noun>[a-z]+)\b[^.;:—–\n]{{0,40}}?(?:,\s*|\s+)"
                   r"(?P<how>including|among them|of whom|—|–|:)\s*(?P<parts>[^.;\n]{3,140})", re.I)


def plant_parts(art: Article, rng: random.Random) -> Plant | None:
    """Parts listed after a total made not to sum to it; else `Of the N people killed, A were men
    and B were women.` (A + B not N) after an exact casualty or arrest figure."""
    natural = []
    for m in PARTS.finditer(art.text):
        if not art.reporter_voice(m.start(), m.end()) or m.group("noun").lower() in NOT_COUNTED:
            continue
        total = number_value(m.group("n"))
        parts = [p for p in re.finditer(rf"(?<![\w,.])({NUMBER})\b(?![,.]\d)", m.group("parts"), re.I)
                 if not re.fullmatch(r"1[89]\d\d|20\d\d", p.group(1))]
        if len(parts) < 2 or total < 3:
            continue
        values = [number_value(p.group(1)) for p in parts]
        exhaustive = m.group("how") in ("—", "–", ":")
        if sum(values) == total or (not exhaustive and sum(values) < total):
            natural.append((m, parts, values, total))
    if natural:
        m, parts, values, total = rng.choice(natural)
        i = rng.randrange(len(parts))
        p = parts[i]
        need = total - sum(values) + values[i] + rng.choice([1, 2])  # the new part makes the sum exceed
        new = render_number(need, p.group(1))
        base = m.start("parts")
        out = _edit(art.text, base + p.start(1), base + p.end(1), new)
        end = m.end() + len(new) - len(p.group(1))
        return _plant(art, "parts-not-summing", out, (m.start(), end),
                      f"parts {values} of {total}: {p.group(1)} made {new}")
    options = [h for h in harm_figures(art) if not h.qualifier and h.value >= 4]
    if not options:
        return None
    h = rng.choice(options)
    total = h.value + rng.choice([1, 2])
    a = total // 2 + rng.choice([-1, 0, 1])
    pair = ("boy", "girl") if h.noun == "children" else ("man", "woman")
    words = (f"Of the {_counted(h, h.value)}, {_were(a, pair[0])} and {_were(total - a, pair[1])}")
    out, at = _insert_sentence(art, h.start, words + ".")
    return _plant(art, "parts-not-summing", out, (at, at + len(words)),
                  f"{_counted(h, h.value)} given as {a} + {total - a}", alt=((h.start, h.end),))


def _were(n: int, noun: str) -> str:
    """`one was a man`, `seven were men` (the plural by the planter's own two irregulars)."""
    if n == 1:
        return f"one was a {noun}"
    plural = {"man": "men", "woman": "women"}.get(noun, noun + "s")
    return f"{render_number(n, 'one' if n < 10 else '10')} were {plural}"


# --- dates --------------------------------------------------------------------------------------

_MONTH = r"(?P<m>" + "|".join(MONTHS) + r"|" + "|".join(re.escape(a) for a in MONTH_ABBR) + r")"
_WD = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
MDY = re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")
DMY = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![a-z])(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")
RANGE_AFTER = re.compile(r"\s*(?:–|-|—|to|and|or|through|until)\s*\d")
RANGE_BEFORE = re.compile(r"\d\s*(?:–|-|—|to|and|or)\s*$")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    month: int
    day: int
    year: int | None
    order: str  # mdy or dmy
    month_text: str


def _month(text: str) -> int:
    return MONTHS.index(text) + 1 if text in MONTHS else MONTH_ABBR[text]


def date_mentions(art: Article) -> list[DateMention]:
    """Dates (`October 6`, `6 October 2019`) in the reporter's voice, not ranges, that can exist."""
    return art.once("dates", lambda: _date_mentions(art))


def _date_mentions(art: Article) -> list[DateMention]:
    out = []
    for order, pat in (("mdy", MDY), ("dmy", DMY)):
        for m in pat.finditer(art.text):
            if RANGE_AFTER.match(art.text, m.end()) or RANGE_BEFORE.search(art.text[max(0, m.start() - 6):m.start()]):
                continue
            if not art.reporter_voice(m.start(), m.end()):
                continue
            month, day = _month(m.group("m")), int(m.group("d"))
            year = int(m.group("y")) if m.group("y") else None
            try:
                dt.date(year or 2000, month, day)
            except ValueError:
                continue
            out.append(DateMention(m.start(), m.end(), month, day, year, order, m.group("m")))
    return sorted(out, key=lambda d: d.start)


def candidate_years(art: Article, d: DateMention) -> list[int]:
    """The years a reader could take a date in: its own, or around publication."""
    if d.year:
        return [d.year]
    pub = art.published or dt.date.today()
    return [pub.year - 1, pub.year, pub.year + 1]


def _real(year: int, d: DateMention) -> dt.date | None:
    try:
        return dt.date(year, d.month, d.day)
    except ValueError:
        return None


def wrong_weekday(art: Article, d: DateMention, rng: random.Random) -> str | None:
    """A weekday the date falls on in none of the years a reader could take it in."""
    right = {day.weekday() for y in candidate_years(art, d) if (day := _real(y, d))}
    wrong = [w for i, w in enumerate(WEEKDAYS) if i not in right]
    return rng.choice(wrong) if wrong else None


def plant_weekday(art: Article, rng: random.Random) -> Plant | None:
    """A weekday given with a date shifted; else a wrong weekday added to a date after `on`."""
    dates = date_mentions(art)
    paired = []
    for d in dates:
        m = re.search(_WD + r",?\s+(?:the\s+)?$", art.text[max(0, d.start - 14):d.start])
        if m:
            paired.append((d, d.start - (len(art.text[max(0, d.start - 14):d.start]) - m.start("wd"))))
    if paired:
        d, ws = rng.choice(paired)
        given = re.match(_WD, art.text[ws:]).group("wd")
        wrong = wrong_weekday(art, d, rng)
        if wrong:
            out = _edit(art.text, ws, ws + len(given), wrong)
            return _plant(art, "weekday-shifted", out, (ws, d.end + len(wrong) - len(given)),
                          f"{given} shifted to {wrong}, which {art.text[d.start:d.end]} is not")
    bare = [d for d in dates if art.text[max(0, d.start - 3):d.start] == "on "]
    if not bare:
        return None
    d = rng.choice(bare)
    wrong = wrong_weekday(art, d, rng)
    if not wrong:
        return None
    new = f"{wrong}, " if d.order == "mdy" else f"{wrong} "
    out = _edit(art.text, d.start, d.start, new)
    return _plant(art, "weekday-shifted", out, (d.start, d.end + len(new)),
                  f"{wrong} added to {art.text[d.start:d.end]}, which is not a {wrong}")


THIRTY_DAYS = {4, 6, 9, 11}
NEIGHBOUR_30 = {1: 2, 3: 4, 5: 6, 7: 6, 8: 9, 10: 11, 12: 11}


def plant_impossible_date(art: Article, rng: random.Random) -> Plant | None:
    """A date made impossible: the 31st of a 30-day month (`April 31`), or `February 30`."""
    dates = date_mentions(art)
    if not dates:
        return None
    same_month = [d for d in dates if d.month in THIRTY_DAYS or d.month == 2]
    d = rng.choice(same_month or dates)
    month = d.month if d.month in THIRTY_DAYS or d.month == 2 else NEIGHBOUR_30[d.month]
    day = 30 if month == 2 else 31
    name = MONTHS[month - 1]
    if d.month_text in MONTH_ABBR and month != d.month:
        name = next((a for a, v in MONTH_ABBR.items() if v == month), name)
    elif d.month_text in MONTH_ABBR:
        name = d.month_text
    old = art.text[d.start:d.end]
    year = f", {d.year}" if d.year and d.order == "mdy" else (f" {d.year}" if d.year else "")
    new = f"{name} {day}{year}" if d.order == "mdy" else f"{day} {name}{year}"
    out = _edit(art.text, d.start, d.end, new)
    return _plant(art, "impossible-date", out, (d.start, d.start + len(new)), f"{old} made {new}")


def _date_text(day: dt.date, order: str) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}" if order == "mdy" else f"{day.day} {MONTHS[day.month - 1]}"


def plant_relative_day(art: Article, rng: random.Random) -> Plant | None:
    """`on October 3` (days before publication) written `yesterday (October 3)`; else a date that
    is not the day before publication given to a `yesterday` already there."""
    if not art.published:
        return None
    pub = art.published
    options = []
    for d in date_mentions(art):
        if art.text[max(0, d.start - 3):d.start] != "on " or d.year:
            continue
        days = [(pub - day).days for y in candidate_years(art, d) if (day := _real(y, d))]
        if any(2 <= n <= 30 for n in days) and 1 not in days:
            options.append(d)
    if options:
        d = rng.choice(options)
        new = f"yesterday ({art.text[d.start:d.end]})"
        out = _edit(art.text, d.start - 3, d.end, new)
        return _plant(art, "relative-day-contradicted", out, (d.start - 3, d.start - 3 + len(new)),
                      f"{art.text[d.start:d.end]} is not the day before publication ({pub})")
    words = [m for m in re.finditer(r"\byesterday\b(?![’'])", art.text, re.I)
             if art.reporter_voice(m.start(), m.end())]
    if not words:
        return None
    m = rng.choice(words)
    order = "dmy" if len(list(DMY.finditer(art.text))) > len(list(MDY.finditer(art.text))) else "mdy"
    wrong = pub - dt.timedelta(days=1 + rng.randint(2, 5))
    new = f"{m.group(0)} ({_date_text(wrong, order)})"
    out = _edit(art.text, m.start(), m.end(), new)
    return _plant(art, "relative-day-contradicted", out, (m.start(), m.start() + len(new)),
                  f"yesterday given as {_date_text(wrong, order)}, published {pub}")


# --- names --------------------------------------------------------------------------------------

SENTENCE_START = re.compile(r"(?:^|[.!?][”\"’)]?\s+|[“\"(]\s*)$")
VOWELS = "aeiou"


def misspellings(word: str, rng: random.Random) -> list[tuple[str, str]]:
    """(misspelt, how): two interior letters transposed, a doubled letter dropped, a vowel changed."""
    out = []
    for i in range(1, len(word) - 2):
        if word[i] != word[i + 1] and word[i].isalpha() and word[i + 1].isalpha():
            out.append((word[:i] + word[i + 1] + word[i] + word[i + 2:], "two letters transposed"))
    for i in range(1, len(word) - 1):
        if word[i] == word[i + 1]:
            out.append((word[:i] + word[i + 1:], "a doubled letter dropped"))
    for i in range(1, len(word)):
        if word[i] in VOWELS:
            other = rng.choice([v for v in VOWELS if v != word[i]])
            out.append((word[:i] + other + word[i + 1:], "one letter changed"))
    return out


def plant_name(art: Article, rng: random.Random) -> Plant | None:
    """A proper noun used three or more times (person, place or organisation) misspelt once."""
    seen: dict[str, list[int]] = {}
    for m in re.finditer(r"(?<![\w’'-])([A-Z][a-z]{4,})(?![\w-])", art.text):
        if art.line_of(m.start()) > 1:
            seen.setdefault(m.group(1), []).append(m.start())
    lower = set(re.findall(r"\b[a-z]+\b", art.text)) | art.common
    names = []
    for word, where in seen.items():
        mid = [i for i in where if not SENTENCE_START.search(art.text[max(0, i - 4):i])]
        if (len(where) >= 3 and len(mid) >= 2 and word.lower() not in lower
                and word not in MONTHS and word not in WEEKDAYS):
            names.append(word)
    if not names:
        return None
    word = rng.choice(sorted(names))
    slips = [(s, how) for s, how in misspellings(word, rng) if s not in art.text]
    if not slips:
        return None
    slip, how = rng.choice(slips)
    at = rng.choice(seen[word][1:])
    out = _edit(art.text, at, at + len(word), slip)
    return _plant(art, "name-misspelt", out, (at, at + len(slip)),
                  f"{word} (used {len(seen[word])} times) misspelt {slip}: {how}")


# --- wording ------------------------------------------------------------------------------------

def _cased(wrong: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return wrong.upper()
    return wrong[0].upper() + wrong[1:] if like[0].isupper() else wrong


def plant_confusable(art: Article, rng: random.Random) -> Plant | None:
    """A word swapped for its confusable: a pair the copy uses, then one of its places (the
    reporter's voice first: a quotation's words are the speaker's)."""
    found: dict[tuple[str, str], list[re.Match]] = {}
    for m in CONFUSABLE_WORDS.finditer(art.text, art.starts[1] if len(art.starts) > 1 else len(art.text)):
        if sum(c.isupper() for c in m.group(0)) > 1:
            continue  # an acronym (`WHO's`, the agency's) or a line in capitals: not these words
        pair = (m.group(0).lower().replace("’", "'"), CONFUSABLE[m.group(0).lower().replace("’", "'")])
        found.setdefault(pair, []).append(m)
    if not found:
        return None
    # the grammatical pairs are in nearly every article: the others first, so the list is measured
    lexical = [pair for pair in sorted(found) if pair[0] not in GRAMMATICAL]
    right, wrong = rng.choice(lexical or sorted(found))
    spots = found[(right, wrong)]
    voiced = [m for m in spots if art.reporter_voice(m.start(), m.end())]
    m = rng.choice(voiced or spots)
    apostrophe = "’" if "’" in m.group(0) else "'"
    new = _cased(wrong.replace("'", apostrophe), m.group(0))
    out = _edit(art.text, m.start(), m.end(), new)
    return _plant(art, "confusable-swapped", out, (m.start(), m.start() + len(new)),
                  f"{m.group(0)!r} swapped for {new!r}")


# --- attribution --------------------------------------------------------------------------------

_SOURCE = r"[^,;.“”\"]{2,80}?"
TRAILING = re.compile(r",\s+(?:according to\s" + _SOURCE + r"|" + _SOURCE + r"\s(?:said|says|reported|"
                      r"announced|confirmed|estimated|stated)(?:\s(?:on|in|late|early|last|this)\s[^,;.]{1,30})?"
                      r"|(?:said|says)\s" + _SOURCE + r")\.$")
LEADING = re.compile(r"^(?:According to\s[^,]{2,80},\s+|[A-Z]" + _SOURCE + r"\s(?:said|says|reported|"
                     r"announced|confirmed|estimated|stated)(?:\s(?:on|late|early|last|this)\s\w+)?,?\s+"
                     r"(?:that\s+)?)(?=[a-z0-9A-Z])")
PRONOUN_START = re.compile(r"(?:I|we)\b", re.I)  # first person with no quotation marks is no claim
MIDDLE = re.compile(r",\s+according to\s[^,;.]{2,80},\s*|\s+\(according to\s[^()]{2,80}\)")


def sentences(art: Article) -> list[tuple[int, int, int]]:
    """(line, start, end) of each sentence in the body, end after its final stop."""
    return art.once("sentences", lambda: list(_sentences(art)))


def _sentences(art: Article) -> Iterator[tuple[int, int, int]]:
    for line, start, body in art.paragraphs():
        pos = 0
        for m in re.finditer(r"[.!?][”\"’)]?(?=\s+[“\"A-Z0-9]|\s*$)", body):
            yield line, start + pos, start + m.end()
            pos = m.end()
            while pos < len(body) and body[pos] == " ":
                pos += 1


def _claim(sentence: str, kind: str) -> re.Match | None:
    if kind == "motive-unsourced":
        return re.search(MOTIVE, sentence)
    for pat in HARM_PATTERNS:
        if m := pat.search(sentence):
            return m
    if m := re.search(rf"(?:{NUMBER})\s+(?:[a-z]+\s+)?(?:{CROWD})\b", sentence, re.I):
        return m
    return re.search(FORECAST, sentence)


def plant_unsourced(art: Article, rng: random.Random, kind: str) -> Plant | None:
    """Remove the reporting clause from a sentence with a check-worthy claim, when it is the only
    attribution in its paragraph: `At least 31 people died, police said.` -> `At least 31 people died.`"""
    options = []
    for line, s, e in sentences(art):
        sentence = art.text[s:e]
        if not art.reporter_voice(s, e) or line in art.quoted_lines or "“" in sentence or '"' in sentence:
            continue
        claim = _claim(sentence, kind)
        if not claim:
            continue
        lead, trail, middle = LEADING.match(sentence), TRAILING.search(sentence), MIDDLE.search(sentence)
        if trail and trail.start() > claim.end():
            new = sentence[:trail.start()] + "."
        elif middle:
            keep = ", " if middle.group(0).startswith(",") else ""
            new = sentence[:middle.start()] + keep + sentence[middle.end():]
        elif lead and lead.end() <= claim.start() and not PRONOUN_START.match(sentence[lead.end():]):
            rest = sentence[lead.end():]
            new = rest[:1].upper() + rest[1:]
        else:
            continue
        ps = art.starts[line - 1]
        pe = _para_end(art, ps)
        para = art.text[ps:s] + new + art.text[e:pe]
        if re.search(rf"\b(?:{REPORTING})\b|[“”\"]", para, re.I):
            continue  # another source in the paragraph still covers the claim
        options.append((s, e, new))
    if not options:
        return None
    s, e, new = rng.choice(options)
    out = _edit(art.text, s, e, new)
    claim = _claim(new, kind)
    if kind == "motive-unsourced":
        span = (s + claim.start(), s + len(new) - 1)
    elif re.match(FORECAST, claim.group(0)):
        span = (s, s + len(new) - 1)
    else:
        span = (s + claim.start(), s + claim.end())
    return _plant(art, kind, out, span, f"{art.text[s:e]!r} -> {new!r}")


# --- the run ------------------------------------------------------------------------------------

PLANTERS: dict[str, tuple[str, Callable[[Article, random.Random], Plant | None]]] = {
    "count-altered": ("N", plant_count_altered),
    "harm-total-contradicted": ("N", plant_harm_total),
    "parts-not-summing": ("N", plant_parts),
    "weekday-shifted": ("D", plant_weekday),
    "impossible-date": ("D", plant_impossible_date),
    "relative-day-contradicted": ("D", plant_relative_day),
    "name-misspelt": ("S", plant_name),
    "confusable-swapped": ("W", plant_confusable),
    "attribution-removed": ("A", lambda a, r: plant_unsourced(a, r, "attribution-removed")),
    "motive-unsourced": ("A", lambda a, r: plant_unsourced(a, r, "motive-unsourced")),
}
FAMILY = {kind: family for kind, (family, _) in PLANTERS.items()}


def read_corpus(corpus: Path) -> list[Article]:
    """The articles of a corpus folder, with SOURCES.tsv's publication date and quoted paragraphs."""
    meta = {}
    tsv = corpus / "SOURCES.tsv"
    if tsv.is_file():
        with tsv.open(encoding="utf-8", newline="") as fh:
            meta = {r["file"]: r for r in csv.DictReader(fh, delimiter="\t")}
    texts = {path: path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.txt"))}
    # a capitalised word the corpus also writes in lower case is a common word, not a name
    common = frozenset(w for t in texts.values() for w in re.findall(r"\b[a-z]+\b", t))
    out = []
    for path, text in texts.items():
        row = meta.get(path.name, {})
        pub = dt.date.fromisoformat(row["published"]) if row.get("published") else None
        quoted = frozenset(int(n) for n in re.findall(r"\d+", row.get("quoted_lines") or ""))
        out.append(Article(corpus.name, path.stem, text, pub, quoted, common))
    return out


def plant_article(art: Article, seed: int = SEED) -> list[Plant]:
    """One copy per kind that the article has a spot for, each with that one error."""
    out = []
    for kind, (_, planter) in PLANTERS.items():
        plant = planter(art, random.Random(f"{seed}:{art.corpus}:{art.stem}:{kind}"))
        if plant and plant.text != art.text:
            out.append(plant)
    return out


def plant_corpus(corpus: Path, seed: int = SEED) -> list[Plant]:
    return [p for art in read_corpus(corpus) for p in plant_article(art, seed)]


def _toml(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_case(plant: Plant, dest: Path) -> None:
    (dest / f"{plant.name}.txt").write_text(plant.text, encoding="utf-8")
    lines = [f"published = {_toml(plant.published)}" if plant.published else "",
             f"kind = {_toml(plant.kind)}", "", "[[expect]]", f"family = {_toml(plant.family)}",
             f"line = {plant.line}", f"near = {_toml(plant.near)}"]
    if plant.alt:
        lines.append("alt = [" + ", ".join(f"{{line = {ln}, near = {_toml(n)}}}" for ln, n in plant.alt) + "]")
    lines.append(f"why = {_toml('planted ' + plant.kind + ': ' + plant.why)}")
    (dest / f"{plant.name}.expect.toml").write_text("\n".join(lines).lstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="a folder of clean articles (*.txt, SOURCES.tsv)")
    ap.add_argument("out", type=Path, help="where to write NAME.txt + NAME.expect.toml")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    if not args.corpus.is_dir() or not any(args.corpus.glob("*.txt")):
        print(f"plant_errors.py: {args.corpus}: not a folder of *.txt articles", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    plants = plant_corpus(args.corpus, args.seed)
    for p in plants:
        write_case(p, args.out)
    kinds = {k: sum(p.kind == k for p in plants) for k in PLANTERS}
    print(f"wrote {len(plants)} planted cases to {args.out}: "
          + ", ".join(f"{k} {n}" for k, n in kinds.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
