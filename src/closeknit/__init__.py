"""Closeknit: a local-first coach for feeling close to the people who matter.

Library API::

    import closeknit
    result = closeknit.analyze("You never listen to me")
    result.present_labels        # ['criticism', ...]
    for r in closeknit.analyze_many([{"text": "...", "context": "..."}]): ...

Importing this package does no I/O; the model loads on the first call.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from closeknit.analysis.engine import Engine
    from closeknit.domain.analysis import Analysis
    from closeknit.domain.items import ItemLike

__all__ = ["analyze", "analyze_many", "default_engine"]
__version__ = "0.1.0"


@cache
def default_engine() -> Engine:
    """The engine built from the environment's settings, loaded once per process."""
    from closeknit.analysis.engine import Engine

    return Engine.load()


def analyze(text: str, *, context: str | None = None) -> Analysis:
    """Analyse one message (see :class:`closeknit.domain.analysis.Analysis`)."""
    return default_engine().analyze(text, context=context)


def analyze_many(items: Iterable[ItemLike], *, batch_size: int = 256, explain: bool = True) -> Iterator[Analysis]:
    """Analyse many messages in batches, in input order."""
    return default_engine().analyze_many(items, batch_size=batch_size, explain=explain)
