"""The local page and its JSON API (Starlette): check a draft, ignore a finding, add a name to
the house dictionary, and LanguageTool's /v2/check for the extensions that speak it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from urllib.parse import parse_qs, urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__
from . import languagetool
from .edits import HouseNameError, add_house_name, suppression_edit
from .positions import LineIndex
from .session import Checked, Session, explain

FORMATS = ("auto", "text", "markdown", "html")
LOOPBACK = ("127.0.0.1", "localhost", "[::1]", "::1")
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     b"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


@dataclass(frozen=True)
class Settings:
    """What `factlint serve` was started with, beyond the session's options."""

    max_body: int = 5_000_000
    hosts: tuple[str, ...] = LOOPBACK  # the Host names the page answers to (not the port)
    origins: tuple[str, ...] = ()  # other origins allowed, e.g. a browser extension's


class BadRequest(ValueError):
    """A request the API cannot take: answered 400 with a one-line message naming the field."""


# -- the guard: host, origin, body size, headers -------------------------------------------------
class Guard:
    """Refuses what a local page must not take: a Host that is not this machine's (DNS
    rebinding), a browser request from another site's page (Origin), a body over the size limit;
    and puts the security headers on every answer."""

    def __init__(self, app, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        problem = self._refusal(scope, headers)
        if problem:
            return await _plain(send, *problem)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.settings.max_body:
            return await _plain(send, 413, f"the text is over the size limit ({self.settings.max_body:,} bytes)")
        body, more = b"", True
        while more:  # read it all first, so a chunked body cannot go over the limit either
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.settings.max_body:
                return await _plain(send, 413, f"the text is over the size limit ({self.settings.max_body:,} bytes)")
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        origin = headers.get("origin")

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                extra = list(SECURITY_HEADERS)
                if origin and origin in self.settings.origins:
                    extra += [(b"access-control-allow-origin", origin.encode("latin-1")), (b"vary", b"Origin")]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        if scope["method"] == "OPTIONS" and origin:  # a preflight from an allowed origin
            return await _plain(send_with_headers, 204, "", [
                (b"access-control-allow-methods", b"GET, POST"),
                (b"access-control-allow-headers", b"content-type")])
        await self.app(scope, replay, send_with_headers)

    def _refusal(self, scope, headers: dict[str, str]) -> tuple[int, str] | None:
        host = headers.get("host", "")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name.lower() not in self.settings.hosts:
            return 421, f"factlint serve answers only as {', '.join(self.settings.hosts[:2])}, not {host!r}"
        origin = headers.get("origin")
        if origin is not None and origin not in self.settings.origins:
            parts = urlsplit(origin)
            if parts.scheme != "http" or parts.netloc.lower() != host.lower():
                return 403, f"requests from {origin} are refused (start with --allow-origin {origin} to allow them)"
        if headers.get("sec-fetch-site") == "cross-site" and origin not in self.settings.origins:
            return 403, "cross-site requests are refused"
        return None


async def _plain(send, status: int, text: str, headers: Iterable[tuple[bytes, bytes]] = ()) -> None:
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS, *headers]})
    await send({"type": "http.response.body", "body": body})


# -- reading requests ----------------------------------------------------------------------------
async def _json(request: Request) -> dict:
    try:
        data = json.loads(await request.body() or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("the request body is not JSON") from None
    if not isinstance(data, dict):
        raise BadRequest("the request body must be a JSON object")
    return data


def _str(data: dict, key: str, default: str | None = None, *, required: bool = False) -> str | None:
    v = data.get(key, default)
    if v is None and not required:
        return None
    if not isinstance(v, str):
        raise BadRequest(f"{key} must be a string")
    return v


def _published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"published: {value!r} is not a date in YYYY-MM-DD form") from None


