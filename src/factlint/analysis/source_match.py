"""Matching an article against its source copy (wire, transcript, press release): where a
quotation stands in the source, word by word, and how it differs; which names it spells otherwise.

The source is indexed once (words, their offsets, positions by word). A quotation is verbatim when
its words stand in order in the source, allowing an ellipsis (`…`, `...`) to skip words and a
square-bracket insertion (`[the president]`) to stand for a few. Otherwise the closest passage is
found from anchor words (the quotation's rarest words) and aligned word by word. Names are
matched too: the article's spellings against the source's, where the source's spelling wins."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..document import Document
    from .names import NameMention

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SPLIT = re.compile(r"\s*(?:…|\.\.\.|\[[^\]]*\])\s*")
ELLIPSIS_GAP = 80  # words an ellipsis may skip
BRACKET_GAP = 6  # words a bracketed insertion may stand for


FILLERS = frozenset("uh um er erm uhm umm ah hmm mm".split())


# a small number is the same word in figures or letters: house style writes `10` where a
# transcript has `ten`, and that changes no one's words
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}


# British and American spellings of one word are one word: a US desk quoting a UK release
# writes `organization`, `labor`, `center` and `defense` and changes no one's words
_US_SPELLING = (
    (re.compile(r"(?<=\w{3})is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w{2}[^aeiou])our(s|ed|ing|able|ite|ites)?$"), r"or\1"),
    (re.compile(r"(?<=\w{3})tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=\w{2})(ff|f|c|t)ence(s)?$"), r"\1ense\2"),
    (re.compile(r"^(program)me(s)?$"), r"\1\2"),
    (re.compile(r"^(catalog|dialog|analog)ue(s)?$"), r"\1\2"),
)


def _us(word: str) -> str:
    if word.endswith("'s"):
        return _us(word[:-2]) + "'s"
    if len(word) < 6:
        return word
    for pattern, repl in _US_SPELLING:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=1 << 16)  # the spelling patterns cost a word microseconds; words repeat
def norm(word: str) -> str:
    low = word.lower().replace("’", "'")
    return _NUMBER_WORDS.get(low) or _us(low)


@dataclass(frozen=True)
class Passage:
    start: int  # offsets in the source document's text
    end: int
    ratio: float
    diffs: tuple[str, ...]  # `‘dead’ where the source has ‘not dead yet’`


class SourceIndex:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        # a transcript's hesitations (`we, uh, we will`) are not words a quotation must carry
        # (each word normalised once: norm runs the spelling patterns on every longer word)
        kept = [(m.span(), w) for m in _WORD.finditer(doc.text) if (w := norm(m.group())) not in FILLERS]
        self.spans = [span for span, _ in kept]
        self.words = [w for _, w in kept]

    @cached_property
    def positions(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i, w in enumerate(self.words):
            out.setdefault(w, []).append(i)
        return out

    def _find_run(self, seg: list[str], lo: int, hi: int) -> int | None:
        """First position >= lo (and < hi) where seg stands contiguously."""
        if not seg:
            return lo
        for p in self.positions.get(seg[0], ()):
            if p < lo or p >= hi:
                continue
            if self.words[p:p + len(seg)] == seg:
                return p
        return None

    def verbatim(self, quote: str) -> bool:
        """Do the quotation's words stand in the source in order (ellipses and brackets allowed)?"""
        parts = _SPLIT.split(quote)
        seps = _SPLIT.findall(quote)
        segs = [[w for w in map(norm, _WORD.findall(p)) if w not in FILLERS] for p in parts]
        if not any(segs):
            return True
        first = next(i for i, s in enumerate(segs) if s)
        for p in self.positions.get(segs[first][0], ()):
            if self.words[p:p + len(segs[first])] != segs[first]:
                continue
            pos = p + len(segs[first])
            ok = True
            for k in range(first + 1, len(segs)):
                seg = segs[k]
                if not seg:
                    continue
                gap = BRACKET_GAP if "[" in seps[k - 1] else ELLIPSIS_GAP
                found = self._find_run(seg, pos, pos + gap + 1)
                if found is None:
                    ok = False
                    break
                pos = found + len(seg)
            if ok:
                return True
        return False

    def closest(self, quote: str) -> Passage | None:
        """The passage of the source nearest the quotation, with its word-by-word differences."""
        q = [norm(w) for w in _WORD.findall(quote)]
        if not q:
            return None
        # anchors: the quotation's rarest words in the source
        by_rarity = sorted({(len(self.positions.get(w, ())), i, w) for i, w in enumerate(q) if w in self.positions})
        best: tuple[float, int, int] | None = None
        seen: set[int] = set()
        for _, i, w in by_rarity[:4]:
            for p in self.positions[w][:40]:
                lo = max(0, p - i - 3)
                if lo in seen:
                    continue
                seen.add(lo)
                hi = min(len(self.words), p - i + len(q) + 3)
                window = self.words[lo:hi]
                sm = SequenceMatcher(None, q, window, autojunk=False)
                r = sm.ratio()
                if best is None or r > best[0]:
                    best = (r, lo, hi)
        if best is None:
            return None
        r, lo, hi = best
        window = self.words[lo:hi]
        sm = SequenceMatcher(None, q, window, autojunk=False)
        blocks = [b for b in sm.get_matching_blocks() if b.size]
        if not blocks:
            return None
        a0 = lo + blocks[0].b
        a1 = lo + blocks[-1].b + blocks[-1].size
        # keep words the source adds right after the last match, up to its punctuation
        text = self.doc.text
        while a1 < len(self.words) and a1 < hi and not re.search(r"[.,;:!?]", text[self.spans[a1 - 1][1]:self.spans[a1][0]]):
            if blocks[-1].a + blocks[-1].size < len(q):
                break
            a1 += 1
        diffs = []
        sm2 = SequenceMatcher(None, q, self.words[a0:a1], autojunk=False)
        src_words = [text[a:b] for a, b in self.spans[a0:a1]]
        q_words = _WORD.findall(quote)
        for op, i1, i2, j1, j2 in sm2.get_opcodes():
            if op == "equal":
                continue
            mine = " ".join(q_words[i1:i2])
            theirs = " ".join(src_words[j1:j2])
            if op == "replace":
                diffs.append(f"‘{mine}’ where the source has ‘{theirs}’")
            elif op == "delete":
                diffs.append(f"‘{mine}’ is not in the source")
            else:
                diffs.append(f"the source has ‘{theirs}’ here")
        return Passage(self.spans[a0][0], self.spans[a1 - 1][1], sm2.ratio(), tuple(diffs))


