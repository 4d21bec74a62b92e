"""Figures in context: for each count in an article, what it counts (the key two counts must
share to be compared), whose claim it is (the article's own or a named source's), and when it is
set (the dates of its sentence, background from another time). Built once per document from the
quantities, attributions and dates, with indexes, so no rule scans every attribution or date
for every figure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..wordclass import is_class
from .attribution import UNNAMED, AttributionIndex, figure_source
from .dates import MONTHS, WEEKDAYS
from .lexicon import user_lexicons
from .nouns import singular
from .quantities import load_lexicon

if TYPE_CHECKING:
    from ..document import Document
    from .quantities import Quantity

# the categories whose counts must agree wherever an article gives them
COMPARABLE = frozenset({"killed", "injured", "arrested", "missing", "displaced", "victims", "charged"})

# a year, not a count (`1,990 people`) nor a time of day (`(2024 Friday, UTC)`, `2030 GMT`)
_YEAR_WORD = re.compile(r"\b(?:1[89]|20)\d\d\b(?!\s*(?:people|persons|[a-z]+s\b|hours?\b|hrs\b|GMT|UTC|local time|"
                        r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))")
_BACKGROUND = re.compile(r"\b(?:ago|previously|earlier this (?:year|month|week)|last (?:week|month|year)|"
                         r"in the past|a year earlier|the previous|history|historic|decades?|"
                         r"years of|in the (?:19|20)\d0s)\b", re.I)

# `the deadliest storm since 2013`, `the most ... since 1991`: a record measured up to now, so the
# sentence is about the news, not set in the year it names
_RECORD_SINCE = re.compile(r"\bthe\s+(?:most|least|first|worst|best|[a-z]{3,}iest|[a-z]{3,}gest|largest|"
                           r"highest|lowest|longest|greatest|strongest|heaviest|coldest|hottest|warmest)\b"
                           r"[^.;:]{0,60}\bsince\s+$", re.I)
# `... since 1998, when 12 workers were killed`: the year sets a clause of its own
_WHEN_AFTER = re.compile(r",?\s+(?:when|in which|after|as)\b", re.I)


class Timeline:
    """When each sentence is set: the dates it gives, and whether it is background from another
    time than the news. Date mentions are grouped by sentence once; each sentence is judged
    once, when first asked."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.published = doc.dates.published
        self._dates: dict[int, set[str]] = {}
        self._other_year: set[int] = set()
        for m in doc.dates.mentions:
            self._dates.setdefault(m.sentence, set()).add(m.text.lower())
            if m.year and (self.published is None or m.year != self.published.year):
                self._other_year.add(m.sentence)
        self._years: set[int] | None = None  # filled by _scan when first asked
        self._elsewhen: set[int] = set()
        self._with_before: dict[int, bool] = {}
        self._frames: dict[int, int | None] = {}

    def dates(self, sentence: int) -> frozenset[str]:
        return frozenset(self._dates.get(sentence, ()))

    def _scan(self) -> None:
        """The sentences that name another year or another time, by one pass of each pattern
        over the whole text (not one search per sentence)."""
        doc, pub = self.doc, self.published
        self._years = {doc.sentence_at(m.start()) for m in _YEAR_WORD.finditer(doc.text)
                       if (pub is None or int(m.group()) != pub.year)
                       and not (_RECORD_SINCE.search(doc.text, max(0, m.start() - 80), m.start())
                                and not _WHEN_AFTER.match(doc.text, m.end()))}
        self._elsewhen = {doc.sentence_at(m.start()) for m in _BACKGROUND.finditer(doc.text)}

    def other_year(self, sentence: int) -> bool:
        """Does a sentence name a year other than the publication's (`in 2001`, `the 1990s`)?"""
        if self._years is None:
            self._scan()
        return sentence in self._other_year or sentence in self._years

    def _own_background(self, i: int) -> bool:
        return self.other_year(i) or i in self._elsewhen

    def frame(self, sentence: int) -> int | None:
        """The sentence that sets the time of this one when it is not the news (`Last week, ...`,
        `In 2019, ...`): itself, or the paragraph's earlier sentence whose time it runs on in
        (no date of its own between them); None for the news itself."""
        found = self._frames.get(sentence, -1)
        if found != -1:
            return found
        doc = self.doc
        k = sentence
        chain = []
        while True:
            chain.append(k)
            if self._own_background(k):
                found = k
                break
            if k == 0 or k in self._dates or doc.paragraph_at(doc.sentences[k - 1].start) != \
                    doc.paragraph_at(doc.sentences[k].start):
                found = None
                break
            k -= 1
            if k in self._frames:
                found = self._frames[k]
                break
        for i in chain:
            self._frames[i] = found
        return found

    def background(self, sentence: int) -> bool:
        """Does a sentence (or the one before it in its paragraph) set its facts in another time
        than the news: a year, `last week`, `earlier this year`, `years of civil war`?"""
        found = self._with_before.get(sentence)
        if found is None:
            doc = self.doc
            # the sentence before sets the time too, unless this one gives a date of its own
            found = self._own_background(sentence) or sentence > 0 and sentence not in self._dates \
                and doc.paragraph_at(doc.sentences[sentence - 1].start) == doc.paragraph_at(doc.sentences[sentence].start) \
                and self._own_background(sentence - 1)
            self._with_before[sentence] = found
        return found


