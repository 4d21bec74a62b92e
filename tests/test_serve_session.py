"""The editor session shared by the page and the language server: positions, config discovery and
reloading, the suppression comment it inserts (honoured by the CLI afterwards)."""

from __future__ import annotations

import pytest

import factlint
from factlint.serve.edits import Edit, suppression_edit
from factlint.serve.positions import LineIndex
from factlint.serve.session import Session
from factlint.suppress import DIRECTIVE
from tests.conftest import SEEDS, run_json

SEED = (SEEDS / "000_ccc7fe8cb40e4a84.txt").read_text(encoding="utf-8")


def test_line_index_counts_characters_and_utf16_units():
    text = "ab\r\n😀cd\rxy\n"
    index = LineIndex(text)
    assert index.offset(1, 1) == 0
    assert text[index.offset(2, 2)] == "c"  # after the emoji: one character...
    assert index.utf16(index.offset(2, 2)) == 6  # ...but two UTF-16 units
    assert text[index.offset(3, 2)] == "y"  # a lone \r ends a line too
    assert index.offset(99, 1) == len(text)


def test_seed_findings_stand_on_their_words(tmp_path):
    checked = Session(tmp_path).check(SEED)
    words = {f.code: SEED[slice(*checked.span(f))] for f in checked.findings}
    assert words["D101"] == "Thursday (6/12)"
    assert words["W101"] == "Protestants"
    assert words["W201"] == "reaped cons"


def test_crlf_and_emoji_keep_the_editors_offsets(tmp_path):
    text = "🌧️ Storm update\r\n\r\n" + SEED.replace("\n", "\r\n")
    checked = Session(tmp_path).check(text)
    d101 = next(f for f in checked.findings if f.code == "D101")
    start, end = checked.span(d101)
    assert text[start:end] == "Thursday (6/12)"
    assert checked.index.utf16(start) == start + 1  # one astral character before it


def test_config_is_discovered_like_the_cli_and_reread_when_it_changes(tmp_path):
    (tmp_path / "factlint.toml").write_text('ignore = ["W101"]\n')
    (tmp_path / "desk").mkdir()
    session = Session(tmp_path / "desk")  # found by walking up, as `factlint check` finds it
    assert "W101" not in {f.code for f in session.check(SEED).findings}
    (tmp_path / "factlint.toml").write_text('ignore = ["W201", "A1"]\n')
    codes = {f.code for f in session.check(SEED).findings}
    assert "W101" in codes and "W201" not in codes and "A101" not in codes


def test_a_config_given_at_start_wins(tmp_path):
    (tmp_path / "factlint.toml").write_text('ignore = ["W101"]\n')
    other = tmp_path / "other.toml"
    other.write_text('ignore = ["D"]\n')
    codes = {f.code for f in Session(tmp_path, config_file=str(other)).check(SEED).findings}
    assert "W101" in codes and "D101" not in codes


def test_pasted_source_is_named_as_the_editor_named_it(tmp_path):
    session = Session(tmp_path)
    source = "Floods have hit seven provinces and displaced 12,000 people, the agency said.\n"
    draft = "Floods have hit nine provinces and displaced 12,000 people, the agency said.\n"
    checked = session.check(draft, source_texts=[("wire.txt", source)])
    s301 = [f for f in checked.findings if f.code == "S301"]
    assert s301 and "wire.txt" in s301[0].message
    assert "factlint-serve-" not in s301[0].message
    assert all("factlint-serve-" not in r.path for r in s301[0].related)
    # the same name with other words is read afresh, not from the engine's cache
    again = session.check(draft, source_texts=[("wire.txt", source.replace("seven", "nine"))])
    assert not [f for f in again.findings if f.code == "S301"]


@pytest.mark.parametrize("line, expected", [
    (1, "<!-- factlint-disable-next-line D101 -->\nRussia has sent troops"),
    (16, "in the city.\n<!-- factlint-disable-next-line D101 -->\nMeanwhile, the military"),
])
def test_ignore_above_a_paragraph_is_a_next_line_comment(line, expected):
    edit = suppression_edit(SEED, line, "D101")
    out = edit.apply(SEED)
    assert expected in out
    comment = out[edit.start:edit.start + len(edit.text)].strip()
    m = DIRECTIVE.match(comment[4:-3])
    assert m and m.group("kind") == "disable-next-line" and m.group("codes").split() == ["D101"]


def test_ignore_inside_a_wrapped_paragraph_keeps_the_paragraph_whole():
    text = ("Crowds of protesters filled the square on Sunday, and police said the\n"
            "group of Protestants shouted at the officers during the protest.\n")
    edit = suppression_edit(text, 2, "W101", "story.md")
    assert edit.text == " <!-- factlint-disable-line W101 -->"
    assert edit.apply(text).split("\n")[1].endswith("protest. <!-- factlint-disable-line W101 -->")


def test_a_second_ignore_joins_the_comment_already_there():
    first = suppression_edit(SEED, 7, "W201").apply(SEED)
    second = suppression_edit(first, 8, "A999")  # line 8 is the article's line 7 now
    assert second.apply(first).count("factlint-disable-next-line") == 1
    assert "<!-- factlint-disable-next-line W201 A999 -->" in second.apply(first)
    assert suppression_edit(first, 8, "W201") == Edit(second.start, second.start, "")


@pytest.mark.parametrize("name", ["story.txt", "story.md"])
def test_the_cli_honours_what_ignore_inserted(write, name):
    text = SEED
    for code, line in (("D101", 1), ("W101", 17)):  # the first comment moves line 16 to 17
        text = suppression_edit(text, line, code, name).apply(text)
    path = write(name, text)
    _, out = run_json("--extend-select", "X100", str(path))
    codes = [f["code"] for f in out["findings"]]
    assert "D101" not in codes and "W101" not in codes
    assert "X100" not in codes  # both comments suppress what they name
    assert "W201" in codes  # the others are still reported


def test_lint_text_agrees_with_the_session(tmp_path):
    ours = [(f.code, f.line, f.column) for f in Session(tmp_path).check(SEED).findings]
    theirs = [(f.code, f.line, f.column) for f in factlint.lint_text(SEED)]
    assert ours == theirs
