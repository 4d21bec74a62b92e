"""Finding the files to check and reading them safely: encodings, binary, empty, huge, loops."""

from __future__ import annotations

import codecs
import fnmatch
import os
import sys
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


def expand(paths: list[str], exclude: tuple[str, ...] = ()) -> tuple[list[Target], list[FileError]]:
    """Files named on the command line, and articles found by recursing into folders."""
    targets: list[Target] = []
    errors: list[FileError] = []
    seen: set[str] = set()
    for p in paths:
        if p == STDIN:
            targets.append(Target(STDIN))
            continue
        if os.path.isdir(p):
            _walk(p, targets, errors, seen, exclude, set())
        elif os.path.exists(p) or os.path.islink(p):
            if p not in seen:
                seen.add(p)
                targets.append(Target(p))
        else:
            errors.append(FileError(p, "no such file or directory"))
    return targets, errors


def _excluded(path: str, exclude: tuple[str, ...]) -> bool:
    name = os.path.basename(path)
    return any(fnmatch.fnmatch(path, g) or fnmatch.fnmatch(name, g) for g in exclude)


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
        if entry.name.startswith(".") or _excluded(path, exclude):
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
            if p.is_dir():
                raise InputError("is a folder")
            size = p.stat().st_size
            if size > max_size:
                raise InputError(f"file is {size:,} bytes, over the {max_size:,}-byte limit (max-file-size)")
            data = p.read_bytes()
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