@dataclass(frozen=True)
class Figure:
    """A count with what it counts, whose claim it is and when it is set."""

    index: int  # in doc.quantities
    q: Quantity
    category: str  # the category it is compared in ("" when none: `victims` beside injured)
    noun: str  # the noun it counts, singular, for counts outside the categories
    source: str | None  # who gives it (a source key); None when it is the article's own claim
    dates: frozenset[str]
    qualifiers: frozenset[str] = frozenset()  # stems that narrow what it counts (`trapped` miners)
    context: frozenset[str] = frozenset()  # stems of the content words of its sentence
    rest: bool = False  # a part or the rest of a group (`two of the victims`, `the other three`, `12 more`)
    group: str = "people"  # who is counted, by its last noun (`police officers` and `officers` are one)
    frame: int | None = None  # the sentence that sets its time when that is not the news (Timeline.frame)
    # what two figures must share to be compared: their category, else their noun
    key: tuple[str, str] = field(init=False)

    def __post_init__(self) -> None:
        key = ("category", self.category) if self.category in COMPARABLE else ("noun", self.noun)
        object.__setattr__(self, "key", key)


_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_DETERMINERS = frozenset("the a an all of these those its their his her our some other more".split())
_RELATIVE = re.compile(r"\s+(?:that|who|which)\s+(?:(?:had|have|has|were|was|are|is|been)\s+)*([^\W\d_][\w-]*)", re.I)


# a count of the rest of a group, or of more of it: not the group's total
_REST_BEFORE = re.compile(r"\b(?:other|remaining|another|further|additional)\s+$", re.I)
_REST_AFTER = re.compile(r"\s+(?:other|others|more|additional|further|remaining|new)\b", re.I)
# `the 13 protesters still in custody`, `the nine who remain missing`: those left of a group
_STILL_AFTER = re.compile(r"\s+(?:(?:who|that)\s+(?:are|were|have|had)\s+)?(?:still|remain|remained|remaining)\b", re.I)


def _head_end(doc: Document, q: Quantity) -> int:
    """Where a count's head phrase ends (`the 13 protesters|`), or the count itself."""
    at = doc.text.find(q.head[:1], q.end, q.end + 3) if q.head else -1
    if at >= 0 and doc.text.startswith(q.head, at):
        return at + len(q.head)
    return q.end


def _still(doc: Document, q: Quantity) -> bool:
    """Is the count those of a group still in a state (`the 13 protesters still in custody`)?"""
    return bool(_STILL_AFTER.match(doc.text, _head_end(doc, q)))


