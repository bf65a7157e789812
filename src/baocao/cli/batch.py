"""``baocao batch``: many reports in parallel, a progress bar, a summary table.

Each input is rendered on its own in a process pool; one bad input is a row
marked failed in the summary, never the end of the run. PDFs are made last,
all in one LibreOffice invocation, from .docx files staged in a private folder.
"""

from __future__ import annotations

import glob
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path

import click

from ..atomic import atomic_write
from ..engines.pdf import Conversion, convert_to_pdf, find_soffice
from ..errors import BaocaoError, OutputError
from ..loading import load
from ..rendering import render_bytes
from .core import describe_error, fail_cleanly, output_format, refuse_clobber, soffice_option

__all__ = ["INPUT_SUFFIXES", "Job", "Outcome", "batch_cmd", "expand_inputs", "render_job"]

INPUT_SUFFIXES = (".yaml", ".yml", ".json")
"""Report files picked up from a folder."""

REASON_WIDTH = 90
"""Longest reason shown in the summary table; the full message is printed above it."""


@dataclass(frozen=True)
class Job:
    """One input and what to make of it; plain data so it crosses process boundaries."""

    source: Path
    out_dir: Path
    formats: tuple[str, ...]
    """Formats written directly (everything but pdf)."""
    template: str | None = None
    draft: bool = False
    overwrite: bool = False
    pdf_staging: Path | None = None
    """Where to put the .docx that LibreOffice will convert; None when no PDF is wanted."""


@dataclass(frozen=True)
class Outcome:
    """What became of one input."""

    source: Path
    outputs: tuple[Path, ...] = ()
    error: str | None = None
    """The full message (every problem, with field paths and lines)."""
    seconds: float = 0.0
    pdf_source: Path | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def reason(self) -> str:
        """The error in one line, for the summary table (the file is in its own column)."""
        if self.error is None:
            return ""
        lines = self.error.splitlines()
        more = len(lines) - 2
        first = lines[1].strip() if len(lines) > 1 else lines[0].removeprefix(f"{self.source}: ")
        if len(first) > REASON_WIDTH:
            first = first[: REASON_WIDTH - 1].rstrip() + "…"
        return f"{first} (+{more} lỗi khác / more)" if more > 0 else first


def _targets(job: Job) -> list[Path]:
    stem = job.source.stem
    names = [*job.formats, *(["pdf"] if job.pdf_staging else [])]
    return [job.out_dir / f"{stem}.{fmt}" for fmt in names]


def render_job(job: Job) -> Outcome:
    """Render one input to every requested format; errors become the outcome, not exceptions."""
    started = time.perf_counter()
    written: list[Path] = []
    pdf_source = None
    error: str | None = None
    try:
        for target in _targets(job):
            refuse_clobber(target, job.overwrite)
        report = load(job.source)
        docx: bytes | None = None
        for fmt in job.formats:
            data = render_bytes(report, fmt, job.template, draft=job.draft)
            written.append(
                atomic_write(job.out_dir / f"{job.source.stem}.{fmt}", data, overwrite=True)
            )
            if fmt == "docx":
                docx = data
        if job.pdf_staging is not None:
            if docx is None:
                docx = render_bytes(report, "docx", job.template, draft=job.draft)
            pdf_source = atomic_write(job.pdf_staging / f"{job.source.stem}.docx", docx)
    except BaocaoError as exc:
        error = describe_error(exc, job.source)
    except Exception as exc:  # an unexpected bug in one input must not stop the batch
        error = f"{job.source}: {type(exc).__name__}: {exc}"
    return Outcome(job.source, tuple(written), error, time.perf_counter() - started, pdf_source)


def expand_inputs(args: Iterable[str]) -> tuple[list[Path], list[Outcome]]:
    """Files named by folders, globs and paths, in order, without repeats; misses as failures."""
    found: dict[Path, Path] = {}
    missing: list[Outcome] = []
    for arg in args:
        p = Path(arg)
        if p.is_dir():
            hits = sorted(f for f in p.iterdir() if f.suffix.lower() in INPUT_SUFFIXES)
        elif p.is_file():
            hits = [p]
        elif glob.has_magic(arg):
            hits = sorted(Path(f) for f in glob.glob(arg, recursive=True) if Path(f).is_file())
        else:
            hits = []
        if not hits:
            why = "không tìm thấy tệp nào (no report files found)"
            missing.append(Outcome(p, error=f"{arg}: {why}"))
        for h in hits:
            found.setdefault(h.resolve(), h)
    return list(found.values()), missing


def _split_stems(files: Sequence[Path]) -> tuple[list[Path], list[Outcome]]:
    """Two inputs named ``a.yaml`` in different folders would write the same ``a.docx``."""
    first: dict[str, Path] = {}
    keep: list[Path] = []
    clash: list[Outcome] = []
    for f in files:
        if f.stem in first:
            why = f"cùng tên đầu ra với (same output name as) {first[f.stem]}"
            clash.append(Outcome(f, error=f"{f}: {why}"))
        else:
            first[f.stem] = f
            keep.append(f)
    return keep, clash


def run_jobs(jobs: Sequence[Job], workers: int) -> Iterator[Outcome]:
    """Outcomes as they complete: inline for one worker, else on a process pool."""
    if workers <= 1 or len(jobs) <= 1:
        yield from map(render_job, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(render_job, j) for j in jobs]
        for fut in as_completed(futures):
            yield fut.result()


