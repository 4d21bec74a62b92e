"""The cyclic collector is paused while a document lives, and a linted document leaves nothing
for it to collect: everything an analysis makes is freed by reference counting."""

import gc

from factlint import lint_text
from factlint.collector import paused

# our own article: figures, sources, dates, quotations, names, confusables (what every
# extractor and rule reads), so that each one's objects are made and dropped
ARTICLE = """Floods hit Varnholm

VARNHOLM, Tuesday 4 March 2025 — At least 31 people were killed and 112 injured when the Osle
river burst its banks, the regional governor, Marta Kellstrom, said on Tuesday.

"We have never seen water rise this fast," Kellstrom told reporters. Rescuers said 40 people
were still missing. Kelstrom said the army would be deployed in a bid to reach outlying farms.

Police arrested 12 men accused of looting; the 21 men arrested will appear in court on
Thursday, 6 March. Residents were pouring over the damage, which the mayor called unprecedented.
"""


def _factlint_made(obj: object) -> bool:
    """Is a piece of garbage factlint's: one of its objects, or a function, frame or method of
    its code? (A cycle always holds one of those; the rest, dicts, lists, cells, are anyone's.)"""
    if type(obj).__module__.partition(".")[0] == "factlint":
        return True
    code = getattr(obj, "__code__", None) or getattr(obj, "f_code", None)
    return code is not None and "factlint" in code.co_filename.replace("\\", "/").split("/")


def test_a_linted_document_leaves_no_reference_cycles():
    lint_text(ARTICLE)  # modules imported and caches filled by the first run
    gc.collect()
    # what an earlier test left running (a server's or a cluster's threads) may make garbage of
    # its own meanwhile: only what factlint made counts
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        lint_text(ARTICLE)
        gc.collect()
        ours = [repr(o)[:80] for o in gc.garbage if _factlint_made(o)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert ours == []


def test_the_engine_pauses_the_collector_only_while_it_lints():
    assert gc.isenabled()
    seen = []
    gc.callbacks.append(lambda phase, info: seen.append(phase))
    try:
        lint_text(ARTICLE * 30)  # enough new objects for many young collections
    finally:
        gc.callbacks.pop()
    # none while it lints (dozens otherwise); the one young collection its end may start finds
    # only what the run returns, the document being gone
    assert seen.count("start") <= 1
    assert gc.isenabled()


def test_pauses_nest_and_keep_a_callers_choice():
    with paused():
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()  # it was off before the pause: it stays off
    finally:
        gc.enable()
