"""``baocao templates new``: a plugin package that installs with pip and renders at once.

The package extends a built-in pack and starts with a copy of one of its parts,
so the author edits a working document instead of a blank one, and ships its
own test (through ``baocao.testing``) so a broken edit is caught before
publishing. The folder is written to a temporary name and renamed at the end:
an interrupted run leaves no half-written package.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from ..errors import OutputError, TemplateError
from .manifest import MANIFEST_NAME
from .registry import get_pack

__all__ = ["new_pack"]

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")

_PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.21"]
build-backend = "hatchling.build"

[project]
name = "{dist}"
version = "0.1.0"
description = "Template pack for baocao: {title}"
readme = "README.md"
requires-python = ">=3.10"
dependencies = ["baocao>=0.1"]

[project.optional-dependencies]
test = ["pytest>=8"]

# This line is what makes baocao find the pack once the package is installed.
[project.entry-points."baocao.templates"]
{pack_id} = "{module}"

[tool.hatch.build.targets.wheel]
packages = ["src/{module}"]
"""

_MANIFEST = """\
# Template pack manifest (docs/template-authoring.md). Unset fields come from `extends`.
id: {pack_id}
title: "{title}"
version: 0.1.0
description: >-
  Based on the built-in {parent!r} pack; replaces {part}.docx.
extends: {parent}
# To add a part (an appendix, say), list the whole layout with the new name in its place:
# layout: [{layout}, appendix]
"""

_INIT = '''\
"""{title}: a baocao template pack.

The pack is this folder: ``{manifest}`` and the .docx parts beside it.
baocao finds it through the ``baocao.templates`` entry point in pyproject.toml.
"""
'''

_TEST = '''\
"""The {pack_id} template renders the sample reports and passes baocao's static check."""

from __future__ import annotations

from pathlib import Path

import {module}
from baocao import get_pack
from baocao.testing import assert_pack_clean, assert_pack_renders, sample_reports

PACK = Path({module}.__file__).resolve().parent


def test_pack_has_no_template_errors() -> None:
    """No syntax error, unknown variable, sandbox escape or missing part in the pack."""
    assert_pack_clean(PACK)


def test_pack_renders_every_sample_report() -> None:
    """Every sample report of the pack's family (the seed example first) renders to a .docx."""
    for report in sample_reports(get_pack(PACK)):
        document = assert_pack_renders(PACK, report)
        assert report.header.issuer.name in document.text


def test_installed_pack_is_found_by_id() -> None:
    """Once installed, baocao finds the pack by its id through the entry point."""
    assert get_pack("{pack_id}").path.resolve() == PACK
'''

_README = """\
# {dist}

A template pack for [baocao](https://pypi.org/project/baocao/): {title}.
It extends the built-in `{parent}` pack and replaces `{part}.docx`.

    pip install -e '.[test]'        # install, with pytest
    baocao templates check {pack_id}    # static check: syntax, variables, sandbox
    python -m pytest                # render the sample reports
    baocao render report.yaml -t {pack_id} -o report.docx

Edit `src/{module}/{part}.docx` in Word or LibreOffice. The variables a
template can use and the filters are listed in baocao's
docs/template-authoring.md.
"""


def _names(name: str) -> tuple[str, str, str]:
    """Pack id, distribution name and module name for NAME."""
    pack_id = name.strip().lower()
    if pack_id.startswith("baocao-"):
        pack_id = pack_id[len("baocao-") :]
    if not _ID.match(pack_id):
        raise TemplateError(
            f"{name!r} is not a usable template name: use lowercase letters, digits and "
            "hyphens, e.g. tinh-uy-bac-giang"
        )
    return pack_id, f"baocao-{pack_id}", "baocao_" + pack_id.replace("-", "_")


def new_pack(
    name: str,
    out_dir: str | Path = ".",
    *,
    extends: str = "dang",
    part: str = "signature",
    title: str | None = None,
) -> Path:
    """Write the plugin package ``baocao-NAME`` into ``out_dir``; return its folder."""
    pack_id, dist, module = _names(name)
    parent = get_pack(extends)
    layout = parent.layout or []
    if part not in layout:
        raise TemplateError(
            f"{extends!r} has no part {part!r} to start from (its parts: {', '.join(layout)})"
        )
    if pack_id in {parent.id, *(p.id for p in parent.lineage())}:
        raise TemplateError(f"the new pack needs an id of its own, not {pack_id!r}")
    target = Path(out_dir) / dist
    if target.exists():
        raise OutputError(f"{target} already exists; choose another name or folder")
    title = title or f"Mẫu {pack_id} (dựa trên mẫu {parent.id})"
    values = {
        "dist": dist,
        "module": module,
        "pack_id": pack_id,
        "title": title.replace('"', "'"),
        "parent": parent.id,
        "part": part,
        "layout": ", ".join(layout),
        "manifest": MANIFEST_NAME,
    }
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dist}-", dir=out_dir))
    try:
        pkg = tmp / "src" / module
        (tmp / "tests").mkdir(parents=True)
        pkg.mkdir(parents=True)
        (tmp / "pyproject.toml").write_text(_PYPROJECT.format(**values), encoding="utf-8")
        (tmp / "README.md").write_text(_README.format(**values), encoding="utf-8")
        (pkg / "__init__.py").write_text(_INIT.format(**values), encoding="utf-8")
        (pkg / MANIFEST_NAME).write_text(_MANIFEST.format(**values), encoding="utf-8")
        shutil.copyfile(parent.find(f"{part}.docx"), pkg / f"{part}.docx")
        (tmp / "tests" / f"test_{module}.py").write_text(_TEST.format(**values), encoding="utf-8")
        tmp.rename(target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target