# a participle right after a definite count's head, or in a relative clause there: what was done
# to some of them (`the 12 bodies recovered from the hull`, `the 19 bodies that were found`)
_PARTICIPLE_AFTER = re.compile(r"\s+(?:(?:that|which|who)\s+(?:have\s+|had\s+|has\s+)?(?:been|were|was)\s+)?"
                               r"(?:so\s+far\s+|now\s+|already\s+)?([a-z]+)\b")


def _done_to_some(doc: Document, q: Quantity) -> bool:
    """Is a definite count of a category (`the 12 bodies`) narrowed by what was done to them, a
    participle that is not the category's own verb (`recovered`, `found`, `identified`)? Then it
    counts those of the category it was done to, a part, not the total: `the 12 people killed`
    still is the total (killed is what the category says)."""
    if not (q.definite and q.category in COMPARABLE):
        return False
    m = _PARTICIPLE_AFTER.match(doc.text, _head_end(doc, q))
    word = m.group(1) if m else ""
    if not word or not is_class("past", word, word) or is_class("be", word, word) or is_class("aux", word, word):
        return False  # `the 120 dead were buried`: a verb of its own, not a participle of it
    if stem(word) in _category_stems(user_lexicons(doc, "quantities"), q.category):
        return False
    if m.group(0).lstrip()[:1] != word[:1]:  # `that were found`: a relative clause
        return True
    # a participle, not the count's own verb (`the 58 arrests included two players`): the
    # count is an object (`identified the 12 bodies recovered`), or a verb of its own follows
    sentence = doc.sentences[q.sentence]
    before = _DETERMINER_END.sub("", doc.text[sentence.start:q.start]).strip()
    if before and not before.endswith((",", ";", ":", "—", "–", "“", '"')):
        return True
    return bool(_FINITE_LATER.match(doc.text, m.end(), sentence.end))


_DETERMINER_END = re.compile(r"\b(?:the|all|these|those)\s*$", re.I)


# a finite verb later in a clause, before its end: the subject's own verb, after a participle
_FINITE_LATER = re.compile(r"[^,;:.!?—–]*?\b(?:was|were|is|are|have|has|had|will|would|could|can|may|might|must)\b")


def stem(word: str) -> str:
    """A crude stem, enough to tell that `signed` and `signed`, `trapped` and `trapped` are one
    word and `signed` and `filed` are not."""
    w = word.lower()
    return w[:6] if len(w) > 6 else w


def _qualifiers(doc: Document, q: Quantity) -> frozenset[str]:
    """The words that narrow what a count counts: the head's words before its noun
    (`the 18 trapped miners`) and the verb of a relative clause after it (`the 83 countries
    that signed`). None for a bare count (`the eighteen states`)."""
    words = q.head.split()
    if "of" in words:
        words = words[:words.index("of")]
    words = [w for w in words if w.lower() not in _DETERMINERS]
    out = {stem(w) for w in words[:-1] if w[:1].islower()}
    end = q.end
    if q.head:  # the relative clause stands after the head phrase
        last = q.head.split()[-1]
        found = doc.text.find(last, q.end, q.end + 4 * len(q.head) + 20)
        end = found + len(last) if found >= 0 else q.end
    m = _RELATIVE.match(doc.text, end)
    if m:
        out.add(stem(m.group(1)))
    return frozenset(out)


def narrowing(doc: Document, q: Quantity) -> frozenset[str]:
    """The words that narrow a count to a smaller group than what it is a count of (`30 injured
    people who were brought in by taxi` -> brought): its qualifiers less the words that only name what
    happened to them (`wounded`), which the category says already."""
    named = _category_stems(user_lexicons(doc, "quantities"), q.category)
    return frozenset(w for w in _qualifiers(doc, q) if w not in named)


@lru_cache(maxsize=64)
def _category_stems(extra: tuple[str, ...], category: str) -> frozenset[str]:
    """The stems of the one-word verbs and nouns that name a category (`wounded`, `injured`)."""
    lex = load_lexicon(extra)  # the lexicon the quantities were read with
    return frozenset(stem(w) for table in (lex.verbs, lex.nouns) for w, cat in table.items()
                     if cat == category and " " not in w)


