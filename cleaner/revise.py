"""Revise the per-block verdicts by context, in a few linear passes.

1. Find the main run of prose: the stretch of blocks with the largest total weight
   (prose counts for, short lines and noise against; a maximum-subarray search, so
   one linear pass). Reader comments, teasers and footers written in full sentences
   fall outside it because noise separates them from the article.
2. Inside the run: prose and short sentences are body; a short line is a heading when
   body comes before and after it; a noise heading (related links, widgets,
   comments) takes the list under it along.
3. Outside the run: the title (found by `title`, with the standfirst under it), the tag
   line and caption just before the article, menus, and the footer after it are named
   for what they are.

A text in which nothing at all reads as noise (``whole``: no lexicon phrase, web
address, menu or tag line, and no menu of short lines before its first paragraph;
run() decides it on the first round) is taken to be clean already, a cleaned page or
HTML mode's output: it is one article from its first line to its last, its tables and
lists included. On a scraped page the same short lines would read as menus; but a
scraped page almost always holds some phrase of the lexicon, or opens with its menu.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import groupby
from typing import NamedTuple

from .classify import FIRM_STOPS, LINE, NOISE, PROSE, SECTION_LABELS, SENTENCE, Kind, Verdict
from .document import Label
from .features import Features, has_year
from .lexicon import is_unspaced
from .title import (
    find_headline,
    find_title,
    is_headline,
    last_mark,
    line_dek,
    page_title,
    repeats_title,
    title_like,
    whole_title,
    with_dek,
)


#: The list under a noise heading ends at a paragraph of at least this many words.
SECTION_END_WORDS = 15
#: ...or at the article's next heading: a short line right before such a paragraph, with
#: at most this share of the words, or of the characters, of the shortest item of the
#: list above it. The last teaser of a list is a headline like the others; a sub-heading
#: names a topic in a few words ("Ticket prices"), shorter than a headline (3 words under
#: teasers of 5 and 7 in Kazakh, whose words are long; 8 under teasers of 11 in
#: Vietnamese, whose words are short; in Estonian or Finnish, as many words as a
#: headline of three long compounds, but fewer letters). On both benchmarks any share
#: from 0.5 to 0.99 decides the same.
SECTION_HEADING_SHARE = 0.75
#: ...after at least this many items: a single short teaser is no measure of the list.
SECTION_MIN_ITEMS = 2
#: A caption (the line just above a photo credit) is at most this many words.
CAPTION_MAX_WORDS = 40
#: A heading of the article is at most this many words.
HEADING_MAX_WORDS = 20
#: Glued heading+text joins this close to the start mark a footer ("About usThe site...").
GLUED_MAX_POSITION = 8


class Item(NamedTuple):
    """One block as revise sees it. NamedTuples here: built per block and round, they must be cheap."""

    text: str
    feats: Features
    verdict: Verdict
    bullet: bool


class Decision(NamedTuple):
    label: Label
    kept: bool
    reason: str


# The decisions whose reason is the same for every block: built once (one is made for
# every block in every round).
_TITLE = Decision(Label.TITLE, True, "the page title")
_TITLE_AGAIN = Decision(Label.TITLE, False, "repeats the title")
_BIO_HEADING = Decision(Label.BYLINE, False, "the heading of the author's bio")
_PHOTO_TEXT = Decision(Label.CAPTION, False, "the text of a photo above its credit line")
_STANDFIRST_LINE = Decision(Label.BODY, True, "the standfirst: a long line right under the headline")
_UNDER_STANDFIRST = Decision(Label.BYLINE, False, "between the standfirst and the body (byline, date, photo)")
_WHOLE_LINE = Decision(Label.BODY, True, "a short line of a text with no boilerplate at all")
_LIST_ITEM = Decision(Label.BODY, True, "an item of a list the article introduces")
_REPEATED_OPENING = Decision(Label.REPEATED, False, "repeats the opening of an earlier paragraph")
_REPEATED_LATER = Decision(Label.REPEATED, False, "opens like a later, longer paragraph (a pull quote)")
_SENTENCE = Decision(Label.BODY, True, "a short sentence inside the article")
_STRAY_LINE = Decision(Label.SHORT, False, "a short line not followed by the article's prose")
_CAPTION_ABOVE = Decision(Label.CAPTION, False, "a short line just above the article (a caption)")
_LINE_BEFORE = Decision(Label.NAVIGATION, False, "a short line before the article (menu, byline)")
_TEXT_BEFORE = Decision(Label.BOILERPLATE, False, "text before the article starts")
_GLUED_FOOTER = Decision(Label.FOOTER, False, "a heading glued onto text after the article (a site footer)")
_LINE_AFTER = Decision(Label.FOOTER, False, "a short line after the article ends")
_TEXT_AFTER = Decision(Label.BOILERPLATE, False, "text after the article ends")
_PIECE = Decision(Label.BODY, True, "a piece of a sentence of the article, cut at a link")


#: Prose standing alone between non-prose lines (a teaser under its headline, a comment
#: under its author) counts for this share of its words, unless it is this long.
ISOLATED_SHARE = 0.3
ISOLATED_MAX_WORDS = 60
#: A step's number ("2. Avoid...", "Step 2:", "手順2：") is among the first this many words
#: of its heading, and has at most this many digits (not a year).
STEP_NUMBER_WORDS = 2
STEP_NUMBER_DIGITS = 2
#: A short line in a run of at least this many short lines (a menu, a list of links)...
LINE_RUN = 3
#: ...weighs this much more against the article.
LINE_RUN_PENALTY = 2.0


#: Prose this many blocks below the headline counts ANCHOR_BOOST times its words.
ANCHOR_WINDOW = 12
ANCHOR_BOOST = 2.0
#: A paragraph opening with the same this many words as a kept one is a repeat (a teaser).
REPEAT_KEY_WORDS = 8
#: A short line seen this many times on the page is a repeated control ("Share", "Reply")
#: or a template marker ("Advertisement"), and weighs this much against the article.
REPEATS = 3
MARKER_WEIGHT = 5.0
#: A sentence of at least this many words that ends with a colon introduces a list of the
#: article: the short lines under it weigh nothing (a teaser's "Kicker:" is shorter).
INTRO_MIN_WORDS = 8
#: At most this many short lines in a row can be headings of the article.
HEADING_RUN = 2


@dataclass(frozen=True)
class Context:
    """Facts about each block's neighbourhood, from linear passes."""

    line_run: list[int]  # length of the run of consecutive short lines a block is in (0 if none)
    repeats: list[int]  # how often the block's text occurs on the page
    steps: list[bool]  # whether the block is a numbered step, its heading or paragraph (see _steps)


