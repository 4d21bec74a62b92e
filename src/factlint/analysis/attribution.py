"""Attribution: every reporting clause (`..., police said`, `according to the ministry`, `told
Reuters`), its source, and the text it covers: its own sentence, the sentences of a quotation it
closes, and the rest of its paragraph, as wire copy carries attribution over. Cues come from a
lexicon (rules/lexicon/attribution.toml) an editor can extend."""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..spans import SpanSet
from .lexicon import lexicon_data, user_lexicons

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from ..document import Document

PRONOUNS = frozenset("he she they it we i you".split())
# the kinds of attribution that name no source (`reportedly`, `it was reported`)
UNNAMED = frozenset({"vague", "passive"})


class PhraseIndex:
    """Phrases found by word lookup, not by a regex tried at every position: each phrase is
    indexed by its longest word (`in a bid to distract` where `distract` stands, not at every
    `in`), and a document's words are looked up once."""

    def __init__(self, phrases) -> None:
        self.index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for ph in phrases:
            words = tuple(ph.lower().replace("’", "'").split())
            if words:
                anchor = max(range(len(words)), key=lambda k: (len(words[k]), -k))
                self.index.setdefault(words[anchor], []).append((words, anchor))

    def finditer(self, doc: Document) -> list[tuple[int, int, str]]:
        """(start, end, phrase) in order; of two phrases that start at one word, the longer."""
        toks = doc.tokens
        where = doc.token_positions
        phrase_at = doc.phrase_at
        found: dict[int, tuple[int, str]] = {}
        for word in self.index.keys() & where.keys():
            for words, anchor in self.index[word]:
                phrase, last = " ".join(words), len(words) - 1
                if not last:  # a one-word phrase stands wherever its word does
                    for p in where[word]:
                        start, end = toks[p].start, toks[p].end
                        if start not in found or end > found[start][0]:
                            found[start] = (end, phrase)
                    continue
                # a phrase is tried where its anchor stands next to the word beside it (the one
                # phrase_at compares first): found from whichever of the two stands less often
                nb = anchor + 1 if anchor < last else anchor - 1
                beside = where.get(words[nb])
                if not beside:
                    continue
                at = where[word]
                if len(beside) < len(at):
                    off = nb - anchor
                    at = [q - off for q in beside if 0 <= q - off < len(toks) and toks[q - off].norm == word]
                for p in at:
                    i = phrase_at(p, words, anchor)
                    if i is None:
                        continue
                    start, end = toks[i].start, toks[i + last].end
                    if start not in found or end > found[start][0]:
                        found[start] = (end, phrase)
        return [(start, end, phrase) for start, (end, phrase) in sorted(found.items())]

    def by_sentence(self, doc: Document) -> dict[int, list[tuple[int, int]]]:
        """The phrases' (start, end) grouped by the sentence they start in."""
        out: dict[int, list[tuple[int, int]]] = {}
        for start, end, _ in self.finditer(doc):
            out.setdefault(doc.sentence_at(start), []).append((start, end))
        return out


@dataclass(frozen=True)
class Cues:
    verb_index: PhraseIndex
    witness_index: PhraseIndex
    vague_index: PhraseIndex
    motive_phrase_index: PhraseIndex
    allegation_index: PhraseIndex
    motive_nouns: frozenset[str]
    verbs: re.Pattern
    sources: frozenset[str]
    source_tails: dict[str, tuple[str, ...]]  # sources by their last three letters
    motive: re.Pattern
    legal: re.Pattern
    verb_list: tuple[str, ...]


