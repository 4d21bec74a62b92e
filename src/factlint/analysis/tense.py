"""Tense: the verb group that governs a date in its sentence, and whether it puts the date in the
past, in the future, or neither clearly.

A date's tense comes from its verb group (`will be held`, `is due to`, `has been`), read as a
whole, never from a participle inside it (`held` in `will be held`), from a participial phrase
(`, signed on Monday,`) or from a reporting clause that trails the sentence (`..., the ministry
said`). Conditionals (`would`, `could`), reported plans (`was due to`, `vowed to`) and dates after a bound
(`until`, `by`, `postponed to`) are "unclear": the date may lie on either side of publication,
and the caller must allow both. The present (`takes effect on`, `the deadline is`) is a schedule:
either side near publication, or the next such date however far.

This is English morphology and clause shape, not a list of sentences: auxiliaries, modals, the
irregular past forms, the verbs of saying, the words that open a subordinate clause."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..document import Token

# PRESENT is its own answer: with a date, the present tells of a schedule (`takes effect on`,
# `the deadline is`), so the next such date is plausible however far ahead it is
PAST, FUTURE, PRESENT, UNCLEAR = "past", "future", "present", ""

_FUTURE_MODALS = frozenset("will shall won't shan't wo".split())
_OTHER_MODALS = frozenset("would could should might may must can cannot can't couldn't wouldn't "
                          "shouldn't mustn't mightn't ought".split())
_BE_PRESENT = frozenset("is are am isn't aren't".split())
_BE_PAST = frozenset("was were wasn't weren't".split())
_BE_OTHER = frozenset("be been being".split())
_HAVE_PRESENT = frozenset("has have hasn't haven't".split())
_HAVE_PAST = frozenset("had hadn't".split())
_DO_PAST = frozenset("did didn't".split())
_DO_PRESENT = frozenset("do does don't doesn't".split())
# after a form of `be`, these make a plan: `is due to`, `are set for`, `is going to`
_PLAN_WORDS = frozenset("to due set scheduled slated expected planned poised going".split())
_ADVERBS = frozenset("not never also still already just now then soon ever only again even yet all "
                     "both once later first now n't".split())
_SUBJECT_PRONOUNS = frozenset("he she it who which that".split())
_DETERMINERS = frozenset("the a an this that these those its their his her our your my some any no "
                         "every each all both several many few more most such another other whose "
                         "what which".split())
_PREPOSITIONS = frozenset("of in on at by for with from to into onto over under after before during "
                          "since until till about against among between through without within via "
                          "per than as like upon across along around near amid despite".split())
# a past form after these is an adjective, not a verb (`the planned vote`, `by armed men`)
_ADJECTIVE_AFTER = (_DETERMINERS | _PREPOSITIONS) - {"which", "what", "that", "whose", "all", "both", "to"}
# words that open a subordinate clause: its verb does not govern a date outside that clause
_SUBORDINATORS = frozenset("which who whom whose when where while after before because since "
                           "although though if unless once whereas until".split())
# the simple past of irregular verbs (those identical to the base form — cut, hit, put, set, read
# — are left out: `they set` is as likely present)
_IRREGULAR_PAST = frozenset(
    """arose ate awoke bore beat became began bent bit bled blew broke bred brought built burnt
    bought caught chose clung came crept dealt dug drew dreamt drank drove fell fed felt fought found
    fled flew forbade forgot forgave froze got gave went ground grew hung heard hid held kept knelt
    knew laid led leapt learnt left lent lit lost made meant met paid rode rang rose ran said saw
    sought sold sent shook shone shot slept slid spoke sped spent spun sprang stood stole stuck
    stung struck swore swept swam swung took taught tore told thought threw understood woke wore
    won wound wrote withdrew overtook undertook upheld overthrew foresaw oversaw mistook overcame
    sat sang sank""".split()
)
_IRREGULAR_PARTICIPLES = _IRREGULAR_PAST | frozenset(
    """been done gone taken given seen known shown grown thrown drawn flown written spoken broken
    chosen frozen stolen driven risen fallen eaten beaten forgotten forgiven hidden ridden bitten
    begun run sung sunk swum drunk rung come become withdrawn overseen undertaken overtaken sworn
    torn worn woken shaken mistaken arisen cut hit put set let read cost hurt quit burst cast shut
    spread bet bid split overcome""".split()
)
# words ending in -ed that are not past forms
_NOT_PAST_ED = frozenset("hundred sacred naked wicked rugged ragged jagged beloved kindred crooked "
                         "wretched red bed shed wed aged".split())


def _inflect(*bases: str) -> frozenset[str]:
    """A regular verb's forms: base, -s, -ed, -ing (enough for the lists below)."""
    out = set()
    for b in bases:
        stem = b[:-1] if b.endswith("e") else b
        out.update((b, b + ("es" if b.endswith(("s", "sh", "ch", "x")) else "s"),
                    stem + "ed", stem + "ing"))
        if b.endswith("y") and b[-2] not in "aeiou":
            out.update((b[:-1] + "ies", b[:-1] + "ied"))
    return frozenset(out)


