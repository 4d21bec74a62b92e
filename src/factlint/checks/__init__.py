"""Built-in rules, one module per family; importing this package registers them all."""

from . import attribution, meta  # noqa: F401
