"""Rule packs: word lists as TOML data, over three kinds each implemented once (existence,
substitution, conditional). A pack compiles into one matcher: a dictionary keyed by first word
(the automaton) for word and phrase entries, and one alternation for regex entries."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from .model import Hit, Severity
from .neighbours import Sequence, compile_sequences, follows, precedes
from .prefilter import may_match, required_literals

KINDS = ("existence", "substitution", "conditional")
PACK_KEYS = {"name", "code", "rule", "severity", "kind", "summary", "description", "source",
             "licence", "license", "window", "quoted", "enabled", "message"}
ENTRY_KEYS = {"id", "pattern", "patterns", "regex", "message", "suggestion", "swap", "severity",
              "kind", "near", "not_near", "window", "scope", "not_near_scope", "quoted", "case",
              "inflect", "examples", "note", "not_after", "not_before", "after", "before"}
SCOPES = ("window", "sentence", "paragraph", "document")
REGEX_TIMEOUT = 1.0


class PackError(ValueError):
    """A malformed pack: one line naming the file (`where`: the file, and the line when known)
    and what is wrong there (`message`)."""

    def __init__(self, where: str | Path, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = str(where)
        self.message = message


def packs_dir() -> Path:
    here = Path(__file__).resolve().parent
    shipped = here / "packs"  # inside the wheel
    if shipped.is_dir():
        return shipped
    return here.parent.parent / "rules"  # a source checkout or an editable install


# -- inflection ----------------------------------------------------------------------------------
def _verb_forms(w: str) -> list[str]:
    if w.endswith("e") and not w.endswith("ee"):
        return [w, w + "s", w + "d", w[:-1] + "ing"]
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return [w, w[:-1] + "ies", w[:-1] + "ied", w + "ing"]
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", w) and len(w) <= 4:
        return [w, w + "s", w + w[-1] + "ed", w + w[-1] + "ing"]
    if w.endswith(("s", "sh", "ch", "x", "z")):
        return [w, w + "es", w + "ed", w + "ing"]
    return [w, w + "s", w + "ed", w + "ing"]


def _noun_forms(w: str) -> list[str]:
    if w.endswith(("s", "sh", "ch", "x", "z")):
        return [w, w + "es"]
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return [w, w[:-1] + "ies"]
    return [w, w + "s"]


def inflect(phrase: str, how: str) -> list[str]:
    """Forms of a phrase, inflecting its first word (verbs) or last word (nouns)."""
    words = phrase.split()
    if how == "verb":
        return [" ".join([f, *words[1:]]) for f in _verb_forms(words[0])]
    if how == "noun":
        return [" ".join([*words[:-1], f]) for f in _noun_forms(words[-1])]
    return [phrase]


# -- data ----------------------------------------------------------------------------------------
@dataclass
class Entry:
    id: str
    kind: str
    message: str
    forms: dict[str, str | None]  # phrase (lower-case) -> suggestion for that form
    regex: str | None = None
    severity: Severity | None = None
    near: tuple[str, ...] = ()
    not_near: tuple[str, ...] = ()
    # neighbour conditions (see neighbours.py): word sequences right before / after the match
    not_after: tuple[Sequence, ...] = ()
    not_before: tuple[Sequence, ...] = ()
    after: tuple[Sequence, ...] = ()  # one of these must stand right before the match
    before: tuple[Sequence, ...] = ()  # one of these must stand right after the match
    window: int = 30
    scope: str = "window"
    not_near_scope: str = "window"
    quoted: bool = False
    case_sensitive: bool = False
    exact: frozenset[str] = frozenset()  # case-sensitive spellings
    suggestion: str | None = None  # for regex entries
    examples: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Pack:
    name: str
    code: str
    rule: str
    severity: Severity
    path: Path
    entries: list[Entry]
    summary: str = ""
    description: str = ""
    source: str = ""
    licence: str = ""
    builtin: bool = True
    matcher: Matcher | None = None


def _err(path: Path, raw: str, msg: str, entry_id: str | None = None, last: bool = False) -> PackError:
    """A PackError naming the file and the line of the entry's id (tomllib gives no lines)."""
    line = 1
    if entry_id is not None:
        found = list(re.finditer(rf'^\s*id\s*=\s*["\']{re.escape(entry_id)}["\']', raw, re.M))
        if found:
            m = found[-1] if last else found[0]
            line = raw.count("\n", 0, m.start()) + 1
    return PackError(f"{path}:{line}", msg)


