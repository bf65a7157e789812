"""Discovery of template packs: built-ins, installed plugins (entry points), folders."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from baocao.errors import ManifestError, TemplateError
from baocao.packs import (
    MANIFEST_NAME,
    PackWarning,
    available_packs,
    clear_cache,
    discovery_problems,
    get_pack,
)
from baocao.packs.builtin import DANG, NHA_NUOC
from tests.fixtures.packs.builder import fake_plugin, p, standalone_pack, write_pack

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _fresh_discovery() -> Iterator[None]:
    """Each test discovers packs from scratch and leaves no fake plugin behind."""
    clear_cache()
    yield
    clear_cache()


def _pack_module(site: Path, module: str, manifest: str) -> None:
    (site / module).mkdir(parents=True)
    (site / module / "__init__.py").write_text('"""A pack."""\n', encoding="utf-8")
    (site / module / MANIFEST_NAME).write_text(manifest, encoding="utf-8")


def _install(monkeypatch: pytest.MonkeyPatch, site: Path) -> None:
    monkeypatch.syspath_prepend(str(site))
    clear_cache()


def test_builtins_are_announced_as_entry_points_in_pyproject() -> None:
    """pyproject.toml registers dang and nha-nuoc in baocao.templates, like any plugin."""
    tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from 3.11")
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    eps = meta["project"]["entry-points"]["baocao.templates"]
    assert eps == {
        "dang": "baocao.packs.builtin:DANG",
        "nha-nuoc": "baocao.packs.builtin:NHA_NUOC",
    }
    assert (DANG / MANIFEST_NAME).is_file() and (NHA_NUOC / MANIFEST_NAME).is_file()


def test_builtins_are_available_with_their_family() -> None:
    """Both built-ins load, sorted by id, with source baocao."""
    packs = {p.id: p for p in available_packs()}
    assert packs["dang"].family == "dang" and packs["nha-nuoc"].family == "nha_nuoc"
    assert packs["dang"].source == "baocao"


def test_installed_plugin_is_found_with_package_name_and_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A distribution announcing a module in baocao.templates is listed as its source."""
    _pack_module(tmp_path, "pack_mien_nui", "id: mien-nui\ntitle: Miền núi\nextends: dang\n")
    fake_plugin(tmp_path, "baocao-mien-nui", {"mien-nui": "pack_mien_nui"}, version="2.1.0")
    _install(monkeypatch, tmp_path)
    pack = get_pack("mien-nui")
    assert (pack.source, pack.source_version) == ("baocao-mien-nui", "2.1.0")
    assert pack.path == tmp_path / "pack_mien_nui"
    assert pack.family == "dang" and pack.parent is not None and pack.parent.id == "dang"


def test_broken_plugins_are_reported_by_package_and_do_not_stop_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import error and a bad manifest are each reported with the package name."""
    _pack_module(tmp_path, "pack_tot", "id: tot\ntitle: Tốt\nextends: dang\n")
    fake_plugin(tmp_path, "baocao-tot", {"tot": "pack_tot"})
    fake_plugin(
        tmp_path,
        "baocao-vo",
        {"vo": "pack_vo"},
        modules={"pack_vo": "import khong_co_module_nay\n"},
    )
    _pack_module(tmp_path, "pack_sai", "id: Sai Ten\ntitle: Sai\n")
    fake_plugin(tmp_path, "baocao-sai", {"sai": "pack_sai"})
    _install(monkeypatch, tmp_path)
    with pytest.warns(PackWarning) as caught:
        ids = [p.id for p in available_packs()]
    assert "tot" in ids and "dang" in ids
    problems = {p.source: p.message for p in discovery_problems()}
    assert "khong_co_module_nay" in problems["baocao-vo"]
    assert "ModuleNotFoundError" in problems["baocao-vo"]
    assert "id" in problems["baocao-sai"] and MANIFEST_NAME in problems["baocao-sai"]
    assert {str(w.message).split(" ")[2] for w in caught} >= {"baocao-vo", "baocao-sai"}


def test_plugin_cannot_take_a_builtin_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A plugin reusing the id dang is skipped with a warning; dang stays the built-in."""
    _pack_module(tmp_path, "pack_gia", "id: dang\ntitle: Giả mạo\n")
    fake_plugin(tmp_path, "baocao-gia", {"dang": "pack_gia"})
    _install(monkeypatch, tmp_path)
    with pytest.warns(PackWarning, match="built in"):
        pack = get_pack("dang")
    assert pack.source == "baocao" and pack.path != tmp_path / "pack_gia"


