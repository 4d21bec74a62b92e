"""Rule packs: every entry's examples (flag and ok), the pack engine, and bad packs."""

from __future__ import annotations

import pytest

from factlint import lint_text
from factlint.packs import PackError, all_packs, builtin_pack_files, inflect, load_pack
from tests.conftest import run_cli, run_json

MIN_ENTRIES = {"confusables": 150, "idioms": 40, "loaded-language": 80, "attribution-verbs": 8}


def _entries():
    for pack in all_packs():
        if not pack.builtin:
            continue
        for e in pack.entries:
            yield pytest.param(pack, e, id=f"{pack.name}:{e.id}")


def _entry_hits(pack, entry, text):
    return [f for f in lint_text(text, select=[pack.code]) if f"[{entry.id}]" in f.message]


@pytest.mark.parametrize(("pack", "entry"), list(_entries()))
def test_entry_flags_its_example_and_not_its_clean_one(pack, entry):
    flag, ok = entry.examples.get("flag", []), entry.examples.get("ok", [])
    assert flag and ok, f"{pack.name}:{entry.id} needs a flag and an ok example"
    for text in flag:
        assert _entry_hits(pack, entry, text), f"{pack.name}:{entry.id} did not flag {text!r}"
    for text in ok:
        assert not _entry_hits(pack, entry, text), f"{pack.name}:{entry.id} flagged clean {text!r}"


def test_builtin_packs_are_big_enough():
    sizes = {p.name: len(p.entries) for p in all_packs() if p.builtin}
    for name, least in MIN_ENTRIES.items():
        assert sizes.get(name, 0) >= least, f"{name} has {sizes.get(name, 0)} entries, wants {least}"


def test_each_pack_names_its_source_and_licence():
    for path in builtin_pack_files():
        pack = load_pack(path, builtin=True)
        assert pack.source and pack.licence, f"{path.name} must name its source and licence"


def test_suggestion_keeps_the_inflection_and_case():
    f = lint_text("Officials Reigned In spending. Staff were pouring over the documents.", select=["W101"])
    assert [x.suggestion for x in f] == ["Reined In", "poring over"]


def test_protestants_only_in_a_protest_story():
    protest = "Riot police fired tear gas as protesters marched. Later, Protestants occupied the airport."
    church = "Protestants and Catholics marched together after the church service."
    assert [x.code for x in lint_text(protest, select=["W101"])] == ["W101"]
    assert lint_text(church, select=["W101"]) == []


def test_protestants_judged_in_their_own_paragraph():
    """Issue 15: the prime minister in the same sentence, or a church, a mass or a nationalist
    party three paragraphs later, does not silence a protest story."""
    story = ("Riot police dispersed hundreds of Protestants who had blocked the road to the prime "
             "minister's office.\n\nThe opposition said the rally would go on.\n\n"
             "Traffic was diverted for hours.\n\n"
             "A mass was said at the cathedral on Sunday, and the nationalist party met in the "
             "church hall.\n")
    found = lint_text(story, select=["W101"])
    assert [(f.line, f.suggestion) for f in found] == [(1, "protesters")]
    religious = "Protestants gathered at the church to protest against its closure, and police watched.\n"
    assert lint_text(religious, select=["W101"]) == []


def test_protestants_in_a_paragraph_after_a_colon_or_a_quotation():
    """A blog or a translated quotation set after `... as the photographers showed:` is still
    read: `Protestants` for protesters is the translator's slip wherever it stands."""
    story = ("Police cleared the square, as the photographers showed:\n\n"
             "The arrest of some 300 Protestants led to protests in other cities.\n")
    assert [f.suggestion for f in lint_text(story, select=["W101"])] == ["protesters"]
    quoted = "“Police beat the Protestants at the barricade,” one marcher said of the protest.\n"
    assert [f.suggestion for f in lint_text(quoted, select=["W101"])] == ["protesters"]
    chapel = "“The Protestants of the chapel marched in protest,” the pastor said.\n"
    assert lint_text(chapel, select=["W101"]) == []


