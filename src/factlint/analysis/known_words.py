"""Whether a spelling is a word or name in its own right, judged by how often English text uses
it (wordfreq's English list, built from Wikipedia, news, books, subtitles and web text).

Frequencies are on the Zipf scale (log10 of uses per billion words: 3 is once per million). A
misspelling is far rarer than what it misspells (`Univeristy` 1.9 beside `University` 5.4;
`Khrakiv` 0), while two real names one letter apart are each common or close in frequency
(`Iran` 4.6 / `Iraq` 4.4, `Austria` 4.1 / `Australia` 5.1, `Guiana` 2.9 / `Guyana` 3.3).

The list loads on the first question (about a tenth of a second), so a run that meets no
candidate variant, and the CLI's start-up, never pay for it."""

from __future__ import annotations

import math
import re
from functools import lru_cache

COMMON = 3.0  # used once per million words or more: a word or name of its own
FLOOR = 2.0  # below this a spelling is too rare to stand against a more frequent one
NEAR = 1.0  # within a factor of ten of the spelling it would be a slip of
ATTESTED = 1.0  # English text uses it at all (once per hundred million words)


_HEADER = {"format": "cB", "version": 1}
_PART = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
SCANS = 48  # questions answered by scanning the list before it is worth indexing


class _Centibels:
    """wordfreq's English list (word -> frequency in centibels below 1), read straight from its
    documented file: a header, then one list of words per centibel. Reading it takes a fifth of
    the time of importing wordfreq and asking it. The first few questions scan the lists (a few
    milliseconds each); after that the whole list is indexed once (a fifth of a second)."""

    def __init__(self, buckets: list[list[str]]) -> None:
        self.buckets = buckets
        self.index: dict[str, int] | None = None
        self.asked = 0

    def get(self, word: str) -> int | None:
        if self.index is None:
            self.asked += 1
            if self.asked <= SCANS:
                return next((cb for cb, bucket in enumerate(self.buckets) if word in bucket), None)
            self.index = {}
            for cb, bucket in enumerate(self.buckets):
                self.index.update(dict.fromkeys(bucket, cb))
        return self.index.get(word)


@lru_cache(maxsize=1)
def _centibels() -> _Centibels | None:
    """The list, or None if its file is not in the documented form (then wordfreq is asked)."""
    import gzip
    from importlib.util import find_spec
    from pathlib import Path

    import msgpack

    spec = find_spec("wordfreq")  # finds the package without importing it (and what it imports)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), "data", "large_en.msgpack.gz")
    try:
        data = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
    except (OSError, ValueError):
        return None
    if not data or data[0] != _HEADER:
        return None
    return _Centibels(data[1:])


@lru_cache(maxsize=20_000)
def zipf(word: str) -> float:
    """How often English text uses `word` (any case), on the Zipf scale; 0 for unseen words. A
    word of several parts (`al-Sadr`, `O'Neill`) is as rare as its parts together (the sum of
    their reciprocal frequencies), as wordfreq reckons a phrase."""
    table = _centibels()
    if table is None:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, "en")
    low = word.casefold().replace("’", "'")
    cb = table.get(low)
    if cb is None:
        parts = _PART.findall(low)
        cbs = [table.get(p) for p in parts] if len(parts) > 1 else [None]
        if None in cbs:
            return 0.0
        return round(9 - math.log10(sum(10 ** (c / 100) for c in cbs)), 2)
    return round(9 - cb / 100, 2)


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
