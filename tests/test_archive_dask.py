"""--engine dask on a local cluster of 2 worker processes: the same rows, in the same order, as
--jobs 1 on the seed, the shared cases and a corpus, from a folder, JSON Lines and Parquet."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS, any_corpus, corpus_articles, run_cli, shared_cases_root

pytest.importorskip("dask.distributed")
pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

from factlint.archive.runners import DaskRunner, SerialRunner, failed_part, lint_parts  # noqa: E402
from factlint.archive.sources import Part, plan  # noqa: E402
from factlint.engine import RunOptions  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    from dask.distributed import LocalCluster

    # real worker processes, as on a cluster: every part is pickled, shipped and read there
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def dask_runner(cluster):
    with DaskRunner(cluster.scheduler_address) as r:
        assert r.workers == 2
        yield r


def rows(runner, paths, part_bytes=4096):
    parts, errors = plan([str(p) for p in paths], part_bytes)
    assert not errors
    out = [b for _, b in lint_parts(runner, parts, RunOptions())]
    return [(b.findings, b.articles, b.errors) for b in out], len(parts)


def same_as_jobs_1(dask_runner, paths, part_bytes=4096):
    with SerialRunner() as one:
        expected, n = rows(one, paths, part_bytes)
    got, _ = rows(dask_runner, paths, part_bytes)
    assert got == expected
    return expected, n


def cases_folder():
    root = shared_cases_root()
    if not root.is_dir():
        pytest.skip(f"no cases: {root} does not exist (set FACTLINT_CASES)")
    return root


def as_archive(tmp_path, folder, fmt):
    """The folder's articles as a JSON Lines or Parquet archive (ids: file names)."""
    arts = [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted(folder.glob("*.txt"))]
    path = tmp_path / f"archive.{fmt}"
    if fmt == "jsonl":
        path.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    else:
        pq.write_table(pa.Table.from_pylist(arts), path, row_group_size=4)
    return path


def test_the_seed(dask_runner):
    expected, _ = same_as_jobs_1(dask_runner, [next(SEEDS.glob("*.txt"))])
    assert expected[0][0], "the seed has findings"


@pytest.mark.parametrize("fmt", ["folder", "jsonl", "parquet"])
def test_the_shared_cases(dask_runner, tmp_path, fmt):
    folder = cases_folder()
    path = folder if fmt == "folder" else as_archive(tmp_path, folder, fmt)
    expected, parts = same_as_jobs_1(dask_runner, [path], part_bytes=600)
    assert parts > 2 and any(findings for findings, _, _ in expected)


@pytest.mark.parametrize("fmt", ["folder", "jsonl", "parquet"])
def test_a_corpus(dask_runner, tmp_path, fmt):
    corpus = any_corpus()
    if fmt == "folder":
        path = corpus
    else:
        path = as_archive(tmp_path, corpus, fmt)
    expected, parts = same_as_jobs_1(dask_runner, [path], part_bytes=20_000)
    assert parts > 4
    checked = sum(len(articles) for _, articles, _ in expected)
    # a folder's README is checked too, as `factlint check FOLDER` would
    assert checked == len(corpus_articles(corpus)) + (fmt == "folder") * len(list(corpus.glob("*.md")))


def test_a_part_that_fails_on_its_worker_is_an_error_row_and_the_run_goes_on(dask_runner, tmp_path):
    seed = next(SEEDS.glob("*.txt"))
    gone = Part("jsonl", str(tmp_path / "deleted-after-planning.jsonl"), 0, 100, size=100)
    parts = [Part("files", files=(str(seed),), size=1), gone, Part("files", files=(str(seed),), size=1)]
    out = [b for _, b in dask_runner.map(lambda p, o: __import__("factlint.archive.runners").archive.runners.lint_part(p, o),
                                         parts, RunOptions(), on_error=failed_part)]
    assert [len(b.articles) for b in out] == [1, 0, 1]
    assert out[1].errors[0]["id"] == f"{gone.path}:bytes 0-100"
    assert out[1].errors[0]["message"].startswith("part failed: FileNotFoundError")


def test_worker_memory_is_measured(dask_runner):
    memory = dask_runner.memory()
    assert len(memory) == 2 and all(m > 10 * 2**20 for m in memory.values())


def test_the_command_line_on_an_existing_cluster_matches_jobs_1(cluster, tmp_path):
    corpus = any_corpus()
    one = run_cli("check", str(corpus), "--format", "jsonl", "--jobs", "1")
    on_dask = run_cli("check", str(corpus), "--format", "jsonl", "--scheduler", cluster.scheduler_address,
                      "--part-size", "20000")
    assert on_dask.returncode == one.returncode, on_dask.stderr.decode()
    assert on_dask.stdout == one.stdout and one.stdout.count(b"\n") > 0


def test_the_command_line_starts_a_local_cluster_by_default(tmp_path):
    seed = next(SEEDS.glob("*.txt"))
    out = tmp_path / "seed.parquet"
    one = run_cli("check", str(seed), "--format", "json")
    p = run_cli("check", str(seed), "--engine", "dask", "--jobs", "2", "--format", "json")
    assert p.returncode == one.returncode and json.loads(p.stdout) == json.loads(one.stdout)
    p = run_cli("check", str(seed), "--engine", "dask", "-o", str(out))
    assert p.returncode == one.returncode
    assert pq.read_table(out).num_rows == len(json.loads(one.stdout)["findings"])
