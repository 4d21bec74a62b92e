"""How two spellings of a name relate, and an index that finds a spelling's near neighbours.

Typography is never a variant: keys fold case, apostrophes (`Mother’s`/`Mother's`, `M’membe`/
`Mmembe`), a possessive and a hyphen left on the token (`White-`/`White`). Beyond that, two
spellings are one name written two ways when a transliteration rule makes them equal
(`Nazarbayev`/`Nazarbaev`), when only their vowels differ (`Haftar`/`Hifter`: Arabic writes no
short vowels), when long transliterations are one edit apart (`Tsikhanouskaya`/`Tikhanovskaya`),
or when one is a keyboard slip of the other (`Khrakiv`/`Kharkiv`: two adjacent letters
transposed, a letter dropped, doubled or changed). Whether a slip is a misspelling or another
name is decided elsewhere (names.py, known_words.py).

Neighbours are found through keys, never by comparing every pair: spellings that share a
transliteration key or a vowel skeleton, and the deletion neighbourhood of each key (symmetric
delete: two strings one edit apart share a string with one letter deleted)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

MIN_LETTERS = 5  # shorter names collide too often (`Kim`/`Kin`, `Bali`/`Mali`)
LONG = 8  # a long transliteration may differ by one further letter (`Ts`/`T`)
# inflection, not a slip: a final letter added or dropped (`Petrov`/`Petrova`, `Kenya`/`Kenyan`,
# `Israel`/`Israeli`, `Smith`/`Smiths`)
_INFLECTING = frozenset("aeiouysn")
_VOWELS = frozenset("aeiouy")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_VOWEL_RUN = re.compile(r"[aeiouy]+")
_DOUBLED_DIGRAPH = re.compile(r"(zh|sh|ch|kh|ts|dz)\1")
_TRANSLIT = (("kh", "h"), ("ck", "k"), ("ph", "f"), ("yev", "ev"), ("yov", "ev"), ("iy", "y"),
             ("yy", "y"), ("ii", "i"), ("ou", "ov"), ("ya", "ia"), ("yu", "iu"), ("w", "v"),
             ("dh", "d"), ("th", "t"), ("ee", "i"), ("oo", "u"), ("q", "k"), ("x", "ks"))


def bare(word: str) -> str:
    """A name as written without what typography leaves on it: a possessive (`Jones’`,
    `India’s`) and a hyphen or apostrophe at either end (`White-`, `‘Ridus`)."""
    w = word.strip("-'’‘`")
    if len(w) > 2 and w[-2] in "'’" and w[-1] in "sS":
        w = w[:-2]
    return w.rstrip("-'’")


@lru_cache(maxsize=50_000)
def name_key(word: str) -> str:
    """The spelling with typography folded: case, apostrophes, hyphens, possessive."""
    return bare(word.translate(_APOSTROPHES)).lower().replace("'", "").replace("-", "")


@lru_cache(maxsize=50_000)
def translit_key(word: str) -> str:
    """A spelling with transliteration choices folded: Nazarbayev/Nazarbaev, Klerk/Klerck,
    Zelenskyy/Zelensky, Tsikhanouskaya's `ou`/`ov`, Belarusian `-enka` for Russian `-enko`."""
    w = name_key(word)
    if not w.isascii():
        from anyascii import anyascii

        w = anyascii(w).lower()
    # a doubled digraph is one sound written twice, as a doubled letter is (Ukrainian
    # `Zaporizhzhia`, `Zaporizhia` and Russian `Zaporozhye` are one place)
    w = _DOUBLED_DIGRAPH.sub(r"\1", w)
    for a, b in _TRANSLIT:
        w = w.replace(a, b)
    if w.endswith("enka"):
        w = w[:-1] + "o"
    return re.sub(r"(.)\1+", r"\1", w)


def vowel_key(word: str) -> str:
    """The consonants in order with each run of vowels as one slot: `Haftar` and `Hifter` are
    both h*ft*r."""
    return _VOWEL_RUN.sub("*", translit_key(word))


def last_vowel_differs(a: str, b: str) -> bool:
    """Do two spellings differ only in their final vowel (`Ukraina`/`Ukraine`, `Praha`/`Prahe`)?"""
    ka, kb = name_key(a), name_key(b)
    return (len(ka) == len(kb) > 1 and ka[:-1] == kb[:-1] and ka[-1] != kb[-1]
            and ka[-1] in _VOWELS and kb[-1] in _VOWELS)


def _one_edit(a: str, b: str) -> bool:
    """Are a and b one edit apart (a letter changed, dropped, added, or two adjacent swapped)?"""
    from rapidfuzz.distance import OSA

    return abs(len(a) - len(b)) <= 1 and OSA.distance(a, b) == 1


