"""The pipeline for one text: document → claims → relations → findings.

A `Checker` is built once per process (or per worker) and reused for every article: it owns the
compiled rule set and the caches, so an archive run pays for loading rules and quantulum3 once,
not once per article. It holds no global state, so two Checkers with different rules can live
side by side (the pytest plugin keeps one per session, the CLI one per worker).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from numcheck.document import Document, read_document
from numcheck.extract.extractor import Extractor
from numcheck.extract.stream import Part, parts, written
from numcheck.model import Claim, Finding, Relation, Report

if TYPE_CHECKING:
    from numcheck.rule import Where
    from numcheck.ruleset import RuleSet

__all__ = ["Checker", "check", "extract"]


class Checker:
    """Checks many texts with one compiled rule set.

    ``rules`` are extra rule-pack paths (files or folders); the default packs are included unless
    ``use_default_rules`` is False. ``select``/``disable`` take rule ids or check kinds;
    ``severity`` maps a rule id to an overriding severity. Unknown ids raise `ConfigError`, so a
    typo in CI config fails loudly instead of silently checking nothing.
    """

    def __init__(
        self,
        rules: Sequence[str] | str | None = None,
        *,
        use_default_rules: bool = True,
        select: Iterable[str] = (),
        disable: Iterable[str] = (),
        severity: dict[str, str] | None = None,
    ) -> None:
        # Linking and the rule loader are imported when the first Checker is built, not by
        # ``import numcheck``: a script that only extracts, or only imports, never pays for them.
        from numcheck.ruleset import load_rules

        paths = [rules] if isinstance(rules, str) else list(rules or ())
        ruleset = load_rules(paths, use_defaults=use_default_rules)
        self.ruleset: RuleSet = ruleset.configured(select=select, disable=disable, severity=severity or {})
        # Every loaded id, disabled ones too: a suppression naming a rule the config turned off is
        # not a typo and must not be warned about.
        self.known_ids = ruleset.ids
        self.extractor = Extractor()

    def read(self, text: str, kind: str = "text") -> Document:
        return read_document(text, kind)

    def extract(self, text: str, kind: str = "text") -> list[Claim]:
        """The claims of one text, in reading order."""
        return list(self.extractor.extract(self.read(text, kind)))

    def claims(self, text: str, kind: str = "text") -> Sequence[Claim]:
        """The claims of one text for a writer: a tuple, or for a claim-dense input of several
        parts a `ClaimStream` that extracts them again as they are written (see `check`)."""
        document = self.read(text, kind)
        count, last = 0, Part(())
        for part in parts(self.extractor, document):
            count, last = count + len(part.claims), part
        return written(document, count, last, self.extractor)

    def check(self, text: str, source: str = "<text>", kind: str | None = None) -> Report:
        """Run every rule over one text and return its `Report`; never raises on odd text.

        The claims are linked and checked `numcheck.extract.stream.PART_CLAIMS` at a time (every
        news article is one part), and only relations and findings are kept across parts, so memory
        follows the part, not the input: a megabyte with a figure every three characters stays within
        issue 15's bound.
        """
        from numcheck.document import kind_for_path
        from numcheck.relate import link
        from numcheck.suppress import apply_suppressions

        document = self.read(text, kind or kind_for_path(source))
        relations: list[Relation] = []
        findings: list[Finding] = []
        problems: dict[str, None] = {}  # a linker failing in every part is said once
        count, last = 0, Part(())
        for part in parts(self.extractor, document):
            linking = link(document, part.claims, span=part.span)
            numbered = renumbered(linking.relations, len(relations))
            relations.extend(numbered)
            findings.extend(self.run_rules(document, part.claims, numbered, source))
            problems.update(dict.fromkeys(linking.problems))
            count, last = count + len(part.claims), part
        findings.sort(key=lambda f: (f.start, f.rule))
        findings, warnings = apply_suppressions(document, findings, self.known_ids, source=source)
        # A linker that failed on this text lost only its own relations; say so beside the findings.
        return Report(source=source, claims=written(document, count, last, self.extractor),
                      relations=tuple(relations), findings=tuple(findings),
                      warnings=(*(f"{source}: {problem}" for problem in problems), *warnings))

    def run_rules(
        self, document: Document, claims: Sequence[Claim], relations: tuple[Relation, ...], source: str
    ) -> list[Finding]:
        findings: list[Finding] = []
        sentence_tests: dict[tuple[int, int], bool] = {}
        index = ClaimIndex(claims)
        for rule in self.ruleset.of_scope("claims"):  # checks across articles run in compare_frame
            candidate = rule.kind.candidate
            visible = tuple(c for c in index.for_where(rule.where) if (candidate is None or candidate(rule, c))
                            and rule.where.matches(c, document, sentence_tests))
            ids = {c.id for c in visible}
            linked = tuple(r for r in relations if all(i in ids for i in r.claims))
            for finding in rule.kind.run(rule, visible, linked):
                findings.append(dataclasses.replace(finding, source=source))
        findings.sort(key=lambda f: (f.start, f.rule))
        return findings


class ClaimIndex:
    """An article's claims grouped once by unit and by the last word of their noun, so each rule
    looks only at the claims its ``where`` can match instead of every claim (19 rules x every
    figure of a long article). The groups are a superset of the matches: ``Where.matches`` still
    decides, so a rule sees exactly what it saw before, in the same order."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.claims = tuple(claims)
        self.by_unit: dict[str, list[int]] = {}
        self.by_noun: dict[str, list[int]] = {}
        for position, claim in enumerate(claims):
            self.by_unit.setdefault(claim.unit, []).append(position)
            if claim.noun:
                self.by_noun.setdefault(claim.noun.lower().rsplit(" ", 1)[-1], []).append(position)

    def for_where(self, where: Where) -> tuple[Claim, ...]:
        """The claims ``where`` may match, in reading order."""
        if where.units:
            positions = {p for unit in where.units for p in self.by_unit.get(unit, ())}
        elif where.nouns:
            positions = {p for noun in where.nouns for p in self.by_noun.get(noun.lower().rsplit(" ", 1)[-1], ())}
        else:
            return self.claims
        return tuple(self.claims[p] for p in sorted(positions))


def renumbered(relations: tuple[Relation, ...], before: int) -> tuple[Relation, ...]:
    """``relations`` numbered on from ``before`` relations of the earlier parts of the same text."""
    if not before:
        return relations
    return tuple(dataclasses.replace(r, id=f"r{before + k}") for k, r in enumerate(relations, start=1))


def extract(text: str) -> list[Claim]:
    """Every quantity in ``text`` as a `Claim` (plain text; see `Checker.extract` for Markdown)."""
    return Checker(use_default_rules=False).extract(text)


def check(text: str, rules: Sequence[str] | str | None = None, source: str = "<text>") -> Report:
    """Check one text with the default packs plus ``rules``; build a `Checker` to check many."""
    return Checker(rules=rules).check(text, source=source)
