"""The short drawn rules of the header, sized per report for the .docx templates.

Nghị định 30 sizes the rules under the issuer and the trích yếu at 1/3–1/2 of
their text, which differs per report, so the length is computed from the
printed lines (:func:`baocao.profiles.metrics.fitted_rule_mm`) and the template
places the paragraph with ``{{p header.rules.issuer.within(3685) }}`` (the
cell width in twips).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..layout import Layout
from ..profiles import FormatProfile
from ..profiles.metrics import fitted_rule_mm
from ..profiles.units import mm_to_twips

__all__ = ["DrawnLine", "rule_lengths"]


@dataclass(frozen=True)
class _Markup:
    xml: str

    def __html__(self) -> str:
        return self.xml

    def __str__(self) -> str:
        return self.xml


@dataclass(frozen=True)
class DrawnLine:
    """A short drawn rule (đường kẻ) as long as a fraction of the printed line above it.

    Nghị định 30 sizes the rules under the issuer and the trích yếu at 1/3–1/2
    of their text, which differs per report, so the length is computed here and
    the template places it with ``{{p header.rules.issuer.within(3685) }}``
    (the cell width in twips): a ``BC Rule`` paragraph centred by its indents.
    """

    length_twips: int

    def within(self, cell_twips: int) -> _Markup:
        if self.length_twips <= 0:
            return _Markup("<w:p/>")
        side = max(0, (int(cell_twips) - self.length_twips) // 2)
        return _Markup(
            f'<w:p><w:pPr><w:pStyle w:val="BCRule"/><w:ind w:left="{side}" w:right="{side}"/>'
            "</w:pPr></w:p>"
        )


def rule_lengths(lay: Layout, profile: FormatProfile) -> dict[str, DrawnLine]:
    """Each short rule, a fraction of the printed line above it (NĐ 30: 1/3–1/2).

    Both keys are always there (a profile without the rule gives an empty line),
    so a template checks against any family's context.
    """
    h, d, e = lay.header, profile.dividers, profile.elements
    out = {"issuer": 0.0, "subject": 0.0}
    if d.issuer_rule is not None:
        names = [ln.text for ln in h.issuer if ln.bold] or [h.issuer_name]
        lines = [part for name in names for part in name.split("\n")]
        out["issuer"] = fitted_rule_mm(d.issuer_rule, lines, e.issuer_name)
    if d.subject_rule is not None:
        out["subject"] = fitted_rule_mm(d.subject_rule, h.subject, e.subject)
    return {k: DrawnLine(mm_to_twips(v)) for k, v in out.items()}
