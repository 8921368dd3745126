"""HTML input: markup hints, charset decoding, hostile pages, determinism, no invention."""

from __future__ import annotations

import codecs

import pytest

import cleaner
from cleaner import Label
from cleaner import html as markup
from cleaner import nesting

ARTICLE = [
    "The city council voted on Tuesday to keep the central library open for another year, "
    "after a campaign by residents that lasted most of the winter.",
    "The building, which dates from 1910, had been due to close in March because the heating "
    "system and the roof both need repairs that the council said it could not afford.",
    "Residents collected more than four thousand signatures and packed the last two meetings of "
    "the council, where speaker after speaker described what the library means to the town.",
    "The council will now look for grants to pay for the repairs, and a group of volunteers has "
    "offered to run a reading programme for children on Saturday mornings.",
]


def page(body: str, *, title: str = "Library stays open after residents' campaign", head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} - The Town Gazette</title>"
        f"{head}</head><body>{body}</body></html>"
    )


def article_html(paragraphs: list[str] = ARTICLE, inner: str = "") -> str:
    ps = "".join(f"<p>{p}</p>" for p in paragraphs[:2]) + inner + "".join(f"<p>{p}</p>" for p in paragraphs[2:])
    return f"<article><h1>Library stays open after residents' campaign</h1>{ps}</article>"


NAV = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li></ul></nav>"
FOOTER = (
    "<footer><p>The Town Gazette is published by Gazette Media Limited, registered in England, "
    "and all of its content is protected by copyright law.</p><a href='/privacy'>Privacy policy</a></footer>"
)
ASIDE = (
    "<aside><h3>Most read</h3><p>A long teaser about the harbour festival that draws visitors from "
    "all over the region every single summer, written as a full sentence.</p></aside>"
)
RELATED = (
    "<div class='related-articles'><h3>Related stories</h3><p>Council approves a new budget for the "
    "swimming pool after a long debate that went on late into the night.</p></div>"
)
SHARE = "<div class='share-buttons'><a href='#'>Facebook</a> <a href='#'>Twitter</a> <a href='#'>Email</a></div>"
COMMENTS = (
    "<div id='comments'><h3>3 comments</h3><div class='comment'><p>I have been going to this library "
    "since I was a child and I am so glad it will stay open for all of us.</p></div></div>"
)


def full_page() -> str:
    return page(NAV + "<main>" + article_html(inner=SHARE) + RELATED + COMMENTS + "</main>" + ASIDE + FOOTER)


def test_article_kept_and_containers_dropped():
    doc = cleaner.clean_html_document(full_page())
    assert doc.paragraphs == ARTICLE
    text = "\n".join(doc.paragraphs)
    for noise in ("Home", "Most read", "harbour festival", "swimming pool", "Facebook", "glad it will stay open", "copyright"):
        assert noise not in text
    reasons = {b.text: b.reason for b in doc.blocks}
    assert "inside <nav>" in reasons["Home News Sport"]  # a menu is one block
    assert "<aside>" in reasons["Most read"]


def test_title_is_found():
    doc = cleaner.clean_html_document(full_page())
    assert doc.title is not None and "Library stays open" in doc.title
    assert doc.blocks[0].label is Label.TITLE
    # og:title wins over <title> (no site name after it)
    og = page(article_html(), head="<meta property='og:title' content='Library stays open'>")
    assert cleaner.clean_html_document(og).title == "Library stays open"


def test_the_headline_is_not_body_text():
    doc = cleaner.clean_html_document(full_page())
    h1 = [b for b in doc.blocks if b.text == "Library stays open after residents' campaign" and b.index > 0]
    assert h1 and not any(b.kept and b.label is Label.BODY for b in h1)


def test_figcaption_is_a_caption():
    figure = (
        "<figure><img src='library.jpg' alt=''><figcaption>The central library on Market Street, "
        "photographed in January by a local resident.</figcaption></figure>"
    )
    doc = cleaner.clean_html_document(page(article_html(inner=figure)))
    assert doc.paragraphs == ARTICLE
    caption = next(b for b in doc.blocks if b.text.startswith("The central library on Market Street"))
    assert not caption.kept and caption.label is Label.CAPTION


