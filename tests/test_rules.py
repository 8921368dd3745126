"""Single rules of the classifier, each on a small page written for it."""

import cleaner
from cleaner import Label

BODY = (
    "Le conseil municipal a voté mardi soir le budget de la ville pour l'année prochaine, "
    "après plus de quatre heures de débat entre la majorité et l'opposition."
)


def labels(text):
    return {b.text: (b.label, b.kept) for b in cleaner.clean_document(text).blocks}


# An English article of eight paragraphs and its title, for the rules that need a page around them.
ARTICLE = [
    "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
    "The opposition said the plan would raise local taxes for families already struggling with costs.",
    "The mayor said the spending was needed to repair roads and schools across the city this year.",
    "The budget will be published on the city's website next week, officials said after the meeting.",
    "The vote came after months of talks between the parties on how to pay for the repairs of the bridges.",
    "Work on the first of the two libraries is to start in the spring, the council said in a statement.",
    "The swimming pool, closed since the storm, will reopen in the summer after repairs to its roof.",
    "Residents can comment on the plan at a public meeting in the town hall on the first of next month.",
]
HEAD = ["Budget: the council votes - The Gazette", "Budget: the council votes"]


def test_french_quotation_marks_are_not_menu_separators():
    quoted = "« Nous avons fait des choix difficiles », a déclaré la maire, « mais nécessaires » pour la ville."
    got = labels("\n".join(["Un titre de page", BODY, quoted, BODY.replace("mardi", "lundi")]))
    assert got[quoted] == (Label.BODY, True)


def test_breadcrumbs_are_navigation():
    crumbs = "Accueil » Actualités » Politique"
    got = labels("\n".join(["Un titre de page", crumbs, BODY]))
    assert got[crumbs][1] is False and got[crumbs][0] is Label.NAVIGATION
    # ...also when the last crumb, the page's title, is cut short with an ellipsis.
    crumbs = "Mensagens » Mensagens de Autoestima » Só quem se Ama…"
    got = labels("\n".join(["Só quem se Ama... — Mensagens de Reflexão", "Só quem se Ama…", crumbs, BODY]))
    assert got[crumbs][1] is False and got[crumbs][0] is Label.NAVIGATION


def test_a_comments_link_above_the_headline_does_not_end_the_article():
    page = [
        "Budget: the council votes - The Gazette",
        "Home",
        "Comments",
        "Budget: the council votes",
        "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
        "The opposition said the plan would raise local taxes for families already struggling with costs.",
        "The mayor said the spending was needed to repair roads and schools across the city this year.",
    ]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.paragraphs == page[4:]


TOUR = [
    "The band announces a tour",
    "The band will play twelve cities next summer, its first tour in a decade, the group said on Monday.",
    "Tickets go on sale on Friday at noon, and fans have been asked to buy them only from the venues.",
    "The tour dates are:",
    "June 9 - Miami, FL",
    "June 10 - Tampa, FL",
    "June 14 - Atlanta, GA",
]


def test_a_list_introduced_by_a_colon_stays_with_the_article():
    assert cleaner.clean("\n".join(TOUR)) == TOUR[1:]


def test_a_teaser_repeating_a_kept_paragraph_is_dropped():
    opening = "Good morning! This is the tech news you need to know this Tuesday, with the biggest stories."
    page = ["Ten things in tech", opening, BODY, opening[:50] + "..."]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.paragraphs.count(opening) == 1 and not any(p.endswith("...") for p in doc.paragraphs)


def test_a_paragraph_longer_than_the_one_it_opens_like_is_the_articles():
    # The standfirst sums up the paragraph that opens like it: both are the article's.
    lead = "The home-improvement retailer earned $2.8 billion in the third quarter of the year."
    full = (
        "The home-improvement retailer earned $2.8 billion in the third quarter, or $2.53 a share, as revenue "
        "rose 3.5 per cent to $27.2 billion, short of what analysts had expected."
    )
    quote = "Our third quarter results reflected broad-based growth across our business, the chief executive said."
    pull = "Our third quarter results reflected broad-based growth across our business."
    page = ["Home Depot sales miss - Business", "Home Depot sales miss", lead, *_BODY[:2], pull, full, quote, _BODY[2], "Privacy policy"]
    doc = cleaner.clean_document("\n".join(page))
    # ...while a pull quote cut from a later paragraph goes, and the paragraph stays.
    assert doc.paragraphs == [lead, *_BODY[:2], full, quote, _BODY[2]]


def test_a_copyright_notice_is_a_footer_in_any_language():
    for notice in ["© The Gazette, a Digital First Media Newspaper", "2019 © Gazeta Wyborcza", "© 版权所有 新华网"]:
        got = labels("\n".join(["Budget: the council votes", BODY, BODY.replace("mardi", "lundi"), notice]))
        assert got[notice] == (Label.FOOTER, False), notice


STANDINGS = [
    "Cup standings after 36 races",
    "Pos.", "Driver", "Team", "Points",
    "1", "Kyle Busch", "Gibbs", "5040",
    "2", "Martin Truex Jr.", "Gibbs", "5035",
    "3", "Denny Hamlin", "Gibbs", "5033",
    "The standings above are updated after every race of the season, with the points of each driver.",
]


def test_a_text_with_no_boilerplate_is_kept_whole():
    """Cleaned text (or HTML mode's output) is one article: its tables and lists stay,
    repeated cells included, though on a page the same short lines would read as a menu."""
    page = STANDINGS
    doc = cleaner.clean_document("\n".join(page))
    assert doc.title == page[0] and doc.paragraphs == page[1:]


def test_one_line_of_boilerplate_makes_the_text_a_page_again():
    page = STANDINGS + ["Share this article"]
    doc = cleaner.clean_document("\n".join(page))
    assert "Share this article" not in doc.paragraphs
    assert "Kyle Busch" not in doc.paragraphs  # short lines outside the prose: menu-like on a page
    assert cleaner.clean_document(doc.text).text == doc.text


def test_a_page_opening_with_a_menu_is_a_page_even_without_a_known_phrase():
    """A language the lexicon does not know: no phrase gives the page away, its menu does."""
    menu = [f"Valka {n}" for n in range(40)]  # 40 menu items, in no known language
    body = [
        "Tarno velis amuro sen keldi vortan asilo, en menari tolvek osa prandu keli mavor tessi.",
        "Orvel kasti domun ferra talvi, en sor vekanti mulor asti pendo lorvi kanas ulmo tiran.",
        "Meski paltor ven usari dolken, tavi sen mirok elvan osti kamur belo tarsi venko ulan.",
    ]
    doc = cleaner.clean_document("\n".join(["Tarno velis amuro", *menu, *body]))
    assert doc.paragraphs == body
    assert all(not b.kept for b in doc.blocks if b.text in menu)
    # The same article without its menu is clean text: kept whole, and so is its output.
    again = cleaner.clean_document(doc.text)
    assert again.text == doc.text


def test_a_photo_text_ending_with_its_credit_is_a_caption_and_spares_the_line_above():
    body = [
        "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
        "The opposition said the plan would raise local taxes for families already struggling with costs.",
    ]
    for caption in ["The bridge at dawn, before the works began. Photo: Jane Doe/AFP",
                    "Die Brücke am Morgen vor Beginn der Arbeiten. Bild: Max Muster/dpa",
                    # A credit phrase of the lexicon anywhere in a long line: the line holds its own text.
                    "A woman takes a picture of the old bridge at dawn, before the works began. AP Photo"]:
        page = ["Budget: the council votes", body[0], caption, body[1]]
        got = labels("\n".join(page))
        assert got[caption] == (Label.CAPTION, False), caption
        assert got[body[0]] == (Label.BODY, True)  # not "the text of a photo above its credit line"


def test_the_headline_is_the_title_when_the_page_title_comes_again_above_the_article():
    headline = "Council approves the budget"
    caption = "The mayor and her deputies leave the town hall after the long evening session on Tuesday"
    standfirst = "The opposition walked out before the vote, saying local taxes would rise for every family."
    page = [
        f"{headline} - The Gazette", "Home", "News", "Sport",
        headline, "By Jane Doe", "12 March 2024", caption, "Photo: Reuters", standfirst,
        "Share", "Copy link",
        "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
        "The mayor said the spending was needed to repair roads and schools across the city this year.",
    ]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.title == headline  # not the longer caption, nor the <title> with the site name
    assert doc.paragraphs == [standfirst] + page[-2:]


def test_the_authors_bio_at_the_end_is_dropped_when_the_byline_names_the_author():
    page = [
        "Council approves the budget",
        "By Jane Doe | 12 March 2024",
        "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
        "The mayor said the spending was needed to repair roads and schools across the city this year.",
        "Jane Doe is a local government reporter who has covered the city council since 2015 for the paper.",
    ]
    got = labels("\n".join(page))
    assert got[page[1]] == (Label.BYLINE, False)
    assert got[page[-1]] == (Label.BYLINE, False)
    assert got[page[2]] == got[page[3]] == (Label.BODY, True)


AUTHOR_BOX = [
    "Startseite",
    "Die Stadt baut neue Radwege",
    "Der Stadtrat hat am Dienstag beschlossen, im kommenden Jahr zwölf Kilometer neue Radwege zu bauen.",
    "Die Opposition kritisierte, dass die Pläne für die Außenbezirke noch nicht fertig seien und zu spät kämen.",
    "Über Jana Berger",
    "Als Redakteurin für Stadtpolitik berichtet Jana Berger seit 2015 über den Stadtrat und die Verwaltung.",
    "Impressum",
]


