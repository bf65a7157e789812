"""The CLI's one language policy: ``--lang``, click's own messages, a safe console.

Click writes its usage errors and help headings through ``gettext``; they are
routed here to the baocao catalog, so ``Missing argument`` reads
``Thiếu đối số`` in a Vietnamese run. Help texts (docstrings, ``help=``) are
msgids too: ``tools/i18n.py`` extracts them and :func:`translate_command`
looks them up when a command is loaded, after ``--lang`` has been read.
"""

from __future__ import annotations

import inspect
import io
import sys

import click

from ..i18n import N_, _, set_language

__all__ = ["CLICK_MESSAGES", "install", "lang_option", "safe_console", "translate_command"]

CLICK_MESSAGES = {
    "Usage:": N_("Cách dùng:"),
    "Options": N_("Tùy chọn"),
    "Commands": N_("Lệnh"),
    "Positional arguments": N_("Đối số"),
    "Show this message and exit.": N_("Hiện hướng dẫn này rồi thoát."),
    "Show the version and exit.": N_("Hiện phiên bản rồi thoát."),
    "Error: {message}": N_("Lỗi: {message}"),
    "Try '{command} {option}' for help.": N_("Gõ '{command} {option}' để xem hướng dẫn."),
    "Missing argument": N_("Thiếu đối số"),
    "Missing option": N_("Thiếu tùy chọn"),
    "Missing parameter": N_("Thiếu tham số"),
    "Missing command.": N_("Thiếu lệnh."),
    "Missing {param_type}": N_("Thiếu {param_type}"),
    "Missing parameter: {param_name}": N_("Thiếu tham số: {param_name}"),
    "No such option {name!r}.": N_("Không có tùy chọn {name!r}."),
    "No such command {name!r}.": N_("Không có lệnh {name!r}."),
    "Option {name!r} does not take a value.": N_("Tùy chọn {name!r} không nhận giá trị."),
    "Argument {name!r} takes {nargs} values.": N_("Đối số {name!r} cần {nargs} giá trị."),
    "Invalid value: {message}": N_("Giá trị không hợp lệ: {message}"),
    "Invalid value for {param_hint}: {message}": N_(
        "Giá trị không hợp lệ cho {param_hint}: {message}"
    ),
    "{value!r} is not a valid {number_type}.": N_("{value!r} không phải {number_type} hợp lệ."),
    "{value} is not in the range {range}.": N_("{value} nằm ngoài khoảng {range}."),
    "Choose from:\n\t{choices}": N_("Chọn một trong:\n\t{choices}"),
    "{name} {filename!r} does not exist.": N_("{name} {filename!r} không tồn tại."),
    "{name} {filename!r} is a directory.": N_("{name} {filename!r} là một thư mục."),
    "{name} {filename!r} is a file.": N_("{name} {filename!r} là một tệp."),
    "{name} {filename!r} is not readable.": N_("{name} {filename!r} không đọc được."),
    "{name} {filename!r} is not writable.": N_("{name} {filename!r} không ghi được."),
    "Could not open file {filename!r}: {message}": N_("Không mở được tệp {filename!r}: {message}"),
    "Aborted!": N_("Đã dừng!"),
    "default: {default}": N_("mặc định: {default}"),
    "env var: {var}": N_("biến môi trường: {var}"),
    "file": N_("tệp"),
    "directory": N_("thư mục"),
    "path": N_("đường dẫn"),
    "integer": N_("số nguyên"),
    "%(prog)s, version %(version)s": N_("%(prog)s, phiên bản %(version)s"),
}
"""Click's own English messages → baocao msgids (Vietnamese; English via the catalog)."""

_CLICK_NOUNS = {"argument": N_("đối số"), "option": N_("tùy chọn"), "parameter": N_("tham số")}


def _click_gettext(message: str) -> str:
    msgid = CLICK_MESSAGES.get(message) or _CLICK_NOUNS.get(message)
    return _(msgid) if msgid is not None else message


def install() -> None:
    """Route click's messages through the catalog (idempotent)."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    for module in (
        click.core,
        click.decorators,
        click.exceptions,
        click.formatting,
        click.parser,
        click.types,
    ):
        if hasattr(module, "_"):
            module._ = _click_gettext  # type: ignore[attr-defined]


def translate_command(command: click.Command) -> click.Command:
    """Help texts in the user's language, looked up once the language is known.

    The msgids are kept on the objects, so a later run in another language
    (tests, a server) translates from the source text again.
    """
    if hasattr(command, "_help_option"):
        command._help_option = None  # click caches its --help option, text and all
    items: list[click.Command | click.Parameter] = [command, *command.params]
    for item in items:
        fields = ("help", "short_help") if isinstance(item, click.Command) else ("help",)
        for name in fields:
            key = f"_baocao_{name}"
            if not hasattr(item, key):
                text = getattr(item, name, None)
                clean = inspect.cleandoc(text).partition("\f")[0].strip() if text else None
                setattr(item, key, clean)
            msgid = getattr(item, key)
            if msgid:
                # Click's own options (--version) carry click's English text.
                setattr(item, name, _(CLICK_MESSAGES.get(msgid, msgid)))
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            translate_command(sub)
    return command


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        set_language(value)
        translate_command(ctx.find_root().command)  # its help was looked up before --lang


lang_option = click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default=None,
    is_eager=True,
    expose_value=False,
    callback=_set_lang,
    envvar="BAOCAO_LANG",
    help=N_("Ngôn ngữ thông báo: vi (mặc định) hoặc en; mặc định theo LANG/LC_ALL."),
)


def safe_console() -> None:
    """A console that cannot print Vietnamese (cp1252, cp1258 …) gets '?' instead of a crash.

    Why: on Windows, output redirected to a file or a pipe uses the ANSI code
    page; a UnicodeEncodeError there would lose the whole report of a run.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if isinstance(stream, io.TextIOWrapper) and not encoding.startswith("utf"):
            stream.reconfigure(errors="replace")
