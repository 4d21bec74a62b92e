"""Attribution rules (A): who says so, and is every quotation closed and spoken by someone."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from ..model import WARNING, Hit
from ..registry import rule


@rule("A201", "unbalanced-quotation-marks", WARNING)
def unbalanced_quotation_marks(doc: Document) -> Iterator[Hit]:
    """A quotation mark that opens a quotation never closed, or closes one never opened.

    What it flags: an opening mark (straight or curly, double or single) with no closing mark
    before the end of its paragraph, and a closing double mark with no opening one. Apostrophes
    (`Kazakhstan’s`, `’90s`, `protesters’ demands`) are not quotation marks, and a quotation that
    runs on into the next paragraph is correct when that paragraph opens with a new mark.

    Why it matters: a reader cannot tell where the speaker's words end and the reporter's begin,
    and a reader who cannot tell may attribute the reporter's words to the speaker.

    Example:
        “We will not leave the square, the organiser said on Sunday.

    Instead:
        “We will not leave the square,” the organiser said on Sunday.
    """
    for mark in doc.quote_scan.stray:
        what = "double" if mark.kind == "double" else "single"
        if mark.problem == "unclosed":
            msg = f"this {what} quotation mark opens a quotation that is never closed in its paragraph"
        else:
            msg = f"this {what} quotation mark closes a quotation that was never opened"
        yield Hit(mark.offset, mark.offset + 1, msg)
