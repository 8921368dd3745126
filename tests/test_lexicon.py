"""Tests of the boilerplate lexicon: the data files, fold(), and Lexicon.match()."""

from __future__ import annotations

import pickle
import re
import time
import unicodedata
from collections import defaultdict
from importlib.resources import files

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.document import Label
from cleaner.lexicon import (
    DEFAULT,
    SECTIONS,
    Entry,
    Lexicon,
    Match,
    available_languages,
    fold,
    load_lexicon,
    parse_lexicon,
)

REQUIRED = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "ru")
DATA = files("cleaner") / "data" / "lexicon"


def reference_fold(text: str) -> str:
    """fold() as specified, written the slow and obvious way."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub("i\u0307+", "i", text)  # Turkish İ: i and a combining dot
    text = text.replace("ı", "i")  # Turkish dotless ı and i are one letter
    text = text.replace("\u00ad", "")  # a soft hyphen is no break in a word
    # Malayalam chillu written the old way (consonant, virama, zero-width joiner)
    text = text.replace("\u0d28\u0d4d\u200d\u0d31", "\u0d28\u0d4d\u0d31")
    for consonant, chillu in zip("ണനരളലക", "ൺൻർൾൽൿ"):
        text = text.replace(consonant + "\u0d4d\u200d", chillu)
    text = unicodedata.normalize("NFKC", text)
    return " ".join(regex.findall(r"[\p{L}\p{M}]+", text))


# --- the data files ------------------------------------------------------------------


def test_required_languages_exist() -> None:
    assert set(REQUIRED) <= set(available_languages())


@pytest.mark.parametrize("language", available_languages())
def test_data_file_parses_with_folded_phrases_in_known_sections(language: str) -> None:
    source = (DATA / f"{language}.txt").read_text(encoding="utf-8")
    entries = parse_lexicon(source, language, origin=f"{language}.txt")
    assert len(entries) >= (60 if language in REQUIRED else 25)
    seen = set()
    for entry in entries:
        assert entry.label in SECTIONS
        assert fold(entry.text) == entry.text, entry
        assert entry.text == entry.text.strip() and "  " not in entry.text
        assert (entry.text, entry.kind) not in seen, f"duplicate {entry.notation!r}"
        seen.add((entry.text, entry.kind))
    # every data line is a comment, a section header or a phrase: nothing is ignored
    lines = [line.strip() for line in source.splitlines()]
    phrases = [l for l in lines if l and not l.startswith("#") and not l.startswith("[")]
    assert len(phrases) == len(entries)


def test_every_section_is_a_document_label() -> None:
    labels = {label.value for label in Label}
    assert set(SECTIONS) <= labels


def test_languages_agree_on_shared_phrases() -> None:
    """A phrase spelled the same in two languages must give the same label."""
    labels = defaultdict(set)
    for entry in DEFAULT.entries:
        labels[entry.text, entry.kind].add(entry.label)
    conflicts = {key: found for key, found in labels.items() if len(found) > 1}
    assert not conflicts


def test_contains_phrases_are_specific() -> None:
    """A phrase matched anywhere in a block needs at least two words (or 4+ CJK/Thai chars)."""
    for entry in DEFAULT.entries:
        if entry.kind == "contains":
            assert " " in entry.text or len(entry.text) >= 4, entry


# --- fold --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Editors' Recommendations", "editors recommendations"),
        ("  Read   more…  ", "read more"),
        ("5 min read", "min read"),
        ("Page 2 of 10", "page of"),
        ("Home > News > World", "home news world"),
        ("Vidéos recommandées", "vidéos recommandées"),
        ("Schließen", "schliessen"),
        ("İLGİLİ HABERLER", "ilgili haberler"),
        ("ΕΙΔΗΣΕΙΣ", "ειδησεισ"),
        ("ｆｕｌｌｗｉｄｔｈ　ＴＥＸＴ", "fullwidth text"),
        ("関連記事：政府", "関連記事 政府"),
        ("नमस्ते दुनिया", "नमस्ते दुनिया"),
        ("Share 👍 this!", "share this"),
        ("© 2024 — 123", ""),
        ("", ""),
    ],
)
def test_fold_examples(text: str, folded: str) -> None:
    assert fold(text) == folded


@settings(max_examples=500)
@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@settings(max_examples=500)
@given(st.text())
def test_fold_matches_its_definition(text: str) -> None:
    assert fold(text) == reference_fold(text)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=50))
def test_fold_output_is_letters_and_single_spaces(text: str) -> None:
    folded = fold(text)
    assert folded == folded.strip() and "  " not in folded
    assert regex.fullmatch(r"[\p{L}\p{M} ]*", folded)


def test_fold_is_linear() -> None:
    text = "Ünïcödé, text — with «punctuation» 42! " * 25_000  # ~1 MB
    start = time.perf_counter()
    fold(text)
    assert time.perf_counter() - start < 2.0


# --- matching semantics ------------------------------------------------------------------

TOY = """
# a toy lexicon
[widget]
read more
[link-list]
read more *
more from *
[footer]
* all rights reserved *
* rights reserved *
[caption]
関連 *
* 無断転載 *
"""


@pytest.fixture(scope="module")
def toy() -> Lexicon:
    return Lexicon(parse_lexicon(TOY, "xx"))


def test_exact_matches_whole_block_only(toy: Lexicon) -> None:
    assert toy.match("Read more »") == Match("widget", "read more", "xx")
    assert toy.match("Read more »").kind == "exact"


def test_prefix_matches_start_on_word_boundaries(toy: Lexicon) -> None:
    match = toy.match("Read more: the budget in five charts")
    assert match == Match("link-list", "read more *", "xx") and match.kind == "prefix"
    assert toy.match("More from Politics") == Match("link-list", "more from *", "xx")
    assert toy.match("Moreover from the start") is None
    assert toy.match("We read more books") is None


def test_contains_matches_whole_words_anywhere(toy: Lexicon) -> None:
    match = toy.match("© 2024 Example Media Ltd. All Rights Reserved. Terms apply.")
    assert match is not None and match.kind == "contains"
    assert match.phrase == "* all rights reserved *"  # the longer of two contains phrases
    assert toy.match("Copyrights reserved") is None  # "copyrights" is not "rights"


def test_exact_beats_prefix_beats_contains() -> None:
    lexicon = Lexicon(
        parse_lexicon("[footer]\n* share this *\n[widget]\nshare *\n[comment]\nshare this\n", "xx")
    )
    assert lexicon.match("Share this").label == "comment"
    assert lexicon.match("Share this now").label == "widget"
    assert lexicon.match("Please share this").label == "footer"


def test_unspaced_scripts_match_substrings(toy: Lexicon) -> None:
    assert toy.match("関連：政府の発表") == Match("caption", "関連 *", "xx")
    assert toy.match("写真・記事の無断転載を禁じます") == Match("caption", "* 無断転載 *", "xx")
    assert toy.match("政府の関連機関") is None


def test_match_is_deterministic() -> None:
    line = "Sign up for our newsletter. We use cookies. All rights reserved."
    assert len({DEFAULT.match(line) for _ in range(5)}) == 1
    assert load_lexicon().match(line) == DEFAULT.match(line)


def test_empty_and_punctuation_only_blocks_match_nothing() -> None:
    for text in ("", "   ", "—", "***", "12:30", "© 2024"):
        assert DEFAULT.match(text) is None


# --- the built-in phrases ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Vidéos recommandées", "widget"),
        ("Recommandations des rédacteurs", "link-list"),
        ("Editors' Recommendations", "link-list"),
        ("Lire aussi :", "link-list"),
        ("Lire aussi : La réforme des retraites adoptée au Sénat", "link-list"),
        ("À lire aussi", "link-list"),
        ("Sur le même sujet", "link-list"),
        ("Partager sur Facebook", "boilerplate-phrase"),
        ("Tous droits réservés", "footer"),
        ("We use cookies to improve your experience.", "boilerplate-phrase"),
        ("Mehr zum Thema", "link-list"),
        ("Das könnte Sie auch interessieren", "link-list"),
        ("Artikel teilen", "boilerplate-phrase"),
        ("Mit Ihrem Abo können Sie pro Monat fünf Artikel verschenken.", "boilerplate-phrase"),
        ("Aktuell sind Sie nicht eingeloggt.", "boilerplate-phrase"),
        ("Mit meiner Anmeldung zum Newsletter stimme ich der Werbevereinbarung zu.", "boilerplate-phrase"),
        ("Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.", "boilerplate-phrase"),
        ("Damit können personenbezogene Daten an Drittplattformen übermittelt werden.", "boilerplate-phrase"),
        ("Personenbezogene Daten können an Drittplattformen übermittelt werden.", "boilerplate-phrase"),
        ("An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.", "boilerplate-phrase"),
        ("Du kannst ihn dir mit einem Klick anzeigen lassen und wieder ausblenden.", "boilerplate-phrase"),
        ("By signing up you consent to receive the above newsletter.", "boilerplate-phrase"),
        ("By signing up, you confirm that you are over the age of 16.", "boilerplate-phrase"),
        ("Subscribe now to read the latest news in your city.", "boilerplate-phrase"),
        ("Unlimited digital access to the Gazette and its archive.", "boilerplate-phrase"),
        ("Get unlimited online access for $1 a week.", "boilerplate-phrase"),
        ("When you purchase through links on our site, we may earn an affiliate commission.", "boilerplate-phrase"),
        ("Buying through us may earn us a commission, which supports our work.", "boilerplate-phrase"),
        ("© 2024 Beispiel Verlag GmbH. Alle Rechte vorbehalten.", "footer"),
        ("Anzeige", "advertisement"),
        ("Leer más", "link-list"),
        ("Te puede interesar", "link-list"),
        ("Noticias relacionadas", "link-list"),
        ("Leggi anche", "link-list"),
        ("Leia também", "link-list"),
        ("Lees ook", "link-list"),
        ("Reacties zijn gesloten voor dit artikel.", "comment"),
        ("De omroep gebruikt cookies en vergelijkbare technieken om de website te laten werken.", "boilerplate-phrase"),
        ("after newsletter promotion", "boilerplate-phrase"),
        ("Czytaj także", "link-list"),
        ("Читайте также: Правительство утвердило бюджет", "link-list"),
        ("Комментарии", "comment"),
        ("Copyright © 2024 Example Media. All Rights Reserved.", "footer"),
        ("Related Articles", "link-list"),
        ("Read More", "link-list"),
        ("You may also like", "widget"),
        ("Most Read", "widget"),
        ("Sponsored Content", "widget"),
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below", "advertisement"),  # a marker in the article, not a list's heading
        ("Continue Reading Below", "advertisement"),
        ("Skip to main content", "boilerplate-phrase"),
        ("Sign up for our newsletter to get the latest news.", "boilerplate-phrase"),
        ("Share on X (opens in a new window)", "boilerplate-phrase"),
        ("Privacy Policy", "footer"),
        ("Impressum", "footer"),
        ("Home", "navigation"),
        ("Page 2 of 5", "navigation"),
        ("Back to top ↑", "navigation"),
        ("5 min read", "byline"),
        ("Reading time: 4 minutes", "byline"),
        ("Last updated: 3 March 2024, 10:15 GMT", "byline"),
        ("Source", "byline"),
        ("Quelle", "byline"),
        ("Источник", "byline"),
        ("Photo: Getty Images", "caption"),
        ("Image 3 of 12", "caption"),
        ("Click to enlarge", "caption"),
        ("12 Comments", "comment"),
        ("Leave a Reply", "comment"),
        ("You can follow any responses to this entry through the RSS 2.0 feed. Both comments and pings are currently closed.", "comment"),
        ("Sie können alle Antworten zu diesem Eintrag durch den RSS 2.0 Feed verfolgen.", "comment"),
        ("Did you enjoy this article? Then support our work with a donation.", "boilerplate-phrase"),
        ("Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns mit einer Spende.", "boilerplate-phrase"),
        ("Leserkommentare geben nicht die Meinung der Redaktion wieder.", "boilerplate-phrase"),
        ("Neueste Beiträge", "widget"),
        ("Next article", "next-article"),
        ("Nächster Artikel", "next-article"),
        ("下一篇", "next-article"),
        ("Il vous reste 57% de cet article à lire. La suite est réservée aux abonnés.", "paywall"),
        ("This article is for subscribers only.", "paywall"),
        ("Subscribers only", "boilerplate-phrase"),  # a badge, on teasers too: no paywall
        ("Opinions expressed are solely those of the author.", "boilerplate-phrase"),
        ("The views expressed here do not necessarily reflect the views of the publisher.", "boilerplate-phrase"),
        ("Um eingebettete Inhalte anzuzeigen, ist deine Einwilligung notwendig.", "boilerplate-phrase"),
        ("Leider lassen Ihre derzeitigen Cookie-Einstellungen dies nicht zu.", "boilerplate-phrase"),
        ("Die Zustimmung kann jederzeit für die Zukunft widerrufen werden.", "boilerplate-phrase"),
        ("Cookies & Tracking", "footer"),
        ("Die gekennzeichneten Links sind Affiliate-Links. Kommt darüber ein Einkauf zustande, erhalten wir eine Provision.", "boilerplate-phrase"),
        ("Your email address will not be published. Required fields are marked *", "comment"),
        ("関連記事", "link-list"),
        ("関連記事：首相が会見", "link-list"),
        ("この記事は有料会員限定です。", "paywall"),
        ("相关阅读", "link-list"),
        ("İLGİLİ HABERLER", "link-list"),
        ("관련기사", "link-list"),
        ("اقرأ أيضا", "link-list"),
    ],
)
def test_default_lexicon_labels_boilerplate(text: str, label: str) -> None:
    match = DEFAULT.match(text)
    assert match is not None, text
    assert match.label == label, match


ARTICLE_SENTENCES = [
    # English, with the words that look like boilerplate used as prose
    "She baked chocolate chip cookies for the school fundraiser on Saturday.",
    "Shares of the company rose 4% after it reported better-than-expected earnings.",
    "The minister's comments drew sharp criticism from opposition lawmakers.",
    "After three weeks in hospital, he finally returned home to his family.",
    "By the end of the year, the company had doubled its workforce.",
    "Posted on social media, the video was viewed more than a million times.",
    "Written by hand in 1820, the letter was found in an attic in Ohio.",
    "The photo shows the president shaking hands with protesters outside the embassy.",
    "Search teams found the missing hikers late on Tuesday night.",
    "Copyright lawyers say the ruling could reshape the music industry.",
    "Updated figures released on Friday show unemployment falling to 3.9 percent.",
    "More than 200 people attended the meeting in the town hall.",
    "Sign in to your bank account and open the settings page, the guide says.",
    "Readers can share their own stories with the newsroom by email.",
    # French
    "Les cookies au chocolat de sa grand-mère ont fait le tour du village.",
    "Par ailleurs, le gouvernement a annoncé une hausse du budget de la défense.",
    "Le ministre a partagé ses commentaires lors d'une conférence de presse à Paris.",
    "Publié en 1857, le roman fit scandale dès sa parution.",
    "The mayor said the plan reflects the views of most residents of the city.",
    # German
    "Von den 500 Beschäftigten sollen rund 200 ihren Arbeitsplatz verlieren.",
    "Mehr als die Hälfte der Befragten gab an, regelmäßig Kekse zu backen.",
    "Nach seiner Rückkehr nach Hause sprach er lange mit seiner Familie.",
    "Anzeige gegen Unbekannt wurde noch am selben Abend erstattet.",
    "Der Minister sagte, er sei damit einverstanden, dass die Schulen länger offen bleiben.",
    "An dieser Stelle finden Sie einen Überblick über die wichtigsten Änderungen im neuen Jahr.",
    "Die Partei sagte, der Vorschlag gebe die Meinung der Mehrheit wieder.",
    # Spanish
    "Por otro lado, el Gobierno aprobó una subida del salario mínimo.",
    "Más de 300 personas participaron en la manifestación del domingo.",
    "Los comentarios del ministro provocaron la indignación de la oposición.",
    # Italian
    "Di fronte alla crisi, il governo ha deciso di aumentare gli aiuti alle famiglie.",
    "Le azioni della società sono salite del 5% dopo l'annuncio dei risultati.",
    # Portuguese
    "Mais de 100 pessoas ficaram desalojadas após as chuvas no litoral paulista.",
    "Publicado em 1899, o livro tornou-se um clássico da literatura brasileira.",
    # Dutch
    "Door de zware regen liepen veel kelders in de binnenstad onder water.",
    "Meer dan de helft van de inwoners stemde tegen het plan van de gemeente.",
    # Polish
    "Autor książki opowiedział o swoim dzieciństwie na wsi pod Krakowem.",
    "Zobaczyliśmy także, jak rząd reaguje na kryzys energetyczny.",
    # Russian
    "Автор книги рассказал о своём детстве в Сибири.",
    "По словам министра, бюджет на следующий год будет сбалансирован.",
]


@pytest.mark.parametrize("sentence", ARTICLE_SENTENCES)
def test_article_sentences_match_nothing(sentence: str) -> None:
    assert DEFAULT.match(sentence) is None


# --- building lexicons -------------------------------------------------------------------


def test_with_extra_adds_user_phrases_without_changing_the_original() -> None:
    text = "Subscribe to the Daily Planet for just $1 a week"
    assert DEFAULT.match(text) is None
    extended = DEFAULT.with_extra(["Subscribe to The Daily Planet!", "Planet Picks"])
    match = extended.match(text)
    assert match == Match("boilerplate-phrase", "* subscribe to the daily planet *", "user")
    assert extended.match("PLANET PICKS") == Match("boilerplate-phrase", "planet picks", "user")
    assert extended.match("Planet Picks of the week") is None  # two words: exact only
    assert DEFAULT.match(text) is None
    assert len(extended) == len(DEFAULT) + 2


def test_with_extra_label_and_precedence() -> None:
    extended = DEFAULT.with_extra(["Read more"], label="widget")
    assert extended.match("Read more").label == "widget"
    assert DEFAULT.match("Read more").label == "link-list"
    with pytest.raises(ValueError):
        DEFAULT.with_extra(["x"], label="not-a-label")
    assert DEFAULT.with_extra(["", "!!!"]) is DEFAULT


def test_load_lexicon_for_some_languages() -> None:
    french = load_lexicon(["fr"])
    assert french.languages == ("fr",)
    assert french.match("Lire aussi") is not None
    assert french.match("Read more") is None
    assert load_lexicon(["pt-BR"]).languages == ("pt",)
    assert load_lexicon(["nb"]).languages == ("no",)
    assert set(DEFAULT.languages) == set(available_languages())
    with pytest.raises(ValueError):
        load_lexicon(["xx"])


@pytest.mark.parametrize(
    "source",
    [
        "read more\n",  # phrase before any section
        "[sidebar]\nread more\n",  # unknown section
        "[widget]\nRead More\n",  # not folded
        "[widget]\nread  more\n",  # not folded (double space)
        "[widget]\ntop 10\n",  # digits fold away
    ],
)
def test_parse_errors_name_the_line(source: str) -> None:
    with pytest.raises(ValueError, match=r"test\.txt:\d"):
        parse_lexicon(source, "xx", origin="test.txt")


def test_lexicon_is_immutable() -> None:
    with pytest.raises(AttributeError):
        DEFAULT._exact = {}  # type: ignore[misc]
    with pytest.raises(AttributeError):
        DEFAULT.match = None  # type: ignore[method-assign]
    with pytest.raises(Exception):
        Entry("read more", "exact", "widget", "en").text = "x"  # type: ignore[misc]


def test_lexicon_pickles() -> None:
    extended = DEFAULT.with_extra(["Planet Picks"])
    copy = pickle.loads(pickle.dumps(extended))
    assert copy.entries == extended.entries
    assert copy.match("Planet picks") == extended.match("Planet picks")


def test_match_is_fast() -> None:
    line = (
        "The central bank raised interest rates by a quarter point on Wednesday, citing "
        "persistent inflation and a tight labour market."
    )
    runs = 2000
    start = time.perf_counter()
    for _ in range(runs):
        DEFAULT.match(line)
    per_call = (time.perf_counter() - start) / runs
    assert per_call < 100e-6  # a few microseconds normally; generous for loaded CI


# --- languages added from jusText's stoplists ----------------------------------------------

#: Languages with a jusText stoplist that got a lexicon file; each with blocks as sites
#: print them (natural case and punctuation) and the label the file must give them.
ADDED_LANGUAGES = {
    "et": [("Loe ka: Riigikogu võttis eelarve vastu", "link-list"), ("Kõik õigused kaitstud.", "footer"), ("Kommentaarid (12)", "comment")],
    "lv": [("Lasi arī: Saeima pieņem budžetu", "link-list"), ("© 2024 Visas tiesības aizsargātas", "footer"), ("Komentāri (5)", "comment")],
    "lt": [("Skaityti daugiau", "link-list"), ("Taip pat skaitykite: Seimas priėmė biudžetą", "link-list"), ("Visos teisės saugomos.", "footer")],
    "ms": [("Artikel berkaitan", "link-list"), ("Hak cipta terpelihara © 2024", "footer"), ("Kongsi di Facebook", "boilerplate-phrase")],
    "bn": [("আরও পড়ুন: বাজেট পাস হলো", "link-list"), ("সর্বস্বত্ব সংরক্ষিত © ২০২৪", "footer"), ("মন্তব্য করুন", "comment")],
    "ta": [("இதையும் படிக்க: பட்ஜெட் தாக்கல்", "link-list"), ("தொடர்புடைய செய்திகள்", "link-list"), ("கருத்துகள்", "comment")],
    "ur": [("یہ بھی پڑھیں: بجٹ منظور", "link-list"), ("جملہ حقوق محفوظ ہیں © 2024", "footer"), ("تبصرے", "comment")],
    "sw": [("Soma pia: Bunge lapitisha bajeti", "link-list"), ("Haki zote zimehifadhiwa.", "footer"), ("Toa maoni", "comment")],
    "tl": [("Basahin din: Pasado ang budget", "link-list"), ("Mga kaugnay na balita", "link-list"), ("Mag-iwan ng komento", "comment")],
    "is": [("Sjá einnig: Alþingi samþykkir fjárlög", "link-list"), ("Allur réttur áskilinn.", "footer"), ("Athugasemdir", "comment")],
    "sq": [("Lexo edhe: Kuvendi miraton buxhetin", "link-list"), ("Të gjitha të drejtat të rezervuara.", "footer"), ("Komente", "comment")],
    "mk": [("Прочитајте и: Собранието го усвои буџетот", "link-list"), ("Сите права се задржани.", "footer"), ("Напиши коментар", "comment")],
    "ka": [("ასევე წაიკითხეთ: ბიუჯეტი მიიღეს", "link-list"), ("ყველა უფლება დაცულია.", "footer"), ("კომენტარები", "comment")],
    "hy": [("Կարդացեք նաև՝ բյուջեն ընդունվեց", "link-list"), ("Բոլոր իրավունքները պաշտպանված են։", "footer"), ("Մեկնաբանություններ", "comment")],
    "az": [("Həmçinin oxuyun: Büdcə qəbul edildi", "link-list"), ("Bütün hüquqlar qorunur.", "footer"), ("Şərhlər", "comment")],
    "kk": [("Сондай-ақ оқыңыз: Бюджет қабылданды", "link-list"), ("Барлық құқықтар қорғалған.", "footer"), ("Пікірлер", "comment")],
    "be": [("Чытайце таксама: Бюджэт прыняты", "link-list"), ("Усе правы абаронены.", "footer"), ("Каментары", "comment")],
    "eu": [("Irakurri gehiago", "link-list"), ("Eskubide guztiak erreserbatuta.", "footer"), ("Iruzkinak", "comment")],
    "gl": [("Le tamén: O Parlamento aproba os orzamentos", "link-list"), ("Todos os dereitos reservados.", "footer"), ("Deixa un comentario", "comment")],
    "cy": [("Darllenwch hefyd: Senedd yn pasio'r gyllideb", "link-list"), ("Cedwir pob hawl.", "footer"), ("Sylwadau", "comment")],
    "af": [("Lees ook: Parlement keur begroting goed", "link-list"), ("Alle regte voorbehou.", "footer"), ("Lewer kommentaar", "comment")],
    "mr": [("हेही वाचा: अर्थसंकल्प मंजूर", "link-list"), ("सर्व हक्क राखीव.", "footer"), ("प्रतिक्रिया द्या", "comment")],
    "te": [("ఇది కూడా చదవండి: బడ్జెట్ ఆమోదం", "link-list"), ("సంబంధిత వార్తలు", "link-list"), ("వ్యాఖ్యలు", "comment")],
    "ml": [("ഇതും വായിക്കുക: ബജറ്റ് പാസാക്കി", "link-list"), ("എല്ലാ അവകാശങ്ങളും നിക്ഷിപ്തം.", "footer"), ("അഭിപ്രായങ്ങൾ", "comment")],
    "gu": [("આ પણ વાંચો: બજેટ મંજૂર", "link-list"), ("સર્વાધિકાર સુરક્ષિત.", "footer"), ("ટિપ્પણીઓ", "comment")],
    "kn": [("ಇದನ್ನೂ ಓದಿ: ಬಜೆಟ್ ಮಂಡನೆ", "link-list"), ("ಎಲ್ಲ ಹಕ್ಕುಗಳನ್ನು ಕಾಯ್ದಿರಿಸಲಾಗಿದೆ.", "footer"), ("ಪ್ರತಿಕ್ರಿಯೆಗಳು", "comment")],
    "ne": [("यो पनि पढ्नुहोस्: बजेट पारित", "link-list"), ("सर्वाधिकार सुरक्षित ।", "footer"), ("प्रतिक्रिया दिनुहोस्", "comment")],
    "bs": [("Pročitajte još: Parlament usvojio budžet", "link-list"), ("Sva prava zadržana.", "footer"), ("Komentari (4)", "comment")],
}


@pytest.mark.parametrize("language", sorted(ADDED_LANGUAGES))
def test_added_language_file_loads_and_labels_its_own_blocks(language: str) -> None:
    from cleaner.language import STOPLISTS, stoplist_name

    assert language in available_languages()
    # the file name is a code the pipeline maps to a jusText stoplist (its "covered" check)
    assert stoplist_name(language) in STOPLISTS
    own = load_lexicon([language])
    assert own.languages == (language,)
    assert len(own) >= 50
    for text, label in ADDED_LANGUAGES[language]:
        match = own.match(text)
        assert match is not None, text
        assert match.label == label, (text, match)


ADDED_LANGUAGE_SENTENCES = [
    # body sentences starting with, or made of, words that are boilerplate elsewhere
    "Loe kaardilt välja, kus asub lähim haigla.",  # et: "loe ka *" is word-aligned
    "Autor kirjutas raamatu kolme aasta jooksul Tartus.",  # et
    "Daugiau nei pusė gyventojų balsavo prieš naująjį planą.",  # lt
    "Oleh kerana hujan lebat, banyak jalan ditutup sejak pagi.",  # ms
    "Picha na video zilizosambaa mitandaoni zinaonyesha mafuriko makubwa.",  # sw
    "Isinulat ni Jose Rizal ang Noli Me Tangere noong 1887.",  # tl
    "Deur die swaar reën het baie paaie in die Kaap oorstroom.",  # af
    "Gan fod y tywydd yn wael, cafodd y gêm ei gohirio.",  # cy
    "Máis de cen persoas participaron na manifestación do domingo.",  # gl
    "Autor knjige govorio je o svom djetinjstvu u Mostaru.",  # bs
    "Аўтар кнігі распавёў пра сваё дзяцінства ў Мінску.",  # be
    "Lajme të mira për fermerët erdhën të hënën nga ministria.",  # sq
    "Fréttir af slysinu bárust seint í gærkvöldi.",  # is
    "प्रतिक्रिया देताना मंत्री म्हणाले की सरकार लवकरच निर्णय घेईल.",  # mr
]


@pytest.mark.parametrize("sentence", ADDED_LANGUAGE_SENTENCES)
def test_added_language_sentences_match_nothing(sentence: str) -> None:
    assert DEFAULT.match(sentence) is None


# --- wider coverage of thin languages --------------------------------------------------------

#: Blocks as news sites in these languages print them, and the label the lexicon must give.
THIN_LANGUAGE_BLOCKS = [
    ("Διαβάστε ακόμη: Νέα μέτρα για τη στέγαση", "link-list"),
    ("Ακολουθήστε το site στο Google News και μάθετε πρώτοι όλες τις ειδήσεις", "boilerplate-phrase"),
    ("Δεν υπάρχουν σχόλια", "comment"),
    ("ΕΤΙΚΕΤΕΣ", "navigation"),
    ("관련기사 : 정부, 새 정책 발표", "link-list"),
    ("이 기자의 다른 기사", "link-list"),
    ("사진=연합뉴스", "caption"),
    ("댓글 더보기", "comment"),
    ("あわせて読みたい：首相が会見", "link-list"),
    ("この記事は有料記事です。残り1234文字", "boilerplate-phrase"),
    ("2024年5月3日 10時00分 配信", "byline"),
    ("写真拡大", "caption"),
    ("延伸阅读：国务院发布新规", "link-list"),
    ("用微信扫描二维码分享至好友和朋友圈", "boilerplate-phrase"),
    ("京ICP备12345678号", "footer"),
    ("原标题：国务院发布新规", "byline"),
    ("Читайте нас в Telegram", "link-list"),
    ("Теги: политика, экономика", "navigation"),
    ("Фото: ТАСС", "caption"),
    ("Комментарии закрыты", "comment"),
    ("Sprawdź też: Rząd przyjął budżet", "link-list"),
    ("Dalsza część artykułu pod materiałem wideo", "widget"),
    ("Fot. PAP/Radek Pietruszka", "caption"),
    ("Суб'єкт у сфері онлайн-медіа; ідентифікатор медіа R40-01234", "footer"),
    ("Článek pokračuje pod reklamou", "advertisement"),
    ("Foto: ČTK", "caption"),
    ("İlgili Haber: Meclis bütçeyi kabul etti", "link-list"),
    ("Haberin devamı için tıklayınız", "boilerplate-phrase"),
    ("Borítókép: MTI/Koszticsák Szilárd", "caption"),
    ("Szólj hozzá!", "comment"),
    ("Läs mer: Regeringen presenterar budgeten", "link-list"),
    ("Foto: TT", "caption"),
    ("Artikkeli jatkuu mainoksen alla", "advertisement"),
    ("Saken fortsetter under annonsen", "advertisement"),
    ("Artiklen fortsætter efter annoncen", "advertisement"),
    ("Articolul continuă după reclamă", "advertisement"),
    ("Članak se nastavlja ispod oglasa", "advertisement"),
    ("بقلم: محمد أحمد", "byline"),
    ("צילום: רויטרס", "caption"),
    ("Thứ Sáu, 3/5/2024, 10:00 (GMT+7)", "byline"),
    ("Baca berita dengan sedikit iklan, klik di sini", "link-list"),
    ("Foto: ANP", "caption"),
    ("کلیه حقوق مادی و معنوی این سایت محفوظ است", "footer"),
]


@pytest.mark.parametrize(("text", "label"), THIN_LANGUAGE_BLOCKS)
def test_thin_language_boilerplate_is_labelled(text: str, label: str) -> None:
    match = DEFAULT.match(text)
    assert match is not None, text
    assert match.label == label, (text, match)


THIN_LANGUAGE_SENTENCES = [
    # body sentences that start with, or contain, words of the new phrases
    "Η κυβέρνηση ανακοίνωσε νέα μέτρα για τη στέγαση των νέων.",  # el
    "관련 기사에 따르면 정부는 새로운 정책을 발표했다.",  # ko: "관련 기사 *" is word-aligned
    "配信開始は来月の予定だと同社は明らかにした。",  # ja
    "写真家の田中さんが東京で個展を開いた。",  # ja
    "国务院总理在记者会见上介绍了新规的主要内容。",  # zh
    "Фото с места происшествия опубликовала полиция.",  # ru
    "Fotografie z wystawy można oglądać do końca maja.",  # pl: "fot *" is word-aligned
    "Oprócz tego rząd zapowiedział nowe inwestycje.",  # pl
    "Foto z místa nehody zveřejnila policie na sociálních sítích.",  # cs
    "Etiketler ürünlerin üzerine yeniden yapıştırıldı.",  # tr
    "Borítóképünkön a miniszterelnök látható a parlamentben.",  # hu
    "Senaste mätningen visar att stödet för partiet ökar.",  # sv
    "Kuva otettiin Helsingissä viime viikolla.",  # fi
    "كتب الرئيس رسالة إلى البرلمان يوم الثلاثاء.",  # ar
    "צילום הסרט החל בשבוע שעבר בתל אביב.",  # he
    "Ảnh hưởng của bão số 3 khiến nhiều tỉnh bị ngập.",  # vi
    "Penulis buku itu meraih penghargaan sastra tahun ini.",  # id
    "โดยเฉพาะในกรุงเทพฯ ฝนตกหนักตลอดทั้งคืน",  # th
    "Piše se nova povijest hrvatskog sporta.",  # hr: "piše" is exact only
]


@pytest.mark.parametrize("sentence", THIN_LANGUAGE_SENTENCES)
def test_thin_language_sentences_match_nothing(sentence: str) -> None:
    assert DEFAULT.match(sentence) is None


def test_romanian_phrases_and_stopwords_match_in_either_spelling() -> None:
    from cleaner.language import STOPLISTS

    # Romanian pages write ș ț (comma below) or ş ţ (cedilla): both match.
    for teaser in ("Vezi și: Centura ocolitoare a Iașiului", "Vezi şi: Centura ocolitoare a Iaşiului"):
        found = DEFAULT.match(teaser)
        assert found is not None and found.label == "link-list", teaser
    assert {"și", "şi"} <= STOPLISTS["Romanian"]
    # Only Romanian: Turkish writes ş with a cedilla and nothing else.
    assert all("ș" not in entry.text for entry in DEFAULT.entries if entry.language == "tr")


def test_fold_spells_letters_one_way() -> None:
    assert fold("BAĞLI bağlı İLGİLİ") == "bağli bağli ilgili"
    assert fold("Weiter\u00adlesen") == "weiterlesen"
    assert fold("അഭിപ്രായങ്ങള്‍ എന്‍റെ") == "അഭിപ്രായങ്ങൾ എന്റെ"
