"""The ``baocao`` command: a thin layer that parses arguments and calls the public API.

Each command lives in its own module; errors from baocao become one readable
message and exit status 1 (2 for usage errors), never a traceback.
"""

from __future__ import annotations

import click

from .. import __version__
from .batch import batch_cmd
from .check import check_cmd
from .conformance import conformance_cmd
from .core import render_cmd, schema_cmd, validate_cmd
from .init import init_cmd
from .templates import templates_cmd

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="baocao")
def main() -> None:
    """baocao: báo cáo hành chính từ dữ liệu (Vietnamese official reports from data).

    \b
    Examples:
      baocao validate examples/bao-cao-quy-dinh-02.yaml
      baocao render examples/bao-cao-quy-dinh-02.yaml -o bao-cao.docx
      baocao batch reports/ -o out/ --format docx,pdf
      baocao schema > baocao.schema.json
      baocao init -o bao-cao.yaml
    """


main.add_command(validate_cmd)
main.add_command(render_cmd)
main.add_command(batch_cmd)
main.add_command(schema_cmd)
main.add_command(init_cmd)
main.add_command(templates_cmd)
main.add_command(conformance_cmd)
main.add_command(check_cmd)
