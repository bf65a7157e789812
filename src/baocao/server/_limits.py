"""What one request may cost: the service's answer to a body or a render that is too big."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Limits"]


@dataclass(frozen=True)
class Limits:
    """Bounds on a request; the defaults are far above any real report.

    ``max_body_bytes``: a larger body is refused with 413 before it is parsed.
    ``render_seconds``: a render (or check) that takes longer is answered with
    408; ``pdf_seconds`` the same for PDF, which includes LibreOffice.
    ``max_concurrent``: renders running at once; a request beyond that waits up
    to ``queue_seconds`` for a place, then gets 503 with ``Retry-After``.
    """

    max_body_bytes: int = 2 * 1024 * 1024
    render_seconds: float = 30.0
    pdf_seconds: float = 120.0
    max_concurrent: int = 4
    queue_seconds: float = 5.0
