"""Names across an archive: the people and places it spells more than one way, with mentions per
spelling, first and last dates and example article ids: the house-style question a one-article
linter cannot answer.

Each worker counts the spellings of its part's articles (through the names analysis every article
gets); the driver merges the counts, which grow with the archive's vocabulary, not its size, and
compares spellings through an index of candidate pairs, never every pair."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..analysis.known_words import known_beside
from ..analysis.spelling import SpellingIndex, bare, given_names_compatible, relation
from ..engine import RunOptions
from .batch import ArticleError, article_options, article_text
from .sources import Part, read_part

EXAMPLES = 3  # article ids kept per spelling
FIRST_NAMES = 12  # given names kept per spelling, to tell two people who share a surname apart


@dataclass
class Spelling:
    text: str
    mentions: int = 0
    articles: int = 0
    first: str | None = None  # earliest publication date, YYYY-MM-DD
    last: str | None = None
    examples: list[str] = field(default_factory=list)
    given: Counter = field(default_factory=Counter)

    def add(self, other: Spelling) -> None:
        self.mentions += other.mentions
        self.articles += other.articles
        dates = [d for d in (self.first, other.first) if d]
        self.first = min(dates) if dates else None
        dates = [d for d in (self.last, other.last) if d]
        self.last = max(dates) if dates else None
        self.examples += other.examples[:EXAMPLES - len(self.examples)]
        self.given.update(other.given)
        if len(self.given) > FIRST_NAMES * 4:
            self.given = Counter(dict(self.given.most_common(FIRST_NAMES)))

    def as_dict(self) -> dict[str, Any]:
        return {"spelling": self.text, "mentions": self.mentions, "articles": self.articles,
                "first": self.first, "last": self.last, "examples": list(self.examples)}


@dataclass
class NameCounts:
    """Spellings seen in some articles, and the articles that could not be read."""

    spellings: dict[str, Spelling] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)
    articles: int = 0
    together: set[tuple[str, str]] = field(default_factory=set)  # candidate pairs in one article

    def merge(self, other: NameCounts) -> None:
        for text, sp in other.spellings.items():
            mine = self.spellings.get(text)
            if mine is None:
                self.spellings[text] = sp
            else:
                mine.add(sp)
        self.errors += other.errors
        self.articles += other.articles
        self.together |= other.together


def count_names(articles: Iterable[dict[str, Any]], opts: RunOptions) -> NameCounts:
    """The batch function for names: spellings per article, counted once per mention."""
    from ..config import ConfigError
    from ..formats import parse
    from ..inputs import InputError

    out = NameCounts()
    for article in articles:
        aid = str(article.get("id") or "")
        if article.get("error"):
            out.errors.append({"id": aid, "message": str(article["error"])})
            continue
        try:
            own, _ = article_options(article, opts)
            doc = parse(aid, article_text(article, aid, own), own.input_format)
            mentions = doc.names.mentions
        except (ArticleError, InputError, ConfigError) as exc:
            out.errors.append({"id": aid, "message": str(exc)})
            continue
        except Exception as exc:  # one article's failure is reported, the count goes on
            out.errors.append({"id": aid, "message": f"{type(exc).__name__}: {exc}"})
            continue
        out.articles += 1
        published = own.published or doc.metadata.published
        day = published.isoformat() if published else None
        here: dict[str, Spelling] = {}
        for m in mentions:
            text = normalise(m.surname)
            if len(text) < 2:
                continue
            sp = here.get(text)
            if sp is None:
                sp = here[text] = Spelling(text, 0, 1, day, day, [aid])
            sp.mentions += 1
            if m.first:
                sp.given[normalise(m.first)] += 1
        out.merge(NameCounts(here, together=_candidate_pairs(list(here))))
    return out


def normalise(spelling: str) -> str:
    """One form for typographic choices that are not spellings: curly or straight apostrophes,
    a hyphen left at the end of a line or a compound (`African-`), a possessive."""
    return bare(spelling.replace("’", "'"))


def count_part(part: Part, opts: RunOptions) -> NameCounts:
    """What a worker runs for `factlint names`: one part, read by the worker itself."""
    return count_names(read_part(part), opts)


def _candidate_pairs(spellings: list[str]) -> set[tuple[str, str]]:
    """Pairs worth testing, found through the names analysis's index of spellings, never by
    comparing every pair."""
    index = SpellingIndex(spellings)
    return {(a, b) if a < b else (b, a) for a in spellings for b in index.near(a)}


def _kind(a: Spelling, b: Spelling, counts: NameCounts) -> str | None:
    """How two spellings relate if they are one name across this archive, else None.

    Beyond what one article needs, an archive needs more evidence, because near-identical names
    are common across thousands of stories (on the shared corpora: Malawian / Malaysian,
    Spearman / Sparkman): a pair that a transliteration rule makes equal needs no more; any
    other (a slip, vowels, a near transliteration) must be the less used of the two and meet it
    in one article, or be a rare slip beside it (at most a fifth of its mentions). A spelling English uses in its own
    right (known_words) is not a misspelling, and given names that never match are two people."""
    kind = relation(a.text, b.text)
    if kind is None:
        return None
    major, minor = (a, b) if (a.mentions, b.text) >= (b.mentions, a.text) else (b, a)
    if known_beside(minor.text, major.text, slip=kind != "transliteration"):
        return None
    if a.given and b.given and not any(given_names_compatible(x, y) for x in a.given for y in b.given):
        return None
    if kind == "transliteration":
        return kind
    if major.mentions == minor.mentions:
        return None  # used as often as each other: two names (a paper and its parody), not a slip
    together = (a.text, b.text) in counts.together or (b.text, a.text) in counts.together
    return kind if together or major.mentions >= 5 * minor.mentions else None


def variant_groups(counts: NameCounts, min_mentions: int = 1) -> list[list[Spelling]]:
    """Groups of spellings of one name, most mentioned first; in a group, the most used first."""
    spellings = counts.spellings
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x] = parent.get(parent[x], parent[x])
        return x

    joined: set[str] = set()
    for a, b in sorted(_candidate_pairs(list(spellings))):
        sa, sb = spellings[a], spellings[b]
        if _kind(sa, sb, counts) is not None:
            joined.update((a, b))
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[Spelling]] = defaultdict(list)
    for text in sorted(joined):
        groups[root(text)].append(spellings[text])
    out = []
    for members in groups.values():
        members.sort(key=lambda s: (-s.mentions, s.text))
        if len(members) > 1 and sum(s.mentions for s in members) >= min_mentions:
            out.append(members)
    out.sort(key=lambda g: (-sum(s.mentions for s in g), g[0].text))
    return out
