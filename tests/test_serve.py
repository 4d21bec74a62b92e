"""`factlint serve`: the JSON API, LanguageTool's /v2/check, and the guard (host, origin, size)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient

from factlint.serve.app import Settings, create_app
from factlint.serve.session import Session
from tests.conftest import ROOT, SEEDS, run_json

SEED = (SEEDS / "000_ccc7fe8cb40e4a84.txt").read_text(encoding="utf-8")
LOCAL = "http://127.0.0.1:8081"


@pytest.fixture
def client(tmp_path):
    app = create_app(Session(tmp_path), Settings(max_body=200_000, origins=("chrome-extension://abc",)))
    with TestClient(app, base_url=LOCAL) as c:
        yield c


def by_code(answer: dict) -> dict:
    return {f["code"]: f for f in answer["findings"]}


def test_page_and_its_assets_are_served_with_a_strict_policy(client):
    r = client.get("/")
    assert r.status_code == 200 and "<textarea id=\"draft\"" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/../session.py").status_code == 404


def test_check_gives_findings_at_character_offsets(client):
    r = client.post("/api/check", json={"text": SEED})
    assert r.status_code == 200
    answer = r.json()
    found = by_code(answer)
    for code, words in (("D101", "Thursday (6/12)"), ("W101", "Protestants"), ("W201", "reaped cons")):
        f = found[code]
        assert SEED[f["start"]:f["end"]] == words
        assert (f["start_utf16"], f["end_utf16"]) == (f["start"], f["end"])  # no astral characters
    d101 = found["D101"]
    assert d101["line"] == 1 and d101["severity"] == "error"
    assert [SEED[r["start"]:].startswith(w) for r, w in zip(d101["related"], ("Wednesday (5/1)", "Thursday (6/1)"), strict=True)] == [True, True]
    assert found["W101"]["suggestion"] == "protesters"
    assert "What it flags" in answer["rules"]["D101"]["explain"]
    assert answer["words"] > 400 and answer["elapsed_ms"] > 0 and answer["errors"] == []


def test_utf16_offsets_count_astral_characters_twice(client):
    text = "📰 " + SEED
    f = by_code(client.post("/api/check", json={"text": text}).json())["W101"]
    assert text[f["start"]:f["end"]] == "Protestants"
    assert f["start_utf16"] == f["start"] + 1
    assert text.encode("utf-16-le")[2 * f["start_utf16"]:2 * f["end_utf16"]].decode("utf-16-le") == "Protestants"


def test_options_published_source_and_format(client):
    draft = "Floods have hit nine provinces and displaced 12,000 people, the agency said.\n"
    source = "Floods have hit seven provinces and displaced 12,000 people, the agency said.\n"
    found = by_code(client.post("/api/check", json={"text": draft, "source": source,
                                                    "source_name": "wire.txt"}).json())
    assert "S301" in found and "wire.txt" in found["S301"]["message"]
    assert found["S301"]["related"][0]["path"] == "wire.txt"
    md = "---\ntitle: A\n---\n\nFloods hit *Thursday (6/12)*, and again on Wednesday (5/1) and Thursday (6/1).\n"
    f = by_code(client.post("/api/check", json={"text": md, "format": "markdown"}).json())["D101"]
    assert md[f["start"]:f["end"]] == "Thursday (6/12)"


@pytest.mark.parametrize("body, field", [
    ({}, "text"), ({"text": 3}, "text"), ({"text": "x", "published": "7 Jan"}, "published"),
    ({"text": "x", "format": "docx"}, "format"),
])
def test_bad_requests_are_one_line_errors_naming_the_field(client, body, field):
    r = client.post("/api/check", json=body)
    assert r.status_code == 400
    assert field in r.json()["error"] and "\n" not in r.json()["error"]


def test_not_json_is_refused(client):
    r = client.post("/api/check", content=b"text=hello", headers={"content-type": "application/json"})
    assert r.status_code == 400 and "JSON" in r.json()["error"]


def test_ignore_returns_the_draft_with_the_comment(client):
    r = client.post("/api/ignore", json={"text": SEED, "line": 16, "code": "W101"})
    assert r.status_code == 200
    text = r.json()["text"]
    assert "\n<!-- factlint-disable-next-line W101 -->\nMeanwhile, the military" in text
    edit = r.json()["edit"]
    assert SEED[:edit["start"]] + edit["text"] + SEED[edit["end"]:] == text
    codes = by_code(client.post("/api/check", json={"text": text}).json())
    assert "W101" not in codes and "D101" in codes
    assert client.post("/api/ignore", json={"text": SEED, "line": 0, "code": "W101"}).status_code == 400
    assert client.post("/api/ignore", json={"text": SEED, "line": 2, "code": "W1 -->"}).status_code == 400


# -- the guard ---------------------------------------------------------------------------------
def test_other_hosts_are_refused(client):
    r = client.post("/api/check", json={"text": SEED}, headers={"host": "attacker.example:8081"})
    assert r.status_code == 421


@pytest.mark.parametrize("origin, ok", [
    (LOCAL, True), ("http://localhost:8081", False), ("https://news.example", False), ("null", False),
    ("chrome-extension://abc", True), ("chrome-extension://other", False),
])
def test_browser_requests_from_other_origins_are_refused(client, origin, ok):
    r = client.post("/api/check", json={"text": "Hello."}, headers={"origin": origin})
    assert (r.status_code == 200) is ok, r.text
    if ok and origin != LOCAL:
        assert r.headers["access-control-allow-origin"] == origin


def test_cross_site_fetches_are_refused_even_without_origin(client):
    r = client.post("/api/check", json={"text": "Hello."}, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403


def test_bodies_over_the_limit_are_refused(client):
    r = client.post("/api/check", json={"text": "word " * 50_000})
    assert r.status_code == 413 and "200,000" in r.text

    def chunks():  # no Content-Length: the limit still holds
        for _ in range(30):
            yield b"x" * 10_000

    r = client.post("/api/check", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_text_comes_back_as_data_never_as_markup(client):
    text = "<script>alert(1)</script> Protesters marched. The Protestants <img src=x onerror=alert(2)> chanted at the protest.\n"
    r = client.post("/api/check", json={"text": text, "format": "text"})
    assert r.headers["content-type"].startswith("application/json")
    js = client.get("/static/app.js").text
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "document.write" not in js


# -- LanguageTool's API ------------------------------------------------------------------------
def test_v2_check_answers_as_languagetool_does(client):
    text = "🗞 " + SEED
    r = client.post("/v2/check", data={"text": text, "language": "en-US"})
    assert r.status_code == 200
    answer = r.json()
    assert answer["software"]["name"] == "factlint" and answer["language"]["code"] == "en-US"
    matches = {m["rule"]["id"]: m for m in answer["matches"]}
    units = text.encode("utf-16-le")
    for code, words in (("D101", "Thursday (6/12)"), ("W101", "Protestants")):
        m = matches[code]
        assert units[2 * m["offset"]:2 * (m["offset"] + m["length"])].decode("utf-16-le") == words
        ctx = m["context"]
        assert ctx["text"][ctx["offset"]:ctx["offset"] + ctx["length"]] == words
    w = matches["W101"]
    assert w["replacements"] == [{"value": "protesters"}]
    assert w["rule"]["category"]["id"] == "FACTLINT_WORDING" and w["rule"]["description"]
    assert w["message"].startswith("‘Protestants’")


def test_v2_check_reads_annotated_data_and_maps_offsets_back(client):
    data = {"annotation": [
        {"markup": "<p>", "interpretAs": ""}, {"text": "Troops arrived on Thursday (6/12), officials said."},
        {"markup": "</p><p>", "interpretAs": "\n\n"},
        {"text": "Talks began on Wednesday (5/1) and ended on Thursday (6/1), officials said."},
        {"markup": "</p>"},
    ]}
    original = "".join(a.get("text") or a.get("markup") for a in data["annotation"])
    r = client.post("/v2/check", data={"data": json.dumps(data), "language": "auto"})
    m = next(m for m in r.json()["matches"] if m["rule"]["id"] == "D101")
    assert original[m["offset"]:m["offset"] + m["length"]] == "Thursday (6/12)"


def test_v2_check_rules_languages_and_errors(client):
    ids = {m["rule"]["id"] for m in client.post("/v2/check", data={
        "text": SEED, "language": "en", "disabledRules": "W101,D101"}).json()["matches"]}
    assert "W101" not in ids and "D101" not in ids and "W201" in ids
    ids = {m["rule"]["id"] for m in client.post("/v2/check", data={
        "text": SEED, "language": "en-GB", "enabledRules": "D101", "enabledOnly": "true"}).json()["matches"]}
    assert ids == {"D101"}
    assert client.post("/v2/check", data={"text": SEED, "language": "de-DE"}).json()["matches"] == []
    assert client.post("/v2/check", data={"language": "en"}).status_code == 400
    r = client.post("/v2/check", data={"text": SEED, "disabledRules": "Q999"})
    assert r.status_code == 400 and "Q999" in r.text
    assert any(x["longCode"] == "en-US" for x in client.get("/v2/languages").json())


# -- the command, started as the README says -------------------------------------------------------
def start_server(*args: str, cwd=None) -> tuple[subprocess.Popen, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR",)}
    p = subprocess.Popen([sys.executable, "-m", "factlint", "serve", "--port", "0", *args],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd, env=env)
    line = p.stdout.readline()
    m = re.search(r"http://127\.0\.0\.1:\d+/", line)
    if not m:
        p.kill()
        raise AssertionError(f"no URL printed: {line!r} {p.stderr.read()!r}")
    return p, m.group(0)


def test_serve_command_answers_the_api_and_v2_check(tmp_path):
    (tmp_path / "factlint.toml").write_text('ignore = ["A"]\n')
    p, url = start_server(str(tmp_path))
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.post(url + "api/check", json={"text": SEED}, timeout=30)
                break
            except httpx.ConnectError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        codes = {f["code"] for f in r.json()["findings"]}
        assert "D101" in codes and not any(c.startswith("A") for c in codes)  # its config applies
        r = httpx.post(url + "v2/check", data={"text": SEED, "language": "en-US"}, timeout=30)
        assert "W101" in {m["rule"]["id"] for m in r.json()["matches"]}
        info = httpx.get(url + "api/info", timeout=30).json()
        assert info["config"] == str(tmp_path / "factlint.toml")
    finally:
        p.terminate()
        p.wait(timeout=30)


def test_serve_command_usage_errors_are_one_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("ignore = [\n")
    for args, word in (([ "--config", str(bad)], "bad.toml"), (["--source", str(tmp_path / "none.txt")], "none.txt")):
        p = subprocess.run([sys.executable, "-m", "factlint", "serve", "--port", "0", *args, str(tmp_path)],
                           capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert p.returncode == 2, p.stderr
        assert word in p.stderr and "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1


# -- the house dictionary --------------------------------------------------------------------------
VARIANT = ("Harbour master Ingrid Vasylchenko said the ferry had left on time.\n\n"
           "Vasylchenko told reporters the crew had radioed twice before midnight.\n\n"
           "Vasylchenko added that a second vessel was sent to help.\n\n"
           "The port authority backed Vasilchenko's account of the night.\n")


def test_house_dictionary_is_written_to_config_and_the_cli_honours_it(client, tmp_path):
    s101 = by_code(client.post("/api/check", json={"text": VARIANT}).json())["S101"]
    name = VARIANT[s101["start"]:s101["end"]]
    assert name == "Vasilchenko"
    r = client.post("/api/house-names", json={"name": name})
    assert r.json() == {"config": str(tmp_path / "factlint.toml"), "name": name, "added": True}
    assert "S101" not in by_code(client.post("/api/check", json={"text": VARIANT}).json())
    assert client.post("/api/house-names", json={"name": name}).json()["added"] is False
    assert (tmp_path / "factlint.toml").read_text().count("Vasilchenko") == 1
    story = tmp_path / "story.txt"
    story.write_text(VARIANT)
    _, out = run_json(str(story))
    assert "S101" not in [f["code"] for f in out["findings"]]
    assert client.post("/api/house-names", json={"name": "<b>x</b>"}).status_code == 400


def test_house_names_go_into_the_config_in_force_keeping_the_rest(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "desk"\n\n[tool.factlint]\n# our house rules\nignore = ["W4"]\n')
    with TestClient(create_app(Session(tmp_path)), base_url=LOCAL) as c:
        r = c.post("/api/house-names", json={"name": "Vasilchenko"})
    assert r.json()["config"] == str(pyproject)
    text = pyproject.read_text()
    assert '# our house rules\nignore = ["W4"]\nhouse-names = ["Vasilchenko"]\n' in text
    assert text.startswith('[project]\nname = "desk"\n')