def _alternation(words, flags=re.I) -> re.Pattern:
    # longest first; alike in length, alphabetical: the same pattern text every run (see regex_cache)
    alts = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=lambda a: (-len(a), a))
    firsts = "".join(sorted({c for w in words for c in (w[0].lower(), w[0].upper())}))
    return re.compile(f"(?=[{re.escape(firsts)}])" + r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", flags)


def _by_tail(phrases) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for ph in phrases:
        out.setdefault(ph[-3:] if len(ph) >= 3 else "", []).append(ph)  # "": the short ones
    return {k: tuple(v) for k, v in out.items()}


def ends_with_source(cues: Cues, low: str) -> bool:
    """Does a lower-cased phrase end with one of the source words (`the local police`)?"""
    tails = cues.source_tails
    return any(low.endswith(s) for s in (*tails.get(low[-3:], ()), *tails.get("", ())))


_COPULA = r"(?:is|are|was|were|be|been|being|seems|seemed|appears|appeared|’s|'s)"
_NOT_A_VERB = r"(?!(?:the|a|an|his|her|their|its|this|that|these|those|be|date)\b)"


def _motive_shape(nouns: list[str], participles: list[str], adjunct_nouns: list[str]) -> re.Pattern:
    """A claim of motive by its shape, whatever the verb: `is an effort by the opposition to
    topple`, `was an attempt to shield`, `are a ploy to push`, `is designed to silence`,
    `are aimed at silencing` (a copula characterising an act by its purpose), and `in a bid to
    win`, `in an attempt to stop` (an adjunct giving an act's purpose). The claim is the named
    group `claim` or `adjunct`."""
    noun = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    participle = "|".join(sorted(map(re.escape, participles), key=len, reverse=True)) or "(?!)"
    adjunct = "|".join(sorted(map(re.escape, adjunct_nouns), key=len, reverse=True)) or "(?!)"
    return re.compile(
        # an adjunct of purpose: `cut the internet in an attempt to stop smugglers` (not `taking part
        # in an effort to`, where `in` belongs to the verb before it)
        rf"(?<![a-z]ing\s)(?<![a-z]ed\s)(?<![a-z]ed\s\s)\bin\s+(?P<adjunct>(?:an?)\s+(?:{adjunct})\s+to\s+{_NOT_A_VERB}[a-z][\w-]*)\b|"
        rf"\b{_COPULA}\s+(?:[a-z]+ly\s+|just\s+|merely\s+|simply\s+|only\s+|not\s+|nothing\s+(?:more|less)\s+than\s+"
        rf"|little\s+more\s+than\s+|part\s+of\s+)*"
        rf"(?P<claim>(?:(?:an?|another|the|this|one|yet\s+another)\s+(?:[\w-]+\s+){{0,2}}?(?:{noun})"
        rf"(?:\s+by\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){{0,4}}?)?\s+to\s+{_NOT_A_VERB}[a-z][\w-]*"
        rf"|(?:{participle})(?:\s+[a-z]+ly)?\s+(?:to\s+{_NOT_A_VERB}[a-z][\w-]*|at\s+[a-z][\w-]*ing)))\b",
        re.I)


@lru_cache(maxsize=8)
def load_cues(extra: tuple[str, ...] = ()) -> Cues:
    data: dict[str, list[str]] = {}
    for lexicon in lexicon_data("attribution", extra):
        for k, v in lexicon.items():
            data.setdefault(k, []).extend(v)
    motive = _motive_shape(data["motive_nouns"], data.get("motive_participles", []),
                           data.get("motive_adjunct_nouns", []))
    return Cues(
        verb_index=PhraseIndex(data["verbs"]),
        motive_phrase_index=PhraseIndex(data["motive_phrases"]),
        allegation_index=PhraseIndex(data["allegation_verbs"]),
        motive_nouns=frozenset(w.lower() for w in [*data["motive_nouns"], *data.get("motive_participles", [])]),
        witness_index=PhraseIndex(data["witness"]),
        vague_index=PhraseIndex(data["vague"]),
        verbs=_alternation(data["verbs"]),
        sources=frozenset(s.lower() for s in data["sources"]),
        source_tails=_by_tail(s.lower() for s in data["sources"]),
        motive=motive,
        legal=_alternation(data["legal_qualifiers"]),
        verb_list=tuple(data["verbs"]),
    )


@dataclass(frozen=True)
class Attribution:
    verb: str
    verb_start: int
    verb_end: int
    source: str
    source_start: int
    source_end: int
    sentence: int
    paragraph: int
    kind: str  # said, act, according, citing, witness, vague, passive (no one named), introduced
    spans: tuple[tuple[int, int], ...] = ()

    def covers(self, offset: int) -> bool:
        for a, b in self.spans:
            if a <= offset < b:
                return True
        return False


_SPEECH = frozenset("said says say saying told tells tell telling according to".split()) | {"according to"}
_OBJECT_NEXT = re.compile(r"\s+(?:the|a|an|its|his|her|their|our|plans?|new|no|two|three|several|"
                          r"some|\d)\b(?!\s+(?:government|ministry|police|president|minister|"
                          r"company|court|agency|army|military|union|mayor|governor|officials?)\b)", re.I)
# `argue the inquiry is ...`: what follows the verb is a clause (its subject, then a finite
# verb), not an object
_CLAUSE_NEXT = re.compile(r"(?:\s+[\w’'-]+){1,4}?\s+(?:is|are|was|were|has|have|had|will|would|could|can|may|"
                          r"might|must)\b")
_CLAUSE_BREAK = re.compile(r"[,;:“”\"()—–]|\b(?:and|but|while|as|after|because|when|which|who)\b")
_NP_BEFORE = re.compile(
    r"((?:[A-Z][\w’'.-]*|the|a|an|of|for|and|de|al|von|van|bin|la|le|its|their|his|her|"
    r"[a-z]+(?=\s+(?:officials?|spokes\w+|police|ministry|agency|media|sources|reporters|"
    r"witnesses|residents|authorities)))(?:\s+|$))+$")


_SUBJECT = re.compile(r"\s*([^,;:“”\"()]+)")
_AFTER_QUOTE = re.compile(r"[”\"’'],?\s*$")
_SPEAKER_NOUN = re.compile(r"(?:spokes\w+|officials?|minister|director|chief|head|leader|secretary|"
                           r"commander|president|governor|mayor|lawyer|attorney|prosecutor|judge|"
                           r"doctor|expert|analyst|professor|researcher|scientist|witness|official|"
                           r"representative|agency|ministry|office|department|statement|report)s?$")
_SOURCE_AFTER = re.compile(r"\s+((?:the\s+|a\s+|an\s+)?(?:[A-Z][\w’'.-]*|[a-z]+)(?:\s+(?:(?:of|for|at|the)\b|"
                           r"[A-Z][\w’'.-]*|[a-z]+(?=[\s,.;]))){0,6})")
_SOURCE_END = re.compile(r"\s+(?:on|in|at|that|who|which|when|after|before|last|this|during|as|because|"
                         r"yesterday|today|again)\b")
# `an estimated 100,000`, `some estimated death tolls`: a determiner before the verb
_DETERMINER_BEFORE = re.compile(r"\b(?:an?|the|some|many|all|several|these|those|its|their|his|her|no|any|"
                                r"other|most|newly)\s+$", re.I)
# the reporting verb ends its clause: `..., X said.`, `..., X said on Monday.`
_CLAUSE_ENDS = re.compile(r"(?:\s+(?:on|in|at|late|early|last|this)\s+[\w’'-]+(?:\s+[\w’'-]+)?)?\s*[.;,!?”\"]")
# a reporting verb in the passive (`was found`, `were told`, `has been reported`)
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:[a-z]+ly|not|also|later|then)\s+)?$", re.I)
_SPEAKER_AFTER_PASSIVE = re.compile(r"\s+as\s+(?:saying|stating|telling|writing)\b")  # `was quoted as saying`
_AGENT = re.compile(r"(?:\s+(?:on|in|at|late|early|last|this)\s+[\w’'-]+(?:\s+[\w’'-]+)?)?\s+by\s")
_INVERTED = re.compile(r"[,”\"]\s*$")  # `..., said police`, `“…” said Sabyr`
_ADVERBS = frozenset("also later then previously earlier had has have was were is are reportedly "
                     "further separately again would will did".split())


