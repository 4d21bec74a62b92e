"""Edits an editor asks for: the inline comment that ignores one finding (in the syntax
suppress.py reads, so CI honours it in the published file) and a name added to the house
dictionary (`house-names` in the project's config, which the name checks read)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..suppress import DIRECTIVE
from .positions import LineIndex

_COMMENT = re.compile(r"<!--(.*?)-->")
_NAME = re.compile(r"[^\W\d_][\w’'.\- ]{0,79}")


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] (character offsets) with `text`."""

    start: int
    end: int
    text: str

    def apply(self, s: str) -> str:
        return s[:self.start] + self.text + s[self.end:]


def _line_bounds(index: LineIndex, line: int) -> tuple[int, int]:
    """Start and end (before its line break) of a 1-based line."""
    start = index.line_starts[line - 1]
    end = index.line_starts[line] if line < len(index.line_starts) else len(index.text)
    while end > start and index.text[end - 1] in "\r\n":
        end -= 1
    return start, end


def _directive(comment_body: str, kind: str) -> tuple[str, ...] | None:
    m = DIRECTIVE.match(comment_body)
    if not m or m.group("kind") != kind:
        return None
    return tuple(c for c in re.split(r"[\s,]+", m.group("codes").strip()) if c)


def _extend(text: str, start: int, end: int, kind: str, code: str) -> Edit | None:
    """A suppression comment of `kind` within text[start:end] made to name `code` too."""
    for m in _COMMENT.finditer(text, start, end):
        codes = _directive(m.group(1), kind)
        if codes is None:
            continue
        if not codes or any(code.upper().startswith(c.upper()) for c in codes):
            return Edit(m.start(), m.start(), "")  # already covered: nothing to do
        return Edit(m.start(), m.end(), f"<!-- factlint-{kind} {' '.join((*codes, code))} -->")
    return None


def _paragraph_first_lines(text: str, path: str, fmt: str) -> set[int]:
    """The lines on which a paragraph of the article begins, as the format reads them."""
    from ..formats import parse

    doc = parse(path, text.replace("\r\n", "\n").replace("\r", "\n"), fmt)
    return {doc.line_col(doc.source_offset(p.start))[0] for p in doc.paragraphs}


def suppression_edit(text: str, line: int, code: str, path: str = "draft.txt", fmt: str = "auto") -> Edit:
    """The edit that makes factlint ignore `code` on a 1-based `line` of `text`.

    Above a line that begins a paragraph it is a `disable-next-line` comment on a line of its
    own, the form an editor reads most easily. Inside a hard-wrapped paragraph a line of its own
    would split the paragraph in two, so there the comment is a `disable-line` at the end of the
    line. A suppression comment already there gains the code instead of a second comment."""
    index = LineIndex(text)
    line = max(1, min(line, len(index.line_starts)))
    start, end = _line_bounds(index, line)
    if line > 1:
        p_start, p_end = _line_bounds(index, line - 1)
        if e := _extend(text, p_start, p_end, "disable-next-line", code):
            return e
    if line == 1 or line in _paragraph_first_lines(text, path, fmt) or not text[start:end].strip():
        newline = "\r\n" if "\r\n" in text else "\n"
        return Edit(start, start, f"<!-- factlint-disable-next-line {code} -->{newline}")
    return _extend(text, start, end, "disable-line", code) or \
        Edit(end, end, f" <!-- factlint-disable-line {code} -->")


class HouseNameError(ValueError):
    """A name that cannot go into the house dictionary, or a config file that cannot take it."""


def add_house_name(config: Path, name: str) -> bool:
    """Add a spelling to `house-names` in a config file (created when missing), keeping the
    rest of the file as it was, written atomically. False when it was there already."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    name = " ".join(name.split())
    if not _NAME.fullmatch(name):
        raise HouseNameError(f"{name[:40]!r} is not a name (letters, up to 80 characters)")
    try:
        doc = tomlkit.parse(config.read_text(encoding="utf-8-sig")) if config.exists() else tomlkit.document()
    except (OSError, UnicodeDecodeError, TOMLKitError) as exc:
        raise HouseNameError(f"{config}: cannot read config: {exc}") from None
    # the table config.read_config_file reads: [tool.factlint] in pyproject.toml; in
    # factlint.toml the top level, unless the file has a [tool.factlint] table
    if config.name == "pyproject.toml":
        tool = doc.setdefault("tool", tomlkit.table(is_super_table=True))
        table = tool.setdefault("factlint", tomlkit.table())
    elif isinstance(doc.get("tool"), dict) and "factlint" in doc["tool"]:
        table = doc["tool"]["factlint"]
    else:
        table = doc
    names = table.get("house-names")
    if names is None:
        names = tomlkit.array()
        table["house-names"] = names
    elif not isinstance(names, list):
        raise HouseNameError(f"{config}: house-names must be a list of names")
    if name in names:
        return False
    names.append(name)
    tmp = config.with_name(f".{config.name}.factlint-{os.getpid()}")
    try:
        tmp.write_text(tomlkit.dumps(doc), encoding="utf-8")
        if config.exists():
            os.chmod(tmp, config.stat().st_mode & 0o7777)
        os.replace(tmp, config)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise HouseNameError(f"{config}: cannot write config: {exc.strerror or exc}") from None
    return True
