"""Hypothesis strategies for scraped text and HTML, realistic and hostile.

Import from a test module as ``import strategies`` (tests/conftest.py puts tests/ on
sys.path). Everything here is a strategy or a pure helper; nothing touches cleaner.

* ``realistic_text``: pages as scrapers give them: headings, short navigation lines,
  bullets, boilerplate phrases, long paragraphs with sentence punctuation, in a dozen
  scripts, with ``\\n``, ``\\r\\n`` or ``\\r`` line ends.
* ``hostile_text``: the same lines mixed with everything corpora also contain: any code
  point (lone surrogates, NUL and other control characters included), right-to-left
  text and bidi controls, stacks of combining marks, zero-width characters, every
  Unicode line separator, very long words, thousands of blank lines, lines made only of
  punctuation or emoji.
* ``html_documents``: pages built from a token soup: unclosed and misnested tags,
  deep nesting, comments (well-formed and not), CDATA, DOCTYPEs with entity
  declarations (internal, external, parameter, billion laughs), ``<script>``/``<style>``
  bodies that look like markup, attributes with odd quoting, numeric and named
  character references (valid, out of range, surrogates, NUL, unterminated).
* ``html_bytes``: those pages encoded in various charsets, with a BOM or not, with a
  charset declaration that is right, wrong or absent; and plain binary noise.
"""

from __future__ import annotations

import string

from hypothesis import settings
from hypothesis import strategies as st


def scaled_examples(share: float, minimum: int = 10) -> int:
    """A share of the active profile's max_examples (see conftest.py), for slow properties."""
    return max(minimum, int(settings.default.max_examples * share))


# --- vocabulary -------------------------------------------------------------------------

#: Words per script, stopwords first, so that generated paragraphs read as prose to a
#: stoplist-based classifier. (Unspaced scripts: a "word" is a short run of characters.)
WORDS: dict[str, list[str]] = {
    "en": "the of and to in a is that for it as was with on by he at from this have not are "
    "council library budget river storm residents plan week city water school".split(),
    "fr": "le la de et les des un une est pour que dans qui sur pas au plus par "
    "gouvernement ville année projet habitants école été réseau".split(),
    "de": "der die und das ist nicht mit den von zu ein eine sich auf für im "
    "Stadt Regierung Jahr Wasser Schule Heizkörper Straße".split(),
    "ru": "и в не на что с по как это он из за для от "
    "город правительство год вода школа река жители".split(),
    "el": "και το η της του να με που για από στο τα "
    "πόλη κυβέρνηση χρόνια νερό σχολείο λάδι".split(),
    "ar": "في من على أن إلى عن مع هذا التي الذي كان "
    "المدينة الحكومة الماء المدرسة السكان".split(),
    "he": "של את על זה לא עם כי גם הוא היא "
    "העיר הממשלה מים בית ספר תושבים".split(),
    "hi": "के है में की और से को का एक यह "
    "सरकार शहर पानी स्कूल साल".split(),
    "zh": "的 是 在 了 和 有 这 政府 城市 学校 今年 居民 河流 图书馆".split(),
    "ja": "の に は を が で と 政府 市 学校 今年 住民 川 図書館 です ます".split(),
    "ko": "그 이 는 을 를 에서 정부 도시 학교 올해 주민 강".split(),
    "th": "การ ที่ ของ และ ใน รัฐบาล เมือง โรงเรียน ปีนี้ แม่น้ำ".split(),
}
#: Scripts written without spaces between words.
UNSPACED = {"zh", "ja", "th"}
#: Sentence-final punctuation per language.
TERMINALS = {
    "en": ".!?", "fr": ".!?…", "de": ".!?", "ru": ".!?", "el": ".;!", "ar": ".؟!", "he": ".?!",
    "hi": "।?!", "zh": "。！？", "ja": "。！？", "ko": ".?!", "th": " .",
}
LANGS = sorted(WORDS)
BULLETS = ["• ", "· ", "- ", "* ", "– ", "▪ ", "► ", "✓ ", "1. ", "12) ", "→ "]
BOILERPLATE = [
    "Read more", "Share", "Tweet", "Reply", "Advertisement", "Subscribe to our newsletter",
    "All rights reserved.", "© 2024 Example Media Group", "Cookie settings", "Sign in",
    "Related articles", "Comments", "Lire la suite", "Weiterlesen", "Читать далее",
    "Home | News | Sport | Weather", "Home » World » Europe", "www.example.com",
    "https://example.com/a/b?c=d", "Photo: Reuters", "5 min read", "Updated 12:04 GMT",
]