# the verbs of saying: a sentence's reporting clause (`..., the ministry said`) tells when it was
# said, not when the reported event happens, unless the date is attached to it (`said on Monday`).
# (`declare` is left out: in news it is mostly an act, `declared a state of emergency on ...`)
_REPORTING = _inflect("state", "announce", "confirm", "report", "note", "explain", "claim", "insist",
                      "warn", "argue", "tweet", "add", "inform", "brief", "ask", "assure",
                      "remind", "urge", "stress", "reply", "respond", "comment") | frozenset(
    "say says said saying tell tells told telling write writes wrote written writing".split())
# a verb of saying whose object comes before the date it is dated with (`told reporters on Monday`)
_TAKES_OBJECT = frozenset("tell tells told inform informed brief briefed ask asked assure assured "
                          "remind reminded urge urged warn warned".split())
# verbs whose `to` + verb names a later act: `plans to vote on Sunday` (the vote is ahead)
_CATENATIVE = _inflect("plan", "intend", "aim", "hope", "expect", "want", "agree", "decide",
                       "promise", "vow", "pledge", "threaten", "seek", "try", "attempt", "refuse",
                       "prepare", "propose", "offer", "wish", "need", "arrange", "schedule", "vote",
                       "resolve", "choose") | frozenset("sought".split())
# the words just before a date that say which side of now it is on
_BEFORE_FUTURE = frozenset("next coming upcoming".split())
_BEFORE_PAST = frozenset("last past previous".split())
_SINCE = frozenset({"since"})
# a date after these is a limit or a target, not when the verb's event happens
# (`was postponed until 5 May`, `has been moved to Friday`)
_BOUNDS = frozenset("until till by before to for from through after between".split())
# what may stand before a date that opens its sentence (`Late on Sunday, ...`)
_FRONT = _PREPOSITIONS | _DETERMINERS | frozenset("early late earlier later shortly just only also "
                                                   "and but so then yet around about".split())
# words that follow a noun far more often than a verb (`witness accounts and`, `affairs of`)
_NOUN_NEXT = frozenset("and or nor but of".split())
_BREAK = re.compile(r"[,;:()\[\]—–\"“”]|\s-\s")


@dataclass(frozen=True)
class VerbGroup:
    start: int  # token index of its first word
    end: int  # token index after its last word
    tense: str  # PAST, FUTURE, PRESENT or UNCLEAR
    main: str  # the verb that carries the meaning (`said` in `has said`)
    clause: int  # clauses are numbered from the sentence's start
    subordinate: bool  # in a clause opened by `which`, `after`, `because` ...
    finite: bool = True  # False for `to be held` and a participle opening a phrase (`, held on`)

    @property
    def reporting(self) -> bool:
        return self.main in _REPORTING


def _extend(g: VerbGroup, end: int) -> VerbGroup:
    return VerbGroup(g.start, end, g.tense, g.main, g.clause, g.subordinate, g.finite)


def _is_adverb(w: str) -> bool:
    return w in _ADVERBS or (w.endswith("ly") and len(w) > 4)


def _past_form(w: str) -> bool:
    return w in _IRREGULAR_PAST or (len(w) > 3 and w.endswith("ed") and not w.endswith("eed")
                                    and w not in _NOT_PAST_ED)


def _participle(w: str) -> bool:
    return w in _IRREGULAR_PARTICIPLES or _past_form(w)


def _wordlike(w: str) -> bool:
    return w.isalpha() and w not in _DETERMINERS and w not in _PREPOSITIONS