@dataclass(frozen=True)
class NameMatch:
    """A name in the article spelled otherwise than the source spells it."""

    mention: NameMention  # in the article
    spelling: str  # the source's spelling
    source_mention: NameMention  # where the source writes it first


def names_against(doc: Document, src: Document) -> tuple[frozenset[str], list[NameMatch]]:
    """The article's names read against one source's: the spellings (name keys) the source writes
    as the article does, and the article's mentions of a name the source spells otherwise (by the
    same evidence as within an article; a spelling that is a word or name of its own is left
    alone). Found through an index of the source's spellings, not by comparing every pair."""
    from .known_words import known_beside
    from .names import two_people
    from .spelling import SpellingIndex, name_key, relation

    theirs: dict[str, NameMention] = {}
    given: dict[str, set[str]] = {}
    agreed_keys: set[str] = set()
    for m in src.names.mentions:
        k = name_key(m.surname)
        theirs.setdefault(k, m)
        agreed_keys.add(k)
        if m.first:
            given.setdefault(k, set()).add(m.first)
            agreed_keys.add(name_key(m.first))
    shown = {m.surname: k for k, m in theirs.items()}
    index = SpellingIndex(shown)
    agreed: set[str] = set()
    out = []
    for m in doc.names.mentions:
        k = name_key(m.surname)
        if k in agreed_keys:
            agreed.add(k)
            continue
        for s in index.near(m.surname):
            kind = relation(m.surname, s)
            if (kind and not two_people({m.first} - {""}, given.get(shown[s], set()))
                    and not known_beside(m.surname, s, kind == "slip")):
                out.append(NameMatch(m, s, theirs[shown[s]]))
                break
    return frozenset(agreed), out


def _people_between(doc: Document, start: int, end: int) -> list[NameMention]:
    """The people (a given name and a surname) the reporter names in [start, end), outside
    quotation marks: whoever speaks a quotation is named there, not inside it."""
    from bisect import bisect_left

    mentions = doc.names.mentions  # in the order of the text
    people = doc.derived(_people)
    i = bisect_left(mentions, start, key=lambda m: m.start)
    out = []
    while i < len(mentions) and mentions[i].start < end:
        m = mentions[i]
        if m.surname in people and not doc.in_quotation(m.start, m.end):
            out.append(m)
        i += 1
    return out


def _people(doc: Document) -> frozenset[str]:
    """Surnames the article gives with a given name somewhere (`Marcus Bell`), so that `Bell
    said` later names the same person."""
    return frozenset(m.surname for m in doc.names.mentions if m.first)


def _surnames(src: Document):
    """The surnames a source writes, as name keys and as an index of spellings (made once per
    source, however many quotations ask)."""
    from .spelling import SpellingIndex, name_key

    spellings = {m.surname for m in src.names.mentions}
    return frozenset(name_key(s) for s in spellings), SpellingIndex(spellings)


