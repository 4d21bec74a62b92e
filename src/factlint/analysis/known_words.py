"""Whether a spelling is a word or name in its own right, judged by how often English text uses
it (wordfreq's English list, built from Wikipedia, news, books, subtitles and web text).

Frequencies are on the Zipf scale (log10 of uses per billion words: 3 is once per million). A
misspelling is far rarer than what it misspells (`Univeristy` 1.9 beside `University` 5.4;
`Khrakiv` 0), while two real names one letter apart are each common or close in frequency
(`Iran` 4.6 / `Iraq` 4.4, `Austria` 4.1 / `Australia` 5.1, `Guiana` 2.9 / `Guyana` 3.3).

wordfreq and its data load on the first question (about half a second), so a run that meets
no candidate variant, and the CLI's start-up, never pay for them."""

from __future__ import annotations

from functools import lru_cache

COMMON = 3.0  # used once per million words or more: a word or name of its own
FLOOR = 2.0  # below this a spelling is too rare to stand against a more frequent one
NEAR = 1.0  # within a factor of ten of the spelling it would be a slip of
ATTESTED = 1.0  # English text uses it at all (once per hundred million words)


@lru_cache(maxsize=20_000)
def zipf(word: str) -> float:
    """How often English text uses `word` (any case), on the Zipf scale; 0 for unseen words."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def known_beside(variant: str, other: str, slip: bool = True) -> bool:
    """Is `variant` a word or name of its own, not a misspelling of `other`? Yes when English
    uses it often (`Guyana`), or nearly as often as `other` (`Petrova` beside `Petrov`). And
    where nothing but a slip relates them, a name that differs only in its last vowel, which
    English text attests at all, is the name in another language (`Ukraina` 1.7, `Praha` 2.2):
    slips of a final vowel are not attested. (A transliteration rule that makes two spellings
    equal, `Lukashenka`/`Lukashenko`, says they are one name: no such exemption then.)"""
    from .spelling import last_vowel_differs

    z = zipf(variant)
    return (z >= COMMON or (z >= FLOOR and z >= zipf(other) - NEAR)
            or (slip and z >= ATTESTED and last_vowel_differs(variant, other)))