def test_quotations_are_left_alone():
    """A speaker's choice of words is theirs (`flaunted the rules`); but a homophone's spelling
    (`reigned in`, `their`/`there`) is the writer's, so those entries read quotations too."""
    assert lint_text('“Bars flaunted the rules,” the minister said.', select=["W101"]) == []
    spelled = lint_text('“We reigned in spending and said their were no cuts,” the minister said.', select=["W101"])
    assert [f.suggestion for f in spelled] == ["reined in", "there"]


def test_inflection():
    assert inflect("reign in", "verb") == ["reign in", "reigns in", "reigned in", "reigning in"]
    assert inflect("pore over", "verb") == ["pore over", "pores over", "pored over", "poring over"]
    assert inflect("hoard", "noun") == ["hoard", "hoards"]


BAD = [
    ("[pack]\nname='x'\n", "code is required"),
    ("[pack]\nname='x'\ncode='W9'\nrule='x'\n", "not a letter and three digits"),
    ("[pack]\nname='x'\ncode='W901'\nrule='x'\n[[entry]]\nid='a'\npatern='b'\nmessage='m'\n", "unknown key 'patern' (did you mean 'pattern'?)"),
    ("[pack]\nname='x'\ncode='W901'\nrule='x'\n[[entry]]\nid='a'\nregex='(unclosed'\nmessage='m'\n", "bad regex"),
    ("[pack]\nname='x'\ncode='W901'\nrule='x'\n[[entry]]\nid='a'\npattern='b'\n", "message is required"),
    ("[pack]\nname='x'\ncode='W901'\nrule='x'\nkind='substitution'\n[[entry]]\nid='a'\npattern='b'\nmessage='m'\n", "needs a suggestion"),
    ("[pack]\nname='x'\ncode='W901'\nrule='x'\n[[entry]]\nid='a'\npattern='b'\nmessage='m'\n\n[[entry]]\nid='a'\npattern='c'\nmessage='m'\n", ":11: entry 'a': id used twice"),
    ("[pack\n", "malformed TOML"),
]


@pytest.mark.parametrize(("body", "words"), BAD, ids=[w for _, w in BAD])
def test_malformed_packs_are_clear_errors(tmp_path, body, words):
    p = tmp_path / "house.toml"
    p.write_text(body)
    with pytest.raises(PackError) as exc:
        load_pack(p)
    assert str(p) in str(exc.value) and words in str(exc.value)


HOUSE = """[pack]
name = "house-style"
code = "W901"
rule = "house-style"
severity = "info"
source = "our desk"
licence = "internal"
description = "House terms."

[[entry]]
id = "email"
pattern = "email"
suggestion = "e-mail"
message = "house style is e-mail"

[[entry]]
id = "slow-regex"
regex = "(.*a){20}x"
message = "catastrophic"
"""


def test_user_pack_from_config_and_entry_switch_off(tmp_path, write):
    write("packs/house.toml", HOUSE)
    write("factlint.toml", 'packs = ["packs/house.toml"]\n')
    art = write("a.txt", "Send an email to the desk.\n")
    code, data = run_json(str(art))
    assert [(f["code"], f["suggestion"]) for f in data["findings"]] == [("W901", "e-mail")]
    write("factlint.toml", 'packs = ["packs/house.toml"]\ndisable-entries = ["house-style:email"]\n')
    code, data = run_json(str(art))
    assert data["findings"] == []


def test_user_pack_regex_times_out_as_a_file_error(tmp_path, write):
    write("packs/house.toml", HOUSE)
    write("factlint.toml", 'packs = ["packs/house.toml"]\n')
    art = write("a.txt", "a" * 300 + "\n")
    code, data = run_json(str(art))
    assert code == 2 and "TimeoutError" in data["errors"][0]["message"]


def test_disable_a_builtin_pack(write, tmp_path):
    write("factlint.toml", 'disable-packs = ["confusables"]\n')
    art = write("a.txt", "The coach was given free reign over transfers.\n")
    _, data = run_json(str(art))
    assert data["findings"] == []


