"""The district summary counted from the teams' own reports.

The seed's section I.5 ("Tính đến ngày 13/12/2023, có 17/17 Tổ huyện có báo
cáo … 21 khó khăn, vướng mắc (trong đó 3 …; 18 …); 14 kiến nghị, đề xuất …")
and its II.2.2 bullets (members short of the once-a-quarter rule, teams that
reported late) were counted by hand. Here they are counted from the data and
come out as the model's own statistics (``Ratio``, ``Tally``), so the
implementation report prints, checks and re-counts them like any other.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from pydantic import Field

from ..errors import InputError, Problem
from ..i18n import _
from ..model import Paragraph, Ratio, Span, Tally, TallyPart
from ..model.team_report import AUTHORITIES, TeamReport, name_key
from ..model.types import Model, NonEmptyText, Text
from ..vi import short_date

__all__ = [
    "IssueItem",
    "ReportedTeam",
    "ShortMember",
    "Summary",
    "UnattendedCell",
    "Wording",
    "aggregate",
]


class Wording(Model):
    """The fixed words of the summary's sentences; the defaults are the seed's."""

    team_noun: NonEmptyText = "Tổ huyện"
    sent_to: NonEmptyText = "Thường trực Huyện ủy (qua Ban Tổ chức Huyện ủy)"
    late_sent_to: NonEmptyText = "Ban Thường vụ Huyện ủy (qua Ban Tổ chức Huyện ủy)"
    difficulty_noun: NonEmptyText = "khó khăn, vướng mắc"
    proposal_noun: NonEmptyText = "kiến nghị, đề xuất"
    scope: NonEmptyText = "thuộc thẩm quyền của {authority}"


class ReportedTeam(Model):
    team: NonEmptyText
    submitted: dt.date
    late: bool = False


class IssueItem(Model):
    """A difficulty or proposal with the team that raised it, for the appendix."""

    team: NonEmptyText
    text: NonEmptyText
    authority: NonEmptyText


class ShortMember(Model):
    """A member who missed at least one quarter (``missed``: quarter numbers 1–4)."""

    team: NonEmptyText
    member: NonEmptyText
    role: Text = ""
    missed: tuple[int, ...]


class UnattendedCell(Model):
    team: NonEmptyText
    commune: NonEmptyText
    cell: NonEmptyText


class Summary(Model):
    """What the district learns from its teams' reports by ``as_of``."""

    as_of: dt.date
    year: int
    due: dt.date | None = None
    expected: int = Field(gt=0)
    expected_teams: tuple[NonEmptyText, ...] = ()
    reported: tuple[ReportedTeam, ...] = ()
    missing: tuple[NonEmptyText, ...] = ()
    """Expected teams with no report received by ``as_of`` (names known only from a list)."""
    difficulties: tuple[IssueItem, ...] = ()
    proposals: tuple[IssueItem, ...] = ()
    short_members: tuple[ShortMember, ...] = ()
    unattended_cells: tuple[UnattendedCell, ...] = ()
    wording: Wording = Field(default_factory=Wording)

    @property
    def late(self) -> list[ReportedTeam]:
        return [r for r in self.reported if r.late]

    def ratio(self) -> Ratio:
        """``17/17 Tổ huyện``."""
        return Ratio(value=len(self.reported), of=self.expected, noun=self.wording.team_noun)

    def _tally(self, items: Sequence[IssueItem], noun: str) -> Tally:
        counts = Counter(i.authority for i in items)
        order = [a for a in AUTHORITIES if a in counts] + sorted(set(counts) - set(AUTHORITIES))
        parts = [
            TallyPart(count=counts[a], scope=self.wording.scope.format(authority=a)) for a in order
        ]
        return Tally(total=len(items), noun=noun, parts=parts)

    def difficulty_tally(self) -> Tally:
        """``21 khó khăn, vướng mắc (trong đó 3 … Tổ huyện; 18 … Đảng ủy xã)``."""
        return self._tally(self.difficulties, self.wording.difficulty_noun)

    def proposal_tally(self) -> Tally:
        """``14 kiến nghị, đề xuất (trong đó 5 … Huyện ủy; 9 … Đảng ủy xã)``."""
        return self._tally(self.proposals, self.wording.proposal_noun)

    def statistics_paragraph(self) -> Paragraph:
        """Section I.5's paragraph in the seed's words, its figures typed statistics."""
        w = self.wording
        after_ratio = f" có báo cáo gửi về {w.sent_to}."
        if self.missing:
            names = ", ".join(self.missing)
            after_ratio += f" Còn {len(self.missing)} {w.team_noun} chưa gửi báo cáo ({names})."
        spans: list[Span | Tally | Ratio] = [
            Span(text=f"Tính đến ngày {short_date(self.as_of)}, có "),
            self.ratio(),
            Span(text=f"{after_ratio} Qua tổng hợp báo cáo của các {w.team_noun} có "),
            self.difficulty_tally(),
            Span(text="; "),
            self.proposal_tally(),
            Span(text="."),
        ]
        return Paragraph(spans=spans)

    def shortfall_sentences(self) -> dict[str, str]:
        """Section II.2.2's two sentences in the seed's words, supported by the data or not."""
        w = self.wording
        return {
            "members": f"Một số đồng chí thành viên {w.team_noun} chưa dành thời gian ít nhất "
            "01 lần/quý xuống dự sinh hoạt chi bộ khu dân cư theo sự phân công của Tổ trưởng.",
            "late": f"Một số {w.team_noun} chưa kịp thời gửi báo cáo hoạt động của Tổ năm "
            f"{self.year} về {w.late_sent_to}.",
        }

    def shortfall_items(self) -> list[Paragraph]:
        """The II.2.2 bullets the data supports (none when nobody fell short)."""
        said = self.shortfall_sentences()
        supported = {"members": bool(self.short_members), "late": bool(self.late)}
        return [Paragraph.model_validate(said[k]) for k in said if supported[k]]

    def figures(self) -> list[str]:
        """The figures a clerk checks, one per line (what ``baocao aggregate`` prints)."""

        def split(t: Tally) -> str:
            if not t.parts:
                return str(t.total)
            return f"{t.total} = " + " + ".join(str(p.count) for p in t.parts)

        def by(t: Tally) -> str:
            return "; ".join(p.sentence(t.noun) for p in t.parts)

        d, p = self.difficulty_tally(), self.proposal_tally()
        lines = [
            _("Tính đến ngày {day}: {ratio} có báo cáo").format(
                day=short_date(self.as_of), ratio=self.ratio().sentence()
            ),
            _("Khó khăn, vướng mắc: {split} ({by})").format(split=split(d), by=by(d)),
            _("Kiến nghị, đề xuất: {split} ({by})").format(split=split(p), by=by(p)),
        ]
        if self.missing:
            lines.append(_("Chưa gửi báo cáo: {names}").format(names=", ".join(self.missing)))
        if self.late:
            lines.append(
                _("Gửi muộn (hạn {due}): {teams}").format(
                    due=short_date(self.due) if self.due else "",
                    teams=", ".join(f"{r.team} ({short_date(r.submitted)})" for r in self.late),
                )
            )
        if self.short_members:
            lines.append(
                _("Thành viên chưa dự ít nhất 01 lần/quý: {n} ({who})").format(
                    n=len(self.short_members),
                    who="; ".join(
                        f"{m.member}, {m.team}, quý {', '.join(map(str, m.missed))}"
                        for m in self.short_members
                    ),
                )
            )
        if self.unattended_cells:
            lines.append(
                _("Chi bộ chưa được dự lần nào: {n} ({cells})").format(
                    n=len(self.unattended_cells),
                    cells="; ".join(
                        f"{c.cell}, {c.commune} ({c.team})" for c in self.unattended_cells
                    ),
                )
            )
        return lines


