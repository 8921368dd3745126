"""cleaner: separate the article body from scraped noise and return clean paragraphs."""

from .config import Config
from .document import Block, Document, Label
from .pipeline import clean, clean_document

__all__ = [
    "Block",
    "Config",
    "Document",
    "Label",
    "clean",
    "clean_document",
]
__version__ = "0.1.0"