def _inflected(a: str, b: str) -> bool:
    """Do a and b differ only at the end in the way word forms do (see _INFLECTING)?"""
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and long_.startswith(short) and long_[-1] in _INFLECTING


@lru_cache(maxsize=20_000)
def relation(a: str, b: str) -> str | None:
    """How spelling a relates to spelling b, if they are one name written two ways:
    "transliteration", "vowels", "near" (long, one edit apart after transliteration) or "slip"
    (one keyboard edit); None for the same spelling or two different words."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb or min(len(ka), len(kb)) < MIN_LETTERS - 1 or max(len(ka), len(kb)) < MIN_LETTERS:
        return None
    ta, tb = translit_key(a), translit_key(b)
    if ta == tb:
        return "transliteration"  # (or a doubled letter: `Hary` for `Harry`)
    if min(len(ka), len(kb)) < MIN_LETTERS:
        return None
    if _inflected(ka, kb) or _inflected(ta, tb):
        return None
    va = vowel_key(a)
    if (va == vowel_key(b) and min(len(ka), len(kb)) >= 6
            and sum(c != "*" for c in va) >= 4 and va.count("*") >= 2):
        return "vowels"
    # transliterations differ inside a long name; a different ending is more often another word
    # built on the same stem (`Piedrabuenarte` / `Piedrabuenartv`)
    if min(len(ta), len(tb)) >= LONG and ta[0] == tb[0] and ta[-1] == tb[-1] and _one_edit(ta, tb):
        return "near"
    # slips at the first letter are rare in copy and common between two names (`Kerry`/`Perry`)
    if _one_edit(ka, kb) and (ka[0] == kb[0] or min(len(ka), len(kb)) >= 7):
        return "slip"
    return None


def given_names_compatible(a: str, b: str) -> bool:
    """Can two given names be one person's (`Paolo`/`Paulo`, `Aliaksei`/`Alexei`, `F.`/`Frederik`)?
    Given names are short, so one edit with the same initial, or the same consonants, is enough
    here: the surname carries the rest of the evidence."""
    ka, kb = name_key(a).rstrip("."), name_key(b).rstrip(".")
    if ka == kb or not ka or not kb:
        return True
    if min(len(ka), len(kb)) == 1:
        return ka[0] == kb[0]
    return (relation(a, b) is not None or (ka[0] == kb[0] and _one_edit(ka, kb))
            or vowel_key(a) == vowel_key(b))


def _deletes(key: str) -> list[str]:
    return [key, *[key[:i] + key[i + 1:] for i in range(len(key))]]


@lru_cache(maxsize=50_000)
def _exact_keys(spelling: str) -> tuple[str, str]:
    """Its transliteration key and vowel skeleton (marked apart from deletions)."""
    return "\x01" + translit_key(spelling), "\x02" + vowel_key(spelling)


@lru_cache(maxsize=50_000)
def _keys(spelling: str) -> tuple[str, ...]:
    """Every key a spelling is filed under: the exact keys, and the deletion neighbourhoods of
    its name key and, for long names, of its transliteration key (one namespace: `relation`
    checks whatever they bring together)."""
    k, t = name_key(spelling), translit_key(spelling)
    keys = {*_exact_keys(spelling), *_deletes(k)}
    if len(t) >= LONG and t != k:
        keys.update(_deletes(t))
    return tuple(keys)


class SpellingIndex:
    """Spellings filed under their keys, so `near` returns the few that may relate to a spelling
    (a candidate list for `relation`), whatever the number of spellings filed. A spelling filed
    with `edits=False` is found only by its exact keys (transliteration, vowels), not by a slip."""

    def __init__(self, spellings: Iterable[str] = ()) -> None:
        self._buckets: dict[str, list[str]] = {}
        self._order: dict[str, int] = {}
        for s in spellings:
            self.add(s)

    def add(self, spelling: str, edits: bool = True) -> None:
        if spelling in self._order or len(name_key(spelling)) < MIN_LETTERS - 1:
            return
        self._order[spelling] = len(self._order)
        buckets = self._buckets
        for key in _keys(spelling) if edits else _exact_keys(spelling):
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = [spelling]
            else:
                bucket.append(spelling)

    def near(self, spelling: str) -> list[str]:
        """Filed spellings that share a key with this one, in the order they were filed."""
        if len(name_key(spelling)) < MIN_LETTERS - 1:
            return []
        buckets = self._buckets
        found = {s for key in _keys(spelling) if key in buckets for s in buckets[key]}
        found.discard(spelling)
        return sorted(found, key=self._order.__getitem__) if found else []