def _did_you_mean(key: str, keys) -> str:
    import difflib  # only on the way to an error message

    close = difflib.get_close_matches(key, sorted(keys), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def load_pack(path: Path, builtin: bool = False) -> Pack:
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise PackError(path, f"cannot read pack: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise PackError(path, "pack is not UTF-8") from None
    try:
        import tomllib  # a cache miss: the built-in packs are usually read from the pack cache

        data = tomllib.loads(raw)
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise PackError(path, f"malformed TOML: {exc}") from None
    head = data.get("pack")
    if not isinstance(head, dict):
        raise PackError(f"{path}:1", "a pack starts with a [pack] table (name, code, rule, severity)")
    for key in head:
        if key not in PACK_KEYS:
            raise _err(path, raw, f"[pack]: unknown key {key!r}{_did_you_mean(key, PACK_KEYS)}")
    for key in ("name", "code", "rule"):
        if not isinstance(head.get(key), str):
            raise _err(path, raw, f"[pack]: {key} is required")
    if not re.match(r"^[A-Z]\d{3}$", head["code"]):
        raise _err(path, raw, f"[pack]: code {head['code']!r} is not a letter and three digits")
    try:
        severity = Severity.parse(head.get("severity", "warning"))
    except ValueError as exc:
        raise _err(path, raw, f"[pack]: severity: {exc}") from None
    default_kind = head.get("kind", "existence")
    default_message = head.get("message")
    default_window = int(head.get("window", 30))
    default_quoted = bool(head.get("quoted", False))
    entries = []
    seen: set[str] = set()
    for e in data.get("entry", []):
        eid = e.get("id")
        if not isinstance(eid, str) or not eid:
            raise _err(path, raw, "an [[entry]] has no id")
        if eid in seen:
            raise _err(path, raw, f"entry {eid!r}: id used twice", eid, last=True)
        seen.add(eid)
        entries.append(_entry(path, raw, e, default_kind, default_window, default_quoted, default_message,
                              builtin))
    pack = Pack(
        name=head["name"], code=head["code"], rule=head["rule"], severity=severity, path=path,
        entries=entries, summary=head.get("summary", ""), description=head.get("description", ""),
        source=head.get("source", ""), licence=head.get("licence", head.get("license", "")),
        builtin=builtin,
    )
    pack.matcher = Matcher(pack)
    return pack


def _entry(path: Path, raw: str, e: dict, kind: str, window: int, quoted: bool, message: str | None,
           builtin: bool = False) -> Entry:
    eid = e["id"]
    for key in e:
        if key not in ENTRY_KEYS:
            raise _err(path, raw, f"entry {eid!r}: unknown key {key!r}{_did_you_mean(key, ENTRY_KEYS)}", eid)
    kind = e.get("kind", kind)
    if kind not in KINDS:
        raise _err(path, raw, f"entry {eid!r}: kind must be one of {', '.join(KINDS)}", eid)
    message = e.get("message", message)
    if not isinstance(message, str):
        raise _err(path, raw, f"entry {eid!r}: message is required (here or as the pack's message)", eid)
    how = e.get("inflect", "")
    if how not in ("", "verb", "noun"):
        raise _err(path, raw, f"entry {eid!r}: inflect must be 'verb' or 'noun'", eid)
    forms: dict[str, str | None] = {}
    suggestion = e.get("suggestion")
    for pat in _list(e.get("patterns", ())) + _list(e.get("pattern", ())):
        sugg_forms = inflect(suggestion, how) if (suggestion and how) else None
        for k, form in enumerate(inflect(pat, how) if how else [pat]):
            s = sugg_forms[k] if sugg_forms else suggestion
            forms[" ".join(form.lower().replace("’", "'").split())] = s
    for pat, sugg in (e.get("swap") or {}).items():
        forms[" ".join(pat.lower().replace("’", "'").split())] = sugg
    regex = e.get("regex")
    if regex is not None:
        try:  # checked by the engine that will run it (see Matcher)
            if builtin:
                re.compile(regex, re.IGNORECASE)
            else:
                import regex as rx

                rx.compile(regex, rx.IGNORECASE | rx.V1)
        except Exception as exc:
            raise _err(path, raw, f"entry {eid!r}: bad regex: {exc}", eid) from None
    if not forms and regex is None:
        raise _err(path, raw, f"entry {eid!r}: needs a pattern, patterns, swap or regex", eid)
    if kind == "substitution" and not suggestion and not e.get("swap"):
        raise _err(path, raw, f"entry {eid!r}: a substitution needs a suggestion or swap", eid)
    near, not_near = _list(e.get("near", ())), _list(e.get("not_near", ()))
    if kind == "conditional" and not (near or not_near):
        raise _err(path, raw, f"entry {eid!r}: a conditional entry needs near or not_near", eid)
    scope = e.get("scope", "window")
    not_near_scope = e.get("not_near_scope", scope)
    for sc in (scope, not_near_scope):
        if sc not in SCOPES:
            raise _err(path, raw, f"entry {eid!r}: scope must be one of {', '.join(SCOPES)}", eid)
    sev = None
    if "severity" in e:
        try:
            sev = Severity.parse(e["severity"])
        except ValueError as exc:
            raise _err(path, raw, f"entry {eid!r}: severity: {exc}", eid) from None
    case = e.get("case", "insensitive")
    if case not in ("sensitive", "insensitive"):
        raise _err(path, raw, f"entry {eid!r}: case must be 'sensitive' or 'insensitive'", eid)
    exact = frozenset()
    if case == "sensitive":
        exact = frozenset(
            f for p in _list(e.get("patterns", ())) + _list(e.get("pattern", ()))
            for f in (inflect(p, how) if how else [p])
        ) | frozenset(e.get("swap") or {})
    neighbours = {}
    for key in ("after", "before", "not_after", "not_before"):
        try:
            neighbours[key] = compile_sequences(_list(e.get(key, ())))
        except ValueError as exc:
            raise _err(path, raw, f"entry {eid!r}: {key}: {exc}", eid) from None
    examples = e.get("examples", {})
    if not isinstance(examples, dict):
        raise _err(path, raw, f"entry {eid!r}: examples must be a table with flag and ok lists", eid)
    return Entry(
        id=eid, kind=kind, message=message, forms=forms, regex=regex, severity=sev,
        near=tuple(n.lower() for n in near), not_near=tuple(n.lower() for n in not_near),
        **neighbours,
        window=int(e.get("window", window)), scope=scope, not_near_scope=not_near_scope,
        quoted=bool(e.get("quoted", quoted)),
        case_sensitive=case == "sensitive", exact=exact, suggestion=suggestion if regex else None,
        examples={k: list(_list(v)) for k, v in examples.items()},
    )


# -- matching ------------------------------------------------------------------------------------
def _preserve_case(matched: str, suggestion: str, sentence_start: bool = True) -> str:
    """Keep the match's capitals: all caps, title case, or a capital that starts a sentence
    (a capital mid-sentence belongs to the wrong word, a proper noun such as Protestants)."""
    if matched.isupper() and len(matched) > 1:
        return suggestion.upper()
    words = matched.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return " ".join(w[:1].upper() + w[1:] for w in suggestion.split())
    if matched[:1].isupper() and suggestion[:1].islower() and sentence_start:
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


class Matcher:
    """One pack, compiled once: first word -> [(phrase words, entry, suggestion)]."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        # each phrase is indexed by its longest word (a proxy for its rarest): `the reigns of
        # power` is looked up where `reigns` stands, not at every `the`
        self.index: dict[str, list[tuple[tuple[str, ...], int, Entry, str | None]]] = {}
        regexes = []
        for entry in pack.entries:
            for phrase, sugg in entry.forms.items():
                words = tuple(re.findall(r"\w+(?:['\-]\w+)*", phrase))
                if words:
                    anchor = max(range(len(words)), key=lambda k: (len(words[k]), -k))
                    self.index.setdefault(words[anchor], []).append((words, anchor, entry, sugg))
            if entry.regex:
                regexes.append((f"e{len(regexes)}", entry))
        for alts in self.index.values():
            alts.sort(key=lambda a: -len(a[0]))  # longest phrase first
        self.possessives = {w + "'s" for w, alts in self.index.items() if any(len(a[0]) == 1 for a in alts)}
        self.regex_entries = dict(regexes)
        self.regex = None
        # the words without which none of the regex entries can match (None: no such words).
        # Only for the shipped packs, which run on `re`: a user's pattern runs on the `regex`
        # module, whose syntax `re` can read differently (`(?:foo){e<=1}` is fuzzy there).
        needed = [required_literals(e.regex) if pack.builtin else None for _, e in regexes]
        self.regex_needs = None if any(n is None for n in needed) else frozenset().union(*needed)
        self.timeout = REGEX_TIMEOUT
        # a regex may name the part of its match that is flagged and that its suggestion
        # replaces, `(?P<fix>...)` (`…,” the company (?P<fix>claimed)`): the rest is context
        self.fixes = {g: f"{g}_fix" for g, e in regexes if "(?P<fix>" in e.regex}
        if regexes:
            joined = "|".join(f"(?P<{g}>{e.regex.replace('(?P<fix>', f'(?P<{g}_fix>')})" for g, e in regexes)
            try:
                if not pack.builtin:
                    raise re.error("user patterns run with a time-out")
                # the shipped packs' patterns are ours and tested: the standard engine is faster
                self.regex = re.compile(joined, re.IGNORECASE)
                self.timeout = None
            except re.error:
                import regex as rx

                self.regex = rx.compile(joined, rx.IGNORECASE | rx.V1)

    def candidates(self, doc) -> Iterator[tuple[int, int, Entry, str | None]]:
        toks = doc.tokens
        where = doc.token_positions
        # only the document's words that start an entry: one set intersection, then lookups
        for word in self.index.keys() & where.keys():
            alts = self.index[word]
            # every entry that matches here, longest first: when the first one's context does
            # not hold, the next may (`loose` after a modal, `loose` before `their jobs`)
            for p in where[word]:
                for words, anchor, entry, sugg in alts:
                    i = doc.phrase_at(p, words, anchor)
                    if i is not None:
                        yield toks[i].start, toks[i + len(words) - 1].end, entry, sugg
        for word in self.possessives & where.keys():  # the cult's leader
            for words, _anchor, entry, sugg in self.index.get(word[:-2], ()):
                if len(words) == 1:
                    for i in where[word]:
                        yield toks[i].start, toks[i].end - 2, entry, sugg
        if self.regex is not None and may_match(self.regex_needs, doc.folded_text):
            found = self.regex.finditer(doc.text) if self.timeout is None else self.regex.finditer(doc.text, timeout=self.timeout)
            for m in found:
                entry = self.regex_entries[m.lastgroup]
                fix = self.fixes.get(m.lastgroup)
                start, end = m.span(fix) if fix and m.start(fix) >= 0 else m.span()
                yield start, end, entry, entry.suggestion

    def context_ok(self, doc, start: int, end: int, entry: Entry) -> bool:
        if not entry.quoted and (doc.in_quotation(start, end) or self._block_quoted(doc, start)):
            return False
        i0 = doc.token_index(start)
        i1 = doc.token_index(end)
        if entry.not_after and precedes(doc, start, i0, entry.not_after):
            return False
        if entry.not_before and follows(doc, end, i1, entry.not_before):
            return False
        if entry.after and not precedes(doc, start, i0, entry.after):
            return False
        if entry.before and not follows(doc, end, i1, entry.before):
            return False
        if entry.near and not self._around(doc, start, end, i0, i1, entry, entry.scope, entry.near):
            return False
        if entry.not_near and self._around(doc, start, end, i0, i1, entry, entry.not_near_scope, entry.not_near):
            return False
        return True

    def _block_quoted(self, doc, start: int) -> bool:
        """Is this in a paragraph that the paragraph before introduces with a colon (`Writer Alaa
        Al Aswany said:`)? Blogs and translated copy set a speaker's words as a paragraph of their
        own, without quotation marks: they are the speaker's, not the reporter's."""
        if self._blocks is None:
            paras, text = doc.paragraphs, doc.text
            self._blocks = {k for k in range(1, len(paras))
                            if text[paras[k - 1].start:paras[k - 1].end].rstrip().endswith(":")}
        return bool(self._blocks) and doc.paragraph_at(start) in self._blocks

    def _around(self, doc, start: int, end: int, i0: int, i1: int, entry: Entry, scope: str, words) -> bool:
        """Is one of these words within the entry's window (or sentence, paragraph, document),
        other than the match's own words (tokens i0 to i1)?"""
        if scope == "window":
            lo, hi = max(i0 - entry.window, 0), min(i1 + entry.window, len(doc.tokens))
        elif scope == "document":
            lo, hi = 0, len(doc.tokens)
        else:
            s = doc.sentences[doc.sentence_at(start)] if scope == "sentence" else doc.paragraphs[doc.paragraph_at(start)]
            lo, hi = doc.token_index(s.start), doc.token_index(s.end)
        # two bisections in where the words stand, whatever the window's size: a long article
        # with many candidates costs the same per word as a short one
        where = self._positions(doc, words)
        k = bisect_left(where, lo)
        if k < len(where) and where[k] < min(i0, hi):
            return True
        k = bisect_left(where, max(i1, lo), k)
        return k < len(where) and where[k] < hi

    def _positions(self, doc, words: tuple[str, ...]) -> list[int]:
        """The token indexes of every word of this list (`protest*` a prefix), sorted: built once
        per document and list from the document's index of words, not by reading windows."""
        found = self._where.get(words)
        if found is None:
            index = doc.token_positions
            runs = [index[w] for w in words if not w.endswith("*") and w in index]
            prefixes = [w[:-1] for w in words if w.endswith("*")]
            if prefixes:
                if self._vocabulary is None:
                    self._vocabulary = sorted(index)
                vocab = self._vocabulary
                for prefix in prefixes:
                    k = bisect_left(vocab, prefix)
                    while k < len(vocab) and vocab[k].startswith(prefix):
                        runs.append(index[vocab[k]])
                        k += 1
            found = self._where[words] = sorted(chain.from_iterable(runs))
        return found

    def run(self, doc) -> Iterator[Hit]:
        self._where: dict[tuple[str, ...], list[int]] = {}
        self._vocabulary: list[str] | None = None
        self._blocks: set[int] | None = None
        cfg = doc.options.get("config")
        if cfg is not None:
            if self.pack.name in cfg.disable_packs:
                return
            if not self.pack.builtin and str(self.pack.path) not in _user_pack_paths(cfg):
                return
        disabled = set(cfg.disable_entries) if cfg is not None else set()
        last_end = -1
        for start, end, entry, sugg in sorted(self.candidates(doc), key=lambda c: (c[0], -c[1])):
            if start < last_end:
                continue
            if f"{self.pack.name}:{entry.id}" in disabled or entry.id in disabled:
                continue
            matched = doc.text[start:end]
            if entry.case_sensitive and " ".join(matched.replace("’", "'").split()) not in entry.exact:
                continue
            if not self.context_ok(doc, start, end, entry):
                continue
            last_end = end
            advice = sugg if sugg and is_advice(sugg) else None
            starts = doc.text[doc.sentences[doc.sentence_at(start)].start:start].strip(" \"“‘'(") == "" if doc.sentences else True
            # `process.Its a party`: a full stop with no space after it still ends a sentence
            starts = starts or doc.text[max(0, start - 3):start].rstrip(" \"“‘'(")[-1:] in (".", "!", "?")
            suggestion = _preserve_case(matched, sugg, starts) if sugg and not advice else None
            msg = entry.message.replace("{match}", matched)
            if "{suggestion}" in msg:
                shown = advice[1:-1] if advice and advice[0] == "(" and advice[-1] == ")" else advice
                msg = msg.replace("{suggestion}", shown or suggestion or "")
            if suggestion:
                start, suggestion = _article_agreeing(doc.text, start, suggestion)
            yield Hit(start, end, f"{msg} [{entry.id}]", suggestion, severity=entry.severity, entry=entry.id)


def is_advice(suggestion: str) -> bool:
    """A pack suggestion that tells the writer what to do rather than giving the words: a note in
    brackets (`(say how)`, `strict (say how)`) or alternatives to choose from (`leader / ruler`).
    The message shows it; it is never offered as the replacement for the flagged words."""
    return "(" in suggestion or " / " in suggestion


_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=\W))(an?)\s+$", re.I)
# an initial vowel letter that is not a vowel sound (`a union`, `a one-off`), and the reverse
_A_DESPITE_VOWEL = re.compile(r"(?:u[bcdfgklmnprstvz][aeiou]|eu|ew|one\b|once|uni|use|usu|ut[aeiou])", re.I)
_AN_DESPITE_CONSONANT = re.compile(r"(?:hour|honest|honou?r|heir)", re.I)