def test_a_paragraph_beside_an_image_in_a_photo_container_is_a_caption():
    # No <figure>: a <div class="image top"> holding the <img> and a <p> under the headline,
    # which trafilatura leaves out.
    photo = (
        "<div class='image top'><img src='library.jpg' alt=''><p>In this January 2024 file photo, made "
        "available by the council, residents gather in front of the central library on Market Street.</p></div>"
    )
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    html = page(f"<h1>Library stays open after residents' campaign</h1>{photo}<div class='article-body'>{body}</div>")
    doc = cleaner.clean_html_document(html)
    assert doc.paragraphs == ARTICLE
    caption = next(b for b in doc.blocks if b.text.startswith("In this January 2024 file photo"))
    assert not caption.kept and caption.label is Label.CAPTION


def test_the_standfirst_in_the_articles_header_is_kept():
    # trafilatura leaves the <header> out; the paragraph right under the <h1> there is the standfirst.
    lead = ("Residents collected four thousand signatures over the winter, and the council listened at last: "
            "the library that was to close in March because of its roof stays open for another year")
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    html = page(f"<article><header><h1>Library stays open after residents' campaign</h1><p class='lead'>{lead}</p>"
                f"<p>By Jane Doe</p><p>12 March 2024</p></header><div class='article-body'>{body}</div></article>")
    doc = cleaner.clean_html_document(html)
    assert doc.paragraphs == [lead, *ARTICLE]


def test_class_names_are_read_in_camel_case_too():
    from cleaner.html import class_context

    assert "ad" in class_context("InlineDonationPromo-container")
    assert "related" in class_context("relatedPosts") and "related" in class_context("RelatedPosts")
    assert "menu" in class_context("NavBar")
    assert not class_context("ArticleHeader__Title")  # no word of it names furniture


def test_an_appeal_in_a_camel_case_promo_box_after_the_article_is_dropped():
    appeal = ("Wait! Before you go on about your day, ask yourself how likely it is that the story you just "
              "read would have been written by anyone else if we had not done it.")
    box = f"<div class='InlineDonationPromo'><p>{appeal}</p></div>"
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    html = page(f"<h1>Library stays open after residents' campaign</h1><div class='article-body'>{body}</div>{box}"
                "<p>Contact the author:</p>")
    doc = cleaner.clean_html_document(html)
    assert appeal not in doc.paragraphs


def test_a_paywall_notice_ends_the_article_though_the_extraction_goes_on():
    # trafilatura takes the sign-up pitch under the notice for more of the article.
    pitch = ["Subscribe today and get unlimited access to every story, our daily newsletter and forty years of archive.",
             "Print subscribers can register for free and read every article on the website and in the app."]
    notice = "This article is for subscribers only."
    body = "".join(f"<p>{p}</p>" for p in [*ARTICLE[:2], notice, *pitch])
    html = page(f"<article><h1>Library stays open after residents' campaign</h1>{body}</article>" + FOOTER)
    doc = cleaner.clean_html_document(html)
    assert doc.paragraphs == ARTICLE[:2]


FRENCH = [
    "À la suite d’une vague d’attentats ces derniers mois, un nombre croissant de gouvernements "
    "font appel aux réseaux sociaux pour surveiller les activités extrémistes sur leurs plateformes.",
    "La France discute désormais directement avec les grandes plateformes, et le Premier ministre "
    "a rencontré leurs représentants pour préparer un plan commun contre la propagande en ligne.",
    "Ce que nous savons, grâce à un communiqué de presse, c’est que le gouvernement et les "
    "entreprises se sont mis d’accord pour définir une stratégie de contre-discours en ligne.",
    "Dans le passé, plusieurs pays ont lancé des campagnes en ligne pour lutter contre la "
    "radicalisation, avec des résultats que les chercheurs jugent encore difficiles à mesurer.",
]


