"""Finding the files to check and reading them safely: encodings, binary, empty, huge, loops."""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .formats import EXTENSIONS
from .model import FileError

STDIN = "-"


class InputError(Exception):
    """A file that cannot be read as an article; the message is one line."""


@dataclass(frozen=True)
class Target:
    path: str  # as the user will see it in reports


def expand(paths: list[str], excluded: Callable[[str], bool] | None = None) -> tuple[list[Target], list[FileError]]:
    """Files named on the command line, and articles found by recursing into folders, less
    those `excluded` says no to (a folder's whole tree, or a file, named or found)."""
    exclude = excluded or (lambda _path: False)
    targets: list[Target] = []
    errors: list[FileError] = []
    seen: set[str] = set()
    for p in paths:
        if p == STDIN:
            targets.append(Target(STDIN))
            continue
        if os.path.isdir(p):
            if not exclude(p):
                _walk(p, targets, errors, seen, exclude, set())
        elif os.path.exists(p) or os.path.islink(p):
            if p not in seen and not exclude(p):
                seen.add(p)
                targets.append(Target(p))
        else:
            errors.append(FileError(p, "no such file or directory"))
    return targets, errors


def _walk(top: str, targets, errors, seen, exclude, visiting: set[str]) -> None:
    real = os.path.realpath(top)
    if real in visiting:
        errors.append(FileError(top, "directory loop (a symbolic link points back to a folder above it); not followed"))
        return
    visiting = visiting | {real}
    try:
        entries = sorted(os.scandir(top), key=lambda e: e.name)
    except OSError as exc:
        errors.append(FileError(top, f"cannot read folder: {exc.strerror or exc}"))
        return
    for entry in entries:
        path = os.path.join(top, entry.name)
        if entry.name.startswith(".") or exclude(path):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            _walk(path, targets, errors, seen, exclude, visiting)
        elif os.path.splitext(entry.name)[1].lower() in EXTENSIONS and path not in seen:
            seen.add(path)
            targets.append(Target(path))


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes) -> str:
    """Text of a file: UTF-8 (with or without BOM) or UTF-16/32 with BOM; newlines normalised."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {enc.upper()} despite its byte-order mark (byte {exc.start})") from None
            break
    else:
        if b"\x00" in data[:8192]:
            raise InputError("binary file (contains NUL bytes); not an article")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = data[exc.start]
            raise InputError(f"not UTF-8 (byte 0x{bad:02x} at offset {exc.start}); save the file as UTF-8") from None
    if "\x00" in text:
        raise InputError("binary file (contains NUL characters); not an article")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("empty file: nothing to check")
    return text


def read_source(path: str, max_size: int) -> str:
    """Read and decode one input; InputError with a one-line reason when it cannot be an article."""
    if path == STDIN:
        data = sys.stdin.buffer.read(max_size + 1)
    else:
        p = Path(path)
        try:
            st = p.stat()
            if stat.S_ISDIR(st.st_mode):
                raise InputError("is a folder")
            if not stat.S_ISREG(st.st_mode):
                # a FIFO blocks until a writer comes, /dev/zero never ends: only files are read
                raise InputError(f"not a regular file ({_kind(st.st_mode)}); pipe it to factlint "
                                 "on standard input (`-`) instead")
            size = st.st_size
            if size > max_size:
                raise InputError(f"file is {size:,} bytes, over the {max_size:,}-byte limit (max-file-size)")
            with p.open("rb") as fh:
                data = fh.read(max_size + 1)  # the file may have grown since stat
        except InputError:
            raise
        except PermissionError:
            raise InputError("permission denied") from None
        except FileNotFoundError:
            raise InputError("no such file or directory") from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_size:
        raise InputError(f"input is over the {max_size:,}-byte limit (max-file-size)")
    return decode(data)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"