_REACH = 400  # characters: more than any speaker's noun phrase of up to 14 words


def _subject(text: str, lo: int, verb_start: int, cues: Cues) -> tuple[str, int, int] | None:
    """The sentence's subject, up to its first comma: `Travis Hood, who witnessed the crash,
    said` -> Travis Hood; `Anderson Cooper, of CNN, ... stated` -> Anderson Cooper."""
    head = text[lo:min(verb_start, lo + _REACH)]  # a subject of 12 words or fewer stands in it
    m = _SUBJECT.match(head)
    if not m:
        return None
    phrase = m.group(1).strip()
    words = phrase.split()
    if not words or len(words) > 12:
        return None
    low = phrase.lower()
    if any(w[:1].isupper() for w in words) or words[-1].lower() in PRONOUNS or ends_with_source(cues, low):
        start = lo + m.start(1)
        return phrase, start, start + len(phrase)
    return None


def _source_before(text: str, lo: int, verb_start: int, cues: Cues,
                   ends_clause: bool = False) -> tuple[str, int, int] | None:
    """The noun phrase that says who is speaking, just before the verb: `police`, `Sabyr`,
    `the CSTO secretariat`, `one Kazakh national, Sabyr,`, `he`."""
    # what may speak is at most 14 words after the last clause break: a window of _REACH
    # characters before the verb holds it (a longer sentence is not scanned again per verb)
    sentence_start, lo = lo, max(lo, verb_start - _REACH)
    chunk = text[lo:verb_start]
    # stop at the nearest clause break before the verb (but a name in commas is an apposition)
    cut = 0
    for m in _CLAUSE_BREAK.finditer(chunk):
        cut = m.end()
    words = chunk[cut:].split()
    while words and words[-1].lower().strip("’'") in _ADVERBS:
        words = words[:-1]  # `police also said`, `he later said`
    if not words:
        # `one Kazakh national, Sabyr, told Reuters`: the apposition before the comma
        prev = chunk[:cut].rstrip(" ,")
        m = re.search(r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)$", prev)
        if m and cut:
            return m.group(1), lo + m.start(1), lo + m.end(1)
        return _subject(text, sentence_start, verb_start, cues) if cut else None
    if len(words) > 14:
        return None
    tail = " ".join(words)
    if cut and _AFTER_QUOTE.search(chunk, 0, cut) and len(words) <= 6:
        # `“…,” the union's negotiator said`: after a quotation, the phrase before the verb speaks
        start = lo + cut + (len(chunk[cut:]) - len(chunk[cut:].lstrip()))
        return tail, start, start + len(tail)
    if cut and chunk[cut - 1] == "," and len(words) <= 6 and (
            words[0].lower() in ("the", "a", "an", "its", "their")
            or ends_clause and len(words) <= 4 and all(w.isalpha() for w in words)):
        # `Forty people were hurt, the fire service said`, `..., opposition councillors said.`: a
        # noun phrase between the comma that ends the claim and the reporting verb speaks
        start = lo + cut + (len(chunk[cut:]) - len(chunk[cut:].lstrip()))
        return tail, start, start + len(tail)
    low = tail.lower()
    last = words[-1].lower().strip("’'")
    start = lo + cut + (len(chunk[cut:]) - len(chunk[cut:].lstrip()))
    if last in PRONOUNS or ends_with_source(cues, low) or last in cues.sources:
        return tail, start, start + len(tail)
    if any(w[:1].isupper() for w in words) and words[0].lower() not in ("in", "on", "at", "by"):
        return tail, start, start + len(tail)
    if _SPEAKER_NOUN.search(low):
        return tail, start, start + len(tail)
    return _subject(text, sentence_start, verb_start, cues)


