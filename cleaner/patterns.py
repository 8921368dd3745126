"""Block-level patterns read with the lexicon: a block's phrase match, and the patterns
that a phrase list cannot hold (a credit line, a byline with a name, a caption ending
with its credit, a copyright notice)."""

from __future__ import annotations

import re

from .document import Label
from .lexicon import Lexicon, Match


#: A photo credit ("Foto: Agency") is a caption word, a colon, and at most this many words.
CREDIT_MAX_WORDS = 10
#: A photo's text with its credit at the end ("... Bild: Name/Agency") is at most this many words.
CAPTION_WITH_CREDIT_WORDS = 60
#: An inline link under a related-links word ("RELATED: <headline>") is at most this many words.
INLINE_LINK_WORDS = 25
#: A byline ("By Jane Doe | 12 March 2024") is at most this many words.
BYLINE_MAX_WORDS = 10
#: Labels of phrases that name a person after a colon: "Editor-in-chief: Jane Doe", "Text: Jane Doe".
_NAMED = frozenset({Label.FOOTER.value, Label.BYLINE.value})
#: ...a name of at most this many words.
NAME_MAX_WORDS = 5
#: A title before a byline's name is written short, in at most this many characters ("dr.", "Prof."; an
#: initial, "J.", is part of the name).
_TITLE_CHARS = 5
#: A line with a copyright sign and at most this many words is a copyright notice.
COPYRIGHT_MAX_WORDS = 25


#: Marks that stand for a colon: full-width, Armenian ("Լուսանկարը՝ Photolure", photo: ...),
#: Ethiopic ("ፎቶ፦ ..."), Khmer ("រូបថត៖ ..."), and the full-width slash of Chinese credits
#: ("圖／陳冠宇攝", picture: taken by ...; "文／", text by).
_COLONS = "：՝፦፥៖／"
_TO_COLON = str.maketrans(_COLONS, ":" * len(_COLONS))
_COLON_MARK = re.compile(f"[{_COLONS}]")


#: What may stand right before a credit's caption word, besides a space: an opening
#: bracket, or the end of a clause in a script without spaces ("...打磨。圖／航港局提供").
_BEFORE_CREDIT = str.maketrans(dict.fromkeys("(（。，、；！？", " "))


#: Marks that end the photo's text before its credit ("Symbolbild. Foto: dpa").
_CLAUSE_ENDS = frozenset(".|)–—-,;/·»!?")


#: After a kicker comes a headline of at least this many words; a credit is mostly a name.
KICKER_HEADLINE_WORDS = 3


def _kicker(words: list[str], tail: str) -> bool:
    """Whether the caption word ending ``words`` opens a kicker before a headline (``tail``),
    not a credit: one word before it and nothing else, not even a full stop ("Erstes Bild:
    So könnte ...", "Playoff picture: Raiders in pursuit"). A photo's text is longer, and
    a credit joins name and agency with a slash ("Feuerwehr Foto: Max Muster / dpa")."""
    return (
        len(words) == 2
        and words[0][-1:] not in _CLAUSE_ENDS
        and len(tail.split()) >= KICKER_HEADLINE_WORDS
        and "/" not in tail
    )


