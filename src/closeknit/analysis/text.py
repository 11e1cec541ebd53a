"""Text preparation shared by training and inference.

The encoder's vocabulary has almost no emoji, yet emoji carry much of the tone of
a text message ("🙄", "😭"). They are spelled out as words before tokenising, the
same way at training and at run time.
"""

from __future__ import annotations

import re

import emoji

_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")

MAX_CHARS = 5000
"""Texts longer than this are analysed sentence by sentence, with a notice."""

CHUNK_CHARS = 500
"""The model reads about 128 tokens (roughly 500 characters); a longer text is read sentence
by sentence, so nothing past its first 128 tokens is missed."""


def normalise(text: str) -> str:
    """Spell out emoji as words and collapse runs of white space."""
    if not text.isascii():
        text = emoji.demojize(text, delimiters=(" ", " ")).replace("_", " ")
    return _SPACES.sub(" ", text).strip()


def split_sentences(text: str) -> list[str]:
    """Split a message into sentences on end punctuation and line breaks.

    Chat messages are short and informal, so a punctuation rule is enough here;
    no abbreviation handling is attempted.
    """
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def sentence_pieces(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """The text's sentences, each cut into ``limit``-sized slices if longer; nothing is dropped."""
    return [sentence[start : start + limit] for sentence in split_sentences(text) for start in range(0, len(sentence), limit)]