def _source_after(text: str, verb_end: int, hi: int) -> tuple[str, int, int] | None:
    """`said Sabyr`, `said police`, `said the ministry's spokesman`, `according to TASS`."""
    m = _SOURCE_AFTER.match(text, verb_end, hi)
    if not m:
        return None
    src = m.group(1)
    src = _SOURCE_END.split(src, 1)[0]
    src = src.strip()
    if not src or src.lower() in ("that", "it", "this"):
        return None
    s = m.start(1)
    return src, s, s + len(src)


def find_attributions(doc: Document) -> list[Attribution]:
    cues = load_cues(user_lexicons(doc, "attribution"))
    text = doc.text
    found: list[Attribution] = []
    sentences = doc.sentences
    if not sentences:
        return []
    # one pass of each cue over the whole text; each match is then read in its sentence
    by_sentence: dict[int, list[tuple[str, int, int, str]]] = {}
    for cue, index in (("verb", cues.verb_index), ("witness", cues.witness_index), ("vague", cues.vague_index)):
        for start, end, phrase in index.finditer(doc):
            by_sentence.setdefault(doc.sentence_at(start), []).append((cue, start, end, phrase))
    for k in sorted(by_sentence):
        s = sentences[k]
        para = doc.paragraph_at(s.start)
        for cue, vs, ve, phrase in by_sentence[k]:
            if cue != "verb" or ve > s.end:
                continue
            if _in_double_quote(doc, vs, ve):
                continue  # a verb inside a quotation is the speaker's, not the reporter's
            verb = phrase
            kind = "said"
            src = None
            if verb not in _SPEECH and _OBJECT_NEXT.match(text, ve) and not _CLAUSE_NEXT.match(text, ve, s.end):
                kind = "act"  # `announced the tax cut`: sources its figures, not a motive
            if _DETERMINER_BEFORE.search(text, max(s.start, vs - 9), vs):
                continue  # `an estimated 100,000`, `some estimated death tolls`: not a source
            passive = _PASSIVE_BEFORE.search(text, max(s.start, vs - 24), vs)
            if passive and not _SPEAKER_AFTER_PASSIVE.match(text, ve, s.end):
                # `A fourth suspect was found not guilty`, `It was reported that`: the subject is
                # what is reported on, not who reports it; the source is the agent (`was announced
                # on Monday by the coroner`), else it is reported by no one named (and, as wire
                # copy does, the report runs on over its paragraph)
                agent = _AGENT.match(text, ve, s.end)
                src = _source_after(text, agent.end() - 1, s.end) if agent else None
                if src is None:
                    found.append(Attribution(verb, vs, ve, text[passive.start():ve], passive.start(), ve, k,
                                             para, "passive"))
                    continue
            elif verb == "according to":
                kind = "according"
                src = _source_after(text, ve, s.end)
            elif verb in ("citing", "quoting") and kind != "act":
                kind = "citing"
                src = _source_after(text, ve, s.end)
            else:
                src = _source_before(text, s.start, vs, cues, ends_clause=bool(_CLAUSE_ENDS.match(text, ve, s.end)))
                if src is None:
                    if _INVERTED.search(text, max(s.start, vs - 3), vs) or vs == s.start:
                        src = _source_after(text, ve, s.end)
            if src is None:
                continue
            found.append(Attribution(verb, vs, ve, src[0], src[1], src[2], k, para, kind))
        for cue, start, end, phrase in by_sentence[k]:
            if cue == "witness":
                found.append(Attribution(phrase, start, end, "reporters", start, start, k, para, "witness"))
            elif cue == "vague":
                # `reportedly`, `sources said`: a source, if a vague one (A401 says so)
                found.append(Attribution(phrase, start, end, text[start:end], start, end, k, para, "vague"))
    found = _with_coverage(doc, found)
    found += _introduced(doc, cues)
    found.sort(key=lambda a: (a.verb_start, a.verb_end))
    return found


