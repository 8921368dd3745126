"""Language detection: the lane-packed vote count must give what a plain count gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import language
from cleaner.language import DETECT_MIN_SHARE, DETECT_WORDS, MAX_LISTS_PER_WORD, STOPLISTS

# Words that vote (in at most MAX_LISTS_PER_WORD lists), and some that do not.
_LISTS_OF = {}
for _name, _words in sorted(STOPLISTS.items()):
    for _word in _words:
        _LISTS_OF.setdefault(_word, []).append(_name)
VOTERS = sorted(w for w, names in _LISTS_OF.items() if len(names) <= MAX_LISTS_PER_WORD)
SHARED = sorted(w for w, names in _LISTS_OF.items() if len(names) > MAX_LISTS_PER_WORD)


def plain_detect(words: list[str]) -> str | None:
    """The definition: most votes among the first DETECT_WORDS words, ties to the first name."""
    sample = words[:DETECT_WORDS]
    counts = {name: 0 for name in STOPLISTS}
    for word in sample:
        names = _LISTS_OF.get(word, [])
        if len(names) <= MAX_LISTS_PER_WORD:
            for name in names:
                counts[name] += 1
    hits = max(counts.values())
    if not hits or hits < DETECT_MIN_SHARE * len(sample):
        return None
    return min(name for name, count in counts.items() if count == hits)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOTERS[:2000:7] + SHARED[:50] + ["zzqx", "2024"]), max_size=DETECT_WORDS + 50))
def test_detect_counts_like_a_plain_count(words):
    assert language.detect(words) == plain_detect(words)


def test_a_full_lane_does_not_spill_into_its_neighbours():
    # One word of a single list, DETECT_WORDS times: its lane is full, the next stays empty.
    word = next(w for w in VOTERS if len(_LISTS_OF[w]) == 1)
    assert language.detect([word] * DETECT_WORDS) == _LISTS_OF[word][0]
    assert language.votes([word] * DETECT_WORDS) == DETECT_WORDS * language.votes([word])
    assert DETECT_WORDS < 2**language.LANE_BITS


def test_votes_add_up_over_parts():
    words = ["gouvernement", "the", "which", "nicht", "zzqx", "były"]
    assert language.votes(words) == language.votes(words[:2]) + language.votes(words[2:])


def test_common_languages_are_told_apart():
    assert language.detect("le gouvernement a dit que les élèves sont dans la classe".split()) == "French"
    assert language.detect("the government said that the pupils would be in which class".split()) == "English"
    assert language.detect("die regierung sagte dass die schüler nicht in der klasse sind".split()) == "German"
    assert language.detect([]) is None
    assert language.detect(["zzqx"] * 10) is None
