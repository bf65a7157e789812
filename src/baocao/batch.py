"""Rendering many reports with one template: streamed, in parallel, failures collected.

A province renders one report per commune or Party cell: thousands of
documents from one template. ``render_many`` reads its inputs lazily and keeps
a bounded number of small work units in flight, so memory stays flat however
many documents there are. Each worker renders through ``render_bytes``, whose
compiled template is cached per process, so a worker prepares the template
once and then only renders. Each document is written atomically by the worker
that made it; a bad input becomes a ``BatchFailure`` and the run goes on.

Any ``concurrent.futures.Executor`` can do the work (a process pool by default):
a Dask ``Client.get_executor()`` or another cluster executor drops in, provided
its workers can import baocao and see ``out_dir`` (a shared file system).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Executor, Future, wait
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from .errors import BaocaoError, OutputError

if TYPE_CHECKING:
    from .model import AnyReport
    from .rendering import TemplateRef

    ReportSource = AnyReport | dict[str, Any] | str | os.PathLike[str]

__all__ = ["BatchFailure", "BatchProgress", "BatchResult", "render_many"]

CHUNK = 8
"""Documents per work unit: large enough to hide the cost of sending a unit to a
process, small enough that progress moves and a failed unit stays small."""

DEFAULT_NAME = "{stem}.{format}"
"""Output file name: ``stem`` is the input file's stem, or the 1-based number
padded to five digits for reports given as objects; ``index`` (0-based) and
``number`` (1-based) are also available."""

NameRule = str | Callable[[int, str], str]
"""A pattern for ``str.format`` or a function ``(index, stem) -> file name``."""


@dataclass(frozen=True)
class BatchFailure:
    """One input that produced no document, and why."""

    input: str
    """The input file, or ``reports[i]`` for a report given as an object."""
    message: str


@dataclass(frozen=True)
class BatchProgress:
    """Sent to the ``progress`` callback after each input, in completion order."""

    index: int
    input: str
    output: Path | None
    """The file written, or None when this input failed."""
    error: str | None
    done: int
    """Documents written so far."""
    failed: int
    """Inputs failed so far."""
    seconds: float = 0.0
    """Time spent on this input (load, render, write), measured where it ran."""


@dataclass
class BatchResult:
    """What a ``render_many`` run did: counts, the files written, failures, time."""

    out_dir: Path
    written: int = 0
    failures: list[BatchFailure] = field(default_factory=list)
    seconds: float = 0.0
    paths: list[Path] = field(default_factory=list)
    """Every file written, in the order of the inputs."""

    @property
    def total(self) -> int:
        """Inputs seen."""
        return self.written + len(self.failures)

    @property
    def ok(self) -> bool:
        """True when every input became a document."""
        return not self.failures


@dataclass(frozen=True)
class _Item:
    index: int
    input: str
    source: Any
    """A path to load, or the report (model object or plain data)."""
    out: Path


@dataclass(frozen=True)
class _Outcome:
    index: int
    input: str
    out: Path | None
    error: str | None
    seconds: float = 0.0


@dataclass(frozen=True)
class _Unit:
    """A few documents to render; plain data so it crosses process boundaries."""

    items: tuple[_Item, ...]
    template: TemplateRef
    format: str
    draft: bool
    overwrite: bool
    lenient: bool = False


def _render_one(item: _Item, unit: _Unit) -> _Outcome:
    from .loading import load
    from .rendering import render

    started = time.perf_counter()
    try:
        source = item.source
        report = (
            load(os.fspath(source), lenient=unit.lenient)
            if isinstance(source, (str, os.PathLike))
            else source
        )
        render(
            report,
            item.out,
            unit.template,
            format=unit.format,
            draft=unit.draft,
            overwrite=unit.overwrite,
        )
    except BaocaoError as exc:
        error: str | None = str(exc)
    except Exception as exc:  # one broken input must not stop thousands of others
        error = f"{type(exc).__name__}: {exc}"
    else:
        error = None
    took = time.perf_counter() - started
    return _Outcome(item.index, item.input, item.out if error is None else None, error, took)


def _render_unit(unit: _Unit) -> list[_Outcome]:
    """Worker entry point: render and write each document of the unit."""
    return [_render_one(item, unit) for item in unit.items]


def _file_name(rule: NameRule, index: int, stem: str, fmt: str) -> str:
    if callable(rule):
        name = rule(index, stem)
    else:
        name = rule.format(stem=stem, index=index, number=index + 1, format=fmt)
    if not PurePath(name).suffix:
        name = f"{name}.{fmt}"
    return name


class _Planner:
    """Turns inputs into items with output paths; refuses clashing or escaping names."""

    def __init__(self, out_dir: Path, rule: NameRule, fmt: str) -> None:
        self.out_dir = out_dir
        self.rule = rule
        self.fmt = fmt
        self.used: dict[str, str] = {}

    def plan(self, index: int, source: Any) -> _Item | _Outcome:
        if isinstance(source, (str, os.PathLike)):
            label, stem = str(source), Path(source).stem
        else:
            label, stem = f"reports[{index}]", f"{index + 1:05d}"
        try:
            name = _file_name(self.rule, index, stem, self.fmt)
        except (KeyError, IndexError, ValueError) as exc:
            raise OutputError(f"output name pattern {self.rule!r}: {exc!r}") from None
        rel = PurePath(name)
        if rel.is_absolute() or ".." in rel.parts:
            return _Outcome(index, label, None, f"output name {name!r} is outside {self.out_dir}")
        if name in self.used:
            clash = self.used[name]
            return _Outcome(index, label, None, f"output {name} is already written for {clash}")
        self.used[name] = label
        return _Item(index, label, source, self.out_dir / rel)


def _units(
    reports: Iterable[Any], planner: _Planner, make: Callable[[tuple[_Item, ...]], _Unit]
) -> Iterator[_Unit | _Outcome]:
    """Work units of up to ``CHUNK`` items, and refusals, read lazily from ``reports``."""
    planned = (planner.plan(i, source) for i, source in enumerate(reports))
    while batch := list(islice(planned, CHUNK)):
        items = tuple(p for p in batch if isinstance(p, _Item))
        yield from (p for p in batch if isinstance(p, _Outcome))
        if items:
            yield make(items)


def render_many(
    reports: Iterable[ReportSource],
    template: TemplateRef,
    out_dir: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    executor: Executor | None = None,
    progress: Callable[[BatchProgress], None] | None = None,
    format: str = "docx",
    name: NameRule | None = None,
    draft: bool = False,
    overwrite: bool = True,
    lenient: bool = False,
) -> BatchResult:
    """Render every report of ``reports`` into ``out_dir``; failures are collected, not raised.

    ``reports`` yields report files (paths), model objects or plain data, and is
    read lazily. ``template`` is as for ``render()`` (id, pack folder, pack, or
    None for the family's built-in). Work runs on ``executor`` if given (it is
    not shut down), else in this process when ``jobs == 1``, else on a process
    pool of ``jobs`` workers (default: one per CPU). ``progress`` is called in
    this process after each input. ``name`` makes the output file names (see
    ``DEFAULT_NAME``); a name used twice in one run is a failure, not an overwrite.
    ``lenient`` loads report files in lenient mode (docs/model.md).
    """
    started = time.perf_counter()
    workers = jobs if jobs is not None else os.cpu_count() or 1
    if workers < 1:
        raise OutputError(f"jobs must be at least 1, not {jobs}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = BatchResult(out_dir=out)
    planner = _Planner(out, name or DEFAULT_NAME, format)

    def make(items: tuple[_Item, ...]) -> _Unit:
        return _Unit(items, template, format, draft, overwrite, lenient)

    written_at: dict[int, Path] = {}

    def record(outcome: _Outcome) -> None:
        if outcome.error is None:
            result.written += 1
            if outcome.out is not None:
                written_at[outcome.index] = outcome.out
        else:
            result.failures.append(BatchFailure(outcome.input, outcome.error))
        if progress is not None:
            progress(
                BatchProgress(
                    outcome.index,
                    outcome.input,
                    outcome.out,
                    outcome.error,
                    result.written,
                    len(result.failures),
                    outcome.seconds,
                )
            )

    work = _units(reports, planner, make)
    try:
        if executor is None and workers == 1:
            for unit in work:
                for outcome in _render_unit(unit) if isinstance(unit, _Unit) else [unit]:
                    record(outcome)
        elif executor is not None:
            _run_on(executor, work, record, in_flight=2 * workers)
        else:
            from concurrent.futures import ProcessPoolExecutor  # multiprocessing when used

            pool = ProcessPoolExecutor(max_workers=workers)
            try:
                _run_on(pool, work, record, in_flight=2 * workers)
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
    except BrokenExecutor as exc:
        raise OutputError(
            f"the workers stopped ({exc or type(exc).__name__}); {result.written} documents "
            f"were written to {out} before that"
        ) from None
    result.paths = [written_at[i] for i in sorted(written_at)]
    result.seconds = time.perf_counter() - started
    return result


def _run_on(
    executor: Executor,
    work: Iterator[_Unit | _Outcome],
    record: Callable[[_Outcome], None],
    *,
    in_flight: int,
) -> None:
    """Keep at most ``in_flight`` units submitted; record outcomes as they complete."""
    pending: dict[Future[list[_Outcome]], _Unit] = {}

    def collect(done: Iterable[Future[list[_Outcome]]]) -> None:
        for future in done:
            unit = pending.pop(future)
            try:
                outcomes = future.result()
            except BrokenExecutor:
                raise
            except Exception as exc:  # the unit could not be sent or its worker failed
                message = f"worker failed: {type(exc).__name__}: {exc}"
                outcomes = [_Outcome(i.index, i.input, None, message) for i in unit.items]
            for outcome in outcomes:
                record(outcome)

    for unit in work:
        if isinstance(unit, _Outcome):
            record(unit)
            continue
        while len(pending) >= in_flight:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            collect(done)
        pending[executor.submit(_render_unit, unit)] = unit
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        collect(done)