_OPENS_WITH_QUOTE = re.compile(r"[“„«\"‘]")


def _introduced(doc: Document, cues: Cues) -> list[Attribution]:
    """A paragraph that ends with a colon introduces the next as someone's words (`A doctor at
    the clinic told us:`, `Reported the website:`, `The statement read:`), as blogs and wire
    copy set a long quotation apart; the block runs on over the paragraphs after it that open
    with a quotation mark. Each such introduction is an attribution of kind `introduced`
    covering its block, its source the introducing sentence's subject."""
    text, paras = doc.text, doc.paragraphs
    out = []
    for p in range(len(paras) - 1):
        para = paras[p]
        body = text[para.start:para.end].rstrip()
        if not body.endswith(":") or doc.is_title(p):
            continue
        colon = para.start + len(body) - 1
        k = doc.sentence_at(colon)
        s = doc.sentences[k]
        src = _subject(text, s.start, colon, cues) or (text[s.start:colon].strip(), s.start, colon)
        spans = [(paras[p + 1].start, paras[p + 1].end)]
        nxt = p + 2
        while nxt < len(paras) and _OPENS_WITH_QUOTE.match(text, paras[nxt].start):
            spans.append((paras[nxt].start, paras[nxt].end))
            nxt += 1
        a = Attribution(":", colon, colon + 1, src[0], src[1], src[2], k, p, "introduced")
        object.__setattr__(a, "spans", tuple(spans))
        out.append(a)
    return out