def test_an_author_box_at_the_end_is_dropped():
    got = labels("\n".join(AUTHOR_BOX))
    assert got[AUTHOR_BOX[-2]] == (Label.BYLINE, False)
    assert got[AUTHOR_BOX[-3]] == (Label.BYLINE, False)
    assert got[AUTHOR_BOX[2]] == got[AUTHOR_BOX[3]] == (Label.BODY, True)


BIO = ("Jana Berger ist Redakteurin im Ressort Stadtpolitik. Sie schreibt seit 2015 über Verkehr, Wohnen und "
       "die Verwaltung und hat vorher als Lokalreporterin in Leipzig und in Dresden gearbeitet.")
LAST = "Die Verwaltung will die ersten Abschnitte noch vor den Sommerferien ausschreiben und bis Herbst bauen."


def test_the_bio_under_an_author_box_heading_is_dropped():
    # No byline names the author: the lexicon's heading ("Über die Autorin") marks the bio.
    page = AUTHOR_BOX[:4] + [LAST, "Über die Autorin", BIO, "Impressum"]
    got = labels("\n".join(page))
    assert got[BIO] == (Label.BYLINE, False)
    assert cleaner.clean("\n".join(page)) == page[2:5]


def test_a_paragraph_under_a_dated_byline_phrase_is_not_a_bio():
    # "vor 1 Std." is a whole-line byline phrase, but a time stamp: no author box's heading.
    page = AUTHOR_BOX[:4] + [LAST, "vor 1 Std.", BIO, "Impressum"]
    assert cleaner.clean("\n".join(page)) == page[2:5] + [BIO]


def test_a_last_section_headed_by_a_name_alone_is_kept():
    # A profile's last part may be headed by the name of the person it is about.
    page = AUTHOR_BOX[:4] + [
        "Jana Berger",
        "Die Radfahrerin Jana Berger sagt, sie fahre jeden Tag zwölf Kilometer zur Arbeit und freue sich auf die Pläne.",
        "Impressum",
    ]
    assert cleaner.clean("\n".join(page)) == page[2:-1]


def test_the_name_over_a_bio_goes_with_it():
    page = [
        "Council approves the budget",
        "By Jane Doe | 12 March 2024",
        "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
        "The mayor said the spending was needed to repair roads and schools across the city this year.",
        "Jane Doe",
        "Jane Doe is a local government reporter who has covered the city council since 2015 for the paper.",
    ]
    got = labels("\n".join(page))
    assert got[page[-2]] == got[page[-1]] == (Label.BYLINE, False)


def test_the_bylines_name_over_a_bio_that_does_not_name_the_author_goes_with_it():
    # The byline is a bare name under the standfirst; the author box repeats it over a bio
    # that opens with the author's job, not their name.
    page = [
        "Council approves the budget - The Gazette",
        "Home",
        "News",
        "Council approves the budget",
        "The opposition walked out before the vote, saying that local taxes would rise for every family.",
        "Jane Doe",
        "12 March 2024",
        "Share",
        "Print",
        "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
        "The mayor said the spending was needed to repair roads and schools across the city this year.",
        "Jane Doe",
        "Local government reporter. She has covered the city council and its budgets for the paper since 2015.",
        "Comments",
    ]
    got = labels("\n".join(page))
    assert got[page[-2]] == (Label.BYLINE, False)
    assert cleaner.clean("\n".join(page)) == page[4:5] + page[9:11]


TEASER_PAGE = [
    "Council approves the budget - The Gazette",
    "Home",
    "News",
    "Council approves the budget",
    "Share",
    "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
    "The mayor said the spending was needed to repair roads and schools across the city this year.",
    "The opposition said the plan would raise local taxes for families already struggling with costs.",
    "Related articles",
    "New bridge opens in May. The crossing over the river will carry buses, bicycles and pedestrians from the first day.",
    "Library hours cut. From next month the central library will close at six on weekdays and stay shut on Sundays.",
    "Most read",
    "Storm closes the coast road",
]


def test_teasers_of_headline_and_summary_under_a_related_heading_are_dropped():
    # Each teaser is one line: a short headline sentence, then a summary sentence (>= 15 words,
    # which would otherwise end the list as the article's next paragraph).
    assert cleaner.clean("\n".join(TEASER_PAGE)) == TEASER_PAGE[5:8]


def test_one_sentence_paragraphs_under_a_widget_heading_stay_the_articles():
    facts = [
        "In the last century the river flooded the old town at least once in every ten years or so.",
        "Two of the worst floods, in 1953 and in 1978, reached the steps of the town hall and the market square.",
    ]
    page = TEASER_PAGE[:8] + ["Trending"] + facts + TEASER_PAGE[11:]
    assert cleaner.clean("\n".join(page)) == TEASER_PAGE[5:8] + facts


def test_a_paragraph_opening_with_another_name_is_not_a_bio():
    page = [
        "Council approves the budget",
        "By Jane Doe | 12 March 2024",
        "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
        "John Smith, the council leader, said the spending was needed to repair roads and schools this year.",
    ]
    assert cleaner.clean("\n".join(page)) == page[2:]


def test_a_comments_button_in_a_share_bar_does_not_end_the_article():
    article = [
        "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
        "The opposition said the plan would raise local taxes for families already struggling with costs.",
        "The mayor said the spending was needed to repair roads and schools across the city this year.",
    ]
    page = [
        "Budget: the council votes - The Gazette", "Home", "News",
        " ".join(["Quotes are delayed at least fifteen minutes, and the market data is provided by a data company."] * 4),
        "About", "Terms of Use", "Privacy Policy", "FAQ", "Help", "Contact us", "Careers", "Advertise",
        "Newsletters", "Podcasts", "Sitemap", "Cookie Policy", "Accessibility", "Subscribe", "Log in", "Sign up",
        "Budget: the council votes", "Facebook", "Twitter", "Comments", "Print", "Email",
    ] + article
    assert cleaner.clean("\n".join(page)) == article


def test_a_comments_link_in_the_headlines_header_does_not_end_the_article():
    standfirst = ("The opposition walked out before the vote, saying that local taxes would rise for every "
                  "family in the city, while the mayor said the roads and schools could not wait any longer, "
                  "and that the new budget, the first since the floods of last spring, would pay for the repairs "
                  "of the bridges, the two libraries and the swimming pool that has been closed since the storm.")
    article = [
        "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
        "The opposition said the plan would raise local taxes for families already struggling with costs.",
        "The mayor said the spending was needed to repair roads and schools across the city this year.",
        "The budget will be published on the city's website next week, officials said after the meeting.",
    ]
    page = ["Budget: the council votes - The Gazette", "Home", "News",
            "Budget: the council votes", standfirst, "By Jane Doe", "Join the conversation"] + article
    assert cleaner.clean("\n".join(page)) == [standfirst] + article


def test_the_title_again_in_a_list_of_recent_posts_has_no_header():
    # "Recent posts" lists the article itself below it: the comment section's heading a
    # few lines further down still ends the article (it is not in the headline's header).
    comments = [
        "I have lived in this city for thirty years and I have never seen the roads in such a bad state as now.",
        "The swimming pool has been closed since the storm, and the council has done nothing about it at all.",
    ]
    page = [HEAD[0], "Home", "News", HEAD[1], *ARTICLE[:6],
            "Recent posts", "Budget: the council votes", "New bridge opens", "Comments", *comments]
    assert cleaner.clean("\n".join(page)) == ARTICLE[:6]


def test_a_japanese_headline_that_shortens_a_name_of_the_title_is_the_headline():
    # In Chinese and Japanese a token is a whole clause: the headline's "尹大統領" for the
    # title's "尹錫悦大統領" leaves one differing character pair, not one differing word.
    title = "韓国が戒厳令、尹錫悦大統領「野党が反国家行為」…「従北勢力を清算」 : 読売新聞"
    headline = "韓国が戒厳令、尹大統領「野党が反国家行為」…「従北勢力を清算」"
    other = "韓国が戒厳令、国会が解除要求を可決…在韓日本人に注意を呼びかけ"
    body = "韓国の大統領は３日夜、緊急談話を出し、野党が国政をまひさせているとして非常戒厳を宣言した。"
    page = [title, "ホーム", "国際", other, "ニュース", headline, "2024/12/04 00:05", body, body.replace("３日", "４日")]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.title == headline  # not the other headline that shares only its first clause
    assert doc.paragraphs == page[7:]


def test_the_article_below_a_long_header_counts_from_its_first_paragraph():
    # The headline's header (byline, date, buttons) is ten lines long: the prose below the
    # headline is counted from the first paragraph on, so the article outweighs the longer
    # run of teasers above it.
    headline = "The council approves next year's budget"
    header = ["By Jane Doe", "12 March 2024", "Gift article", "Listen", "Save", "Jane Doe", "City desk", "5 min", "Updated", "Tuesday"]
    article = [
        "The council voted on Tuesday night to approve the budget after a debate of more than four hours.",
        "The opposition said the plan would raise local taxes for families who are already struggling.",
        "The mayor said the spending was needed to repair roads and schools across the whole city.",
        "Work on the first schools is due to start in the spring, once the contracts have been signed.",
        "A final vote on the tax rate itself will take place at the next meeting of the council in May.",
    ]
    teasers = [
        "A new bakery has opened in the old train station, and the queues have not stopped since then.",
        "The river festival returns this summer with boats, music and food stalls along both of its banks.",
        "Our critic spent a week eating at the food trucks in the market and picked her five favourites.",
        "The city library will stay open until late on Thursdays, starting from the first week of June.",
        "Residents of the east side have started a garden on the roof of a car park near the station.",
        "The football club has signed a new coach, who says that he wants to bring back attacking play.",
        "Local schools are asking for volunteers who can help children to read for an hour each week.",
        "A survey of cyclists found that most of them would ride more if the bike lanes were wider.",
    ]
    menu = [f"Section {n}" for n in range(50)]
    page = [f"{headline} - The Gazette", "Home", *teasers, *menu, headline, *header, *article]
    assert cleaner.clean("\n".join(page)) == article


