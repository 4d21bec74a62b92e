"""Dates: every weekday, date and relative day word in an article, with spans, and the reading
(day/month order and year) under which the article's own dates make sense.

A narrow grammar of our own: wire copy writes dates in a few dozen shapes, and a general date
parser guesses (it drops weekdays, reads `Monday 10 January, 53 had ...` as the year 2053).
Numbers that are not dates (scores `3-1`, fractions `3/4`, times `6:30`, sections, phone
numbers) are left alone: a short numeric date such as `6/1` is only read next to a weekday
or after `on`."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from ..document import scan
from ..spans import SpanSet
from .tense import FUTURE, PAST, PRESENT, SentenceVerbs, token_range

if TYPE_CHECKING:
    from ..document import Document

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_MONTH_INDEX = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
_MONTH_INDEX.update({m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)})
_MONTH_INDEX["sept"] = 9
_WEEKDAY_INDEX = {w.lower(): i for i, w in enumerate(WEEKDAYS)}
_WEEKDAY_INDEX.update({"thurs": 3, "tues": 1, "thur": 3, "thu": 3, "tue": 1, "mon": 0, "wed": 2, "fri": 4,
                       "sat": 5, "sun": 6})

WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# a weekday abbreviated as listings and US copy write it (`Fri. 7/11`, `Thurs., Oct. 2`): read only
# with the date that follows it, since `Sun`, `Sat` and `Wed` alone are other words
WDA = (r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
       r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.|(?:Mon|Tues?|Thu|Thurs?|Fri)(?=,))")
MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|"
       r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
DAY2 = r"(?:\s*(?:-|–|—|to|and|through|until)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"
YEAR = r"(?:,?\s+(?P<year>(?:1[89]|20)\d\d))?"
# between a weekday and its date: a comma, a space, `the`, a bracket, after a part of the day
# (`Saturday night, March 7`)
WD_SEP = r"(?:\s+(?:night|morning|afternoon|evening))?(?:,\s*|\s+(?:the\s+)?|\s*\(\s*)"
# words after a number that show it counts something and is not a day or a year
COUNT_WORDS = frozenset(
    """people persons men women children kids students soldiers troops police officers officials
    dead deaths killed injured wounded victims cases votes seats protesters demonstrators workers
    residents families homes houses buildings cars vehicles km miles metres meters feet percent
    per of were have had are more others times years days hours minutes weeks months points
    goals runs tonnes tons dollars euros pounds million billion thousand hundred"""
    .split()
)

_PATTERNS = [
    # 2022-01-06
    ("iso", re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<num1>[01]\d)-(?P<num2>[0-3]\d)\b")),
    # Thursday, January 6, 2022 / Jan. 6 / March 19-20
    ("md", re.compile(rf"(?:{WDA}{WD_SEP})?\b{MON}\s+{DAY}\b{DAY2}{YEAR}\)?")),
    # Thursday 6 January 2022 / 6th of January / between 3 and 5 May
    ("dm", re.compile(rf"(?:{WDA}{WD_SEP})?\b{DAY}{DAY2}\s+(?:of\s+)?{MON}(?!\w){YEAR}\)?")),
    # 6/1/2022, 6.1.2022 (with a weekday or not)
    ("numy", re.compile(rf"(?:{WDA}{WD_SEP})?\b(?P<num1>[0-3]?\d)(?P<sep>[/.])(?P<num2>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)?\d\d)\b\)?")),
    # Thursday (6/1), Thursday 6/1: only next to a weekday
    ("num", re.compile(rf"{WDA}{WD_SEP}(?P<num1>[0-3]?\d)/(?P<num2>[0-3]?\d)\b(?![/.]\d)\)?")),
    # yesterday (5/1): a numeric date in brackets after a relative day
    ("relnum", re.compile(r"\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight) \((?P<num1>[0-3]?\d)/(?P<num2>[0-3]?\d)\)")),
    # on 6/1 (not 'on 3/4 of the seats')
    ("onnum", re.compile(r"\b[Oo]n\s+(?P<num1>[0-3]?\d)/(?P<num2>[0-3]?\d)\b(?![/.]?\d)(?!\s*(?:of|%|percent|th))")),
    # January 2022
    ("my", re.compile(rf"\b{MON}\s+(?P<year>(?:1[89]|20)\d\d)\b")),
    # mid-March, early 2022, late January
    ("part", re.compile(rf"\b(?P<part>[Ee]arly|[Mm]id|[Ll]ate)[- ](?:{MON}(?!\w)|(?P<pyear>(?:19|20)\d\d)\b)")),
    # the 6th
    ("ordinal", re.compile(rf"(?:{WD}{WD_SEP})?\bthe\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])")),
    # a weekday alone
    ("weekday", re.compile(rf"\b{WD}\b")),
    # today, yesterday ...
    ("relative", re.compile(
        r"\b(?P<rel>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Ll]ast night|[Tt]his morning|"
        r"[Tt]his afternoon|[Tt]his evening|[Ll]ast week|[Nn]ext week|[Tt]his week|[Ll]ast month|"
        r"[Nn]ext month|[Tt]his month|[Ll]ast year|[Nn]ext year|[Tt]his year)\b")),
]
# the words each pattern can start with: a pattern is tried only where one of them begins
# (`Document.word_starts`), never at every character; "#" stands for any number
_WD_WORDS = tuple(w.lower() for w in WEEKDAYS)
_WDA_WORDS = _WD_WORDS + ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
_MON_WORDS = (*(m.lower() for m in MONTHS), "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
              "oct", "nov", "dec")
_STARTS = {
    "iso": ("#",), "md": _WDA_WORDS + _MON_WORDS, "dm": _WDA_WORDS + ("#",), "numy": _WDA_WORDS + ("#",),
    "num": _WDA_WORDS, "relnum": ("yesterday", "today", "tomorrow", "tonight"), "onnum": ("on",),
    "my": _MON_WORDS, "part": ("early", "mid", "late"), "ordinal": _WD_WORDS + ("the",),
    "weekday": _WD_WORDS,
    "relative": ("today", "yesterday", "tomorrow", "tonight", "last", "next", "this"),
}
_ORDINAL_NOUN = re.compile(r"\s*(?:floor|century|centuries|amendment|round|place|time|anniversary|"
                           r"district|grade|minute|inning|hole|day|week|month|year|largest|"
                           r"biggest|most|highest|seed|street|avenue|congress|term|edition|stage|"
                           r"lap|game|match|overtime|pick|generation|army|division|fleet|brigade)\b",
                           re.I)
RELATIVE_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
                 "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1}
# a weekday in brackets or in apposition after its date: `on 4 March (a Wednesday)`, `3/17 (Mon.)`,
# `on 3 March 2026, a Wednesday`
_TRAILING_WD = re.compile(
    r"\s*\(\s*(?:an?\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?)\s*\)"
    r"|,\s+an?\s+(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?=\s*(?:[.,;:)—–]|$))")
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z .'’-]+,\s*(?:[A-Z][A-Za-z .]+,\s*)?{MON}\s+{DAY}{YEAR}\s*\(?[A-Za-z .]*\)?\s*[-–—]")
# the same in day-month order, as British and European agencies write it (`LONDON, 14 January 2026 -`)
_DATELINE_DM = re.compile(
    rf"^\s*[A-Z][A-Za-z .'’-]+,\s*(?:[A-Z][A-Za-z .]+,\s*)?{DAY}\s+{MON}{YEAR}\s*\(?[A-Za-z .]*\)?\s*[-–—]")

@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    kind: str  # iso, md, dm, numy, num, onnum, my, part, ordinal, weekday, relative
    weekday: int | None = None  # 0 = Monday
    weekday_span: tuple[int, int] | None = None
    day: int | None = None
    day2: int | None = None  # the end of a range (19-20 March)
    month: int | None = None
    year: int | None = None
    numeric: tuple[int, int] | None = None  # 6/1: (6, 1), month and day order unknown
    relative: str | None = None
    part: str | None = None  # early, mid, late
    sentence: int = 0
    paragraph: int = 0
    text: str = ""

    @property
    def has_day(self) -> bool:
        return self.day is not None or self.numeric is not None

    @property
    def is_pair(self) -> bool:
        """A weekday given with its date, which can be checked against it."""
        return self.weekday is not None and self.has_day and self.kind != "ordinal"

    def day_month(self, order: str) -> tuple[int, int] | None:
        if self.numeric is not None:
            a, b = self.numeric
            return (a, b) if order == "dmy" else (b, a)
        if self.day is not None and self.month is not None:
            return self.day, self.month
        return None

    def needs_order(self) -> bool:
        return self.numeric is not None and self.kind != "iso"


def valid_date(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def possible_day_month(day: int, month: int) -> bool:
    """Could this day and month exist in some year (29 February does)?"""
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])


_NAME_BEFORE = re.compile(r"(?:^|[^.!?:;\"“”\s])\s+([A-Z][\w’'-]*)\s+$")
_NOT_NAMES = frozenset("On By Since Until Last Next This Late Early And But Or From Before After "
                       "Every Each Until Till Through Of Or".split())


def _in_name(text: str, start: int) -> bool:
    """Is the weekday at start part of a name (a capitalised word before it, mid-sentence)?"""
    m = _NAME_BEFORE.search(text[max(0, start - 40):start])
    return bool(m and m.group(1) not in _NOT_NAMES)


def _fix_year(y: int) -> int:
    return y + 2000 if y < 100 and y < 70 else (y + 1900 if y < 100 else y)


# a determiner before `June 12` makes it a date that names something (`the June 12 protesters`)
_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|this|that|last|its|their|his|her)\s+$", re.I)


# a year written alone: not part of a longer number (`2,016`, `12016`, `20.16`) or a range's end
_BARE_YEAR = re.compile(r"(?<![\d,.$£€/-])\b((?:19|20)\d\d)\b(?![,.]\d|[/-]\d)")


def _followed_by_count(text: str, end: int) -> bool:
    m = re.match(r"\s*([A-Za-z%]+)", text[end:end + 24])
    return bool(m and m.group(1).lower() in COUNT_WORDS)


def extract(doc: Document) -> list[DateMention]:
    text = doc.text
    taken = SpanSet()
    out: list[DateMention] = []

    starts_of: dict[tuple[str, ...], list[int]] = {}  # several patterns share their first words
    for kind, pattern in _PATTERNS:
        words = _STARTS[kind]
        if words not in starts_of:
            found = doc.word_starts(w for w in words if w != "#")
            starts_of[words] = sorted({*found, *doc.number_starts}) if "#" in words else found
        for m in scan(pattern, text, starts_of[words]):
            mention = _mention(kind, m, m.groupdict(), text)
            if mention is None or taken.overlaps(mention.start, mention.end):
                continue
            taken.add(mention.start, mention.end)
            out.append(mention)
    out.sort(key=lambda x: x.start)
    for mtn in out:
        # placed in its sentence and paragraph here, while the mention is still ours alone
        # (a frozen dataclass's copy per mention cost more than reading every date)
        object.__setattr__(mtn, "sentence", doc.sentence_at(mtn.start))
        object.__setattr__(mtn, "paragraph", doc.paragraph_at(mtn.start))
        object.__setattr__(mtn, "text", text[mtn.start:mtn.end])
    return out


def _mention(kind: str, m: re.Match, g: dict, text: str) -> DateMention | None:
    s, e = m.start(), m.end()
    if text[e - 1] == ")" and "(" not in text[s:e]:
        e -= 1  # a closing bracket that belongs to the sentence, not the date
    wd = g.get("wd")
    wspan = (m.start("wd"), m.end("wd")) if wd else None
    if wd is None and kind in ("md", "dm", "numy", "onnum", "iso"):
        after = _TRAILING_WD.match(text, e)
        if after:
            g_wd = "wd" if after.group("wd") else "wd2"
            wd, wspan, e = after.group(g_wd), (after.start(g_wd), after.end(g_wd)), after.end()
    weekday = _WEEKDAY_INDEX[wd.rstrip(".").lower()] if wd else None
    year = int(g["year"]) if g.get("year") else None
    if year is not None and kind not in ("iso", "numy") and _followed_by_count(text, m.end("year")):
        # "Jan. 6, 1500 people": the number counts people, it is not a year
        e = m.start("year")
        while e > s and text[e - 1] in " ,":
            e -= 1
        year = None
    if kind == "iso":
        return DateMention(s, e, kind, weekday, wspan, year=year, month=int(g["num1"]), day=int(g["num2"]))
    if kind in ("md", "dm"):
        day = int(g["day"])
        if (kind == "md" and weekday is None and not g.get("day2") and year is None
                and _followed_by_count(text, m.end("day")) and not re.match(r"\s+of\b", text[m.end("day"):])
                and not _ATTRIBUTIVE.search(text, max(0, s - 8), s)):
            return None  # "In March 12 people died" (but "the June 12 protesters" is a date)
        day2 = int(g["day2"]) if g.get("day2") else None
        month = _MONTH_INDEX[g["mon"].rstrip(".").lower()]
        if g["mon"] == "May" and kind == "md" and s > 0 and text[s - 1:s] not in " (\n\t,":
            return None
        return DateMention(s, e, kind, weekday, wspan, day, day2, month, year)
    if kind == "numy":
        y = _fix_year(int(g["year"]))
        if g["sep"] == "." and (len(g["year"]) != 4 or re.match(r"[-.]\w", text[e:e + 2])
                                or re.search(r"(?i)\b(?:version|release|v|build)\s*$", text[max(0, s - 12):s])):
            return None  # 1.2.3 and release 1.2.2022-rc are versions, not dates
        return DateMention(s, e, kind, weekday, wspan, numeric=(int(g["num1"]), int(g["num2"])), year=y)
    if kind in ("num", "onnum", "relnum"):
        a, b = int(g["num1"]), int(g["num2"])
        if a == 0 or b == 0:
            return None
        start = s if kind == "num" else m.start("num1")
        if kind == "relnum":
            start, e = m.start("num1") - 1, e
        return DateMention(start, e, kind, weekday, wspan, numeric=(a, b))
    if kind == "my":
        return DateMention(s, e, kind, month=_MONTH_INDEX[g["mon"].rstrip(".").lower()], year=year)
    if kind == "part":
        if g.get("mon"):
            return DateMention(s, e, kind, month=_MONTH_INDEX[g["mon"].rstrip(".").lower()], part=g["part"].lower())
        return DateMention(s, e, kind, year=int(g["pyear"]), part=g["part"].lower())
    if kind == "ordinal":
        if _ORDINAL_NOUN.match(text, e):
            return None
        day = int(g["day"])
        if not 1 <= day <= 31:
            return None
        return DateMention(s, e, kind, weekday, wspan, day=day)
    if kind == "weekday":
        if _in_name(text, s):
            return None  # Super Tuesday, Black Friday, Bloody Sunday
        return DateMention(s, e, kind, weekday, (s, e))
    if kind == "relative":
        return DateMention(s, e, kind, relative=g["rel"].lower())
    return None


# -- readings ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Reading:
    order: str  # dmy or mdy
    year: int | None  # a fixed year, or None: years come from the publication date

    def describe(self) -> str:
        o = "day/month" if self.order == "dmy" else "month/day"
        return f"{o} in {self.year}" if self.year else o


class Mismatch(NamedTuple):
    """A weekday+date pair that no plausible reading fits."""

    mention: DateMention
    date: dt.date  # the date named in the message (under `reading`)
    reading: Reading
    # a date near publication that does fit, but on the side the sentence's tense rules out
    # (`was held on Sunday 5 November` when only the coming 5 November is a Sunday)
    against_tense: dt.date | None = None


@dataclass(frozen=True)
class Candidates:
    """The dates a yearless day and month can be, seen from the publication date."""

    likely: tuple[dt.date, ...]  # plausible under the sentence's tense
    against: tuple[dt.date, ...] = ()  # near publication, but on the side the tense rules out


@dataclass
class DateAnalysis:
    mentions: list[DateMention]
    published: dt.date | None
    published_from: str
    readings: list[Reading] = field(default_factory=list)  # the best readings
    score: int = 0  # weekday+date pairs that agree under the best readings
    evidence_needed: int = 1
    tenses: dict[int, str] = field(default_factory=dict)  # by mention start, filled as asked
    text: str = field(default="", repr=False)
    sentence_spans: list = field(default_factory=list, repr=False)
    tokens: list = field(default_factory=list, repr=False)
    forced_order: str | None = None
    _resolved: dict = field(default_factory=dict, repr=False)
    _agreeing: dict = field(default_factory=dict, repr=False)
    _verbs: dict = field(default_factory=dict, repr=False)
    _years: dict = field(default_factory=dict, repr=False)

    @cached_property
    def pairs(self) -> list[DateMention]:
        return [m for m in self.mentions if m.is_pair]

    @property
    def orders(self) -> tuple[str, ...]:
        return tuple(sorted({r.order for r in self.readings})) or ("dmy", "mdy")

    def tense(self, m: DateMention) -> str:
        """'past', 'future', 'present' or '' (unclear) for a mention, from the verb group that governs it
        (read when first asked: most mentions never are)."""
        found = self.tenses.get(m.start)
        if found is None:
            found = ""
            if self.sentence_spans and self.tokens:
                verbs = self._sentence_verbs(m.sentence)
                i0, i1 = token_range(self.tokens, m.start, m.end)
                if verbs.lo <= i0 < verbs.hi:
                    found = verbs.tense_of(i0, min(i1, verbs.hi))
            self.tenses[m.start] = found
        return found

    def _sentence_verbs(self, k: int) -> SentenceVerbs:
        if k not in self._verbs:
            s = self.sentence_spans[k]
            lo, hi = token_range(self.tokens, s.start, s.end)
            # the words of dates are not verbs (`May`, `March`), nor their commas clause breaks
            skip = set()
            for m in self._by_sentence.get(k, ()):
                a, b = token_range(self.tokens, m.start, m.end)
                skip.update(range(a, b))
            self._verbs[k] = SentenceVerbs(self.text, self.tokens, lo, hi, frozenset(skip))
        return self._verbs[k]

    @cached_property
    def _by_sentence(self) -> dict[int, list[DateMention]]:
        out: dict[int, list[DateMention]] = {}
        for m in self.mentions:
            out.setdefault(m.sentence, []).append(m)
        return out

    def candidates(self, m: DateMention, reading: Reading) -> Candidates | None:
        """The dates a mention can name under a reading, or None (no day, or impossible)."""
        key = (m, reading)
        if key not in self._resolved:
            self._resolved[key] = self._candidates(m, reading)
        return self._resolved[key]

    def _candidates(self, m: DateMention, reading: Reading) -> Candidates | None:
        dm = m.day_month(reading.order)
        if dm is None:
            return None
        day, month = dm
        if m.year is not None:
            return Candidates((dt.date(m.year, month, day),)) if valid_date(m.year, month, day) else None
        # a yearless date in a sentence that names a year of its own (`in 2016, when the vote
        # came on Wednesday 2 March`) may be in that year: one more plausible reading
        own = tuple(dt.date(y, month, day) for y in self.sentence_years(m.sentence) if valid_date(y, month, day))
        if reading.year is not None:
            found = ((dt.date(reading.year, month, day),) if valid_date(reading.year, month, day) else ())
            found += tuple(d for d in own if d not in found)
            return Candidates(found) if found else None
        if self.published is None:
            return None
        tense = self.tense(m)
        c = candidate_dates(self.published, month, day, tense)
        # ... on the side of publication its tense allows (`will be repealed` is not in 2016)
        own = tuple(d for d in own if not (tense == FUTURE and d < self.published)
                    and not (tense == PAST and d > self.published))
        if c is None or not own:
            return c
        return Candidates(c.likely + tuple(d for d in own if d not in c.likely), c.against)

    def sentence_years(self, k: int) -> tuple[int, ...]:
        """The years a sentence names as bare numbers (`in 2016`), not counts (`2016 people`);
        read once per sentence (a line of 4,000 dates asks 4,000 times)."""
        if not self.sentence_spans:
            return ()
        found = self._years.get(k)
        if found is None:
            s = self.sentence_spans[k]
            found = tuple(sorted({int(y.group(1)) for y in _BARE_YEAR.finditer(self.text, s.start, s.end)
                                  if not _followed_by_count(self.text, y.end())}))
            self._years[k] = found
        return found

    def resolve(self, m: DateMention, reading: Reading) -> dt.date | None:
        """The date a mention most likely names under a reading: the one its tense points to,
        else the one nearest publication."""
        c = self.candidates(m, reading)
        if c is None or not c.likely:
            return None
        if len(c.likely) == 1 or self.published is None:
            return c.likely[0]
        pub = self.published
        return min(c.likely, key=lambda d: (abs((d - pub).days), d))

    def agrees(self, m: DateMention, reading: Reading) -> bool | None:
        """Does the weekday fit a plausible date under this reading (None: nothing to check)?"""
        c = self.candidates(m, reading)
        if c is None or not c.likely or m.weekday is None:
            return None
        return any(d.weekday() == m.weekday for d in c.likely)

    @cached_property
    def mismatches(self) -> list[Mismatch]:
        """Weekday+date pairs that are wrong under every plausible best reading."""
        out: list[Mismatch] = []
        if self.score < self.evidence_needed:
            return out
        for m in self.pairs:
            verdicts = [self.agrees(m, r) for r in self.readings]
            if verdicts and all(v is False for v in verdicts):
                r = self._representative(m)
                d = self.resolve(m, r)
                if d is not None:
                    against = [x for rr in self.readings for x in self.candidates(m, rr).against
                               if x.weekday() == m.weekday]
                    out.append(Mismatch(m, d, r, min(against) if against else None))
        return out

    def _representative(self, m: DateMention) -> Reading:
        """The reading to name in a message: the best one closest to the publication year or,
        with no publication date, to the years of recent copy."""
        if self.published is not None:
            def gap(r: Reading) -> int:
                d = self.resolve(m, r)
                return abs((d - self.published).days) if d else 10**6

            return min(self.readings, key=lambda r: (gap(r), r.order))
        return min(self.readings, key=lambda r: (abs((r.year or ANCHOR_YEAR) - ANCHOR_YEAR), r.year or 0, r.order))

    def agreeing(self, reading: Reading) -> list[DateMention]:
        if reading not in self._agreeing:
            self._agreeing[reading] = [m for m in self.pairs if self.agrees(m, reading)]
        return self._agreeing[reading]


ANCHOR_YEAR = 2025  # with no year anywhere, name the fitting year nearest to recent copy
YEAR_RANGE = range(1990, 2041)
# "a few months": news copy that gives a date without its year means one this close to
# publication. Under 182 days, so at most one side of publication is ever this close.
NEAR = dt.timedelta(days=120)
_SLACK = dt.timedelta(days=1)  # a story filed late at night, an event just after midnight


def candidate_dates(published: dt.date, month: int, day: int, tense: str) -> Candidates | None:
    """The dates with this day and month that a sentence can mean, seen from publication:
    in the past tense the latest before it, in the future the first after it; with no clear
    tense, whichever is within a few months (both when neither is), and in the present (a
    schedule) the next one too. The other side, when it is near, is kept apart: a weekday that
    fits only there contradicts the tense, not the calendar."""
    options = [dt.date(y, month, day) for y in range(published.year - 4, published.year + 5)
               if valid_date(y, month, day)]
    prev = max((d for d in options if d <= published + _SLACK), default=None)
    nxt = min((d for d in options if d >= published - _SLACK), default=None)
    if prev is None or nxt is None:
        return None

    def near(d: dt.date) -> bool:
        return abs(d - published) <= NEAR

    if tense == PAST:
        return Candidates((prev,), (nxt,) if nxt != prev and near(nxt) else ())
    if tense == FUTURE:
        return Candidates((nxt,), (prev,) if prev != nxt and near(prev) else ())
    close = {d for d in (prev, nxt) if near(d)}
    if tense == PRESENT:
        close.add(nxt)  # a schedule: `the new rules take effect on ...`, months ahead
    return Candidates(tuple(sorted(close or {prev, nxt})))


def _order_from_numbers(mentions: list[DateMention]) -> list[str]:
    """Numbers only one order can read settle it: an article that writes 13/5 (and never 5/13)
    reads day/month."""
    dmy = any(m.numeric and m.numeric[0] > 12 >= m.numeric[1] for m in mentions)
    mdy = any(m.numeric and m.numeric[1] > 12 >= m.numeric[0] for m in mentions)
    if dmy != mdy:
        return ["dmy"] if dmy else ["mdy"]
    return ["dmy", "mdy"]


def analyse_dates(doc: Document) -> DateAnalysis:
    mentions = extract(doc)
    meta = doc.metadata
    published, published_from = meta.published, meta.published_from
    if published is None:
        dl = _DATELINE.match(doc.text[: 200]) or _DATELINE_DM.match(doc.text[: 200])
        if dl:
            month = _MONTH_INDEX[dl.group("mon").rstrip(".").lower()]
            # `LONDON, Jan 6 (Reuters) -` has no year: take the latest year the article's dates give
            years = [m.year for m in mentions if m.year]
            year = int(dl.group("year")) if dl.group("year") else max(years, default=None)
            if year and valid_date(year, month, int(dl.group("day"))):
                published = dt.date(year, month, int(dl.group("day")))
                published_from = "dateline"
    analysis = DateAnalysis(mentions, published, published_from, text=doc.text, sentence_spans=doc.sentences,
                            tokens=doc.tokens)
    forced = doc.options.get("date_order")
    orders = [forced] if forced in ("dmy", "mdy") else ["dmy", "mdy"]
    analysis.forced_order = forced if forced in ("dmy", "mdy") else None
    if len(orders) == 2 and any(m.needs_order() for m in mentions):
        orders = _order_from_numbers(mentions)
    if published is not None:
        candidates = [Reading(o, None) for o in orders]
        analysis.evidence_needed = 0
    else:
        years = sorted({m.year for m in mentions if m.year})
        yearless_pairs = [m for m in analysis.pairs if m.year is None]
        if not yearless_pairs:
            candidates = [Reading(o, None) for o in orders]
            analysis.evidence_needed = 0
        elif years:
            spread = sorted({y + k for y in years for k in (-1, 0, 1)})
            candidates = [Reading(o, y) for o in orders for y in spread]
            analysis.evidence_needed = 1
        else:
            # no year anywhere: only the article's own weekday+date pairs can fix one
            candidates = [Reading(o, y) for o in orders for y in YEAR_RANGE]
            analysis.evidence_needed = 2
    # with no publication date a pair agrees with a reading by its day, month, year and weekday
    # alone (no tense is read): pairs alike are read once per reading and counted as many times
    alike: dict[tuple, list[DateMention]] = {}
    for m in analysis.pairs:
        key = (m.day_month("dmy"), m.day_month("mdy"), m.year, m.weekday) if published is None else m
        alike.setdefault(key, []).append(m)
    weighted = [(ms[0], len(ms)) for ms in alike.values()]
    scored = [(sum(n for m, n in weighted if analysis.agrees(m, r)), r) for r in candidates]
    best = max((s for s, _ in scored), default=0)
    analysis.readings = [r for s, r in scored if s == best]
    analysis.score = best
    if analysis.evidence_needed and best < analysis.evidence_needed:
        analysis.readings = [r for _, r in scored]
    # only a pair a reading can be wrong about counts; when the evidence is thin, stay silent
    if analysis.evidence_needed == 2:
        disagreeing = sum(n for m, n in weighted if all(analysis.agrees(m, r) is False for r in analysis.readings))
        if disagreeing >= best:
            analysis.score = 0
    return analysis