def _in_double_quote(doc: Document, start: int, end: int) -> bool:
    return doc.quote_scan.encloses(start, end, double=True)


def _with_coverage(doc: Document, found: list[Attribution]) -> list[Attribution]:
    """What each attribution covers: its paragraph (wire copy carries attribution over, before
    and after), the whole of any quotation it closes, and a quotation that runs on from it into
    following paragraphs."""
    paras = doc.paragraphs
    runs_on = {q.paragraph for q in doc.quotes if not q.closed}  # a quotation left open
    for a in found:
        if a.kind == "citing" and _dangling(doc, a):
            spans: tuple[tuple[int, int], ...] = ()  # a dangling `Citing Reuters,` attributes nothing
        elif a.kind == "vague":
            s = doc.sentences[a.sentence]
            spans = ((s.start, s.end),)
        else:
            p = paras[a.paragraph]
            covered = [(p.start, p.end)]
            # a quotation that runs on over paragraphs is covered to its end
            nxt = a.paragraph + 1
            while nxt < len(paras) and nxt - 1 in runs_on:
                covered.append((paras[nxt].start, paras[nxt].end))
                nxt += 1
            spans = tuple(covered)
        # set on the attribution while it is still ours alone (a frozen copy each cost more)
        object.__setattr__(a, "spans", spans)
    return found


def _dangling(doc: Document, a: Attribution) -> bool:
    """`Citing Reuters, these peacekeepers also have ...`: a participle with no one doing the
    citing, since the main clause has no reporting subject of its own."""
    s = doc.sentences[a.sentence]
    text = doc.text
    if text[s.start:a.verb_start].strip():
        return False  # `The ministry said, citing Reuters, ...`
    m = re.search(r",", text[a.verb_end:s.end])
    if not m:
        return False
    main = text[a.verb_end + m.end():s.end]
    cues = load_cues()
    head = " ".join(main.split()[:8])
    return not cues.verbs.search(head)


