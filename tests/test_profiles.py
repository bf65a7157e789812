"""Format profiles: versioned data, chosen by family and date, extended by newer guides."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from pathlib import Path

import pytest
from pydantic import ValidationError

import baocao
from baocao.errors import TemplateError
from baocao.profiles import (
    PROFILE_DIR,
    Quantity,
    available_profiles,
    get_profile,
    load_profile,
    profile_for,
    select_profile,
)
from baocao.profiles.metrics import text_width_mm
from baocao.profiles.units import mm_to_twips, pt_to_twips, twips_to_mm


def test_built_in_profiles_load() -> None:
    """Every shipped profile validates; ids are the file names."""
    ids = {p.id for p in available_profiles()}
    assert ids == {"dang-hd36", "dang-hd05", "nha-nuoc-nd30"}
    for profile in available_profiles():
        assert (PROFILE_DIR / f"{profile.id}.yml").is_file()


@pytest.mark.parametrize(
    ("family", "day", "expected"),
    [
        ("dang", dt.date(2023, 12, 31), "dang-hd36"),
        ("dang", dt.date(2026, 5, 26), "dang-hd36"),
        ("dang", dt.date(2026, 5, 27), "dang-hd05"),
        ("dang", dt.date(2010, 1, 1), "dang-hd36"),
        ("nha_nuoc", dt.date(2025, 12, 15), "nha-nuoc-nd30"),
    ],
)
def test_profile_is_chosen_by_family_and_date(family: str, day: dt.date, expected: str) -> None:
    """The latest profile in force on the date wins; an older date gets the oldest profile."""
    assert select_profile(family, day).id == expected  # type: ignore[arg-type]


def test_draft_report_uses_the_last_day_it_can_mean(
    seed_report: baocao.ImplementationReport,
) -> None:
    """The seed (December 2023, day blank) is checked against Hướng dẫn 36."""
    assert profile_for(seed_report).id == "dang-hd36"


def test_newer_guide_changes_only_what_it_declares() -> None:
    """dang-hd05 extends dang-hd36: same values except the bounded line spacing and identity."""
    hd36, hd05 = get_profile("dang-hd36"), get_profile("dang-hd05")
    assert hd05.valid_from == dt.date(2026, 5, 27) and hd05.confirmed is False
    assert hd05.page == hd36.page and hd05.dividers == hd36.dividers
    assert hd05.elements.title == hd36.elements.title
    assert hd36.elements.body.line_spacing is not None
    assert hd05.elements.body.line_spacing is not None
    assert hd36.elements.body.line_spacing.value.high == math.inf
    assert hd05.elements.body.line_spacing.value.high == 22


def test_profile_file_elsewhere_can_extend_a_built_in(tmp_path: Path) -> None:
    """A guide kept outside the package extends a built-in profile by id."""
    path = tmp_path / "tinh-uy-x.yml"
    path.write_text(
        "id: tinh-uy-x\nextends: nha-nuoc-nd30\ntitle: Quy định riêng\n"
        "valid_from: 2027-01-01\nelements:\n  body:\n    size: 13\n",
        encoding="utf-8",
    )
    profile = get_profile(path)
    assert profile.family == "nha_nuoc"
    assert profile.elements.body.size == Quantity(value=13)
    assert (
        profile.elements.body.first_line_indent_mm
        == get_profile("nha-nuoc-nd30").elements.body.first_line_indent_mm
    )


def test_invalid_profile_names_file_and_field(tmp_path: Path) -> None:
    """A value outside its own range is reported with the file and the field path."""
    path = tmp_path / "bad.yml"
    path.write_text(
        "id: bad\nextends: dang-hd36\ntitle: x\nvalid_from: 2030-01-01\n"
        "elements:\n  title:\n    size: {value: 18, min: 15, max: 16}\n",
        encoding="utf-8",
    )
    with pytest.raises(TemplateError, match=r"bad\.yml.*\n.*elements\.title\.size"):
        load_profile(path)


def test_extends_loop_is_refused(tmp_path: Path) -> None:
    """Two profiles extending each other fail with a message, not a recursion error."""
    (tmp_path / "a.yml").write_text("id: a\nextends: b\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("id: b\nextends: a\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="loops"):
        load_profile(tmp_path / "a.yml")


def test_unknown_profile_lists_the_known_ones() -> None:
    """Asking for a missing id names the ids that exist."""
    with pytest.raises(TemplateError, match="dang-hd36"):
        get_profile("dang-hd99")


def test_quantity_accepts_its_range_and_describes_itself() -> None:
    """A bare number is fixed; a range accepts its ends; ``.inf`` reads as "at least"."""
    fixed = Quantity.model_validate(14)
    assert fixed.accepts(14) and not fixed.accepts(14.5)
    ranged = Quantity(value=16, min=15, max=16)
    assert ranged.accepts(15) and not ranged.accepts(14.9)
    assert ranged.describe("pt") == "16 pt (15–16)"
    assert Quantity(value=6, min=6, max=math.inf).describe("pt") == "6 pt (≥ 6)"
    with pytest.raises(ValidationError, match="outside"):
        Quantity(value=18, min=15, max=16)


def test_units_round_as_word_stores_them() -> None:
    """Millimetres and points convert to the whole twips Word writes."""
    assert [mm_to_twips(x) for x in (20, 30, 15, 10)] == [1134, 1701, 850, 567]
    assert pt_to_twips(6) == 120
    assert twips_to_mm(1134) == pytest.approx(20.0, abs=0.01)


def test_text_widths_match_the_printed_lines() -> None:
    """Times New Roman advance widths give the printed widths (format-rules.md §3, §8)."""
    assert round(text_width_mm("ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True), 1) == 72.9
    assert round(text_width_mm("Độc lập - Tự do - Hạnh phúc", 14, bold=True), 1) == 60.5
    assert round(text_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True), 1) == 95.7
    # NFD input measures as NFC; bold is wider than regular, size scales linearly
    text = "Độc lập"
    assert text_width_mm(unicodedata.normalize("NFD", text), 14) == text_width_mm(text, 14)
    assert text_width_mm("tự do", 13, bold=True) > text_width_mm("tự do", 13)
    assert text_width_mm("ỦY BAN", 26) == 2 * text_width_mm("ỦY BAN", 13)
