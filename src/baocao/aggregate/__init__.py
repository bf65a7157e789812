"""Roll-up: the district summary counted from the teams' own reports.

See docs/aggregation.md. ``aggregate()`` counts, ``Summary`` holds the counts and
says them in the seed's words; ``fill`` puts them into an implementation
report; ``appendix`` lists every item; ``merge`` joins report and appendix.
"""

from ..model.team_report import TeamReport
from .reading import (
    ASSIGNMENT_FILE,
    Assignment,
    load_assignment,
    load_team_report,
    load_team_reports,
)
from .summary import (
    IssueItem,
    ReportedTeam,
    ShortMember,
    Summary,
    UnattendedCell,
    Wording,
    aggregate,
)

__all__ = [
    "ASSIGNMENT_FILE",
    "Assignment",
    "IssueItem",
    "ReportedTeam",
    "ShortMember",
    "Summary",
    "TeamReport",
    "UnattendedCell",
    "Wording",
    "aggregate",
    "load_assignment",
    "load_team_report",
    "load_team_reports",
]