class AttributionIndex:
    """The article's attributions looked up by where they stand, built once per document: by
    the sentence they stand in and by every paragraph their coverage reaches. Within a
    paragraph, those that cover all of it are grouped by their own sentence, so the nearest are
    found by walking out from the asking sentence (a one-paragraph document of thousands of
    attributions costs a step or two per figure, not a sort of them all); those that cover a
    part of it (a sentence: `reportedly`) are kept by the sentences they cover."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.by_sentence: dict[int, list[Attribution]] = {}
        for a in doc.attributions:
            self.by_sentence.setdefault(a.sentence, []).append(a)
        # what covers what, built when first asked (a caller may want by_sentence alone)
        self._by_paragraph: dict[int, list[Attribution]] = {}
        # paragraph -> sentences, in order, of the attributions covering all of it; and them by sentence
        self._whole: dict[int, tuple[list[int], dict[int, list[Attribution]]]] = {}
        self._part: dict[int, list[Attribution]] = {}  # sentence -> covering a part of its paragraph
        self._rank: dict[int, int] = {}  # id -> place in doc.attributions, the last tie-break
        self._built = False

    def _build(self) -> None:
        doc = self.doc
        paras = doc.paragraphs
        for i, a in enumerate(doc.attributions):
            self._rank[id(a)] = i
            # each span is a paragraph, or a sentence within one
            for p in sorted({doc.paragraph_at(s) for s, e in a.spans}):
                self._by_paragraph.setdefault(p, []).append(a)
                para = paras[p]
                if any(s <= para.start and para.end <= e for s, e in a.spans):
                    self._whole.setdefault(p, ([], {}))[1].setdefault(a.sentence, []).append(a)
                    continue
                part = {k for s, e in a.spans if s < para.end and e > para.start
                        for k in range(doc.sentence_at(max(s, para.start)),
                                       doc.sentence_at(min(e, para.end) - 1) + 1)}
                for k in sorted(part):
                    self._part.setdefault(k, []).append(a)
        for sentences, groups in self._whole.values():
            sentences.extend(sorted(groups))
        self._built = True

    def covering(self, offset: int, acts: bool = True, sentence: int | None = None,
                 paragraph: int | None = None) -> list[Attribution]:
        """The attributions that cover offset, nearest first: its own sentence, then the closest
        sentences of its paragraph (an earlier one before a later one at the same distance).
        A caller that knows offset's sentence and paragraph passes them."""
        return list(self.nearest(offset, acts, sentence, paragraph))

    def nearest(self, offset: int, acts: bool = True, sentence: int | None = None,
                paragraph: int | None = None) -> Iterator[Attribution]:
        """`covering`, one at a time: a caller that wants the nearest few reads no further."""
        if not self._built:
            self._build()
        doc = self.doc
        k = doc.sentence_at(offset) if sentence is None else sentence
        p = doc.paragraph_at(offset) if paragraph is None else paragraph
        para = doc.paragraphs[p] if 0 <= p < len(doc.paragraphs) else None
        if para is None or not para.start <= offset < para.end:  # between paragraphs: read them all
            found = [a for a in self._by_paragraph.get(p, ()) if a.covers(offset)]
            found.sort(key=lambda a: self._order(a, k))
            stream: Iterable[Attribution] = found
        else:
            part = [a for a in self._part.get(doc.sentence_at(offset), ()) if a.covers(offset)]
            stream = self._walk(p, k)
            if part:
                part.sort(key=lambda a: self._order(a, k))
                stream = heapq.merge(stream, part, key=lambda a: self._order(a, k))
        for a in stream:
            if acts or a.kind != "act":
                yield a

    def _order(self, a: Attribution, k: int) -> tuple[bool, int, bool, int, int]:
        return a.sentence != k, abs(a.sentence - k), a.sentence > k, a.verb_start, self._rank[id(a)]

    def _walk(self, p: int, k: int) -> Iterator[Attribution]:
        """The attributions covering all of paragraph p, from sentence k outwards (each sentence's
        in the order they stand)."""
        if p not in self._whole:
            return
        sentences, groups = self._whole[p]
        i = bisect_left(sentences, k)
        lo, hi = i - 1, i
        if hi < len(sentences) and sentences[hi] == k:
            yield from groups[k]
            hi += 1
        while lo >= 0 or hi < len(sentences):
            if hi >= len(sentences) or (lo >= 0 and k - sentences[lo] <= sentences[hi] - k):
                yield from groups[sentences[lo]]
                lo -= 1
            else:
                yield from groups[sentences[hi]]
                hi += 1


_SOURCE_DETERMINERS = frozenset("the a an one its their his her our".split())


def source_key(a: Attribution) -> str:
    """A source's name, lower-cased, without its article and possessive: `The disaster agency`
    -> `disaster agency`."""
    return _key_of(a.source)


@lru_cache(maxsize=4096)
def _key_of(source: str) -> str:
    words = [w.strip("’'s,") if w.endswith(("’s", "'s")) else w.strip(",")
             for w in source.lower().replace("’", "'").split()]
    while words and words[0] in _SOURCE_DETERMINERS:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=4096)
def same_source(a: str, b: str) -> bool:
    """Do two source keys name one source? `the agency` and `the disaster agency` do (one is the
    other's head); `a militant spokesman` and `a provincial spokesman`, `police` and
    `organisers` do not."""
    if a == b:
        return True
    short, long_ = sorted((a.split(), b.split()), key=len)
    return bool(short) and long_[-len(short):] == short and len(short) == 1 and len(long_) <= 2


_CLAUSE_END = re.compile(r";|\s[—–]\s|,\s+(?:while|whereas|but)\b|\s+(?:while|whereas)\s")