class SentenceVerbs:
    """The verb groups of one sentence and its clauses, read once."""

    def __init__(self, text: str, tokens: Sequence[Token], lo: int, hi: int, skip: frozenset[int]):
        self.text, self.tokens, self.lo, self.hi, self.skip = text, tokens, lo, hi, skip
        self.clause: dict[int, int] = {}
        self.clause_start: dict[int, int] = {}
        c = 0
        for k in range(lo, hi):
            if k > lo and not (k in skip and k - 1 in skip) and _BREAK.search(text, tokens[k - 1].end, tokens[k].start):
                c += 1
            self.clause[k] = c
            self.clause_start.setdefault(c, k)
        self._read_so_far: list[VerbGroup] = []
        self.groups = self._read()

    def _broken(self, k: int) -> bool:
        """Is there a clause break between token k-1 and token k?"""
        return k == self.lo or self.clause[k] != self.clause[k - 1]

    def _capital(self, k: int) -> bool:
        """A capitalised word inside the sentence is a name (`May`, `United`), not a verb."""
        t = self.tokens[k]
        return k != self.lo and self.text[t.start].isupper()

    def _read(self) -> list[VerbGroup]:
        toks, out = self.tokens, []
        k = self.lo
        while k < self.hi:
            if k in self.skip or self._capital(k):
                k += 1
                continue
            self._read_so_far = out
            g = self._group_at(k, toks[k].norm)
            if g is None:
                k += 1
                continue
            if out and out[-1].end == g.start == g.end - 1 and g.tense == PAST and g.clause == out[-1].clause:
                # a participle right after a verb completes it: `will remain closed`, `got married`
                out[-1] = _extend(out[-1], g.end)
            else:
                out.append(g)
            k = g.end
        return out

    def _prev_word(self, k: int) -> str | None:
        """The word before token k in its clause, adverbs skipped; None at a clause start."""
        j = k
        while j > self.lo and not self._broken(j):
            j -= 1
            w = self.toks_norm(j)
            if not _is_adverb(w):
                return w
        return None

    def toks_norm(self, k: int) -> str:
        return self.tokens[k].norm

    def _group_at(self, k: int, w: str) -> VerbGroup | None:
        if w in _FUTURE_MODALS or w.endswith("'ll"):
            head = FUTURE
        elif w in _OTHER_MODALS or w.endswith("'d"):
            head = "modal"
        elif w in _BE_PRESENT or w.endswith(("'re", "'m")) or (w.endswith("'s") and w[:-2] in _SUBJECT_PRONOUNS | {"there", "here", "what", "that"}):
            head = "be"
        elif w in _BE_PAST:
            head = "was"
        elif w in _HAVE_PRESENT or w.endswith("'ve"):
            head = "have"
        elif w in _HAVE_PAST or w in _DO_PAST:
            head = PAST
        elif w in _DO_PRESENT:
            head = PRESENT
        elif w in _CATENATIVE and self._to_verb(k + 1):
            # `plans to vote on Sunday`: the vote is ahead; `vowed to return`: ahead of the vow
            return self._make(k, k + 3, UNCLEAR if _past_form(w) else FUTURE, w)
        elif _past_form(w):
            prev = self._prev_word(k)
            if prev is not None and (prev in _ADJECTIVE_AFTER or prev[0].isdigit()):
                return None  # an adjective: `the planned vote`, `by armed men`, `12 injured`
            if prev in ("be", "being", "to") or w in _PLAN_WORDS:
                # `to be held`, `a vote scheduled for`
                return self._make(k, k + 1, UNCLEAR, w, finite=prev not in ("be", "being", "to"))
            # a past form opening a phrase is a participle (`, followed by`) or a verb whose
            # subject came before the break (`The man, 34, died`): past, but not the main verb
            return self._make(k, k + 1, PAST, w, finite=prev is not None)
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and (
                self._prev_word(k) in _SUBJECT_PRONOUNS or self._verb_after_subject(k)
                or self._coordinated_verb(k)):
            return self._make(k, k + 1, PRESENT, w)  # `it takes effect`, `the law takes effect`
        else:
            return None
        # an auxiliary: read the rest of its group (`will not be held`, `is due to be`)
        j, plan, main = k + 1, False, w
        while j < self.hi and not self._broken(j) and j not in self.skip:
            x = self.toks_norm(j)
            if _is_adverb(x):
                j += 1
            elif x in _BE_OTHER or x in ("have", "having") or x in _PLAN_WORDS and head in ("be", "was"):
                plan = plan or x in _PLAN_WORDS
                main = x
                j += 1
            elif _wordlike(x) and not self._capital(j):
                main = x
                j += 1
                break
            else:
                break
        if head == "be":
            tense = FUTURE if plan else PRESENT
        elif head == "was":
            tense = UNCLEAR if plan else PAST
        elif head == "have":
            tense = PAST if _participle(main) else PRESENT
        elif head == "modal":
            tense = UNCLEAR
        else:
            tense = head
        if main in _CATENATIVE and self._to_verb(j):
            # `has agreed to hold ...`, `will try to reach ...`: the date belongs to the later act
            tense = FUTURE if tense in (FUTURE, PRESENT, UNCLEAR) and not _past_form(main) else UNCLEAR
            j += 2
        return self._make(k, j, tense, main)

    def _verb_after_subject(self, k: int) -> bool:
        """Is the -s word at k a verb in the present (`the law takes effect`, `the bridge
        reopens on`) rather than a plural noun (`oil prices rose`)? It can be a verb's -s form,
        it follows a noun or a name, and no finite verb follows it (which would make it the
        subject: `trade talks resumed`)."""
        from ..wordclass import is_class  # the word-class table is read only when a date asks

        if k == self.lo or self._broken(k) or k - 1 in self.skip:
            return False
        toks, text = self.tokens, self.text
        surface = text[toks[k].start:toks[k].end]
        if not is_class("finite", toks[k].norm, surface) or is_class("past", toks[k].norm, surface):
            return False
        prev = toks[k - 1]
        before = text[prev.start:prev.end]
        if prev.norm in _DETERMINERS or prev.norm in _PREPOSITIONS or not (
                is_class("nominal", prev.norm, before) or before[:1].isupper()):
            return False
        # a verb goes on in its clause (`takes effect`, `reopens on`); a subject is followed by
        # its verb (`trade talks resumed`), a name in apposition (`store chains Woolworths`)
        # or a break (`two candidates, ...`)
        if k + 1 >= self.hi or self._broken(k + 1):
            return False
        if k + 1 not in self.skip:
            after = toks[k + 1]
            word = text[after.start:after.end]
            if is_class("finite", after.norm, word) or word[:1].isupper() or after.norm in _NOUN_NEXT:
                return False
        # the noun phrase before it must be able to be a subject: not the object of a
        # preposition that belongs to an earlier verb (`continue its season with the Nevada
        # caucuses on ...`; but `The night ferry to the islands resumes on ...`)
        j = k - 1
        while j > self.lo and not self._broken(j) and (j - 1 in self.skip or self._in_noun_phrase(j - 1)):
            j -= 1
        if self._broken(j) or toks[j - 1].norm not in _PREPOSITIONS:
            return True
        return not any(g.clause == self.clause[k] for g in self._read_so_far)

    def _coordinated_verb(self, k: int) -> bool:
        """Is the -s word at k a second verb sharing its subject with one before it (`was signed
        on Wednesday and takes effect on Monday`, `won on Saturday and plays again on ...`)?
        It follows `and`, `but` or `or` after a verb of the sentence, can be a verb's -s form,
        and no finite verb follows it (`and prices rose`: there it is the subject)."""
        from ..wordclass import is_class

        if k == self.lo or k - 1 in self.skip or self.toks_norm(k - 1) not in ("and", "but", "or"):
            return False
        if not self._read_so_far:
            return False
        toks, text = self.tokens, self.text
        surface = text[toks[k].start:toks[k].end]
        if not is_class("finite", toks[k].norm, surface) or is_class("past", toks[k].norm, surface):
            return False
        if k + 1 < self.hi and not self._broken(k + 1) and k + 1 not in self.skip:
            after = toks[k + 1]
            word = text[after.start:after.end]
            if is_class("finite", after.norm, word) or after.norm in _NOUN_NEXT:
                return False
        return True

    def _in_noun_phrase(self, j: int) -> bool:
        from ..wordclass import is_class

        t = self.tokens[j]
        word = self.text[t.start:t.end]
        if t.norm in _PREPOSITIONS:
            return False
        return (t.norm in _DETERMINERS or word[:1].isupper() or t.norm[:1].isdigit() or t.norm.endswith("'s")
                or is_class("nominal", t.norm, word) or is_class("adjective", t.norm, word))

    def _to_verb(self, j: int) -> bool:
        """`to` and then a verb (not `to the`, `to Kyiv`, `to 5 May`)."""
        return (j + 1 < self.hi and self.toks_norm(j) == "to" and not self._broken(j + 1)
                and j + 1 not in self.skip and _wordlike(self.toks_norm(j + 1)) and not self._capital(j + 1))

    def _make(self, start: int, end: int, tense: str, main: str, finite: bool = True) -> VerbGroup:
        c = self.clause[start]
        opener = range(self.clause_start[c], start)
        sub = any(self.toks_norm(i) in _SUBORDINATORS for i in opener)
        return VerbGroup(start, min(end, self.hi), tense, main, c, sub, finite)

    # -- which group governs a date --------------------------------------------------------------
    def tense_of(self, i0: int, i1: int) -> str:
        """The tense of the date whose words are tokens i0..i1-1."""
        before = self._word_before(i0)
        if before in _BEFORE_FUTURE:
            return FUTURE
        if before in _BEFORE_PAST or before in _SINCE:
            return PAST
        tense = self._governing(i0, i1)
        if tense == PAST and before in _BOUNDS:
            return UNCLEAR  # `was postponed until Friday`: the limit may be ahead
        return tense

    def _word_before(self, i0: int) -> str | None:
        j = i0 - 1
        while j >= self.lo and self.toks_norm(j) in ("on", "the", "this"):
            j -= 1
        return self.toks_norm(j) if j >= self.lo and not self._broken(j + 1) else None

    @cached_property
    def _ends(self) -> list[int]:
        # groups do not overlap and are read in order: their ends rise with their starts, and so
        # do their clauses, so a date finds its verbs by bisection (a line of 4,000 dates asks)
        return [g.end for g in self.groups]

    @cached_property
    def _starts(self) -> list[int]:
        return [g.start for g in self.groups]

    def _governing(self, i0: int, i1: int) -> str:
        clause = self.clause[i0]
        groups = self.groups
        n_before = bisect.bisect_right(self._ends, i0)  # groups[:n_before] end before the date
        if n_before and groups[n_before - 1].clause == clause:
            g = groups[n_before - 1]
            if g.reporting and not self._dated_saying(g, i0):
                return UNCLEAR  # the date is in what was said, and its verb was not read
            if g.tense == PAST and any(self._to_verb(k) for k in range(g.end, i0 - 1)):
                # `approved the rules to take effect on 2 May`: the date is the infinitive's,
                # and an infinitive has no time of its own
                return UNCLEAR
            if g.finite:
                return g.tense
            # a participial phrase (`..., followed by the vote on 5 May`) takes its time from
            # the main verb before it, if there is one
            main = self._earlier(g.start, clause)
            return g.tense if main is None else main
        first_after = bisect.bisect_left(self._starts, i1)
        if not n_before and all(
                self.toks_norm(k) in _FRONT or k in self.skip for k in range(self.clause_start[clause], i0)):
            # a date that opens the sentence dates its first verb: `On Monday, police said ...`
            after = groups[first_after:]
            best = min(after, key=lambda g: (not g.finite, g.subordinate, g.start), default=None)
            return best.tense if best else UNCLEAR
        last = self.clause[i1 - 1] if i1 - 1 in self.clause else clause
        for g in groups[first_after:]:
            if g.clause > last:
                break
            if g.clause == last:
                return g.tense  # `The government on Tuesday announced ...`
        main = self._earlier(i0, clause)
        return UNCLEAR if main is None else main

    def _earlier(self, i0: int, clause: int) -> str | None:
        """The tense of the nearest main verb before token i0, outside closed subordinate
        clauses (`, which was passed in May,`); None when there is none."""
        # a finite verb first; else a past form opening a phrase (`Yemen, died in Aden, on Tuesday`)
        past = None
        for g in reversed(self.groups[:bisect.bisect_right(self._ends, i0)]):
            if g.subordinate and g.clause < clause:
                continue
            if g.finite:
                past = g
                break
            if past is None and g.tense == PAST:
                past = g
        if past is None:
            return None
        if past.reporting:
            return PAST if self._dated_saying(past, i0) else UNCLEAR
        return past.tense

    def _dated_saying(self, g: VerbGroup, i0: int) -> bool:
        """Is the date attached to the verb of saying itself (`said on Monday`, `said in a
        statement on Monday`, `told reporters on Monday`), not to what was said?"""
        between = [self.toks_norm(k) for k in range(g.end, i0)]
        if not between:
            return True
        if "that" in between or any(g.end <= x.start < i0 for x in self.groups):
            return False
        if between[0] in _PREPOSITIONS or between[0] in ("late", "early", "earlier", "later"):
            return len(between) <= 6
        return g.main in _TAKES_OBJECT and len(between) <= 5


def token_range(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    """The indexes of the tokens inside [start, end)."""
    import bisect

    i0 = bisect.bisect_left(tokens, start, key=lambda t: t.start)
    i1 = bisect.bisect_left(tokens, end, key=lambda t: t.start)
    return i0, max(i1, i0 + 1)
