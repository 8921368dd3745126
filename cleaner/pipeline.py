"""The public entry points: text in, Document out.

segment -> features (once per block) -> classify -> revise, repeated on the kept
blocks until nothing more is dropped. Cleaning the output again therefore runs the
very last round again and changes nothing: idempotence by construction, as in ftfy.
"""

from __future__ import annotations

import dataclasses
from functools import partial
from itertools import chain
from typing import Any, Callable, TypeVar

from . import html as markup
from . import language
from .classify import Verdict, classify
from .config import Config, resolve
from .document import Block, Document, Label
from .features import Features, features
from .lexicon import DEFAULT as DEFAULT_LEXICON
from .lexicon import Lexicon, Match
from .revise import Decision, Item, revise
from .segment import Segment, segment


T = TypeVar("T")


class InputTooLarge(ValueError):
    """The input is larger than Config.max_input_chars."""


#: Language is guessed from the words of blocks at least this long first (menus mislead).
DETECT_FROM_WORDS = 8


def _sample(feats: list[Features], alive: list[int]) -> tuple[int, ...]:
    """The blocks whose words decide the language: long blocks first (menus mislead)."""
    long = [i for i in alive if feats[i].words >= DETECT_FROM_WORDS]
    short = [i for i in alive if feats[i].words < DETECT_FROM_WORDS]
    sample, words = [], 0
    for i in long + short:
        if words >= language.DETECT_WORDS:
            break
        sample.append(i)
        words += len(feats[i].tokens)
    return tuple(sample)


def _stopwords(feats: list[Features], sample: tuple[int, ...], config: Config) -> frozenset[str]:
    if config.language != "auto":
        name = language.stoplist_name(config.language)
        if name is None:
            raise ValueError(f"unknown language {config.language!r}")
        return language.stopwords(name)
    return language.stopwords(language.detect(chain.from_iterable(feats[i].tokens for i in sample)))


#: A photo credit ("Foto: Agency") is a caption word, a colon, and at most this many words.
CREDIT_MAX_WORDS = 10


def _match(lexicon: Lexicon, text: str) -> Match | None:
    """The lexicon's match for a block; also "Photo: Name/Agency" from the caption phrases."""
    found = lexicon.match(text)
    if found is None and (":" in text[:24] or "：" in text[:24]) and len(text.split()) <= CREDIT_MAX_WORDS:
        head = text.replace("：", ":").split(":", 1)[0]
        credit = lexicon.match(head)
        if credit is not None and credit.label == Label.CAPTION.value:
            return Match(credit.label, f"{credit.phrase}: ...", credit.language)
    return found


def _per_distinct(fn: Callable[[str], T], texts: list[str]) -> list[T]:
    """fn of each text, computed once per distinct text (a page repeats its menus)."""
    done: dict[str, T] = {}
    return [done[t] if t in done else done.setdefault(t, fn(t)) for t in texts]


def run(
    segments: list[Segment],
    config: Config,
    hints: Callable[[list[Segment], list[Verdict]], list[Verdict]] | None = None,
) -> Document:
    """Decide about every segment and build the Document (shared by text and HTML modes).

    Rounds of classify + revise run on the blocks still kept until a round keeps them
    all. Cleaning the output again sees exactly the last round's input, hence the
    same decisions: idempotence holds by construction. Each round drops at least one
    block, and in practice two or three rounds suffice.
    """
    texts = [s.text for s in segments]
    feats = _per_distinct(features, texts)
    lexicon = DEFAULT_LEXICON
    if config.extra_boilerplate:
        lexicon = lexicon.with_extra(config.extra_boilerplate)
    matches = _per_distinct(partial(_match, lexicon), texts)

    final: dict[int, Decision] = {}
    alive = list(range(len(segments)))
    stopwords: frozenset[str] | None = None
    sample: tuple[int, ...] | None = None
    verdicts: dict[int, Verdict] = {}
    every: dict[int, Item] = {}
    title: int | None = None
    while True:
        # The language (hence stopwords, hence verdicts) depends on which blocks remain;
        # it is guessed again only when the blocks it was guessed from have changed.
        now_sample = _sample(feats, alive)
        now = stopwords if now_sample == sample else _stopwords(feats, now_sample, config)
        sample = now_sample
        if now != stopwords:
            stopwords = now
            verdicts = {
                i: classify(feats[i], matches[i], segments[i].bullet, stopwords, config) for i in alive
            }
            if config.profile is not None:  # site boilerplate learned from a corpus (cleaner.profile)
                verdicts.update(config.profile.verdicts(segments, feats, matches))
            if hints is not None:  # HTML mode: the markup revises the verdicts on the text
                verdicts = dict(zip(alive, hints([segments[i] for i in alive], [verdicts[i] for i in alive])))
            # Items change only with the verdicts: later rounds reuse them.
            every = {i: Item(segments[i].text, feats[i], v, segments[i].bullet) for i, v in verdicts.items()}
        items = [every[i] for i in alive]
        decisions, local_title = revise(items)
        title = alive[local_title] if local_title is not None else None
        final.update(zip(alive, decisions))
        survivors = [i for i, d in zip(alive, decisions) if d.kept]
        if len(survivors) == len(alive):
            break
        alive = survivors

    blocks = []
    for i, s in enumerate(segments):
        d = final[i]
        if i == title and not config.keep_title:
            d = Decision(Label.TITLE, False, "the page title (keep_title is off)")
        blocks.append(Block(i, s.text, s.first_line, s.last_line, d.label, d.kept, d.reason))
    paragraphs = [b.text for b in blocks if b.kept and b.label is not Label.TITLE]
    title_text = segments[title].text if title is not None and config.keep_title else None
    return Document(title_text, paragraphs, blocks)


