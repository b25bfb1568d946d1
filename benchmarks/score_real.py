"""How numcheck's relation linker and checks do on real published news, against hand labels.

Usage::

    python benchmarks/score_real.py [CORPUS_DIR] [--split dev|heldout|all] [--labels PATH] [--meta PATH]
                                    [--old-rule] [--json] [--misses]

``CORPUS_DIR`` (default ``corpora/bbc``) is the corpus folder the labels' paths point into: a label's
``path`` is ``corpora/<corpus>/<section>/<name>.txt`` and is looked up under ``CORPUS_DIR`` without
its first two parts. The corpus is never in git; the labels (``real_relations.jsonl`` for BBC) carry
only paths, character offsets, kinds, roles and short notes of our own. The meta file beside them
(``real_relations.meta.json``, or ``--meta``) lists the examined articles, the rule that picked them
and the held-out split (``heldout``: seed, fraction, rule, articles). A second corpus needs only its
own labels and meta file: ``score_real.py corpora/other --labels other.jsonl``.

``--split dev`` (the default) scores the articles outside the held-out list; ``heldout`` scores the
held-out list, which by rule is done rarely (once for a round's baseline, once at its end) and never
to decide a code change; ``all`` scores both together.

Findings count at the severity each rule had at the start of round 3 (``severity_round3.json``), so
a default lowered later cannot lower these counts; a rule of that table that is no longer loaded is
named in the report.

Two measurements:

* **Linker precision/recall.** A predicted relation matches a label when the kinds are equal and its
  claims are exactly the labelled figures, one claim on each labelled span, each in the labelled role
  (roles are ignored for repeated_figure, and parts of a sum may come in any order). A prediction with
  a figure too many or too few is a miss *and* an unmatched prediction. ``--old-rule`` scores by the
  looser rule used before round 3 (every labelled span overlaps a claim in its role, extras allowed).
  Each label and each prediction is used at most once. Precision counts every relation predicted
  in the examined articles. Recall is also given for the *checkable* labels only: a change stated
  as "rose 4.3% to 1.97bn" is a real relation but no check can test it without the old value, and
  the linker only links changes with both an old and a new value.
* **Planted errors.** Each consistent, plantable label gets one wrong figure (``planted.py``), once in
  the gross set and once in the fine set; the corrupted article is checked and the plant counts as
  caught when a warning or error that the clean article did not have involves the planted figure or
  one of the relation's figures.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import planted

from numcheck import Checker
from numcheck.inputs import decode_bytes
from numcheck.model import RELATION_KINDS, Claim, Relation, Report

HERE = Path(__file__).resolve().parent
LABELS = HERE / "real_relations.jsonl"
META = HERE / "real_relations.meta.json"
CORPUS = Path("corpora/bbc")
#: Each rule's severity at the start of round 3 (see `checker_at_start`).
SEVERITY_TABLE = HERE / "severity_round3.json"
SPLITS = ("dev", "heldout", "all")
PLANT_SETS = ("gross", "fine")
ALARM = frozenset({"warning", "error"})
ORDERLESS = frozenset({"repeated_figure"})
#: Label roles that name the same thing as a linker role.
ROLE_ALIASES = {"delta": "change"}
LABEL_FIELDS = {"path": str, "kind": str, "spans": list, "roles": list, "consistent": bool, "note": str}


class LabelError(ValueError):
    """A line of the labels file is not a well-formed relation label."""


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    """The labels, each validated; a bad line raises `LabelError` naming its line number."""
    labels = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise LabelError(f"{path.name}:{number}: not JSON ({error.msg})") from None
            labels.append(validate(row, f"{path.name}:{number}"))
    return labels


def validate(label: Mapping[str, Any], where: str = "label") -> dict[str, Any]:
    """Check one label's shape (not its offsets, which need the corpus)."""
    for name, kind in LABEL_FIELDS.items():
        if not isinstance(label.get(name), kind):
            raise LabelError(f"{where}: field {name!r} missing or not {kind.__name__}")
    if label["kind"] not in RELATION_KINDS:
        raise LabelError(f"{where}: unknown kind {label['kind']!r}")
    spans, roles = label["spans"], label["roles"]
    if len(spans) < 2 or len(spans) != len(roles):
        raise LabelError(f"{where}: needs at least two spans and one role per span")
    for span in [*spans, *([label["cue"]] if "cue" in label else [])]:
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)
                and 0 <= span[0] < span[1]):
            raise LabelError(f"{where}: bad span {span!r}")
    if not all(isinstance(role, str) and role for role in roles):
        raise LabelError(f"{where}: roles must be non-empty strings")
    parts = Path(label["path"]).parts
    if len(parts) < 3 or parts[0] != "corpora" or not label["path"].endswith(".txt"):
        raise LabelError(f"{where}: path must be corpora/<corpus>/.../<name>.txt")
    return dict(label)


