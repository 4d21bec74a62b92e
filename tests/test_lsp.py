"""`factlint lsp` driven by a real LSP client over stdio (pytest-lsp): diagnostics at the right
UTF-16 ranges, hover, code actions applied, config read again when it changes."""

from __future__ import annotations

import asyncio
import sys

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.conftest import SEEDS

SEED = (SEEDS / "000_ccc7fe8cb40e4a84.txt").read_text(encoding="utf-8")
# emoji before the article and on the line of a finding: positions differ between UTF-16, UTF-8
# and characters
TEXT = "🗞 Kazakhstan: the latest\n\n" + SEED.replace("Meanwhile, the military", "Meanwhile 🛬 the military")
SERVER = [sys.executable, "-m", "factlint", "lsp", "--debounce", "50"]


def utf16_position(text: str, offset: int) -> lsp.Position:
    """Position of a character offset, counted the way the protocol counts by default."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return lsp.Position(line, len(text[start:offset].encode("utf-16-le")) // 2)


def range_of(text: str, words: str, after: str = "") -> lsp.Range:
    i = text.index(words, text.index(after) if after else 0)
    return lsp.Range(utf16_position(text, i), utf16_position(text, i + len(words)))


def apply_edits(text: str, edits: list[lsp.TextEdit]) -> str:
    """Apply text edits given in UTF-16 positions, last first."""
    def offset(p: lsp.Position) -> int:
        lines = text.split("\n")
        start = sum(len(x) + 1 for x in lines[:p.line])
        units = lines[p.line].encode("utf-16-le")[:2 * p.character].decode("utf-16-le")
        return start + len(units)

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
    return text


async def diagnostics_for(client: LanguageClient, uri: str, until=lambda codes: True) -> list[lsp.Diagnostic]:
    """The server's diagnostics for a document, once they satisfy `until` (given their codes):
    a check after an edit comes a debounce later, so earlier notifications are passed over."""
    async def wait():
        while True:
            if uri in client.diagnostics and until({d.code for d in client.diagnostics[uri]}):
                return list(client.diagnostics[uri])
            await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    return await asyncio.wait_for(wait(), 60)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, tmp_path):
    lsp_client.registrations = []

    @lsp_client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def register(params: lsp.RegistrationParams) -> None:  # as VS Code does: accept, then notify
        lsp_client.registrations += params.registrations

    await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=tmp_path.as_uri()))
    yield
    await lsp_client.shutdown_session()


def open_doc(client: LanguageClient, path, text: str, language: str = "plaintext") -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        lsp.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return uri


def change_doc(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        [lsp.TextDocumentContentChangeWholeDocument(text=text)]))


@pytest.mark.asyncio
async def test_diagnostics_stand_at_the_right_utf16_ranges(client: LanguageClient, tmp_path):
    uri = open_doc(client, tmp_path / "seed.txt", TEXT)
    found = {d.code: d for d in await diagnostics_for(client, uri)}
    assert found["D101"].range == range_of(TEXT, "Thursday (6/12)")
    assert found["D101"].severity == lsp.DiagnosticSeverity.Error
    assert found["W101"].range == range_of(TEXT, "Protestants")
    assert found["W201"].range == range_of(TEXT, "reaped cons")
    assert found["W101"].source == "factlint"
    related = found["D101"].related_information
    assert [r.location.range.start for r in related] == [
        range_of(TEXT, "Wednesday (5/1)").start, range_of(TEXT, "Thursday (6/1)").start]


@pytest.mark.asyncio
async def test_hover_explains_the_rule(client: LanguageClient, tmp_path):
    uri = open_doc(client, tmp_path / "seed.txt", TEXT)
    await diagnostics_for(client, uri)
    at = range_of(TEXT, "Protestants")
    hover = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), lsp.Position(at.start.line, at.start.character + 3)))
    assert hover is not None and hover.range == at
    assert "W101" in hover.contents.value and "What it flags" in hover.contents.value
    assert "protesters" in hover.contents.value
    nothing = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), lsp.Position(0, 3)))
    assert nothing is None


@pytest.mark.asyncio
async def test_code_actions_apply_the_suggestion_and_ignore(client: LanguageClient, tmp_path):
    uri = open_doc(client, tmp_path / "seed.txt", TEXT)
    await diagnostics_for(client, uri)
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), range_of(TEXT, "Protestants"), lsp.CodeActionContext(diagnostics=[])))
    titles = [a.title for a in actions]
    assert "Replace ‘Protestants’ with ‘protesters’ (W101)" in titles and "Ignore W101 here (factlint comment)" in titles
    fix = next(a for a in actions if a.title.startswith("Replace"))
    text = apply_edits(TEXT, fix.edit.document_changes[0].edits)
    assert "occupied by protesters." in text
    change_doc(client, uri, 2, text)
    await diagnostics_for(client, uri, until=lambda codes: "W101" not in codes and "D101" in codes)

    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), range_of(text, "Thursday (6/12)"), lsp.CodeActionContext(diagnostics=[])))
    ignore = next(a for a in actions if a.title == "Ignore D101 here (factlint comment)")
    text = apply_edits(text, ignore.edit.document_changes[0].edits)
    assert "<!-- factlint-disable-next-line D101 -->\nRussia has sent troops" in text
    change_doc(client, uri, 3, text)
    await diagnostics_for(client, uri, until=lambda codes: "D101" not in codes and "W201" in codes)


@pytest.mark.asyncio
async def test_a_quick_fix_replaces_the_whole_span_and_keeps_what_is_right(client: LanguageClient, tmp_path):
    # the weekday is wrong and the date right: the fix replaces the pair and keeps the date
    text = "🌊 The inquiry opened on Sunday, April 9, 2022, in the district court.\n"
    uri = open_doc(client, tmp_path / "inquiry.txt", text)
    await diagnostics_for(client, uri, until=lambda codes: "D101" in codes)
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), range_of(text, "Sunday"), lsp.CodeActionContext(diagnostics=[])))
    fix = next(a for a in actions if a.title.startswith("Replace"))
    assert fix.title == "Replace ‘Sunday, April 9, 2022’ with ‘Saturday, April 9, 2022’ (D101)"
    fixed = apply_edits(text, fix.edit.document_changes[0].edits)
    assert fixed == text.replace("Sunday", "Saturday")
    change_doc(client, uri, 2, fixed)
    await diagnostics_for(client, uri, until=lambda codes: "D101" not in codes)


@pytest.mark.asyncio
async def test_config_is_read_again_when_it_changes(client: LanguageClient, tmp_path):
    (tmp_path / "desk").mkdir()
    uri = open_doc(client, tmp_path / "desk" / "seed.md", TEXT, "markdown")
    await diagnostics_for(client, uri, until=lambda codes: "D101" in codes)
    # the server asked to be told about config files (it also notices them when it checks)
    watched = [w["globPattern"] for r in client.registrations if r.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES
               for w in r.register_options["watchers"]]
    assert watched == ["**/factlint.toml", "**/pyproject.toml"]
    (tmp_path / "factlint.toml").write_text('ignore = ["D"]\n')
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams([lsp.FileEvent(
        (tmp_path / "factlint.toml").as_uri(), lsp.FileChangeType.Created)]))
    await diagnostics_for(client, uri, until=lambda codes: "D101" not in codes and "W101" in codes)
    # a client that does not watch files: the next check notices the change by itself
    (tmp_path / "factlint.toml").write_text('ignore = ["W"]\n')
    change_doc(client, uri, 2, TEXT + "\n")
    await diagnostics_for(client, uri, until=lambda codes: "D101" in codes and "W101" not in codes)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def utf8_client(lsp_client: LanguageClient, tmp_path):
    caps = client_capabilities("neovim")
    caps.general = lsp.GeneralClientCapabilities(position_encodings=[lsp.PositionEncodingKind.Utf8])
    result = await lsp_client.initialize_session(lsp.InitializeParams(capabilities=caps, root_uri=tmp_path.as_uri()))
    assert result.capabilities.position_encoding == lsp.PositionEncodingKind.Utf8
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_a_client_that_counts_in_utf8_gets_utf8_positions(utf8_client: LanguageClient, tmp_path):
    uri = open_doc(utf8_client, tmp_path / "seed.txt", TEXT)
    found = {d.code: d for d in await diagnostics_for(utf8_client, uri, until=lambda codes: "W101" in codes)}
    line = TEXT.split("\n")[found["W101"].range.start.line].encode("utf-8")
    r = found["W101"].range
    assert line[r.start.character:r.end.character].decode("utf-8") == "Protestants"
    assert r.start.character != range_of(TEXT, "Protestants").start.character  # not UTF-16


@pytest.mark.asyncio
async def test_a_name_goes_into_the_house_dictionary(client: LanguageClient, tmp_path):
    text = ("Harbour master Ingrid Vasylchenko said the ferry had left on time.\n\n"
            "Vasylchenko told reporters the crew had radioed twice before midnight.\n\n"
            "Vasylchenko added that a second vessel was sent to help.\n\n"
            "The port authority backed Vasilchenko's account of the night.\n")
    uri = open_doc(client, tmp_path / "ferry.txt", text)
    await diagnostics_for(client, uri, until=lambda codes: "S101" in codes)
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), range_of(text, "Vasilchenko"), lsp.CodeActionContext(diagnostics=[])))
    # the action carries the command factlint.addHouseName; lsprotocol's client side reads any
    # action with a "command" key as a bare Command and drops its arguments, so only the title is
    # checked here and the command is run as the action names it
    assert "Add ‘Vasilchenko’ to the house dictionary (factlint.toml)" in [a.title for a in actions]
    result = await client.workspace_execute_command_async(lsp.ExecuteCommandParams(
        "factlint.addHouseName", [uri, "Vasilchenko"]))
    assert result["added"] is True and result["config"] == str(tmp_path / "factlint.toml")
    assert 'house-names = ["Vasilchenko"]' in (tmp_path / "factlint.toml").read_text()
    await diagnostics_for(client, uri, until=lambda codes: "S101" not in codes)


def test_a_bad_config_is_one_line_and_exit_2(tmp_path):
    import subprocess

    bad = tmp_path / "factlint.toml"
    bad.write_text("ignore = [\n")
    p = subprocess.run([*SERVER, "--config", str(bad)], capture_output=True, text=True, timeout=60,
                       stdin=subprocess.DEVNULL)
    assert p.returncode == 2 and str(bad) in p.stderr and "Traceback" not in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1