def _check(text: str, config: Config) -> None:
    if not isinstance(text, str):
        raise TypeError(f"expected str, not {type(text).__name__} (decode bytes first, or use clean_html)")
    if config.max_input_chars and len(text) > config.max_input_chars:
        raise InputTooLarge(
            f"input of {len(text):,} characters exceeds max_input_chars={config.max_input_chars:,}"
        )


def clean_document(text: str, *, config: Config | None = None, **overrides: Any) -> Document:
    """Clean the visible text of one page: its title, body paragraphs and every block explained."""
    cfg = resolve(config, overrides)
    _check(text, cfg)
    return run(segment(text), cfg)


def clean(text: str, *, config: Config | None = None, **overrides: Any) -> list[str]:
    """The body paragraphs of one page's visible text, title excluded."""
    return clean_document(text, config=config, **overrides).paragraphs


def clean_html_document(html: str | bytes, *, config: Config | None = None, **overrides: Any) -> Document:
    """Clean one page's HTML: its title, body paragraphs and every block explained.

    Bytes are decoded by the page's BOM, declared charset or detected charset
    (see cleaner.html.decode).
    """
    cfg = resolve(config, overrides)
    if isinstance(html, (bytes, bytearray, memoryview)):
        if cfg.max_input_chars and len(html) > 4 * cfg.max_input_chars:  # before decoding
            raise InputTooLarge(f"input of {len(html):,} bytes exceeds max_input_chars={cfg.max_input_chars:,}")
        html = markup.decode(bytes(html))
    _check(html, cfg)
    segments, hints = markup.analyse(html)
    return _settle(markup.relabel(run(segments, cfg, hints=hints)), cfg)


def _settle(doc: Document, config: Config) -> Document:
    """HTML mode's document, with what text mode would drop from its output dropped too.

    The output of HTML mode is text; cleaning it again as text must change nothing.
    Text mode on the output reaches its own fixed point in one call, and each line of
    the output is one kept block, so its verdicts map back onto the blocks one to one.
    """
    again = run(segment(doc.text), config)
    if doc.title is not None and again.title != doc.title:
        # The page's title would read as a paragraph of the text: leave it out.
        blocks = [
            dataclasses.replace(b, kept=False, reason="the page title, too long to stand as one in text")
            if b.kept and b.label is Label.TITLE
            else b
            for b in doc.blocks
        ]
        doc = Document(None, doc.paragraphs, blocks)
        again = run(segment(doc.text), config)
    kept = [i for i, block in enumerate(doc.blocks) if block.kept]
    if again.text == doc.text and again.title == doc.title or len(again.blocks) != len(kept):
        return doc
    blocks = list(doc.blocks)
    for i, second in zip(kept, again.blocks):
        if not second.kept or (second.label is Label.TITLE) != (blocks[i].label is Label.TITLE):
            reason = f"{second.reason} (when the output is cleaned again as text)" if not second.kept else second.reason
            blocks[i] = dataclasses.replace(blocks[i], label=second.label, kept=second.kept, reason=reason)
    return Document(again.title, again.paragraphs, blocks)


def clean_html(html: str | bytes, *, config: Config | None = None, **overrides: Any) -> list[str]:
    """The body paragraphs of one page's HTML, title excluded."""
    return clean_html_document(html, config=config, **overrides).paragraphs