def test_two_plugins_with_one_id_first_package_name_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Of two packages claiming an id, the one whose name sorts first keeps it; both are named."""
    _pack_module(tmp_path, "pack_b", "id: chung\ntitle: B\nextends: dang\n")
    _pack_module(tmp_path, "pack_a", "id: chung\ntitle: A\nextends: dang\n")
    fake_plugin(tmp_path, "baocao-zeta", {"chung": "pack_b"})
    fake_plugin(tmp_path, "baocao-alpha", {"chung": "pack_a"})
    _install(monkeypatch, tmp_path)
    with pytest.warns(PackWarning, match="baocao-alpha and baocao-zeta"):
        pack = get_pack("chung")
    assert pack.title == "A" and pack.source == "baocao-alpha"


def test_pack_with_unknown_parent_is_reported_and_others_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pack extending a missing id is listed as a problem, not a crash of the listing."""
    _pack_module(tmp_path, "pack_mo_coi", "id: mo-coi\ntitle: Mồ côi\nextends: khong-co\n")
    fake_plugin(tmp_path, "baocao-mo-coi", {"mo-coi": "pack_mo_coi"})
    _install(monkeypatch, tmp_path)
    assert "mo-coi" not in [p.id for p in available_packs()]
    problem = next(p for p in discovery_problems() if p.name == "mo-coi")
    assert problem.source == "baocao-mo-coi" and "khong-co" in problem.message
    with pytest.raises(TemplateError, match="extends 'khong-co'"):
        get_pack("mo-coi")


def test_folder_path_loads_with_the_same_code_path(tmp_path: Path) -> None:
    """A folder given as a path is a pack with source 'path' and a resolved parent."""
    folder = write_pack(
        tmp_path / "rieng",
        {"id": "rieng", "title": "Riêng", "extends": "dang"},
        {"signature": p("{{ signer.name }}")},
    )
    pack = get_pack(folder)
    assert pack.source == "path" and pack.id == "rieng"
    assert pack.find("signature.docx") == folder.resolve() / "signature.docx"
    assert pack.find("header.docx") == get_pack("dang").path / "header.docx"


def test_search_path_is_overrides_then_pack_then_parents(tmp_path: Path) -> None:
    """Like MkDocs custom_dir: an override folder wins over the pack and its parents."""
    folder = write_pack(
        tmp_path / "con",
        {"id": "con", "title": "Con", "extends": "dang"},
        {"title": p("{{ header.doc_type }}")},
    )
    override = tmp_path / "override"
    override.mkdir()
    (override / "title.docx").write_bytes((folder / "title.docx").read_bytes())
    pack = get_pack(folder, overrides=(override,))
    dang = get_pack("dang")
    assert pack.search_path() == [override, folder.resolve(), dang.path]
    assert pack.locate("title.docx") == (override / "title.docx", "override")
    assert pack.locate("body.docx") == (dang.path / "body.docx", "dang")


def test_missing_file_names_every_folder_searched(tmp_path: Path) -> None:
    """find() of an absent part says which folders it searched."""
    pack = get_pack(standalone_pack(tmp_path / "pk"))
    with pytest.raises(TemplateError, match=r"khong\.docx not found \(searched .*pk"):
        pack.find("khong.docx")


def test_extends_loop_is_an_error(tmp_path: Path) -> None:
    """A pack extending itself fails with a message naming the loop."""
    folder = write_pack(tmp_path / "vong", {"id": "vong", "title": "Vòng", "extends": "vong"}, {})
    with pytest.raises(TemplateError, match="extends loop"):
        get_pack(folder)


def test_bad_manifest_names_the_file_and_the_field(tmp_path: Path) -> None:
    """A manifest error names the manifest file and each wrong field."""
    folder = tmp_path / "sai"
    folder.mkdir()
    (folder / MANIFEST_NAME).write_text(
        "id: ok\ntitle: T\nfamily: tu-do\nhook: khong hop le\n", encoding="utf-8"
    )
    with pytest.raises(ManifestError) as err:
        get_pack(folder)
    text = str(err.value)
    assert str(folder / MANIFEST_NAME) in text and "family:" in text and "hook:" in text


def test_folder_without_manifest_is_refused(tmp_path: Path) -> None:
    """A folder path that holds no manifest is not a pack."""
    with pytest.raises(TemplateError, match="not a template pack"):
        get_pack(tmp_path)


def test_loading_packs_emits_no_warning_without_plugins() -> None:
    """With only the built-ins installed, discovery is silent."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert {"dang", "nha-nuoc"} <= {p.id for p in available_packs()}


def test_hook_is_imported_from_the_manifest_and_a_missing_one_is_named(tmp_path: Path) -> None:
    """With the author's trust, `hook: module:function` gives the function; a missing one is named.

    (Without ``trust_code`` a folder pack runs no code at all: tests/test_attacks_hooks.py.)
    """
    good = write_pack(
        tmp_path / "co-hook",
        {"id": "co-hook", "title": "Có", "extends": "dang", "hook": "baocao.vi:upper_vi"},
        {},
    )
    from baocao.vi import upper_vi

    assert get_pack(good, trust_code=True).hook_function() is upper_vi
    bad = write_pack(
        tmp_path / "hook-sai",
        {"id": "hook-sai", "title": "Sai", "extends": "dang", "hook": "khong_co_goi:them"},
        {},
    )
    with pytest.raises(TemplateError, match="hook khong_co_goi:them not found"):
        get_pack(bad, trust_code=True).hook_function()
