"""Attribution rules (A): who says so? Check-worthy claims with no source, quotations with no
speaker or no closing mark, attributions that attribute nothing, and vague sources."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate

from ..analysis.attribution import AttributionIndex, attributed, load_cues
from ..analysis.dates import MONTHS, WEEKDAYS
from ..analysis.figures import Timeline, narrowing
from ..analysis.lexicon import lexicon_data, user_lexicons
from ..analysis.quantities import INF, Quantity
from ..document import Document
from ..model import INFO, WARNING, Hit
from ..registry import rule

CHECKWORTHY = {"killed", "injured", "arrested", "missing", "displaced", "protesters", "victims"}
_SMALL_VAGUE = (2, 3, 5, 6, 9)  # the upper ends of a few, a couple, a handful, several
_FORECAST = re.compile(r"\b(?:will|is expected to|are expected to|is forecast to|are forecast to|"
                       r"is projected to|are projected to|could reach|is likely to|are likely to|"
                       r"is set to|are set to)\b", re.I)
# `will be gathering`, `is slated to`: an arrangement reported, not an outcome predicted
_ARRANGED = re.compile(r"\bwill\s+be\s+[a-z]+ing\b|\b(?:slated|scheduled|due)\s+to\b", re.I)
# the figure a predicted change ends at or moves by (`will plunge to 25 below zero`, `is expected to
# climb by 3,000`): a forecast of a level, whatever the verb
_CHANGE_TARGET = re.compile(r"\b(?:will|would|could|may|might|(?:is|are)\s+(?:expected|forecast|projected|likely|set)\s+to)"
                            r"\s+(?:[a-z]+ly\s+)?(?!be\b|have\b)[a-z]+\s+(?:to|by)\s+$", re.I)
_ESTIMATE = frozenset({"approx", "nearly", "min", "over", "max", "under", "range", "vague"})
_STRONG = re.compile(r"\b(?:killed|died|dead|deaths?|arrested|detained|corrupt\w*|fraud\w*|"
                     r"attack\w*|bomb\w*|murder\w*|rape\w*|abuse\w*|stole\w*|stolen|brib\w*|"
                     r"torture\w*|crime\w*|crimin\w*|illegal\w*|cover-up|plot\w*|spy|spied|"
                     r"poison\w*|hack\w*|rigg\w*|embezzl\w*|launder\w*)\b", re.I)


class _Sourced:
    """The figures an article gives with a source (or in a quotation), by category: is a figure
    given with a source elsewhere is a binary search, not a scan. `at least 400` sourced is not
    `around 20,000`: the same figure is a stated number within a tenth of the other's, or one
    that falls within the other's closed interval. Nor is a count of a narrower group (`a
    clinic treated 30 injured people who were brought in by taxi`) the same figure as a total
    (`injuring at least 30 people`): those are kept apart and match only a figure narrowed alike."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        values: dict[str, list[float]] = {}
        closed: dict[str, list[tuple[float, float]]] = {}
        self.narrowed: dict[str, list[tuple[Quantity, frozenset[str]]]] = {}
        for o in doc.quantities:
            if o.category and (attributed(doc, o.start) or doc.in_quotation(o.start, o.end)):
                narrow = narrowing(doc, o)
                if narrow:
                    self.narrowed.setdefault(o.category, []).append((o, narrow))
                    continue
                values.setdefault(o.category, []).append(o.value)
                if o.high != INF:
                    closed.setdefault(o.category, []).append((o.low, o.high))
        self.values = {cat: sorted(v) for cat, v in values.items()}
        self.lows: dict[str, list[float]] = {}
        self.max_high: dict[str, list[float]] = {}  # the largest high among the first k lows
        for cat, spans in closed.items():
            spans.sort()
            self.lows[cat] = [lo for lo, _ in spans]
            self.max_high[cat] = list(accumulate((hi for _, hi in spans), max))

    def overlaps(self, q: Quantity) -> bool:
        """The same figure given with a source elsewhere in the article: the lede may state it."""
        cat = q.category
        lo, hi = 0.9 * q.value, 1.1 * q.value
        if q.high != INF:
            lo, hi = min(lo, q.low), max(hi, q.high)
        values = self.values.get(cat, ())
        if bisect_right(values, hi) > bisect_left(values, lo):
            return True
        lows = self.lows.get(cat)
        k = bisect_right(lows, q.value) if lows else 0  # closed intervals that start at or below it
        if k > 0 and self.max_high[cat][k - 1] >= q.value:
            return True
        narrowed = self.narrowed.get(cat)
        if not narrowed:
            return False
        mine = narrowing(self.doc, q)
        return any(narrow <= mine and (lo <= o.value <= hi or o.low <= q.value <= o.high != INF)
                   for o, narrow in narrowed)


_AUTHORITY = re.compile(
    r"\b(?:(?i:police|authorities|officers|troops|soldiers|security forces|army|military|agents|"
    r"officials|government|prosecutors|investigators|department|ministry|forces|guards|"
    r"coast guard|court)|[A-Z]{2,5})\b[^,;.]{0,40}$")


def _authority_acts(doc: Document, q: Quantity) -> bool:
    """`Authorities on Monday arrested twelve people`: an official body reported doing what it
    does; the figure is theirs."""
    if q.category != "arrested":
        return False
    s = doc.sentences[q.sentence]
    return bool(_AUTHORITY.search(doc.text[s.start:q.start]))


def _claim_span(q: Quantity) -> tuple[int, int]:
    end = q.end
    if q.category_span and q.category_span[0] >= q.end and q.category_span[1] - q.start < 80:
        end = q.category_span[1]
    return q.start, end


@rule("A101", "unsourced-figure", WARNING)
def unsourced_figure(doc: Document) -> Iterator[Hit]:
    """A figure of harm, arrests, crowds or a forecast with no source.

    What it flags: counts of the dead, injured, arrested, missing, displaced and of crowds, and
    forecast figures (`will shrink by 5 percent`, `up to 3,000 jobs will go`, `millions of
    people will lose access`, `will swell to 4,000 by winter`: a share, a sum, an estimate or
    the level a predicted change ends at, in a future sentence), in the
    reporter's own voice when nothing in their paragraph says who gives them: no `police said`,
    `according to`, `told Reuters`, no attribution carried over from earlier in the paragraph
    or from a paragraph that introduces it with a colon, and the same figure not attributed
    elsewhere in the article; a definite total (`the ten people arrested`) that refers back to a
    count given before is that count's. Headlines, quotations, small vague counts (`several`), exact
    counts of what is arranged (`the summit will bring together 30 leaders`), one member of a
    crowd and what reporters saw themselves are left alone.

    Why it matters: casualty, arrest and crowd figures are contested, and change. The reader
    needs to know whose count it is; the desk needs to know whom to call when it changes.

    Example:
        More than 2,000 people were arrested after the protests.

    Instead:
        More than 2,000 people were arrested after the protests, the interior ministry said.
    """
    sourced = None
    counted: set[str] = set()  # the categories the article has counted so far
    for q in doc.quantities:
        known = q.category in counted
        counted.add(q.category)
        # a forecast is an estimate: a share, a sum, a change (`by 15 percent`), or a hedged or
        # vague count (`up to 3,000 jobs`, `millions of people`); an exact count in a future
        # sentence is a plan (`the summit will bring together 30 leaders`)
        s = doc.sentences[q.sentence]
        # a level, not a count of what the verb goes to (`will travel to 12 cities` is a plan)
        change = not (q.head and q.head.split()[-1].lower().endswith("s")) and \
            bool(_CHANGE_TARGET.search(doc.text, max(s.start, q.start - 60), q.start))
        forecast = bool(q.unit) or q.hedge in _ESTIMATE or change
        if q.category in CHECKWORTHY:
            if q.hedge == "vague" and q.high in _SMALL_VAGUE:
                continue
            what = {"victims": "victims", "protesters": "crowd"}.get(q.category, q.category)
            msg = f"who says so? This {what} figure has no source in its paragraph"
        elif forecast and _FORECAST.search(doc.text, s.start, s.end) and (
                q.unit or change or not _ARRANGED.search(doc.text, s.start, s.end)):
            what = "forecast"
            msg = "who says so? This forecast has no source in its paragraph"
        else:
            continue
        if doc.in_quotation(q.start, q.end) or attributed(doc, q.start) or doc.is_title(q.paragraph):
            continue
        if q.category == "protesters" and q.head.lower().startswith("of "):
            continue  # `one of the participants`: a member of a crowd, not its size
        if q.definite and known:
            continue  # `the ten people arrested`: it refers back to a count given before, sourced there or not
        if known and (q.head.lower().startswith("of ") or q.part_of is not None or q.part_list is not None):
            continue  # `Eight of the 12 injured firefighters`, `Among those arrested were three women`: a part of a count given before
        if sourced is None:
            sourced, timeline = _Sourced(doc), doc.derived(Timeline)
        if sourced.overlaps(q) or timeline.background(q.sentence) or _authority_acts(doc, q):
            continue
        if re.match(r"\s+(?:more|other|others|additional|further)\b", doc.text[q.end:q.end + 12]):
            continue  # `eight more people`: it continues a count given before
        start, end = _claim_span(q)
        yield Hit(start, end, msg + " (add who gives it: police said, according to the ministry)")


_RELATIVE_BEFORE = re.compile(r"\b(?:which|that)\s+$", re.I)


@lru_cache(maxsize=8)
def _contrivance(extra: tuple[str, ...] = ()) -> re.Pattern:
    """A copula, a noun of contrivance, then a participle of intent (`was a front designed to
    pass the money off as takings`, `is a bargaining tactic aimed at extracting subsidies`): an
    act or a thing characterised by the purpose the reporter gives it, whatever the verb. The
    nouns and participles are the lexicon's; a noun of plain function or plan (`a pipeline
    designed to carry gas`, `a scheme designed to help first-time buyers`) is not among them."""
    nouns: list[str] = []
    participles: list[str] = []
    for lexicon in lexicon_data("attribution", extra):
        nouns += lexicon.get("contrivance_nouns", [])
        participles += lexicon.get("motive_participles", [])
    noun = "|".join(sorted(map(re.escape, set(nouns)), key=lambda w: (-len(w), w)))
    participle = "|".join(sorted(map(re.escape, set(participles)), key=lambda w: (-len(w), w)))
    return re.compile(
        r"\b(?:is|are|was|were|be|been|being|seems|seemed|appears|appeared)\s+"
        r"(?:[a-z]+ly\s+|just\s+|merely\s+|simply\s+|only\s+|nothing\s+more\s+than\s+|little\s+more\s+than\s+)*"
        rf"(?P<claim>(?:an?|another|the|this|one|yet\s+another)\s+(?:[\w-]+\s+){{0,2}}?(?:{noun})\s+"
        rf"(?:{participle})(?:\s+[a-z]+ly)?\s+(?:to\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those|be)\b)"
        r"[a-z][\w-]*|at\s+[a-z][\w-]*ing))\b", re.I)
# a sentence whose subject is the writer (`I think`, `We would ask`, `One would think that`)
_FIRST_PERSON = re.compile(r"[“\"‘']?(?:(?i:but|and|so|yet|still|now|here),?\s+)?(?:I|We|we|One(?!\s+of\b))\s+(?!\d)")


@rule("A102", "unsourced-motive", WARNING)
def unsourced_motive(doc: Document) -> Iterator[Hit]:
    """A claim of motive or intent with no source.

    What it flags: the reporter saying why someone acted, when only they or their critics can
    say. By shape, whatever the verb: a form of `be` that characterises an act by its purpose
    (`is an effort by the Kremlin to safeguard its interests`, `was an attempt to shield the
    minister's allies`, `are a ploy to push patients toward private hospitals`, `is designed to
    silence critics`, `are aimed at weakening the unions`), and the phrases of hidden motive
    and an adjunct that frames an act by the intent the reporter gives it (`cut the internet
    in an attempt to stop smugglers`, `froze the accounts in a bid to force the mayor out`), and
    the phrases of hidden motive (`to distract from the scandal`, `motivated by revenge`, `in
    retaliation for`). A plain purpose (`closed the road to clear debris`), what a thing is for
    (`a pipeline which is aimed at connecting the gas fields`) are not flagged, nor claims in a
    quotation, in a paragraph with a source, or in a sentence the writer marks as their own
    opinion (`One would think ...`).

    Why it matters: motive is opinion unless someone with knowledge says it. Unsourced, it reads
    as the publication's own view and is the first thing a complaint will quote.

    Example:
        The deployment is an effort by the Kremlin to safeguard its interests in the region.

    Instead:
        The deployment is an effort by the Kremlin to safeguard its interests in the region,
        analysts at the Carnegie Endowment said.
    """
    cues = load_cues(user_lexicons(doc, "attribution"))
    text = doc.text
    # one pass over the whole text (claims of motive are rare), then each match in its sentence
    by_sentence = cues.motive_phrase_index.by_sentence(doc)
    # the motive pattern (`an effort by X to safeguard`) only in sentences with one of its nouns
    where = doc.token_positions
    candidates = {doc.sentence_at(doc.tokens[i].start) for w in cues.motive_nouns & where.keys() for i in where[w]}
    contrivance = _contrivance(user_lexicons(doc, "attribution"))
    for k in candidates:
        s = doc.sentences[k]
        for m in cues.motive.finditer(text, s.start, s.end):
            if m.group("adjunct"):
                by_sentence.setdefault(k, []).append((m.start("adjunct"), m.end("adjunct")))
                continue
            if m.group("claim")[:1].islower() and text[m.start("claim"):m.start("claim") + 1].isalpha() \
                    and not re.match(r"(?:an?|another|the|this|one|yet)\b", m.group("claim"), re.I) \
                    and _RELATIVE_BEFORE.search(text, s.start, m.start()):
                continue  # `the project, which is aimed at connecting the gas fields`: what a thing is for
            by_sentence.setdefault(k, []).append((m.start("claim"), m.end("claim")))
        for m in contrivance.finditer(text, s.start, s.end):
            by_sentence.setdefault(k, []).append((m.start("claim"), m.end("claim")))
    for k in sorted(by_sentence):
        s = doc.sentences[k]
        if doc.is_title(doc.paragraph_at(s.start)) or _FIRST_PERSON.match(text, s.start, s.end):
            continue  # `One would think ... to deflect attention`: the writer's opinion, marked as such
        last_end = -1
        for start, stop in sorted(by_sentence[k], key=lambda m: (m[0], -m[1])):
            if start < last_end or doc.in_quotation(start, stop) or attributed(doc, start, claims=True):
                continue
            end = stop
            while end > start and text[end - 1] in " ,;":
                end -= 1
            last_end = stop
            yield Hit(start, end, "who says so? This claim of motive has no source in its paragraph")
            break  # one claim of motive a sentence (`motivated by revenge for ...` is one)


_BE = frozenset("is are was were be been being get gets got getting".split())
_TOKEN_BACK = re.compile(r"[\w’'/-]+|,")


def _passive(text: str, lo: int, start: int) -> bool:
    """Is the verb at start a passive participle (`were murdered`, `who are raped`, `were
    murdered, tortured and/or raped`)? Walks back over adverbs and a list of participles to a
    form of `be`."""
    after_joiner = False
    for w in reversed(_TOKEN_BACK.findall(text, max(lo, start - 80), start)[-8:]):
        lw = w.lower()
        if lw in _BE:
            return True
        joiner = lw in (",", "and", "or", "and/or", "then")
        # adverbs, and the other participles of a list (`robbed, beaten and tortured`)
        if joiner or after_joiner or lw.endswith("ly") or lw in ("also", "not", "never", "allegedly"):
            after_joiner = joiner
            continue
        return False
    return False


@rule("A103", "unsourced-allegation", WARNING)
def unsourced_allegation(doc: Document) -> Iterator[Hit]:
    """An allegation of crime or wrongdoing stated as fact, with no source and no qualifier.

    What it flags: `the mayor embezzled public funds`, `the company bribed officials`, in the
    reporter's voice, when nothing in the paragraph gives a source and nothing in the sentence
    marks it as an allegation or a court's finding (`allegedly`, `accused of`, `charged with`,
    `convicted`, `pleaded guilty`). A crime reported in the passive accuses no one (`girls who
    were raped`), and established history set in another year (`founded al-Qaeda, which
    orchestrated the attacks of 2001`) is background, not an allegation.

    Why it matters: an allegation stated as fact is the commonest source of libel claims. Until
    a court decides, it is someone's allegation, and the reader must be told whose.

    Example:
        The former mayor embezzled millions from the city's housing fund.

    Instead:
        The former mayor is accused of embezzling millions from the city's housing fund,
        prosecutors said.
    """
    cues = load_cues(user_lexicons(doc, "attribution"))
    text = doc.text
    hits = cues.allegation_index.by_sentence(doc)
    timeline = doc.derived(Timeline) if hits else None
    for k in sorted(hits):
        s = doc.sentences[k]
        sentence = text[s.start:s.end]
        if cues.legal.search(sentence) or doc.is_title(doc.paragraph_at(s.start)):
            continue
        if timeline.other_year(k):
            continue  # established history (`founded al-Qaeda, which orchestrated the 2001 attacks`)
        for start, end in hits[k]:
            if doc.in_quotation(start, end) or attributed(doc, start, claims=True):
                continue
            if _passive(text, s.start, start):
                continue  # `girls who were raped`: a crime reported, no one accused of it
            yield Hit(start, end, "who says so? This allegation is stated as fact, "
                      "with no source and no qualifier such as ‘allegedly’ or ‘accused of’")
            break


@rule("A201", "unbalanced-quotation-marks", WARNING)
def unbalanced_quotation_marks(doc: Document) -> Iterator[Hit]:
    """A quotation mark that opens a quotation never closed, or closes one never opened.

    What it flags: an opening mark (straight or curly, double or single) with no closing mark
    before the end of its paragraph, and a closing double mark with no opening one. Apostrophes
    (`Kazakhstan’s`, `’90s`, `protesters’ demands`) are not quotation marks, and a quotation that
    runs on into the next paragraph is correct when that paragraph opens with a new mark.

    Why it matters: a reader cannot tell where the speaker's words end and the reporter's begin,
    and a reader who cannot tell may attribute the reporter's words to the speaker.

    Example:
        “We will not leave the square, the organiser said on Sunday.

    Instead:
        “We will not leave the square,” the organiser said on Sunday.
    """
    for mark in doc.quote_scan.stray:
        what = "double" if mark.kind == "double" else "single"
        if mark.problem == "unclosed":
            msg = f"this {what} quotation mark opens a quotation that is never closed in its paragraph"
        else:
            msg = f"this {what} quotation mark closes a quotation that was never opened"
        yield Hit(mark.offset, mark.offset + 1, msg)


_NOT_SPEECH = re.compile(
    r"\b(?:titled|entitled|called|named|dubbed|headlined|reading|read|reads|slogans?|chants?|"
    r"chanted|chanting|banners?|signs?|placards?|hashtag|labell?ed|known as|phrase|words|"
    r"motto|caption|message|term|nicknamed|song|album|film|book|show|series|programme|program|"
    r"campaign|operation|described as|referred to as|branded|as|so-called|the|a|an|their|his|her)\s*$",
    re.I)


def _speaker_just_named(doc: Document, q) -> bool:
    """`..., leaving Ingram unimpressed. “One of them was questionable.”`: a quotation that opens
    a sentence right after one naming a person in the same paragraph has an implied speaker."""
    k = doc.sentence_at(q.start)
    if k == 0 or doc.sentences[k].start != q.start:
        return False
    prev = doc.sentences[k - 1]
    if doc.paragraph_at(prev.start) != q.paragraph:
        return False
    body = doc.text[prev.start:prev.end]
    first = body.split(" ", 1)[0] if body else ""
    return any(m.group().lower() not in _CALENDAR for m in _NAME_WORD.finditer(body, len(first)))


_NAME_WORD = re.compile(r"\b[A-Z][a-z]+\b")
# capitalised, but not a person: `The minister resigned on Friday.` names no speaker
_CALENDAR = frozenset(w.lower() for w in (*WEEKDAYS, *MONTHS))
_INTRO_END = re.compile(r"[:,]\s*$")
# someone in the clause before a colon or a comma: a pronoun, a noun phrase, a name
_SPEAKER_WORD = re.compile(r"\b(?i:i|we|he|she|they|you|one)\b|\b(?i:the|a|an|his|her|their|its)\s+[a-z]|"
                           r"(?<!^)\b[A-Z][\w’'-]+")


def _how_introduced(doc: Document, q) -> str:
    """How the reporter's sentence leads into a quotation: `starts` (it opens its sentence, or
    follows a dash), `speaker` (a clause with someone in it ends with a colon or a comma before
    it: `The minister told reporters: “…”`, `Senator Ramos spoke on a radio show, “…”`),
    `woven` (it follows a word or a bracket: the reporter's sentence carries it, as a name, a
    term, a gloss or the words of someone the sentence names)."""
    text = doc.text
    s = doc.sentences[doc.sentence_at(q.start)]
    lead = text[s.start:q.start]
    if not lead.strip(" \t“”\"‘’'") or re.search(r"[—–-]\s*$", lead):
        return "starts"
    if _INTRO_END.search(lead):
        clause = re.split(r"[.;!?]\s", lead)[-1]
        words = clause.split()
        return "speaker" if len(words) >= 2 and _SPEAKER_WORD.search(clause) else "starts"
    return "woven"


def _carried(doc: Document, p: int) -> bool:
    """Does the paragraph before carry a speaker over to a bare quotation paragraph, as wire copy
    does? When it holds a quotation that has one (`“…,” she said.` then `“…”`), or when it ends
    reporting what someone named said (`Councillor Dutton said the city should have used its
    reserves.` then `“We have $11 million in a rainy-day fund.”`)."""
    if p == 0:
        return False
    para = doc.paragraphs[p - 1]
    if any(x.paragraph == p - 1 and x.kind == "double" for x in doc.quotes) and \
            attributed(doc, para.start) or attributed(doc, doc.paragraphs[p].start):
        return True
    last = doc.sentence_at(max(para.start, para.end - 1))
    return any(a.kind == "said" and _one_speaker(a.source) and a.verb_start >= para.start
               for a in doc.derived(AttributionIndex).nearest(doc.sentences[last].start, acts=False,
                                                              sentence=last, paragraph=p - 1))


def _one_speaker(source: str) -> bool:
    """Can this source speak a quotation: one person or body (`Ray Dutton`, `the spokesman`), not a
    plural crowd (`About 60 residents`, `officials`), who speak no one sentence together?"""
    words = source.split()
    if not words:
        return False
    last = words[-1].strip("’',.")
    return last[:1].isupper() or not last.lower().endswith("s")


_SENTENCE_END = re.compile(r"[.!?…][”\"’')\]]*\s*$")


@rule("A202", "quote-without-speaker", WARNING)
def quote_without_speaker(doc: Document) -> Iterator[Hit]:
    """A direct quotation with no speaker in its sentence or paragraph.

    What it flags: a quotation of a full sentence (four words or more, opening with a capital)
    that stands on its own, opening its sentence or its paragraph, in a paragraph with no
    reporting clause (`she said`, `told Reuters`, `according to`), not carried over from a
    paragraph before whose quotation has a speaker or that ends reporting what one speaker said
    (`Councillor Dutton said the city should use its reserves.`), and not introduced by one
    (`The statement read:`). A speaker before a colon or a comma (`The minister told reporters: “…”`, `Senator
    Ramos spoke on a radio show, “…”`) or after the quotation (`“…,” said the engineer`)
    is a speaker. Quotations woven into the reporter's sentence (a title, a term, a gloss in
    brackets, `the fear that “…”`), slogans, banners, signs and scare quotes (`‘rioters’`),
    and a quotation standing alone as a heading are left alone.

    Why it matters: a quotation is a claim that someone said exactly these words. Without a
    speaker, it cannot be checked, and the reader cannot weigh it.

    Example:
        Talks will resume next week. “We are close to a deal on every point.”

    Instead:
        Talks will resume next week. “We are close to a deal on every point,” the union's
        negotiator said.
    """
    text = doc.text
    paras = doc.paragraphs
    prev_not_speech = None
    for q in doc.quotes:
        if q.kind != "double":
            continue
        inner = text[q.start + 1:q.end]
        if _NOT_SPEECH.search(text[max(0, q.start - 24):q.start]) or (
            prev_not_speech is not None and re.fullmatch(r"\s*(?:,|and|or|, and|, or)\s*", text[prev_not_speech:q.start])
        ):
            prev_not_speech = q.end  # banners reading “Don’t Shoot” and “We are with you”
            continue
        if attributed(doc, q.start):
            continue
        words = re.findall(r"[^\W\d_][\w’'-]*", inner)
        if len(words) < 4:
            continue
        if not inner.lstrip()[:1].isupper():
            continue  # a partial quote woven into the reporter's sentence: its speaker is in context
        if all(w[0].isupper() for w in words if len(w) > 3):
            continue  # a title or a name in Title Case: “Don't Hug Cacti”
        if _how_introduced(doc, q) != "starts" or _speaker_just_named(doc, q):
            continue
        p = q.paragraph
        para = paras[p]
        if q.start == para.start and q.end >= para.end and not _SENTENCE_END.search(text, q.start, para.end):
            continue  # a quotation standing alone with no full stop is a heading or a slogan
        if p > 0 and text[paras[p - 1].start:paras[p - 1].end].rstrip().endswith(":"):
            continue  # introduced by the paragraph before: `The statement read:`
        if p > 0 and any(x.paragraph == p - 1 and not x.closed for x in doc.quotes):
            continue  # runs on from the paragraph before; that quotation has the speaker
        if q.start == para.start and _carried(doc, p):
            continue
        if doc.is_title(p):
            continue
        yield Hit(q.start, min(q.end, q.start + 1 + len(inner.split("\n")[0])),
                  "who said this? The quotation has no speaker in its sentence or paragraph")


@rule("A301", "dangling-attribution", WARNING)
def dangling_attribution(doc: Document) -> Iterator[Hit]:
    """An attribution phrase that attributes nothing.

    What it flags: a sentence that opens `Citing Reuters,`, `Citing a leaked memo,` or `Quoting
    officials,` when the clause that follows has no one doing the citing (`Citing Reuters, these peacekeepers also
    have the authority to use weapons`). It reads as if the peacekeepers cited Reuters.

    Why it matters: the reader cannot tell whether the claim is Reuters' or the reporter's. It
    is also a common calque in translated copy (Indonesian mengutip).

    Example:
        Citing Reuters, the peacekeepers also have the authority to use weapons.

    Instead:
        According to Reuters, the peacekeepers also have the authority to use weapons.
    """
    text = doc.text
    cues = None
    for a in doc.attributions:
        dangles = a.kind == "citing" and not a.spans
        if not dangles and a.kind == "act" and a.verb.lower() in ("citing", "quoting"):
            # `Citing a leaked memo, the plant had failed ...`: with a determiner after it the
            # participle reads as an act with an object, but opening its sentence it attributes
            # only if the clause after its comma has someone reporting
            cues = cues or load_cues(user_lexicons(doc, "attribution"))
            dangles = _opens_and_dangles(doc, a, cues)
        if dangles:
            # `according to` attributes the clause after it as the participle meant to, and
            # takes the participle's place: the source's own words and the comma stay
            according = "According to" if text[a.verb_start].isupper() else "according to"
            yield Hit(a.verb_start, a.source_end,
                      f"‘{text[a.verb_start:a.source_end]}’ dangles: nothing in the sentence does "
                      f"the citing; write ‘{according}{text[a.verb_end:a.source_end]}, …’ or "
                      f"‘…, {a.source} reported.’",
                      suggestion=according + text[a.verb_end:a.source_end])


def _opens_and_dangles(doc: Document, a, cues) -> bool:
    """Does a participle of citing open its sentence with no reporting verb in the clause after
    its comma (`Citing a leaked memo, the plant had failed three inspections`)?"""
    s = doc.sentences[a.sentence]
    text = doc.text
    if text[s.start:a.verb_start].strip(" “\"‘'") or a.source_end <= a.verb_end:
        return False
    comma = text.find(",", a.verb_end, s.end)
    if comma < 0:
        return False
    head = " ".join(text[comma + 1:s.end].split()[:8])
    return not cues.verbs.search(head)


@rule("A401", "vague-source", INFO)
def vague_source(doc: Document) -> Iterator[Hit]:
    """A vague source for a strong claim.

    What it flags: `sources said`, `it is believed`, `critics say`, `according to reports`,
    `reportedly`, in a sentence that makes a strong claim (deaths, arrests, crime, corruption,
    attacks). Info: house style, since wire copy does use anonymous sources, but it should say
    why they are anonymous and what they know.

    Why it matters: the strength of a claim should match the strength of its source. A vague
    source for a strong claim invites the reader to doubt both.

    Example:
        Sources said the minister had taken bribes from the contractor.

    Instead:
        Two officials with direct knowledge of the inquiry said the minister had taken bribes
        from the contractor.
    """
    cues = load_cues(user_lexicons(doc, "attribution"))
    text = doc.text
    hits = cues.vague_index.by_sentence(doc)
    for k in sorted(hits):
        s = doc.sentences[k]
        if not _STRONG.search(text, s.start, s.end):
            continue
        for start, end in hits[k]:
            if doc.in_quotation(start, end):
                continue
            yield Hit(start, end,
                      f"‘{text[start:end]}’ is a vague source for a strong claim: say who, or why they cannot be named")
            break
