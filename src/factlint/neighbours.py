"""A pack entry's neighbour conditions: the words just before a match (`after`, `not_after`) or
just after it (`before`, `not_before`), each a short sequence of word tests in reading order.

A test is a word (`course`), a prefix (`rule*`), a word class (`@noun`, `@modal`; see
wordclass.py), or alternatives joined by `|` (`ban*|law*|@possessive`); a `?` after a test makes
it optional. `$` is the end of the clause (the match or the words before it are followed by
punctuation or the end of the text), `^` its start, and `"` a quotation mark (words on its other
side stand right next to it: `@article "?` finds `the` in `the "loose" ends`). So `loose` after
`["@modal @adverb?"]` fires in `could loose` and `could easily loose`, and `there` before
`["@plural @aux"]` in `there contracts had`. The words of a sequence stand in one clause: only
spaces (or an editor's square brackets) separate them from each other and from the match, so a
comma or a full stop ends the context (`from there, troops moved` is not `there troops`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import wordclass

# square brackets mark an editor's words inside a quotation (`and then [the] vote`): they join
# the words around them, as a space does
_GAP = re.compile(r"[ \t\u00a0\[\]]*\n?[ \t\u00a0\[\]]*")
_CLAUSE_END = re.compile(r"[.,;:!?]")
_CLAUSE_START = re.compile(r"[.,;:!?\"“‘(]")
_QUOTE = re.compile(r"[\"“”‘«»]")


@dataclass(frozen=True)
class Test:
    words: frozenset[str]
    prefixes: tuple[str, ...]
    classes: tuple[str, ...]
    optional: bool = False
    boundary: bool = False  # `$` or `^`: no word joined to the one before (or after)
    quote: bool = False  # `"`: a quotation mark stands between the words

    def __call__(self, word: str, surface: str) -> bool:
        if word in self.words or any(word.startswith(p) for p in self.prefixes):
            return True
        return any(wordclass.is_class(c, word, surface) for c in self.classes)


Sequence = tuple[Test, ...]


def compile_test(text: str) -> Test:
    optional = text.endswith("?") and len(text) > 1
    body = text[:-1] if optional else text
    if body in ("$", "^"):
        return Test(frozenset(), (), (), optional, boundary=True)
    if body == '"':
        return Test(frozenset(), (), (), optional, quote=True)
    words, prefixes, classes = set(), [], []
    for alt in body.lower().replace("’", "'").split("|"):
        if alt.startswith("@"):
            if alt[1:] not in wordclass.NAMES:
                raise ValueError(f"unknown word class {alt!r} (known: "
                                 f"{', '.join('@' + n for n in sorted(wordclass.NAMES))})")
            classes.append(alt[1:])
        elif alt.endswith("*") and len(alt) > 1:
            prefixes.append(alt[:-1])
        elif alt:
            words.add(alt)
        else:
            raise ValueError(f"empty word test in {text!r}")
    return Test(frozenset(words), tuple(prefixes), tuple(classes), optional)


def compile_sequences(items: tuple[str, ...]) -> tuple[Sequence, ...]:
    """Each item a sequence of space-separated tests; ValueError names a bad one."""
    out = []
    for item in items:
        seq = tuple(compile_test(t) for t in item.split())
        if not seq or all(t.optional for t in seq):
            raise ValueError(f"{item!r} needs at least one word test that is not optional")
        out.append(seq)
    return tuple(out)


def _joined(doc, end: int, start: int) -> bool:
    """Do only spaces stand between offset `end` and offset `start`, within one paragraph (a
    line break inside a hard-wrapped paragraph is a space)?"""
    if start < end or _GAP.fullmatch(doc.text, end, start) is None:
        return False
    return "\n" not in doc.text[end:start] or doc.paragraph_at(end) == doc.paragraph_at(start)


def _broken(doc, pattern: re.Pattern, end: int, start: int) -> bool:
    """Is there a clause boundary between offsets `end` and `start`: punctuation, or the end of
    a paragraph?"""
    return pattern.search(doc.text, end, start) is not None or doc.paragraph_at(end) != doc.paragraph_at(start)


def _reads(doc, j: int, test: Test) -> bool:
    """Does token j pass this test? A capital that opens a sentence says nothing of whether the
    word is a name: there the common word the lexicon knows is read too (`Factors cited`)."""
    t = doc.tokens[j]
    surface = doc.text[t.start:t.end]
    if test(t.norm, surface):
        return True
    if not surface[:1].isupper() or not wordclass.known(t.norm):
        return False
    sentences = doc.sentences
    if not sentences or doc.token_index(sentences[doc.sentence_at(t.start)].start) != j:
        return False
    return test(t.norm, surface[:1].lower() + surface[1:])


def follows(doc, end: int, i: int, seqs: tuple[Sequence, ...]) -> bool:
    """Does one of these sequences stand right after a match that ends at `end`, whose next
    token is `i`?"""
    toks, text = doc.tokens, doc.text

    def walk(seq: Sequence, k: int, j: int, last: int) -> bool:
        if k == len(seq):
            return True
        test = seq[k]
        if test.boundary:  # punctuation that ends a clause, or the end of the text
            return (j >= len(toks) or _broken(doc, _CLAUSE_END, last, toks[j].start)) and walk(seq, k + 1, j, last)
        if test.quote:  # the next word stands right after the mark (`"lose" independent`)
            nxt = toks[j].start if j < len(toks) else len(text)
            mark = _QUOTE.search(text, last, nxt)
            if mark is not None and walk(seq, k + 1, j, mark.end()):
                return True
            return test.optional and walk(seq, k + 1, j, last)
        if j < len(toks) and _joined(doc, last, toks[j].start):
            if _reads(doc, j, test) and walk(seq, k + 1, j + 1, toks[j].end):
                return True
        return test.optional and walk(seq, k + 1, j, last)

    try:
        return any(walk(seq, 0, i, end) for seq in seqs)
    finally:
        walk = None  # it refers to itself: unbound, it and the tokens it holds go by counting


def precedes(doc, start: int, i: int, seqs: tuple[Sequence, ...]) -> bool:
    """Does one of these sequences stand right before a match that starts at `start`, whose
    first token is `i` (so the sequence's last word is token i - 1)?"""
    toks, text = doc.tokens, doc.text

    def walk(seq: Sequence, k: int, j: int, first: int) -> bool:
        if k < 0:
            return True
        test = seq[k]
        if test.boundary:  # the start of the text, or punctuation that opens a clause
            return (j < 0 or _broken(doc, _CLAUSE_START, toks[j].end, first)) and walk(seq, k - 1, j, first)
        if test.quote:  # the word before stands right before the mark (`two "lose"`)
            prev = toks[j].end if j >= 0 else 0
            mark = _QUOTE.search(text, prev, first)
            if mark is not None and walk(seq, k - 1, j, mark.start()):
                return True
            return test.optional and walk(seq, k - 1, j, first)
        if j >= 0 and _joined(doc, toks[j].end, first):
            if _reads(doc, j, test) and walk(seq, k - 1, j - 1, toks[j].start):
                return True
        return test.optional and walk(seq, k - 1, j, first)

    try:
        return any(walk(seq, len(seq) - 1, i - 1, start) for seq in seqs)
    finally:
        walk = None  # it refers to itself: unbound, it and the tokens it holds go by counting
