"""factlint's language server (pygls, over stdio): diagnostics on open and on change (debounced,
re-checked in this process), hover with the rule's explanation, code actions that apply a
suggestion, insert the suppression comment or add a name to the house dictionary. Positions are
counted in the encoding agreed with the client (UTF-16 unless it offers another); config is found
as the CLI finds it and read again when a config file changes."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..formats import EXTENSIONS
from ..model import Finding, Severity
from ..serve.edits import HouseNameError, add_house_name, suppression_edit
from ..serve.session import Checked, Session, explain, forget_config

ADD_HOUSE_NAME = "factlint.addHouseName"
SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
LANGUAGE_FORMATS = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}
NAME_CODES = ("S101", "S401")  # findings about a name's spelling: the house dictionary settles them
_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})

log = logging.getLogger(__name__)


class FactlintServer(LanguageServer):
    def __init__(self, config_file: str | None = None, debounce: float = 0.3) -> None:
        super().__init__("factlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.config_file = config_file
        self.debounce = debounce
        self.session = Session(os.getcwd(), config_file=config_file)
        self.results: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task] = {}

    # -- where a document stands ---------------------------------------------------------------
    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or "utf-16")

    def _path(self, doc) -> str:
        path = to_fs_path(doc.uri) if doc.uri.startswith("file:") else None
        return path or self.session.path_for(doc.filename or None)

    def _format(self, doc, path: str) -> str:
        if any(path.lower().endswith(ext) for ext in EXTENSIONS):
            return "auto"
        return LANGUAGE_FORMATS.get(doc.language_id or "", "auto")

    # -- checking ------------------------------------------------------------------------------
    def check(self, uri: str) -> Checked | None:
        """Check the document as the editor holds it now, publish its diagnostics, keep the result
        for hover and code actions. A config change found on the way re-checks the others."""
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return None
        path = self._path(doc)
        config_changed = self.session.refresh(path)
        checked = self.session.check(doc.source, path=path, fmt=self._format(doc, path))
        self.results[uri] = checked
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=doc.version, diagnostics=self.diagnostics(uri, checked)))
        for e in checked.errors:
            self.window_log_message(lsp.LogMessageParams(lsp.MessageType.Error, f"factlint: {e}"))
        if config_changed and len(self.results) > 1:
            self.recheck_all(except_uri=uri)
        return checked

    def schedule(self, uri: str, delay: float) -> None:
        """Check after `delay` seconds of quiet: typing does not start a check per keystroke."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._later(uri, delay))

    async def _later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        self.pending.pop(uri, None)
        self.check(uri)

    def recheck_all(self, except_uri: str | None = None) -> None:
        for uri in list(self.results):
            if uri != except_uri:
                self.schedule(uri, 0)

    def current(self, uri: str) -> Checked | None:
        """The findings for the text the editor holds now (checked again if it changed since)."""
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return None
        checked = self.results.get(uri)
        if checked is None or checked.text != doc.source:
            checked = self.check(uri)
        return checked

    # -- turning findings into the protocol's types --------------------------------------------
    def range_of(self, checked: Checked, start: int, end: int) -> lsp.Range:
        a = checked.index.position(start, self.encoding)
        b = checked.index.position(end, self.encoding)
        return lsp.Range(lsp.Position(*a), lsp.Position(*b))

    def finding_range(self, checked: Checked, f: Finding) -> lsp.Range:
        return self.range_of(checked, *checked.span(f))

    def diagnostics(self, uri: str, checked: Checked) -> list[lsp.Diagnostic]:
        out = []
        for f in checked.findings:
            related = []
            for r in f.related:
                if r.path == f.path:
                    at = checked.index.offset(r.line, r.column)
                    related.append(lsp.DiagnosticRelatedInformation(
                        lsp.Location(uri, self.range_of(checked, at, at)), r.message))
                elif os.path.isabs(r.path):
                    pos = lsp.Position(max(r.line - 1, 0), max(r.column - 1, 0))
                    related.append(lsp.DiagnosticRelatedInformation(
                        lsp.Location(from_fs_path(r.path) or r.path, lsp.Range(pos, pos)), r.message))
            out.append(lsp.Diagnostic(
                range=self.finding_range(checked, f), message=f.message, severity=SEVERITY[f.severity],
                code=f.code, source="factlint", related_information=related or None,
                data={"name": f.name, "suggestion": f.suggestion}))
        return out

    def at_range(self, checked: Checked, rng: lsp.Range) -> list[Finding]:
        index = checked.index
        a = index.from_position(rng.start.line, rng.start.character, self.encoding)
        b = index.from_position(rng.end.line, rng.end.character, self.encoding)
        out = []
        for f in checked.findings:
            s, e = checked.span(f)
            if s <= b and a <= e:
                out.append(f)
        return out

    def hover(self, uri: str, position: lsp.Position) -> lsp.Hover | None:
        checked = self.current(uri)
        if checked is None:
            return None
        found = self.at_range(checked, lsp.Range(position, position))
        if not found:
            return None
        f = min(found, key=lambda f: (lambda s, e: e - s)(*checked.span(f)))
        rule = explain(f.code)
        parts = [f"**{f.code} {f.name}** ({f.severity})", f.message.translate(_MARKDOWN_SPECIAL)]
        if f.suggestion:
            parts.append(f"Suggestion: {f.suggestion.translate(_MARKDOWN_SPECIAL)}")
        if rule["explain"]:
            parts += ["---", rule["explain"]]
        return lsp.Hover(contents=lsp.MarkupContent(lsp.MarkupKind.Markdown, "\n\n".join(parts)),
                         range=self.finding_range(checked, f))

    def code_actions(self, uri: str, rng: lsp.Range) -> list[lsp.CodeAction]:
        checked = self.current(uri)
        doc = self.workspace.text_documents.get(uri)
        if checked is None or doc is None:
            return []
        path = self._path(doc)
        out = []
        diagnostics = {(d.code, d.range.start.line, d.range.start.character): d
                       for d in self.diagnostics(uri, checked)}
        for f in self.at_range(checked, rng):
            rng_f = self.finding_range(checked, f)
            diag = diagnostics.get((f.code, rng_f.start.line, rng_f.start.character))
            tied = [diag] if diag else None
            if f.suggestion:  # the title says what goes, so the editor sees what the fix replaces
                flagged = checked.text[slice(*checked.span(f))]
                out.append(lsp.CodeAction(
                    title=f"Replace ‘{flagged}’ with ‘{f.suggestion}’ ({f.code})", kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=tied, is_preferred=True,
                    edit=self.workspace_edit(doc, [lsp.TextEdit(rng_f, f.suggestion)])))
            e = suppression_edit(checked.text, f.line, f.code, path, self._format(doc, path))
            if e.text:
                out.append(lsp.CodeAction(
                    title=f"Ignore {f.code} here (factlint comment)", kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=tied,
                    edit=self.workspace_edit(doc, [lsp.TextEdit(self.range_of(checked, e.start, e.end), e.text)])))
            if f.code in NAME_CODES:
                name = checked.text[slice(*checked.span(f))]
                target = self.session.config_target(path)
                out.append(lsp.CodeAction(
                    title=f"Add ‘{name}’ to the house dictionary ({target.name})",
                    kind=lsp.CodeActionKind.QuickFix, diagnostics=tied,
                    command=lsp.Command(title=f"Add ‘{name}’ to the house dictionary", command=ADD_HOUSE_NAME,
                                        arguments=[uri, name])))
        return out

    def workspace_edit(self, doc, edits: list[lsp.TextEdit]) -> lsp.WorkspaceEdit:
        # versioned, so a client applies it only to the text it was computed for
        return lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(
            lsp.OptionalVersionedTextDocumentIdentifier(doc.uri, doc.version), edits)])

    def add_house_name(self, uri: str, name: str) -> dict:
        doc = self.workspace.text_documents.get(uri)
        path = self._path(doc) if doc is not None else self.session.path_for()
        target = self.session.config_target(path)
        try:
            added = add_house_name(Path(target), name)
        except HouseNameError as exc:
            self.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Error, f"factlint: {exc}"))
            return {"error": str(exc)}
        forget_config()
        self.recheck_all()
        return {"config": str(target), "name": name, "added": added}


