"""Attribution rules (A): who says so? Check-worthy claims with no source, quotations with no
speaker or no closing mark, attributions that attribute nothing, and vague sources."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis.attribution import attributed, load_cues
from ..analysis.quantities import Quantity
from ..document import Document
from ..model import INFO, WARNING, Hit
from ..registry import rule
from .numbers import background

CHECKWORTHY = {"killed", "injured", "arrested", "missing", "displaced", "protesters", "victims"}
_SMALL_VAGUE = (2, 3, 5, 6, 9)  # the upper ends of a few, a couple, a handful, several
_FORECAST = re.compile(r"\b(?:will|is expected to|are expected to|is forecast to|are forecast to|"
                       r"is projected to|are projected to|could reach|is likely to|are likely to|"
                       r"is set to|are set to)\b", re.I)
_STRONG = re.compile(r"\b(?:killed|died|dead|deaths?|arrested|detained|corrupt\w*|fraud\w*|"
                     r"attack\w*|bomb\w*|murder\w*|rape\w*|abuse\w*|stole\w*|stolen|brib\w*|"
                     r"torture\w*|crime\w*|crimin\w*|illegal\w*|cover-up|plot\w*|spy|spied|"
                     r"poison\w*|hack\w*|rigg\w*|embezzl\w*|launder\w*)\b", re.I)


def _attributed_elsewhere(doc: Document, q: Quantity, sourced: dict[str, list[Quantity]]) -> bool:
    """The same figure given with a source elsewhere in the article: the lede may state it."""
    return any(o is not q and o.overlaps(q) for o in sourced.get(q.category, ()))


def _sourced_figures(doc: Document) -> dict[str, list[Quantity]]:
    out: dict[str, list[Quantity]] = {}
    seen: set[tuple] = set()
    for o in doc.quantities:
        key = (o.category, o.low, o.high)
        if o.category and key not in seen and (attributed(doc, o.start) or doc.in_quotation(o.start, o.end)):
            seen.add(key)
            out.setdefault(o.category, []).append(o)
    return out


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
    forecast figures (`will shrink by 5 percent`), in the reporter's own voice when nothing in
    their paragraph says who gives them: no `police said`, `according to`, `told Reuters`,
    no attribution carried over from earlier in the paragraph, and the same figure not
    attributed elsewhere in the article. Headlines, quotations, small vague counts (`several`)
    and what reporters saw themselves are left alone.

    Why it matters: casualty, arrest and crowd figures are contested, and change. The reader
    needs to know whose count it is; the desk needs to know whom to call when it changes.

    Example:
        More than 2,000 people were arrested after the protests.

    Instead:
        More than 2,000 people were arrested after the protests, the interior ministry said.
    """
    sourced = None
    for q in doc.quantities:
        forecast = q.unit in ("percent",) or (q.unit and q.unit != "percent")
        s = doc.sentences[q.sentence]
        if q.category in CHECKWORTHY:
            if q.hedge == "vague" and q.high in _SMALL_VAGUE:
                continue
            what = {"victims": "victims", "protesters": "crowd"}.get(q.category, q.category)
            msg = f"who says so? This {what} figure has no source in its paragraph"
        elif forecast and _FORECAST.search(doc.text[s.start:s.end]):
            what = "forecast"
            msg = "who says so? This forecast has no source in its paragraph"
        else:
            continue
        if doc.in_quotation(q.start, q.end) or attributed(doc, q.start) or doc.is_title(q.paragraph):
            continue
        if sourced is None:
            sourced = _sourced_figures(doc)
        if _attributed_elsewhere(doc, q, sourced) or background(doc, q.sentence) or _authority_acts(doc, q):
            continue
        if re.match(r"\s+(?:more|other|others|additional|further)\b", doc.text[q.end:q.end + 12]):
            continue  # `eight more people`: it continues a count given before
        start, end = _claim_span(q)
        yield Hit(start, end, msg + " (add who gives it: police said, according to the ministry)")


