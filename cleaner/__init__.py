"""cleaner: separate the article body from scraped noise and return clean paragraphs."""

from .config import Config
from .document import Block, Document, Label
from .pipeline import InputTooLarge, clean, clean_document, clean_html, clean_html_document
from .batch import clean_many
from .profile import Profile

__all__ = [
    "Block",
    "Config",
    "Document",
    "InputTooLarge",
    "Label",
    "Profile",
    "clean",
    "clean_document",
    "clean_html",
    "clean_html_document",
    "clean_many",
]
__version__ = "0.1.0"
