"""A progress bar for long runs: articles done, articles per second and an ETA, on standard error,
only on a terminal, and never when the report itself goes to a pipe."""

from __future__ import annotations

import sys
import time
from typing import TextIO

DELAY = 0.5  # seconds before the bar shows: a short run stays quiet
EVERY = 0.2  # seconds between redraws


def wanted(stderr: TextIO, stdout: TextIO, output: str | None) -> bool:
    """A bar only where a person watches: standard error is a terminal, and the report goes to a
    file or to the terminal too (a piped report means a script is reading)."""
    def tty(s: TextIO) -> bool:
        return bool(getattr(s, "isatty", None)) and s.isatty()

    return tty(stderr) and (output is not None or tty(stdout))


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class Progress:
    """Counts articles and bytes done; the ETA comes from the bytes, which are known up front."""

    def __init__(self, total_bytes: int, total_articles: int | None = None, stream: TextIO | None = None,
                 enabled: bool = True, width: int = 24, clock=time.monotonic) -> None:
        self.total_bytes, self.total_articles = max(total_bytes, 1), total_articles
        self.stream = stream or sys.stderr
        self.enabled, self.width, self.clock = enabled, width, clock
        self.start = clock()
        self.articles = self.bytes = 0
        self._drawn = 0.0
        self._shown = False

    def advance(self, articles: int, size: int) -> None:
        self.articles += articles
        self.bytes += size
        now = self.clock()
        if self.enabled and now - self.start >= DELAY and now - self._drawn >= EVERY:
            self._drawn = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()
            self._shown = True

    def line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        frac = min(self.bytes / self.total_bytes, 1.0)
        filled = int(frac * self.width)
        bar = "#" * filled + "." * (self.width - filled)
        of = f"/{self.total_articles:,}" if self.total_articles else ""
        rate = self.articles / elapsed
        eta = _clock(elapsed * (1 - frac) / frac) if frac > 0 else "?"
        return f"[{bar}] {frac:4.0%} {self.articles:,}{of} articles, {rate:,.0f}/s, ETA {eta}"

    def close(self) -> None:
        """Clear the bar, so what follows on the terminal starts on a clean line."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