@rule("A102", "unsourced-motive", WARNING)
def unsourced_motive(doc: Document) -> Iterator[Hit]:
    """A claim of motive or intent with no source.

    What it flags: the reporter saying why someone acted, when only they or their critics can
    say: `is an effort by the Kremlin to safeguard its interests`, `in a bid to distract from the
    scandal`, `motivated by revenge`, `in retaliation for`. Stated purposes of routine actions
    (`closed the road to clear debris`) are not flagged, nor claims in a quotation or a
    paragraph with a source.

    Why it matters: motive is opinion unless someone with knowledge says it. Unsourced, it reads
    as the publication's own view and is the first thing a complaint will quote.

    Example:
        The deployment is an effort by the Kremlin to safeguard its interests in the region.

    Instead:
        The deployment is an effort by the Kremlin to safeguard its interests in the region,
        analysts at the Carnegie Endowment said.
    """
    cues = load_cues()
    text = doc.text
    # one pass over the whole text (claims of motive are rare), then each match in its sentence
    by_sentence = cues.motive_phrase_index.by_sentence(doc)
    # the motive pattern (`an effort by X to safeguard`) only in sentences with one of its nouns
    where = doc.token_positions
    candidates = {doc.sentence_at(doc.tokens[i].start) for w in cues.motive_nouns & where.keys() for i in where[w]}
    for k in candidates:
        s = doc.sentences[k]
        for m in cues.motive.finditer(text, s.start, s.end):
            by_sentence.setdefault(k, []).append((m.start(), m.end()))
    for k in sorted(by_sentence):
        s = doc.sentences[k]
        if doc.is_title(doc.paragraph_at(s.start)):
            continue
        last_end = -1
        for start, stop in sorted(by_sentence[k], key=lambda m: (m[0], -m[1])):
            if start < last_end or doc.in_quotation(start, stop) or attributed(doc, start, claims=True):
                continue
            end = stop
            while end > start and text[end - 1] in " ,;":
                end -= 1
            last_end = stop
            yield Hit(start, end, "who says so? This claim of motive has no source in its paragraph")


@rule("A103", "unsourced-allegation", WARNING)
def unsourced_allegation(doc: Document) -> Iterator[Hit]:
    """An allegation of crime or wrongdoing stated as fact, with no source and no qualifier.

    What it flags: `the mayor embezzled public funds`, `the company bribed officials`, in the
    reporter's voice, when nothing in the paragraph gives a source and nothing in the sentence
    marks it as an allegation or a court's finding (`allegedly`, `accused of`, `charged with`,
    `convicted`, `pleaded guilty`).

    Why it matters: an allegation stated as fact is the commonest source of libel claims. Until
    a court decides, it is someone's allegation, and the reader must be told whose.

    Example:
        The former mayor embezzled millions from the city's housing fund.

    Instead:
        The former mayor is accused of embezzling millions from the city's housing fund,
        prosecutors said.
    """
    cues = load_cues()
    text = doc.text
    hits = cues.allegation_index.by_sentence(doc)
    for k in sorted(hits):
        s = doc.sentences[k]
        sentence = text[s.start:s.end]
        if cues.legal.search(sentence) or doc.is_title(doc.paragraph_at(s.start)):
            continue
        for start, end in hits[k]:
            if doc.in_quotation(start, end) or attributed(doc, start, claims=True):
                continue
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
    return bool(re.search(r"(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b", body[len(first):]))


@rule("A202", "quote-without-speaker", WARNING)
def quote_without_speaker(doc: Document) -> Iterator[Hit]:
    """A direct quotation with no speaker in its sentence or paragraph.

    What it flags: a quotation of a full sentence (four words or more, opening with a capital),
    in a paragraph with no reporting clause
    (`she said`, `told Reuters`, `according to`), not run on from an attributed paragraph and
    not introduced by the paragraph before (`The statement read:`). Titles, slogans, banners,
    signs and scare quotes (`‘rioters’`) are not speech and are left alone.

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
        if _speaker_just_named(doc, q):
            continue
        p = q.paragraph
        if p > 0 and text[paras[p - 1].start:paras[p - 1].end].rstrip().endswith(":"):
            continue  # introduced by the paragraph before: `The statement read:`
        if p > 0 and any(x.paragraph == p - 1 and not x.closed for x in doc.quotes):
            continue  # runs on from the paragraph before; that quotation has the speaker
        if doc.is_title(p):
            continue
        yield Hit(q.start, min(q.end, q.start + 1 + len(inner.split("\n")[0])),
                  "who said this? The quotation has no speaker in its sentence or paragraph")


@rule("A301", "dangling-attribution", WARNING)
def dangling_attribution(doc: Document) -> Iterator[Hit]:
    """An attribution phrase that attributes nothing.

    What it flags: a sentence that opens `Citing Reuters,` or `Quoting officials,` when the
    clause that follows has no one doing the citing (`Citing Reuters, these peacekeepers also
    have the authority to use weapons`). It reads as if the peacekeepers cited Reuters.

    Why it matters: the reader cannot tell whether the claim is Reuters' or the reporter's. It
    is also a common calque in translated copy (Indonesian mengutip).

    Example:
        Citing Reuters, the peacekeepers also have the authority to use weapons.

    Instead:
        The peacekeepers also have the authority to use weapons, Reuters reported.
    """
    for a in doc.attributions:
        if a.kind == "citing" and not a.spans:
            yield Hit(a.verb_start, a.source_end,
                      f"‘{doc.text[a.verb_start:a.source_end]}’ dangles: nothing in the sentence does "
                      f"the citing; write ‘…, {a.source} reported.’",
                      suggestion=f"{a.source} reported")


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
    cues = load_cues()
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