def test_packs_command_lists_and_validates(tmp_path):
    out = run_cli("packs").stdout.decode()
    assert "W101  confusables" in out
    good = tmp_path / "house.toml"
    good.write_text(HOUSE)
    proc = run_cli("packs", "--validate", str(good))
    assert proc.returncode == 0 and b"2 entries" in proc.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text("[pack]\nname='x'\n")
    proc = run_cli("packs", "--validate", str(bad))
    assert proc.returncode == 2 and b"code is required" in proc.stderr


@pytest.mark.parametrize(("pattern", "needs"), [
    (r"(?<=\w\s)everyday(?=[.,;:!?])", {"everyday"}),
    (r"(?:he|she) (?:claimed|admitted)(?=[.,;])", {" claimed", " admitted"}),  # the longer set
    (r"(?P<x>abc)?define", {"define"}),  # an optional group is not required
    (r"ab?cd", None),  # `a` and `cd` are required, both too short to filter on
    (r"(?:fire|flood)s? (?:hit|struck)", {"fire", "flood"}),
    (r"(.*a){20}x", None),
    (r"[A-Z]\w+", None),
])
def test_required_literals(pattern, needs):
    from factlint.prefilter import required_literals

    found = required_literals(pattern)
    assert (set(found) if found is not None else None) == needs


def test_a_regex_entry_still_matches_whatever_the_case(tmp_path):
    """The substring test that skips a shipped pack's regex on articles without its words is
    case-blind, as the regex is."""
    from factlint.analysis import parse

    path = tmp_path / "house.toml"
    path.write_text(HOUSE.replace('regex = "(.*a){20}x"', 'regex = "(?<=\\\\s)TOTALLY(?= unique)"'))
    pack = load_pack(path, builtin=True)
    assert pack.matcher.regex_needs == {"totally"}
    hits = list(pack.matcher.run(parse("The plan was totally unique.")))
    assert [h.message for h in hits] == ["catastrophic [slow-regex]"]
    assert list(pack.matcher.run(parse("The plan was unique."))) == []


def test_a_user_regex_is_checked_by_the_engine_that_runs_it(tmp_path):
    """User patterns run on the `regex` module (with a time-out): one it rejects is a pack
    error when the pack loads, and `re`'s reading of it never filters it out."""
    path = tmp_path / "house.toml"
    path.write_text(HOUSE.replace('regex = "(.*a){20}x"', 'regex = "[[a-z]"'))
    with pytest.raises(PackError, match="bad regex"):
        load_pack(path)
    path.write_text(HOUSE.replace('regex = "(.*a){20}x"', 'regex = "(?:colour){e<=1}"'))
    pack = load_pack(path)
    assert pack.matcher.regex_needs is None


# -- neighbour conditions and word classes -------------------------------------------------------
NEIGHBOURS = """[pack]
name = "grammar-test"
code = "W902"
rule = "grammar-test"
source = "tests"
licence = "MIT"

[[entry]]
id = "modal-loose"
pattern = "loose"
message = "m"
after = ["@modal @adverb?"]
not_before = ["ends"]

[[entry]]
id = "plural-sited"
pattern = "sited"
message = "m"
after = ["@plural"]

[[entry]]
id = "marked-lose"
pattern = "lose"
message = "m"
quoted = true
after = ['@article "?']
before = ['"? ends']
"""


def _hits(tmp_path, body, text):
    from factlint.analysis import parse

    path = tmp_path / "grammar.toml"
    path.write_text(body)
    pack = load_pack(path, builtin=True)
    return [h.entry for h in pack.matcher.run(parse(text))]


