"""The checker's word lists: valid, shipped inside the package, errors that name the file."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

import pytest

from baocao.checker import data
from baocao.errors import BaocaoError
from baocao.profiles import available_profiles

FILES = ("type_codes.yaml", "misspellings.yaml", "abbreviations.yaml", "capitalization.yaml")


def test_data_files_are_package_resources() -> None:
    """They live in baocao/checker/data, so the wheel carries them with the code."""
    folder = resources.files("baocao.checker").joinpath("data")
    for name in FILES:
        assert folder.joinpath(name).is_file(), name


def test_every_list_loads_and_validates() -> None:
    """Each file parses into its model and is not empty."""
    assert data.type_codes().dang.kinds and data.type_codes().nha_nuoc.kinds
    assert data.misspellings() and data.abbreviations()
    assert data.capitalization().organization_names()


def test_misspellings_are_ordered_longest_first_and_never_correct_their_own_form() -> None:
    """Overlaps resolve to the longer entry; no entry lists its wrong form as right."""
    lengths = [len(m.wrong) for m in data.misspellings()]
    assert lengths == sorted(lengths, reverse=True)
    for m in data.misspellings():
        assert m.wrong not in m.right


def test_type_code_tables_know_every_format_profile_of_their_family() -> None:
    """Each baocao format profile has a column in its family's type-code table."""
    for profile in available_profiles():
        assert profile.id in data.type_codes().table(profile.family).profiles


def test_profile_dependent_codes_differ_by_profile() -> None:
    """Party Quy định: QĐi under dang-hd36, QĐ under dang-hd05; State Quy định QyĐ."""
    party = data.type_codes().dang
    assert party.codes("Quy định", "dang-hd36") == (frozenset({"QĐi"}), frozenset({"QĐ"}))
    assert party.codes("Quy định", "dang-hd05") == (frozenset({"QĐ"}), frozenset({"QĐi"}))
    assert data.type_codes().nha_nuoc.codes("Quy định", "nha-nuoc-nd30") == (
        frozenset({"QyĐ"}), frozenset(),
    )  # fmt: skip
    assert party.codes("Lời kêu gọi", "dang-hd36") is None


@pytest.fixture
def broken_lists(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every data file read as an entry missing its required fields."""
    monkeypatch.setattr(data, "_read", lambda name: [{"wrong": "x"}])
    data.misspellings.cache_clear()
    data.abbreviations.cache_clear()
    yield
    data.misspellings.cache_clear()
    data.abbreviations.cache_clear()


def test_a_broken_entry_names_the_file_and_field(broken_lists: None) -> None:
    """A mistake made while extending a list is reported with its file and field."""
    with pytest.raises(BaocaoError, match=r"misspellings\.yaml: right: Field required"):
        data.misspellings()
    with pytest.raises(BaocaoError, match=r"abbreviations\.yaml"):
        data.abbreviations()