THAI_PAGE = [
    "นายกรัฐมนตรีประกาศมาตรการช่วยเหลือเกษตรกร - ข่าวสด",
    "หน้าแรก", "ข่าว", "การเมือง", "เศรษฐกิจ", "กีฬา",
    "นายกรัฐมนตรีประกาศมาตรการช่วยเหลือเกษตรกร",
    "วันที่ 12 มีนาคม 2567 เวลา 10:30 น.",
    "นายกรัฐมนตรีได้ประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากภัยแล้งในภาคตะวันออกเฉียงเหนือ "
    "โดยรัฐบาลจะจัดสรรงบประมาณจำนวนห้าหมื่นล้านบาทเพื่อสนับสนุนการเพาะปลูกในฤดูกาลหน้า",
    "มาตรการดังกล่าวประกอบด้วยการพักชำระหนี้เป็นเวลาสามปี การให้สินเชื่อดอกเบี้ยต่ำ "
    "และการสนับสนุนเมล็ดพันธุ์และปุ๋ยให้แก่เกษตรกรรายย่อยทั่วประเทศ",
    "ผู้แทนสมาคมเกษตรกรกล่าวว่ามาตรการนี้เป็นสิ่งที่เกษตรกรรอคอยมานาน "
    "แต่ยังต้องติดตามว่าการเบิกจ่ายงบประมาณจะเป็นไปอย่างรวดเร็วและทั่วถึงหรือไม่",
    "ข่าวที่เกี่ยวข้อง",
    "ราคาข้าวปรับตัวสูงขึ้นในรอบสามเดือน",
    "ภัยแล้งกระทบพื้นที่เพาะปลูกกว่าล้านไร่",
    "ติดต่อเรา",
    "© 2567 ข่าวสด สงวนลิขสิทธิ์",
]


def test_thai_paragraphs_count_by_their_letters_not_their_few_spaces():
    # Thai writes no spaces between words and no full stop at the end of a sentence: a
    # paragraph of 150 letters is two or three "tokens". Counted by its letters, it is prose.
    doc = cleaner.clean_document("\n".join(THAI_PAGE))
    assert doc.title == THAI_PAGE[6]
    assert doc.paragraphs == THAI_PAGE[8:11]


def test_full_stops_of_other_scripts_end_a_sentence():
    from cleaner.features import features

    for stop in ("။", "។", "།", "։"):  # Myanmar, Khmer, Tibetan, Armenian
        assert features(f"text{stop}").terminal, stop
    # Thai letters count about a quarter word each; vowel and tone marks do not count.
    assert features("ประกาศ").words == 2 and features("ประกาศ ประกาศ").words == 3


def test_words_keep_their_vowel_signs_and_points():
    from cleaner import language
    from cleaner.features import features

    # Devanagari vowel signs and Arabic vowel points are combining marks, not word breaks.
    hindi = "किसानों के लिए सौर ऊर्जा से चलने वाला कोल्ड स्टोरेज बनाया गया है और इसका लाभ मिल रहा है"
    assert features(hindi).tokens[:3] == ("किसानों", "के", "लिए")
    assert language.detect(features(hindi).tokens) == "Hindi"
    assert features("وجُهّزت المكتبة").tokens == ("وجُهّزت", "المكتبة")
    # A zero-width non-joiner inside a Persian word belongs to it (the stoplist spells it so);
    # the joiners of an emoji sequence are no word at all.
    persian = "این طرح در سال آینده اجرا می\u200cشود و خانه\u200cها به شبکه متصل می\u200cشوند"
    assert "می\u200cشود" in features(persian).tokens
    assert language.detect(features(persian).tokens) == "Persian"
    assert features("Great news \U0001f468\u200d\U0001f469\u200d\U0001f467 today").tokens == ("great", "news", "today")


def test_scripts_without_capitals_in_use_are_not_lower_case_keyword_runs():
    from cleaner.features import features

    # Georgian letters are "lower case" to Unicode, but no Georgian text has capitals.
    assert not features("ვაკის პარკში ღია ცის ქვეშ საბავშვო ბიბლიოთეკა გაიხსნა").lowercase
    assert features("cheap flights paris london deals").lowercase


def test_dates_and_times_in_other_digits_are_dates():
    from cleaner.features import features

    assert features("۲۵ اسفند ۱۴۰۲ - ۱۰:۳۲").dated  # Persian digits, a time of day
    assert features("প্রকাশ: ১৪ মার্চ ২০২৪").dated  # Bengali digits, the year 2024
    assert features("१४ मार्च २०२४").digits > 0.4
    assert not features("প্রকাশ: মার্চ").dated


def test_tokens_are_compared_in_nfc():
    from cleaner.features import features

    # Bengali "য়" as one code point (U+09DF) or two; Vietnamese typed decomposed.
    assert features("যায়").tokens == features("যায\u09bc").tokens
    assert features("Vie\u0302\u0323t Nam").tokens == ("việt", "nam")


def test_a_staff_or_byline_phrase_before_a_colon_and_a_name():
    from cleaner.lexicon import DEFAULT
    from cleaner.patterns import match_block

    assert match_block(DEFAULT, "Vastaava päätoimittaja: Kari Nieminen").label == Label.FOOTER.value
    assert match_block(DEFAULT, "Von: Simone Jung").label == Label.BYLINE.value
    # A live blog's time stamp is no byline, and a headline after it is no name.
    assert match_block(DEFAULT, "12.31 Uhr: Zeitung lehnt die Aussagen des Ministers ab") is None
    # The Armenian mark for a colon introduces a photo credit as ":" does.
    assert match_block(DEFAULT, "Լուսանկարը՝ Photolure").label == Label.CAPTION.value


def test_a_long_line_right_under_the_headline_is_the_standfirst_full_stop_or_not():
    headline = "Нова фабрика воде у Нишу"
    standfirst = "Ново постројење требало би да реши проблеме са водоснабдевањем у рубним деловима града до краја године"
    body = [
        "Градска управа потписала је уговор о изградњи нове фабрике за прераду воде, а радови почињу у априлу.",
        "Према речима градоначелника, нова фабрика моћи ће да преради много више воде него постојећа.",
        "Становници рубних насеља годинама се жале на слаб притисак и честе прекиде у снабдевању водом.",
    ]
    page = [f"{headline} | Јужне вести", "Вести", "Ниш", "Србија", headline, standfirst, "Аутор: Милица Јовановић", *body]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.title == headline and doc.paragraphs == [standfirst, *body]
    # The headline again after a kicker is no standfirst.
    kicker = f"Водоснабдевање у граду {headline} – радови почињу у априлу после дугог чекања грађана"
    doc = cleaner.clean_document("\n".join([*page[:5], kicker, *page[6:]]))
    assert kicker not in doc.paragraphs


def test_a_caption_ending_with_several_credits():
    from cleaner.lexicon import DEFAULT
    from cleaner.patterns import match_block

    caption = "Un centro de recepción de migrantes construido por Italia en Albania. Foto: Florion Goga (REUTERS) | Vídeo: EPV"
    assert match_block(DEFAULT, caption).label == Label.CAPTION.value


def test_a_fraction_is_a_digit_and_a_left_pointing_quote_separates_a_breadcrumb():
    from cleaner.features import features

    # "¼ tsp chilli flakes" is an ingredient, not a lower-case run of keywords.
    assert features("¼ tsp chilli flakes or to taste").digits > 0
    assert features("Accueil du forum ‹ Chauffage ‹ Chaudières").separators == 2


def test_letters_spelled_two_ways_are_read_one_way():
    from cleaner.features import features
    from cleaner.lexicon import fold

    # Malayalam's old-style chillu (consonant, virama, zero-width joiner) is the atomic letter.
    assert features("നിലവില്‍ ഫോര്‍ട്ട്").tokens == ("നിലവിൽ", "ഫോർട്ട്")
    assert fold("അഭിപ്രായങ്ങള്‍") == "അഭിപ്രായങ്ങൾ"
    # Turkish and Azerbaijani capital İ lowers to a plain i, in tokens as in phrases.
    assert features("MİLLİ KİTABXANA").tokens == ("milli", "kitabxana")
    # A soft hyphen (where a long word may break) is no break in the word.
    assert features("Die Bundes\u00adregierung plant").tokens == ("die", "bundesregierung", "plant")


def test_khmer_colon_and_a_year_glued_to_its_word():
    from cleaner.features import features
    from cleaner.lexicon import DEFAULT
    from cleaner.patterns import match_block

    assert match_block(DEFAULT, "ដោយ៖ សុខ ដារ៉ា").label == Label.BYLINE.value
    assert features("ថ្ងៃទី១៤ ខែមីនា ឆ្នាំ២០២៤").dated
    assert not features("Published 12019 items").dated


