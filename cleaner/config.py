"""One immutable configuration object; keyword overrides build a new one.

Modelled on ftfy's TextFixerConfig: every setting lives here, with its default as a
named constant, so there is exactly one place where behaviour is configured.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .profile import Profile

#: Language of the stoplist and lexicon to use; "auto" detects it per document.
DEFAULT_LANGUAGE = "auto"
#: A body paragraph has at least this many words (or CJK-character equivalents)...
MIN_BODY_WORDS = 5
#: ...unless it sits inside a run of prose, where a short line is kept as part of the text.
MIN_CONTEXT_WORDS = 2
#: Blocks of at least this many words are prose whatever their punctuation.
LONG_BLOCK_WORDS = 25
#: Refuse inputs larger than this many characters (0 = no limit).
MAX_INPUT_CHARS = 50_000_000


@dataclass(frozen=True)
class Config:
    """Every setting of cleaner. Frozen and picklable: share it freely between processes.

    Build variants with keyword overrides: ``Config(keep_title=False)`` or
    ``config.replace(language="fr")``.
    """

    language: str = DEFAULT_LANGUAGE
    keep_title: bool = True
    extra_boilerplate: tuple[str, ...] = ()
    min_body_words: int = MIN_BODY_WORDS
    min_context_words: int = MIN_CONTEXT_WORDS
    long_block_words: int = LONG_BLOCK_WORDS
    max_input_chars: int = MAX_INPUT_CHARS
    #: Site boilerplate learned from a corpus (cleaner.profile), or the path of its file.
    profile: Profile | None = None

    def __post_init__(self) -> None:
        if self.profile is not None:
            self._load_profile()
        # Accept any iterable of phrases (a list from TOML, say) but store a tuple, so
        # the config stays hashable and immutable.
        if not isinstance(self.extra_boilerplate, tuple):
            object.__setattr__(self, "extra_boilerplate", tuple(self.extra_boilerplate))
        for name in ("min_body_words", "min_context_words", "long_block_words", "max_input_chars"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"{name} must be a non-negative integer, not {value!r}")
        if not isinstance(self.language, str) or not self.language:
            raise ValueError(f"language must be a language code or 'auto', not {self.language!r}")

    def _load_profile(self) -> None:
        # A path (from the command line or a settings file) is loaded here, once per Config:
        # build the Config once rather than passing a path to every clean() call.
        from .profile import Profile  # not at the top: profile imports classify, which imports us

        if isinstance(self.profile, (str, os.PathLike)):
            try:
                object.__setattr__(self, "profile", Profile.load(self.profile))
            except OSError as error:
                raise ValueError(f"cannot read profile {self.profile}: {error.strerror or error}") from None
        elif not isinstance(self.profile, Profile):
            raise TypeError(f"profile must be a cleaner Profile or a path, not {type(self.profile).__name__}")

    def replace(self, **overrides: Any) -> Config:
        """A copy with some settings changed; unknown names raise TypeError."""
        return dataclasses.replace(self, **overrides) if overrides else self


def resolve(config: Config | None, overrides: dict[str, Any]) -> Config:
    """The config a public function should use: the given one (or the default) plus overrides."""
    base = config if config is not None else Config()
    if not isinstance(base, Config):
        raise TypeError(f"config must be a cleaner.Config, not {type(base).__name__}")
    return base.replace(**overrides)