def test_recommended_videos_widget_and_editors_picks_removed():
    widget = "<div class='video-player'><h3>Vidéos recommandées</h3></div>"
    picks = (
        "<h3>Recommandations des rédacteurs</h3><ul>"
        "<li><a href='/a'>Qu’est-ce que le mastodonte? Voici pourquoi tout le monde en parle</a></li>"
        "<li><a href='/b'>Un milliardaire suspend son accord en attendant l'examen des données</a></li>"
        "<li><a href='/c'>La nouvelle application musicale est une façon amusante de jouer</a></li>"
        "</ul>"
    )
    body = (
        "<article><h1>La France exhorte les réseaux sociaux à combattre la propagande</h1>"
        + "".join(f"<p>{p}</p>" for p in FRENCH[:2])
        + widget
        + "".join(f"<p>{p}</p>" for p in FRENCH[2:])
        + picks
        + "</article>"
    )
    html = page(body, title="La France exhorte les réseaux sociaux à combattre la propagande")
    doc = cleaner.clean_html_document(html)
    assert doc.paragraphs == FRENCH
    dropped = {b.text for b in doc.dropped}
    assert "Vidéos recommandées" in dropped
    assert "Recommandations des rédacteurs" in dropped
    assert any(t.startswith("Qu’est-ce que le mastodonte") for t in dropped)


def test_link_dense_block_is_dropped_with_its_density():
    links = "<p><a href='/1'>Council news</a> <a href='/2'>Library hours</a> <a href='/3'>Events</a></p>"
    doc = cleaner.clean_html_document(page(article_html(inner=links)))
    block = next(b for b in doc.blocks if b.text == "Council news Library hours Events")
    assert not block.kept and "link density" in block.reason


# --- decoding ---------------------------------------------------------------------

SENTENCE = "Le café de la gare a rouvert ses portes cette semaine, à la grande joie des habitués."


def french_page(charset: str | None) -> str:
    meta = f"<meta charset='{charset}'>" if charset else ""
    return f"<html><head>{meta}<title>Café</title></head><body><p>{SENTENCE}</p></body></html>"


@pytest.mark.parametrize("label", ["latin-1", "iso-8859-1", "ISO-8859-15"])
def test_declared_single_byte_charset(label):
    data = french_page(label).encode("latin-1")
    assert SENTENCE in markup.decode(data)
    assert cleaner.clean_html(data) == [SENTENCE]


def test_declared_windows_1252_in_http_equiv():
    text = "Il a dit « bonjour » – puis : “ça coûte 5 €”, et il est parti."
    html = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
        f"</head><body><p>{text}</p></body></html>"
    )
    assert text in markup.decode(html.encode("cp1252"))


def test_utf8_with_bom():
    data = codecs.BOM_UTF8 + french_page("iso-8859-1").encode("utf-8")  # the BOM wins over the label
    assert SENTENCE in markup.decode(data)
    assert not markup.decode(data).startswith("\ufeff")


def test_utf16_with_bom():
    data = french_page(None).encode("utf-16")
    assert SENTENCE in markup.decode(data)


def test_mislabelled_charsets_fall_back_safely():
    # Declared latin-1, written in UTF-8: read as UTF-8 (no mojibake).
    assert SENTENCE in markup.decode(french_page("iso-8859-1").encode("utf-8"))
    # Declared UTF-8, written in windows-1252: detected, never raises.
    text = markup.decode(french_page("utf-8").encode("cp1252"))
    assert "caf" in text and "\ufffd" not in text
    # An unknown label is ignored.
    assert SENTENCE in markup.decode(french_page("x-no-such-charset").encode("utf-8"))
    # Bytes no charset can read are decoded with replacement characters, not an exception.
    assert isinstance(markup.decode(b"<p>\x81\x8d\x8f\x90\x9d\xff\xfe\x00</p>"), str)


def test_bytes_and_str_give_the_same_result():
    html = full_page()
    assert cleaner.clean_html(html.encode("utf-8")) == cleaner.clean_html(html)


# --- hostile pages ------------------------------------------------------------------


