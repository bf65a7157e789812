"""Keep the message catalogs in step with the source: ``python tools/i18n.py update``.

``update`` extracts every ``_("…")`` / ``N_("…")`` msgid from ``src/baocao``
into ``src/baocao/locale/baocao.pot``, merges it into each language's ``.po``
(new messages arrive untranslated, removed ones are dropped) and compiles the
``.mo`` files the package reads at run time. ``missing`` lists the msgids that
still have no translation (exit 1 if any); ``compile`` only compiles.

Run ``update`` after merging branches that add messages, translate what
``missing`` shows in the ``.po`` file, then run ``update`` again and commit the
``.pot``, ``.po`` and ``.mo`` together (tests/test_i18n.py checks all three).
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import io
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "baocao"
LOCALE = PACKAGE / "locale"
POT = LOCALE / "baocao.pot"
DOMAIN = "baocao"
TRANSLATED = ("en",)
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def _babel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract() -> None:
    _babel(
        "extract",
        "--no-location",  # line numbers would change the .pot on every edit
        "--sort-output",
        "--omit-header",
        "-k",
        "_",
        "-k",
        "N_",
        "--project=baocao",
        "-o",
        str(POT),
        str(PACKAGE),
    )


def help_texts(folder: Path = PACKAGE / "cli") -> set[str]:
    """Click help texts, as click cleans them: command docstrings and ``help=`` strings.

    They are msgids without a ``_()`` call (click reads them at import, before
    ``--lang``); ``baocao.cli.language.translate_command`` looks them up.
    """
    found: set[str] = set()
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and any(
                _is_click_command(d) for d in node.decorator_list
            ):
                doc = ast.get_docstring(node, clean=True)
                if doc:
                    found.add(doc.split("\f")[0].strip())
            if isinstance(node, ast.Call):
                for kw in node.keywords:
                    if kw.arg in ("help", "short_help") and isinstance(kw.value, ast.Constant):
                        if isinstance(kw.value.value, str):
                            found.add(inspect.cleandoc(kw.value.value))
    return found


def _is_click_command(node: ast.expr) -> bool:
    call = node.func if isinstance(node, ast.Call) else node
    name = call.attr if isinstance(call, ast.Attribute) else getattr(call, "id", "")
    return name in ("command", "group")


def extract_help() -> None:
    with POT.open("rb") as f:
        catalog = read_po(f)
    for text in help_texts():
        if text not in catalog:
            catalog.add(text)
    with POT.open("wb") as f:
        write_po(f, catalog, omit_header=True, no_location=True, sort_output=True)


def _po(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _read(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=None)


def update() -> None:
    extract()
    extract_help()
    template = _read(POT)
    for lang in TRANSLATED:
        po = _po(lang)
        catalog = _read(po) if po.exists() else Catalog(locale=lang)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        # A fixed header keeps the file's diff to the messages that changed.
        catalog.project, catalog.version = "baocao", ""
        catalog.creation_date = catalog.revision_date = FIXED_DATE
        catalog.fuzzy = False
        po.parent.mkdir(parents=True, exist_ok=True)
        with po.open("wb") as f:
            write_po(f, catalog, no_location=True, sort_output=True, ignore_obsolete=True)
    compile_()


def compiled(lang: str) -> bytes:
    """The ``.mo`` bytes of a language's ``.po`` (what ``compile`` writes)."""
    catalog = _read(_po(lang))
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def compile_() -> None:
    for lang in TRANSLATED:
        _po(lang).with_suffix(".mo").write_bytes(compiled(lang))


def missing() -> list[tuple[str, str]]:
    """(language, msgid) of every message without a translation."""
    out = []
    for lang in TRANSLATED:
        catalog = _read(_po(lang))
        out += [(lang, m.id) for m in catalog if m.id and (not m.string or m.fuzzy)]
    return out


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "update"
    if command == "update":
        update()
    elif command == "compile":
        compile_()
    elif command != "missing":
        print(f"usage: python tools/i18n.py [update|compile|missing]; got {command!r}")
        return 2
    gaps = missing()
    for lang, msgid in gaps:
        print(f"{lang}: untranslated: {msgid!r}")
    return 1 if gaps and command == "missing" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