def test_a_heading_may_open_a_sentence_that_introduces_a_list():
    # The tour page with a heading over its dates and more article after them, on a page
    # with a menu and a footer (a text with no noise at all keeps every line anyway).
    page = [
        *TOUR[:3],
        "Where to see them",
        *TOUR[3:],
        "More dates in Europe will be announced in the autumn, the band's manager said in a statement.",
        "The band's last album went to number one in eleven countries and sold more than two million copies.",
    ]
    noise = ["Home", "Music", "Share this article", "Privacy policy"]
    assert cleaner.clean("\n".join([page[0], *noise[:2], *page[1:], *noise[2:]])) == page[1:]


def test_a_standfirst_of_few_long_words_counts_by_its_characters():
    headline = "Алматыда биыл велосипед жолы салынады"
    standfirst = "Жаңа жолдар қаланың оңтүстігіндегі тұрғын аудандарды метро бекеттерімен және орталықпен байланыстырады"
    body = [
        "Алматы қаласының әкімдігі биыл қалада жалпы ұзындығы елу шақырым болатын жаңа велосипед жолдарын салатынын хабарлады.",
        "Басқарманың мәліметінше, жаңа жолдардың басым бөлігі қаланың оңтүстік және батыс аудандарында салынады.",
        "Қала тұрғындары бұл жобаны көптен күтіп жүр, себебі көктем мен күзде велосипедшілер саны жыл сайын артып келеді.",
    ]
    page = [f"{headline} | Алатау ақпарат", "Басты бет", "Қоғам", headline, standfirst, "Автор: Айгерім Сәрсенова", *body]
    assert cleaner.clean("\n".join(page)) == [standfirst, *body]


def test_turkic_dotless_and_dotted_i_are_one_letter():
    from cleaner import language
    from cleaner.features import features
    from cleaner.lexicon import DEFAULT

    # Capital I lowers to i, not ı: an all-caps line must still match its phrase.
    assert DEFAULT.match("MÖVZU İLƏ BAĞLI") == DEFAULT.match("Mövzu ilə bağlı") is not None
    caps = "BU YIL KÜTÜPHANE GECE DE AÇIK OLACAK VE ÖĞRENCİLER SINAVLARA BURADA HAZIRLANACAK ÇÜNKÜ YER YOK"
    assert features(caps).tokens == features(caps.lower().replace("i̇", "i")).tokens
    assert language.detect(features(caps).tokens) == language.detect(features("bu yıl kütüphane gece de açık olacak ve öğrenciler sınavlara burada hazırlanacak çünkü yer yok").tokens)


def test_an_ad_label_is_a_marker_not_the_heading_of_a_list():
    body = [
        "The council voted on Tuesday night to approve the budget after a debate of more than four hours.",
        "The opposition said the plan would raise local taxes for families who are already struggling.",
        "The mayor said the spending was needed to repair roads and schools across the whole city.",
        "Work on the first schools is due to start in the spring, once the contracts have been signed.",
    ]
    page = ["Budget approved", "Home", "News", body[0], body[1], "Advertisement", "What happens next", body[2], body[3], "Privacy policy"]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.paragraphs == [body[0], body[1], "What happens next", body[2], body[3]]
    assert [b.label for b in doc.blocks if b.text == "Advertisement"] == [Label.ADVERTISEMENT]


def test_invisible_marks_after_the_full_stop_do_not_hide_it():
    from cleaner.features import features

    # Right-to-left pages leave a right-to-left mark after the sentence; others a zero-width space.
    assert features("هذه جملة كاملة في الخبر.\u200f").terminal
    assert features("The council voted on Tuesday.\u200b").terminal
    assert features("The council voted on Tuesday.”\ufeff").terminal


def test_a_short_heading_after_a_related_list_ends_the_list():
    body = [
        "The council voted on Tuesday night to approve the budget after a debate of more than four hours.",
        "The opposition said the plan would raise local taxes for families who are already struggling.",
        "The mayor said the spending was needed to repair roads and schools across the whole city.",
        "Work on the first schools is due to start in the spring, once the contracts have been signed.",
        "Roads in the north of the city will follow in the summer, the council's engineers said.",
        "The budget will be debated again in the autumn, when the council reviews its spending plans.",
    ]
    teasers = ["City bus fares rise by ten cents in May", "Old footbridge closed for repairs until June"]
    head = ["Budget approved - The Gazette", "Home", "News", "Budget approved", *body[:3], "Read also:", *teasers]
    # The sub-heading, about half as long as the teasers, is the article's again...
    page = [*head, "What happens next", *body[3:], "Privacy policy"]
    assert cleaner.clean("\n".join(page)) == [*body[:3], "What happens next", *body[3:]]
    # ...and so is a short question, which reads as prose ("Who can apply?")...
    page = [*head, "What happens next?", *body[3:], "Privacy policy"]
    assert cleaner.clean("\n".join(page)) == [*body[:3], "What happens next?", *body[3:]]
    # ...but a last teaser as long as the others stays in the list, paragraph after it or not.
    page = [*head, "Two new cycle lanes open on the east side", *body[3:], "Privacy policy"]
    assert cleaner.clean("\n".join(page)) == body


def test_teaser_cards_after_the_article_stay_in_their_list():
    body = [
        "The council voted on Tuesday night to approve the budget after a debate of more than four hours.",
        "The opposition said the plan would raise local taxes for families who are already struggling.",
        "The mayor said the spending was needed to repair roads and schools across the whole city.",
    ]
    summaries = [
        "FARES UP: The transport authority said the rise of ten cents was needed to cover the cost of new buses on "
        "five routes, and that season tickets would keep their price until the end of the year, as the council asked. "
        "Drivers' unions welcomed the new buses but warned that the timetable on the night routes was still too thin.",
        "NO WAY ACROSS: Engineers found cracks in two of the old footbridge's supports during an inspection last "
        "week, and walkers will have to use the road bridge a mile downstream until the repairs are done in June. "
        "The council said it would put on a free shuttle bus for the children of the two schools on the far bank.",
        "LIGHTS OUT: The council will switch off half of the street lights in the industrial estate after ten at "
        "night from next month, saving about forty thousand pounds a year, its energy officer told the meeting. "
        "Firms on the estate said they had not been asked, and that their night shifts needed the lights on.",
    ]
    cards = ["Bus fares rise in May", "2024-10-14", summaries[0], "By Jane Doe"]
    cards += ["Footbridge closed for repairs", "2024-10-12", summaries[1], "By John Smith"]
    cards += ["Street lights dimmed at night", "2024-10-11", summaries[2]]
    head = ["Budget approved - The Gazette", "Home", "News", "Budget approved", *body]
    # A card of headline, date with a year, and summary is a teaser, however long its summary...
    page = [*head, "You might also like", *cards, "Privacy policy"]
    assert cleaner.clean("\n".join(page)) == body
    # ...also where its date reads as noise (a byline here; a link in HTML mode).
    published = [f"Published {line}" if line.startswith("2024-") else line for line in cards]
    page = [*head, "You might also like", *published, "Privacy policy"]
    assert cleaner.clean("\n".join(page)) == body
    # ...but a time of day heads a live blog's next entry: the list ends there.
    page = [*head, "You might also like", "Bus fares rise in May", "14:05", *summaries, "Privacy policy"]
    assert cleaner.clean("\n".join(page)) == [*body, *summaries]


def test_the_greek_question_mark_ends_a_sentence():
    from cleaner.features import features

    # Greek writes "?" as ";" (or U+037E, which NFC turns into ";"): a question is a sentence.
    for question in ("Πότε θα δούμε τις πρώτες μπουλντόζες στην παραλία;", "Πότε θα τελειώσει το έργο\u037e»"):
        assert features(question).terminal and not features(question).semi_terminal
    assert features("Τα βήματα είναι τα εξής:").semi_terminal  # a colon still introduces
    assert features("wages; prices;").semi_terminal  # and a semicolon elsewhere is one


def test_chinese_credits_after_a_full_width_slash():
    from cleaner.lexicon import DEFAULT
    from cleaner.patterns import match_block

    # "圖／Name攝": picture, taken by Name; glued to the caption's last clause.
    for caption in ("修復團隊清點舊透鏡的零件，部分玻璃需要重新打磨。圖／航港局提供", "圖：陳冠宇攝", "（图／新华社）"):
        assert match_block(DEFAULT, caption).label == Label.CAPTION.value, caption
    assert match_block(DEFAULT, "2024／03／19 14:20") is None


def test_a_title_with_section_and_site_names_finds_the_headline():
    # "Headline | Section | Site" reads as a menu, but its first part is the headline.
    headline = "Council approves the budget after a long debate"
    page = [
        f"{headline} | Local News | The Gazette",
        "Home",
        "Local News",
        headline,
        "By Jane Doe",
        "The council chamber was full on Tuesday night as members debated the budget for hours",
        "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
        "The opposition said the plan would raise local taxes for families already struggling with costs.",
        "The mayor said the spending was needed to repair roads and schools across the city this year.",
        "Privacy policy",
    ]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.title == headline  # not the longer photo caption above the article
    assert doc.paragraphs == page[6:9]


def test_a_list_the_article_introduces_does_not_cut_the_article():
    items = [
        "New roofs for twelve primary schools",
        "Repairs to the Riverside and Hill Street bridges",
        "Two hundred new street lights in the north",
        "A second library van for the villages",
        "Longer opening hours at the swimming pool",
        "Free bus travel for pupils under sixteen",
        "More staff for the planning department",
    ]
    page = [
        "Budget approved - The Gazette",
        "Home",
        "News",
        "Budget approved",
        "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
        "The plan sets out the spending priorities of the council for the coming year in this order:",
        *items,
        "The opposition said the plan would raise local taxes for families already struggling with costs.",
        "Privacy policy",
    ]
    assert cleaner.clean("\n".join(page)) == page[4:-1]


