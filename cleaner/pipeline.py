"""The public entry points: text in, Document out.

segment -> features (once per block) -> classify -> revise, repeated on the kept
blocks until nothing more is dropped. Cleaning the output again therefore runs the
very last round again and changes nothing: idempotence by construction, as in ftfy.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable, TypeVar

from . import html as markup
from . import language
from .classify import Kind, Verdict, classify
from .config import Config, resolve
from .document import Columns, Document, Label
from .features import Features, features
from .lexicon import DEFAULT as DEFAULT_LEXICON
from .lexicon import Match
from .patterns import match_block
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


def _language(feats: list[Features], texts: list[str], sample: tuple[int, ...], config: Config, known: Known) -> str | None:
    """The stoplist name of the text's language (None if unknown), from the first
    DETECT_WORDS words of the sample. A block's votes are counted once per call: the
    next round's sample mostly holds the same blocks."""
    if config.language != "auto":
        name = language.stoplist_name(config.language)
        if name is None:
            raise ValueError(f"unknown language {config.language!r}")
        return name
    votes, words = 0, 0
    for i in sample:
        tokens = feats[i].tokens
        if words + len(tokens) > language.DETECT_WORDS:  # the last block counts in part
            tokens = tokens[: language.DETECT_WORDS - words]
            votes += language.votes(tokens)
        else:
            text = texts[i]
            block = known.votes.get(text)
            votes += block if block is not None else known.votes.setdefault(text, language.votes(tokens))
        words += len(tokens)
    return language.decide(votes, words)


#: A text opening with this many short lines before its first paragraph opens with a menu.
WHOLE_MAX_OPENING_LINES = 30


def _whole(verdicts: list[Verdict]) -> bool:
    """Whether the text is clean already: nothing in it reads as noise (no lexicon phrase,
    web address, menu or tag line), and it does not open with a menu.

    The second test is for a language whose boilerplate the lexicon does not know: a
    scraped page then has no phrase to give it away, but its menu still comes first. A
    cleaned text, or HTML mode's output, opens with its title and soon its first
    paragraph (the development pages' outputs have fewer than 20 short lines before it).
    """
    if any(v.kind is Kind.NOISE for v in verdicts):
        return False
    opening = 0
    for v in verdicts:
        if v.kind is Kind.PROSE:
            break
        opening += v.kind is Kind.LINE
    return opening < WHOLE_MAX_OPENING_LINES


def _per_distinct(fn: Callable[[str], T], texts: list[str], done: dict[str, T] | None = None) -> list[T]:
    """fn of each text, computed once per distinct text (a page repeats its menus).

    `done` holds what is known already: settling runs again on the kept texts.
    """
    done = {} if done is None else done
    return [done[t] if t in done else done.setdefault(t, fn(t)) for t in texts]


@dataclass
class Known:
    """What one cleaning call has worked out per text, reused by its rounds and its
    settling runs (never shared between calls: no global cache)."""

    features: dict[str, Features] = field(default_factory=dict)
    matches: dict[str, Match | None] = field(default_factory=dict)
    votes: dict[str, int] = field(default_factory=dict)  # each block's language votes
    languages: dict[tuple[str, ...], str | None] = field(default_factory=dict)  # by the sample's texts
    verdicts: dict[tuple[str, bool, str | None], Verdict] = field(default_factory=dict)  # by text, bullet, language


def run(
    segments: list[Segment],
    config: Config,
    hints: Callable[[list[Segment], list[Verdict]], list[Verdict]] | None = None,
    known: Known | None = None,
) -> Document:
    """Decide about every segment and build the Document (shared by text and HTML modes).

    Rounds of classify + revise run on the blocks still kept until a round keeps them
    all. Cleaning the output again sees exactly the last round's input, hence the
    same decisions: idempotence holds by construction. Each round drops at least one
    block, and in practice two or three rounds suffice.
    """
    texts = [s.text for s in segments]
    known = known or Known()
    feats = _per_distinct(features, texts, known.features)
    lexicon = DEFAULT_LEXICON
    if config.extra_boilerplate:
        lexicon = lexicon.with_extra(config.extra_boilerplate)
    matches = _per_distinct(partial(match_block, lexicon), texts, known.matches)

    final: dict[int, Decision] = {}
    alive = list(range(len(segments)))
    stopwords: frozenset[str] | None = None
    sample: tuple[int, ...] | None = None
    name: str | None = None
    verdicts: dict[int, Verdict] = {}
    every: dict[int, Item] = {}
    title: int | None = None
    whole: bool | None = None  # nothing reads as noise in the first round: the text is clean already
    while True:
        # The language (hence stopwords, hence verdicts) depends on which blocks remain;
        # it is guessed again only when the blocks it was guessed from have changed.
        now_sample = _sample(feats, alive)
        if now_sample != sample:
            key = tuple(texts[i] for i in now_sample)
            if key not in known.languages:
                known.languages[key] = _language(feats, texts, now_sample, config, known)
            name = known.languages[key]
        sample = now_sample
        now = language.stopwords(name)
        if now != stopwords:
            stopwords = now
            # One verdict per distinct line (a page repeats its menus and buttons).
            verdicts = {}
            for i in alive:
                seen = (texts[i], segments[i].bullet, name)
                v = known.verdicts.get(seen)
                if v is None:
                    v = known.verdicts[seen] = classify(texts[i], feats[i], matches[i], seen[1], stopwords, config)
                verdicts[i] = v
            if config.profile is not None:  # site boilerplate learned from a corpus (cleaner.profile)
                verdicts.update(config.profile.verdicts(segments, feats, matches))
            if hints is not None:  # HTML mode: the markup revises the verdicts on the text
                verdicts = dict(zip(alive, hints([segments[i] for i in alive], [verdicts[i] for i in alive])))
            if whole is None:
                # Decided once, on the first round: a whole text keeps every block, so its
                # output is itself and cleaning it again decides the same.
                whole = _whole([verdicts[i] for i in alive])
            # Items change only with the verdicts: later rounds reuse them.
            every = {i: Item(segments[i].text, feats[i], v, segments[i].bullet) for i, v in verdicts.items()}
        items = [every[i] for i in alive]
        # Clean text has no title to leave out: with keep_title off, taking its first line
        # for one would take the next line of the output the next time, and so on.
        decisions, local_title = revise(items, bool(whole), titled=config.keep_title or not whole)
        title = alive[local_title] if local_title is not None else None
        final.update(zip(alive, decisions))
        survivors = [i for i, d in zip(alive, decisions) if d.kept]
        if len(survivors) == len(alive):
            break
        alive = survivors

    decided = [final[i] for i in range(len(segments))]
    if title is not None and not config.keep_title:
        decided[title] = Decision(Label.TITLE, False, "the page title (keep_title is off)")
    kept = [(s.text, d.label is Label.TITLE) for s, d in zip(segments, decided) if d.kept]
    heads = [text for text, is_title in kept if is_title]
    paragraphs = [text for text, is_title in kept if not is_title]
    # The Blocks are built when first read: clean() and most pipelines read only the text.
    return Document._lazy(heads[0] if heads else None, paragraphs, partial(Columns.of, segments, decided))


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
    known = Known()
    doc = run(segment(text), cfg, known=known)
    # With the title kept, the output is the last round's input: settled already.
    return doc if cfg.keep_title else _settle(doc, cfg, known)


