"""Runners: the same function over the parts of an archive, in this process, in a process pool, or
on Dask (a local cluster of this machine's cores, or an existing cluster by address). Results come
back in the order of the parts, so every runner writes the same rows in the same order."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..engine import RunOptions
from .batch import Batch, lint_batch
from .sources import Part, read_part

# parts in flight per worker: enough to keep every worker busy while the head of the line is
# written, few enough that a slow part holds back little memory
WINDOW_PER_WORKER = 4


def lint_part(part: Part, opts: RunOptions, skip: frozenset[str] = frozenset()) -> Batch:
    """What a worker runs: read one part itself and pass its articles to the batch function."""
    return lint_batch(read_part(part, skip), opts)


def describe(part: Part) -> str:
    if part.kind == "files":
        return part.files[0] if len(part.files) == 1 else f"{part.files[0]} (and {len(part.files) - 1} more files)"
    if part.kind == "jsonl":
        return f"{part.path}:bytes {part.start}-{part.stop}"
    if part.kind == "parquet":
        return f"{part.path}:row groups {part.start}-{part.stop - 1}"
    return "-"


def failed_part(part: Part, exc: BaseException) -> Batch:
    """A part whose worker died: one error row; its articles stay unchecked, so a resumed run
    checks them again."""
    return Batch(errors=[{"id": describe(part), "message": f"part failed: {type(exc).__name__}: {exc}"}])


OnError = Callable[[Part, BaseException], Any] | None


def _result(part: Part, fut: Any, on_error: OnError) -> Any:
    try:
        return fut.result()
    except Exception as exc:  # a worker killed or out of memory: the part is reported, not the run
        if on_error is None:
            raise
        return on_error(part, exc)


def _ordered(submit: Callable[[Part], Any], parts: Iterable[Part], window: int) -> Iterator[tuple[Part, Any]]:
    """Keep `window` parts in flight and hand their futures back in the order of the parts."""
    it = iter(parts)
    pending: deque = deque()
    for part in it:
        pending.append((part, submit(part)))
        if len(pending) >= window:
            break
    while pending:
        part, fut = pending.popleft()
        nxt = next(it, None)
        if nxt is not None:
            pending.append((nxt, submit(nxt)))
        yield part, fut


class SerialRunner:
    """In this process: --jobs 1, the reference every other runner must match."""

    workers = 1

    def __enter__(self) -> SerialRunner:
        return self

    def __exit__(self, *exc) -> None:
        pass

    def map(self, fn: Callable[..., Any], parts: Iterable[Part], *shared: Any,
            on_error: OnError = None) -> Iterator[tuple[Part, Any]]:
        for part in parts:
            yield part, fn(part, *shared)


_SHARED: tuple = ()


def _keep_shared(shared: tuple) -> None:
    global _SHARED
    _SHARED = shared


def _call(fn: Callable[..., Any], part: Part) -> Any:
    return fn(part, *_SHARED)


class PoolRunner:
    """A process pool on this machine: --jobs N."""

    def __init__(self, jobs: int) -> None:
        self.workers = jobs
        self._pools: list = []

    def __enter__(self) -> PoolRunner:
        return self

    def __exit__(self, *exc) -> None:
        for pool in self._pools:
            pool.shutdown(cancel_futures=True)

    def map(self, fn: Callable[..., Any], parts: Iterable[Part], *shared: Any,
            on_error: OnError = None) -> Iterator[tuple[Part, Any]]:
        from concurrent.futures import ProcessPoolExecutor

        # shared arguments (the ids a resumed run skips) travel once per worker, not once per part
        pool = ProcessPoolExecutor(self.workers, initializer=_keep_shared, initargs=(shared,))
        self._pools.append(pool)
        for part, fut in _ordered(lambda p: pool.submit(_call, fn, p), parts, self.workers * WINDOW_PER_WORKER):
            yield part, _result(part, fut, on_error)


class DaskRunner:
    """Dask: a local cluster of this machine's cores by default, or an existing cluster by address.
    Each task reads its own part, so the client ships descriptions of parts, never text."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None, processes: bool = True) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise RuntimeError("--engine dask needs Dask: pip install 'factlint[dask]'") from None
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            n = workers or os.cpu_count() or 1
            # one thread per worker: the rules are pure Python, threads would share one GIL
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=processes,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def memory(self) -> dict[str, int]:
        """Resident memory of each worker process, in bytes."""
        def rss() -> int:
            import psutil

            return psutil.Process().memory_info().rss

        return self.client.run(rss)

    def map(self, fn: Callable[..., Any], parts: Iterable[Part], *shared: Any,
            on_error: OnError = None) -> Iterator[tuple[Part, Any]]:
        scattered = [self.client.scatter(s, broadcast=True) if isinstance(s, frozenset) and s else s for s in shared]
        submit = self.client.submit
        for part, fut in _ordered(lambda p: submit(fn, p, *scattered, pure=False), parts,
                                  self.workers * WINDOW_PER_WORKER):
            yield part, _result(part, fut, on_error)


def runner(engine: str = "local", jobs: int = 1, scheduler: str | None = None, workers: int | None = None):
    """The runner an engine name and --jobs ask for."""
    if engine == "dask":
        return DaskRunner(scheduler, workers)
    return PoolRunner(jobs) if jobs > 1 else SerialRunner()


def lint_parts(run, parts: list[Part], opts: RunOptions, skip: frozenset[str] = frozenset()) -> Iterator[tuple[Part, Batch]]:
    """Every part's rows, in order; a part whose worker fails gives an error row and the run goes on."""
    return run.map(lint_part, parts, opts, skip, on_error=failed_part)