def _article_agreeing(text: str, start: int, suggestion: str) -> tuple[int, str]:
    """The replacement widened over `a`/`an` before it when the new words need the other one
    (`an escape goat` -> `a scapegoat`), so applying it leaves no `a investigation`. Figures and
    capitals (`an FBI agent`) are read aloud in too many ways to say, and are left alone."""
    m = _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
    word = suggestion.split()[0] if suggestion.split() else ""
    if m is None or not word[:1].isalpha() or (word.isupper() and len(word) > 1):
        return start, suggestion
    vowel = word[0].lower() in "aeiou"
    an = (vowel and not _A_DESPITE_VOWEL.match(word)) or bool(_AN_DESPITE_CONSONANT.match(word))
    article = m.group(1)
    if (article.lower() == "an") == an:
        return start, suggestion
    right = ("an" if an else "a")
    right = right.capitalize() if article[0].isupper() else right
    return m.start(1), f"{right}{text[m.end(1):start]}{suggestion}"


def _user_pack_paths(cfg) -> set[str]:
    return {str((cfg.base / p).resolve()) for p in cfg.packs}


# -- registration --------------------------------------------------------------------------------
_PACKS: dict[str, Pack] = {}


def _register(pack: Pack) -> None:
    from .registry import Rule, register

    doc = pack.description.strip() or pack.summary
    register(Rule(pack.code, pack.rule, pack.severity, pack.matcher.run, doc,
                  True, "factlint" if pack.builtin else f"pack {pack.path}"))
    _PACKS[pack.name] = pack