def context(items: list[Item]) -> Context:
    # Bulleted lines are lists, not menus: they do not make a run of short lines.
    short = [item.verdict.kind is LINE and not item.bullet for item in items]
    line_run: list[int] = []
    for is_short, run in groupby(short):
        size = len(list(run))
        line_run += [size if is_short else 0] * size
    texts = [item.text for item in items]
    counts = Counter(texts)
    repeats = [counts[text] for text in texts]
    return Context(line_run, repeats, _steps(items, repeats))


def weights(items: list[Item], ctx: Context, headline: int | None) -> list[float]:
    """Each block's weight for the main-run search, adjusted by its neighbours.

    The article follows its headline: prose just below the headline (the page title
    repeated) counts more, so a long footer paragraph cannot outweigh a short article.
    Without a headline (a text that does not open with the <title>), the first byline in
    the page's first half marks the article's header instead.
    A short line repeated all over the page ("Advertisement", "Article content") is a
    template marker: it weighs little and does not cut the article's paragraphs apart.
    """
    n = len(items)
    kinds = [item.verdict.kind for item in items]
    marker = [repeats >= REPEATS and kind in (LINE, NOISE) for repeats, kind in zip(ctx.repeats, kinds)]
    # A numbered step's heading joins the paragraphs around it: it counts as prose for the test below.
    steps = ctx.steps
    # Is the nearest block that is not a marker, after each block, prose? (Before it: see below.)
    prose_after = [False] * n
    after = False
    for i in range(n - 1, -1, -1):
        prose_after[i] = after
        if not marker[i]:
            after = kinds[i] is PROSE or kinds[i] is SENTENCE or steps[i]
    out = [item.verdict.weight for item in items]
    anchor = headline
    if headline is not None:
        out[headline] = min(out[headline], 0.0)  # a headline that reads as prose is no paragraph
    else:
        # No headline (the text does not open with the page's <title>): the first byline in
        # the page's first half stands for the article's header.
        anchor = next((i for i in range(n // 2) if items[i].verdict.label is Label.BYLINE), None)
    if anchor is not None:
        # The window opens at the first prose below the headline (past the byline, date and
        # buttons of the header), if that is within the window.
        first = next((i for i in range(anchor + 1, min(anchor + ANCHOR_WINDOW + 1, n)) if out[i] > 0), None)
        if first is not None:
            for i in range(first, min(first + ANCHOR_WINDOW, n)):
                if out[i] > 0:
                    out[i] *= ANCHOR_BOOST
    before = False  # whether the nearest block before this one that is not a marker is prose
    introduced = False  # in a list that a sentence of the article introduces ("Check these points:")
    for i, kind in enumerate(kinds):
        if kind is LINE and introduced:
            out[i] = 0.0  # an item of that list: not a menu
        else:
            introduced = kind is SENTENCE and items[i].feats.semi_terminal and items[i].feats.words >= INTRO_MIN_WORDS
            if marker[i]:
                out[i] = -MARKER_WEIGHT
                continue
            if kind is PROSE:
                # (A numbered paragraph whose numbers run on is a listicle's item, not a teaser's summary.)
                if not before and not prose_after[i] and items[i].feats.words < ISOLATED_MAX_WORDS and not steps[i]:
                    out[i] *= ISOLATED_SHARE
            elif kind is LINE and ctx.line_run[i] >= LINE_RUN:
                out[i] -= LINE_RUN_PENALTY
        if not marker[i]:
            before = kind is PROSE or kind is SENTENCE or steps[i]
    for i in _boxed(items):
        out[i] = max(out[i], 0.0)  # a box inside the article weighs as its heading
    return out


#: Words of at least this many characters may be content words ("the", "und", "de" are shorter).
CONTENT_WORD_CHARS = 4


def _summarises(item: Item, above: Item) -> bool:
    """Whether a paragraph shares a word with the line above it: a teaser's summary under
    its headline, not the article going on."""
    words = {t for t in above.feats.tokens if len(t) >= CONTENT_WORD_CHARS}
    return any(t in words for t in item.feats.tokens)


def _boxed(items: list[Item]) -> list[int]:
    """The items of a box inside the article: a list under a noise heading ("Read also")
    right after a paragraph, ended by a paragraph (see _ends_section) with more words than
    the whole list, right under a link about as long as the first (not a short heading
    such as an author's name or "About us") and not its summary. Such a box weighs as its
    heading alone, so the article goes on across it however many links it holds; a list
    longer than the text after it is the page's, and ends the article as before."""
    out: list[int] = []
    listed: list[int] | None = None  # the items of such a list so far
    for i, item in enumerate(items):
        v = item.verdict
        if v.kind is NOISE:
            if v.heading and v.label in SECTION_LABELS:
                listed = [] if i and items[i - 1].verdict.kind is PROSE else None
        elif listed is None:
            continue  # most blocks: no such list open
        elif _ends_section(item):
            above = items[i - 1]
            if (
                listed
                and sum(items[k].feats.words for k in listed) < item.feats.words
                and above.feats.words >= SECTION_HEADING_SHARE * items[listed[0]].feats.words
                and not _summarises(item, above)
            ):
                out += listed
            listed = None
        else:
            listed.append(i)
    return out


_NUMBER = re.compile(r"\d+")


def _steps(items: list[Item], repeats: list[int]) -> list[bool]:
    """Which blocks are the numbered steps of a how-to or a listicle, whose numbers run on:
    short lines, each over a paragraph ("Step 1: ...", "Step 2: ..."), or paragraphs that
    open with their number ("1. ...", "2. ..."). A teaser list is not numbered so; a
    ranking's bare numbers head headlines, not paragraphs; a line repeated all over the
    page is a template's (see REPEATS)."""
    numbered = []
    # Blocks with a digit first: few blocks of a page have one.
    for i in [i for i, item in enumerate(items) if item.feats.digits and item.verdict.kind in (LINE, PROSE)]:
        item = items[i]
        if item.verdict.kind is PROSE:
            # A numbered paragraph of a listicle ("5. Evergrande war ..."): the number opens it.
            head = item.feats.tokens[:1] if item.bullet else ()
        elif (
            i + 1 < len(items)
            and items[i + 1].verdict.kind is PROSE
            and len(item.feats.tokens) >= 2  # a number alone is a rank
            and not item.feats.dated
            and repeats[i] < REPEATS
        ):
            head = item.feats.tokens[:STEP_NUMBER_WORDS]
        else:
            continue
        found = _NUMBER.search(" ".join(head))  # any script's digits
        if found is not None and len(found.group()) <= STEP_NUMBER_DIGITS:
            numbered.append((i, int(found.group())))
    out = [False] * len(items)
    for (i, a), (j, b) in zip(numbered, numbered[1:]):
        if b == a + 1:
            out[i] = out[j] = True
    return out


#: At most this many short lines end a text after its last paragraph.
TAIL_MAX_ITEMS = 30
#: A list introduced by a line ending in a colon has at most this many items.
LIST_MAX_ITEMS = 60
#: The standfirst may sit this many blocks above the body.
STANDFIRST_GAP = 4
#: A stretch of at least this weight (about this many words of prose) is an article.
MIN_ARTICLE_WEIGHT = 40.0


def _best_stretch(weights: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Kadane's maximum-subarray search over weights[lo:hi]: (total, start, end)."""
    best, best_start, best_end = 0.0, lo, lo
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += weights[i]
        if total > best:
            best, best_start, best_end = total, start, i + 1
    return best, best_start, best_end


def main_run(items: list[Item], ctx: Context, headline: int | None) -> tuple[int, int, int]:
    """The stretch [start, end) of the article ((0, 0) if nothing weighs for prose), and
    where the short lines that end the text begin (len(items) if they do not).

    A comment section heading ends the article, as do a "Next article" link and a
    paywall notice: the first part of the page (between such headings) that holds an
    article-sized stretch wins over a longer discussion, the next article or a sign-up
    pitch further down. Without one, the heaviest stretch of the whole page wins. A
    "Comments" link above the headline or in its header (byline, date, share buttons)
    is a menu item, not the end of the article (the page's title repeated in a list of
    recent posts is no headline: see _listed); a paywall notice there ends it all the same
    (the page shows a paragraph or two).
    """
    w = weights(items, ctx, headline)
    cuts = [
        i
        for i, item in enumerate(items)
        if item.verdict.stop
        and i > (headline or 0)
        and (item.verdict.label in FIRM_STOPS or not (_in_header(items, i) or _in_button_bar(items, i)))
    ]
    best = (0.0, 0, 0)
    lo = 0
    for hi in cuts + [len(items)]:
        found = _best_stretch(w, lo, hi)
        if headline is not None and found[1] < headline < found[2] and whole_title(items, headline):
            # Teasers above the headline joined the stretch: the article starts below it.
            below = _best_stretch(w, headline + 1, hi)
            if below[0] >= MIN_ARTICLE_WEIGHT:
                found = below
        if found[0] >= MIN_ARTICLE_WEIGHT:
            best = found
            break
        best = max(best, found, key=lambda f: f[0])
        lo = hi + 1
    start, end = _with_standfirst(items, best[1], headline), _with_list(items, best[2])
    if start and ctx.steps[start - 1]:
        start -= 1  # the heading of the first step
    # The text ends with short lines and nothing else (see _with_list): they are the article's.
    tail = end if end == len(items) and any(k.verdict.kind is PROSE for k in items) else len(items)
    while tail > start and items[tail - 1].verdict.kind in (LINE, SENTENCE):
        tail -= 1
    table = _table(items, end) if best[0] else None
    if table is not None:
        tail, end = table
    return start, end, tail


#: A run of at least this many lines of one form right after the article is its table (see _table).
TABLE_LINES = 4
#: ...whose first this many marks are the same.
TABLE_MARKS = 2
_LETTERS_AND_SPACES = re.compile(r"[\w\s]+")


def _form(text: str) -> str:
    """A line's form: its marks, without letters, digits and spaces ("June 9 – Tampa, FL @
    Arena" and "July 2 – Mansfield, MA @ Center" are both "–,@")."""
    return _LETTERS_AND_SPACES.sub("", text)


def _table(items: list[Item], end: int) -> tuple[int, int] | None:
    """(start, end) of a table printed as short lines right after the article's last
    paragraph (``end``), its heading line included: at least TABLE_LINES lines whose first
    TABLE_MARKS marks agree ("June 9 – Tampa, FL @ Arena", "England (Group A): 10th
    appearance"): tour dates, results, standings. Teasers' headlines have few marks, and
    not the same ones. (A fact sheet of "Key: value" lines has one mark, as a list of
    "Kicker: headline" teasers has: it is not taken.)"""
    first = end
    if first < len(items) and items[first].verdict.kind is LINE and _form(items[first].text) == "":
        first += 1  # its heading ("Tour dates")
    if first >= len(items) or items[first].verdict.kind is not LINE:
        return None
    form = _form(items[first].text)[:TABLE_MARKS]
    if len(form) < TABLE_MARKS:
        return None
    j = first + 1
    while j < len(items) and items[j].verdict.kind is LINE and _form(items[j].text).startswith(form):
        j += 1
    return (end, j) if j - first >= TABLE_LINES else None


#: A "Comments" link at most this many blocks below the headline is in the article's header.
HEADER_BLOCKS = 8


def _in_header(items: list[Item], i: int) -> bool:
    """Whether block i is at most HEADER_BLOCKS below a repeat of the page's title (the
    headline, whose header holds the byline, date, share and comment links)."""
    if not page_title(items[0]):
        return False
    return any(
        is_headline(items[j], items[0]) and not _listed(items, j) for j in range(max(i - HEADER_BLOCKS, 1), i)
    )


def _listed(items: list[Item], i: int) -> bool:
    """Whether block i is one of at most HEADER_BLOCKS short lines under a widget's or a
    link list's heading: the page's title there is a teaser ("Recent posts" lists the
    article itself), not its headline."""
    for j in range(i - 1, max(i - HEADER_BLOCKS, 0) - 1, -1):
        v = items[j].verdict
        if v.kind is not LINE:
            return v.kind is NOISE and v.heading and v.label in SECTION_LABELS
    return False


def _in_button_bar(items: list[Item], i: int) -> bool:
    """A "Comments" link between other buttons (Share, Print, Email...): not a section."""
    return 0 < i < len(items) - 1 and items[i - 1].verdict.kind is NOISE and items[i + 1].verdict.kind is NOISE


def _with_list(items: list[Item], end: int) -> int:
    """Move the end past a list that the article's last line introduces ("Tour dates:"),
    or past the short lines that end the text when nothing after them is noise (on a
    page, a footer holds some noise; in cleaned text, they are the article's last lines)."""
    if end < len(items) and items[end].verdict.kind is not NOISE and items[end].feats.semi_terminal:
        end += 1  # the introducing line itself, which weighs nothing
    rest = items[end:]
    if end and len(rest) <= TAIL_MAX_ITEMS and all(i.verdict.kind in (LINE, SENTENCE) for i in rest):
        return len(items)
    if not end or not items[end - 1].feats.semi_terminal:
        return end
    limit = min(len(items), end + LIST_MAX_ITEMS)
    number = None  # the number of the last item, in a numbered list ("1) ...", "2) ...")
    while end < limit:
        if items[end].verdict.kind in (LINE, SENTENCE):
            number = _item_number(items[end])
        elif not (number is not None and end + 1 < limit and _item_number(items[end + 1]) == number + 1):
            break  # noise, unless a link or a photo's credit between numbered items that run on
        end += 1
    return end


_ITEM_NUMBER = re.compile(r"\d{1,3}(?=[.)] )")


def _item_number(item: Item) -> int | None:
    """The number of a numbered list item ("12) Polaroid 600 Camera"), else None."""
    found = _ITEM_NUMBER.match(item.text) if item.bullet else None
    return int(found.group()) if found else None


def _with_standfirst(items: list[Item], start: int, headline: int | None = None) -> int:
    """Move the start up to a paragraph of prose a few short lines above (the standfirst),
    below the headline (which may read as prose: a question).

    A summary paragraph is often separated from the body by the byline, date and
    caption, which weigh more than it does.
    """
    floor = -1 if headline is None else headline
    for i in range(start - 1, max(start - STANDFIRST_GAP - 1, floor), -1):
        kind = items[i].verdict.kind
        if kind is PROSE:
            return i
        if kind is NOISE and items[i].verdict.stop:
            break
    return start


def revise(items: list[Item], whole: bool = False, titled: bool = True) -> tuple[list[Decision], int | None]:
    """Decisions on every block, and the title's index. ``whole``: the text had no
    boilerplate to begin with, so it is one article from its first line to its last.
    ``titled``: look for a title (else every line is the article's)."""
    ctx = context(items)
    headline = find_headline(items)
    start, end, tail = (0, len(items), 0) if whole else main_run(items, ctx, headline)
    title = find_title(items, start, headline) if titled else None
    # The lines between the dek and the body (byline, date, photo) stay out.
    body_start = start
    if title and not whole:  # a headline above the article, not the page's first line
        start = with_dek(items, title, start)
    # A long line right under the headline is its standfirst, full stop or not.
    standfirst = title + 1 if title is not None and not whole and line_dek(items, title, start) else None
    if standfirst is not None:
        start = standfirst
    # A standfirst right under the headline starts the article: when a date or a byline
    # comes between it and the first paragraph (the photo's text aside), the short lines
    # there are its header (the author's name, a reading time), not headings.
    header_end = start
    if title is not None and not whole and start == title + 1 and items[start].verdict.kind is PROSE:
        paragraphs = (j for j in range(start + 1, end) if items[j].verdict.kind is PROSE and not _photo_text(items, j))
        first = next(paragraphs, start)
        if any(_header_line(items[j]) for j in range(start + 1, first)):
            header_end = first

    # Next kind (not a short line) after each block, right to left so every lookup is O(1).
    # A sentence introducing a list ("The rules are:") counts as prose here: a heading may open it.
    next_kind: list[Kind | None] = [None] * (len(items) + 1)
    for i in range(len(items) - 1, -1, -1):
        kind = items[i].verdict.kind
        if kind is SENTENCE and items[i].feats.semi_terminal:
            kind = PROSE
        next_kind[i] = kind if kind is not LINE else next_kind[i + 1]

    decisions: list[Decision] = []
    seen_body = False
    in_list = False  # after a kept line ending in a colon, until prose or noise
    kept_openings: dict[tuple[str, ...], int] = {}  # first words of the paragraphs kept so far: where
    first_paragraph: int | None = None
    section: Decision | None = None  # the decision on each item of the list under a noise heading we are in
    section_heading = ""  # ...that heading
    items_in_section = 0  # the items (not noise) of that list so far...
    shortest_item = shortest_chars = 0  # ...and the words and characters of the shortest of them
    ends_list: str | None = None  # the heading of the list that block i ends as the article's heading
    card = False  # block i (then i - 1) is a teaser of headline and summary in that list
    # A line repeats the title only if it opens with the title's first word: test that first.
    opening = items[title].feats.tokens[0] if title is not None and len(items[title].feats.tokens) >= 3 else None
    for i, item in enumerate(items):
        v = item.verdict
        kind = v.kind
        if i == title:
            section = None  # the headline starts the article: a list above it ends there
            decisions.append(_TITLE)
            continue
        if (
            opening is not None
            and kind is LINE
            and item.feats.tokens[:1] == (opening,)
            and title is not None  # set whenever opening is: narrows it for the type checker
            and repeats_title(item, items[title])
        ):
            decisions.append(_TITLE_AGAIN)
            in_list = False  # a list the article introduces does not run across its title
            continue
        if kind is NOISE:
            if v.label in SECTION_LABELS and v.heading:
                section = Decision(v.label, False, f'in the list under "{item.text}"')
                section_heading = item.text
                items_in_section = 0
            decisions.append(Decision(v.label, False, v.reason))
            continue
        ends_list = None
        card = section is not None and seen_body and _teaser_card(items, i, section_heading, card)
        if _ends_section(item) and not (card or section is not None and seen_body and _teaser_summary(items, i)):
            section = None
        elif section is not None:
            if _heading_after_list(items, i, items_in_section, shortest_item, shortest_chars):
                section, ends_list = None, section_heading
            else:
                words, chars = item.feats.words, len(item.text)
                shortest_item = words if not items_in_section else min(shortest_item, words)
                shortest_chars = chars if not items_in_section else min(shortest_chars, chars)
                items_in_section += 1
                decisions.append(section)
                continue
        after = items[i + 1].verdict if i + 1 < len(items) else None
        if after is not None and after.credit and item.feats.words <= CAPTION_MAX_WORDS:  # _photo_text, inlined
            decisions.append(_PHOTO_TEXT)
            continue
        if i == standfirst:
            decisions.append(_STANDFIRST_LINE)
            continue
        if start < i < body_start or (start < i < header_end and kind is LINE):
            decisions.append(_UNDER_STANDFIRST)
            continue
        inside = start <= i < end
        if not inside:
            decisions.append(_outside(items, i, start, end))
            continue
        if kind is LINE and whole:
            decisions.append(_WHOLE_LINE)
            continue
        if kind is LINE and (in_list or i >= tail) and ctx.repeats[i] < REPEATS:
            decisions.append(_LIST_ITEM)
            continue
        in_list = item.feats.semi_terminal
        if kind is PROSE:
            key = item.feats.tokens[:REPEAT_KEY_WORDS]
            # A teaser repeats a paragraph, whole or cut short. A paragraph longer than the
            # one it opens like is the article's: the earlier one was its pull quote, or, as
            # the article's first paragraph, its summary (which stays).
            earlier = kept_openings.get(key)
            if earlier is not None and not _asked_again(items, i, earlier):
                if item.feats.words <= items[earlier].feats.words:
                    decisions.append(_REPEATED_OPENING)
                    continue
                if earlier != first_paragraph:
                    decisions[earlier] = _REPEATED_LATER
            kept_openings[key] = i
            if first_paragraph is None:
                first_paragraph = i
            seen_body = True
            decisions.append(Decision(Label.BODY, True, v.reason))
        elif kind is SENTENCE:
            decisions.append(_SENTENCE)
        elif ctx.repeats[i] >= REPEATS:
            decisions.append(
                Decision(Label.REPEATED, False, f"a short line repeated {ctx.repeats[i]} times on the page")
            )
        elif ctx.steps[i] or (  # a step's heading, the first one too
            seen_body
            and next_kind[i + 1] is PROSE
            and item.feats.words <= HEADING_MAX_WORDS
            and not item.feats.dated
            and (item.bullet or ends_list is not None or ctx.line_run[i] <= HEADING_RUN)
        ):
            label = Label.BODY if item.bullet else Label.HEADING
            what = "a list item" if item.bullet else "a heading"
            after_list = f' after the list under "{ends_list}"' if ends_list is not None else ""
            decisions.append(Decision(label, True, f"{what} inside the article{after_list}"))
        else:
            decisions.append(_STRAY_LINE)
    if not whole:  # (a whole text keeps every block: no piece is left to keep)
        _keep_pieces(items, decisions, start, end)
        _drop_author_bio(items, decisions, body_start)
        _drop_about_us(items, decisions, body_start)
    _drop_article_copies(items, decisions)
    return decisions, title


#: Decisions on blocks that are not noise, by where they are alone: a piece of a kept
#: sentence is kept instead (see _keep_pieces). A list's item, a repeat, a caption stay out.
_BY_POSITION = frozenset({_STRAY_LINE, _LINE_BEFORE, _TEXT_BEFORE, _CAPTION_ABOVE, _LINE_AFTER, _TEXT_AFTER})
#: A block opening with one of these (or a lower-case letter) goes on from the block above.
_GOES_ON = frozenset(",.;:!?)]}”’»…")


def _keep_pieces(items: list[Item], decisions: list[Decision], start: int, end: int) -> None:
    """Keep the pieces of a sentence that the text was cut into at its links: a renderer
    that puts every text node on its own line turns "Trump said at <a>a rally</a> on
    Monday." into three lines, two of them short. A piece goes on from the one above: that
    one does not end like a sentence, and it opens with a lower-case letter or a
    punctuation mark. The pieces are kept when one of them is a kept paragraph, or when
    they lie inside the article and end a sentence. Only pieces dropped for where they are
    alone (_BY_POSITION) are kept: noise, a list's items and repeats stay out."""
    # Where a block goes on from the one above (one comprehension: this runs on every block).
    joins = [
        i
        for i in range(1, len(items))
        if not items[i - 1].feats.terminal
        and ((o := items[i].text[:1]) in _GOES_ON or (o.islower() and not "\u10d0" <= o <= "\u10ff"))
    ]  # (Georgian letters are all lower-case to Unicode: they start anything)
    k = 0
    while k < len(joins):
        first, last = joins[k] - 1, joins[k]  # the run of pieces [first, last]
        while k + 1 < len(joins) and joins[k + 1] == last + 1:
            k += 1
            last = joins[k]
        k += 1
        if any(decisions[j].kept and items[j].verdict.kind is PROSE for j in range(first, last + 1)) or (
            start <= first and last < end and items[last].feats.terminal
        ):
            for j in range(first, last + 1):
                if decisions[j] in _BY_POSITION:
                    decisions[j] = _PIECE


def _asked_again(items: list[Item], i: int, earlier: int) -> bool:
    """Whether paragraph i is an interview's question put again, word for word, to the
    next person: a question, the same as the earlier paragraph, each with a paragraph (an
    answer) right after it. A teaser repeating a question headline comes in a list, or
    right under the same headline (a page that prints it twice)."""
    item = items[i]
    return (
        item.text == items[earlier].text
        and last_mark(item) in "?？;؟"  # (";" is the Greek question mark)
        and i + 1 < len(items)
        and items[i + 1].verdict.kind is PROSE
        and items[earlier + 1].verdict.kind is PROSE
        and earlier + 1 < i
    )


#: A kept block of at least this many words may be the article again in one block...
COPY_MIN_WORDS = 150
#: ...when at least this many other kept paragraphs open (this many characters) inside it.
COPY_PARAGRAPHS = 2
COPY_PREFIX_CHARS = 60
_SENTENCE_START = re.compile(r"[.!?…。！？][\"'»”’)]*\s*")  # joined paragraphs may lack the space


def _drop_article_copies(items: list[Item], decisions: list[Decision]) -> None:
    """Drop a block that holds the article again, all its paragraphs run together (the
    page's structured data, or a digest quoting it), when its paragraphs are kept too:
    other kept paragraphs open after sentence ends inside it. Linear: one look-up per
    sentence of such a block."""
    long = [i for i, d in enumerate(decisions) if d.kept and items[i].feats.words >= COPY_MIN_WORDS]
    if not long:
        return
    openings = {
        items[i].text[:COPY_PREFIX_CHARS]
        for i, d in enumerate(decisions)
        if d.kept and items[i].verdict.kind is PROSE and len(items[i].text) >= COPY_PREFIX_CHARS
    }
    for i in long:
        text = items[i].text
        found = sum(text[m.end() : m.end() + COPY_PREFIX_CHARS] in openings for m in _SENTENCE_START.finditer(text))
        if found >= COPY_PARAGRAPHS:
            why = f"the article again in one block ({found} of its paragraphs)"
            decisions[i] = Decision(Label.REPEATED, False, why)


def _header_line(item: Item) -> bool:
    """A line of an article's header: a date line, or a byline from the lexicon."""
    v = item.verdict
    return (v.kind is LINE and item.feats.dated) or (v.kind is NOISE and v.label is Label.BYLINE)


def _photo_text(items: list[Item], i: int) -> bool:
    """Whether block i is the text of a photo: the line just above its credit."""
    return i + 1 < len(items) and items[i + 1].verdict.credit and items[i].feats.words <= CAPTION_MAX_WORDS


#: A teaser's date line ("2024-10-14", "14 Oct 2024") is at most this many words.
TEASER_DATE_WORDS = 4


def _teaser_summary(items: list[Item], i: int) -> bool:
    """Whether paragraph i, in the list under a noise heading after the article has begun,
    is a teaser's summary, not the article going on: it comes right under a short line
    that is a date with a year (a card of headline, date and summary). A time of day
    alone heads a live blog's next entry, and is not enough. The date may read as noise
    (a link, in HTML mode; "Published 3 May 2024")."""
    above = items[i - 1]
    return above.verdict.kind in (LINE, NOISE) and above.feats.words <= TEASER_DATE_WORDS and has_year(above.text)


#: A teaser written as a headline and a summary sentence on one line is at most this many words.
TEASER_CARD_WORDS = 40
#: ...in a list of at least this many.
TEASER_CARDS = 2


def _teaser_card(items: list[Item], i: int, heading: str, after_card: bool) -> bool:
    """Whether paragraph i, in the list under a noise heading after the article has begun,
    is a teaser written as one line of headline and summary ("Dinamo slavio u Gorici. Dva
    gola Tolića vratila su..."), not the article going on (see _card_shaped): right under
    the heading itself, with at least TEASER_CARDS such paragraphs in a row and noise or the
    page's end after them; or right under another such teaser. The article going on after
    a "Read more" link has more article after it, and its paragraphs seldom open with a
    headline-short sentence each (a "Trending" box of one-sentence facts is the article's)."""
    if not _card_shaped(items[i]):
        return False
    above = items[i - 1]
    if after_card and above.verdict.kind is PROSE:
        return True  # the next card of a list already found
    if not (above.verdict.kind is NOISE and above.text == heading):
        return False
    # Under the heading itself: a list of at least TEASER_CARDS such paragraphs that noise
    # (the next widget, the tags, the footer) or the page's end follows. The article going
    # on after a "Read more" link has more of the article after it.
    j = i
    while j < len(items) and items[j].verdict.kind is PROSE and _card_shaped(items[j]):
        j += 1
    return j - i >= TEASER_CARDS and (j == len(items) or items[j].verdict.kind is NOISE)


#: A teaser card's headline, its first sentence, is at most this many words.
CARD_HEADLINE_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?…][\"'»“”’)]*\s")


def _card_shaped(item: Item) -> bool:
    """A headline and a summary on one line: at most TEASER_CARD_WORDS, and a first sentence
    of at most CARD_HEADLINE_WORDS before another."""
    if item.feats.words > TEASER_CARD_WORDS:
        return False
    end = _SENTENCE_END.search(item.text)
    return end is not None and len(item.text[: end.start()].split()) <= CARD_HEADLINE_WORDS


def _heading_after_list(items: list[Item], i: int, count: int, shortest: int, shortest_chars: int) -> bool:
    """Whether block i, in the list under a noise heading, is the article's next heading
    instead (see SECTION_HEADING_SHARE): a short line right before a paragraph or a
    sentence that introduces a list ("The library will offer:"), much shorter than every
    item of the list above it (``shortest`` words, ``shortest_chars`` characters)."""
    item = items[i]
    # A question may head the next part ("Who can apply?"): it reads as a sentence or as prose.
    heading_like = item.verdict.kind is LINE or (title_like(item) and item.feats.words < SECTION_END_WORDS)
    if not heading_like or count < SECTION_MIN_ITEMS or i + 1 >= len(items):
        return False
    after = items[i + 1]
    opens = _ends_section(after) or (after.verdict.kind is SENTENCE and after.feats.semi_terminal)
    words, chars = item.feats.words, len(item.text)
    shorter = words <= SECTION_HEADING_SHARE * shortest or chars <= SECTION_HEADING_SHARE * shortest_chars
    return opens and words > 0 and shorter


def _ends_section(item: Item) -> bool:
    """A paragraph of at least SECTION_END_WORDS: prose, or a sentence that introduces a
    list with a colon (a teaser's headline ends with neither)."""
    kind = item.verdict.kind
    return (kind is PROSE or (kind is SENTENCE and item.feats.semi_terminal)) and item.feats.words >= SECTION_END_WORDS


#: The author's bio is among this many last paragraphs of the article.
BIO_LAST = 2
_WORD = re.compile(r"\w+")


def _names(text: str) -> set[tuple[str, str]]:
    """Pairs of capitalised words in a line ("Jane Doe" in "By Jane Doe | 12 March")."""
    words = _WORD.findall(text)
    return {
        (a, b) for a, b in zip(words, words[1:]) if a[:1].isupper() and b[:1].isupper() and a.isalpha() and b.isalpha()
    }


#: The heading of an author box is at most this many words: the author's name, and a
#: word such as "About", "Über" or "Sobre".
BIO_HEADING_WORDS = 3


def _last_paragraphs(items: list[Item], decisions: list[Decision], start: int) -> list[int]:
    """The article's last BIO_LAST kept paragraphs, last first: where templates put the
    author's bio and the site's "About us"."""
    last: list[int] = []
    for i in range(len(items) - 1, start - 1, -1):
        if decisions[i].kept and items[i].verdict.kind is PROSE:
            last.append(i)
            if len(last) == BIO_LAST:
                break
    return last


def _drop_about_us(items: list[Item], decisions: list[Decision], start: int) -> None:
    """Drop a paragraph right under a footer's heading ("About us", "Chi siamo", "Über uns")
    among the last paragraphs of the article: the company's or the site's own text, which
    press releases and blogs print after every article."""
    for i in _last_paragraphs(items, decisions, start):
        above = items[i - 1].verdict if i else None
        if above is not None and above.label is Label.FOOTER and above.heading:
            decisions[i] = Decision(Label.FOOTER, False, f'the text under "{items[i - 1].text}" after the article')


def _drop_author_bio(items: list[Item], decisions: list[Decision], start: int) -> None:
    """Drop the author's bio among the last paragraphs of the article: a paragraph right
    under an author box's heading from the lexicon ("About the author", "Über die
    Autorin"), one that opens with the name of a byline above the article ("By Jane Doe"
    ... "Jane Doe is a reporter covering ..."), or one right under a short line that ends
    with a name the paragraph holds ("Über Jane Doe", then "Als Reporterin schreibt Jane
    Doe ...").

    Inside the article a name is as likely to open a sentence or head a section as not,
    so only the last paragraphs are looked at; they are where templates put the bio. A
    kept heading that is only a name may head a profile's last part: it is left alone,
    unless it is the byline's name (the author box: "Jane Doe", then "Reporter covering
    the council since 2015.").
    """
    names: set[tuple[str, str]] = set()
    for i in range(1, start):
        # A byline by its phrase ("By Jane Doe"), or a bare name where the byline goes:
        # between the standfirst and the body.
        if items[i].verdict.label is Label.BYLINE or decisions[i] is _UNDER_STANDFIRST:
            names |= _names(items[i].text)
    for i in _last_paragraphs(items, decisions, start):
        words = _WORD.findall(items[i].text)
        above = items[i - 1] if i > start else None
        heading = _WORD.findall(above.text) if above is not None and above.verdict.kind is LINE else []
        if above is not None and above.verdict.label is Label.BYLINE and above.verdict.heading and _bio_heading(above):
            decisions[i] = Decision(Label.BYLINE, False, f'the author\'s bio (under "{above.text}")')
            continue
        if len(words) >= 2 and (words[0], words[1]) in names:
            decisions[i] = Decision(Label.BYLINE, False, f'the author\'s bio (opens with "{words[0]} {words[1]}" of the byline)')
            if decisions[i - 1].kept and 2 <= len(heading) <= BIO_HEADING_WORDS and (heading[-2], heading[-1]) in names:
                decisions[i - 1] = _BIO_HEADING  # the author's name over the bio
            continue
        box = _author_box(items, i, start)
        boxed = _names(items[box[0]].text) if box else set()
        # An author box: the name alone, the role under it, then the bio opening with the name,
        # or not naming them when a line above the article does ("Kommentar von Jane Doe").
        if len(words) >= 2 and (words[0], words[1]) in boxed:
            why = "opening with that name"
        elif boxed and any(boxed & _names(items[j].text) for j in range(1, start)):
            why = "named above the article"
        else:
            why = ""
        if why:
            decisions[i] = Decision(Label.BYLINE, False, f'the author\'s bio (under "{items[box[0]].text}", {why})')
            for j in box:
                decisions[j] = _BIO_HEADING
            continue
        if not 2 <= len(heading) <= BIO_HEADING_WORDS:
            continue
        assert above is not None  # the heading's words are read from it
        if (heading[-2], heading[-1]) in names:  # the byline's name over a bio that need not name them
            decisions[i] = Decision(Label.BYLINE, False, f'the author\'s bio (under "{above.text}", the name of the byline)')
            if decisions[i - 1].kept:
                decisions[i - 1] = _BIO_HEADING
            continue
        if decisions[i - 1].kept and len(heading) == 2:
            continue
        name = (heading[-2], heading[-1])
        if name in _names(" ".join(name)) and name in _names(items[i].text):
            decisions[i] = Decision(Label.BYLINE, False, f'the author\'s bio (under "{above.text}", naming its author)')
            if decisions[i - 1].kept:
                decisions[i - 1] = _BIO_HEADING


def _author_box(items: list[Item], i: int, start: int) -> list[int]:
    """The two short lines above paragraph i that may head an author box: a name alone
    ("Yasmine Hassan", two or three capitalised words) and a role under it ("Producer",
    "Editor", at most BIO_HEADING_WORDS words). Empty if the lines above are not such."""
    if i - 2 < start:
        return []
    name, role = items[i - 2], items[i - 1]
    titled = role.verdict.kind is LINE or role.verdict.label is Label.BYLINE  # "Editor" is a byline phrase
    if not (name.verdict.kind is LINE and titled and 0 < role.feats.words <= BIO_HEADING_WORDS):
        return []
    words = _WORD.findall(name.text)
    return [i - 2, i - 1] if 2 <= len(words) <= BIO_HEADING_WORDS and all(w[:1].isupper() for w in words) else []


def _bio_heading(item: Item) -> bool:
    """Whether a whole-line byline phrase is an author box's heading ("About the author",
    "Über die Autorin", "作者简介"): a few words, or one in a script without spaces; not a
    byline with a name ("Von Jana Berger", the article's own), a date or a time ("vor 1
    Std.", a teaser's), nor a single word ("Updated", "Quelle")."""
    tokens = item.feats.tokens
    return (
        bool(tokens)
        and (2 <= len(tokens) <= BIO_HEADING_WORDS or (len(tokens) == 1 and is_unspaced(tokens[0])))
        and not item.feats.dated
        and not any(c.isdigit() for c in item.text)
        and not _names(item.text)
    )


def _outside(items: list[Item], i: int, start: int, end: int) -> Decision:
    item = items[i]
    if i < start:
        if i == start - 1 and item.verdict.kind is LINE:
            return _CAPTION_ABOVE
        if item.verdict.kind is LINE:
            return _LINE_BEFORE
        return _TEXT_BEFORE
    if 0 <= item.feats.glued_at <= GLUED_MAX_POSITION:
        return _GLUED_FOOTER
    if item.verdict.kind is LINE:
        return _LINE_AFTER
    return _TEXT_AFTER
