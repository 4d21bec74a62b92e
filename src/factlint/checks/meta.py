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
    comment under which no finding of the named codes (or rule names) stands any more.

    Why it matters: suppressions outlive the problem they hid. A stale one will silently hide
    the next real error on that line, so it should be removed once the copy is fixed.

    Example:
        <!-- factlint-disable-next-line D101 -->
        The vote is on Tuesday, 4 March 2025.

    Instead:
        The vote is on Tuesday, 4 March 2025.

    Select: D101

    A comment is reported only when every rule it covers ran in this run: with `--ignore D101`
    or `--select W` a D101 suppression is not known to be unused, and removing it would bring
    the finding back on the next full run. A comment that names no rule (`loaded-languag`) is
    always reported, with the closest code or name. The engine reports this rule after the
    others have run, since only then is it known which suppressions were used.
    """
    return iter(())
