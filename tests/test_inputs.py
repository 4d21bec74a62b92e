"""Bad input: a one-line error naming the file, exit 2, and the other files still checked."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys

import pytest

from factlint.inputs import InputError, decode, expand, read_source
from tests.conftest import run_cli, run_json

GOOD = "Police said two people were hurt when a tram left the rails in Lisbon on Sunday.\n"
BAD_QUOTE = "“Nobody was hurt, the fire brigade said on Monday.\n"


def test_utf8_bom_and_utf16_bom_are_read():
    assert decode(codecs.BOM_UTF8 + GOOD.encode()) == GOOD
    assert decode(codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le")) == GOOD
    assert decode(codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be")) == GOOD


def test_crlf_and_cr_are_normalised():
    assert decode(b"a\r\nb\rc") == "a\nb\nc"


@pytest.mark.parametrize(("data", "words"), [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    (b"caf\xe9 au lait", "not UTF-8 (byte 0xe9 at offset 3)"),
])
def test_bad_bytes_give_one_line_reasons(data, words):
    with pytest.raises(InputError) as exc:
        decode(data)
    assert words in str(exc.value)
    assert "\n" not in str(exc.value)


def test_huge_file_is_refused_before_reading(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_text(GOOD * 1000)
    with pytest.raises(InputError, match="over the 1,000-byte limit"):
        read_source(str(p), 1000)


def test_unreadable_file(tmp_path, monkeypatch):
    p = tmp_path / "secret.txt"
    p.write_text(GOOD)

    def denied(self, *args, **kw):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(p), "open", denied)
    with pytest.raises(InputError, match="permission denied"):
        read_source(str(p), 10_000)


def test_folders_recurse_into_articles_only_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ["b/z.md", "a.txt", "b/a.html", "notes.json", "c.htm", "d.markdown", ".hidden.txt"]:
        (tmp_path / name).write_text(GOOD)
    targets, errors = expand([str(tmp_path)])
    names = [os.path.relpath(t.path, tmp_path) for t in targets]
    assert names == ["a.txt", "b/a.html", "b/z.md", "c.htm", "d.markdown"]
    assert errors == []


def test_directory_loop_is_reported_not_followed(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(GOOD)
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    targets, errors = expand([str(tmp_path)])
    assert len(targets) == 1
    assert len(errors) == 1 and "directory loop" in errors[0].message


def test_cli_reports_every_bad_file_and_still_checks_the_rest(write, tmp_path):
    write("good.txt", BAD_QUOTE)
    write("empty.txt", "")
    write("latin1.txt", "caf\xe9".encode("latin-1"))
    write("binary.txt", b"\x00\x01\x02")
    write("bom16.txt", codecs.BOM_UTF16_LE + BAD_QUOTE.encode("utf-16-le"))
    code, data = run_json(str(tmp_path), str(tmp_path / "missing.txt"))
    assert code == 2
    errs = {os.path.basename(e["path"]): e["message"] for e in data["errors"]}
    assert set(errs) == {"empty.txt", "latin1.txt", "binary.txt", "missing.txt"}
    assert {os.path.basename(f["path"]) for f in data["findings"]} == {"good.txt", "bom16.txt"}


def test_cli_error_line_names_file_on_stderr_for_text_output(write):
    p = write("empty.md", "")
    proc = run_cli("check", str(p))
    assert proc.returncode == 2
    out = proc.stdout.decode()
    assert f"{p}: error: empty file" in out


def test_max_file_size_from_config(write, tmp_path):
    write("factlint.toml", "max-file-size = 100\n")
    write("long.txt", GOOD * 5)
    code, data = run_json(str(tmp_path / "long.txt"))
    assert code == 2 and "limit" in data["errors"][0]["message"]


def test_stdin(tmp_path):
    code, data = run_json("-", "--select", "A201", stdin=BAD_QUOTE.encode())
    assert code == 0  # a warning does not fail by default
    assert [f["path"] for f in data["findings"]] == ["-"]
    assert data["findings"][0]["code"] == "A201"


def test_files_are_never_modified(write, tmp_path):
    p = write("a.md", "---\ndate: 2020-01-01\n---\n" + BAD_QUOTE)
    before = p.read_bytes(), p.stat().st_mtime_ns
    run_cli("check", str(p), "--format", "sarif")
    assert (p.read_bytes(), p.stat().st_mtime_ns) == before


# -- inputs that never end or never come ---------------------------------------------------------
def test_dev_zero_is_refused_not_read(tmp_path):
    with pytest.raises(InputError, match=r"not a regular file \(a device\)"):
        read_source("/dev/zero", 1000)
    good = tmp_path / "good.txt"
    good.write_text(BAD_QUOTE)
    code, data = run_json("/dev/zero", str(good))
    assert code == 2
    assert [e["path"] for e in data["errors"]] == ["/dev/zero"]
    assert {f["path"] for f in data["findings"]} == {str(good)}


def test_a_named_pipe_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="a named pipe"):
        read_source(str(fifo), 1000)
    proc = run_cli("check", str(fifo))  # no writer: it would block for ever if opened
    assert proc.returncode == 2 and b"not a regular file (a named pipe)" in proc.stdout


def test_standard_input_has_the_file_size_limit(write, tmp_path):
    write("factlint.toml", "max-file-size = 200\n")
    proc = run_cli("check", "--format", "json", "-", stdin=(GOOD * 50).encode(), cwd=tmp_path)
    assert proc.returncode == 2
    data = json.loads(proc.stdout)
    assert data["errors"] == [{"path": "-", "message": "input is over the 200-byte limit (max-file-size)"}]
    small = run_cli("check", "-", stdin=GOOD.encode(), cwd=tmp_path)
    assert small.returncode == 0


def test_standard_input_of_zeros_stops_at_the_limit(write, tmp_path):
    write("factlint.toml", "max-file-size = 1000\n")
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run([sys.executable, "-m", "factlint", "check", "-"], stdin=zero,
                              capture_output=True, cwd=tmp_path, timeout=60)
    assert proc.returncode == 2 and b"limit" in proc.stdout