def _context(doc: Document, sentence: int, memo: dict[int, frozenset[str]]) -> frozenset[str]:
    if sentence not in memo:
        s = doc.sentences[sentence]
        memo[sentence] = frozenset(stem(w) for w in _WORD.findall(doc.text, s.start, s.end) if len(w) > 3)
    return memo[sentence]


def figures(doc: Document) -> list[Figure]:
    """Every count of the article with its context, in the order of doc.quantities."""
    qs = doc.quantities
    if not qs:
        return []
    timeline = doc.derived(Timeline)  # one per document, shared with the rules that ask
    index = doc.derived(AttributionIndex)
    # `the 29 victims` count the dead when the article counts no injured
    injured = any(q.category == "injured" for q in qs)
    out = []
    memo: dict[int, frozenset[str]] = {}
    separate: dict[int, int | None] = {}
    for i, q in enumerate(qs):
        category = q.category
        if category == "victims":
            category = "" if injured else "killed"
        by_noun = bool(q.noun)  # compared by its noun too: what narrows it is read
        source = figure_source(doc, index, q.start, q.end, q.definite, q.sentence, q.paragraph)
        out.append(Figure(i, q, category, q.noun, source,
                          timeline.dates(q.sentence),
                          _qualifiers(doc, q) if q.definite and by_noun else frozenset(),
                          _context(doc, q.sentence, memo) if by_noun else frozenset(),
                          bool(_REST_BEFORE.search(doc.text, max(0, q.start - 12), q.start) or _REST_AFTER.match(doc.text, q.end)
                               or _still(doc, q) or _done_to_some(doc, q)
                               or q.head.lower().startswith("of ")),  # `two of the victims`: a part of some whole
                          _group(doc, q), _frame(doc, timeline, q.sentence, separate)))
    return out


# a sentence that turns to another event: its figures, and those of the rest of its paragraph,
# count something else (`Separately, six people were arrested in the port city`)
_SEPARATE = re.compile(r"[“\"]?(?:separately|elsewhere|in a separate (?:incident|attack|case|raid|clash|development)|"
                       r"in another (?:incident|attack|case|raid|clash))\b", re.I)


def _frame(doc: Document, timeline: Timeline, sentence: int, memo: dict[int, int | None]) -> int | None:
    """The sentence that sets a figure's time or event when it is not the news: Timeline.frame,
    or a sentence of its paragraph (this one or one before) that turns to another event, as
    `-1 - that sentence` so that no figure of the news shares it."""
    if sentence not in memo:
        k = sentence
        chain = []
        found = None
        while True:
            chain.append(k)
            if k in memo:
                found = memo[k]
                break
            s = doc.sentences[k]
            if _SEPARATE.match(doc.text, s.start, s.end):
                found = -1 - k
                break
            if k == 0 or doc.paragraph_at(doc.sentences[k - 1].start) != doc.paragraph_at(s.start):
                break
            k -= 1
        for i in chain:
            memo[i] = found
    return memo[sentence] if memo[sentence] is not None else timeline.frame(sentence)


def _group(doc: Document, q: Quantity) -> str:
    """Who a count counts, by its last noun; "people" for everyone in its category. A definite
    total named by the category's own noun (`the seven storm deaths`, `the 12 fatalities`) counts
    everyone the category counts, as `six people were killed` does, whatever modifies it."""
    if q.who == "people":
        return "people"
    if q.definite and q.category and q.head:
        names = _category_stems(user_lexicons(doc, "quantities"), q.category)
        if stem(q.head.split()[-1]) in names:
            return "people"
    return q.noun or q.who


# --- when a later count of the same noun is the same claim given again ---------------------------

_FUNCTION = ("article", "possessive", "demonstrative", "determiner", "pronoun", "preposition",
             "conjunction", "be", "aux", "negation", "modal")
# where a clause begins: its punctuation, a complementiser or a subordinating word
_CLAUSE_OPEN = re.compile(r"[,;:()“”\"—–]|\b(?:that|whether|which|who|whom|because|while|after|before|"
                          r"when|but|although|though|if|as)\b", re.I)