def _join(lang: str, words: list[str]) -> str:
    return ("" if lang in UNSPACED else " ").join(words)


@st.composite
def sentence(draw, lang: str | None = None, min_words: int = 4, max_words: int = 30) -> str:
    lang = lang or draw(st.sampled_from(LANGS))
    words = draw(st.lists(st.sampled_from(WORDS[lang]), min_size=min_words, max_size=max_words))
    text = _join(lang, words)
    text = text[:1].upper() + text[1:]
    return text + draw(st.sampled_from(TERMINALS[lang])).strip()


@st.composite
def paragraph(draw) -> str:
    lang = draw(st.sampled_from(LANGS))
    sentences = draw(st.lists(sentence(lang), min_size=1, max_size=6))
    text = ("" if lang in UNSPACED else " ").join(sentences)
    # Quotes or brackets after the final punctuation, sometimes.
    return text + draw(st.sampled_from(["", "", "", "”", "»", ")", "\""]))


@st.composite
def heading(draw) -> str:
    lang = draw(st.sampled_from(LANGS))
    words = draw(st.lists(st.sampled_from(WORDS[lang]), min_size=1, max_size=8))
    return _join(lang, [w[:1].upper() + w[1:] for w in words])


nav_line = st.one_of(
    st.sampled_from(BOILERPLATE),
    st.lists(st.sampled_from(WORDS["en"] + WORDS["de"]), min_size=1, max_size=3).map(" ".join),
    st.lists(st.sampled_from(["Home", "News", "Sport", "Kultur", "Спорт", "أخبار", "ニュース"]),
             min_size=2, max_size=7).flatmap(
        lambda items: st.sampled_from([" | ", " » ", " / ", " · ", " > "]).map(lambda sep: sep.join(items))
    ),
    st.dates().map(str),
    st.integers(0, 10**6).map(str),
)
bullet_line = st.tuples(st.sampled_from(BULLETS), st.one_of(heading(), sentence(max_words=12))).map("".join)
#: One line of a realistic scraped page (no line break inside).
realistic_line = st.one_of(
    paragraph(), paragraph(), heading(), nav_line, bullet_line, sentence(max_words=8), st.just("")
)
#: Line ends scrapers produce.
NEWLINES = st.sampled_from(["\n", "\n", "\n", "\n\n", "\r\n", "\r"])


@st.composite
def realistic_text(draw, max_lines: int = 60) -> str:
    """A scraped page's visible text: a few lines of noise, an article, more noise."""
    lines = draw(st.lists(realistic_line, max_size=max_lines))
    newline = draw(NEWLINES)
    text = newline.join(lines)
    if draw(st.booleans()):
        text += newline
    return text


# --- hostile text -----------------------------------------------------------------------

