"""Attack suite, classes 6 and 7 (packs): no file from outside the pack, no zip bomb.

Every path a pack names resolves inside the pack after links are resolved,
or the pack is refused; a template member is checked for its decompressed size
and ratio before it is read.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import baocao
from baocao.errors import ManifestError, TemplateError
from baocao.packs import compose, get_pack
from baocao.packs.check import check_pack
from baocao.packs.registry import clear_cache
from tests.conftest import SEED_YAML
from tests.fixtures.packs.builder import SEED_BODY, write_docx, write_pack

SECRET = "BÍ-MẬT-KHÔNG-ĐƯỢC-LỘ"


@pytest.fixture(autouse=True)
def _fresh() -> None:
    clear_cache()


def _secret_docx(root: Path) -> Path:
    outside = root / "ngoai"
    outside.mkdir(exist_ok=True)
    write_docx(outside / "secret.docx", f"<w:p><w:r><w:t>{SECRET}</w:t></w:r></w:p>")
    return outside / "secret.docx"


@pytest.mark.parametrize(
    "manifest",
    [
        {"layout": ["../ngoai/secret"]},
        {"layout": ["../../etc/passwd"]},
        {"layout": ["/etc/passwd"]},
        {"layout": ["C:\\\\Windows\\\\win"]},
        {"layout": ["..\\\\ngoai\\\\secret"]},
        {"base": "../ngoai/secret.docx"},
        {"base": "/tmp/secret.docx"},
        {"base": "~/secret.docx"},
    ],
)
def test_manifest_paths_out_of_the_pack_are_refused(tmp_path: Path, manifest: dict) -> None:  # type: ignore[type-arg]
    _secret_docx(tmp_path)
    folder = write_pack(
        tmp_path / "goi", {"id": "goi", "title": "Gói", "extends": "dang", **manifest}, {}
    )
    with pytest.raises(ManifestError, match="ngoài gói"):
        get_pack(folder)
    issues = check_pack(folder)
    assert issues and issues[0].severity == "error" and "ngoài gói" in issues[0].message


@pytest.mark.parametrize("which", ["base", "part", "folder-of-part"])
def test_symlinked_files_out_of_the_pack_are_refused(tmp_path: Path, which: str) -> None:
    secret = _secret_docx(tmp_path)
    manifest = {"id": "goi", "title": "Gói", "family": "dang", "layout": ["body"]}
    folder = write_pack(tmp_path / "goi", manifest, {})
    if which == "base":
        write_docx(folder / "body.docx", SEED_BODY)
        (folder / "base.docx").symlink_to(secret)
    elif which == "part":
        write_docx(folder / "base.docx", SEED_BODY)
        (folder / "body.docx").symlink_to(secret)
    else:
        write_docx(folder / "base.docx", SEED_BODY)
        (folder / "ngoai").symlink_to(secret.parent)
        (folder / "baocao-template.yml").write_text(
            "id: goi\ntitle: Gói\nfamily: dang\nlayout: [ngoai/secret]\n", encoding="utf-8"
        )
    pack = get_pack(folder)
    with pytest.raises(TemplateError, match="ngoài gói"):
        compose(pack)
    with pytest.raises(TemplateError, match="ngoài gói"):
        baocao.render(baocao.load(SEED_YAML), tmp_path / "x.docx", template=folder)
    assert not (tmp_path / "x.docx").exists()
    assert any(i.code == "outside-pack" and i.severity == "error" for i in check_pack(folder))


def test_a_link_inside_the_pack_is_fine(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "goi", {"id": "goi", "title": "Gói", "family": "dang"}, {})
    write_docx(folder / "that.docx", SEED_BODY)
    (folder / "base.docx").symlink_to(folder / "that.docx")
    assert compose(get_pack(folder))[:2] == b"PK"


@pytest.mark.parametrize("target", ["/etc/passwd", "/etc/hostname", "secret"])
def test_symlinked_manifest_is_refused_unread(tmp_path: Path, target: str) -> None:
    folder = tmp_path / "goi"
    folder.mkdir()
    if target == "secret":
        (tmp_path / "secret.yml").write_text(f"a: b\n: {SECRET}\nroot:x:0:0\n", encoding="utf-8")
        target = str(tmp_path / "secret.yml")
    (folder / "baocao-template.yml").symlink_to(target)
    with pytest.raises(ManifestError) as caught:
        get_pack(folder)
    assert "ngoài gói" in str(caught.value)
    text = " ".join(i.message for i in check_pack(folder))
    assert SECRET not in text and "root:" not in text and "ngoài gói" in text


def test_a_broken_manifest_error_quotes_no_lines(tmp_path: Path) -> None:
    folder = tmp_path / "goi"
    folder.mkdir()
    (folder / "baocao-template.yml").write_text(f"id: x\n  bad: [{SECRET}\n", encoding="utf-8")
    with pytest.raises(ManifestError) as caught:
        get_pack(folder)
    assert SECRET not in str(caught.value) and "dòng" in str(caught.value)


def _bomb(member_size: int, members: int = 1, name: str = "word/document.xml") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(members):
            info = zipfile.ZipInfo(name if i == 0 else f"word/x{i}.xml")
            info.compress_type = zipfile.ZIP_DEFLATED
            with z.open(info, "w", force_zip64=True) as f:
                chunk = b"\0" * 1_000_000
                for _ in range(member_size // len(chunk)):
                    f.write(chunk)
    return buf.getvalue()


@pytest.mark.parametrize("as_", ["base", "part"])
def test_zip_bomb_members_are_refused_before_reading(tmp_path: Path, as_: str) -> None:
    folder = write_pack(
        tmp_path / "goi", {"id": "goi", "title": "Gói", "family": "dang", "layout": ["body"]}, {}
    )
    bomb = _bomb(200_000_000)  # 200 MB of zeros in ~200 KB
    assert len(bomb) < 1_000_000
    if as_ == "base":
        (folder / "base.docx").write_bytes(bomb)
        write_docx(folder / "body.docx", SEED_BODY)
    else:
        write_docx(folder / "base.docx", SEED_BODY)
        (folder / "body.docx").write_bytes(bomb)
    with pytest.raises(TemplateError, match="bom zip"):
        compose(get_pack(folder))
    assert any("bom zip" in i.message for i in check_pack(folder))


def test_many_members_add_up(tmp_path: Path) -> None:
    from baocao.limits import use_limits
    from baocao.packs.archive import check_archive

    data = _bomb(2_000_000, members=4)
    with (
        use_limits(template_total_bytes=5_000_000, template_ratio=10_000),
        pytest.raises(TemplateError, match="bom zip"),
    ):
        check_archive(data, "t.docx")


@pytest.mark.parametrize("members", [{"word/other.xml": b"<a/>"}, {}])
def test_a_docx_without_document_xml(tmp_path: Path, members: dict[str, bytes]) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in members.items():
            z.writestr(k, v)
        z.writestr("[Content_Types].xml", b"<Types/>")
    folder = write_pack(tmp_path / "goi", {"id": "goi", "title": "Gói", "family": "dang"}, {})
    (folder / "base.docx").write_bytes(buf.getvalue())
    with pytest.raises(TemplateError, match=r"word/document\.xml"):
        baocao.render_bytes(baocao.load(SEED_YAML), template=folder)


def test_entity_expansion_in_a_part_is_not_expanded(tmp_path: Path) -> None:
    body = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    from baocao.packs.archive import parse_part

    root = parse_part((body + "<x>&c;</x>").encode(), "t.docx")
    assert len("".join(root.itertext())) < 100