def load_meta(path: Path = META) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def meta_for(labels: Path) -> Path:
    """The meta file beside a labels file: ``x.jsonl`` has ``x.meta.json``."""
    return labels.with_suffix(".meta.json")


def pick_heldout(articles: Iterable[str], seed: int, fraction: float) -> list[str]:
    """The held-out articles: ``fraction`` of each section (the folder after ``corpora/<corpus>/``),
    drawn by a generator seeded with ``seed`` from the sorted paths, so the same seed gives the same
    split on any machine and every section keeps its share."""
    sections: dict[str, list[str]] = defaultdict(list)
    for path in sorted(articles):
        sections[Path(path).parts[2]].append(path)
    rng = random.Random(seed)
    return sorted(p for _, paths in sorted(sections.items()) for p in rng.sample(paths, round(len(paths) * fraction)))


def split_articles(meta: Mapping[str, Any], split: str) -> list[str]:
    """The articles of ``split``: ``heldout`` is the meta file's recorded list, ``dev`` the rest.
    Articles the meta file lists relative to the corpus ("business/x.txt") are named as labels
    name them ("corpora/<corpus>/business/x.txt"), after the held-out list's own prefix."""
    held = list(meta.get("heldout", {}).get("articles", []))
    prefix = next((h[: -len(a)] for h in held for a in meta["articles"] if h.endswith("/" + a)), "")
    articles = sorted(a if a.startswith("corpora/") else prefix + a for a in meta["articles"])
    if split == "all":
        return articles
    if "articles" not in meta.get("heldout", {}):
        raise LabelError("the meta file records no held-out list ('heldout': {'articles': [...]}); "
                         "use --split all, or pick one with pick_heldout")
    heldout = set(meta["heldout"]["articles"])
    return [a for a in articles if (a in heldout) == (split == "heldout")]


def levels_at_start(table: Path = SEVERITY_TABLE) -> tuple[dict[str, str], list[str]]:
    """Each loaded rule's severity at the start of round 3, and the table's rules no longer active.

    A rule whose default was later lowered still counts at its old level. The second value names the
    table's rules that are no longer loaded (removed, or off by default): their findings cannot be
    counted, and the reports say so rather than quietly scoring fewer alarms. `checker_at_start` and
    ``verdicts.py`` (which passes the levels to the CLI) both take the levels from here.
    """
    levels = json.loads(table.read_text(encoding="utf-8"))["severity"]
    loaded = Checker().known_ids
    forced = {rule: level for rule, level in levels.items() if rule in loaded}
    active = {rule.id for rule in Checker(severity=forced).ruleset.rules}
    return forced, sorted(rule for rule in levels if rule not in active)


def checker_at_start(table: Path = SEVERITY_TABLE) -> tuple[Checker, list[str]]:
    """A default Checker whose rules keep the severity they had at the start of round 3 (`levels_at_start`)."""
    forced, unloaded = levels_at_start(table)
    return Checker(severity=forced), unloaded


def article_file(corpus: Path, label_path: str) -> Path:
    """Where a label's article lives under ``corpus`` (label paths start ``corpora/<corpus>/``)."""
    return corpus.joinpath(*Path(label_path).parts[2:])


def read_article(corpus: Path, label_path: str) -> str:
    """The article text decoded exactly as numcheck decodes files, so offsets agree."""
    return decode_bytes(article_file(corpus, label_path).read_bytes(), label_path)


def checkable(label: Mapping[str, Any]) -> bool:
    """A relation some check can test on its own: a change needs both its old and new value."""
    return label["kind"] != "change" or {"old", "new"} <= set(label["roles"])