CONTROL = [chr(c) for c in range(0x20)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
#: Every character str.splitlines() breaks at, and other white space.
LINE_SEPARATORS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
SPACES = [" ", "\t", "\xa0", "\u1680", "\u2000", "\u2003", "\u200a", "\u202f", "\u205f", "\u3000", "\x1f"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u180e", "\u00ad", "\u034f"]
BIDI = ["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
        "\u2066", "\u2067", "\u2068", "\u2069"]
COMBINING = ["\u0300", "\u0301", "\u0308", "\u0327", "\u0336", "\u0489", "\u064b", "\u05b4",
             "\u093c", "\u20dd", "\u20e3", "\ufe0f", "\u3099"]
EMOJI = ["😀", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇫🇷", "🇺🇦", "1️⃣", "❤️", "🔥", "✨", "🤷‍♀️", "\U0001fae0"]
PUNCTUATION = string.punctuation + "…—–«»„“”‘’¡¿。、！？·•|¶§†‡※"

lone_surrogate = st.characters(categories=["Cs"])
any_char = st.characters()  # every code point, lone surrogates and unassigned ones included
rtl_text = st.tuples(
    st.sampled_from(BIDI), st.one_of(sentence("ar"), sentence("he"), heading()), st.sampled_from(BIDI + [""])
).map("".join)
zalgo = st.tuples(
    st.sampled_from(list("aeoxЖשعक字")), st.lists(st.sampled_from(COMBINING), min_size=1, max_size=80).map("".join)
).map("".join)
long_word = st.tuples(
    st.sampled_from(["a", "Ж", "字", "ab", "x\u0301", "😀", "-", "."]), st.integers(1_000, 30_000)
).map(lambda t: t[0] * (t[1] // len(t[0])))
blank_lines = st.tuples(
    st.sampled_from(["\n", "\r\n", "\r", " \n", "\t\r\n", "\u2028", "\x0c\n", "\u200b\n"]), st.integers(100, 5_000)
).map(lambda t: t[0] * t[1])
punctuation_line = st.text(st.sampled_from(PUNCTUATION), min_size=1, max_size=80)
emoji_line = st.lists(st.sampled_from(EMOJI + [" "]), min_size=1, max_size=40).map("".join)

#: One piece of hostile text; pieces are concatenated with no separator of their own.
hostile_piece = st.one_of(
    st.text(any_char, max_size=30),
    st.lists(st.sampled_from(CONTROL + LINE_SEPARATORS + SPACES + ZERO_WIDTH + BIDI + COMBINING), max_size=20).map("".join),
    lone_surrogate,
    st.sampled_from(LINE_SEPARATORS),
    st.sampled_from(["\x00", "\x00\x00\n", "\ufffd", "\ufffe", "\uffff", "\U0010ffff", "\U000e0001"]),
    rtl_text,
    zalgo,
    long_word,
    blank_lines,
    punctuation_line,
    emoji_line,
    realistic_line,
    realistic_line.map(lambda line: line + "\n"),
)


@st.composite
def hostile_text(draw, max_pieces: int = 40) -> str:
    """Text mixing realistic lines with every kind of hostile content."""
    return "".join(draw(st.lists(hostile_piece, max_size=max_pieces)))


#: Realistic or hostile, weighted towards realistic pages (where the decisions are made).
any_text = st.one_of(realistic_text(), realistic_text(), hostile_text())


# --- HTML -------------------------------------------------------------------------------

TAGS = (
    "html head body title meta link base p div span a b i em strong u br hr img h1 h2 h3 h6 "
    "ul ol li dl dt dd table thead tbody tr td th caption nav header footer aside main article "
    "section figure figcaption blockquote pre code form input select option textarea button "
    "label script style noscript template iframe object svg math details summary "
    "frameset frame xmp plaintext listing noembed font center marquee address time"
).split()
ATTRIBUTES = [
    "", ' class="article-body"', " class='comment-list'", " class=share-buttons", ' id="nav"',
    ' role="navigation"', ' role="main"', " hidden", ' aria-hidden="true"', ' style="display:none"',
    ' style="visibility : hidden"', ' itemprop="articleBody"', ' href="https://example.com/"',
    ' href="javascript:alert(1)"', ' src="http://127.0.0.1:9/x.png"', ' title="a \'quoted\' title"',
    " title='a \"quoted\" title'", ' class="unterminated', " id=a\"b", " class=", ' =x', ' "x"',
    ' class="a" class="b"', " data-x='<p>not markup</p>'", ' alt="&quot;&amp;&lt;"',
    ' onclick="document.write(\'<p>injected</p>\')"', ' class="\nnav\n"', " CLASS=SIDEBAR",
    ' lang="ar" dir="rtl"', ' xmlns="http://www.w3.org/2000/svg"', " class=a'b'c", " ''=''",
]
ENTITY_REFS = [
    "&amp;", "&lt;p&gt;", "&nbsp;", "&nbsp", "&eacute;", "&copy", "&#233;", "&#xE9;", "&#0;",
    "&#x0;", "&#xD800;", "&#55296;", "&#1114112;", "&#x110000;", "&#99999999999;", "&#x;",
    "&#;", "&bogus;", "&xxe;", "&lol9;", "&", "&&", "&#128512;", "&#x202E;", "&#13;", "&#x85;",
]
DOCTYPES = [
    "<!DOCTYPE html>",
    "<!doctype html public \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">",
    '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE html [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]>',
    '<!DOCTYPE html [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>',
    '<!DOCTYPE html [<!ENTITY bogus "INVENTED-BY-ENTITY">]>',
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>',
    '<?xml version="1.0" encoding="ISO-8859-1"?>',
    "<!DOCTYPE",
    "",
]
COMMENTS = [
    "<!-- a comment -->", "<!---->", "<!--->", "<!-->", "<!-- -- -->", "<!-- <p>hidden</p> -->",
    "<!-- unterminated", "<!--[if IE]><p>conditional</p><![endif]-->", "<!>", "<! bogus >",
    "<?php echo 'x'; ?>", "<?xml-stylesheet href='http://127.0.0.1:9/s.xsl'?>", "--!>",
]
CDATA = ["<![CDATA[ <p>not a paragraph</p> ]]>", "<![CDATA[", "]]>", "<![CDATA[]]>", "<![if !IE]>"]
RAW_BODIES = [
    "var s = '</p><p>looks like markup</p>';", "</scr' + 'ipt>", "<!--", "document.write('<h1>x</h1>')",
    "p { content: '</style><p>escaped</p>' }", "if (a < b && c > d) {}", "<![CDATA[ x ]]>",
]


@st.composite
def start_tag(draw) -> str:
    tag = draw(st.sampled_from(TAGS))
    tag = draw(st.sampled_from([tag, tag.upper(), tag.capitalize()]))
    attrs = "".join(draw(st.lists(st.sampled_from(ATTRIBUTES), max_size=3)))
    close = draw(st.sampled_from([">", ">", ">", "/>", " >", "", "\n>"]))
    return f"<{tag}{attrs}{close}"


end_tag = st.sampled_from(TAGS).map(lambda tag: f"</{tag}>") | st.sampled_from(["</>", "</ p>", "</p ", "</div foo='>'>"])
raw_element = st.tuples(
    st.sampled_from(["script", "style", "textarea", "title", "xmp", "noscript", "template"]),
    st.sampled_from(RAW_BODIES),
    st.booleans(),
).map(lambda t: f"<{t[0]}>{t[1]}" + (f"</{t[0]}>" if t[2] else ""))
def _nest(t: tuple[str, int, bool, str]) -> str:
    tag, depth, closed, text = t
    return f"<{tag}>" * depth + text + (f"</{tag}>" * depth if closed else "")


#: Deep nesting, past libxml2's depth limit (2048) too. Nested <table>s stay shallower:
#: trafilatura's table handling is cubic in their depth (1,600 levels take 13 s), a known
#: problem measured by benchmarks/linear.py rather than rediscovered by every test run.
deep_nesting = st.one_of(
    st.tuples(st.sampled_from(["div", "span", "b", "li", "p", "a", "blockquote", "font"]),
              st.integers(10, 3_000), st.booleans(), paragraph()).map(_nest),
    st.tuples(st.just("table"), st.integers(10, 150), st.booleans(), paragraph()).map(_nest),
)
text_token = st.one_of(paragraph(), heading(), nav_line, sentence(max_words=10), hostile_piece)
block = st.tuples(
    st.sampled_from(["p", "div", "li", "h2", "td", "figcaption", "nav", "footer", "article", "pre"]),
    st.sampled_from(ATTRIBUTES),
    st.one_of(paragraph(), heading(), nav_line),
    st.booleans(),
).map(lambda t: f"<{t[0]}{t[1]}>{t[2]}" + (f"</{t[0]}>" if t[3] else ""))
html_token = st.one_of(
    block, block, text_token, start_tag(), end_tag, raw_element, st.sampled_from(COMMENTS),
    st.sampled_from(CDATA), st.sampled_from(ENTITY_REFS), st.just("<"), st.just(">"),
    st.just("</"), deep_nesting,
)


@st.composite
def html_documents(draw, max_tokens: int = 40) -> str:
    """A page: maybe a DOCTYPE (with entity declarations), head, title, then a token soup."""
    tokens = draw(st.lists(html_token, max_size=max_tokens))
    if draw(st.booleans()):
        return "".join(tokens)  # a fragment, no structure at all
    doctype = draw(st.sampled_from(DOCTYPES))
    title = draw(st.one_of(st.just(""), heading().map(lambda h: f"<title>{h}</title>")))
    meta = draw(st.sampled_from(["", '<meta charset="utf-8">', '<meta property="og:title" content="An og title">']))
    close = draw(st.sampled_from(["</body></html>", "", "</html>"]))
    return f"{doctype}<html><head>{meta}{title}</head><body>{''.join(tokens)}{close}"


CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "koi8-r", "shift_jis", "gb18030"]
DECLARED = ["", "utf-8", "iso-8859-1", "windows-1252", "koi8-r", "shift_jis", "utf-16", "x-no-such-charset", "\"'><"]


@st.composite
def html_bytes(draw) -> bytes:
    """A page's bytes: some charset, declared correctly, wrongly or not at all; or noise."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=2_000))
    page = draw(html_documents(max_tokens=20))
    declared = draw(st.sampled_from(DECLARED))
    if declared:
        page = f'<meta charset="{declared}">' + page
    codec = draw(st.sampled_from(CODECS))
    data = page.encode(codec, errors="replace" if codec != "utf-8" else "surrogatepass")
    if draw(st.integers(0, 4)) == 0:  # a few invalid bytes somewhere
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\x00"])) + data[at:]
    return data
