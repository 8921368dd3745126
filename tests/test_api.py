"""The public API: names, config objects, types."""

import dataclasses
import pickle

import pytest

import cleaner
from cleaner import Config, Document, Label


def test_all_is_complete_and_importable():
    public = {name for name in dir(cleaner) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(cleaner, name)).__name__ == "module"}
    assert set(cleaner.__all__) == public - modules
    for name in cleaner.__all__:
        assert getattr(cleaner, name) is not None


def test_config_is_frozen_and_picklable():
    config = Config(language="fr", extra_boilerplate=["Abonnez-vous"])
    assert config.extra_boilerplate == ("Abonnez-vous",)
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.language = "de"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(config)) == config
    assert hash(config) == hash(Config(language="fr", extra_boilerplate=("Abonnez-vous",)))


def test_keyword_overrides_build_a_new_config():
    base = Config()
    changed = base.replace(keep_title=False)
    assert base.keep_title is True and changed.keep_title is False
    with pytest.raises(TypeError):
        base.replace(no_such_setting=1)
    with pytest.raises(TypeError):
        cleaner.clean("text", no_such_setting=1)


@pytest.mark.parametrize("bad", [{"min_body_words": -1}, {"language": ""}, {"max_input_chars": 1.5}])
def test_invalid_settings_are_refused(bad):
    with pytest.raises(ValueError):
        Config(**bad)


def test_unknown_language_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown language"):
        cleaner.clean("Un texte.", language="klingon")


def test_language_by_code_or_name_gives_the_same_result():
    text = "Titre\n\n" + "Le gouvernement a annoncé mardi une nouvelle loi sur le climat et les transports publics."
    assert cleaner.clean(text, language="fr") == cleaner.clean(text, language="French")


def test_extra_boilerplate_phrases_are_dropped_with_a_reason():
    text = (
        "A title for the page\n"
        "The council voted on Tuesday to keep the library open for another year, officials said.\n"
        "Support our journalism with a gift to the Daily Planet today.\n"
        "Residents had campaigned for months to save the building, which dates from 1910.\n"
    )
    plain = cleaner.clean_document(text)
    assert any("Daily Planet" in p for p in plain.paragraphs)
    doc = cleaner.clean_document(text, extra_boilerplate=["support our journalism"])
    assert not any("Daily Planet" in p for p in doc.paragraphs)
    dropped = [b for b in doc.blocks if "Daily Planet" in b.text][0]
    assert not dropped.kept and dropped.label is Label.BOILERPLATE and "support our journalism" in dropped.reason


def test_document_shapes():
    doc = cleaner.clean_document("")
    assert isinstance(doc, Document) and doc.title is None and doc.paragraphs == [] and doc.text == ""
    assert doc.to_dict() == {"title": None, "paragraphs": [], "blocks": []}


def test_input_size_limit_is_a_clear_error():
    with pytest.raises(ValueError, match="max_input_chars"):
        cleaner.clean("x" * 101, max_input_chars=100)


def test_bytes_are_refused_with_a_clear_error():
    with pytest.raises(TypeError, match="decode"):
        cleaner.clean(b"bytes")  # type: ignore[arg-type]


def test_labels_are_strings():
    assert Label.LINK_LIST.value == "link-list" and str(Label.TAG_LINE) == "tag-line"
