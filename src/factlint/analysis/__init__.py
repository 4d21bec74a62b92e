"""Extractors that turn a Document's prose into facts, each computed once per document and shared
by every rule: quotes, dates, quantities, attributions, names.

Newsrooms can build their own checks on them::

    from factlint.analysis import parse
    doc = parse("At least 31 people died, police said.", published="2022-01-07")
    for q in doc.quantities:          # Quantity: low, high, category, who, definite, ...
        print(q.text, q.low, q.high, q.category)
    doc.dates.mentions                # DateMention: weekday, day, month, year, numeric ...
    doc.attributions                  # Attribution: verb, source, spans covered
    doc.quotes                        # Quote: start, end, kind, closed
    doc.names.variants                # Name variants (the S family)
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..document import Document

__all__ = ["parse", "Quantity", "DateMention", "Attribution", "Quote"]


def parse(text: str, *, path: str = "<text>", format: str = "auto", published: str | dt.date | None = None,
          date_order: str = "auto") -> Document:
    """A Document for text, ready for its analysis (computed lazily, once)."""
    from ..formats import parse as parse_format

    doc = parse_format(path, text.replace("\r\n", "\n").replace("\r", "\n"), format, {"date_order": date_order})
    if published is not None:
        doc.metadata.published = dt.date.fromisoformat(published) if isinstance(published, str) else published
        doc.metadata.published_from = "option"
    return doc


def __getattr__(name: str) -> Any:
    if name == "Quantity":
        from .quantities import Quantity

        return Quantity
    if name == "DateMention":
        from .dates import DateMention

        return DateMention
    if name == "Attribution":
        from .attribution import Attribution

        return Attribution
    if name == "Quote":
        from .quotes import Quote

        return Quote
    raise AttributeError(name)
