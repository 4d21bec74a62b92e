"""Nouns by their spelling: a plural's singular, and the noun a counted phrase is about. Read
by the quantities (what a count counts) and by the parts of a whole (`149 of the survivors`)."""

from __future__ import annotations

_IRREGULAR = {"people": "person", "persons": "person", "men": "man", "women": "woman",
              "children": "child", "police": "police", "staff": "staff", "crew": "crew",
              "personnel": "personnel", "dead": "dead", "wounded": "wounded", "injured": "injured",
              "missing": "missing", "displaced": "displaced", "accused": "accused"}


# nouns that count people, as written in the plural (what a whole of everyone is made of)
PEOPLE = frozenset("""people persons police officers policemen children women men soldiers troops
civilians students members foreigners journalists workers passengers residents protesters
demonstrators migrants refugees prisoners detainees victims miners pilgrims tourists fans
firefighters guards rescuers patients nurses doctors teachers fighters militants rebels crew
sailors pupils infants babies girls boys adults elderly candidates suspects defendants
lawmakers senators deputies mps players climbers guides villagers hostages survivors employees
staff officials farmers voters delegates athletes runners drivers inmates""".split())


# groups named for what befell them, and the verbs that count them: `Of the survivors, ...` is a
# part of `rescued 58 people` (a participle names its own: `Of those evacuated` -> evacuated)
NAMED_FOR = {"survivor": ("rescued", "survived", "saved")}

# people by sex and age: a list of these names every part of a group only when none is within
# another (`men, women and children`; not `children ... girls`)
_WITHIN = {"girl": ("child", "minor"), "boy": ("child", "minor"), "infant": ("child", "minor"),
           "baby": ("child", "minor"), "teenager": ("child", "minor"), "man": ("adult",),
           "woman": ("adult",)}
SEX_AND_AGE = frozenset({*_WITHIN, "child", "minor", "adult"})


def within(a: str, b: str) -> bool:
    """Whether one group of people by sex or age is, or is inside, the other (singular nouns)."""
    return a == b or b in _WITHIN.get(a, ()) or a in _WITHIN.get(b, ())


def singular(word: str) -> str:
    """A noun's singular, by its spelling: `countries` -> country, `migrants` -> migrant."""
    w = word.lower().strip("’'")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def head_noun(head: str) -> str:
    """The noun a head phrase counts: its last word before `of` (`members of the security forces`
    -> member, `trapped miners` -> miner), singular; "" when there is none."""
    words = head.split()
    if words and words[0].lower() == "of":  # `three of the migrants`: the group named after `of`
        words = [w for w in words[1:] if w.lower() not in ("the", "these", "those", "its", "their")]
    if "of" in (w.lower() for w in words):
        words = words[:[w.lower() for w in words].index("of")]
    while words and not words[-1][0].isalpha():
        words.pop()
    return singular(words[-1]) if words else ""