@pytest.mark.parametrize(("text", "hits"), [
    ("The farmers could loose everything.", 1),
    ("The farmers could easily loose everything.", 1),  # an optional adverb between
    ("The farmers could, loose as ever, stay.", 0),  # a comma ends the context
    ("The farmers could easily, loose as ever, stay.", 0),
    ("The bolts were loose.", 0),  # no modal before
    ("The farmers could loose ends.", 0),  # the veto after the match
    ("The farmers could [easily] loose everything.", 1),  # an editor's brackets join
    ("The farmers could (easily) loose everything.", 0),  # an aside does not
    ("Reasons sited for the delay vary.", 1),  # a capital that opens a sentence: the common word
    ("Our Reasons sited for the delay vary.", 0),  # a capital mid-sentence: a name
    ("Zarquons sited for the delay vary.", 0),  # no common word to read: a name
    ('Police tied the "lose" ends.', 1),  # a quotation mark between words: they still join it
    ("Police tied the lose ends.", 1),  # the mark is optional
    ('Police tied the, "lose" ends.', 0),  # but a comma before it breaks the clause
])
def test_neighbour_sequences_with_classes(tmp_path, text, hits):
    assert len(_hits(tmp_path, NEIGHBOURS, text)) == hits


def test_an_unknown_word_class_is_a_pack_error_on_its_line(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(NEIGHBOURS.replace("@modal @adverb?", "@modals"))
    with pytest.raises(PackError, match=r"bad.toml:9: entry 'modal-loose': after: unknown word class '@modals'"):
        load_pack(path)


def test_a_sequence_of_optional_words_alone_is_a_pack_error(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(NEIGHBOURS.replace("@modal @adverb?", "@modal?"))
    with pytest.raises(PackError, match="at least one word test that is not optional"):
        load_pack(path)


@pytest.mark.parametrize(("cls", "word", "surface", "expected"), [
    ("noun", "decision", "decision", True),
    ("noun", "ready", "ready", False),  # an adjective
    ("noun", "hiring", "hiring", False),  # an -ing form
    ("noun", "paris", "Paris", False),  # a capital mid-sentence is a name
    ("plural", "contracts", "contracts", True),
    ("plural", "always", "always", False),
    ("plural", "various", "various", False),
    ("comparative", "higher", "higher", True),
    ("comparative", "more", "more", True),
    ("comparative", "leader", "leader", False),  # -er, but a noun
    ("modal", "they'll", "they'll", True),
    ("modal", "can", "can", True),
    ("number", "20", "20", True),
    ("number", "3,000", "3,000", True),
    ("determiner", "their", "their", True),
    ("unit", "years", "years", True),
])
def test_word_classes(cls, word, surface, expected):
    from factlint.wordclass import is_class

    assert is_class(cls, word, surface) is expected


GRAMMAR = [
    # (text, the confusable flagged or None): the grammatical confusables of issue 15, each in a
    # sentence of our own, and the correct uses that must stay silent
    ("The regulator said it's rules were out of date.", "it's"),
    ("Nobody said it's over.", None),
    ("It's likely the vote will be delayed.", None),
    ("It's the third strike this year.", None),
    ("Exports grew at a rate lower then forecast.", "then"),
    ("Exports grew, and then fell sharply.", None),
    ("Nurses said there wages had not risen in a decade.", "there"),
    ("Nurses said there had been no rise in a decade.", None),
    ("Owners whose shops were looted got nothing, while those who's insurance lapsed lost all.", "who's"),
    ("Investors may loose patience with the board.", "loose"),
    ("The mayor was accused of flaunting the curfew.", "flaunting"),
    ("The new coach has lead the team to three titles.", "lead"),
]


@pytest.mark.parametrize(("text", "wrong"), GRAMMAR, ids=[t[:40] for t, _ in GRAMMAR])
def test_grammatical_confusables(text, wrong):
    found = [text[f.column - 1:f.end_column - 1] for f in lint_text(text, select=["W101"])]
    assert found == ([wrong] if wrong else [])


def test_a_paragraph_introduced_by_a_colon_is_the_speakers():
    """Blogs and translated copy set a speaker's words as a paragraph of their own after `X
    wrote:`; the reporter-voice rules (W301, W401) leave it alone, the homophones do not."""
    text = ("The minister noted that the plan was late.\n\nOne blogger wrote:\n\n"
            "Unfortunately the minister noted that its a plan for the rich.\n")
    found = [(f.code, f.line) for f in lint_text(text, select=["W101", "W301", "W401"])]
    assert found == [("W401", 1), ("W101", 5)]


def test_a_line_break_inside_a_paragraph_is_a_space():
    """Hard-wrapped copy: `their` at the end of a line is not the end of a clause, and `the
    foregoing` split over two lines is still after its article."""
    wrapped = ("Contributors may not use the names of any of their\nproducts, and the foregoing\n"
               "paragraph applies to all of them.\n")
    assert lint_text(wrapped, select=["W101"]) == []
    split = "Officials said their\nwere no survivors.\n\nThe survey ship was not their.\n"
    assert [(f.line, f.suggestion) for f in lint_text(split, select=["W101"])] == [(1, "there"), (4, "there")]


ISSUE_15 = [
    # the confusables issue 15 names, each in a sentence of our own: (text, flagged words, suggestion)
    ("Several bars flaunted a ban on late opening.", "flaunted", "flouted"),
    ("Dockers could loose their jobs if the port closes.", "loose", "lose"),
    ("The charity took legal council before the hearing.", "legal council", "legal counsel"),
    ("Junior ministers are expected to tow the line.", "tow", "toe"),
    ("Traders waited with baited breath for the rate decision.", "baited breath", "bated breath"),
    ("The tribunal said it's decision would be published in May.", "it's", "its"),
    ("Rents rose by more then 20 percent in the capital.", "then", "than"),
    ("Teachers said there contracts were changed without notice.", "there", "their"),
    ("Residents who's homes were flooded can apply for grants.", "who's", "whose"),
]


@pytest.mark.parametrize(("text", "words", "suggestion"), ISSUE_15, ids=[w for _, w, _ in ISSUE_15])
def test_the_confusables_issue_15_names(text, words, suggestion):
    found = [(text[f.column - 1:f.end_column - 1], f.suggestion) for f in lint_text(text, select=["W101"])]
    assert found == [(words, suggestion)]


@pytest.mark.parametrize("text", [
    "The minister said it's ready.", "Prices rose more and then fell.", "There were no survivors.",
    "Officials said there were no survivors.", "The committee, who's been meeting since May, agreed.",
    "The regulator flaunted its new powers.", "The cables had come loose in the storm.",
])
def test_correct_uses_stay_silent(text):
    assert lint_text(text, select=["W101"]) == []


def test_context_lookup_is_the_window_scan_it_replaced():
    """`near` / `not_near` are answered from where each word stands (two bisections), not by
    reading the window: the answer is the scan's, for every scope, exact words and prefixes."""
    from factlint.analysis import parse
    from tests.conftest import any_corpus, corpus_articles

    matcher = next(p for p in all_packs() if p.name == "confusables").matcher
    entry = next(e for e in matcher.pack.entries if e.id == "protestants-protesters")
    lists = [("police", "said", "the"), ("protest*", "march", "r*"), ("demonstrat*",)]
    for art in corpus_articles(any_corpus())[:12]:
        doc = parse(art.text)
        matcher._where, matcher._vocabulary = {}, None
        toks = doc.tokens
        for i in range(0, len(toks) - 2, 5):
            start, end, i0, i1 = toks[i].start, toks[i + 1].end, i, i + 2
            for scope in ("window", "sentence", "paragraph", "document"):
                if scope == "window":
                    lo, hi = max(i0 - entry.window, 0), min(i1 + entry.window, len(toks))
                elif scope == "document":
                    lo, hi = 0, len(toks)
                else:
                    span = (doc.sentences[doc.sentence_at(start)] if scope == "sentence"
                            else doc.paragraphs[doc.paragraph_at(start)])
                    lo, hi = doc.token_index(span.start), doc.token_index(span.end)
                for words in lists:
                    scan = any(toks[j].norm == w or (w.endswith("*") and toks[j].norm.startswith(w[:-1]))
                               for j in range(lo, hi) if not i0 <= j < i1 for w in words)
                    assert matcher._around(doc, start, end, i0, i1, entry, scope, words) == scan, (art.name, i, scope)
