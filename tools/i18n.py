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

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "baocao"
LOCALE = PACKAGE / "locale"
POT = LOCALE / "baocao.pot"
DOMAIN = "baocao"
TRANSLATED = ("en",)


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


def update() -> None:
    extract()
    for lang in TRANSLATED:
        po = LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po.exists():
            _babel(
                "update", "--no-fuzzy-matching", "--omit-header", "-i", str(POT),
                "-d", str(LOCALE), "-D", DOMAIN, "-l", lang,
            )
        else:
            _babel("init", "-i", str(POT), "-d", str(LOCALE), "-D", DOMAIN, "-l", lang)
    compile_()


def compile_() -> None:
    _babel("compile", "-d", str(LOCALE), "-D", DOMAIN)


def missing() -> list[tuple[str, str]]:
    """(language, msgid) of every message without a translation."""
    out = []
    for lang in TRANSLATED:
        with (LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as f:
            catalog = read_po(f)
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
