"""Conformance checker: measure a .docx against a format profile, rule by rule.

It proves a layout by measurement rather than by eye: page size, margins and
header distance, fonts and colour, the size, emphasis, case and alignment of
each header line, the title, body, headings, recipients and signer, indents and
spacing, the drawn rules as a fraction of the line they underline, where the
signer, the recipients and the date sit, the room left to sign, the report's
tables and the page numbers. Values are the effective ones Word would show
(run, character style, paragraph style and its ``basedOn`` chain, document
defaults). Elements are found by the role their paragraph style carries
(``BC Signer Name`` …), and by their text in a document without those styles,
so template authors can also check packs they built in Word. A pack's waivers
(``rule: reason``) are reported as waived, never as passed::

    >>> report = check_docx("bao-cao.docx", family="dang")   # doctest: +SKIP
    >>> report.passed, [r.rule_id for r in report.failures()]  # doctest: +SKIP
    (True, [])

The profile is the one named, else the family's profile in force on the date
printed in the document's place-date line (a draft's blank day counts as the
end of its month), else today's.
"""

from __future__ import annotations

import calendar
import datetime as dt
import fnmatch
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import IO, Any

from ..errors import InputError
from ..layout import MOTTOS
from ..model import Family
from ..profiles import FormatProfile, get_profile, select_profile
from ..profiles.units import mm_to_twips
from ._locate import find_date, locate
from ._ooxml import Docx, W, text_of
from ._rules import RuleResult, all_rules

__all__ = [
    "ConformanceReport",
    "RuleResult",
    "check_docx",
    "detect_family",
    "normalize_family",
]

_FAMILIES: dict[str, Family] = {"dang": "dang", "nha_nuoc": "nha_nuoc", "nha-nuoc": "nha_nuoc"}


def normalize_family(family: str) -> Family:
    """``dang``, ``nha_nuoc`` or its CLI spelling ``nha-nuoc``."""
    try:
        return _FAMILIES[family]
    except KeyError:
        raise InputError(f"family: {family!r} is not dang or nha_nuoc (nha-nuoc)") from None


def detect_family(doc: Docx) -> Family:
    """The family whose motto line (ĐẢNG CỘNG SẢN VIỆT NAM, CỘNG HÒA …) the document prints."""
    texts = {" ".join(text_of(p).split()).casefold() for p in doc.body.iter(f"{W}p")}
    for fam, motto in MOTTOS.items():
        if motto[0].casefold() in texts:
            return fam
    raise InputError(
        "family: the document prints neither ĐẢNG CỘNG SẢN VIỆT NAM nor the quốc hiệu; "
        "name the family (dang or nha-nuoc)"
    )


@dataclass(frozen=True)
class ConformanceReport:
    """Every rule checked on one document, in reading order."""

    source: str
    family: Family
    profile: str
    profile_reason: str
    """Why this profile: named, or chosen by family and date."""
    results: tuple[RuleResult, ...]
    unknown_waivers: tuple[str, ...] = ()
    """Waivers that name no rule checked here (a typo, or a rule of the other family)."""

    @property
    def passed(self) -> bool:
        """Every rule passes or is waived."""
        return not self.failures()

    def failures(self) -> list[RuleResult]:
        """Failing rules that no waiver covers."""
        return [r for r in self.results if r.status == "FAIL"]

    def waived(self) -> list[RuleResult]:
        """Rules the pack waives (failing or not), each with its reason."""
        return [r for r in self.results if r.waived is not None]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (the CLI's ``--format json``)."""
        return {
            "source": self.source,
            "family": self.family,
            "profile": self.profile,
            "profile_reason": self.profile_reason,
            "passed": self.passed,
            "failed": len(self.failures()),
            "waived": len(self.waived()),
            "unknown_waivers": list(self.unknown_waivers),
            "rules": [
                {
                    "rule_id": r.rule_id,
                    "description": r.description,
                    "passed": r.passed,
                    "status": r.status,
                    "measured": r.measured,
                    "expected": r.expected,
                    "waived": r.waived,
                }
                for r in self.results
            ],
        }


def _document_date(doc: Docx) -> dt.date | None:
    """The date printed in the place-date line; a blank day is the month's last day."""
    found = find_date(doc)
    if found is None:
        return None
    day, month, year = found
    month = month or 12
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day or last, last))


def _profile(
    doc: Docx, fam: Family, profile: str | os.PathLike[str] | FormatProfile | None
) -> tuple[FormatProfile, str]:
    if isinstance(profile, FormatProfile):
        return profile, "named"
    if profile is not None:
        return get_profile(profile), "named"
    on = _document_date(doc)
    if on is None:
        return select_profile(fam), "in force today: no date found in the document"
    return select_profile(fam, on), f"in force on {on:%d/%m/%Y}, the document's date"


def _waive(
    results: list[RuleResult], waivers: Mapping[str, str]
) -> tuple[list[RuleResult], tuple[str, ...]]:
    """Mark each result a waiver covers (``rule.id`` or ``element.*``); list unused waivers."""
    used: set[str] = set()
    out = []
    for r in results:
        key = next((k for k in waivers if fnmatch.fnmatchcase(r.rule_id, k)), None)
        if key is not None:
            used.add(key)
            r = replace(r, waived=waivers[key])
        out.append(r)
    return out, tuple(k for k in waivers if k not in used)


def check_docx(
    source: str | os.PathLike[str] | bytes | IO[bytes],
    family: str | None = None,
    profile: str | os.PathLike[str] | FormatProfile | None = None,
    waivers: Mapping[str, str] | None = None,
) -> ConformanceReport:
    """Measure ``source`` (a path, bytes or a binary stream) against a format profile.

    ``family`` is ``dang`` or ``nha_nuoc`` (``nha-nuoc``); None reads it from the
    motto line. ``profile`` is an id, a profile file or a :class:`FormatProfile`.
    ``waivers`` maps rule ids (or ``element.*``) to the reason a pack deviates on
    purpose: those rules are reported as waived, not failed and not passed.
    """
    doc = Docx(source)
    fam = normalize_family(family) if family is not None else detect_family(doc)
    name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else "<bytes>"
    chosen, reason = _profile(doc, fam, profile)
    if chosen.family != fam:
        raise InputError(f"profile {chosen.id!r} is for the {chosen.family} family, not {fam}")
    found = locate(doc, fam, mm_to_twips(chosen.page.text_width_mm))
    results, unknown = _waive(all_rules(doc, chosen, found), waivers or {})
    return ConformanceReport(name, fam, chosen.id, reason, tuple(results), unknown)