def build(config_file: str | None = None, debounce: float = 0.3) -> FactlintServer:
    """The server with its features registered (one per `factlint lsp` process)."""
    server = FactlintServer(config_file, debounce)

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: FactlintServer, params: lsp.InitializeParams) -> None:
        opts = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        root = params.root_uri and to_fs_path(params.root_uri)
        folders = params.workspace_folders or []
        if not root and folders:
            root = to_fs_path(folders[0].uri)
        published = opts.get("published")
        try:
            published = dt.date.fromisoformat(published) if isinstance(published, str) else None
        except ValueError:
            published = None
        codes = lambda key: tuple(opts[key]) if isinstance(opts.get(key), list) else None  # noqa: E731
        config = opts.get("config") if isinstance(opts.get("config"), str) else ls.config_file
        ls.session = Session(root if root and os.path.isdir(root) else os.getcwd(), config_file=config,
                             published=published, select=codes("select"), ignore=codes("ignore"))
        if isinstance(opts.get("debounce_ms"), int) and opts["debounce_ms"] >= 0:
            ls.debounce = opts["debounce_ms"] / 1000

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: FactlintServer, params: lsp.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watched = caps and caps.did_change_watched_files
        if watched and watched.dynamic_registration:
            watchers = [lsp.FileSystemWatcher(glob_pattern=f"**/{n}") for n in ("factlint.toml", "pyproject.toml")]
            try:
                await ls.client_register_capability_async(lsp.RegistrationParams([lsp.Registration(
                    "factlint-config", lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    lsp.DidChangeWatchedFilesRegistrationOptions(watchers))]))
            except Exception as exc:  # a client may refuse; the per-check stat still notices changes
                log.info("config watch not registered: %s", exc)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FactlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.results.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: FactlintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        forget_config()
        ls.recheck_all()

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: FactlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        return ls.hover(params.text_document.uri, params.position)

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    def code_action(ls: FactlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.code_actions(params.text_document.uri, params.range)

    @server.command(ADD_HOUSE_NAME)
    def add_name(ls: FactlintServer, uri: str, name: str) -> dict:
        return ls.add_house_name(uri, name)

    return server
