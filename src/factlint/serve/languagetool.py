"""LanguageTool's HTTP API (`POST /v2/check`), so the clients that speak it (the LanguageTool
browser extension, LibreOffice, LTeX) show factlint's findings: form fields `text` or `data`
(text with markup), `language`, `enabledRules`/`disabledRules`/`enabledOnly`; matches with
`offset` and `length` in UTF-16 code units, as LanguageTool counts them."""

from __future__ import annotations

import json

from .. import __version__
from ..registry import FAMILIES
from .positions import units as _units
from .session import Session, explain

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
    {"name": "English (New Zealand)", "code": "en", "longCode": "en-NZ"},
    {"name": "English (South African)", "code": "en", "longCode": "en-ZA"},
]
CONTEXT = 40  # characters of context either side of a match, as LanguageTool gives


class RequestError(ValueError):
    """A /v2/check request that cannot be answered (LanguageTool answers these with 400)."""


def _from_data(raw: str) -> tuple[str, list[tuple[int, int, int, bool]]]:
    """The text to check from LanguageTool's `data` (annotated text), and the pieces that map its
    positions back: (start in the checked text, start in the original, length, is text), all in
    UTF-16 units. Markup is read as its `interpretAs` (nothing by default), as LanguageTool does."""
    try:
        items = json.loads(raw)["annotation"]
        if not isinstance(items, list):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        raise RequestError("data must be JSON with an \"annotation\" list") from None
    parts, pieces, plain, orig = [], [], 0, 0
    for item in items:
        if not isinstance(item, dict):
            raise RequestError("each annotation must be an object with \"text\" or \"markup\"")
        if isinstance(item.get("text"), str):
            s = item["text"]
            pieces.append((plain, orig, _units(s), True))
            parts.append(s)
            plain += _units(s)
            orig += _units(s)
        elif isinstance(item.get("markup"), str):
            s = item.get("interpretAs") or ""
            if not isinstance(s, str):
                raise RequestError("interpretAs must be a string")
            pieces.append((plain, orig, _units(s), False))
            parts.append(s)
            plain += _units(s)
            orig += _units(item["markup"])
        else:
            raise RequestError("each annotation must have \"text\" or \"markup\"")
    return "".join(parts), pieces


def _to_original(pieces: list[tuple[int, int, int, bool]], units: int) -> int:
    for plain, orig, length, is_text in reversed(pieces):
        if units >= plain:
            return orig + min(units - plain, length) if is_text else orig
    return units


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(c.strip() for c in (value or "").split(",") if c.strip())


def check(session: Session, form: dict[str, str]) -> dict:
    """Answer one /v2/check request given its form fields."""
    language = form.get("language") or "auto"
    if "data" in form and form["data"]:
        text, pieces = _from_data(form["data"])
    elif "text" in form:
        text, pieces = form["text"], []
    else:
        raise RequestError("give the text to check in the form field text (or data)")
    english = language == "auto" or language.lower().split("-")[0] == "en"
    code = "en-US" if language == "auto" else language
    answer = {
        "software": {"name": "factlint", "version": __version__, "buildDate": None, "apiVersion": 1,
                     "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {"name": "English", "code": code,
                     "detectedLanguage": {"name": "English", "code": code, "confidence": 1.0}},
        "matches": [],
    }
    if not english:  # factlint reads English copy; other languages get no matches, not an error
        answer["language"]["name"] = language
        return answer
    ignore = _codes(form.get("disabledRules"))
    enabled = _codes(form.get("enabledRules"))
    select = enabled if enabled and form.get("enabledOnly") == "true" else None
    checked = session.check(text, select=select, ignore=ignore)
    if checked.errors:
        raise RequestError("; ".join(e.message for e in checked.errors))
    index = checked.index
    for f in checked.findings:
        start, end = checked.span(f)
        u0, u1 = index.utf16(start), index.utf16(end)
        c0, c1 = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
        rule = explain(f.code)
        family = FAMILIES.get(f.code[0], "factlint")
        if pieces:
            u0, u1 = _to_original(pieces, u0), _to_original(pieces, u1)
        answer["matches"].append({
            "message": f.message,
            "shortMessage": rule["summary"],
            "replacements": [{"value": f.suggestion}] if f.suggestion else [],
            "offset": u0,
            "length": max(u1 - u0, 0),
            "context": {"text": text[c0:c1], "offset": index.utf16(start) - index.utf16(c0),
                        "length": index.utf16(end) - index.utf16(start)},
            "sentence": f.excerpt,
            "type": {"typeName": "Other"},
            "rule": {"id": f.code, "description": rule["summary"] or f.name,
                     "issueType": "style" if str(f.severity) == "info" else "inconsistency",
                     "category": {"id": f"FACTLINT_{family.upper().replace(' ', '_')}",
                                  "name": f"factlint: {family}"}},
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        })
    return answer
