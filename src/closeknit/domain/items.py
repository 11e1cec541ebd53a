"""What the engine takes in: a message and, optionally, the turn it answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """One message to analyse; ``context`` is the other person's previous turn."""

    text: str
    context: str | None = None
    id: str | None = None


ItemLike = Item | str | Mapping[str, object]


def as_item(value: ItemLike) -> Item:
    """Accept an :class:`Item`, a plain string, or a mapping with ``text``/``context``/``id``."""
    if isinstance(value, Item):
        return value
    if isinstance(value, str):
        return Item(value)
    text = value.get("text")
    context = value.get("context")
    ident = value.get("id")
    return Item(
        text=text if isinstance(text, str) else "",
        context=context if isinstance(context, str) else None,
        id=None if ident is None else str(ident),
    )