def match_block(lexicon: Lexicon, text: str) -> Match | None:
    """The lexicon's match for a block; else a copyright notice (©); else, from the
    lexicon's caption and byline words, a credit line ("Photo: Name/Agency"), a byline
    ("By Jane Doe | 12 March") or a photo's text ending with its credit, after a colon
    or without one ("... in Khan Younis. Photo AFP")."""
    found = lexicon.match(text)
    if found is not None:
        return found
    # Block texts are normalised (one space between words): counting spaces is much
    # cheaper than splitting a long paragraph into words.
    words = text.count(" ") + 1
    if "©" in text and words <= COPYRIGHT_MAX_WORDS:
        return Match(Label.FOOTER.value, "* © *", "any")
    marked = not text.isascii() and _COLON_MARK.search(text) is not None
    if marked:  # str.translate looks up every character: only where it changes one
        text = text.translate(_TO_COLON)
    colon = marked or ":" in text
    if colon and words <= INLINE_LINK_WORDS and ":" in text[:24]:
        before, _, after = text.partition(":")
        lead = lexicon.match(before)
        if lead is not None and lead.label == Label.LINK_LIST.value and lead.kind == "exact":
            # "RELATED: <headline>": one link, as "Read more: <headline>" is (not a list's heading).
            return Match(lead.label, f"{lead.phrase} *", lead.language)
        if lead is not None and words <= CREDIT_MAX_WORDS and (
            lead.label == Label.CAPTION.value  # "Photo: Name/Agency"
            or (  # "Editor-in-chief: Jane Doe", not "12.31 Uhr: <a live blog's headline>"
                lead.label in _NAMED
                and lead.kind == "exact"
                and len(after.split()) <= NAME_MAX_WORDS
                and not any(c.isdigit() for c in before)
            )
        ):
            return Match(lead.label, f"{lead.phrase}: ...", lead.language)
    if 3 <= words <= BYLINE_MAX_WORDS:
        named = text.split("|", 1)[0].split()
        byline = lexicon.exact(named[0]) if named else None
        if byline is not None and byline.label == Label.BYLINE.value:
            # A name (or a date) comes first ("By Jane Doe | 12 March"), not a phrase ("Von München bis Aachen: ..."),
            # after a title written short ("Door dr. Maaike Verhoef", "Von Prof. Jan Berg").
            while len(named) > 3 and 3 <= len(named[1]) <= _TITLE_CHARS and named[1].endswith("."):
                del named[1]
            name = len(named) >= 3 and not named[1][:1].islower() and not named[2][:1].islower()
            if name and sum(1 for w in named[1:] if w[:1].isupper() and w.isalpha()) >= 2:
                return Match(byline.label, f"{byline.phrase} <name>", byline.language)
    if colon and words <= CAPTION_WITH_CREDIT_WORDS:
        # The credits at the end, last first ("... Foto: Name (Agency) | Vídeo: EPV").
        head, _, tail = text.rpartition(":")
        while head and 0 < len(tail.split()) <= CREDIT_MAX_WORDS:
            head_words = head.translate(_BEFORE_CREDIT).split()
            credit = lexicon.match(head_words[-1]) if head_words else None
            if credit is not None and credit.label == Label.CAPTION.value and not _kicker(head_words, tail):
                return Match(credit.label, f"... {credit.phrase}: ...", credit.language)
            head, _, before = head.rpartition(":")
            tail = f"{before}:{tail}"
    if "/" in text and words <= CREDIT_MAX_WORDS:
        # "Mike Marsland/Getty Images": a name, a slash and a photo agency of the lexicon.
        person, _, agency = text.rpartition("/")
        credit = lexicon.exact(agency) if person.strip() and agency.strip() else None
        if credit is not None and credit.label == Label.CAPTION.value:
            return Match(credit.label, f"<name>/{credit.phrase}", credit.language)
    # A full stop, a bar or a bracket comes before such a credit (most short lines stop here),
    # and a name ends it, or a lower-case caption word after the name ("BNS nuotr.").
    if 2 <= words <= CAPTION_WITH_CREDIT_WORDS:
        cut = text.rfind(" ")
        if text[cut + 1 : cut + 2].islower():
            # Most paragraphs end with two lower-case words: no name there.
            space = text.rfind(" ", 0, cut)
            found = None if text[space + 1 : space + 2].islower() else _credit_last(lexicon, text)
        elif words >= 3 and (". " in text or "(" in text or "| " in text):
            found = _credit_without_colon(lexicon, text)
        else:
            found = None
        if found is not None:
            return found
    if (
        words <= DOWNLOAD_MAX_WORDS
        and ("(" in text or "[" in text)
        and _FILE_SIZE.search(text) is not None
        and _FILE_TYPE.search(text) is not None
    ):
        return Match(Label.NAVIGATION.value, "* (PDF, 1 MB) *", "any")
    return None


#: A link to a file names its type and size in brackets ("Download the map (PDF, 1.2 MB)",
#: "Atsisiųsti schemą (PDF, 1,2 MB)", "Télécharger [DOCX, 245 Ko]") in at most this many words.
DOWNLOAD_MAX_WORDS = 15
# A size in kilo-, mega- or gigabytes: English, French (octets) and Cyrillic units.
_FILE_SIZE = re.compile(r"\d ?(?:[kKMG][Bo]|[КкМГ][Бб])\b")
_FILE_TYPE = re.compile(r"\b(?:PDF|DOCX?|XLSX?|PPTX?|ODT|ODS|RTF|ZIP|CSV|EPUB|MP3|MP4)\b", re.IGNORECASE)


#: A credit without a colon after the photo's text ("... konferencji. Fot. PAP/Leszek
#: Szymański", "... a Palazzo Chigi (foto Ansa)") names at most this many words.
CREDIT_NAME_WORDS = 4


def _credit_last(lexicon: Lexicon, text: str) -> Match | None:
    """A caption ending with its credit, the caption word last and lower-case, after a name
    of at most CREDIT_NAME_WORDS words that opens the block or a clause ("Vytauto prospektas.
    Savivaldybės nuotr.", "... (BNS nuotr.)", "... / LRT nuotr.": photo by the town hall, by
    BNS, by LRT)."""
    parts = text.rsplit(None, CREDIT_NAME_WORDS + 1)
    whole = len(parts) <= CREDIT_NAME_WORDS + 1  # the block is a name and the caption word
    for k in range(len(parts) - 2, -1, -1):  # the name first, then the caption word
        if parts[k][:1].islower() or not (k or whole):  # (parts[0] of a longer block is its rest)
            return None
        if not k or parts[k].startswith("(") or parts[k - 1][-1:] in (".", "|", "/"):
            credit = lexicon.exact(parts[-1])
            if credit is None or credit.label != Label.CAPTION.value:
                return None
            return Match(credit.label, f"... <name> {credit.phrase}", credit.language)
    return None


def _credit_without_colon(lexicon: Lexicon, text: str) -> Match | None:
    """A caption ending with its credit written without a colon: a caption word that opens
    a clause (after a full stop or a bar, or in brackets) near the end, then a name of at
    most CREDIT_NAME_WORDS words, none of them lower-case but the byline word ("Photo AFP",
    "Photo by Jane Doe"; not "Photo booths are open")."""
    parts = text.rsplit(None, CREDIT_NAME_WORDS + 1)
    for k in range(1, len(parts) - 1):
        word, before = parts[k], parts[k - 1]
        if not (word.startswith("(") or before[-1:] in ".|"):
            continue
        credit = lexicon.exact(word)
        if credit is None or credit.label != Label.CAPTION.value:
            continue
        name = parts[k + 1 :]
        by = lexicon.exact(name[0]) if name[0][:1].islower() else None
        if by is not None and by.label == Label.BYLINE.value:
            name = name[1:]  # "by"
        if name and not any(w[:1].islower() for w in name):
            return Match(credit.label, f"... {credit.phrase} <name>", credit.language)
    return None
