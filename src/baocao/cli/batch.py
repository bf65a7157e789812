"""``baocao batch``: many reports in parallel, a progress bar, a summary table.

The rendering is :func:`baocao.batch.render_many` (streamed, on a process pool),
run once per requested format; an input that fails in one format is not tried
in the next. One bad input is a row marked failed in the summary, never the end
of the run. PDFs are made last, all in one LibreOffice invocation.
"""

from __future__ import annotations

import glob
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from ..batch import BatchProgress, render_many
from ..engines.pdf import Conversion, convert_to_pdf, find_soffice
from ..errors import OutputError
from ..i18n import _
from .batch_report import Outcome, json_entry, print_summary
from .core import fail_cleanly, lenient_option, output_format, refuse_clobber, soffice_option
from .machine import emit

__all__ = ["INPUT_SUFFIXES", "Outcome", "batch_cmd", "expand_inputs", "free_inputs"]

INPUT_SUFFIXES = (".yaml", ".yml", ".json")
"""Report files picked up from a folder."""

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
            why = _("không tìm thấy tệp báo cáo nào")
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
            why = _("cùng tên đầu ra với {other}").format(other=first[f.stem])
            clash.append(Outcome(f, error=f"{f}: {why}"))
        else:
            first[f.stem] = f
            keep.append(f)
    return keep, clash


def free_inputs(
    files: Sequence[Path],
    out_dir: Path,
    formats: Sequence[str],
    force: bool,
    skip_existing: bool = False,
) -> tuple[list[Path], list[Outcome]]:
    """Inputs whose outputs are all free; without --force an existing output fails its input.

    With ``skip_existing`` an input whose outputs all exist is skipped (not a failure).
    """
    free: list[Path] = []
    taken: list[Outcome] = []
    for f in files:
        targets = [out_dir / f"{f.stem}.{fmt}" for fmt in formats]
        if skip_existing and all(t.exists() for t in targets):
            taken.append(Outcome(f, outputs=tuple(targets), skipped=True))
            continue
        try:
            for fmt in formats:
                refuse_clobber(out_dir / f"{f.stem}.{fmt}", force)
        except OutputError as exc:
            taken.append(Outcome(f, error=f"{f}: {exc}"))
        else:
            free.append(f)
    return free, taken


def _attach_pdfs(
    outcomes: dict[Path, Outcome], sources: dict[Path, Path], done: Conversion | str
) -> None:
    """Fold the LibreOffice result into each input's outcome (``sources``: docx → input)."""
    for docx, src in sources.items():
        o = outcomes[src]
        if isinstance(done, str):
            outcomes[src] = replace(o, error=f"{src}: PDF: {done}")
        elif docx.resolve() in done.converted:
            pdf = done.converted[docx.resolve()]
            outcomes[src] = replace(o, outputs=(*o.outputs, pdf))
        else:
            why = done.failed.get(docx.resolve(), _("không có PDF"))
            outcomes[src] = replace(o, error=f"{src}: PDF: {why}")


def _terminate_as_interrupt() -> None:
    """``kill`` (SIGTERM) ends the batch like Ctrl-C: temporary folders removed, LibreOffice
    stopped, the summary of what is done printed. Python's default would exit at once."""

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)


def _interrupted(err: Any, outcomes: dict[Path, Outcome], formats: int) -> None:
    """Ctrl-C: which inputs are done (every output written) and which are not, and how to go on.

    Each output is written whole or not at all (``baocao.atomic``), so an
    interrupted run leaves no partial file: a re-run with ``--skip-existing``
    renders only what is missing.
    """
    done = [f for f, o in outcomes.items() if o.ok and len(o.outputs) >= formats]
    left = [f for f in outcomes if f not in set(done)]
    err.print(
        _(
            "Đã dừng (Ctrl-C): {done} đầu vào đã xong, {left} chưa xong. Không có tệp ghi dở. "
            "Chạy lại cùng lệnh với --skip-existing để làm tiếp phần còn lại."
        ).format(done=len(done), left=len(left)),
        markup=False,
    )
    for f in left:
        err.print(_("  chưa xong: {file}").format(file=f), markup=False)


