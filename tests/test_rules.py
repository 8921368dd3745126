"""Single rules of the classifier, each on a small page written for it."""

import cleaner
from cleaner import Label

BODY = (
    "Le conseil municipal a voté mardi soir le budget de la ville pour l'année prochaine, "
    "après plus de quatre heures de débat entre la majorité et l'opposition."
)


def labels(text):
    return {b.text: (b.label, b.kept) for b in cleaner.clean_document(text).blocks}


def test_french_quotation_marks_are_not_menu_separators():
    quoted = "« Nous avons fait des choix difficiles », a déclaré la maire, « mais nécessaires » pour la ville."
    got = labels("\n".join(["Un titre de page", BODY, quoted, BODY.replace("mardi", "lundi")]))
    assert got[quoted] == (Label.BODY, True)


def test_breadcrumbs_are_navigation():
    crumbs = "Accueil » Actualités » Politique"
    got = labels("\n".join(["Un titre de page", crumbs, BODY]))
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


def test_a_list_introduced_by_a_colon_stays_with_the_article():
    page = [
        "The band announces a tour",
        "The band will play twelve cities next summer, its first tour in a decade, the group said on Monday.",
        "Tickets go on sale on Friday at noon, and fans have been asked to buy them only from the venues.",
        "The tour dates are:",
        "June 9 - Miami, FL",
        "June 10 - Tampa, FL",
        "June 14 - Atlanta, GA",
    ]
    assert cleaner.clean("\n".join(page)) == page[1:]


def test_a_teaser_repeating_a_kept_paragraph_is_dropped():
    opening = "Good morning! This is the tech news you need to know this Tuesday, with the biggest stories."
    page = ["Ten things in tech", opening, BODY, opening[:50] + "..."]
    doc = cleaner.clean_document("\n".join(page))
    assert doc.paragraphs.count(opening) == 1 and not any(p.endswith("...") for p in doc.paragraphs)
