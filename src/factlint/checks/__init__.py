"""Built-in rules, one module per family; importing this package registers them all."""

from . import attribution, dates, meta, numbers, sources  # noqa: F401
