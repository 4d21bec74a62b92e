"""Baselines: known findings recorded by code and text, not line, so edits above them do not
revive them; a newsroom can adopt factlint on an archive without fixing history first."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .model import Finding
from .outputs import write_atomically

VERSION = 1


class BaselineError(ValueError):
    pass


def fingerprint(f: Finding) -> str:
    key = "\0".join((f.code, " ".join(f.context.split()), f.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _rel(path: str, base: Path) -> str:
    if path == "-":
        return path
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def write_baseline(findings: Iterable[Finding], target: str) -> int:
    """Write atomically; returns how many findings were recorded."""
    base = Path(target).resolve().parent
    rows = sorted(
        Counter((_rel(f.path, base), f.code, fingerprint(f), f.message) for f in findings).items()
    )
    data = {
        "version": VERSION,
        "findings": [
            {"path": p, "code": c, "fingerprint": fp, "message": m, "count": n}
            for (p, c, fp, m), n in rows
        ],
    }
    write_atomically(target, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return sum(n for _, n in rows)


class Baseline:
    def __init__(self, path: str) -> None:
        self.base = Path(path).resolve().parent
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"{path}: malformed baseline: {exc}") from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
            raise BaselineError(f"{path}: not a factlint baseline (version {VERSION})")
        self.known: Counter = Counter()
        for row in data["findings"]:
            try:
                self.known[(row["path"], row["code"], row["fingerprint"])] += int(row.get("count", 1))
            except (KeyError, TypeError, ValueError):
                raise BaselineError(f"{path}: malformed baseline entry {row!r}") from None

    def filter(self, findings: list[Finding]) -> list[Finding]:
        """Findings not in the baseline (each baseline entry absorbs as many as it counted)."""
        left = Counter(self.known)
        out = []
        for f in findings:
            key = (_rel(f.path, self.base), f.code, fingerprint(f))
            if left[key] > 0:
                left[key] -= 1
            else:
                out.append(f)
        return out
