"""Link claims into relations the checks can compare, conservatively.

A false link is worse than none: an unlinked pair is silent, a wrongly linked pair is a false alarm
that costs the editor's trust. So every link needs a cue in the text between or around the figures
("26 *of* 35", "*group of* 35 countries ... 26 countries", "launched 112 drones ... *intercepted* 84
drones", "*rose* 8% *from* 2.5 million *to* 2.9 million"), the units must match, and links that
reach across sentences also need the same counted noun and refuse figures pinned to different
times, places or named subjects ("17 last year" and "18 this year"; "in Kharkiv" and "in Odesa").

The package is shaped like ``numcheck.checks``: `ClauseView` (``clause.py``) is what every linker
reads of the text; one module per relation kind holds its linkers (``part_whole``, ``sum_of_parts``,
``percent_of``, ``fraction_of``, ``change``, ``repeated_figure``, and ``conversion``, whose
figures restated in another unit are repeated figures too); ``shapes.py`` holds the text shapes
more than one kind reads; ``tables.py`` the words. `LINKERS` below is the explicit, ordered registry:
earlier linkers win a duplicate, and a part already given a whole by an earlier part-linker is not
given another. `link` runs them all; a linker that raises loses only its own relations, and the
failure is reported in `Linking.problems` (the checker puts it in the report's warnings).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from numcheck.document import Document
from numcheck.model import Claim, Relation
from numcheck.relate import change, conversion, fraction_of, part_whole, percent_of, repeated_figure, sum_of_parts
from numcheck.relate.clause import ClauseView, Draft

__all__ = ["KINDS", "LINKERS", "Linker", "Linking", "link", "relate"]

#: The relation kinds, in the order two relations starting at one figure are numbered.
KINDS = ("part_of_whole", "sum_of_parts", "percent_of", "fraction_of", "change", "repeated_figure")


@dataclass(frozen=True, slots=True)
class Linker:
    """One linker of the registry: its name (in problem reports), the kind it builds, and the function.

    ``find`` takes the clause view and, when ``reads_found`` is set, the drafts found so far (a
    restatement is never a part of something else). ``one_part`` linkers give a part one whole: a
    draft whose part an earlier ``one_part`` linker already placed is dropped.
    """

    name: str
    kind: str
    find: Callable[..., Iterable[Draft]]
    reads_found: bool = False
    one_part: bool = False


LINKERS: tuple[Linker, ...] = (
    Linker("explicit-parts", "part_of_whole", part_whole.link_explicit_parts, one_part=True),
    Linker("named-wholes", "part_of_whole", part_whole.link_named_wholes, one_part=True),
    Linker("group-wholes", "part_of_whole", part_whole.link_group_wholes, one_part=True),
    Linker("subset-verbs", "part_of_whole", part_whole.link_subset_verbs, one_part=True),
    Linker("breakdowns", "sum_of_parts", sum_of_parts.link_breakdowns),
    Linker("percent-partitions", "sum_of_parts", sum_of_parts.link_percent_partitions),
    Linker("opposed-answers", "sum_of_parts", sum_of_parts.link_opposed_answers),
    Linker("percents", "percent_of", percent_of.link_percents),
    Linker("fractions", "fraction_of", fraction_of.link_fractions),
    Linker("changes", "change", change.link_changes),
    Linker("stated-between", "change", change.link_stated_between),
    Linker("anaphoric-changes", "change", change.link_anaphoric_changes),
    Linker("past-forecasts", "change", change.link_past_forecasts),
    Linker("stated-to-new", "change", change.link_stated_to_new, reads_found=True),
    Linker("of-which", "part_of_whole", part_whole.link_of_which),
    Linker("continuations", "sum_of_parts", sum_of_parts.link_continuations),
    Linker("restated-percents", "percent_of", percent_of.link_restated_percents),
    Linker("restated-fractions", "fraction_of", fraction_of.link_restated_fractions),
    Linker("named-fractions", "fraction_of", fraction_of.link_named_fractions),
    Linker("of-clauses", "part_of_whole", part_whole.link_of_clauses),
    Linker("share-lists", "sum_of_parts", sum_of_parts.link_share_lists),
    Linker("trade-balances", "sum_of_parts", sum_of_parts.link_trade_balances),
    Linker("financed-deals", "sum_of_parts", sum_of_parts.link_financed_deals),
    Linker("vote-shares", "sum_of_parts", sum_of_parts.link_vote_shares),
    Linker("remainders", "sum_of_parts", sum_of_parts.link_remainders, reads_found=True),
    Linker("share-restatements", "repeated_figure", repeated_figure.link_share_restatements),
    Linker("repeats", "repeated_figure", repeated_figure.link_repeats, reads_found=True),
    Linker("subject-repeats", "repeated_figure", repeated_figure.link_subject_repeats, reads_found=True),
    # Last, so that no restatement linker above takes a figure's conversion for a restatement made.
    Linker("conversions", "repeated_figure", conversion.link_conversions),
)


@dataclass(frozen=True, slots=True)
class Linking:
    """What linking found: the relations, numbered r1, r2, ... in text order, and one line for each
    linker that failed on this text (its relations are left out; the others stand)."""

    relations: tuple[Relation, ...]
    problems: tuple[str, ...] = ()


def link(document: Document, claims: Sequence[Claim], linkers: Sequence[Linker] | None = None,
         span: tuple[int, int] | None = None) -> Linking:
    """Run ``linkers`` (by default the registry `LINKERS`) in order over ``claims``. A linker that
    raises keeps the drafts it yielded before the error (each is whole) and the run goes on: one odd
    sentence must not cost an article its other findings. ``span`` is the stretch of text the claims
    come from when they are one part of a claim-dense input (see `ClauseView`)."""
    view = ClauseView(document, sorted(claims, key=lambda c: (c.start, c.end)), span)
    drafts: list[Draft] = []
    problems: list[str] = []
    placed_parts: set[str] = set()
    for linker in LINKERS if linkers is None else linkers:
        try:
            for draft in linker.find(view, tuple(drafts)) if linker.reads_found else linker.find(view):
                if linker.one_part:
                    if draft.claims[0].id in placed_parts:
                        continue
                    placed_parts.add(draft.claims[0].id)
                drafts.append(draft)
        except Exception as exc:  # a linker bug: lose its relations, never the article's other findings
            problems.append(f"linker {linker.name} failed ({type(exc).__name__}: {exc}); "
                            f"its {linker.kind} relations are left out")
    return Linking(_number(drafts), tuple(problems))


def relate(document: Document, claims: Sequence[Claim]) -> tuple[Relation, ...]:
    """The relations among ``claims``, numbered r1, r2, ... in text order (`link` without its problems)."""
    return link(document, claims).relations


def _number(drafts: Iterable[Draft]) -> tuple[Relation, ...]:
    unique: dict[tuple[str, tuple[str, ...]], Draft] = {}
    for draft in drafts:
        unique.setdefault((draft.kind, tuple(c.id for c in draft.claims)), draft)
    ordered = sorted(unique.values(), key=lambda d: (min(c.start for c in d.claims),
                                                      KINDS.index(d.kind), max(c.start for c in d.claims)))
    return tuple(
        Relation(id=f"r{i}", kind=d.kind, claims=tuple(c.id for c in d.claims), roles=d.roles, cue=d.cue,
                 sentence=max(c.sentence for c in d.claims), direction=d.direction, factor=d.factor,
                 partial=d.partial)
        for i, d in enumerate(ordered, start=1)
    )
