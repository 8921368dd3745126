"""Site profiles: boilerplate learned from a corpus of several sites, and the profile file."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import cleaner
from cleaner import Config, Label, Profile
from cleaner import learn as learn_cli
from cleaner import profile as profile_module
from cleaner.profile import learn

FIXTURES = Path(__file__).parent.parent / "fixtures"
ORDINALS = ("one", "two", "three")

#: Three sites, each with its own header (navigation) and footer (widgets, notices).
#: Some lines are full sentences next to the article that one page alone cannot unmask.
SITES = {
    "harbour-gazette.example": (
        ["Harbour Gazette", "News", "Opinion", "Sport", "Weather", "Subscribe"],
        [
            "The Harbour Gazette is funded by its readers, and every subscription helps us keep "
            "local journalism alive.",
            "Most read this week",
            "Share this article",
            "Harbour Gazette Ltd, 12 Quay Street, Porthaven.",
            "Privacy policy",
            "Contact the newsroom",
        ],
    ),
    "northfield-journal.example": (
        [
            "Skip to main content",
            "Northfield Journal",
            "Home / Local / Region",
            "Northfield Journal is an independent newspaper that has served the valley and its "
            "villages since 1921.",
        ],
        [
            "Have a story for us? Email the newsroom and one of our reporters will get back to you "
            "as soon as they can.",
            "Related stories",
            "Northfield Journal, Mill Lane, Northfield",
            "Terms and conditions",
        ],
    ),
    "greenleaf-notes.example": (
        ["Greenleaf Notes", "Posts Archive About", "Search this blog"],
        [
            "Thanks for reading! If you enjoyed this post, please share it with a friend who might "
            "like it too.",
            "Written by Marta, who writes about food, cities and slow travel from her kitchen in Bristol.",
            "Leave a comment",
            "Powered by a small static site generator",
        ],
    ),
}


def _articles() -> list[tuple[str, list[str]]]:
    """Twelve articles: four English fixture bodies, each split in three."""
    articles = []
    for name in ("en-bus-shelters", "en-renters-opinion", "en-library-cuts", "en-storm-updates"):
        title, *paragraphs = (FIXTURES / name / "expected.txt").read_text(encoding="utf-8").split("\n\n")
        title = title.split(" | ")[0]
        size = -(-len(paragraphs) // 3)
        for k in range(3):
            part = [p.strip() for p in paragraphs[k * size : (k + 1) * size]]
            articles.append((f"{title}, part {ORDINALS[k]}", part))
    return articles


def _pages() -> list[tuple[str, str, str, list[str], list[str]]]:
    """(site, text, title, body paragraphs, boilerplate lines) for four pages of each site."""
    articles = _articles()
    pages = []
    for s, (site, (head, foot)) in enumerate(SITES.items()):
        for title, body in articles[4 * s : 4 * s + 4]:
            pages.append((site, "\n".join([*head, title, *body, *foot]), title, body, head + foot))
    return pages


def test_profile_removes_site_boilerplate_the_classifier_lets_through_and_keeps_the_body():
    pages = _pages()
    profile = learn((site, text) for site, text, *_ in pages)
    leaked_without = leaked_with = 0
    for site, text, title, body, boilerplate in pages:
        alone = cleaner.clean_document(text)
        learned = cleaner.clean_document(text, profile=profile)
        leaked_without += sum(line in alone.paragraphs for line in boilerplate)
        leaked_with += sum(line in learned.paragraphs for line in boilerplate)
        assert learned.paragraphs == body, site  # every body paragraph, nothing else
        assert learned.title == title
    assert leaked_without >= len(pages)  # the classifier alone keeps at least one per page
    assert leaked_with == 0


def test_reason_names_the_pages_and_the_source():
    pages = _pages()
    profile = learn((site, text) for site, text, *_ in pages)
    document = cleaner.clean_document(pages[0][1], profile=profile)
    block = next(b for b in document.blocks if b.text.startswith("The Harbour Gazette is funded"))
    assert (block.label, block.kept) == (Label.REPEATED, False)
    assert block.reason == "repeated on 4 pages of harbour-gazette.example"


def _site(pages: int, repeated: dict[str, int]) -> list[tuple[str, str]]:
    """A site of ``pages`` unique pages; each line of ``repeated`` is on its first N pages."""
    words = "alder birch cedar damson elder fir gorse hazel ivy juniper larch maple".split()
    docs = []
    for i in range(pages):
        unique = f"A unique sentence about {words[i % 12]} and {words[(i // 12) % 12]} trees in row {i}."
        extra = [line for line, n in repeated.items() if i < n]
        docs.append(("site.example", "\n".join([unique, *extra])))
    return docs


def test_a_sentence_repeated_in_two_articles_is_not_boilerplate():
    quote = '"We will rebuild the bridge before winter," the mayor said on Monday.'
    profile = learn(_site(3, {quote: 2}))
    assert profile.lookup(quote) is None
    assert learn(_site(3, {quote: 3})).lookup(quote) == (3, "site.example")


def test_on_a_large_site_a_line_must_be_on_a_fifth_of_the_pages():
    profile = learn(_site(30, {"Rare background paragraph.": 5, "Frequent widget line.": 6}))
    assert profile.lookup("Rare background paragraph.") is None  # 5 of 30 < 20 %
    assert profile.lookup("frequent WIDGET line") == (6, "site.example")  # folded: case, punctuation


def test_lines_are_counted_once_per_document_and_digits_are_folded():
    docs = [("s", "Posted 3 hours ago\nPosted 5 hours ago\nPosted 3 hours ago")] * 2
    docs.append(("s", "Posted 12 hours ago"))
    assert learn(docs).lookup("Posted 1 hour ago.") is None  # "hour" is another word
    assert learn(docs).lookup("Posted 7 hours ago") == (3, "s")


def test_the_source_with_the_line_most_often_is_named():
    docs = [("a", "Shared footer")] * 3 + [("b", "Shared footer")] * 5
    assert learn(docs).reason("shared footer!") == "repeated on 5 pages of b"


def test_learning_memory_is_bounded_by_lossy_counting(monkeypatch):
    monkeypatch.setattr(profile_module, "PRUNE_EVERY", 10)
    docs = [("s", f"Menu\nunique line {'x' * (i + 1)}") for i in range(100)]
    group = profile_module._Group()
    for _, text in docs:
        group.add(profile_module.lines_of(text))
    assert len(group.counts) <= 11  # the menu and at most one bucket of unique lines
    assert group.counts["menu"] == 100


def test_file_round_trip_is_small_sorted_and_editable(tmp_path):
    profile = learn((site, text) for site, text, *_ in _pages())
    path = tmp_path / "profile.json"
    profile.save(path)
    text = path.read_text(encoding="utf-8")
    assert Profile.load(path) == profile
    data = json.loads(text)
    group = data["groups"]["harbour-gazette.example"]
    assert group["pages"] == 4 and group["lines"]["privacy policy"] == 4
    assert '    "privacy policy": 4,\n' in text  # one entry a line, with its count
    assert list(group["lines"]) == sorted(group["lines"])
    # A reviewer deletes an entry and adds one in natural spelling.
    del group["lines"]["privacy policy"]
    group["lines"]["Sign up for our Newsletter!"] = 4
    path.write_text(json.dumps(data), encoding="utf-8")
    edited = Profile.load(path)
    assert edited.lookup("Privacy policy") is None
    assert edited.lookup("sign up for our newsletter") == (4, "harbour-gazette.example")


@pytest.mark.parametrize(
    "bad", ['{"groups": {}}', "[]", '{"format": "cleaner-profile", "version": 1, "groups": {"s": {"pages": 0, "lines": {}}}}']
)
def test_invalid_profile_files_are_refused(bad):
    with pytest.raises(ValueError, match="invalid profile"):
        Profile.from_json(bad)


def test_config_accepts_a_path_and_stays_hashable_and_picklable(tmp_path):
    profile = learn((site, text) for site, text, *_ in _pages())
    path = tmp_path / "p.json"
    profile.save(path)
    config = Config(profile=str(path))
    assert config.profile == profile and config == Config(profile=profile)
    assert hash(config) == hash(Config(profile=profile))
    assert pickle.loads(pickle.dumps(config)) == config
    assert "Profile:" in repr(config) and len(repr(config)) < 400
    text = _pages()[0][1]
    assert cleaner.clean(text, profile=path) == cleaner.clean(text, config=config)
    with pytest.raises(ValueError, match="cannot read profile"):
        Config(profile=str(tmp_path / "missing.json"))
    with pytest.raises(TypeError):
        Config(profile=42)  # type: ignore[arg-type]


def test_learn_command_on_folders_and_jsonl(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    records = []
    for n, (site, text, *_) in enumerate(_pages()):
        folder = corpus / site / "2024"  # the source is the first folder under CORPUS
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
        records.append({"text": text, "meta": {"url": f"https://www.{site}/story/{n}"}})
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in records) + "\nnot json\n", encoding="utf-8")

    assert learn_cli.main([str(corpus), "-o", str(tmp_path / "files.json")]) == 0
    assert learn_cli.main([str(jsonl), "-o", str(tmp_path / "jsonl.json"), "--group-field", "meta.url"]) == 0
    from_files = Profile.load(tmp_path / "files.json")
    from_jsonl = Profile.load(tmp_path / "jsonl.json")
    assert from_files == from_jsonl == learn((site, text) for site, text, *_ in _pages())
    err = capsys.readouterr().err
    assert "skipped" in err and "pages.jsonl:13: not JSON" in err
    assert learn_cli.main([str(tmp_path / "nowhere"), "-o", str(tmp_path / "x.json")]) == 2


def test_cleaner_learn_then_cleaner_profile_from_the_command_line(tmp_path, capsys):
    from cleaner import cli

    corpus = tmp_path / "corpus"
    for n, (site, text, *_) in enumerate(_pages()):
        folder = corpus / site
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    profile_path = tmp_path / "profile.json"
    assert cli.main(["learn", str(corpus), "-o", str(profile_path)]) == 0
    assert Profile.load(profile_path) == learn((site, text) for site, text, *_ in _pages())
    page = next(corpus.glob("*/0.txt"))
    capsys.readouterr()
    assert cli.main(["--profile", str(profile_path), str(page)]) == 0
    with_profile = capsys.readouterr().out
    assert cli.main([str(page)]) == 0
    without = capsys.readouterr().out
    assert len(with_profile) < len(without)