def test_external_entities_are_never_resolved():
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY e SYSTEM "file:///etc/passwd">'
        '<!ENTITY f SYSTEM "http://127.0.0.1:1/x">]>'
        "<html><head><title>&e;</title></head><body>"
        + article_html()
        + "<p>&e; &f;</p></body></html>"
    )
    for data in (xxe, xxe.encode("utf-8")):
        doc = cleaner.clean_html_document(data)
        everything = "\n".join(b.text for b in doc.blocks) + (doc.title or "")
        assert "root:" not in everything
        assert "root:" not in "\n".join(markup.trafilatura_lines(markup.parse(xxe)))


def test_very_deep_nesting_finishes():
    deep = "<html><body>" + "<div>" * 100_000 + "<p>Deep.</p>" + "</div>" * 100_000 + "</body></html>"
    assert isinstance(cleaner.clean_html(deep), list)  # no RecursionError
    inline = "<html><body><p>" + "<span>" * 100_000 + "x" + "</span>" * 100_000 + "</p></body></html>"
    assert isinstance(cleaner.clean_html(inline), list)


@pytest.mark.parametrize("junk", ["", "   ", "plain text, no markup", "<", "<<<>>>", "\x00\x00", "<p>\ud800</p>"])
def test_degenerate_inputs(junk):
    assert isinstance(cleaner.clean_html_document(junk).paragraphs, list)


def test_max_input_chars_applies_to_html():
    with pytest.raises(ValueError):
        cleaner.clean_html(full_page(), max_input_chars=100)
    with pytest.raises(ValueError):
        cleaner.clean_html(full_page().encode("utf-8"), max_input_chars=10)


def test_type_errors():
    with pytest.raises(TypeError):
        cleaner.clean_html(123)  # type: ignore[arg-type]


# --- determinism and no invention ---------------------------------------------------

OTHER = page(
    "<div class='post'>" + "".join(f"<p>{p}</p>" for p in FRENCH) + "</div>" + FOOTER,
    title="Un autre article",
)


def test_same_output_twice_and_independent_of_history():
    a1 = cleaner.clean_html_document(full_page())
    b = cleaner.clean_html_document(OTHER)
    a2 = cleaner.clean_html_document(full_page())
    cleaner.clean_html_document(full_page())
    a3 = cleaner.clean_html_document(full_page())
    assert a1.to_dict() == a2.to_dict() == a3.to_dict()
    assert b.paragraphs  # the other page was cleaned in between


def test_no_invention():
    for html in (full_page(), OTHER):
        doc = cleaner.clean_html_document(html)
        texts = {s.text for s in markup.segments(html)}
        assert doc.paragraphs
        for paragraph in doc.paragraphs:
            assert paragraph in texts
        assert [b.text for b in doc.blocks] == [s.text for s in markup.segments(html)]


def test_segments_carry_markup_hints():
    segs = markup.segments(full_page())
    by_text = {s.text: s for s in segs}
    assert segs[0].tag == "title"
    menu = by_text["Home News Sport"]  # a <nav> is one block
    assert menu.tag == "nav" and "nav" in menu.context and menu.link_density == 1.0
    assert "article" in by_text[ARTICLE[0]].context and by_text[ARTICLE[0]].tag == "p"
    assert "related" in by_text["Related stories"].context
    assert "comment" in by_text["3 comments"].context
    assert "share" in by_text["Facebook Twitter Email"].context
    assert by_text[ARTICLE[0]].link_density == 0.0


def test_br_separates_lines_and_inline_text_joins():
    segs = markup.segments("<html><body><p>one <b>bold</b> line<br>second line</p><div>a<p>b</p>c</div></body></html>")
    assert [s.text for s in segs] == ["one bold line", "second line", "a", "b", "c"]
    assert [s.tag for s in segs] == ["p", "p", "div", "p", "div"]