def test_a_headline_in_other_words_than_the_title_is_the_title():
    # Titles are often rewritten for search engines; the headline shares many of their words.
    headline = "Floods in Ufa: the river passes the critical mark"
    standfirst = "The river rose by forty centimetres in a day, and three districts of the city began to evacuate homes."
    page = [
        "Floods in Ufa live: river passes the critical mark on 12 April - Bashkir News",
        "Bashkir News",
        "News",
        headline,
        standfirst,
        "12 April 2024, 15:40",
        "Share",
        "The emergency services said the water was still rising on Tuesday evening along the whole riverbank.",
        "Rescuers in boats took people from their homes on three streets, and about six hundred houses were flooded.",
        "Privacy policy",
    ]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.title == headline
    assert doc.paragraphs == [standfirst, *page[7:9]]


def test_a_question_headline_is_the_title_not_a_paragraph():
    # A headline ending with "?" reads as prose; it repeats the <title> all the same.
    headline = "Why are the city's buses always late in the morning?"
    body = [
        "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
        "The opposition said the plan would raise local taxes for families already struggling with costs.",
        "The mayor said the spending was needed to repair roads and schools across the city this year.",
    ]
    standfirst = "Passengers say they wait up to half an hour every morning, and the bus company blames the roadworks in the city centre."
    page = [f"{headline} - News - The Gazette", "News", "Transport", headline, standfirst, "By Jane Doe"]
    page += ["Comments (24)", *body, "Privacy policy"]  # the comments link in its header does not end the article
    doc = cleaner.clean_document("\n".join(page))
    assert doc.title == headline
    assert doc.paragraphs == [standfirst, *body]
    again = cleaner.clean_document(doc.text)
    assert again.title == headline and again.paragraphs == [standfirst, *body]


_BODY = [
    "The council voted on Tuesday night to approve the city's budget for next year after a long debate.",
    "The opposition said the plan would raise local taxes for families already struggling with costs.",
    "The mayor said the spending was needed to repair roads and schools across the city this year.",
]


def test_a_headline_with_a_year_or_long_enough_to_read_as_prose_is_the_title():
    # The <title> and its repeat are known by position and words: a year in them ("2024")
    # or a length that reads as prose (no full stop) does not make them a date or a paragraph.
    dated = "Ice saints 2024: when they are and what the weather will do"
    long = (
        "This new search box does not mean that you will only get AI answers: the search makeover "
        "brings yet more AI, but the company promises to leave room for the classic results"
    )
    for headline in (dated, long):
        page = [f"{headline} | The Gazette", "Home", "News", "Sport", headline, "Jane Doe Reporter", "Share", *_BODY, "Privacy policy"]
        doc = cleaner.clean_document("\n".join(page))
        assert doc.title == headline, headline  # not the byline "Jane Doe Reporter"
        assert doc.paragraphs == _BODY
        again = cleaner.clean_document(doc.text)
        assert (again.title, again.paragraphs) == (headline, _BODY)


def test_a_kicker_that_opens_the_title_is_not_the_headline():
    # "Olympics in Paris" opens the <title> "Olympics in Paris 2024: ...": three words of a
    # seventeen-word title are a kicker (a section label), not the headline again.
    title = "Olympics in Paris 2024: tears flowed for the pole vaulter Lena Ritz, then came the shock turn - NRK"
    headline = "Tears flowed for the pole vaulter, then came the shock turn"
    page = [title, "Home", "Sport", "Olympics in Paris", headline, "By Jane Doe", *_BODY, "Privacy policy"]
    assert cleaner.clean_document("\n".join(page)).title == headline


def test_a_headline_after_a_kicker_in_the_title_shares_its_words():
    # "«Kicker»: - Headline": after the separator comes the headline, not the site's name,
    # so the headline's words are looked for in the whole <title>.
    headline = "Norwegian sentenced to life"
    cookie = "The Gazette is part of Big Media. Big Media is responsible for your data on this site. Read more"
    page = ["«The eunuch maker»: - Norwegian sentenced to life", "Home", "News", cookie, "«The eunuch maker»:", headline, *_BODY, "Privacy policy"]
    assert cleaner.clean_document("\n".join(page)).title == headline  # not the longer cookie line


def test_a_kicker_naming_a_photo_is_not_a_credit():
    # "Erstes Bild: <headline>": one word before the caption word, then a headline, is a
    # kicker. With a full stop, a slash or a short name after it, it is a caption's credit.
    from cleaner.lexicon import DEFAULT
    from cleaner.patterns import match_block

    for kicker in ("Erstes Bild: So könnte die neue Seilbahn aussehen", "Playoff picture: Raiders in pursuit"):
        assert match_block(DEFAULT, kicker) is None, kicker
    for caption in ("Symbolbild. Foto: dpa", "Feuerwehr Foto: dpa", "Feuerwehr Foto: Max Muster / dpa", "Main image credit: Getty"):
        assert match_block(DEFAULT, caption).label == Label.CAPTION.value, caption
    headline = "Erstes Bild: So könnte die neue Seilbahn aussehen"
    page = [f"{headline} - Stadtanzeiger", "Startseite", "Lokales", headline, "Von Jana Berger", *_BODY, "Impressum"]
    assert cleaner.clean_document("\n".join(page)).title == headline


def test_the_last_paragraph_after_a_read_also_box_is_the_articles():
    body = [
        "The council voted on Tuesday night to approve the budget after a debate of more than four hours.",
        "The opposition said the plan would raise local taxes for families who are already struggling.",
        "The mayor said the spending was needed to repair roads and schools across the whole city.",
    ]
    last = (
        "Work on the first schools is due to start in the spring, once the contracts have been signed, "
        "and roads in the north of the city will follow in the summer, the engineers said."
    )
    head = ["Budget approved - The Gazette", "Home", "News", "Sport", "Budget approved", *body]
    foot = ["Tags: Budget, Council", "Share", "Privacy policy"]
    # A box of links dropped inside the article weighs as its heading: the paragraph after it is kept...
    box = ["Read also", "City bus fares rise by ten cents in May", "Old footbridge closed for repairs until June"]
    assert cleaner.clean("\n".join([*head, *box, last, *foot])) == [*body, last]
    # ...but not a teaser's summary, which shares words with the headline right above it.
    card = ["Read also", "Spring works on the city's schools"]
    assert cleaner.clean("\n".join([*head, *card, last, *foot])) == body
    # ...nor a paragraph under a short heading after the links (an author box, "About us").
    about = "The Gazette has reported on the life of the city since 1871, and is owned by a trust of its readers."
    assert cleaner.clean("\n".join([*head, *box, "Our story", about, *foot])) == body
    # A box with more words than the paragraph after it is no aside: it ends the article.
    links = ["Bus fares rise by ten cents in May on five routes", "Old footbridge closed for repairs until June"]
    links += ["Street lights dimmed at night on the industrial estate", "New cycle lanes open on the east side"]
    assert cleaner.clean("\n".join([*head, "Read also", *links, last, *foot])) == body


def test_numbered_steps_each_over_one_paragraph_are_the_article():
    steps = [
        "Step 1: Take the wheel off",
        "Let all the air out of the tyre, open the brake and undo the nuts on both sides of the axle, then lift the "
        "wheel out of the frame carefully.",
        "Step 2: Find the hole",
        "Pump a little air into the tube and hold it under water in a bucket: the bubbles show where the hole is, so "
        "mark the place with a pen.",
        "Step 3: Patch the tube",
        "Rub the area around the hole with sandpaper, spread a thin layer of glue, wait until it is dry to the touch "
        "and press the patch on firmly.",
    ]
    related = [
        "Related guides",
        "How to adjust your brakes",
        "Choosing a bike lock",
        "Five tools every cyclist needs",
        "Our favourite rides in the hills this spring",
        "Why your chain keeps slipping and what to do",
        "The best lights for winter commuting tested",
    ]
    about = [
        "Bike Corner is a small team of riders and mechanics who have been writing simple and honest repair guides "
        "for everyday cyclists since 2009.",
        "We test every tool we write about ourselves, we never accept payment for reviews, and we answer every "
        "question our readers send us by email.",
    ]
    head = ["Bike Corner", "Home", "Guides", "Shop", "How to fix a flat tyre"]
    tail = ["Share", "Facebook", "Twitter", "Email", *related, "About us", *about, "Privacy policy", "Contact"]
    # Each paragraph stands alone between short lines, like a teaser under its headline; but
    # numbers that run on make those lines the headings of steps.
    assert cleaner.clean("\n".join([*head, *steps, *tail])) == steps
    # Without the numbers they read as teasers, and the about box outweighs them (its first
    # paragraph, under "About us", is then dropped as the site's own text).
    unnumbered = [line.split(": ", 1)[-1] for line in steps]
    assert cleaner.clean("\n".join([*head, *unnumbered, *tail])) == about[1:]


def test_a_headline_opening_with_the_byline_word_is_not_a_byline():
    # "Von München bis Aachen: ..." opens with "Von" (by) and holds capitalised words,
    # but a byline names its author first.
    from cleaner.lexicon import DEFAULT
    from cleaner.patterns import match_block

    assert match_block(DEFAULT, "Von München bis Aachen: Im Netz der Agenten") is None
    for byline in ("Von Jana Berger und Max Muster", "By Jane Doe | 12 March 2024", "Published 10:02 AM EST Nov 19, 2019"):
        assert match_block(DEFAULT, byline).label == Label.BYLINE.value, byline


