"""Regenerate the table of docs/errors.md from tests/error_cases.py: ``python tools/error_catalogue.py``.

Each case runs in a fresh temporary folder; the table between the markers of
docs/errors.md is replaced by the messages the code gives now. Review the diff:
a changed message is a changed promise to users.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "errors.md"
BEGIN = "<!-- cases: begin (tools/error_catalogue.py) -->"
END = "<!-- cases: end -->"


def current_table() -> str:
    sys.path.insert(0, str(ROOT))
    from tests.error_cases import CASES, message_of, table

    messages = {}
    for case in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            messages[case.id] = message_of(case, Path(tmp))
    return table(messages)


def documented_table() -> str:
    text = DOC.read_text(encoding="utf-8")
    return text.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n") + "\n"


def main() -> None:
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(f"{head}{BEGIN}\n{current_table()}{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