def aggregate(
    team_reports: Iterable[TeamReport],
    *,
    expected: int | Sequence[str],
    as_of: dt.date,
    due: dt.date | None = None,
    wording: Wording | None = None,
) -> Summary:
    """Count the teams' reports received by ``as_of``.

    ``expected`` is the list of teams assigned (their names, as the assignment
    decision writes them) or just how many there are. A report sent after
    ``as_of`` is not counted; one sent after ``due`` is counted and marked late.
    A report from a team not on the list, or two reports from one team, is an
    error: the figures would silently be wrong.
    """
    reports = list(team_reports)
    listed = not isinstance(expected, int)
    expected_teams = [] if isinstance(expected, int) else list(expected)
    count = expected if isinstance(expected, int) else len(expected_teams)
    known = {name_key(t): t for t in expected_teams}
    problems = []
    seen: dict[str, int] = {}
    for i, r in enumerate(reports):
        key = name_key(r.team)
        if listed and key not in known:
            problems.append(
                Problem(
                    (i, "team"),
                    _("{team!r} không có trong danh sách các Tổ được phân công").format(
                        team=r.team
                    ),
                )
            )
        if key in seen:
            problems.append(
                Problem(
                    (i, "team"),
                    _("{team!r} có hai báo cáo (báo cáo thứ {first} và {second})").format(
                        team=r.team, first=seen[key] + 1, second=i + 1
                    ),
                )
            )
        seen.setdefault(key, i)
    if count <= 0:
        problems.append(Problem(("expected",), _("danh sách các Tổ được phân công đang rỗng")))
    received = sorted((r for r in reports if r.submitted <= as_of), key=_order(expected_teams))
    if not listed and len(received) > count:
        problems.append(
            Problem(
                ("expected",),
                _("có {got} báo cáo nhưng chỉ {count} Tổ được phân công").format(
                    got=len(received), count=count
                ),
            )
        )
    if problems:
        raise InputError(_("không tổng hợp được báo cáo của các Tổ"), problems)
    got = {name_key(r.team) for r in received}
    year = received[0].year if received else as_of.year
    return Summary(
        as_of=as_of,
        year=year,
        due=due,
        expected=count,
        expected_teams=expected_teams,
        reported=[
            ReportedTeam(
                team=r.team, submitted=r.submitted, late=due is not None and r.submitted > due
            )
            for r in received
        ],
        missing=[t for t in expected_teams if name_key(t) not in got],
        difficulties=[
            IssueItem(team=r.team, text=d.text, authority=d.authority)
            for r in received
            for d in r.difficulties
        ],
        proposals=[
            IssueItem(team=r.team, text=p.text, authority=p.authority)
            for r in received
            for p in r.proposals
        ],
        short_members=[m for r in received for m in _short_members(r, as_of)],
        unattended_cells=[
            UnattendedCell(team=r.team, commune=commune, cell=cell)
            for r in received
            for commune, cell in r.unattended_cells()
        ],
        wording=wording or Wording(),
    )


def _order(teams: Sequence[str]) -> Callable[[TeamReport], tuple[int, str]]:
    """Sort reports in the list's order (then by name), so the appendix follows the decision."""
    rank = {name_key(t): i for i, t in enumerate(teams)}
    return lambda r: (rank.get(name_key(r.team), len(rank)), r.team)


def _short_members(report: TeamReport, as_of: dt.date) -> Iterable[ShortMember]:
    until = min(report.submitted, as_of)
    for m in report.members:
        missed = [
            q for q in report.quarters_due(m, until) if q not in report.quarters_attended(m.name)
        ]
        if missed:
            yield ShortMember(team=report.team, member=m.name, role=m.role, missed=missed)