def _overlaps(a: Sequence[int], b: Sequence[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def matches(label: Mapping[str, Any], relation: Relation, claims: Mapping[str, Claim], strict: bool = True) -> bool:
    """Whether ``relation`` is the labelled relation.

    Strict (the default): the relation's claims are exactly the labelled figures, one claim per
    labelled span, each in the labelled role (roles are ignored for repeated_figure). A relation
    with a figure too many or too few is a different relation, so it is a miss and an unmatched
    prediction at once. ``strict=False`` is the rule used until round 3, kept to compare with old
    figures: every labelled span overlaps some claim in the same role, extra claims allowed.
    """
    if relation.kind != label["kind"]:
        return False
    wanted = [(tuple(span), ROLE_ALIASES.get(role, role)) for span, role in zip(label["spans"], label["roles"],
                                                                                strict=True)]
    if not strict:
        return all(_fits(span, role, relation, claims, range(len(relation.claims))) for span, role in wanted)
    if len(relation.claims) != len(wanted):
        return False
    return _one_to_one(wanted, relation, claims, frozenset(range(len(relation.claims))))


def _fits(span: Sequence[int], role: str, relation: Relation, claims: Mapping[str, Claim],
          free: Iterable[int]) -> list[int]:
    """The claim positions in ``free`` that lie on ``span`` and play ``role`` (any role for repeats;
    under the old rule also any role when the relation has no claim of that role)."""
    hits = [i for i in free if _overlaps(span, (claims[relation.claims[i]].start, claims[relation.claims[i]].end))]
    if relation.kind not in ORDERLESS and role in relation.roles:
        hits = [i for i in hits if relation.roles[i] == role]
    return hits


def _one_to_one(wanted: Sequence[tuple[Sequence[int], str]], relation: Relation, claims: Mapping[str, Claim],
                free: frozenset[int]) -> bool:
    """Whether each labelled (span, role) gets its own claim; small n, so plain backtracking."""
    if not wanted:
        return not free
    span, role = wanted[0]
    hits = _fits(span, role, relation, claims, sorted(free))
    if relation.kind not in ORDERLESS:
        hits = [i for i in hits if relation.roles[i] == role]
    return any(_one_to_one(wanted[1:], relation, claims, free - {i}) for i in hits)


def loosely_matches(label: Mapping[str, Any], relation: Relation, claims: Mapping[str, Claim]) -> bool:
    """Same kind and at least two labelled figures among the claims: the linker found part of it."""
    if relation.kind != label["kind"]:
        return False
    spans = [(claims[cid].start, claims[cid].end) for cid in relation.claims]
    return sum(any(_overlaps(s, c) for c in spans) for s in label["spans"]) >= 2


def pair(labels: Sequence[Mapping[str, Any]], report: Report, strict: bool = True) -> tuple[list[int], list[int]]:
    """Greedy one-to-one matching: the index of each label's prediction (or -1), and the unused ones."""
    claims = {c.id: c for c in report.claims}
    used: set[int] = set()
    found = []
    for label in labels:
        index = next((i for i, r in enumerate(report.relations)
                      if i not in used and matches(label, r, claims, strict)), -1)
        if index >= 0:
            used.add(index)
        found.append(index)
    return found, [i for i in range(len(report.relations)) if i not in used]


def _alarm_keys(report: Report, to_clean: Any = None) -> dict[tuple[str, tuple[int, ...]], list[tuple[int, int]]]:
    """Each warning/error finding keyed by rule and claim starts in clean-article offsets."""
    claims = {c.id: c for c in report.claims}
    keys = {}
    for finding in report.findings:
        if finding.severity in ALARM:
            spans = [(claims[cid].start, claims[cid].end) for cid in finding.claims if cid in claims]
            if to_clean is not None:
                spans = [(to_clean(s), to_clean(e)) for s, e in spans]
            keys[(finding.rule, tuple(sorted(s for s, _ in spans)))] = spans
    return keys


def plant_outcome(checker: Checker, text: str, label: Mapping[str, Any], clean: Report,
                  fine: bool = False) -> dict[str, Any] | None:
    """Plant one error (gross, or fine) into ``label``'s relation and say whether a new alarm points at it."""
    try:
        edit = planted.plant(text, label, fine)
    except (ValueError, KeyError):
        return None  # a span with no printed figure ("doubling") or a cue word with no flip ("up from")
    if edit is None:
        return None
    corrupted = checker.check(edit.text, source=label["path"])

    def to_clean(position: int) -> int:
        return position - edit.delta if position >= edit.new_end else min(position, edit.old_end)

    before = _alarm_keys(clean)
    new = {k: v for k, v in _alarm_keys(corrupted, to_clean).items() if k not in before}
    targets = [tuple(s) for s in label["spans"]] + [(edit.start, edit.old_end)]
    caught = [rule for (rule, _), spans in new.items() if any(_overlaps(s, t) for s in spans for t in targets)]
    baseline = sum(1 for spans in before.values() if any(_overlaps(s, t) for s in spans for t in targets))
    return {"caught": bool(caught), "rules": sorted(set(caught)), "how": edit.how,
            "edit": f"{edit.before!r} -> {edit.after!r}", "baseline": baseline}


def score(corpus: Path | str, labels: Sequence[Mapping[str, Any]] | None = None,
          articles: Iterable[str] | None = None, checker: Checker | None = None,
          strict: bool = True) -> dict[str, Any]:
    """Linker precision/recall and planted-error recall (gross and fine) over the labelled articles.

    The default checker is `checker_at_start`: findings count at the severity of the start of round 3.
    """
    corpus = Path(corpus)
    labels = load_labels() if labels is None else labels
    articles = sorted(load_meta()["articles"] if articles is None else articles)
    unloaded: list[str] = []
    if checker is None:
        checker, unloaded = checker_at_start()
    by_path: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for label in labels:
        by_path[label["path"]].append(label)
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    misses, extras, plants = [], [], []
    noise = 0
    for path in articles:
        text = read_article(corpus, path)
        report = checker.check(text, source=path)
        noise += sum(f.severity in ALARM for f in report.findings)
        mine = by_path.get(path, [])
        found, unused = pair(mine, report, strict)
        claims = {c.id: c for c in report.claims}
        for relation in report.relations:
            tally[relation.kind]["predicted"] += 1
        for label, index in zip(mine, found, strict=True):
            row = tally[label["kind"]]
            row["labels"] += 1
            row["checkable"] += checkable(label)
            if index >= 0:
                row["matched"] += 1
                row["checkable_matched"] += checkable(label)
            else:
                loose = any(loosely_matches(label, r, claims) for r in report.relations)
                row["loose"] += loose
                misses.append({"path": path, "kind": label["kind"], "note": label["note"], "partial_link": loose,
                               "checkable": checkable(label)})
            for plant_set in PLANT_SETS:
                outcome = plant_outcome(checker, text, label, report, plant_set == "fine")
                if outcome is not None:
                    plants.append({"set": plant_set, "path": path, "kind": label["kind"], "note": label["note"],
                                   "linked": index >= 0, **outcome})
        for index in unused:
            relation = report.relations[index]
            extras.append({"path": path, "kind": relation.kind, "cue": relation.cue,
                           "figures": [claims[c].text for c in relation.claims]})
    for label in labels:
        if label["consistent"] and label["path"] in set(articles):
            tally[label["kind"]]["consistent"] += 1
    result = _summarise(tally, misses, extras, plants, noise, len(articles))
    result["scoring"] = "strict" if strict else "old (overlap, extras allowed)"
    result["rules_not_loaded"] = unloaded
    return result


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 3) if denominator else None


def _plant_counts(plants: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    caught = sum(item["caught"] for item in plants)
    return {"planted": len(plants), "caught": caught, "recall": _ratio(caught, len(plants))}


def _summarise(tally: Mapping[str, Counter[str]], misses: list[dict[str, Any]], extras: list[dict[str, Any]],
               plants: list[dict[str, Any]], noise: int, articles: int) -> dict[str, Any]:
    kinds: dict[str, Any] = {}
    total: Counter[str] = Counter()
    for kind in RELATION_KINDS:
        row = tally.get(kind, Counter())
        total.update(row)
        kinds[kind] = {
            "labels": row["labels"], "checkable": row["checkable"], "predicted": row["predicted"],
            "matched": row["matched"], "precision": _ratio(row["matched"], row["predicted"]),
            "recall": _ratio(row["matched"], row["labels"]),
            "recall_checkable": _ratio(row["checkable_matched"], row["checkable"]),
            "partial_links": row["loose"],
            **{plant_set: _plant_counts([p for p in plants if p["kind"] == kind and p["set"] == plant_set])
               for plant_set in PLANT_SETS},
        }
    sets: dict[str, Any] = {}
    for plant_set in PLANT_SETS:
        mine = [p for p in plants if p["set"] == plant_set]
        how: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for item in mine:
            how[item["how"]].append(item)
        sets[plant_set] = {
            **_plant_counts(mine), "not_plantable": total["labels"] - len(mine),
            "linked": sum(item["linked"] for item in mine),
            "caught_linked": sum(item["linked"] and item["caught"] for item in mine),
            "with_baseline_alarm": sum(item["baseline"] > 0 for item in mine),
            "by_edit": {k: _plant_counts(v) for k, v in sorted(how.items())},
        }
    return {
        "articles": articles,
        "labels": total["labels"],
        "overall": {
            "predicted": total["predicted"], "matched": total["matched"],
            "precision": _ratio(total["matched"], total["predicted"]),
            "recall": _ratio(total["matched"], total["labels"]),
            "recall_checkable": _ratio(total["checkable_matched"], total["checkable"]),
            "checkable": total["checkable"], "partial_links": total["loose"],
            "baseline_alarms": noise,
        },
        "kinds": kinds,
        "plants_by_set": sets,
        "misses": misses,
        "unmatched_predictions": extras,
        "plants": plants,
    }


def render(result: Mapping[str, Any], show_misses: bool = False) -> str:
    """The human-readable report: one row per relation kind, then the totals."""
    head = f"{result.get('split', 'all')}: " if "split" in result else ""
    lines = [f"{head}{result['articles']} articles, {result['labels']} labelled relations, "
             f"{result.get('scoring', 'strict')} scoring",
             "", f"{'kind':<16}{'labels':>7}{'pred':>6}{'match':>6}{'P':>7}{'R':>7}{'R(chk)':>8}"
             f"{'gross':>8}{'caught':>7}{'R':>6}{'fine':>7}{'caught':>7}{'R':>6}"]

    def fmt(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    def plants(row: Mapping[str, Any]) -> str:
        return "".join(f"{row[s]['planted']:>{w}}{row[s]['caught']:>7}{fmt(row[s]['recall']):>6}"
                       for s, w in (("gross", 8), ("fine", 7)))

    for kind, row in result["kinds"].items():
        lines.append(f"{kind:<16}{row['labels']:>7}{row['predicted']:>6}{row['matched']:>6}{fmt(row['precision']):>7}"
                     f"{fmt(row['recall']):>7}{fmt(row['recall_checkable']):>8}{plants(row)}")
    o, sets = result["overall"], result["plants_by_set"]
    lines.append(f"{'overall':<16}{result['labels']:>7}{o['predicted']:>6}{o['matched']:>6}{fmt(o['precision']):>7}"
                 f"{fmt(o['recall']):>7}{fmt(o['recall_checkable']):>8}{plants(sets)}")
    lines += ["", f"checkable labels: {o['checkable']}; missed labels the linker partly linked: {o['partial_links']}",
              f"warning/error findings on the clean articles: {o['baseline_alarms']} (only new findings count as "
              "caught)"]
    for name, row in sets.items():
        lines += [f"{name} plants: not plantable {row['not_plantable']} (consistent=false, no check could test "
                  f"them, or no one edit breaks them beyond rounding); in relations the linker found "
                  f"{row['linked']}, caught {row['caught_linked']}; by edit: "
                  + ", ".join(f"{k} {v['caught']}/{v['planted']}" for k, v in row["by_edit"].items())]
    if result.get("rules_not_loaded"):
        lines.append("rules in the severity table that are not loaded, so their findings cannot count: "
                     + ", ".join(result["rules_not_loaded"]))
    if show_misses:
        lines += ["", "missed labels:"] + [f"  {m['path']} {m['kind']}: {m['note']}" for m in result["misses"]]
        lines += ["", "uncaught plants:"] + [f"  {p['set']} {p['path']} {p['kind']} {p['edit']}: {p['note']}"
                                             for p in result["plants"] if not p["caught"]]
        lines += ["", "unmatched predictions:"] + [f"  {e['path']} {e['kind']} ({e['cue']}): {e['figures']}"
                                                   for e in result["unmatched_predictions"]]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=CORPUS,
                        help="the corpus folder the labels' paths point into (default corpora/bbc)")
    parser.add_argument("--labels", type=Path, default=LABELS, help="labels file (default: the BBC labels)")
    parser.add_argument("--meta", type=Path, default=None,
                        help="its meta file: article list and held-out split (default: beside the labels)")
    parser.add_argument("--split", choices=SPLITS, default="dev",
                        help="dev (default), heldout (scored rarely, by rule) or all")
    parser.add_argument("--old-rule", action="store_true",
                        help="match labels by the looser rule used before round 3 (for comparison only)")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--misses", action="store_true", help="list missed labels, uncaught plants, extra links")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"score_real: {args.corpus} is not a folder (get the corpus first; see benchmarks/REAL_NEWS.md)",
              file=sys.stderr)
        return 2
    meta_path = args.meta or meta_for(args.labels)
    try:
        labels, meta = load_labels(args.labels), load_meta(meta_path)
        articles = split_articles(meta, args.split)
    except (OSError, ValueError, KeyError) as error:  # LabelError and bad JSON are ValueErrors
        print(f"score_real: {args.labels} (meta {meta_path}): {error}", file=sys.stderr)
        return 2
    result = score(args.corpus, [lb for lb in labels if lb["path"] in set(articles)], articles,
                   strict=not args.old_rule)
    result["split"] = args.split
    print(json.dumps(result, indent=1) if args.json else render(result, args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