def _attach_pdfs(outcomes: list[Outcome], done: Conversion | str) -> list[Outcome]:
    """Fold the LibreOffice result into each input's outcome."""
    out = []
    for o in outcomes:
        if o.pdf_source is None or not o.ok:
            out.append(o)
        elif isinstance(done, str):
            out.append(replace(o, error=f"{o.source}: PDF: {done}"))
        elif o.pdf_source.resolve() in done.converted:
            pdf = done.converted[o.pdf_source.resolve()]
            out.append(replace(o, outputs=(*o.outputs, pdf)))
        else:
            why = done.failed.get(o.pdf_source.resolve(), "no PDF")
            out.append(replace(o, error=f"{o.source}: PDF: {why}"))
    return out


@dataclass
class _Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    pdf_seconds: float | None = None
    pdf_count: int = 0


def _print_summary(summary: _Summary, seconds: float) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = 150  # a log file or a pipe: no need to wrap at 80 columns
    table = Table(title="Kết quả (summary)", title_justify="left")
    table.add_column("Tệp (file)", no_wrap=True)
    table.add_column("Kết quả (status)")
    table.add_column("Lý do (reason)", overflow="fold")
    table.add_column("Thời gian (time)", justify="right")
    for o in summary.outcomes:
        status = "[green]rendered[/]" if o.ok else "[red]failed[/]"
        table.add_row(str(o.source), status, o.reason, f"{o.seconds:.2f} s")
    console.print(table)
    good = sum(o.ok for o in summary.outcomes)
    bad = len(summary.outcomes) - good
    line = f"{good} rendered, {bad} failed in {seconds:.1f} s"
    if summary.pdf_seconds is not None:
        line += (
            f"; PDF: {summary.pdf_count} file(s) in one LibreOffice run, "
            f"{summary.pdf_seconds:.1f} s"
        )
    console.print(line)


def _render_all(jobs: list[Job], workers: int, report: Callable[[Outcome], None]) -> list[Outcome]:
    outcomes = []
    for o in run_jobs(jobs, workers):
        outcomes.append(o)
        report(o)
    order = {j.source: i for i, j in enumerate(jobs)}
    return sorted(outcomes, key=lambda o: order[o.source])


@click.command("batch", short_help="Xuất hàng loạt (render many reports).")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT_DIR_OR_GLOB...")
@click.option(
    "-o",
    "--output-dir",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the outputs (created if needed); each is named after its input.",
)
@click.option(
    "-f",
    "--format",
    "formats",
    default="docx",
    show_default=True,
    help="Comma-separated output formats: docx, pdf, md, html, txt.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Parallel worker processes (default: number of CPUs).",
)
@click.option("-t", "--template", default=None, help="Template pack id or folder.")
@click.option("--draft", is_flag=True, help="Print missing template values as blanks.")
@click.option("--force", is_flag=True, help="Overwrite outputs that already exist.")
@soffice_option
@fail_cleanly
def batch_cmd(
    inputs: tuple[str, ...],
    out_dir: Path,
    formats: str,
    jobs: int | None,
    template: str | None,
    draft: bool,
    force: bool,
    soffice: str | None,
) -> None:
    """Xuất hàng loạt: render many reports in parallel, with a progress bar and a summary.

    INPUT_DIR_OR_GLOB is a folder (its .yaml, .yml and .json files), a glob
    such as 'reports/**/*.yaml' (quoted), or files. One bad input does not stop
    the others; the exit status is 1 if any input failed. All PDFs are made in a
    single LibreOffice run.

    \b
    Examples:
      baocao batch reports/ -o out/
      baocao batch 'reports/**/*.yaml' -o out/ --format docx,pdf --jobs 4
      baocao batch a.yaml b.yaml -o out/ --format md,html --force
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    wanted = [output_format(f.strip()) for f in formats.split(",") if f.strip()]
    if not wanted:
        raise click.UsageError("--format needs at least one format")
    want_pdf = "pdf" in wanted
    direct = tuple(dict.fromkeys(f for f in wanted if f != "pdf"))
    program = find_soffice(soffice) if want_pdf else None  # fail before any work
    files, failures = expand_inputs(inputs)
    files, clashes = _split_stems(files)
    failures += clashes
    if not files and not failures:
        raise OutputError("không có tệp báo cáo nào (no report files to render)")
    workers = min(jobs or os.cpu_count() or 1, max(len(files), 1))
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    summary = _Summary()
    err = Console(stderr=True, highlight=False)
    with tempfile.TemporaryDirectory(prefix="baocao-batch-") as staging:
        job_list = [
            Job(f, out_dir, direct, template, draft, force, Path(staging) if want_pdf else None)
            for f in files
        ]
        columns = (
            "{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()
        )  # fmt: skip
        with Progress(*columns, console=err) as progress:
            task = progress.add_task("Đang xuất (rendering)", total=len(job_list))

            def report(o: Outcome) -> None:
                if not o.ok:
                    progress.console.print(o.error, markup=False)
                progress.advance(task)

            rendered = _render_all(job_list, workers, report)
            sources = [o.pdf_source for o in rendered if o.ok and o.pdf_source is not None]
            if want_pdf and sources:
                pdf_task = progress.add_task("PDF (LibreOffice)", total=None)
                done: Conversion | str
                try:
                    done = convert_to_pdf(sources, out_dir, soffice=program, overwrite=force)
                    summary.pdf_seconds, summary.pdf_count = done.seconds, len(done.converted)
                except OutputError as exc:
                    done = str(exc)
                rendered = _attach_pdfs(rendered, done)
                progress.update(pdf_task, total=1, completed=1)
    summary.outcomes = [*failures, *rendered]
    for o in failures:
        err.print(o.error, markup=False)
    _print_summary(summary, time.perf_counter() - started)
    if any(not o.ok for o in summary.outcomes):
        sys.exit(1)