@click.command("batch", short_help="Xuất hàng loạt nhiều báo cáo.")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT_DIR_OR_GLOB...")
@click.option(
    "-o",
    "--output-dir",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Thư mục đầu ra (tạo nếu chưa có); mỗi tệp mang tên tệp đầu vào.",
)
@click.option(
    "-f",
    "--format",
    "formats",
    default="docx",
    show_default=True,
    help="Các định dạng đầu ra, cách nhau bằng dấu phẩy: docx, pdf, md, html, txt.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Số tiến trình chạy song song (mặc định: số CPU).",
)
@click.option("-t", "--template", default=None, help="Bộ mẫu (id hoặc thư mục).")
@click.option("--draft", is_flag=True, help="In giá trị mẫu còn thiếu thành chỗ trống.")
@click.option("--force", is_flag=True, help="Ghi đè tệp đầu ra đã có.")
@click.option(
    "--skip-existing", is_flag=True, help="Bỏ qua đầu vào đã có đủ tệp đầu ra (chạy tiếp)."
)
@click.option("-q", "--quiet", is_flag=True, help="Không hiện thanh tiến độ và bảng kết quả.")
@click.option("-v", "--verbose", is_flag=True, help="Bảng kết quả liệt kê cả tệp xuất được.")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (docs/cli.md).")
@lenient_option
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
    skip_existing: bool,
    quiet: bool,
    verbose: bool,
    as_json: bool,
    lenient: bool,
    soffice: str | None,
) -> None:
    """Xuất hàng loạt nhiều báo cáo song song, có thanh tiến độ và bảng kết quả.

    INPUT_DIR_OR_GLOB là một thư mục (các tệp .yaml, .yml, .json trong đó), một
    mẫu tên như 'reports/**/*.yaml' (trong dấu nháy) hoặc các tệp. Một tệp lỗi
    không làm dừng các tệp khác; mã thoát 1 khi có tệp lỗi (kể cả khi mọi tệp
    đều lỗi). Mọi PDF được tạo trong một lần chạy LibreOffice.

    \b
    Ví dụ:
      baocao batch reports/ -o out/
      baocao batch 'reports/**/*.yaml' -o out/ --format docx,pdf --jobs 4
      baocao batch a.yaml b.yaml -o out/ --format md,html --force
      baocao batch reports/ -o out/ --skip-existing --json > ket-qua.json
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    wanted = list(dict.fromkeys(output_format(f.strip()) for f in formats.split(",") if f.strip()))
    if not wanted:
        raise click.UsageError(_("--format cần ít nhất một định dạng"))
    direct = [f for f in wanted if f != "pdf"]
    program = find_soffice(soffice) if "pdf" in wanted else None  # fail before any work
    files, failed = expand_inputs(inputs)
    files, clashes = _split_stems(files)
    files, taken = free_inputs(files, out_dir, wanted, force, skip_existing)
    skipped = [o for o in taken if o.skipped]
    failed += clashes + [o for o in taken if not o.skipped]
    if not files and not failed and not skipped:
        raise OutputError(_("không có tệp báo cáo nào để xuất"), code="no_inputs")
    workers = min(jobs or os.cpu_count() or 1, max(len(files), 1))
    _terminate_as_interrupt()
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    outcomes = {f: Outcome(f) for f in files}
    by_label = {str(f): f for f in files}
    err = Console(stderr=True, highlight=False, quiet=quiet or as_json)
    pdf_run: Conversion | None = None
    try:
        with tempfile.TemporaryDirectory(prefix=".baocao-batch-", dir=out_dir) as staging:
            passes = [(fmt, out_dir) for fmt in direct]
            if program is not None and "docx" not in direct:
                passes.append(("docx", Path(staging)))  # LibreOffice's input only
            columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
            with Progress(*columns, console=err) as progress:
                task = progress.add_task(_("Đang xuất"), total=len(files) * len(passes))

                def record(event: BatchProgress) -> None:
                    src = by_label[event.input]
                    o = outcomes[src]
                    took = o.seconds + event.seconds
                    if event.error is not None:
                        outcomes[src] = replace(o, error=event.error, seconds=took)
                        progress.console.print(event.error, markup=False)
                    elif event.output is not None and event.output.parent == out_dir:
                        outputs = (*o.outputs, event.output)
                        outcomes[src] = replace(o, outputs=outputs, seconds=took)
                    else:
                        outcomes[src] = replace(o, seconds=took)
                    progress.advance(task)

                for fmt, dest in passes:
                    todo = [f for f in files if outcomes[f].ok]
                    progress.advance(task, len(files) - len(todo))
                    if todo:
                        render_many(
                            todo,
                            template,
                            dest,
                            jobs=workers,
                            format=fmt,
                            draft=draft,
                            overwrite=force or dest != out_dir,  # exclusive when written (issue 5)
                            progress=record,
                            lenient=lenient,
                        )
                sources = {
                    (out_dir if "docx" in direct else Path(staging)) / f"{f.stem}.docx": f
                    for f in files
                    if outcomes[f].ok
                }
                if program is not None and sources:
                    pdf_task = progress.add_task("PDF (LibreOffice)", total=len(sources))

                    def pdf_progress(n: int, total: int) -> None:
                        progress.update(pdf_task, total=total, completed=n)

                    done: Conversion | str
                    try:
                        done = pdf_run = convert_to_pdf(
                            list(sources),
                            out_dir,
                            soffice=program,
                            overwrite=force,
                            progress=pdf_progress,
                        )
                    except OutputError as exc:
                        done = str(exc)
                    _attach_pdfs(outcomes, sources, done)
                    progress.update(pdf_task, completed=len(sources))
    except KeyboardInterrupt:
        _interrupted(err, outcomes, len(wanted))
        sys.exit(130)
    for o in failed:
        err.print(o.error, markup=False)
    summary = [*failed, *outcomes.values(), *skipped]
    if as_json:
        emit("batch", [json_entry(o) for o in summary])
    elif not quiet:
        print_summary(summary, time.perf_counter() - started, pdf_run, verbose)
    if any(not o.ok for o in summary):
        sys.exit(1)
