"""The ``baocao`` command: a thin layer that parses arguments and calls the public API.

Each command lives in its own module; errors from baocao become one readable
message and exit status 1 (2 for usage errors), never a traceback.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from .. import __version__
from .language import install, lang_option, safe_console, translate_command

__all__ = ["COMMANDS", "main"]

COMMANDS = {
    "validate": "core:validate_cmd",
    "render": "core:render_cmd",
    "batch": "batch:batch_cmd",
    "schema": "core:schema_cmd",
    "init": "init:init_cmd",
    "templates": "templates:templates_cmd",
    "conformance": "conformance:conformance_cmd",
    "check": "check:check_cmd",
    "import": "importing:import_cmd",
    "normalize": "importing:normalize_cmd",
    "serve": "serve:serve_cmd",
}
"""Command name → ``module:object`` in this package, imported only when used."""


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command runs.

    Why: ``baocao render`` should not pay for importing the checker, the
    conformance checker, rich and the template tools.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        command = getattr(importlib.import_module(f".{module}", __name__), attr)
        assert isinstance(command, click.Command)
        return translate_command(command)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        safe_console()
        install()
        translate_command(self)
        return super().main(*args, **kwargs)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="baocao")
@lang_option
def main() -> None:
    """baocao: báo cáo hành chính Việt Nam từ dữ liệu.

    Mã thoát: 0 không có lỗi; 1 có lỗi hoặc có tệp không xử lý được; 2 dùng lệnh sai.

    \b
    Ví dụ:
      baocao validate examples/bao-cao-quy-dinh-02.yaml
      baocao render examples/bao-cao-quy-dinh-02.yaml -o bao-cao.docx
      baocao batch reports/ -o out/ --format docx,pdf
      baocao schema > baocao.schema.json
      baocao init -o bao-cao.yaml
    """
