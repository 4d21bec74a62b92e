"""Archives: the batch function's rows, reading JSON Lines and Parquet in parts, the tables written
and resumed, the progress bar, and `factlint check` with rows out."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS, run_cli

from factlint.archive import lint_batch
from factlint.archive.batch import finding_rows, published_date
from factlint.archive.progress import Progress, wanted
from factlint.archive.runners import PoolRunner, SerialRunner, lint_parts
from factlint.archive.sources import plan, read_part
from factlint.archive.tables import TableWriter, done_ids, read_rows, sidecar
from factlint.engine import RunOptions, lint_source

SEED = next(SEEDS.glob("*.txt"))
# written for these tests: a weekday that does not match its date, and a count given two ways
STORY = ("JAKARTA - Rescuers said on Tuesday (3/2) that at least 41 people had died in the flood.\n\n"
         "Officials said on Wednesday (4/2) that roads were closed.\n\n"
         "On Friday (4/2) the 14 victims were buried, relatives said.\n")


def articles(n: int, extra: dict | None = None) -> list[dict]:
    return [{"id": f"story-{i:03d}", "text": STORY.replace("41", str(40 + i)), **(extra or {})} for i in range(n)]


def write_jsonl(path, rows) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


# -- the batch function --------------------------------------------------------------------------

def test_rows_are_the_engines_findings_with_offsets_into_the_text():
    text = SEED.read_text(encoding="utf-8")
    batch = lint_batch([{"id": "seed", "text": text}])
    expected = lint_source("seed", text, RunOptions(isolated=True)).findings
    assert expected, "the seed has findings"
    assert [(r["code"], r["line"], r["column"], r["message"]) for r in batch.findings] == \
        [(f.code, f.line, f.column, f.message) for f in expected]
    lines = text.split("\n")
    for r in batch.findings:
        assert r["id"] == "seed"
        if r["end_line"] == r["line"]:
            assert text[r["start"]:r["end"]] == lines[r["line"] - 1][r["column"] - 1:r["end_column"] - 1]
    assert batch.articles == [{"id": "seed", "published": None, "words": batch.articles[0]["words"],
                               "findings": len(batch.findings)}]
    assert batch.errors == []


def test_a_failing_article_is_an_error_row_and_the_batch_goes_on(monkeypatch):
    import factlint.archive.batch as batch_module

    real = batch_module.lint_source

    def flaky(path, text, opts, sources=None):
        if path == "story-001":
            raise RuntimeError("analysis blew up")
        return real(path, text, opts, sources)

    monkeypatch.setattr(batch_module, "lint_source", flaky)
    rows = articles(3) + [{"id": "empty", "text": "  "}, {"text": "no id"}, {"id": "odd", "text": STORY, "format": "docx"}]
    batch = lint_batch(rows)
    assert [a["id"] for a in batch.articles] == ["story-000", "story-002"]
    assert {e["id"]: e["message"] for e in batch.errors} == {
        "story-001": "RuntimeError: analysis blew up",
        "empty": "text: empty; nothing to check",
        "": "article has no id",
        "odd": "format: 'docx' is not one of auto, text, markdown, html",
    }


def test_the_articles_date_is_used_and_a_bad_one_is_reported_but_checked():
    good = lint_batch([{"id": "a", "text": STORY, "published": "2022-02-05T10:00:00Z"}])
    assert good.articles[0]["published"] == "2022-02-05"
    assert {r["published"] for r in good.findings} == {"2022-02-05"}
    bad = lint_batch([{"id": "b", "text": STORY, "published": "last week"}])
    assert [a["id"] for a in bad.articles] == ["b"]
    assert bad.errors == [{"id": "b", "message": "published: 'last week' is not a date (use YYYY-MM-DD); checked without it"}]


def test_publication_dates_from_columns():
    import datetime as dt

    assert published_date(None) is None and published_date("") is None and published_date(float("nan")) is None
    assert published_date(dt.datetime(2021, 3, 4, 5, 6)) == dt.date(2021, 3, 4)
    assert published_date("2021-03-04") == dt.date(2021, 3, 4)


def test_source_text_in_a_row_is_checked_against():
    article = {"id": "q", "text": 'The mayor said: "We will rebuild every school by spring."\n',
               "source": 'The mayor said: "We will rebuild every school by summer."\n'}
    codes = {r["code"] for r in lint_batch([article]).findings}
    assert "S201" in codes
    assert "S201" not in {r["code"] for r in lint_batch([{**article, "source": None}]).findings}


def test_no_findings_means_no_rows_but_the_article_is_recorded():
    batch = lint_batch([{"id": "calm", "text": "The council met in the town hall.\n"}])
    assert batch.findings == [] and batch.articles[0]["findings"] == 0


# -- reading archives in parts ------------------------------------------------------------------

def test_jsonl_parts_cover_every_line_once_in_order(tmp_path):
    rows = articles(40)
    path = tmp_path / "a.jsonl"
    write_jsonl(path, rows)
    parts, errors = plan([str(path)], part_bytes=1500)
    assert not errors and len(parts) > 5
    read = [a["id"] for p in parts for a in read_part(p)]
    assert read == [r["id"] for r in rows]


def test_bad_jsonl_lines_come_out_as_errors_with_their_byte_offset(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "one", "text": "A line."}\nnot json\n[1, 2]\n{"text": "no id"}\n\n{"id": 7, "text": "B."}\n',
                    encoding="utf-8")
    (part,), _ = plan([str(path)])
    got = list(read_part(part))
    assert [g["id"] for g in got] == ["one", f"{path}:byte 33", f"{path}:byte 42", f"{path}:byte 49", "7"]
    assert [g.get("error") for g in got] == [None, got[1]["error"], "not a JSON object", "article has no id", None]
    assert got[1]["error"].startswith("not a JSON line")


def test_parquet_parts_by_row_group(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    rows = articles(30, {"published": "2022-02-05"})
    path = tmp_path / "a.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=4)
    parts, errors = plan([str(path)], part_bytes=1)
    assert not errors and len(parts) == 8
    assert [a["id"] for p in parts for a in read_part(p)] == [r["id"] for r in rows]


def test_an_archive_that_cannot_be_read_is_one_error_and_the_rest_is_planned(tmp_path):
    pytest.importorskip("pyarrow")
    bad = tmp_path / "bad.parquet"
    bad.write_text("not parquet", encoding="utf-8")
    nocol = tmp_path / "nocol.parquet"
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist([{"id": "x", "body": "y"}]), nocol)
    parts, errors = plan([str(bad), str(nocol), str(SEED)])
    assert [p.files for p in parts] == [(str(SEED),)]
    assert [e.path for e in errors] == [str(bad), str(nocol)]
    assert errors[0].message.startswith("not a Parquet file")
    assert errors[1].message == "no 'text' column (columns: body, id)"


def test_folders_are_cut_into_parts_in_file_order(tmp_path):
    for i in range(12):
        (tmp_path / f"{i:02d}.txt").write_text(STORY, encoding="utf-8")
    parts, _ = plan([str(tmp_path)], part_bytes=len(STORY) * 5)
    assert [len(p.files) for p in parts] == [5, 5, 2]
    parts, _ = plan([str(tmp_path)], workers=2)  # several parts per worker without being asked
    assert len(parts) >= 1 and sum(len(p.files) for p in parts) == 12


def test_every_runner_gives_the_same_rows(tmp_path):
    path = tmp_path / "a.jsonl"
    write_jsonl(path, articles(24))
    parts, _ = plan([str(path)], part_bytes=2000)
    with SerialRunner() as one:
        serial = [b for _, b in lint_parts(one, parts, RunOptions())]
    with PoolRunner(2) as two:
        pooled = [b for _, b in lint_parts(two, parts, RunOptions())]
    assert serial == pooled and sum(len(b.findings) for b in serial) > 0


# -- tables -----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_tables_round_trip(tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    batch = lint_batch(articles(3, {"published": "2022-02-05"}) + [{"id": "bad", "text": ""}])
    out = str(tmp_path / f"f.{fmt}")
    with TableWriter(out, fmt) as w:
        w.write(batch)
    assert list(read_rows(out)) == batch.findings
    assert list(read_rows(sidecar(out, "articles"))) == batch.articles
    assert list(read_rows(sidecar(out, "errors"))) == batch.errors
    assert done_ids(out) == {"story-000", "story-001", "story-002"}


def test_an_interrupted_jsonl_run_is_tidied_before_resuming(tmp_path):
    out = tmp_path / "f.jsonl"
    batch = lint_batch(articles(2))
    with TableWriter(str(out), "jsonl") as w:
        w.write(batch)
    orphan = dict(batch.findings[0], id="story-009")  # its article row was never written
    with out.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(orphan) + "\n" + '{"id": "story-0')
    with TableWriter(str(out), "jsonl", resume=True):
        pass
    assert list(read_rows(str(out))) == batch.findings
    assert out.read_text(encoding="utf-8").endswith("\n")


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_resume_skips_what_was_checked_and_ends_as_a_full_run(tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, articles(10))
    full, part = tmp_path / f"full.{fmt}", tmp_path / f"part.{fmt}"
    assert run_cli("check", str(archive), "-o", str(full)).returncode == 1
    write_jsonl(tmp_path / "first.jsonl", articles(10)[:4])
    assert run_cli("check", str(tmp_path / "first.jsonl"), "-o", str(part)).returncode == 1
    p = run_cli("check", str(archive), "-o", str(part), "--resume")
    assert p.returncode == 1, p.stderr.decode()
    assert b"from 6 articles" in p.stderr
    assert list(read_rows(str(part))) == list(read_rows(str(full)))
    assert [a["id"] for a in read_rows(sidecar(str(part), "articles"))] == [f"story-{i:03d}" for i in range(10)]


# -- progress -----------------------------------------------------------------------------------

class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_only_on_a_terminal_and_never_when_the_report_is_piped():
    assert wanted(Tty(), Tty(), None)
    assert wanted(Tty(), io.StringIO(), "out.jsonl")
    assert not wanted(Tty(), io.StringIO(), None)  # `factlint check ... --format jsonl | jq`
    assert not wanted(io.StringIO(), Tty(), None)


def test_the_bar_shows_articles_per_second_and_an_eta_then_clears():
    now = [0.0]
    err = Tty()
    bar = Progress(1000, 100, stream=err, clock=lambda: now[0])
    now[0] = 2.0
    bar.advance(25, 250)
    assert "25/100 articles, 12/s, ETA 0:00:06" in err.getvalue()
    bar.close()
    assert err.getvalue().endswith("\r\x1b[K")
    quiet = Tty()
    off = Progress(1000, stream=quiet, enabled=False, clock=lambda: now[0])
    now[0] = 9.0
    off.advance(1, 1)
    off.close()
    assert quiet.getvalue() == ""


# -- the command line ---------------------------------------------------------------------------

def test_check_jsonl_rows_are_the_json_reports_findings():
    rc_json, out_json = run_cli("check", "--format", "json", str(SEED)).returncode, run_cli("check", "--format", "json", str(SEED))
    report = json.loads(out_json.stdout)
    p = run_cli("check", "--format", "jsonl", str(SEED))
    rows = [json.loads(line) for line in p.stdout.decode().splitlines()]
    assert p.returncode == rc_json == out_json.returncode
    assert [(r["id"], r["code"], r["line"], r["column"], r["message"]) for r in rows] == \
        [(f["path"], f["code"], f["line"], f["column"], f["message"]) for f in report["findings"]]


def test_archive_input_with_the_ordinary_reporters(tmp_path):
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, articles(2) + [{"id": "broken"}])
    p = run_cli("check", str(archive), "--format", "json")
    data = json.loads(p.stdout)
    assert p.returncode == 2
    assert {f["path"] for f in data["findings"]} == {"story-000", "story-001"}
    assert data["errors"] == [{"path": "broken", "message": "no text"}]
    assert p.stderr.decode() == "broken: error: no text\n"


def test_rows_out_to_files_with_an_errors_table(tmp_path):
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, articles(3) + [{"id": "broken", "text": 5}])
    out = tmp_path / "out.jsonl"
    p = run_cli("check", str(archive), "-o", str(out))
    words = sum(a["words"] for a in lint_batch(articles(3)).articles)
    assert p.returncode == 2
    assert p.stderr.decode().splitlines() == [
        f"factlint: {sum(1 for _ in read_rows(str(out)))} findings from 3 articles ({words} words) written to {out}; "
        "1 errors in the errors table"]
    assert list(read_rows(sidecar(str(out), "errors"))) == [{"id": "broken", "message": "text: expected a string, not int"}]


@pytest.mark.parametrize("args, message", [
    (["--format", "parquet"], "factlint: error: --format parquet writes files: give -o FILE.parquet\n"),
    (["--resume"], "factlint: error: --resume continues a run written with -o FILE.jsonl or FILE.parquet\n"),
    (["--engine", "local", "--scheduler", "tcp://127.0.0.1:1"], "factlint: error: --scheduler needs --engine dask\n"),
    (["--format", "jsonl", "--baseline", "b.json"],
     "factlint: error: --baseline and --write-baseline work on files with the local engine, not on archives or --engine dask\n"),
])
def test_usage_errors_are_one_line_and_exit_2(args, message):
    p = run_cli("check", str(SEED), *args)
    assert p.returncode == 2 and p.stderr.decode() == message and p.stdout == b""


def test_a_missing_archive_is_reported_and_the_other_inputs_checked(tmp_path):
    out = tmp_path / "o.jsonl"
    p = run_cli("check", str(tmp_path / "gone.jsonl"), str(SEED), "-o", str(out))
    assert p.returncode == 2
    assert f"{tmp_path / 'gone.jsonl'}: error: no such file or directory" in p.stderr.decode()
    assert {r["id"] for r in read_rows(str(out))} == {str(SEED)}


def test_dask_and_pyarrow_load_only_when_used():
    code = ("import sys; from click.testing import CliRunner; from factlint.cli import main; "
            f"r = CliRunner().invoke(main, ['check', '--format', 'jsonl', {str(SEED)!r}]); "
            "assert r.exit_code in (0, 1), r.output; "
            "print(sorted(m for m in ('dask', 'distributed', 'pyarrow') if m in sys.modules))")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "[]"


def test_finding_rows_of_a_result_without_findings():
    from factlint.engine import FileResult

    assert finding_rows("x", None, "text", FileResult("x")) == []


def test_the_findings_never_overwrite_an_input(tmp_path):
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, articles(2))
    before = archive.read_bytes()
    for target in (archive, tmp_path / "a.articles.jsonl"):
        src = archive if target == archive else target
        if src != archive:
            target.write_bytes(before)
        p = run_cli("check", str(src), "-o", str(tmp_path / "a.jsonl"))
        assert p.returncode == 2
        assert p.stderr.decode() == (f"factlint: error: -o {tmp_path / 'a.jsonl'}: is one of the files being checked; "
                                     "write the findings elsewhere\n")
        assert src.read_bytes() == before
