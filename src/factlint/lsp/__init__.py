"""`factlint lsp`: a language server for code editors (server.py). pygls loads only here, and
only `factlint lsp` imports this package."""
