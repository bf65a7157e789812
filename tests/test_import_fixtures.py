"""Every import test input, pinned against its expected model, and no text lost.

Each input under tests/fixtures/import/ has ``NAME.expected.yaml`` beside it:
the data the importer must produce. After a deliberate change, rewrite them
with ``python tests/test_import_fixtures.py`` and read the diff before committing.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from baocao.importer import import_report
from baocao.importer.writing import to_yaml
from baocao.rendering import render_bytes

HERE = Path(__file__).parent / "fixtures" / "import"
INPUTS = sorted(p for p in HERE.iterdir() if p.suffix in (".txt", ".md", ".docx"))

_WORD = re.compile(r"[^\W\d_]+")
_ROMAN = re.compile(r"^[ivxlc]+$")


def words(text: str) -> set[str]:
    """Letter words of ``text``, lower-cased; single letters and Roman numerals are labels."""
    out = set()
    for w in _WORD.findall(text.lower()):
        if len(w) > 1 and not _ROMAN.match(w):
            out.add(w)
    return out


def model_text(result: Any) -> str:
    """Every string held in the imported data, and the report printed as written.

    The printed form adds what the model holds as structure rather than text:
    mottos, ``Số``, ``ngày … tháng … năm``, labels such as ``PHẦN THỨ HAI``,
    ``(Đã ký)``, ``Lưu``.
    """
    printed = render_bytes(result.report, "txt", form="written").decode("utf-8")
    return yaml.safe_dump(result.data, allow_unicode=True, width=10_000) + printed


def test_there_are_at_least_twenty_inputs() -> None:
    assert len(INPUTS) >= 20
    assert {p.suffix for p in INPUTS} >= {".txt", ".md", ".docx"}


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_import_matches_expected_model(path: Path) -> None:
    expected = yaml.safe_load(path.with_name(path.name + ".expected.yaml").read_text("utf-8"))
    result = import_report(path)
    assert result.data == expected
    assert result.report is not None, [d.format() for d in result.diagnostics]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_no_text_is_lost(path: Path) -> None:
    """Every word of the source (after legacy decoding) is somewhere in the model."""
    result = import_report(path)
    missing = words(result.source_text) - words(model_text(result))
    assert not missing, f"{path.name}: {sorted(missing)}"


def rewrite() -> None:
    for path in INPUTS:
        result = import_report(path)
        path.with_name(path.name + ".expected.yaml").write_text(
            to_yaml(result.data, result.diagnostics, path.name), encoding="utf-8"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parents[1] / "src"))
    rewrite()