def test_the_title_line_is_the_title_when_nothing_above_the_article_shares_its_words():
    # The page shows no headline (or one the text lost): the lines above the article are a
    # share bar and a sign-up box, and the <title> "Headline | Site" is the best title there is.
    title = "Sweden tells households how to survive a war | The Gazette"
    promo = "For free real time breaking news alerts sent straight to your inbox sign up to our breaking news emails"
    page = [title, "Home", "World", "Share this article", promo, "Sign up to our free breaking news emails", *_BODY, "Privacy policy"]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.title == title  # not the longer sign-up line
    assert doc.paragraphs == _BODY


def test_a_caption_ending_with_a_credit_without_a_colon():
    # "... konferencji. Fot. PAP/Name", "(foto Ansa)", "Photo by Jane Doe": a caption word
    # opening a clause near the end, then a name. "Photo booths are open" is no credit.
    from cleaner.lexicon import DEFAULT
    from cleaner.patterns import match_block

    for caption in (
        "Premier Donald Tusk podczas konferencji. Fot. PAP/Leszek Szymański",
        "Il premier a Palazzo Chigi (foto Ansa)",
        "Le président à l’Élysée. Photo AFP",
        "Tanner Fischer at the rally in May. Photo by Sarah Lazare",
    ):
        assert match_block(DEFAULT, caption).label == Label.CAPTION.value, caption
    for sentence in ("The exhibition opens today. Photo booths are available", "He smiled. Photo by"):
        assert match_block(DEFAULT, sentence) is None, sentence


def test_the_authors_name_between_the_standfirst_and_the_body_is_no_heading():
    # Headline, standfirst, then the header: a bare name and a date line, then the body.
    standfirst = ("Die Gäste lagen lange zurück, drehten das Spiel aber mit zwei späten Toren und stehen nun "
                  "auf dem zweiten Platz der Tabelle.")
    article = [
        "Mit einem Tor in der dritten Minute der Nachspielzeit hat der Aufsteiger am Sonntag das Spiel gedreht.",
        "Der Trainer lobte nach dem Spiel vor allem die Moral seiner Mannschaft und die Unterstützung der Fans.",
        "Am nächsten Wochenende spielt die Mannschaft auswärts beim Tabellenführer, der seit Wochen ungeschlagen ist.",
    ]
    page = ["Sport", "Fußball", "Spätes Tor entscheidet das Derby", standfirst, "Georg Paulsen",
            "17.03.2024 | 21:15"] + article + ["Impressum"]
    got = labels("\n".join(page))
    assert got["Georg Paulsen"][1] is False
    assert cleaner.clean("\n".join(page)) == [standfirst] + article


def test_a_heading_right_under_the_standfirst_is_kept():
    # Without a date or byline between them, a short line under the standfirst heads the body.
    standfirst = ("Gluckert es im Heizkörper, ist meist Luft im System. Das Entlüften dauert nur wenige Minuten "
                  "und spart bares Geld, denn ein Heizkörper voller Luft gibt weniger Wärme ab.")
    article = [
        "Sie benötigen einen passenden Entlüftungsschlüssel, den es für wenige Euro im Baumarkt gibt, und einen Lappen.",
        "Drehen Sie die Heizung etwa eine Stunde vorher auf, damit sich die Luft oben im Heizkörper sammelt.",
    ]
    page = ["Heizkörper entlüften: So geht es | Ratgeber", "Ratgeber", "Wohnen", "Heizkörper entlüften: So geht es",
            standfirst, "Was Sie brauchen"] + article + ["Impressum"]
    assert cleaner.clean("\n".join(page)) == [standfirst, "Was Sie brauchen"] + article


def test_an_author_box_of_name_role_and_bio_is_dropped():
    # The author box at the end: the name alone, the role under it, a bio opening with the name.
    box = ["Yasmine Hassan", "Producer", "Yasmine Hassan is a producer filing stories on the Middle East for the bureau in Ottawa."]
    page = ["Council approves the budget - The Gazette", "Home", "News", "Council approves the budget", *_BODY, *box, "Privacy policy"]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.paragraphs == _BODY
    # A last section headed by a name whose paragraph opens with another name stays.
    other = ["Jane Doe", "Mayor", "Mark Smith, her deputy, said the vote was a turning point for the whole council."]
    doc = cleaner.clean_document("\n".join([*page[:4], *_BODY, *other, "Privacy policy"]))
    assert other[2] in doc.paragraphs
    # A bio that does not name the author goes too, when a line above the article does.
    box = ["Nicole Opitz", "Editor", "Joined the paper in 2019 and writes mostly about health, housing and inequality in the city."]
    head = ["Council approves the budget - The Gazette", "Home", "News", "Council approves the budget", "A comment from Nicole Opitz"]
    doc = cleaner.clean_document("\n".join([*head, *_BODY, *box, "Privacy policy"]))
    assert doc.paragraphs == _BODY
    # ...but not one under a name that nothing above the article holds.
    doc = cleaner.clean_document("\n".join([*head[:4], *_BODY, *box, "Privacy policy"]))
    assert box[2] in doc.paragraphs


def test_numbered_paragraphs_between_photos_are_a_listicles_items():
    # "1. ...", "2. ...": numbered paragraphs whose numbers run on are the article's items,
    # even when each stands alone between photos' notices (no teaser list numbers its summaries).
    intro = "The company grew faster than any other developer in the country, and its fall shows how much it had borrowed."
    facts = [
        f"{k}. {text}"
        for k, text in enumerate(
            [
                "It sold more than a million homes a year at its peak, more than any other company in the country.",
                "Its debts were larger than the whole economy of several of its neighbours put together at the time.",
                "It employed hundreds of thousands of people directly and millions more through its many suppliers.",
                "Its shares lost almost all of their value in the two years after it first missed a payment to lenders.",
            ],
            start=1,
        )
    ]
    page = ["Five facts about the developer - The Gazette", "Home", "Business", "Five facts about the developer", intro]
    for k, fact in enumerate(facts):
        page += [f"Image {k} © Reuters Pictures Agency, all rights reserved, no reuse without permission", fact]
    page += ["Privacy policy", "Imprint"]
    assert cleaner.clean("\n".join(page)) == [intro, *facts]


def test_a_headline_quoting_someone_with_a_dash_is_the_title():
    # Scandinavian (and Slavic) headlines quote with a dash: "- Angsten vil øke" is the
    # page's <title> and its headline, not a list item.
    body = [
        "Nord-Korea fordømte søndag USAs angrep på Venezuela, der presidenten ble tatt til fange av amerikanske styrker.",
        "En nordkoreansk talsperson kalte hendelsen et eksempel på USAs brutale oppførsel overfor andre land i verden.",
        "Eksperten mener angrepet vil øke Nord-Koreas fokus på atomvåpen, som landet ser som en garanti for overlevelse.",
    ]
    page = ["- Angsten vil øke", "Hopp til hovedinnholdet", "Meny", "Nyheter", "Sport", "- Angsten vil øke", *body, "Del artikkel"]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.title == "- Angsten vil øke"
    assert doc.paragraphs == body
    again = cleaner.clean_document(doc.text)
    assert (again.title, again.paragraphs) == (doc.title, doc.paragraphs)


def test_an_inline_related_link_is_one_link_not_a_heading():
    from cleaner.lexicon import DEFAULT
    from cleaner.patterns import match_block

    # "RELATED: <headline>" inside the article is a link, as "Read more: <headline>" is...
    for line in (
        "RELATED: Parking charges at seafront car parks to rise by 20p",
        "Relacionado: Prefeitura anuncia novas obras no centro da cidade",
        "Polecamy: Nowe zasady parkowania w centrum miasta od marca",
    ):
        found = match_block(DEFAULT, line)
        assert found is not None and found.label == Label.LINK_LIST.value and found.kind == "prefix", line
    # ...it opens no list: the article goes on under it.
    body = [
        "The council voted on Tuesday night to approve the budget after a debate of more than four hours.",
        "The opposition said the plan would raise local taxes for families who are already struggling.",
        "The mayor said the spending was needed to repair roads and schools across the whole city.",
    ]
    page = ["Budget approved - The Gazette", "Budget approved", body[0], "RELATED: Parking charges to rise by 20p", *body[1:]]
    assert cleaner.clean("\n".join(page)) == body
    # The word alone is a list's heading still, and a long sentence after it is no link.
    assert match_block(DEFAULT, "Related").kind == "exact"
    assert match_block(DEFAULT, "Related: " + " ".join(["word"] * 30)) is None


def test_a_headline_may_hold_a_year_but_a_date_line_is_no_headline():
    from cleaner.title import _year_alone

    # A year in running text ("... by the end of 2025") leaves a line a headline...
    for line in ("Curitiba vai ganhar 60 km de novas ciclovias até o fim de 2025", "US Open 2023 results: six British players win"):
        assert _year_alone(line), line
    # ...a date (a day's number near the year, a time of day, a slashed date) does not.
    for line in (
        "Posted on 2 February 2024 by Hannah Lister",
        "Publicado por Andrés Molina el 3 de febrero de 2024 · 14 comentarios",
        "Updated March 14, 2024",
        "2024-03-14 Redaktion",
        "14 березня 2024, 12:05",
        "13/03/2024 09h32 Atualizado há 2 horas",
    ):
        assert not _year_alone(line), line


