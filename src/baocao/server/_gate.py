"""At most so many renders at once, each with a deadline: the service's one bottleneck."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable
from typing import TypeVar

from ..i18n import _, use_language
from ._limits import Limits
from ._problems import ServiceProblem

__all__ = ["Gate"]

T = TypeVar("T")


class Gate:
    """At most ``limits.max_concurrent`` jobs at once, each with a deadline.

    A job that overruns its deadline is answered with 408 but keeps its place
    until its thread really ends, so runaway renders cannot pile up.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.places = threading.BoundedSemaphore(limits.max_concurrent)
        self.pool = concurrent.futures.ThreadPoolExecutor(
            max_workers=limits.max_concurrent, thread_name_prefix="baocao-render"
        )

    async def run(self, job: Callable[[], T], seconds: float, language: str) -> T:
        # A thread-safe semaphore: requests may arrive on different event loops
        # (one per worker thread of a test client, or several servers in a process).
        waited = await asyncio.to_thread(self.places.acquire, timeout=self.limits.queue_seconds)
        if not waited:
            raise ServiceProblem(
                503,
                "busy",
                _("Máy chủ đang bận"),
                _("Đang xử lý quá nhiều yêu cầu; thử lại sau ít giây"),
                headers={"Retry-After": "2"},
            ) from None

        def in_language() -> T:
            with use_language(language):
                return job()

        future = asyncio.get_running_loop().run_in_executor(self.pool, in_language)
        future.add_done_callback(lambda _f: self.places.release())
        try:
            return await asyncio.wait_for(asyncio.shield(future), seconds)
        except asyncio.TimeoutError:
            raise ServiceProblem(
                408,
                "timeout",
                _("Quá thời gian xử lý"),
                _("Không xong trong {seconds:g} giây").format(seconds=seconds),
            ) from None


