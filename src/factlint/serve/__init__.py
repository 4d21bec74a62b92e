"""Where editors write: the session core shared by the page and the language server (session.py,
positions.py, edits.py) and the local page itself (app.py, languagetool.py, static/).

Nothing here is imported by `factlint check`: the web stack (Starlette, uvicorn) loads only in
app.py, which only `factlint serve` imports."""
