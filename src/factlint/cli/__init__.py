"""The command line: `factlint check`, `rules`, `explain`, `packs` (thin click commands)."""

from __future__ import annotations

from .. import dataclass_cache, regex_cache

# Start-up caches for the command's own process, set up before factlint's classes are made and
# before click and the rules compile their patterns (see the two modules); a program that only
# imports factlint as a library is left as it was.
dataclass_cache.install()
regex_cache.load()

import click  # noqa: E402

from .. import __version__  # noqa: E402


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factlint")
def main() -> None:
    """factlint: a fact-check and source-consistency linter for news copy.

    \b
    factlint check article.md            check one article (or folders of them)
    factlint rules                       list every rule
    factlint explain D101                what a rule flags and what to write instead
    """


from . import archive as _archive  # noqa: E402,F401  (names, report; Dask loads only when used)
from . import check as _check  # noqa: E402,F401  (registers the commands)
from . import lsp as _lsp  # noqa: E402,F401  (pygls loads only when it runs)
from . import rules as _rules  # noqa: E402,F401
from . import serve as _serve  # noqa: E402,F401  (its web stack loads only when it runs)
