"""The objects passed between pipeline stages.

Every stage (document → claims → relations → findings → reports) hands the next one frozen
dataclasses, so no stage can quietly change what an earlier one decided, and a `Report` can be
cached, pickled to a worker process and compared in tests. The field names are the public JSON and
DataFrame contract in DESIGN.md: renaming one is a breaking change.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

# Re-exported: the model is where callers look these up; they live below it so that
# `numcheck.columns` can read them without importing the model back.
from numcheck.vocabulary import QUALIFIERS as QUALIFIERS
from numcheck.vocabulary import RELATION_KINDS as RELATION_KINDS
from numcheck.vocabulary import SEVERITIES as SEVERITIES


@dataclass(frozen=True, slots=True)
class Claim:
    """One quantity as the article states it.

    ``value`` is the figure as printed (scale applied: "1.1 billion" is 1.1e9). ``low``/``high``
    are what the printed figure can honestly mean once its rounding and qualifier are taken into
    account; the checks compare those intervals, never bare values, because a checker that ignores
    rounding raises false alarms (statcheck's lesson). ``precision`` is the size of one unit of the
    last printed digit (0.1e6 for "4.3 million", 1 for "300", 0 when the figure is exact by
    construction, such as a number word).
    """

    id: str
    text: str
    value: float
    unit: str
    noun: str | None
    qualifier: str
    low: float
    high: float
    precision: float
    start: int
    end: int
    sentence: int
    paragraph: int
    line: int
    column: int
    #: "number", "range", "fraction", "vague" or "ratio" (one in four): how the figure was written.
    kind: str = "number"
    #: How the noun was found when it does not follow the figure: "partitive" ("26 of 35
    #: countries"), "antecedent" ("84 of them") or "ellipsis" ("the Netherlands 24", a guess);
    #: empty when the noun follows directly.
    noun_source: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: an open-ended interval ("more than 100") has ``high`` null, not Infinity."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        for key in ("low", "high"):
            if not math.isfinite(data[key]):
                data[key] = None
        return data


@dataclass(frozen=True, slots=True)
class Relation:
    """A link between claims that lets a check compare them.

    ``claims`` are ids in role order (part before whole, parts before total, old before new) and
    ``roles`` names each one, so a check never has to guess which claim plays which part.
    """

    id: str
    kind: str
    claims: tuple[str, ...]
    roles: tuple[str, ...]
    cue: str
    sentence: int
    #: For change: "up", "down" or "" when the text gives no direction word.
    direction: str = ""
    #: For change: a multiplier word's factor ("doubled" 2.0, "halved" 0.5), else None.
    factor: float | None = None
    #: For sum_of_parts: the breakdown is introduced by "including"/"among them", so it may fall short.
    partial: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["claims"] = list(self.claims)
        data["roles"] = list(self.roles)
        return data


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an editor should look at, with the arithmetic spelled out.

    ``line``/``column`` are 1-based positions of the primary (first) claim in the original file,
    so an editor's cursor lands on the figure, not on the start of the sentence.
    """

    rule: str
    check: str
    severity: str
    message: str
    claims: tuple[str, ...]
    start: int
    end: int
    line: int
    column: int
    expected: float | None
    actual: float | None
    source: str
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["claims"] = list(self.claims)
        return data


@dataclass(frozen=True, slots=True)
class Report:
    """Everything numcheck learned about one article.

    ``errors`` holds input problems (unreadable file, row without text) as one-line messages;
    a report with errors still carries whatever could be checked.
    """

    source: str
    #: A tuple, or for a claim-dense input checked in parts a `numcheck.extract.stream.ClaimStream`
    #: that extracts the claims again as they are read: iterate it, and take ``len``.
    claims: Sequence[Claim] = ()
    relations: tuple[Relation, ...] = ()
    findings: tuple[Finding, ...] = ()
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when nothing at warning or error level was found and the input was readable."""
        return not self.errors and not any(f.severity in ("warning", "error") for f in self.findings)

    def named_claims(self) -> dict[str, Claim]:
        """The claims the findings name, by id: what a writer citing claims needs, without a dict
        of every claim (a claim-dense input has hundreds of thousands; see ``claims``)."""
        wanted = {i for f in self.findings for i in f.claims}
        return {c.id: c for c in self.claims if c.id in wanted} if wanted else {}

    def claims_frame(self) -> Any:
        """The claims as a pandas DataFrame (pandas is imported only when asked for)."""
        from numcheck.columns import claims_frame

        return claims_frame([self])

    def findings_frame(self) -> Any:
        """The findings as a pandas DataFrame with stable dtypes, empty or not."""
        from numcheck.columns import findings_frame

        return findings_frame([self])


def _reduce_by_init(self: Any) -> tuple[Any, tuple[Any, ...]]:
    """Pickle a stage object as a constructor call with its field values.

    dataclasses' own pickling of slotted classes calls ``fields()`` for every object it restores;
    with ``--jobs`` the parent restores every claim of every report, and that alone made the parent
    the bottleneck of the pool. A constructor call restores the same object several times faster.
    """
    return type(self), tuple(getattr(self, name) for name in type(self).__match_args__)


for _cls in (Claim, Relation, Finding, Report):
    _cls.__reduce__ = _reduce_by_init  # type: ignore[method-assign]
del _cls


def severity_rank(severity: str) -> int:
    """Order severities so ``--fail-on warning`` can compare them; unknown names rank lowest."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else -1


def is_currency(unit: str) -> bool:
    """Whether a Claim's ``unit`` is money: every currency is its ISO 4217 code ("EUR", "GBP"), and
    no other unit is three capital letters (physical units are lower-case quantulum3 names)."""
    return len(unit) == 3 and unit.isupper()


def shares_unit(a: Claim, b: Claim) -> bool:
    """Whether two claims measure in one unit, counting a figure that drops the physical unit of the
    other: "612,000 tonnes from 655,000" gives 655,000 as a bare count (or a count of "tonne"), and
    the two measure in tonnes. Money, shares and counts of a named thing never drop their unit."""
    if a.unit == b.unit:
        return True
    low, other = (a, b) if a.unit == "count" else (b, a)
    if low.unit != "count" or other.unit in ("percent", "percentage_point", "fraction") or is_currency(other.unit):
        return False
    return low.noun is None or low.noun == other.unit
