"""``baocao init``: starter files that validate as written and show every field, in Vietnamese."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from pydantic import BaseModel

from baocao import load, loads, render_bytes
from baocao.cli import main
from baocao.cli.init import starter_families, starter_kinds, starter_text
from baocao.model import REPORT_KINDS, DocumentSymbol, IssueDate, Issuer, IssuerLine
from baocao.model.implementation import Basis

pytestmark = pytest.mark.usefixtures("english")  # these tests assert the English messages
SCHEMA_LINE = "# yaml-language-server: $schema=baocao.schema.json\n"


WRITTEN_AS_TEXT = (DocumentSymbol, IssueDate)
"""Objects a starter writes in their text form ("12-BC/ĐU", "2025-12-__"), not field by field."""

VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def run(*args: str | Path) -> Result:
    """Invoke ``baocao`` in-process with click's runner."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _models(annotation: typing.Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def _reachable(model: type[BaseModel]) -> set[type[BaseModel]]:
    """Every model class that can appear inside ``model``."""
    seen: set[type[BaseModel]] = set()
    todo = [model]
    while todo:
        m = todo.pop()
        if m in seen or issubclass(m, WRITTEN_AS_TEXT):
            continue
        seen.add(m)
        for f in m.model_fields.values():
            todo.extend(_models(f.annotation))
    return seen


def _fields_set(value: typing.Any, acc: dict[type[BaseModel], set[str]]) -> None:
    """Collect, per model class, the fields given explicitly somewhere in ``value``."""
    if isinstance(value, BaseModel):
        acc.setdefault(type(value), set()).update(value.model_fields_set)
        for name in type(value).model_fields:
            _fields_set(getattr(value, name), acc)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _fields_set(item, acc)


def test_every_kind_has_a_starter() -> None:
    """The starters are exactly the report kinds the model knows."""
    assert starter_kinds() == sorted(REPORT_KINDS)


@pytest.mark.parametrize("kind", sorted(REPORT_KINDS))
def test_init_writes_a_file_that_validates(kind: str, tmp_path: Path) -> None:
    """``init KIND -o FILE`` writes the starter, and ``validate FILE`` passes on it."""
    out = tmp_path / "bao-cao.yaml"
    result = run("init", kind, "-o", out)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text == SCHEMA_LINE + starter_text(kind)
    assert (tmp_path / "baocao.schema.json").is_file()
    check = run("validate", out)
    assert check.exit_code == 0, check.output
    assert load(out).kind == kind


# ``Issuer.lines`` is the other way to write ``parent`` + ``name`` (docs/model.md).
ALTERNATIVES: dict[type[BaseModel], set[str]] = {Issuer: {"lines"}}
ALTERNATIVE_MODELS: set[type[BaseModel]] = {IssuerLine, Basis}  # Basis: a citation as written


@pytest.mark.parametrize("kind", sorted(REPORT_KINDS))
def test_starter_sets_every_field(kind: str) -> None:
    """Each field of each object a report can hold is written out somewhere in the starter."""
    report = loads(starter_text(kind))
    used: dict[type[BaseModel], set[str]] = {}
    _fields_set(report, used)
    missing = {
        m.__name__: sorted(set(m.model_fields) - used.get(m, set()) - ALTERNATIVES.get(m, set()))
        for m in _reachable(REPORT_KINDS[kind])
        if m not in ALTERNATIVE_MODELS
        and set(m.model_fields) - used.get(m, set()) - ALTERNATIVES.get(m, set())
    }
    assert missing == {}


@pytest.mark.parametrize("kind", sorted(REPORT_KINDS))
def test_starter_is_commented_in_vietnamese(kind: str) -> None:
    """Every top-level field has a Vietnamese comment on its line or just above it."""
    text = starter_text(kind)
    lines = text.splitlines()
    for key in yaml.safe_load(text):
        i = next(n for n, line in enumerate(lines) if line.startswith(f"{key}:"))
        near = lines[i] + lines[i - 1]
        assert "#" in near and VIETNAMESE.search(near.split("#", 1)[1]), key


@pytest.mark.parametrize("kind", sorted(REPORT_KINDS))
def test_starter_renders(kind: str) -> None:
    """A starter renders as it stands (here to text), signer included."""
    report = loads(starter_text(kind))
    assert report.signer is not None
    assert report.signer.name in render_bytes(report, "txt").decode("utf-8")


def test_init_default_kind_and_stdout() -> None:
    """Without KIND the starter is the implementation report; ``-o -`` prints it."""
    result = run("init", "-o", "-")
    assert result.exit_code == 0
    assert result.output == SCHEMA_LINE + starter_text("bao_cao_thuc_hien")


def test_init_refuses_to_clobber(tmp_path: Path) -> None:
    """An existing file is kept unless --force is given."""
    out = tmp_path / "bao-cao.yaml"
    out.write_text("cũ", encoding="utf-8")
    result = run("init", "-o", out)
    assert result.exit_code == 1 and "already exists" in result.output
    assert out.read_text(encoding="utf-8") == "cũ"
    assert run("init", "document", "-o", out, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8") == SCHEMA_LINE + starter_text("document")


def test_init_unknown_kind() -> None:
    """An unknown kind is a usage error listing the known ones."""
    result = run("init", "bao_cao_khac")
    assert result.exit_code == 2
    assert "bao_cao_thuc_hien" in result.output and "document" in result.output


# Every kind in every family it exists in: the team report (Tổ huyện) is Party-only.
STARTERS = [(kind, family) for kind in sorted(REPORT_KINDS) for family in starter_families(kind)]


def test_the_general_kinds_have_a_starter_in_both_families() -> None:
    """A document and an implementation report can be started in either family."""
    for kind in ("document", "bao_cao_thuc_hien"):
        assert set(starter_families(kind)) == {"dang", "nha_nuoc"}


def test_a_party_only_kind_refuses_the_state_family() -> None:
    """The team report exists only in the Party family: asking for nha_nuoc says so."""
    assert set(starter_families("bao_cao_to_huyen")) == {"dang"}
    result = run("init", "bao_cao_to_huyen", "--family", "nha_nuoc")
    assert result.exit_code != 0 and "dang" in result.output


@pytest.mark.parametrize(("kind", "family"), STARTERS)
def test_kind_and_family_are_chosen_independently(kind: str, family: str, tmp_path: Path) -> None:
    """Each kind's starter in each of its families validates, renders, and checks clean."""
    from baocao import check

    out = tmp_path / "bao-cao.yaml"
    result = run("init", kind, "--family", family, "-o", out)
    assert result.exit_code == 0, result.output
    report = load(out)
    assert report.kind == kind and report.header.family == family
    assert render_bytes(report, "docx")[:2] == b"PK"
    assert [d for d in check(report) if d.severity == "error"] == []


@pytest.mark.parametrize(("kind", "family"), STARTERS)
def test_a_starter_is_not_addressed_to_its_own_issuer(kind: str, family: str) -> None:
    """Kính gửi names the level above; the issuer (or its standing committee) signs it."""
    from baocao.cli.init import starter_text as text_of

    report = loads(text_of(kind, family))
    issuer = report.header.issuer.name.lower().replace("\n", " ")
    own = " ".join(issuer.split()[:3])  # "đảng ủy xã", "sở nội vụ"
    for addressee in report.header.addressees:
        assert own not in addressee.lower(), (addressee, issuer)