_ANAPHOR = re.compile(r"\b(?:the|these|those)\s+$", re.I)
# a finite verb group after a count's head: the count is the subject of what follows
_PREDICATE = re.compile(r"\s+(?:were|was|are|is|have|has|had|will|would|could|can|may|might|must|did|do)\b")
_AND_AFTER = re.compile(r"\s+and\s+(?:(?:a|an|one|the|another|his|her|their|its)\s+)?([a-z]+)(?:\s+([a-z]+))?")


class Restatement:
    """Does a later count of the same noun give the same claim again? Three shapes say so
    beyond doubt, each read only for the pairs a rule asks about (most articles ask none):

    - an anaphoric definite subject, `The six men were charged` after `seven men were
      sentenced`: `the` and a bare head with nothing that narrows it, the subject of its clause,
      refers back to the group already counted, whatever happens to it next;
    - the same predication, `it was impossible to gather the required 5,000 signatures` ...
      `it is impossible to gather 6,000 signatures`: the count is the object of the same verb,
      with the same content words before it in its clause (its subject, the words that govern
      the verb);
    - the same coordination, `injuring a boy and three pensioners` ... `Four pensioners and a boy
      were injured`: the same groups listed together, with what happened to them."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._memo: dict[tuple[str, int], object] = {}  # (what, figure index) -> its reading
        self._index: AttributionIndex | None = None

    def _once(self, what: str, f: Figure, read):
        key = (what, f.index)
        if key not in self._memo:
            self._memo[key] = read(f)
        return self._memo[key]

    def _attributions(self, sentence: int) -> list:
        if self._index is None:
            self._index = self.doc.derived(AttributionIndex)
        return self._index.by_sentence.get(sentence, [])

    def same_claim(self, a: Figure, b: Figure) -> bool:
        if not a.noun or a.noun != b.noun or a.q.place and b.q.place and a.q.place != b.q.place:
            return False
        # a group referred back to, or listed again, need not be placed again
        if _head(a.q) == _head(b.q) and self.anaphoric(b):
            return True
        if a.category == b.category and a.category and _head(a.q) == _head(b.q):
            partners = self.partners(a)
            if partners and partners == self.partners(b):
                return True
        # a count given again by its predication is given with its place (`close nine plants in Brazil`)
        pa = self.predication(a) if a.q.place == b.q.place else frozenset()
        return bool(pa) and pa == self.predication(b)

    def anaphoric(self, f: Figure) -> bool:
        """`The six men were charged`: `the`, a bare plural head, then a finite verb, the
        subject of its clause (not `residents of the 12 homes were ...`)."""
        q, text = f.q, self.doc.text
        the = _ANAPHOR.search(text, max(0, q.start - 8), q.start)
        if not the or f.qualifiers or " " in q.head.strip():
            return False
        s = self.doc.sentences[q.sentence]
        opens = text[s.start:the.start()].rstrip(" “\"‘'")
        if opens and not any(m.end() == len(opens) for m in _CLAUSE_OPEN.finditer(opens, max(0, len(opens) - 10))) \
                and not opens.endswith((" and", " but")):
            return False
        m = re.compile(r"\s+" + re.escape(q.head)).match(text, q.end)
        return bool(m and _PREDICATE.match(text, m.end()))

    def explicit(self, f: Figure) -> bool:
        """Is a figure's source named in its own sentence (not carried over from another)?"""
        return self._once("explicit", f, lambda f: f.source == "quotation" or any(
            a.kind not in UNNAMED for a in self._attributions(f.q.sentence)))

    def predication(self, f: Figure) -> frozenset[str]:
        """The stems of the content words of a count's clause up to it, when a verb takes it as
        its object (`impossible to gather the required 5,000 signatures` -> impossible,
        collect); empty when none does or fewer than two words say what the clause is."""
        return self._once("predication", f, self._read_predication)

    def _read_predication(self, f: Figure) -> frozenset[str]:
        from ..wordclass import is_class  # the word-class table is read only when a pair asks

        q, doc, text = f.q, self.doc, self.doc.text
        s = doc.sentences[q.sentence]
        lo = s.start
        for m in _CLAUSE_OPEN.finditer(text, s.start, q.start):
            lo = m.end()
        # what a reporting verb introduces is a clause of its own (`Kats said it was ...`)
        lo = max([lo, *(a.verb_end for a in self._attributions(q.sentence) if a.verb_end <= q.start)])
        words = [(w.lower(), w) for w in _WORD.findall(text, lo, q.start)]

        def function(w: str, surface: str) -> bool:
            return any(is_class(c, w, surface) for c in _FUNCTION)

        def modifier(k: int) -> bool:
            # a determiner, an adjective, or any word a determiner opens (`the required`)
            return is_class("determiner", *words[k]) or is_class("adjective", *words[k]) and not \
                is_class("verb", *words[k]) or k > 0 and is_class("determiner", *words[k - 1])

        k = len(words) - 1
        # back over the count's determiners and modifiers (`the required`) to the verb that takes it
        while k >= 0 and modifier(k):
            k -= 1
        if k < 0 or function(*words[k]) or not is_class("verb", *words[k]):
            return frozenset()
        content = frozenset(stem(w) for w, surface in words[:k + 1] if not function(w, surface))
        return content if len(content) >= 2 else frozenset()

    def partners(self, f: Figure) -> frozenset[str]:
        """The groups listed with a count (`a boy` in `a boy and three pensioners`, `three pensioners and a
        man`), by their noun."""
        return self._once("partners", f, self._read_partners)

    def _read_partners(self, f: Figure) -> frozenset[str]:
        q, doc, text = f.q, self.doc, self.doc.text
        s = doc.sentences[q.sentence]
        out = set()
        before = _WORD.findall(text, max(s.start, q.start - 40), q.start)
        if len(before) >= 2 and before[-1].lower() == "and" and before[-2][:1].islower():
            out.add(singular(before[-2]))
        if q.head:
            m = re.compile(r"\s+" + re.escape(q.head)).match(text, q.end)
            after = _AND_AFTER.match(text, m.end(), s.end) if m else None
            if after:
                from ..wordclass import is_class

                last = after.group(2)
                if not last or any(is_class(c, last, last) for c in (*_FUNCTION, "verb-form")):
                    last = after.group(1)  # `and a man were injured`: the phrase is one word
                out.add(singular(last))
        return frozenset(out)


