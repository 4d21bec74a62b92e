"""Rules about factlint itself (X): suppression comments that suppress nothing."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from ..model import INFO, Hit
from ..registry import rule


@rule("X100", "unused-suppression", INFO)
def unused_suppression(doc: Document) -> Iterator[Hit]:
    """A factlint suppression comment that suppresses no finding.

    What it flags: a `factlint-disable-next-line`, `factlint-disable-line` or `factlint-disable`
    comment under which no finding of the named codes stands any more.

    Why it matters: suppressions outlive the problem they hid. A stale one will silently hide
    the next real error on that line, so it should be removed once the copy is fixed.

    Example:
        <!-- factlint-disable-next-line D101 -->
        The vote is on Tuesday, 4 March 2025.

    Instead:
        The vote is on Tuesday, 4 March 2025.

    The engine reports this rule after the others have run, since only then is it known which
    suppressions were used.
    """
    return iter(())