class _ClauseEnds:
    """Where a sentence's clauses end (`;`, a dash, `, while`), found once per sentence asked
    about: a sentence of thousands of figures is not scanned again for each."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.ends: dict[int, tuple[list[int], list[int]]] = {}

    def around(self, sentence: int, start: int, end: int) -> tuple[int, int]:
        """The clause of a sentence that holds start..end: from the end of the clause break
        before it (or the sentence's start) to the start of the one after (or its end)."""
        s = self.doc.sentences[sentence]
        if sentence not in self.ends:
            found = list(_CLAUSE_END.finditer(self.doc.text, s.start, s.end))
            self.ends[sentence] = ([m.end() for m in found], [m.start() for m in found])
        ends, starts = self.ends[sentence]
        # the last break that ends at or before the figure's start, searched as finditer over
        # s.start..start would (a break must lie wholly before the figure)
        i = bisect_right(ends, start) - 1
        lo = ends[i] if i >= 0 and ends[i] <= start else s.start
        j = bisect_left(starts, end)
        hi = starts[j] if j < len(starts) else s.end
        return lo, hi


def figure_source(doc: Document, index: AttributionIndex, start: int, end: int, definite: bool,
                  sentence: int | None = None, paragraph: int | None = None) -> str | None:
    """Whose claim a figure is: None when it is the article's own, else the key of the source
    that gives it (see `source_key`).

    A figure is a source's claim when a reporting clause gives it: in its own clause (`police put
    the number at 12,000`), in its sentence (`50,000 people marched, organisers said`), or carried
    over its paragraph as wire copy does, or when it stands in a source's quotation. A definite
    total used as a noun phrase (`the release of the 53 people arrested`) is the article's own
    claim even in a reported sentence: the reporter presupposes it. So is a figure no one gives,
    and one given only by a vague source (`reportedly`) or a passive that names no one (`it was
    reported`)."""
    quoted = doc.in_quotation(start, end)
    if definite and not quoted:
        return None
    k = doc.sentence_at(start) if sentence is None else sentence
    # several reporting clauses in one sentence: the one in the figure's own clause; else a
    # trailing `..., police said` (the first after the figure) governs the clauses before it;
    # else the first. The sentence's own come first, in the order they stand; past them only
    # the nearest one counts. Read no further than what decides (a sentence may hold thousands).
    lo, hi = doc.derived(_ClauseEnds).around(k, start, end)
    first = own = after = nearest = None
    count = 0
    for a in index.nearest(start, sentence=k, paragraph=paragraph):
        if a.kind in UNNAMED:
            continue
        if a.sentence != k:
            nearest = a
            break
        count += 1
        first = first or a
        if lo <= a.verb_start < hi:
            own = a
            break  # the first in the figure's own clause decides
        if after is None and a.verb_start >= end:
            after = a
        if a.verb_start >= hi and after is not None:
            break  # no later one is in the figure's clause, and the first after it is known
    if own is not None:
        return source_key(own) or None
    if count == 0:
        return source_key(nearest) or None if nearest else ("quotation" if quoted else None)
    return source_key(after if count > 1 and after else first) or None


def source_of(doc: Document, offset: int) -> str | None:
    """Who gives what stands at offset (a figure, a claim): the source of the attribution that
    covers it, nearest first (its own sentence, then its paragraph)."""
    covering = doc.derived(AttributionIndex).covering(offset, acts=False)
    return covering[0].source if covering else None


def speaker(doc: Document, quote) -> str | None:
    """Who speaks a quotation: the reporting clause in its sentence (`“…,” she said`), else in
    its paragraph, else the one it runs on from."""
    return source_of(doc, quote.start)


def attributed(doc: Document, offset: int, claims: bool = False) -> bool:
    """Is the text at offset covered by an attribution? With claims=True, an act with an object
    (`the president announced the tax cut`) does not source a claim of motive or wrongdoing."""
    return doc.attribution_coverage[claims].covers(offset)


def coverage(doc: Document) -> tuple[SpanSet, SpanSet]:
    """What the article's attributions cover: (everything, claims), claims leaving out acts."""
    found = doc.attributions
    return (SpanSet(sp for a in found for sp in a.spans),
            SpanSet(sp for a in found if a.kind != "act" for sp in a.spans))