def _head(q: Quantity) -> str:
    return " ".join(q.head.lower().split())


# --- a person's age, given beside their name ----------------------------------------------------

# `Ruth Okonedo, 29, who ...`: a name (one to four capitalised words), a comma, an age, a comma
_AGE_BESIDE_NAME = re.compile(r"\b((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+),\s+(?:aged\s+)?(\d{1,3}),")
_NOT_A_NAME = frozenset([*(w.lower() for w in (*WEEKDAYS, *MONTHS)),
                        *"the a an in on at of and but he she they it we i".split()])


def ages_by_name(doc: Document) -> list[tuple[str, int, int, int]]:
    """Each age given beside a person's name (`Ruth Okonedo, 29,`), as (key, age, start, end) in
    order. The key is the surname when the article names one person by it (`Okonedo, 92,` later
    is the same person), else the full name, so two of one family stay apart."""
    found = []
    for m in _AGE_BESIDE_NAME.finditer(doc.text):
        words = [w for w in m.group(1).split() if w.lower() not in _NOT_A_NAME]
        if not words or words[-1].lower() in _NOT_A_NAME:
            continue
        found.append((" ".join(words), int(m.group(2)), m.start(2), m.end(2)))
    full: dict[str, set[str]] = {}  # surname -> the full names that end with it
    for name, *_ in found:
        full.setdefault(name.split()[-1], set()).add(name)
    out = []
    for name, age, start, end in found:
        surname = name.split()[-1]
        names = {n for n in full[surname] if " " in n}
        key = surname if len(names) <= 1 and (" " not in name or names == {name}) else name
        out.append((key, age, start, end))
    return out