def test_scripts_styles_and_hidden_controls_are_not_text():
    html = (
        "<html><head><style>p{color:red}</style></head><body><script>var x = 'no';</script>"
        "<p>Visible text.</p><noscript>Enable JavaScript</noscript><template><p>Template</p></template>"
        "<form><label>Email</label><input value='secret'><button>Send</button></form></body></html>"
    )
    assert [s.text for s in markup.segments(html)] == ["Visible text.", "Email"]


def test_a_table_before_the_prose_survives_the_text_mode_check():
    """HTML mode's output is checked by text mode (idempotence); text with no boilerplate
    left in it is one article there, so a data table the markup kept is not dropped again."""
    rows = [("1", "Kyle Busch", "Gibbs", "5040"), ("2", "Martin Truex Jr.", "Gibbs", "5035"),
            ("3", "Denny Hamlin", "Gibbs", "5033")]
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    prose = ("The standings above are updated after every race of the season, with the points of "
             "each driver and the races they won, as published by the series on Monday.")
    page = (
        "<html><head><title>Cup standings after 36 races</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Cup standings after 36 races</h1><table>{table}</table><p>{prose}</p></article>"
        "<footer><p>Privacy policy</p></footer></body></html>"
    )
    doc = cleaner.clean_html_document(page)
    assert "Kyle Busch" in doc.paragraphs and "5033" in doc.paragraphs and prose in doc.paragraphs
    assert "Home" not in doc.paragraphs and "Privacy policy" not in doc.paragraphs
    assert cleaner.clean_document(doc.text).text == doc.text

# --- deep nests and the trees trafilatura is not given ------------------------------------


def _text_only(data: bytes) -> str:
    """The page's text as libxml2 reads it (tags gone, references decoded)."""
    root = markup.parse(data.decode())
    return "".join(root.itertext()) if root is not None else ""


@pytest.mark.parametrize(
    "data",
    [
        b"<div>" * 5 + b"<p>deep <b>bold</b></p>" + b"</div>" * 5 + b"<p>after</p>",
        b"<div><div><div><script>var s = '<div><p>in script</p>';</script><!-- <div> --><p title='a>b'>x</p></div></div></div>after",
        b"<div><div><div><a href=/x/>link</a><img src='i.png'/><br><div/><title>T <b>itle</b></title>y</div></div></div>z",
        b"<div><div><div a=\"x>y\" b='<div>' c=d>e</div></div><div>f<plaintext><div>g",
    ],
    ids=["simple", "script-comment-quote", "void-self-closing-rcdata", "attributes-plaintext"],
)
def test_flatten_leaves_out_only_tags_deeper_than_the_bound(data):
    flat = markup.flatten(data, 2)
    assert flat is not None and len(flat) < len(data)
    assert _text_only(flat) == _text_only(data)  # every character of text, in order
    root = markup.parse(flat.decode())
    deepest = max(sum(1 for _ in el.iterancestors()) for el in root.iter())
    assert deepest <= 2 + 2 + 1  # <html>, <body>, the bound, one raw-text or hidden element


def test_flatten_returns_none_when_nothing_is_that_deep():
    assert markup.flatten(b"<div><p>a <b>b</b></p></div><table><tr><td>c</td></tr></table>", 10) is None
    assert markup.flatten(b"<div>" * 50 + b"x", 10, monotone=True) is not None


def test_flatten_is_linear_in_time():
    import time

    def seconds(n: int) -> float:
        data = b"<div><span class='a>b'><!-- c -->" * n + b"<script>x</script>text" + b"</span></div>" * n
        start = time.process_time()
        markup.flatten(data, 1000)
        markup.flatten(data, 1000, monotone=True)
        return time.process_time() - start

    seconds(2_000)  # warm up
    small, large = seconds(20_000), seconds(200_000)
    assert large < 30 * max(small, 0.01)


def test_pages_past_libxml2s_depth_are_parsed_whole():
    after = "<p>After the nest.</p>"
    root = markup.parse("<div>" * 5_000 + "<p>Inside.</p>" + "</div>" * 5_000 + after)
    text = " ".join(root.itertext())
    assert "Inside." in text and "After the nest." in text
    assert max(sum(1 for _ in el.iterancestors()) for el in root.iter()) < nesting.LIBXML2_MAX_DEPTH


