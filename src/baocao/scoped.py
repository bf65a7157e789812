"""A context variable set for the length of a ``with`` block.

Why one piece of code: the validation mode, the message language, the limits,
the render budget and the engines' per-render notes are each a ``ContextVar``
set for a block and restored afterwards, also when the block raises; threads
and asyncio tasks each see their own value.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any, TypeVar

__all__ = ["scoped"]

_T = TypeVar("_T")


@contextlib.contextmanager
def scoped(var: ContextVar[Any], value: _T) -> Iterator[_T]:
    """``var`` holds ``value`` inside the block, which receives it; restored after."""
    token = var.set(value)
    try:
        yield value
    finally:
        var.reset(token)