def clean(text: str, *, config: Config | None = None, **overrides: Any) -> list[str]:
    """The body paragraphs of one page's visible text, title excluded."""
    return clean_document(text, config=config, **overrides).paragraphs


def clean_html_document(html: str | bytes, *, config: Config | None = None, **overrides: Any) -> Document:
    """Clean one page's HTML: its title, body paragraphs and every block explained.

    Bytes are decoded by the page's BOM, declared charset or detected charset
    (see cleaner.charset.decode).
    """
    cfg = resolve(config, overrides)
    if isinstance(html, (bytes, bytearray, memoryview)):
        if cfg.max_input_chars and len(html) > 4 * cfg.max_input_chars:  # before decoding
            raise InputTooLarge(f"input of {len(html):,} bytes exceeds max_input_chars={cfg.max_input_chars:,}")
        html = markup.decode(bytes(html))
    _check(html, cfg)
    segments, hints = markup.analyse(html)
    known = Known()
    blocks = markup.without_stray_title(run(segments, cfg, hints=hints, known=known).blocks, segments)
    return _settle(Document.from_blocks(blocks), cfg, known)


#: Settling rounds before giving up on a page (it then keeps nothing; see _settle).
SETTLE_ROUNDS = 4


def _settle(doc: Document, config: Config, known: Known | None = None) -> Document:
    """The document, with what text mode would drop from its output dropped too.

    The output is text, and cleaning it again as text must change nothing. run()
    guarantees that when the output is exactly the last round's input, which is not
    so when the title is left out (keep_title=False: the next line may read as a
    title, a list may lose the line that introduced it) or when the blocks came
    from HTML. So clean the output as text, map its verdicts back (each output line
    is one kept block), and repeat until nothing changes. Each round only drops, and
    one or two rounds settle any real page; a page that has not settled after
    SETTLE_ROUNDS keeps nothing rather than break the promise.
    """
    for _ in range(SETTLE_ROUNDS):
        again = run(segment(doc.text), config, known=known)
        if again.text == doc.text and again.title == doc.title:
            return doc
        in_text = _in_text_order(doc)
        if len(in_text) != len(again.blocks):  # not one line per block: no mapping back
            return doc
        blocks = list(doc.blocks)
        for i, second in zip(in_text, again.blocks):
            first = blocks[i]
            if first.label is Label.TITLE and second.label is not Label.TITLE:
                # A title from the markup would read as a paragraph of the text: leave it out.
                blocks[i] = dataclasses.replace(first, kept=False, reason="the page title, which text mode reads as a paragraph")
            elif not second.kept:
                reason = f"{second.reason} (when the output is cleaned again as text)"
                blocks[i] = dataclasses.replace(first, label=second.label, kept=False, reason=reason)
            elif second.label is Label.TITLE and first.label is not Label.TITLE:
                blocks[i] = dataclasses.replace(first, label=Label.TITLE, reason=second.reason)
        doc = Document.from_blocks(blocks)
    reason = f"the output did not settle in {SETTLE_ROUNDS} rounds of cleaning it again"
    return Document(None, [], [dataclasses.replace(b, kept=False, reason=reason) if b.kept else b for b in doc.blocks])


def _in_text_order(doc: Document) -> list[int]:
    """The kept blocks in the order Document.text shows them: the title first."""
    kept = [i for i, b in enumerate(doc.blocks) if b.kept]
    titles = [i for i in kept if doc.blocks[i].label is Label.TITLE]
    return titles + [i for i in kept if doc.blocks[i].label is not Label.TITLE]


def clean_html(html: str | bytes, *, config: Config | None = None, **overrides: Any) -> list[str]:
    """The body paragraphs of one page's HTML, title excluded."""
    return clean_html_document(html, config=config, **overrides).paragraphs
