"""Word classes for the wording packs' neighbour conditions: is the word after a confusable a
noun, a modal, a comparative? (`its` before a noun, `then` after a comparative, `loose` after a
modal.) Closed classes come from rules/grammar/closed-classes.toml; open ones from
rules/grammar/word-classes.txt, generated from LemmInflect's lexicon by
tools/build_word_classes.py. Both are read once, on the first question, so an article whose
confusables need no word class never pays for them."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

# letters of word-classes.txt
_NOUN, _PLURAL, _ADJ, _CMP, _ADV = "N", "P", "A", "C", "R"
_VERB_FORMS, _ING, _PAST, _AUX = "VZGD", "G", "D", "X"
# a word that can be one of these is not read as a noun: after `it's` an adjective, an adverb or
# a participle is grammatical (`it's ready`, `it's hiring`), so such a word is never evidence
_NOT_NOUN = "ARGDX"
_DIGITS = re.compile(r"\d[\d,.]*(?:st|nd|rd|th|s)?$")


def _grammar_dir() -> Path:
    from .packs import packs_dir

    return packs_dir() / "grammar"


@cache
def _open_classes() -> str:
    """The table as one string, its header cut off. Its lines are sorted, so a word is found
    by bisection in place: reading 64,000 lines into a dict would cost more than most
    articles' whole check."""
    data = (_grammar_dir() / "word-classes.txt").read_text(encoding="utf-8")
    while data.startswith("#"):
        data = data[data.index("\n") + 1:]
    return data


@cache
def _letters(word: str) -> str:
    data = _open_classes()
    lo, hi = 0, len(data)
    while lo < hi:  # lo, hi: offsets of line starts (or the end)
        mid = (lo + hi) // 2
        start = data.rfind("\n", lo, mid) + 1 if mid > lo else lo
        if start < lo:
            start = lo
        space = data.find(" ", start)
        end = data.find("\n", space)
        end = len(data) if end < 0 else end
        key = data[start:space]
        if key == word:
            return data[space + 1:end]
        if key < word:
            lo = end + 1
        else:
            hi = start
    return ""


@cache
def _closed_classes() -> dict[str, frozenset[str]]:
    from .packcache import read_toml  # parsed once, then read from the start-up cache

    data = read_toml(_grammar_dir() / "closed-classes.toml")
    out = {name: frozenset(words) for name, words in data["classes"].items()}
    out["determiner"] = out["determiner"] | out["article"] | out["possessive"] | out["demonstrative"]
    out["aux"] = out.pop("auxiliary") | out["modal"]
    return out


# the classes of function words: a word of one of these is never read as a noun (`years`,
# `police` or `time` belong to closed classes too, but they are nouns)
_FUNCTION = ("article", "possessive", "demonstrative", "determiner", "pronoun", "preposition",
             "conjunction", "modal", "be", "aux", "negation")


@cache
def _closed_words() -> frozenset[str]:
    classes = _closed_classes()
    return frozenset().union(*(classes[c] for c in _FUNCTION))


def _noun_like(word: str, surface: str, plural: bool) -> bool:
    """A common noun and nothing a grammar would accept in its place: not an adjective, adverb,
    participle or closed-class word, and not capitalised (a capital mid-sentence is a name)."""
    if not surface[:1].islower() or word in _closed_words():
        return False
    letters = _letters(word)
    if not letters and not plural:
        # a lower-case word the lexicon lacks is most often a newer noun (`website`, `app`) or a
        # compound (`commander-in-chief`, `cover-up`)
        return word.replace("-", "").isalpha() and len(word) > 2
    if plural:
        return _PLURAL in letters and not any(c in letters for c in _NOT_NOUN)
    return (_NOUN in letters or _PLURAL in letters) and not any(c in letters for c in _NOT_NOUN)


def _pure_noun(word: str, surface: str) -> bool:
    """A noun that is no verb form either (`sadness`, `vehicles`, not `plans` or `fear`)."""
    return _noun_like(word, surface, plural=False) and not any(c in _letters(word) for c in _VERB_FORMS)


def _nominal(word: str, surface: str) -> bool:
    """Can be a common noun at all (`meeting` after an adjective is one)."""
    letters = _letters(word)
    return (surface[:1].islower() and word not in _closed_words() and _ADV not in letters
            and (_NOUN in letters or _PLURAL in letters))


def _number(word: str, surface: str) -> bool:
    return bool(_DIGITS.match(word)) or word in _closed_classes()["number"]


def _modal(word: str, surface: str) -> bool:
    return word in _closed_classes()["modal"] or word.endswith(("'ll", "'d"))


OPEN = {
    "noun": lambda w, s: _noun_like(w, s, plural=False),
    "pure-noun": _pure_noun,
    "nominal": _nominal,
    "singular": lambda w, s: _noun_like(w, s, plural=False) and _PLURAL not in _letters(w)
    and not w.endswith("s") and w not in _closed_classes()["collective"],
    "degree": lambda w, s: w in ("more", "less", "fewer", "rather")
    or (_CMP in _letters(w) and w not in ("later", "earlier", "further", "farther", "latter")),
    "superlative": lambda w, s: "S" in _letters(w) or w in ("best", "worst", "most", "least"),
    "finite": lambda w, s: w in _closed_classes()["aux"] or _modal(w, s) or any(c in _letters(w) for c in "ZD"),
    "plural": lambda w, s: _noun_like(w, s, plural=True),
    "adjective": lambda w, s: _ADJ in _letters(w),
    "adjective-only": lambda w, s: _ADJ in _letters(w) and not any(c in _letters(w) for c in "NPVZGD"),
    "comparative": lambda w, s: _CMP in _letters(w) or w in _closed_classes()["comparative"],
    "adverb": lambda w, s: _ADV in _letters(w) or w in _closed_classes()["adverb"],
    "verb": lambda w, s: any(c in _letters(w) for c in _VERB_FORMS),
    # an inflected verb, or a base form that is no noun: `announced`, `citing`, not `people`
    "verb-form": lambda w, s: any(c in _letters(w) for c in "ZGD")
    or ("V" in _letters(w) and not any(c in _letters(w) for c in "NPA")),
    "ing": lambda w, s: _ING in _letters(w),
    "past": lambda w, s: _PAST in _letters(w),
    "number": _number,
    "modal": _modal,
    "capital": lambda w, s: s[:1].isupper(),
    "genitive": lambda w, s: w.endswith("'s"),
    "any": lambda w, s: True,
}
CLOSED = ("article", "possessive", "demonstrative", "determiner", "pronoun", "object-pronoun",
          "subject-pronoun", "preposition", "conjunction", "be", "aux", "negation", "unit", "clause-verb",
          "calendar", "collective", "substantive")
NAMES = frozenset(OPEN) | frozenset(CLOSED)


def known(word: str) -> bool:
    """Is this (lower-case) word in the lexicon of common words or a closed class?"""
    return bool(_letters(word)) or word in _closed_words()


def is_class(name: str, word: str, surface: str) -> bool:
    """Is this word (lower-cased `word`, as written `surface`) of the named class?"""
    test = OPEN.get(name)
    if test is not None:
        return test(word, surface)
    return word in _closed_classes()[name]