def _refusal(html: str) -> str | None:
    root = markup.parse(html)
    return markup.trafilatura_refusal(root, markup.walk(root)[1])


def test_trafilatura_reads_ordinary_pages():
    assert _refusal(full_page()) is None
    assert _refusal("<table>" * 10 + "<p>x</p>" + "</table>" * 10) is None
    assert _refusal("<div>" * 200 + "<p>x</p>" + "</div>" * 200) is None


@pytest.mark.parametrize(
    "html, why",
    [
        ("<table>" * 40 + "<p>x</p>" + "</table>" * 40, "tables nested"),
        ("<table><tr><td>" * 40 + "<p>x</p>", "tables nested"),
        ("<div>" * 300 + "<p>x</p>" + "</div>" * 300, "elements deep"),
        ("<template>" + "<div>" * 300 + "<p>x</p></template><p>y</p>", "elements deep"),
        ("<template>" + "<table>" * 40 + "<p>x</p></template><p>y</p>", "tables nested"),
        ("<p>a <b>b</b> <i>c</i></p>" * 5_000, "text nodes in paragraphs"),
    ],
    ids=["tables", "table-rows", "divs", "divs-in-template", "tables-in-template", "paragraph-texts"],
)
def test_trafilatura_is_not_given_trees_it_is_slow_on(html, why):
    assert why in (_refusal(html) or "")


def test_the_h1_repeating_the_title_is_the_title():
    # "<title>Headline | Section | Site</title>" reads as a menu; the <h1> repeating its
    # head is the headline, and the title, rather than no title at all.
    headline = "Library stays open after residents' campaign"
    html = page(NAV + "<main>" + article_html(inner=SHARE) + "</main>" + FOOTER, title=f"{headline} | Local news")
    doc = cleaner.clean_html_document(html)
    assert doc.title == headline
    assert doc.paragraphs == ARTICLE


def test_teasers_that_trafilatura_took_in_stay_in_their_list():
    # Some sites set every heading in an <h1> ("You might also like" too), and trafilatura's
    # extraction may take in a teaser's summary under its linked headline and date. The
    # heading is still noise, and the summaries are teasers, not the article going on.
    from functools import partial

    from cleaner.config import resolve
    from cleaner.pipeline import run
    from cleaner.segment import Segment

    body = ARTICLE[:3]
    summaries = [
        "FARES UP: The transport authority said the rise of ten cents was needed to cover the cost of new buses on "
        "five routes, and that season tickets would keep their price until the end of the year.",
        "NO WAY ACROSS: Engineers found cracks in two of the old footbridge's supports during an inspection last "
        "week, and walkers will have to use the road bridge a mile downstream until the repairs are done.",
    ]
    blocks: list[tuple[str, str, set[str], float]] = [  # text, tag, context, link density
        ("Library stays open - The Town Gazette", "title", set(), 0.0),
        ("Library stays open", "h1", {"trafilatura"}, 0.0),
        *((p, "p", {"trafilatura"}, 0.0) for p in body),
        ("You might also like", "h1", {"li"}, 0.0),
        ("Bus fares rise in May", "h1", {"a", "li"}, 1.0),
        ("2024-10-14", "div", {"a", "li"}, 1.0),
        (summaries[0], "p", {"a", "li", "trafilatura"}, 1.0),
        ("Footbridge closed for repairs", "h1", {"a", "li"}, 1.0),
        ("2024-10-12", "div", {"a", "li"}, 1.0),
        (summaries[1], "p", {"a", "li", "trafilatura"}, 1.0),
    ]
    segments = [Segment(t, n, n, False, tag, frozenset(c), d) for n, (t, tag, c, d) in enumerate(blocks, 1)]
    doc = run(segments, resolve(None, {}), hints=partial(markup.adjust, evidence=markup.Evidence(10_000)))
    assert doc.paragraphs == body
    # The <h1> that repeats the <title> is the headline still.
    assert doc.title == "Library stays open"
