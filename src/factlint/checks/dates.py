"""Date rules (D): weekdays against dates, impossible dates, tense against the publication date,
relative days against the dates they stand for."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator

from .. import wordclass
from ..analysis.dates import (
    NEAR,
    RELATIVE_DAYS,
    WEEKDAYS,
    Candidates,
    DateMention,
    Reading,
    possible_day_month,
    valid_date,
)
from ..analysis.tense import FUTURE, PAST
from ..document import Document
from ..model import ERROR, WARNING, Hit, Ref
from ..registry import rule

_NONE = Candidates(())


def _fmt(d: dt.date) -> str:
    return f"{d.day} {d:%B %Y}"


def _verb(doc: Document, d: dt.date) -> str:
    pub = doc.dates.published
    return "was" if pub is not None and d < pub else "is"


def _how_read(doc: Document, m: DateMention, r: Reading) -> str:
    """Why the date was read the way it was: only said when the text itself did not say it."""
    a = doc.dates
    parts = []
    side = ""
    if m.needs_order() and a.forced_order is None:
        parts.append("day/month" if r.order == "dmy" else "month/day")
    if m.year is None:
        if r.year is not None:
            parts.append(f"in {r.year}")
        elif a.published is not None:
            side = _side(a.tense(m), len((a.candidates(m, r) or _NONE).likely), a.published)
    if not parts and not side:
        return ""
    why = "read as " + ", ".join(x for x in (" ".join(parts), side) if x)
    support = [x.text for x in a.agreeing(r) if x is not m][:3]
    if support and (r.year is not None or m.needs_order()):
        why += f"{';' if side else ','} the reading under which {', '.join(support)} agree"
    return f" ({why})"


def _side(tense: str, n: int, pub: dt.date) -> str:
    """Which date a yearless mention was taken for, in words, and why."""
    if tense == PAST:
        return f"the last such date before publication on {_fmt(pub)} as the sentence is in the past tense"
    if tense == FUTURE:
        return f"the next such date after publication on {_fmt(pub)} as the sentence is in the future tense"
    if n > 1:
        return f"such dates either side of publication on {_fmt(pub)}"
    return f"the nearest such date to publication on {_fmt(pub)}"


@rule("D101", "weekday-date-mismatch", ERROR)
def weekday_date_mismatch(doc: Document) -> Iterator[Hit]:
    """A weekday that does not fall on the date it is given with.

    What it flags: a weekday written with its date (`Saturday, April 9, 2021`, `Thursday (6/12)`,
    `Fri. 7/10`, `Saturday night, March 7`, `4 March (a Wednesday)`, `3 March 2026, a Wednesday`)
    when that date falls on another day under every plausible reading; and, as a warning, a
    weekday anchored by `this`, `next` or `last` whose date or ordinal is in another week
    (`this Friday, the 15th` in a story of Monday 10 March). The year comes from the
    date itself, the article's other weekday+date pairs, or the publication date and the tense
    of the verb group that governs the date: `was held on` is the last such date before
    publication, `will be held on` / `is due to` / `is scheduled for` the next one after it;
    with no clear tense (`takes effect on ..., the ministry said`), whichever is within a few
    months of publication, or both. A weekday that fits only the date on the other side of
    publication from its tense is a warning (the tense or the weekday is wrong), not an error.
    The day/month order of numeric dates comes from `date-order` in config or from the reading
    under which the article's dates agree. With too little evidence, it stays silent.

    Why it matters: one of the two is wrong, and a reader cannot tell which. Corrections of
    dates are among the most common a news desk publishes.

    Example:
        The hearing opened on Sunday, April 9, 2022, in the district court.

    Instead:
        The hearing opened on Saturday, April 9, 2022, in the district court.

    Check the date and the weekday against the reporting: the suggestion assumes the date is
    right, but it may be the weekday that is.
    """
    a = doc.dates
    for m, d, r, against in a.mismatches:
        actual = WEEKDAYS[d.weekday()]
        given = WEEKDAYS[m.weekday]
        # every date the readings leave plausible: with the year or the order unsettled they may
        # fall on different weekdays, and then no one weekday can be suggested
        likely = sorted({x for rr in a.readings for x in (a.candidates(m, rr) or _NONE).likely})
        weekdays = {x.weekday() for x in likely}
        orders = {rr.order for rr in a.readings}
        if against is not None:
            # it fits a date on the other side of publication: the tense or the weekday is
            # wrong, and only the reporting can say which
            side = "after" if against > d else "before"
            yield Hit(m.start, m.end,
                      f"{given} does not match the date this sentence's tense points to: {_fmt(d)} "
                      f"{_verb(doc, d)} a {actual}; {_fmt(against)}, {side} publication, "
                      f"{_verb(doc, against)} a {given}: check the weekday and the tense",
                      severity=WARNING)
            continue
        if m.needs_order() and len(orders) == 2:
            # the article does not settle the order: it is wrong either way, say both
            readings = sorted({(a.resolve(m, rr), rr.order) for rr in a.readings if a.resolve(m, rr)},
                              key=lambda x: (x[1] != r.order, x[0]))
            both = "; ".join(f"{_fmt(x)} ({'day/month' if o == 'dmy' else 'month/day'}) "
                             f"{_verb(doc, x)} a {WEEKDAYS[x.weekday()]}" for x, o in readings[:2])
            yield Hit(m.start, m.end, f"{given} does not match the date in either order: {both}")
            continue
        related = tuple(
            Ref(x.start, x.end, f"{x.text} agrees with this reading")
            for x in doc.dates.agreeing(r) if x is not m
        )[:3]
        mine = (a.candidates(m, r) or _NONE).likely
        said = "; ".join(f"{_fmt(x)} {_verb(doc, x)} a {WEEKDAYS[x.weekday()]}" for x in mine) if len(mine) > 1 else (
            f"{_fmt(d)} {_verb(doc, d)} a {actual}")
        yield Hit(
            m.start, m.end,
            f"{given} does not match the date: {said}{_how_read(doc, m, r)}",
            suggestion=_with_weekday(doc, m, actual)
            if len(weekdays) == 1 and not _bare_weekday_in_paragraph(a.mentions, m, d.weekday()) else None,
            related=related,
        )
    yield from _modified_ordinals(doc)


# the days a modified weekday can be, counted from publication: `this Friday` in the week either
# side, `next Friday` up to a fortnight ahead, `last Friday` up to a fortnight back
_MODIFIED_RANGE = {"this": (-6, 6), "coming": (1, 7), "next": (1, 13), "last": (-13, -1), "past": (-7, -1)}


def _modified_ordinals(doc: Document) -> Iterator[Hit]:
    """`this Friday, the 15th` in a story of Monday 10 March: the Friday the word points to is
    the 14th. Only a weekday the writer anchored (`this`, `next`, `last`) is read, so the month
    of the ordinal is never guessed."""
    a = doc.dates
    pub = a.published
    if pub is None:
        return
    mismatched = {id(x.mention) for x in a.mismatches}
    for m in a.mentions:
        if m.weekday is None or m.weekday_span is None or doc.in_quotation(m.start, m.end):
            continue
        if m.kind != "ordinal" and not (m.is_pair and id(m) not in mismatched):
            continue
        i = doc.token_index(m.weekday_span[0])
        word = doc.tokens[i - 1].norm if i > 0 else ""
        if word not in _MODIFIED_RANGE:
            continue
        lo, hi = _MODIFIED_RANGE[word]
        days = [pub + dt.timedelta(days=k) for k in range(lo, hi + 1)]
        meant = [d for d in days if d.weekday() == m.weekday]
        if m.kind != "ordinal":
            # `this Thursday, March 20` in a story of Monday 10 March: the date is a Thursday,
            # but not the one the word points to
            read = {x for r in a.readings for c in (a.candidates(m, r),) if c is not None
                    for x in (*c.likely, *c.against)}
            if meant and read and not read & set(meant):
                d = min(read, key=lambda x: abs(x - pub))
                named = " or ".join(_fmt(x) for x in meant)
                yield Hit(m.start, m.end,
                          f"‘{word} {WEEKDAYS[m.weekday]}’ in a story published on {WEEKDAYS[pub.weekday()]} "
                          f"{_fmt(pub)} is {named}, but the date given is {_fmt(d)}",
                          severity=WARNING)
            continue
        if not meant or any(d.day == m.day for d in meant):
            continue
        named = " or ".join(f"the {d.day}{_suffix(d.day)}" for d in meant)
        yield Hit(m.start, m.end,
                  f"‘{word} {WEEKDAYS[m.weekday]}’ in a story published on {WEEKDAYS[pub.weekday()]} "
                  f"{_fmt(pub)} is {named}, not the {m.day}{_suffix(m.day)}",
                  severity=WARNING)


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _with_weekday(doc: Document, m: DateMention, weekday: str) -> str | None:
    """The mention's own words with another weekday: the replacement for its whole span, so
    applying it changes the weekday and keeps the date."""
    if m.weekday_span is None:
        return None
    ws, we = m.weekday_span
    return doc.text[m.start:ws] + weekday + doc.text[we:m.end]


def _days_apart(doc: Document, a: DateMention, b: DateMention, order: str) -> set[int] | None:
    """Days between two dates under one order, for every year they could be in."""
    da, db = a.day_month(order), b.day_month(order)
    if da is None or db is None:
        return None
    out = set()
    for y in (2001, 2004):  # a common and a leap year
        ya, yb = a.year or y, b.year or y
        if a.year is None and b.year is not None:
            ya = yb
        if b.year is None and a.year is not None:
            yb = ya
        if not (valid_date(ya, da[1], da[0]) and valid_date(yb, db[1], db[0])):
            return None
        out.add((dt.date(yb, db[1], db[0]) - dt.date(ya, da[1], da[0])).days)
    return out


@rule("D102", "conflicting-weekdays", ERROR)
def conflicting_weekdays(doc: Document) -> Iterator[Hit]:
    """One date given two weekdays, or one weekday given to two dates less than a week apart.

    What it flags: `Thursday, 6 January` and later `Friday, 6 January`; `Thursday (6/1)` and
    `Thursday (9/1)`. Both cannot be right, whatever the year, so this needs no calendar.
    When the date itself is known to be wrong (D101), this rule leaves it to D101.

    Why it matters: a reader who notices the clash stops trusting every date in the story.

    Example:
        Voting began on Thursday, 6 January. Results were announced on Friday, 6 January.

    Instead:
        Voting began on Thursday, 6 January. Results were announced on Friday, 7 January.
    """
    a = doc.dates
    flagged = {id(x.mention) for x in a.mismatches}
    pairs = [m for m in a.pairs if id(m) not in flagged]
    orders = a.orders
    reported: set[int] = set()
    distinct: list[DateMention] = []  # each weekday+date written once: repeats say nothing new
    keys: set[tuple] = set()
    for later in pairs:
        key = (later.weekday, later.day, later.day2, later.month, later.year, later.numeric)
        earlier_ones = list(distinct)
        if key not in keys:
            keys.add(key)
            distinct.append(later)
        for earlier in earlier_ones:
            if id(later) in reported:
                break
            gaps = [_days_apart(doc, earlier, later, o) for o in orders]
            if any(g is None for g in gaps):
                continue
            same_wd = earlier.weekday == later.weekday
            if not same_wd and all(g == {0} for g in gaps):
                msg = (f"{later.text} gives this date a different weekday from {earlier.text}: "
                       f"one of the two weekdays is wrong")
            elif same_wd and all(all(0 < abs(x) < 7 for x in g) for g in gaps):
                msg = (f"{later.text} and {earlier.text} cannot both be a {WEEKDAYS[later.weekday]}: "
                       f"their dates are less than a week apart")
            else:
                continue
            reported.add(id(later))
            yield Hit(later.start, later.end, msg,
                      related=(Ref(earlier.start, earlier.end, f"the other mention: {earlier.text}"),))


@rule("D103", "impossible-date", ERROR)
def impossible_date(doc: Document) -> Iterator[Hit]:
    """A date that does not exist: `31/2`, `April 31`, `30 February`, month 13.

    What it flags: a day past the end of its month (29 February in a year that is not a leap
    year included), a month above 12, a range that ends past its month. Numeric dates are only
    flagged when no day/month order the article allows can read them.

    Why it matters: an impossible date is certainly a typo, and usually of the day the event
    happened.

    Example:
        The ceasefire was signed on 31 April 2023 in Jeddah.

    Instead:
        The ceasefire was signed on 30 April 2023 in Jeddah.
    """
    a = doc.dates
    for m in a.mentions:
        bad = None
        if m.numeric is not None:
            orders = a.orders if m.kind != "iso" else ("dmy",)
            ok = False
            for o in orders:
                day, month = m.day_month(o)
                if (m.year and valid_date(m.year, month, day)) or (not m.year and possible_day_month(day, month)):
                    ok = True
            if not ok:
                x, y = m.numeric
                bad = f"{x}/{y} is not a date in either day/month or month/day order" if len(orders) == 2 else (
                    f"{m.text.strip()} is not a date when read {'day/month' if orders[0] == 'dmy' else 'month/day'}")
        elif m.month is not None and not 1 <= m.month <= 12:
            bad = f"there is no month {m.month}"
        elif m.day is not None and m.month is not None:
            month_name = dt.date(2001, m.month, 1).strftime("%B")
            for day in (m.day, m.day2):
                if day is None:
                    continue
                if m.year and not valid_date(m.year, m.month, day):
                    if m.month == 2 and day == 29:
                        bad = f"{m.year} was not a leap year: February had 28 days"
                    else:
                        bad = f"{month_name} has no day {day}"
                elif not possible_day_month(day, m.month):
                    bad = f"{month_name} has no day {day}" if day > 0 else "there is no day 0"
        if bad:
            yield Hit(m.start, m.end, f"impossible date: {bad}")


_BOUND_WORDS = ("until", "till", "through", "by", "before", "to", "deadline", "expires", "expire",
                "due", "scheduled", "set", "planned", "from", "between", "starting", "beginning",
                "effective", "since", "after", "later", "than")


def _preceded_by_bound(doc: Document, m: DateMention) -> bool:
    i = doc.token_index(m.start)
    before = [t.norm for t in doc.tokens[max(0, i - 4):i]]
    return any(w in _BOUND_WORDS for w in before)


@rule("D104", "date-against-tense", WARNING)
def date_against_tense(doc: Document) -> Iterator[Hit]:
    """A past event dated after publication, or a plan dated before it.

    What it flags: with a publication date known (`--published`, front matter, HTML metadata, a
    dateline), a sentence in the past tense about a date with its year that comes after it
    (`The court ruled on 12 March 2024` in a story published on 1 March 2024), and a sentence
    about a future plan dated before it. A date without its year is one within a few months of
    publication: `enrolled its first patients on Sept. 22` in a story of 10 September is flagged
    when the date lies within four weeks across publication and the sentence names no year of its
    own. The tense is the verb group's that governs the date
    (`will be held on` is a plan, `..., the ministry said` dates nothing). Dates after `until`,
    `by`, `before`, `from` and the like are bounds, not events, and are left alone; so are
    quotations.

    Why it matters: usually the year is wrong (January copy still carrying last year), or the
    event has been confused with another.

    Published: 2024-03-01

    Example:
        The court ruled on 12 March 2024 that the strike was lawful.

    Instead:
        The court ruled on 12 February 2024 that the strike was lawful.
    """
    a = doc.dates
    pub = a.published
    if pub is None:
        return
    slack = dt.timedelta(days=1)
    joins: dict[int, tuple[list[int], list[str]]] = {}
    for m in a.mentions:
        if m.kind in ("part",) or doc.in_quotation(m.start, m.end):
            continue
        if m.year is None:
            hit = _yearless_against_tense(doc, m, pub, slack, joins)
            if hit is not None:
                yield hit
            continue
        if m.kind == "my":
            first = dt.date(m.year, m.month, 1)
            last = dt.date(m.year, m.month, 28)
        else:
            dates = [a.resolve(m, Reading(o, None)) for o in (a.orders if m.needs_order() else ("dmy",))]
            if not dates or any(d is None for d in dates):
                continue
            first, last = min(dates), max(dates)
        tense = a.tense(m)
        if _preceded_by_bound(doc, m):
            continue
        if tense == "past" and first > pub + slack:
            yield Hit(m.start, m.end,
                      f"this sentence tells of a past event, but {m.text.strip()} is after publication on {_fmt(pub)}")
        elif tense == "future" and last < pub - slack and m.kind != "my":
            yield Hit(m.start, m.end,
                      f"this sentence tells of a plan, but {m.text.strip()} was before publication on {_fmt(pub)}")


# how close across publication a yearless date must be for the tense's reading, a year away, to be
# implausible: copy a month from an event still means this year's, but a list of last year's
# outbreaks (`first on February 6, Tonga on October 22`) reaches further back than that
_ACROSS = dt.timedelta(days=28)


# a clause joined on after the first verb: `won on Saturday and plays again on 27 December`,
# `United, who lost, play again on ...`: its own verb (often a present form the tense reader takes
# for a noun) is the date's, not the first clause's
_JOINED = re.compile(r"(?:[,;]|\b(?:and|but|while|then|yet)\b)\s+([A-Za-z][\w'’-]*)")


def _new_verb_before(doc: Document, m: DateMention, joins: dict[int, tuple[list[int], list[str]]]) -> bool:
    if m.sentence not in joins:
        # the joins of a sentence are found once, however many dates it holds
        s = doc.sentences[m.sentence]
        found = list(_JOINED.finditer(doc.text, s.start, s.end))
        joins[m.sentence] = ([j.end() for j in found], [j.group(1) for j in found])
    ends, words = joins[m.sentence]
    i = bisect.bisect_right(ends, m.start) - 1
    if i < 0:
        return False
    word = words[i]
    return word[:1].islower() and wordclass.is_class("verb", word.lower(), word)


def _yearless_against_tense(doc: Document, m: DateMention, pub: dt.date, slack: dt.timedelta,
                            joins: dict[int, tuple[list[int], list[str]]]) -> Hit | None:
    """A date without its year means one within a few months of publication. When the tense
    puts it a year away while the same day and month lie just across publication
    (`enrolled its first patients on Sept. 22` in a story of 10 September), no reading is
    both near and in the tense: the event is on the wrong side of publication."""
    a = doc.dates
    tense = a.tense(m)
    if tense not in (PAST, FUTURE) or not m.has_day or m.kind in ("ordinal", "relnum") or _preceded_by_bound(doc, m):
        return None
    if a.sentence_years(m.sentence):
        return None  # `in 2011, ... on June 24`: the sentence says which year
    if _new_verb_before(doc, m, joins):
        return None
    across: list[dt.date] = []
    for r in (a.readings if m.needs_order() else (Reading("dmy", None),)):
        c = a.candidates(m, r)
        if c is None or any(abs(d - pub) <= NEAR for d in c.likely):
            return None  # a reading is near and in the tense
        across += [d for d in c.against if abs(d - pub) <= _ACROSS
                   and (d > pub + slack if tense == PAST else d < pub - slack)]
    if not across:
        return None
    d = min(across, key=lambda x: abs(x - pub))
    if tense == PAST:
        msg = (f"this sentence tells of a past event, but {m.text.strip()} without a year reads as "
               f"{_fmt(d)}, after publication on {_fmt(pub)}")
    else:
        msg = (f"this sentence tells of a plan, but {m.text.strip()} without a year reads as "
               f"{_fmt(d)}, before publication on {_fmt(pub)}")
    return Hit(m.start, m.end, msg)


def _adjacent(doc: Document, first: DateMention, second: DateMention) -> bool:
    gap = doc.text[first.end:second.start]
    return len(gap) <= 3 and gap.strip(" ,(") == ""


def _weekday_resolved(pub: dt.date, weekday: int, tense: str) -> dt.date | None:
    back = (pub.weekday() - weekday) % 7
    fwd = (weekday - pub.weekday()) % 7
    if tense == "past":
        return pub - dt.timedelta(days=back)
    if tense == "future":
        return pub + dt.timedelta(days=fwd)
    return None


_MODIFIERS = frozenset("next last this coming following previous every each that same".split())


def _modified(doc: Document, m: DateMention) -> bool:
    """`next Saturday`, `this coming Saturday`: the writer has said which one."""
    i = doc.token_index(m.start)
    return i > 0 and doc.tokens[i - 1].norm in _MODIFIERS


# the part of the day a relative word names, kept when it becomes a weekday (`last night` is
# `on Tuesday night`, not `on Tuesday`)
_PART_OF_DAY = {"tonight": "night", "last night": "night", "this morning": "morning",
                "this afternoon": "afternoon", "this evening": "evening"}
# a weekday after one of these takes no `on` of its own (`since yesterday` -> `since Tuesday`)
_GOVERNED_BY = frozenset("on since until till by from before after through of".split())


def _possessive(doc: Document, m: DateMention) -> bool:
    return doc.text[m.end:m.end + 2] in ("'s", "’s")


def _bare_weekday_in_paragraph(ms: list[DateMention], m: DateMention, weekday: int) -> bool:
    """Does m's paragraph name that weekday alone elsewhere (`on Saturday`)? Then the weekday
    put for m would give the paragraph two Saturdays a reader cannot tell apart."""
    return any(x.paragraph == m.paragraph and x.kind == "weekday" and x.weekday == weekday
               for x in ms if x is not m)


def _relative_as_weekday(doc: Document, m: DateMention, weekday: str) -> str:
    """The words that replace a relative day by the weekday it should name: `on Wednesday` for
    `yesterday`, a bare `Wednesday` after a preposition, in brackets or before `'s`, the part of
    the day kept, and the capital kept where the relative word had one (a sentence's first)."""
    text = doc.text
    words = weekday + (f" {_PART_OF_DAY[m.relative]}" if m.relative in _PART_OF_DAY else "")
    i = doc.token_index(m.start)
    prev = doc.tokens[i - 1] if i > 0 else None
    governed = prev is not None and prev.norm in _GOVERNED_BY and not text[prev.end:m.start].strip()
    bracketed = text[:m.start].rstrip(" ").endswith("(")
    if governed or bracketed or _possessive(doc, m):
        return words
    return ("On " if text[m.start].isupper() else "on ") + words


# the days a week word can reach from publication: the calendar week it names, with a day's slack
# for a story filed late or a week counted loosely (`next week` on a Sunday is tomorrow onwards)
_WEEKS = {"last week": (-13, -1), "this week": (-6, 6), "next week": (1, 13)}
# what may stand between a week word and the date that says which day of it (`next week, on 3 May`)
_WEEK_GAP = re.compile(r"[ \t]*[,(—–-]?[ \t]*(?:on[ \t]+)?")


def _week_against_date(doc: Document, ms: list[DateMention], pub: dt.date) -> Iterator[Hit]:
    """`closes next week on 30 October` in a story of 4 November: no reading of the date falls
    in the week the word names."""
    a = doc.dates
    for i, m in enumerate(ms[:-1]):
        if m.kind != "relative" or m.relative not in _WEEKS or doc.in_quotation(m.start, m.end):
            continue
        other = ms[i + 1]
        if not other.has_day or other.kind in ("ordinal", "relnum") or not _WEEK_GAP.fullmatch(doc.text, m.end, other.start):
            continue
        lo, hi = (pub + dt.timedelta(days=k) for k in _WEEKS[m.relative])
        read = [x for r in a.readings for c in (a.candidates(other, r),) if c is not None
                for x in (*c.likely, *c.against)]
        if not read or any(lo <= x <= hi for x in read):
            continue
        d = min(read, key=lambda x: abs(x - pub))
        yield Hit(m.start, m.end,
                  f"‘{m.relative}’ falls between {_fmt(lo)} and {_fmt(hi)} for a story published on "
                  f"{_fmt(pub)}, but the date beside it is {_fmt(d)}",
                  related=(Ref(other.start, other.end, f"the date: {other.text}"),))


@rule("D105", "relative-date-mismatch", WARNING)
def relative_date_mismatch(doc: Document) -> Iterator[Hit]:
    """A relative day (`yesterday`, `today`, `on Thursday`) that contradicts a date beside it.

    What it flags: with a publication date known, `yesterday (5/1)` in a story published on
    7 January; `today, Friday` in a story published on a Thursday; and `on Thursday` in a
    past-tense paragraph whose dated mention is a different Thursday from the one the
    publication date makes it (the reader will count back to the wrong day); and `last week`,
    `this week` or `next week` beside a date outside that week (`closes next week on 30 October`
    in a story of 4 November).

    Why it matters: wire copy is read a day or a week after it was written. A relative day
    that was true in the first draft silently goes wrong when the story is held or updated.

    Published: 2022-01-07

    Example:
        Protesters gathered outside the embassy yesterday (5/1) and again this morning.

    Instead:
        Protesters gathered outside the embassy on Wednesday (5/1) and again this morning.
    """
    a = doc.dates
    pub = a.published
    if pub is None:
        return
    ms = a.mentions
    for i, m in enumerate(ms):
        if m.kind != "relative" or m.relative not in RELATIVE_DAYS or doc.in_quotation(m.start, m.end):
            continue
        expected = pub + dt.timedelta(days=RELATIVE_DAYS[m.relative])
        other = None
        if i + 1 < len(ms) and (_adjacent(doc, m, ms[i + 1]) or _WEEK_GAP.fullmatch(doc.text, m.end, ms[i + 1].start)) \
                and not _possessive(doc, ms[i + 1]):
            other = ms[i + 1]  # yesterday (5/1), today, Friday, yesterday, on 8 March, tomorrow — Tuesday
        elif i > 0 and _adjacent(doc, ms[i - 1], m) and "(" in doc.text[ms[i - 1].end:m.start]:
            other = ms[i - 1]  # Wednesday (yesterday)
        if other is None:
            continue
        if other.has_day:
            # of the dates the one beside it can be (each order, either side of publication),
            # the writer meant the one nearest the day the relative word names: reason with
            # that one, name it, and suggest its weekday
            read = [(x, r) for r in a.readings for c in (a.candidates(other, r),) if c is not None
                    for x in (*c.likely, *c.against)]
            if not read or any(x == expected for x, _ in read):
                continue
            d, r = min(read, key=lambda xr: (abs((xr[0] - expected).days), xr[0]))
            how = ""
            if other.needs_order() and a.forced_order is None and len({rr.order for rr in a.readings}) > 1:
                how = f" (read {'day/month' if r.order == 'dmy' else 'month/day'}, the reading nearest to it)"
            yield Hit(m.start, m.end,
                      f"‘{m.relative}’ is {_fmt(expected)} for a story published on {_fmt(pub)}, "
                      f"but the date beside it is {_fmt(d)}{how}",
                      suggestion=None if _bare_weekday_in_paragraph(ms, m, d.weekday())
                      or re.search(r"\bon\b", doc.text[m.end:other.start]) else
                      _relative_as_weekday(doc, m, WEEKDAYS[d.weekday()]),
                      related=(Ref(other.start, other.end, f"the date: {other.text}"),))
        elif other.weekday is not None and other.weekday != expected.weekday():
            yield Hit(m.start, m.end,
                      f"‘{m.relative}’ is a {WEEKDAYS[expected.weekday()]} for a story published on "
                      f"{_fmt(pub)}, but the weekday beside it is {WEEKDAYS[other.weekday]}",
                      related=(Ref(other.start, other.end, f"the weekday: {other.text}"),))
    yield from _week_against_date(doc, ms, pub)
    # a bare weekday whose paragraph names that weekday with a date, a different one from the
    # day a reader counts back (or forward) to from the publication date
    mismatched = {id(x.mention) for x in a.mismatches}
    dated_pairs: dict[tuple[int, int], list[DateMention]] = {}
    for d in ms:
        if d.is_pair and id(d) not in mismatched:
            bucket = dated_pairs.setdefault((d.paragraph, d.weekday), [])
            if all(x.text != d.text for x in bucket):
                bucket.append(d)
    for m in ms:
        if m.kind != "weekday" or doc.in_quotation(m.start, m.end):
            continue
        if a.tense(m) != "past" or _modified(doc, m):
            continue
        meant = _weekday_resolved(pub, m.weekday, "past")
        for d in dated_pairs.get((m.paragraph, m.weekday), ()):
            dates = {a.resolve(d, r) for r in a.readings}
            if None in dates or len(dates) != 1:
                continue
            (date,) = dates
            if date != meant and date < pub:
                yield Hit(m.start, m.end,
                          f"‘{m.text}’ reads as {_fmt(meant)} for a story published on "
                          f"{WEEKDAYS[pub.weekday()]} {_fmt(pub)}, but this paragraph gives "
                          f"{d.text} as {_fmt(date)}",
                          suggestion=None if _possessive(doc, m) else f"{m.text} ({date.day} {date:%B})",
                          related=(Ref(d.start, d.end, f"the dated mention: {d.text}"),))
                break