def _format(value: str | None) -> str:
    fmt = value or "auto"
    if fmt not in FORMATS:
        raise BadRequest(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return fmt


# -- answers -------------------------------------------------------------------------------------
def findings_json(checked: Checked) -> dict:
    """The API's answer: findings as the CLI's JSON gives them, plus where each one stands in the
    posted text (character offsets, and UTF-16 offsets for JavaScript), and each rule's
    documentation once."""
    out, rules = [], {}
    for f in checked.findings:
        d = f.as_dict()
        d.pop("path")
        start, end = checked.span(f)
        d.update(start=start, end=end, start_utf16=checked.index.utf16(start),
                 end_utf16=checked.index.utf16(end))
        for r, rd in zip(f.related, d["related"], strict=True):
            if r.path == f.path:  # a place in the same text: where to jump to
                at = checked.index.offset(r.line, r.column)
                rd.update(start=at, start_utf16=checked.index.utf16(at))
            else:
                rd["path"] = r.path
        d["related"] = [{k: v for k, v in rd.items() if not (k == "path" and v == f.path)} for rd in d["related"]]
        out.append(d)
        if f.code not in rules:
            rules[f.code] = explain(f.code)
    return {"version": 1, "findings": out, "rules": rules,
            "errors": [{"path": e.path, "message": e.message} for e in checked.errors],
            "words": checked.words, "elapsed_ms": round(checked.elapsed_ms, 1)}


def create_app(session: Session, settings: Settings | None = None) -> Guard:
    """The ASGI application `factlint serve` runs (wrapped in its guard)."""
    settings = settings or Settings()
    page = resources.files("factlint.serve").joinpath("static", "index.html").read_text(encoding="utf-8")

    def check_request(data: dict) -> Checked:
        text = _str(data, "text", required=True)
        fmt = _format(_str(data, "format"))
        path = session.path_for(_str(data, "filename"))
        source = _str(data, "source")
        sources = [(_str(data, "source_name") or "source copy", source)] if source and source.strip() else []
        return session.check(text, path=path, fmt=fmt, published=_published(_str(data, "published")),
                             source_texts=sources)

    async def index(request: Request) -> Response:
        return HTMLResponse(page)

    async def info(request: Request) -> Response:
        config = session.config_path()
        return JSONResponse({"version": __version__, "directory": str(session.directory), "config": config,
                             "house_dictionary": str(session.config_target()),
                             "sources": list(session.sources),
                             "published": session.published.isoformat() if session.published else None,
                             "max_body": settings.max_body})

    async def api_check(request: Request) -> Response:
        return JSONResponse(findings_json(check_request(await _json(request))))

    async def api_ignore(request: Request) -> Response:
        data = await _json(request)
        text = _str(data, "text", required=True)
        code = _str(data, "code", required=True).strip().upper()
        line = data.get("line")
        if not isinstance(line, int) or isinstance(line, bool) or line < 1:
            raise BadRequest("line must be a line number (1 or more)")
        if not code or not code.isalnum():
            raise BadRequest("code must be a rule code such as D101")
        edit = suppression_edit(text, line, code, session.path_for(_str(data, "filename")),
                                _format(_str(data, "format")))
        index = LineIndex(text)
        return JSONResponse({"text": edit.apply(text), "edit": {
            "start": edit.start, "end": edit.end, "text": edit.text,
            "start_utf16": index.utf16(edit.start), "end_utf16": index.utf16(edit.end)}})

    async def api_house_names(request: Request) -> Response:
        data = await _json(request)
        name = _str(data, "name", required=True)
        target = session.config_target(session.path_for(_str(data, "filename")))
        try:
            added = add_house_name(target, name)
        except HouseNameError as exc:
            raise BadRequest(str(exc)) from None
        session.refresh(session.path_for(_str(data, "filename")))
        return JSONResponse({"config": str(target), "name": " ".join(name.split()), "added": added})

    async def lt_check(request: Request) -> Response:
        try:
            form = parse_qs((await request.body()).decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            raise BadRequest("the form is not UTF-8") from None
        form.update({k: [v] for k, v in request.query_params.items() if k not in form})
        try:
            return JSONResponse(languagetool.check(session, {k: v[-1] for k, v in form.items()}))
        except languagetool.RequestError as exc:
            return Response(f"Error: {exc}", status_code=400, media_type="text/plain")

    async def lt_languages(request: Request) -> Response:
        return JSONResponse(languagetool.LANGUAGES)

    async def bad_request(request: Request, exc: BadRequest) -> Response:
        return JSONResponse({"error": str(exc)}, status_code=400)

    app = Starlette(routes=[
        Route("/", index),
        Route("/api/info", info),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/api/ignore", api_ignore, methods=["POST"]),
        Route("/api/house-names", api_house_names, methods=["POST"]),
        Route("/v2/check", lt_check, methods=["POST"]),
        Route("/v2/languages", lt_languages),
        Mount("/static", StaticFiles(packages=[("factlint.serve", "static")]), name="static"),
    ], exception_handlers={BadRequest: bad_request})
    return Guard(app, settings)