def test_teasers_above_the_headline_stay_out_of_the_article():
    # A mega-menu of teaser cards (headline and summary on one line) above the headline:
    # when the page's <title> comes again in full below them, the article starts there.
    teasers = [
        f"{head} {summary}"
        for head, summary in [
            ("Police Arrest Two After Student Dies", "Officers said on Monday that a woman and a man were taken into custody after the death of a student."),
            ("Diners Leave Without Paying $690 Bill", "A party of six left a steakhouse without paying the bill after a long dinner on Saturday night."),
            ("State To Mail Applications To Voters", "The state will mail applications for its new redistricting panel to a quarter of a million voters."),
            ("Hunters Sought After Elk Is Poached", "Wildlife officers are asking for tips after a bull elk was found shot and left in a forest up north."),
            ("Mayor Says Benefits Move Won't Stand", "The mayor said a last-minute vote to extend health benefits to council members was despicable."),
        ]
    ]
    page = [
        "Council approves the budget - The Gazette",
        "Menu",
        "Latest Headlines",
        *teasers,
        "More",
        "Council approves the budget",
        *_BODY,
        "Privacy policy",
    ]
    assert cleaner.clean("\n".join(page)) == _BODY


def test_a_numbered_list_runs_on_across_the_links_between_its_items():
    # "Here are the deals:", then "1) ...", a link, "2) ...", a link...: the links are noise,
    # the items whose numbers run on are the list the article introduced.
    intro = "Black Friday is here again, and for once the shops have something for the nostalgic among us. Here are the deals:"
    items = [f"{k}) {name}" for k, name in enumerate(["Lego Star Wars bomber", "Electric racing track", "Blade Runner in 4K", "Polaroid 600 camera"], 1)]
    listed = [line for item in items for line in (item, f"http://amzn.to/{len(item)}x")]
    page = ["Black Friday for the nostalgic - Remember", "Home", "Black Friday for the nostalgic", *_BODY, intro, *listed, "Privacy policy"]
    assert cleaner.clean("\n".join(page)) == [*_BODY, intro, *items]


def test_the_article_again_in_one_block_is_dropped():
    # Pages often carry the article's text once more in one block (their structured data):
    # its paragraphs, run together, after the article itself.
    body = [p + " " + p.replace("council", "committee") for p in _BODY]  # paragraphs of 30+ words
    copy = "".join(body * 3)  # 150+ words, the paragraphs glued without a space
    page = ["Council approves the budget - The Gazette", "Home", "Council approves the budget", *body, copy, "Privacy policy"]
    assert cleaner.clean("\n".join(page)) == body
    # A long paragraph that merely opens like one other paragraph stays.
    other = body[0] + " " + " ".join(["Members then turned to the question of the new library and its opening hours."] * 12)
    page = ["Council approves the budget - The Gazette", "Home", "Council approves the budget", *body, other, "Privacy policy"]
    assert other in cleaner.clean("\n".join(page))


def test_a_name_and_a_photo_agency_after_a_slash_is_a_credit():
    from cleaner.lexicon import DEFAULT
    from cleaner.patterns import match_block

    for credit in ("Mike Marsland/Getty Images", "Sanjeev Verma/Hindustan Times/Getty Images", "Jane Doe / Shutterstock"):
        found = match_block(DEFAULT, credit)
        assert found is not None and found.label == Label.CAPTION.value, credit
    # A slash between other words is no credit.
    for line in ("Best for Active/Side Sleepers", "Before/After", "Temp rating: 45°F / 7°C"):
        assert match_block(DEFAULT, line) is None, line


def test_a_long_run_of_capitalised_link_texts_is_navigation():
    # A footer of links printed as one block, no punctuation: its few stopwords ("ne",
    # "bu", "var") would pass it for prose.
    article = [
        "Meclis Genel Kurulu'nda dün akşam kabul edilen yeni bütçe, gelecek yıl için belediyelere daha fazla "
        "kaynak ayırıyor ve bu karar birçok şehirde memnuniyetle karşılandı.",
        "Muhalefet partileri ise planın vergileri artıracağını ve zaten zor durumda olan aileleri daha da "
        "zorlayacağını söyleyerek karara karşı çıktı.",
        "Bakan, harcamaların yolları ve okulları onarmak için gerekli olduğunu, bu işin daha fazla beklemeye "
        "tahammülü olmadığını açıkladı.",
    ]
    links = ("Son Dakika Haberleri Gündem Haberleri Dünya Haberleri Ekonomi Haberleri Spor Haberleri Sağlık "
             "Haberleri Magazin Haberleri Teknoloji Haberleri Hava Durumu Namaz Vakitleri Altın Fiyatları Döviz "
             "Kurları Canlı Borsa Kripto Para Son Depremler Ne Kadar Kaç TL Bu Akşam Hangi Maçlar Var")
    page = ["Yeni bütçe kabul edildi - Haber Sitesi", "Ana Sayfa", "Yeni bütçe kabul edildi", *article, links]
    assert labels("\n".join(page))[links] == (Label.NAVIGATION, False)


def test_a_long_german_paragraph_without_a_full_stop_is_still_prose():
    # German capitalises its nouns, but not half of its words.
    paragraph = ("Die Stadtverwaltung hat am Dienstag mitgeteilt dass die Bauarbeiten an der Brücke über den Fluss "
                 "im kommenden Frühjahr beginnen und nach Angaben der Planer etwa zwei Jahre dauern werden")
    assert labels(f"{BODY}\n{paragraph}")[paragraph] == (Label.BODY, True)


def test_a_short_line_opening_with_a_lists_phrase_heads_the_list():
    teaser = "Police close the old bridge after the storm"
    page = [*HEAD, *ARTICLE[:2], "More from The Gazette", teaser, *ARTICLE[2:4]]
    assert labels("\n".join(page))[teaser] == (Label.LINK_LIST, False)
    # An inline link with a colon is one link: the article's next heading stays.
    heading = "What the budget pays for"
    page[4] = "Read more: Bridge closed"
    page[5] = heading
    assert labels("\n".join(page))[heading] == (Label.HEADING, True)


def test_a_next_article_link_ends_the_article_when_the_next_one_is_loaded_below():
    # An infinite-scroll page: the next article follows its link. (A link in the headline's
    # header, within HEADER_BLOCKS of it, is a menu item.)
    following = [
        "The old bridge over the river was closed on Wednesday morning after engineers found cracks in it.",
        "Drivers were told to use the ring road, which added up to half an hour to their daily journeys.",
        "The city said that the repairs would take at least three months and cost more than two million.",
        "Shops near the bridge said they had already lost customers since the first warnings in the spring.",
    ]
    page = [*HEAD, *ARTICLE, "Share", "Next article", "Bridge closed after cracks are found", "12 March 2024", *following]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.paragraphs == ARTICLE
    assert [b.label for b in doc.blocks if b.text == "Next article"] == [Label.NEXT_ARTICLE]


def test_a_heading_after_a_related_list_may_be_as_long_in_words_but_shorter_in_letters():
    # Finnish (and Estonian) compounds make a headline of three long words; the sub-heading
    # after the list has three short ones.
    para = [
        "Kaupunginhallitus esitti maanantaina, että uimahallin peruskorjaus aloitetaan vasta ensi vuoden "
        "keväällä, koska urakoitsijan tarjous oli odotettua kalliimpi.",
        "Valtuusto käsittelee asiaa seuraavassa kokouksessaan, ja päätöksen odotetaan syntyvän ennen joulua, "
        "kertoi kaupunginjohtaja tiedotteessa.",
        "Uimahalli on ollut suljettuna kesästä lähtien, ja kävijät ovat joutuneet käyttämään naapurikunnan "
        "palveluja koko syksyn ajan.",
    ]
    heading = "Mitä tapahtuu nyt"
    page = ["Uimahallin remontti siirtyy - Sanomat", "Uimahallin remontti siirtyy", *para[:2], "Lue myös",
            "Kaupunginvaltuusto hyväksyi talousarvion", "Uimahallin peruskorjaus viivästyy", heading, para[2]]
    assert labels("\n".join(page))[heading] == (Label.HEADING, True)



def test_a_paywall_notice_ends_the_visible_article():
    pitch = [
        "Subscribe today and get unlimited access to every story, our daily newsletter and the archive of forty years.",
        "Our reporters cover the council, the courts and the schools of the city, every day of the year, for you.",
    ]
    notice = "This article is for subscribers only. You have read 60% of it."
    doc = cleaner.clean_document("\n".join([*HEAD, *ARTICLE, notice, *pitch]))
    assert doc.paragraphs == ARTICLE
    assert [b.label for b in doc.blocks if b.text == notice] == [Label.PAYWALL]


def test_a_paywall_notice_in_the_headlines_header_ends_a_short_visible_article():
    # Two paragraphs are all the page shows: the notice is a few lines under the headline,
    # where a "Comments" link would be part of the header, but it still ends the article.
    pitch = [
        "Subscribe today and get unlimited access to every story, our daily newsletter and the archive of forty years.",
        "Our reporters cover the council, the courts and the schools of the city, every day of the year, for you.",
    ]
    notice = "This article is for subscribers only."
    doc = cleaner.clean_document("\n".join([*HEAD, "12 March 2024", *ARTICLE[:2], notice, *pitch, "Privacy policy"]))
    assert doc.paragraphs == ARTICLE[:2]


def test_a_subscribers_badge_in_a_box_inside_the_article_does_not_end_it():
    box = ["Read more", "Subscribers only", "The bridge that nobody wants to pay for"]
    page = [*HEAD, *ARTICLE[:6], *box, *ARTICLE[6:]]
    assert cleaner.clean("\n".join(page)) == ARTICLE