# a speaker given as anyone of a kind, next to the reporting verb: `said a nurse`, `one
# resident told Reuters`, `another protester said`, `said an 82-year-old farmer from the valley`
# (whoever is told or asked is the audience: `told a news conference`)
_SOMEONE = re.compile(
    r"\b(?:said|says|added|recalled|explained)\s+(?:a|an|one|another)\s+((?:[\w-]+\s+){0,3}[\w-]+)"
    r"|(?:^|[,.;:]\s+|\b(?:and|but)\s+)(?i:a|an|one|another)\s+((?:[\w-]+\s+){0,4}?[a-z][\w-]*)\s+"
    r"(?:said|says|told|added|recalled|explained|asked)\b")
_NOT_WHO = frozenset("from with that this who whose which outside inside near waiting living about "
                     "said says told added when after before".split())


# where words were said, when the copy names it: `told the BBC`, `told Sky News`, `in an
# interview with Reuters`, `wrote on Facebook`, `said on Telegram`, `posted on X`
_VENUE = re.compile(
    r"\btold\s+(?:the\s+)?([A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,2})"
    r"|\bin\s+an?\s+(?:interview|podcast|op-ed|column|video)\s+(?:with|to|on|for)\s+(?:the\s+)?"
    r"([A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,2})"
    r"|\b(?:wrote|posted|said|tweeted|added)\s+on\s+(?:the\s+)?([A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,1})")


# an audience is not a venue: what a minister told MPs is what the transcript of the sitting holds
_AUDIENCES = frozenset("parliament congress senate house assembly commons lords council committee "
                       "court mps lawmakers legislators members delegates reporters journalists".split())


def _date_starts(doc: Document) -> frozenset[int]:
    return frozenset(d.start for d in doc.dates.mentions)


def _venue(doc: Document, start: int, end: int) -> list[str]:
    """The words naming where a quotation was said, outside quotation marks, or nothing (`said
    on Tuesday`, `said on March 4` name when, not where)."""
    for m in _VENUE.finditer(doc.text, start, end):
        if doc.in_quotation(m.start(), m.end()) or m.start(m.lastindex) in doc.derived(_date_starts):
            continue
        words = [norm(w) for w in _WORD.findall(m.group(m.lastindex))]
        if words and words[0] not in _AUDIENCES:
            return words
    return []


# a text that speaks (`said a statement issued on Monday`) is no one the reporter met: it may be
# the very release or transcript given as the source
_WRITINGS = frozenset("statement statements release communique communiqué report letter notice filing memo "
                      "email post document transcript".split())


def _someone(doc: Document, start: int, end: int) -> list[str]:
    """The words describing an indefinite speaker in [start, end) outside quotation marks
    (`said one resident` -> [`resident`]), or nothing (nor for a text: `said a statement`)."""
    for m in _SOMEONE.finditer(doc.text, start, end):
        if doc.in_quotation(m.start(), m.end()):
            continue
        words = (m.group(1) or m.group(2)).split()
        if any(w.lower() in _WRITINGS for w in words):
            return []
        return [norm(w) for w in words if len(w) >= 4 and w.isalpha() and w.lower() not in _NOT_WHO]
    return []


def quoted_from_elsewhere(doc: Document, quote, sources: list[Document]) -> bool:
    """Is the quotation given to someone no source names (`Marcus Bell, a parent, said: “…”`)?
    Then it comes from the reporter's own interview, not from the transcript or the release,
    and its absence from them says nothing. Its speaker is looked for among the people its
    sentences name, then its paragraph's, then (wire copy carries a speaker over) the paragraph
    before's; a quotation with no person named near it may be anyone's, the source's speaker
    included."""
    from .spelling import name_key, relation

    first, last = doc.sentence_at(quote.start), doc.sentence_at(max(quote.start, quote.end - 1))
    para = doc.paragraphs[quote.paragraph]
    start, end = doc.sentences[first].start, doc.sentences[last].end
    venue = _venue(doc, start, end)
    if venue and not any(all(w in src.word_index.positions for w in venue) for src in sources):
        return True  # `told the BBC`, `wrote on Telegram`: said somewhere the source is not
    people = _people_between(doc, start, end)
    if not people:
        someone = _someone(doc, start, end)
        if someone:  # `said one resident`: a speaker the reporter introduces, unless the source has them
            return not any(w in src.word_index.positions for src in sources for w in someone)
        people = _people_between(doc, para.start, para.end)
    if not people and quote.paragraph > 0:  # `“…,” she said.` carries the speaker of the paragraph before
        before = doc.paragraphs[quote.paragraph - 1]
        people = _people_between(doc, before.start, before.end)
    if not people:
        return False
    for src in sources:
        keys, index = src.derived(_surnames)
        words = src.word_index.positions  # a transcript's speaker labels too (`MAYOR OYELARAN:`)
        for m in people:
            if (name_key(m.surname) in keys or norm(m.surname) in words
                    or any(relation(m.surname, s) for s in index.near(m.surname))):
                return False
    return True
