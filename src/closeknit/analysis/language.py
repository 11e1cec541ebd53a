"""Is this English? The coach's model only understands English text.

py3langid (BSD) classifies the text; short chat messages are easy to misjudge, so
a text is only called non-English when the classifier is confident and few of its
words are common English words.
"""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_COMMON_ENGLISH = frozenset(
    [
        "i",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "me",
        "my",
        "your",
        "our",
        "their",
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "so",
        "not",
        "no",
        "yes",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "about",
        "this",
        "that",
        "what",
        "when",
        "why",
        "how",
        "who",
        "ok",
        "okay",
        "lol",
        "u",
        "im",
        "dont",
        "cant",
        "wont",
        "just",
        "really",
        "love",
        "like",
        "know",
        "think",
        "feel",
        "want",
        "need",
        "go",
        "get",
    ]
)


def preload() -> None:
    """Load the language model now (a few hundred ms) rather than on first use."""
    _identifier()


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of a confidently non-English text, ``"en"``, or None if unsure."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 3:
        return None
    english_share = sum(w in _COMMON_ENGLISH for w in words) / len(words)
    if english_share >= 0.25:
        return "en"
    language, confidence = _identifier().classify(text)
    if language != "en" and confidence >= 0.9:
        return str(language)
    return "en" if language == "en" else None
