"""Extractors that turn a Document's prose into facts, each computed once per document and shared
by every rule: quotes, dates, quantities, attributions, names.

Newsrooms can build their own checks on them: parse a Document with `factlint.formats.parse`
and read `doc.quotes`, `doc.dates`, `doc.quantities`, `doc.attributions`, `doc.names`."""
