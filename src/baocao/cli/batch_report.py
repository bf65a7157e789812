"""What ``baocao batch`` says at the end: each input's outcome, the table, the JSON."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engines.pdf import Conversion
from ..i18n import _
from .machine import diagnostic, file_entry

__all__ = ["REASON_WIDTH", "Outcome", "json_entry", "print_summary", "summary_line"]

REASON_WIDTH = 90
"""Longest reason shown in the summary table; the full message is printed above it."""


@dataclass(frozen=True)
class Outcome:
    """What became of one input."""

    source: Path
    outputs: tuple[Path, ...] = ()
    error: str | None = None
    """The full message (every problem, with field paths and lines)."""
    seconds: float = 0.0
    """Time spent rendering this input, summed over its formats (the shared
    LibreOffice run for PDFs is reported once, in the summary line)."""
    skipped: bool = False
    """``--skip-existing`` found every output already there: nothing was done."""

    @property
    def ok(self) -> bool:
        return self.error is None

    def error_lines(self) -> list[str]:
        """Each problem of the error on its own line (the head line when there is one only)."""
        lines = (self.error or "").splitlines()
        return lines[1:] if len(lines) > 1 else lines

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
        return _("{first} (+{more} lỗi khác)").format(first=first, more=more) if more > 0 else first


def _status(o: Outcome) -> str:
    if o.skipped:
        return "[yellow]" + _("bỏ qua (đã có)") + "[/]"
    return "[green]" + _("đã xuất") + "[/]" if o.ok else "[red]" + _("không xuất được") + "[/]"


def print_summary(
    outcomes: Sequence[Outcome], seconds: float, pdf: Conversion | None, verbose: bool
) -> None:
    """Failures first; the inputs that went well only with ``--verbose``."""
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = 150  # a log file or a pipe: no need to wrap at 80 columns
    rows = [o for o in outcomes if not o.ok] + ([o for o in outcomes if o.ok] if verbose else [])
    if rows:
        table = Table(title=_("Kết quả"), title_justify="left")
        table.add_column(_("Tệp"), no_wrap=True)
        table.add_column(_("Trạng thái"))
        table.add_column(_("Lý do"), overflow="fold")
        table.add_column(_("Thời gian"), justify="right")
        for o in rows:
            table.add_row(str(o.source), _status(o), o.reason, f"{o.seconds:.2f} s")
        console.print(table)
    console.print(summary_line(outcomes, seconds, pdf))


def summary_line(outcomes: Sequence[Outcome], seconds: float, pdf: Conversion | None) -> str:
    done = sum(o.ok and not o.skipped for o in outcomes)
    skipped = sum(o.skipped for o in outcomes)
    bad = len(outcomes) - done - skipped
    line = _("{done} đã xuất, {bad} lỗi, {skipped} bỏ qua, trong {seconds:.1f} s").format(
        done=done, bad=bad, skipped=skipped, seconds=seconds
    )
    if pdf is not None:
        line += _("; PDF: {n} tệp trong một lần chạy LibreOffice, {seconds:.1f} s").format(
            n=len(pdf.converted), seconds=pdf.seconds
        )
    return line


def json_entry(o: Outcome) -> dict[str, Any]:
    if o.ok:
        return {**file_entry(o.source, outputs=o.outputs), "skipped": o.skipped}
    head = (o.error or "").splitlines()[0]
    error: dict[str, Any] = {
        "code": "render_failed",
        "message": head,
        "loc": [],
        "line": None,
        "problems": [],
    }
    found = [diagnostic("render_failed", "error", line.strip()) for line in o.error_lines()]
    return {**file_entry(o.source, found, error=error), "skipped": False}