def builtin_pack_files() -> list[Path]:
    d = packs_dir()
    return sorted(d.glob("*.toml")) if d.is_dir() else []


def register_builtin_packs() -> None:
    from . import packcache  # the packs compiled by an earlier run, when they have not changed

    files = builtin_pack_files()
    packs, key = packcache.load(files, packs_dir())
    if packs is None:
        packs = [load_pack(path, builtin=True) for path in files]
        packcache.save(key, packs_dir(), packs)
    for pack in packs:
        _register(pack)


def _line_of(path: Path, key: str) -> str:
    """`path:line` of a [pack] key, for errors found after the pack was read."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return str(path)
    m = re.search(rf"^\s*{key}\s*=", raw, re.M)
    return f"{path}:{raw.count(chr(10), 0, m.start()) + 1}" if m else str(path)


def free_code(family: str, taken: set[str]) -> str | None:
    """The first unused code of a family from 901 up: where a house pack belongs."""
    return next((f"{family}{n}" for n in range(901, 1000) if f"{family}{n}" not in taken), None)


def conflicts(pack: Pack, rules) -> str | None:
    """Why a pack cannot be registered beside these rules: its code or its rule name is taken
    (codes are forever; a built-in code in a house pack would change what that code means)."""
    taken = {r.code: r for r in rules}
    old = taken.get(pack.code)
    if old is not None:
        owner = "a built-in rule" if old.origin == "factlint" else old.origin
        spare = free_code(pack.code[0], set(taken))
        hint = f"; use a free code such as {spare}" if spare else ""
        return f"code {pack.code!r} is already taken by {old.name} ({owner}){hint}"
    named = next((r for r in rules if r.name == pack.rule), None)
    if named is not None:
        return f"rule name {pack.rule!r} is already taken by {named.code}"
    return None


def load_user_packs(cfg) -> None:
    """Load and register the packs a config names, then check its disable-packs and
    disable-entries against what is loaded. PackError names the file (and line) at fault."""
    from .registry import all_rules

    where = cfg.path or "configuration"
    for p in cfg.packs:
        path = (cfg.base / p).resolve()
        if any(pk.path == path for pk in _PACKS.values()):
            continue
        if not path.is_file():
            raise PackError(where, f"packs: no pack file {p!r} ({path})")
        pack = load_pack(path)
        if pack.name in _PACKS:
            raise PackError(_line_of(path, "name"), f"a pack named {pack.name!r} is already loaded "
                            f"(from {_PACKS[pack.name].path if not _PACKS[pack.name].builtin else 'factlint'})")
        why = conflicts(pack, all_rules())
        if why:
            raise PackError(_line_of(path, "code" if why.startswith("code") else "rule"), why)
        _register(pack)
    known = set(_PACKS)
    for name in cfg.disable_packs:
        if name not in known:
            raise PackError(where, f"disable-packs: no pack named {name!r}{_did_you_mean(name, known)}")
    for ref in cfg.disable_entries:
        why = _unknown_entry(ref)
        if why:
            raise PackError(where, f"disable-entries: {why}")


def _unknown_entry(ref: str) -> str | None:
    """Why `pack:entry` (or a bare entry id) names no pack entry, with a did-you-mean."""
    if ":" in ref:
        name, eid = ref.split(":", 1)
        pack = _PACKS.get(name)
        if pack is None:
            return f"no pack named {name!r} in {ref!r}{_did_you_mean(name, set(_PACKS))}"
        ids = {e.id for e in pack.entries}
        if eid not in ids:
            return f"pack {name!r} has no entry {eid!r}{_did_you_mean(eid, ids)}"
        return None
    ids = {e.id for pk in _PACKS.values() for e in pk.entries}
    if ref not in ids:
        return f"no pack has an entry {ref!r}{_did_you_mean(ref, ids)}"
    return None


def shipped_lexicons() -> dict[str, dict[str, Any]]:
    """The shipped lexicons by kind (`attribution`, `quantities`), parsed: what a user
    lexicon is validated against."""
    d = packs_dir() / "lexicon"
    from .packcache import read_toml

    return {p.stem: read_toml(p) for p in sorted(d.glob("*.toml"))}


def all_packs() -> list[Pack]:
    from .registry import all_rules

    all_rules()
    return sorted(_PACKS.values(), key=lambda p: p.code)