def test_an_interview_question_put_again_to_the_next_person_is_kept():
    question = "What made you start cooking for other people in the first place?"
    page = [*HEAD,
            "We asked two of the city's best-known home cooks the same questions about their kitchens.",
            "Anna Berg", question,
            "My grandmother ran a small restaurant, and I spent every summer in her kitchen watching her work.",
            "Tom Lind", question,
            "I was a student with no money, and cooking for friends was the cheapest way to see them every week."]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.paragraphs.count(question) == 2


def test_a_question_headline_printed_twice_over_a_teaser_is_not_an_interview():
    headline = "Is the city ready for the next storm, and who will pay for it?"
    summary = "Engineers say the old drains cannot take the water of another storm like the one of last spring."
    page = [*HEAD, *ARTICLE, "Science 27.02.2016", headline, headline, summary, "Science 21.12.2021"]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.paragraphs.count(headline) <= 1


def test_a_lower_case_run_of_keywords_is_a_tag_line_but_not_a_list_item_with_brackets():
    tags = "council budget vote city taxes roads schools"
    item = "any fish from the sea or a river (fresh or frozen)"
    verdicts = {b.text: b.label for b in cleaner.clean_document("\n".join([*HEAD, *ARTICLE, tags])).blocks}
    assert verdicts[tags] is Label.TAG_LINE
    page = [*HEAD, *ARTICLE[:4], "You may eat:", item, "any bird (game too)", *ARTICLE[4:]]
    verdicts = {b.text: b.label for b in cleaner.clean_document("\n".join(page)).blocks}
    assert verdicts[item] is not Label.TAG_LINE


def test_a_table_of_lines_of_one_form_after_the_last_paragraph_is_the_articles():
    dates = ["June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre", "June 10 – Tampa, FL @ Credit Union Amphitheatre",
             "June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre (formerly Verizon)",
             "June 17 – Nashville, TN @ Bridgestone Arena", "June 19 – Charlotte, NC @ PNC Music Pavilion"]
    page = [*HEAD, *ARTICLE, "Tour dates", *dates, "Trending", "Band announces a new album for the spring"]
    assert cleaner.clean("\n".join(page)) == [*ARTICLE, "Tour dates", *dates]


def test_teasers_after_the_last_paragraph_are_no_table():
    teasers = ["Police close the old bridge after the storm", "New library opens its doors on Saturday",
               "Mayor: the pool will reopen in the summer", "Five things to do in the city this weekend",
               "Rents rise again – and tenants are worried", "Quiz: how well do you know the old town?"]
    assert cleaner.clean("\n".join([*HEAD, *ARTICLE, *teasers, "Privacy policy"])) == ARTICLE


def test_a_long_standfirst_without_a_full_stop_right_under_the_headline_is_kept():
    lead = ("Residents collected four thousand signatures over the winter, and the council listened at last: "
            "the budget pays for the roads, the schools and the old swimming pool that closed in the storm")
    page = [*HEAD, lead, "By Jane Doe", "12 March 2024, 10:15", "Share", "Print", "Photo: Max Muster", *ARTICLE,
            "Privacy policy"]
    assert cleaner.clean("\n".join(page)) == [lead, *ARTICLE]


def test_the_standfirst_right_under_the_headline_is_kept_above_a_long_header():
    # Between the standfirst and the body: a time, a video's caption, the author, a date
    # and a row of share buttons, more than DEK_GAP blocks in all.
    lead = "The council approved the budget after four hours of debate, and the opposition walked out."
    header = ["01:53", "The mayor presents the budget in the town hall", "Jane Doe", "12 March 2024, 10:15",
              "WhatsApp", "Facebook", "Twitter", "LinkedIn", "Copy link", "Email", "Print", "Comments"]
    page = [*HEAD, lead, *header, *ARTICLE, "Privacy policy"]
    assert cleaner.clean("\n".join(page)) == [lead, *ARTICLE]
    # Prose between them is no header: the nearest paragraph above the body is the standfirst.
    teaser = "Read our live blog for every vote of the evening, as the councillors cast them in the chamber."
    page = [*HEAD, lead, *header[:3], teaser, *header[3:], *ARTICLE, "Privacy policy"]
    assert lead not in cleaner.clean("\n".join(page))


def test_a_credit_with_the_caption_word_last_is_a_caption():
    from cleaner.lexicon import DEFAULT
    from cleaner.patterns import match_block

    # Lithuanian credits name the source first: "photo by the town hall", "by BNS", "by LRT".
    for caption in ["Vytauto prospektas ties Geležinkelio stotimi. Savivaldybės nuotr.",
                    "Seimo posėdis (BNS nuotr.)", "Povilas Aleksandravičius / J. Stacevičiaus / LRT nuotr.",
                    "Christopher Tays Submitted photo"]:
        assert match_block(DEFAULT, caption).label == Label.CAPTION.value, caption
    # Not a sentence that ends with a caption word.
    for sentence in ["The museum lent us the photo.", "Seimas priėmė įstatymą. Jis aptarė nuotr.",
                     "Ask the council for the Photo of the new library.",
                     "Residents gathered outside the town hall on Monday to see The New York Times photo"]:
        match = match_block(DEFAULT, sentence)
        assert match is None or match.label != Label.CAPTION.value, sentence


def test_a_link_to_a_file_with_its_type_and_size_is_navigation():
    from cleaner.lexicon import DEFAULT
    from cleaner.patterns import match_block

    for link in ["Atsisiųsti schemą (PDF, 1,2 MB)", "Download the route map [PDF 245 KB]",
                 "Télécharger le règlement (DOCX, 87 Ko)", "Скачать приказ (PDF, 1.5 МБ)"]:
        assert match_block(DEFAULT, link).label == Label.NAVIGATION.value, link
    # A sentence about a file, and a short line with a size but no file type, are not.
    sentence = ("The council published the plan as a PDF of 12 MB on its website, and residents can comment on it "
                "until the end of the month.")
    assert match_block(DEFAULT, sentence) is None
    assert match_block(DEFAULT, "Speicher: 8 GB") is None


def test_the_pieces_of_a_sentence_cut_at_its_links_are_kept():
    # A renderer that puts every text node on its own line cuts a sentence at its links.
    pieces = ["The mayor told", "reporters", "on Wednesday that the work on the", "old bridge",
              "would start in the spring, a year later than planned."]
    page = [*HEAD, *ARTICLE[:4], *pieces, *ARTICLE[4:], "Privacy policy"]
    assert cleaner.clean("\n".join(page)) == [*ARTICLE[:4], *pieces, *ARTICLE[4:]]
    # Pieces are no licence for the menu under the article: its last paragraph ends a sentence.
    menu = ["news", "sport", "weather"]
    assert cleaner.clean("\n".join([*HEAD, *ARTICLE, *menu, "Privacy policy"])) == ARTICLE


def test_without_the_page_title_a_byline_marks_the_header_of_a_short_article():
    # The text does not open with the page's <title>: no headline is known. A short article
    # under its byline still outweighs a long paragraph of the site's contact details.
    contact = ("The Gazette's reader service can be contacted with any questions or requests about "
               "subscriptions, deliveries and the e-paper from Monday to Friday between eight in the morning "
               "and six in the evening, by telephone on the number printed on the last page of every "
               "issue, by e-mail to the address given there, or by letter to the reader service at the "
               "editorial offices in the old town, which are open to visitors on weekdays.")
    menu = [f"{section} {part}" for section in ("News", "Sport", "Culture", "Life", "Travel", "Jobs")
            for part in ("today", "this week", "archive", "photos", "videos")]  # the site's map, 30 lines
    page = ["Home", "News", "Budget: the council votes", "By Jane Doe", "12 March 2024", *ARTICLE[:3],
            *menu, contact, "Privacy policy"]
    assert cleaner.clean("\n".join(page)) == ARTICLE[:3]


def test_the_companys_text_under_about_us_after_the_article_is_dropped():
    about = ("The Gazette Water Company supplies drinking water to 37 towns in the county and employs "
             "480 people at its works and offices.")
    page = [*HEAD, *ARTICLE, "About us", about, "Privacy policy"]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.paragraphs == ARTICLE
    assert [b.label for b in doc.blocks if b.text == about] == [Label.FOOTER]
    # Inside the article, a paragraph after such a line stays.
    page = [*HEAD, *ARTICLE[:4], "About us", about, *ARTICLE[4:], "Privacy policy"]
    assert about in cleaner.clean("\n".join(page))


def test_a_standfirst_line_with_a_year_is_no_headline():
    # No <title> line: the headline is the longest title-like line above the article, but a
    # long line right under it is its standfirst, a year in it or not (a date line is not).
    headline = "Council approves the plan to repair the city's bridges"
    lead = "By 2027 eleven bridges will be repaired and three replaced, at a cost of 48 million over four years"
    page = ["Home", "News", "Transport", headline, lead, *ARTICLE, "Privacy policy"]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.title == headline and doc.paragraphs == [lead, *ARTICLE]


def test_a_byline_with_a_title_before_the_name():
    from cleaner.lexicon import DEFAULT
    from cleaner.patterns import match_block

    for byline in ["Door dr. Maaike Verhoef | 11 maart 2024", "Von Prof. Jan Berg"]:
        assert match_block(DEFAULT, byline).label == Label.BYLINE.value, byline
    # A phrase after the byline word is still no name ("Von München bis Aachen: ...").
    assert match_block(DEFAULT, "Von Prof. bis Doktor: wie lange ein Studium dauert") is None
