"""How accurately numcheck reads the figures in news text, against labels written by hand.

Usage::

    python benchmarks/score_extract.py [--split all|dev|heldout] [--json] [--external PATH] [--no-external]

It scores ``numcheck`` and quantulum3 on the labelled set in ``fixtures/extract`` (rules in
``fixtures/extract/GUIDELINES.md``: a prediction matches a label when their spans overlap and the
values agree), prints precision/recall/F1 for value, value+unit, noun and qualifier, lists the
predictions that fell on a deliberate non-claim (``negatives.jsonl``), and then scores the
Recognizers-Text specs in ``../shared/external/recognizers-text`` that fall under numcheck's
definition of a claim. The held-out split is for the final measurement only: tune on ``dev``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "extract"
EXTERNAL = ROOT.parent / "shared" / "external" / "recognizers-text"
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

#: Units a label may carry (GUIDELINES §3). A label outside this set is a typo, not a new unit.
CURRENCIES = frozenset({
    "EUR", "USD", "GBP", "JPY", "CNY", "RUB", "INR", "CHF", "AUD", "CAD", "KRW", "TRY", "BRL", "UAH",
})
PHYSICAL_UNITS = frozenset({
    "kilometre", "kilometre per hour", "metre", "mile", "mile per hour", "degree Celsius", "degree fahrenheit",
    "tonne", "kilogram", "barrel per day", "barrel", "millimetre", "centimetre", "square kilometre", "hectare",
    "megawatt", "gigawatt", "litre", "millibar", "second", "minute", "hour", "day", "week", "month", "year",
})
ALLOWED_UNITS = frozenset({"count", "percent", "percentage_point", "fraction"}) | CURRENCIES | PHYSICAL_UNITS
QUALIFIERS = frozenset({"eq", "approx", "gt", "ge", "lt", "le", "vague"})
KINDS = frozenset({"number", "range", "fraction", "vague", "ratio"})
METRICS = ("value", "value+unit", "noun", "qualifier")

#: quantulum3 unit names that mean one of our non-physical units.
_QUANTULUM_UNITS = {"percentage": "percent", "per cent": "percent", "dimensionless": "count"}


class LabelError(ValueError):
    """A label or negative that does not point at its text: the set is broken, so no score is printed."""


@dataclass(frozen=True, slots=True)
class Label:
    """One hand-labelled claim, with its span resolved in the original file."""

    file: str
    surface: str
    occurrence: int
    value: float
    unit: str
    noun: str | None
    qualifier: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Prediction:
    """What a system read at a span; ``noun``/``qualifier`` are None when the system has no such notion."""

    start: int
    end: int
    value: float
    unit: str
    noun: str | None = None
    qualifier: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Negative:
    file: str
    surface: str
    why: str
    start: int
    end: int


# ---------------------------------------------------------------- loading the labelled set


def locate(text: str, surface: str, occurrence: int) -> int:
    """Offset of the ``occurrence``-th (1-based) appearance of ``surface``, counting overlapping hits."""
    index = -1
    for _ in range(occurrence):
        index = text.find(surface, index + 1)
        if index == -1:
            raise LabelError(f"{surface!r} occurrence {occurrence} not found")
    return index


def read_article(file: str, root: Path = FIXTURES) -> str:
    return (root / file).read_text(encoding="utf-8")


def load_labels(root: Path = FIXTURES) -> list[Label]:
    """Every label, validated: the surface must exist and unit/qualifier/kind be canonical."""
    labels = []
    texts: dict[str, str] = {}
    for number, row in _jsonl(root / "labels.jsonl"):
        where = f"labels.jsonl:{number} ({row.get('file')} {row.get('surface')!r})"
        try:
            text = texts.setdefault(row["file"], read_article(row["file"], root))
            start = locate(text, row["surface"], row["occurrence"])
        except (OSError, KeyError, LabelError) as error:
            raise LabelError(f"{where}: {error}") from error
        for field, allowed in (("unit", ALLOWED_UNITS), ("qualifier", QUALIFIERS), ("kind", KINDS)):
            if row[field] not in allowed:
                raise LabelError(f"{where}: {field} {row[field]!r} is not one of the guidelines' values")
        labels.append(Label(row["file"], row["surface"], row["occurrence"], float(row["value"]), row["unit"],
                            row["noun"], row["qualifier"], row["kind"], start, start + len(row["surface"])))
    return labels


def load_negatives(root: Path = FIXTURES) -> list[Negative]:
    negatives = []
    for number, row in _jsonl(root / "negatives.jsonl"):
        try:
            start = locate(read_article(row["file"], root), row["surface"], row["occurrence"])
        except (OSError, LabelError) as error:
            raise LabelError(f"negatives.jsonl:{number}: {error}") from error
        negatives.append(Negative(row["file"], row["surface"], row["why"], start, start + len(row["surface"])))
    return negatives


def split_files(split: str, root: Path = FIXTURES) -> list[str]:
    """The article files of ``split`` (all, dev or heldout), relative to the fixtures folder."""
    every = sorted(f"articles/{p.name}" for p in (root / "articles").iterdir() if p.is_file())
    if split == "all":
        return every
    heldout = set(json.loads((root / "split.json").read_text(encoding="utf-8"))["heldout"])
    if split == "heldout":
        return [f for f in every if f in heldout]
    if split == "dev":
        return [f for f in every if f not in heldout]
    raise ValueError(f"unknown split {split!r} (expected all, dev or heldout)")


def _jsonl(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield number, json.loads(line)


# ---------------------------------------------------------------- matching


def values_equal(gold: float, predicted: float, fraction: bool = False) -> bool:
    """Equal within relative 1e-6; fractions within 1e-3 absolute, since "a third" may print as 0.3333."""
    if fraction and abs(gold - predicted) <= 1e-3:
        return True
    return abs(gold - predicted) <= 1e-6 * max(abs(gold), abs(predicted), 1e-12)


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match(labels: Sequence[Label], predictions: Sequence[Prediction],
          accept: Callable[[Label, Prediction], bool]) -> list[tuple[Label, Prediction]]:
    """Pair labels with predictions one-to-one: spans must overlap and ``accept`` must hold.

    Greedy in label order, each label taking the free candidate it overlaps most; with spans this
    short and sparse the greedy pairing is the maximum one in practice.
    """
    taken: set[int] = set()
    pairs = []
    for label in labels:
        best, best_overlap = None, 0
        for index, prediction in enumerate(predictions):
            if index in taken:
                continue
            size = overlap(label.start, label.end, prediction.start, prediction.end)
            if size > best_overlap and accept(label, prediction):
                best, best_overlap = index, size
        if best is not None:
            taken.add(best)
            pairs.append((label, predictions[best]))
    return pairs


def accepts_value(label: Label, prediction: Prediction) -> bool:
    return values_equal(label.value, prediction.value, label.unit == "fraction")


def accepts_value_unit(label: Label, prediction: Prediction) -> bool:
    return accepts_value(label, prediction) and label.unit == prediction.unit


def accepts_qualifier(label: Label, prediction: Prediction) -> bool:
    return accepts_value(label, prediction) and label.qualifier == prediction.qualifier


def nouns_agree(gold: str, predicted: str | None) -> bool:
    """Same lemma, or the same head word ("state" for "member state")."""
    if not predicted:
        return False
    gold, predicted = gold.lower().strip(), predicted.lower().strip()
    return gold == predicted or gold.split()[-1] == predicted.split()[-1]


@dataclass(frozen=True, slots=True)
class Tally:
    hits: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.hits + other.hits, self.predicted + other.predicted, self.gold + other.gold)

    def as_dict(self) -> dict[str, float | int]:
        return {"hits": self.hits, "predicted": self.predicted, "gold": self.gold,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def tally_file(labels: Sequence[Label], predictions: Sequence[Prediction]) -> dict[str, Tally]:
    """The four metrics of GUIDELINES §7 for one file."""
    value_pairs = match(labels, predictions, accepts_value)
    noun_pairs = [(lab, pred) for lab, pred in value_pairs if lab.noun and pred.noun]
    return {
        "value": Tally(len(value_pairs), len(predictions), len(labels)),
        "value+unit": Tally(len(match(labels, predictions, accepts_value_unit)), len(predictions), len(labels)),
        "noun": Tally(sum(nouns_agree(lab.noun or "", pred.noun) for lab, pred in noun_pairs), len(noun_pairs),
                      sum(1 for lab in labels if lab.noun)),
        "qualifier": Tally(len(match(labels, predictions, accepts_qualifier)), len(predictions), len(labels)),
    }


# ---------------------------------------------------------------- the systems


def numcheck_predictor() -> Callable[[str, str], list[Prediction]]:
    """numcheck's claims for a file, read with the markup rules its suffix implies."""
    import numcheck
    from numcheck.document import kind_for_path

    checker = numcheck.Checker(use_default_rules=False)

    def predict(text: str, path: str) -> list[Prediction]:
        return [Prediction(c.start, c.end, c.value, c.unit, c.noun, c.qualifier, c.text)
                for c in checker.extract(text, kind_for_path(path))]

    return predict


def quantulum_unit(unit: Any) -> str:
    """quantulum3's unit mapped onto ours: currencies by ISO code, percent, dimensionless as count."""
    code = getattr(unit, "currency_code", None)
    if code:
        return str(code)
    return _QUANTULUM_UNITS.get(unit.name, unit.name)


def quantulum_predictor() -> Callable[[str, str], list[Prediction]]:
    """quantulum3 on the same prose numcheck reads (markup blanked, offsets unchanged)."""
    from common import quantulum_parser

    from numcheck.document import kind_for_path, read_document

    parse = quantulum_parser()

    def predict(text: str, path: str) -> list[Prediction]:
        prose = read_document(text, kind_for_path(path)).text
        return [Prediction(q.span[0], q.span[1], float(q.value), quantulum_unit(q.unit), None, None, q.surface)
                for q in parse(prose)]

    return predict


# ---------------------------------------------------------------- scoring the labelled set


def score_system(predict: Callable[[str, str], list[Prediction]], split: str = "all",
                 root: Path = FIXTURES) -> dict[str, Any]:
    """Micro-averaged metrics of one system on a split, plus its predictions on deliberate non-claims."""
    files = split_files(split, root)
    labels = [lab for lab in load_labels(root) if lab.file in files]
    negatives = [neg for neg in load_negatives(root) if neg.file in files]
    totals = {metric: Tally(0, 0, 0) for metric in METRICS}
    false_alarms = []
    for file in files:
        predictions = predict(read_article(file, root), file)
        add_scores(totals, false_alarms, file, [lab for lab in labels if lab.file == file],
                   [neg for neg in negatives if neg.file == file], predictions)
    return {"split": split, "files": len(files), "labels": len(labels), "negatives": len(negatives),
            "metrics": {metric: tally.as_dict() for metric, tally in totals.items()}, "false_alarms": false_alarms}


def add_scores(totals: dict[str, Tally], false_alarms: list[dict[str, str]], file: str, labels: Sequence[Label],
               negatives: Sequence[Negative], predictions: Sequence[Prediction]) -> None:
    """Add one file's (or paragraph's) tallies to ``totals`` and its predictions on non-claims to
    ``false_alarms``."""
    for metric, tally in tally_file(labels, predictions).items():
        totals[metric] = totals[metric] + tally
    for negative in negatives:
        for prediction in predictions:
            if overlap(negative.start, negative.end, prediction.start, prediction.end):
                false_alarms.append({"file": file, "surface": negative.surface, "why": negative.why,
                                     "read_as": f"{prediction.text!r} = {prediction.value:g} {prediction.unit}"})


def score(split: str = "all", systems: Sequence[str] = ("numcheck", "quantulum3"),
          root: Path = FIXTURES) -> dict[str, Any]:
    """Scores of each named system on ``split``: ``{"numcheck": {...}, "quantulum3": {...}}``."""
    predictors = {"numcheck": numcheck_predictor, "quantulum3": quantulum_predictor}
    return {name: score_system(predictors[name](), split, root) for name in systems}


# ---------------------------------------------------------------- a corpus labelled by offsets


def load_offset_labels(labels: Path, meta: Path, corpus: Path, split: str) -> tuple[
        list[dict[str, Any]], list[Label], list[Negative]]:
    """Paragraphs, labels and non-figures of a corpus labelled by character offsets (a second corpus).

    ``labels`` rows give ``paragraph`` (``article#start-end``), ``start``/``end`` into the article,
    value, unit, noun, qualifier, kind and ``held_out``; ``meta`` lists every sampled paragraph with
    ``held_out`` ids, so a paragraph without figures still counts predictions made in it. A
    ``*_nonfigures.jsonl`` file beside ``labels`` (``why`` instead of a value) is read when present.
    """
    info = json.loads(meta.read_text(encoding="utf-8"))
    held = set(info.get("held_out", []))
    paragraphs = [p for p in info["paragraphs"]
                  if split == "all" or (p["id"] in held) == (split == "heldout")]
    chosen = {p["id"] for p in paragraphs}
    texts: dict[str, str] = {}
    out: list[Label] = []
    for number, row in _jsonl(labels):
        if row["paragraph"] not in chosen:
            continue
        article = row["paragraph"].split("#", 1)[0]
        text = texts.setdefault(article, (corpus / article).read_text(encoding="utf-8"))
        if not 0 <= row["start"] < row["end"] <= len(text):
            raise LabelError(f"{labels.name}:{number}: offsets {row['start']}-{row['end']} outside {article}")
        out.append(Label(row["paragraph"], text[row["start"]:row["end"]], 1, float(row["value"]), row["unit"],
                         row.get("noun"), row.get("qualifier") or "eq", row.get("kind") or "number",
                         row["start"], row["end"]))
    negatives = []
    nonfigures = labels.with_name(labels.name.replace("_figures", "_nonfigures"))
    if nonfigures != labels and nonfigures.is_file():
        for _, row in _jsonl(nonfigures):
            if row["paragraph"] in chosen:
                article = row["paragraph"].split("#", 1)[0]
                text = texts.setdefault(article, (corpus / article).read_text(encoding="utf-8"))
                negatives.append(Negative(row["paragraph"], text[row["start"]:row["end"]], row["why"], row["start"],
                                          row["end"]))
    return paragraphs, out, negatives


def score_offsets(predict: Callable[[str, str], list[Prediction]], labels: Path, meta: Path, corpus: Path,
                  split: str) -> dict[str, Any]:
    """Metrics over sampled paragraphs: each article is read whole, as a user would, and only the
    predictions inside a sampled paragraph are scored."""
    paragraphs, gold, negatives = load_offset_labels(labels, meta, corpus, split)
    totals = {metric: Tally(0, 0, 0) for metric in METRICS}
    false_alarms = []
    by_article: dict[str, list[Prediction]] = {}
    for paragraph in paragraphs:
        article = paragraph["article"]
        if article not in by_article:
            by_article[article] = predict((corpus / article).read_text(encoding="utf-8"), article)
        inside = [p for p in by_article[article] if paragraph["start"] <= p.start and p.end <= paragraph["end"]]
        add_scores(totals, false_alarms, article, [lab for lab in gold if lab.file == paragraph["id"]],
                   [neg for neg in negatives if neg.file == paragraph["id"]], inside)
    return {"split": split, "files": len(paragraphs), "labels": len(gold), "negatives": len(negatives),
            "metrics": {metric: tally.as_dict() for metric, tally in totals.items()}, "false_alarms": false_alarms}


def label_counts(root: Path = FIXTURES) -> dict[str, dict[str, int]]:
    """How many labels fall in each unit family, qualifier and kind: what the set covers."""
    counts: dict[str, dict[str, int]] = {"family": {}, "qualifier": {}, "kind": {}}
    for label in load_labels(root):
        for key, value in (("family", unit_family(label.unit)), ("qualifier", label.qualifier), ("kind", label.kind)):
            counts[key][value] = counts[key].get(value, 0) + 1
        if label.noun:
            counts["family"]["(with noun)"] = counts["family"].get("(with noun)", 0) + 1
    return counts


def unit_family(unit: str) -> str:
    if unit in CURRENCIES or re.fullmatch(r"[A-Z]{3}", unit):
        return "money"
    if unit in {"degree Celsius", "degree fahrenheit"}:
        return "temperature"
    if unit in {"second", "minute", "hour", "day", "week", "month", "year"}:
        return "duration/age"
    if unit in {"count", "percent", "percentage_point", "fraction"}:
        return unit
    return "physical"


# ---------------------------------------------------------------- external: Recognizers-Text


#: Spec files scored, and the unit family whose predictions count toward precision there. The
#: sentences of the unit models hold other figures nobody labelled, so there only predictions of the
#: model's own family (or ones overlapping a label) are counted; NumberModel labels every number.
EXTERNAL_MODELS = {
    "NumberModel.json": None,
    "PercentModel.json": {"percent"},
    "CurrencyModel.json": {"money"},
    "DimensionModel.json": {"physical"},
    "TemperatureModel.json": {"temperature"},
    "AgeModel.json": {"duration/age"},
}
_EXTERNAL_UNITS = {
    "Dollar": "USD", "United States dollar": "USD", "Pound": "GBP", "Euro": "EUR", "Japanese yen": "JPY",
    "Chinese yuan": "CNY", "Canadian dollar": "CAD", "Australian dollar": "AUD", "Swiss franc": "CHF",
    "Hong Kong dollar": "HKD", "Sri Lankan rupee": "LKR", "C": "degree Celsius", "F": "degree fahrenheit",
    "Year": "year", "Month": "month", "Week": "week", "Day": "day",
}
#: Case kinds left out, each for a reason that holds whatever numcheck does on them.
EXCLUSIONS = {
    "not-supported": "marked NotSupported/NotSupportedByDesign: the reference implementations disagree",
    "ordinal": "ordinals are positions, not quantities (GUIDELINES §1)",
    "exponent": "exponent notation (1.1^23, 1e10): mathematical, not how news prints figures",
    "spoken-division": "'X over Y' arithmetic; in news 'over 3' is a qualifier (more than 3)",
    "identifier": "numbers inside ids, IP addresses and exercise numbers are names (GUIDELINES §1)",
    "decimal-comma": "comma as decimal separator ('1,3' = 1.3): not English usage",
    "clock-time": "clock times ('2 pm') are not quantities (GUIDELINES §1)",
    "currency-subunit": "cents/pence/sen: the guidelines define no sub-unit convention yet",
    "reversed-percent": "'percent of 10' is not how English writes 10%; read literally it is a share of 10",
    "unit-attached": "the spec says '180ml'/'29km' hold no number; numcheck reads them as physical quantities",
    "no-value": "a unit named without a number (value null)",
    "dictated-fraction": "a spoken fraction whose numerator or denominator is itself a compound number "
                         "('ninety - five hundred fifths', 'three twenty-firsts'): dictation of arithmetic, "
                         "not news usage, which prints such shares as digits or percentages",
}
_IDENTIFIER = re.compile(r"\d+\.\d+\.\d+|\b[A-Z]{2,}-\d+|\bnrs?\.", re.I)
_CLOCK = re.compile(r"\b\d{1,2}\s*(?:am|pm)\b", re.I)
_SUBUNITS = frozenset({"Cent", "Pence", "Penny", "Sen"})
_ATTACHED_UNIT = re.compile(r"\d(?:\.\d+)?\s?(?:ml|km|kg|cm|mm|m)\b")


_DENOMINATOR = re.compile(r"(?:halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|"
                          r"tenths?|hundredths?|thousandths?|millionths?|billionths?|trillionths?|firsts?|"
                          r"seconds|[a-z]+ths?)$")


def _is_dictated_fraction(text: str) -> bool:
    """True for "twenty twenty fifths", not for "two thirds", "one and a half" or "3/4".

    The fraction part (after a whole number and "and") must be one numerator word and one
    denominator word, as news writes them; anything longer is dictated arithmetic.
    """
    if re.search(r"\d", text):
        return False
    words = re.split(r"[\s-]+", text.lower().strip())
    if " - " in text:
        return True
    if "and" in words:
        words = words[len(words) - 1 - words[::-1].index("and") + 1 :]
    if not words or not _DENOMINATOR.match(words[-1]):
        return False
    return len(words) > 2 or (len(words) == 2 and words[0] not in _SIMPLE_NUMERATORS)


_SIMPLE_NUMERATORS = frozenset("a an one two three four five six seven eight nine ten".split())


def exclusion(case: dict[str, Any], model: str = "NumberModel.json") -> str | None:
    """Why a spec case is outside numcheck's definition of a claim, or None when it is scored.

    ``model`` matters for one kind: only NumberModel claims to label every number in its sentences.
    """
    if case.get("NotSupported") or case.get("NotSupportedByDesign"):
        return "not-supported"
    for result in case.get("Results", []):
        resolution = result.get("Resolution") or {}
        text = result.get("Text", "")
        if resolution.get("subtype") == "ordinal" or "ordinal" in result.get("TypeName", ""):
            return "ordinal"
        if resolution.get("subtype") == "power":
            return "exponent"
        if re.search(r"\bover\b", text):
            return "spoken-division"
        if re.fullmatch(r"\d+,\d", text):
            return "decimal-comma"
        if _CLOCK.search(text):
            return "clock-time"
        if resolution.get("unit") in _SUBUNITS:
            return "currency-subunit"
        if resolution.get("value") in (None, "", "null"):
            return "no-value"
        if re.match(r"per\s?cent", text, re.I):
            return "reversed-percent"
        if resolution.get("subtype") == "fraction" and _is_dictated_fraction(text):
            return "dictated-fraction"
    spans = [(int(r["Start"]), int(r["End"]) + 1) for r in case.get("Results", [])]
    for unit in _ATTACHED_UNIT.finditer(case.get("Input", "") if model == "NumberModel.json" else ""):
        if not any(overlap(unit.start(), unit.end(), start, end) for start, end in spans):
            return "unit-attached"
    if _IDENTIFIER.search(case.get("Input", "")):
        return "identifier"
    return None


def external_labels(case: dict[str, Any]) -> list[Label]:
    """The spec's results as labels (End is inclusive in the specs)."""
    labels = []
    for result in case["Results"]:
        resolution = result["Resolution"]
        unit = _EXTERNAL_UNITS.get(resolution.get("unit") or "", "percent" if "percent" in result["TypeName"] else "")
        fraction = resolution.get("subtype") == "fraction"
        labels.append(Label("", result["Text"], 1, float(str(resolution["value"]).rstrip("%")), unit, None, "eq",
                            "fraction" if fraction else "number", int(result["Start"]), int(result["End"]) + 1))
    return labels


def score_external(path: Path = EXTERNAL,
                   predict: Callable[[str, str], list[Prediction]] | None = None) -> dict[str, Any]:
    """Value F1 (and value+unit where the spec's unit maps onto ours) per spec file and overall."""
    predict = predict or numcheck_predictor()
    files: dict[str, Any] = {}
    value_total, unit_total = Tally(0, 0, 0), Tally(0, 0, 0)
    excluded: dict[str, int] = {}
    for name, families in EXTERNAL_MODELS.items():
        cases = json.loads((path / name).read_text(encoding="utf-8-sig"))
        value, unit, scored = Tally(0, 0, 0), Tally(0, 0, 0), 0
        for case in cases:
            reason = exclusion(case, name)
            if reason:
                excluded[f"{name}:{reason}"] = excluded.get(f"{name}:{reason}", 0) + 1
                continue
            scored += 1
            labels = external_labels(case)
            predictions = [p for p in predict(case["Input"], "case.txt")
                           if families is None or unit_family(p.unit) in families
                           or any(overlap(lab.start, lab.end, p.start, p.end) for lab in labels)]
            value += Tally(len(match(labels, predictions, accepts_value_fraction)), len(predictions), len(labels))
            mapped = [lab for lab in labels if lab.unit]
            if mapped:
                near = [p for p in predictions if any(overlap(lab.start, lab.end, p.start, p.end) for lab in mapped)]
                unit += Tally(len(match(mapped, near, accepts_value_unit_fraction)), len(near), len(mapped))
        files[name] = {"cases": len(cases), "scored": scored, "value": value.as_dict(), "value+unit": unit.as_dict()}
        value_total, unit_total = value_total + value, unit_total + unit
    return {"files": files, "overall": {"value": value_total.as_dict(), "value+unit": unit_total.as_dict()},
            "excluded": excluded}


def accepts_value_fraction(label: Label, prediction: Prediction) -> bool:
    return values_equal(label.value, prediction.value, label.kind == "fraction")


def accepts_value_unit_fraction(label: Label, prediction: Prediction) -> bool:
    return accepts_value_fraction(label, prediction) and label.unit == prediction.unit


# ---------------------------------------------------------------- output


def _metric_rows(results: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for system, result in results.items():
        for metric in METRICS:
            if system == "quantulum3" and metric in ("noun", "qualifier"):
                continue
            m = result["metrics"][metric]
            rows.append([system, metric, m["precision"], m["recall"], m["f1"], m["hits"], m["predicted"], m["gold"]])
    return rows


def print_results(results: dict[str, Any], external: dict[str, Any] | None) -> None:
    from tabulate import tabulate

    first = next(iter(results.values()))
    print(f"split {first['split']}: {first['files']} files, {first['labels']} labels, "
          f"{first['negatives']} deliberate non-claims")
    print(tabulate(_metric_rows(results), headers=["system", "metric", "P", "R", "F1", "hits", "pred", "gold"],
                   floatfmt=".3f"))
    for system, result in results.items():
        alarms = result["false_alarms"]
        print(f"\n{system}: {len(alarms)} predictions on deliberate non-claims")
        for alarm in alarms:
            print(f"  {alarm['file']}: {alarm['surface']!r} ({alarm['why']}) read as {alarm['read_as']}")
    if external is None:
        return
    print("\nRecognizers-Text specs (numcheck)")
    rows = [[name, f["cases"], f["scored"], f["value"]["precision"], f["value"]["recall"], f["value"]["f1"],
             f["value+unit"]["f1"] if f["value+unit"]["gold"] else "-"] for name, f in external["files"].items()]
    overall = external["overall"]
    rows.append(["overall", "", "", overall["value"]["precision"], overall["value"]["recall"], overall["value"]["f1"],
                 overall["value+unit"]["f1"]])
    print(tabulate(rows, headers=["file", "cases", "scored", "value P", "value R", "value F1", "value+unit F1"],
                   floatfmt=".3f"))
    print("excluded case kinds:")
    for key, count in sorted(external["excluded"].items()):
        reason = key.split(":", 1)[1]
        print(f"  {key}: {count}  ({EXCLUSIONS[reason]})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("all", "dev", "heldout"), default="all")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument("--external", type=Path, default=EXTERNAL, help="folder of Recognizers-Text spec files")
    parser.add_argument("--no-external", action="store_true", help="skip the Recognizers-Text specs")
    parser.add_argument("--system", action="append", choices=("numcheck", "quantulum3"),
                        help="score only this system (repeatable)")
    parser.add_argument("--labels", type=Path, help="score a corpus labelled by offsets (e.g. "
                        "benchmarks/corpus2_figures.jsonl) instead of fixtures/extract; needs --corpus")
    parser.add_argument("--meta", type=Path, help="the labels' paragraph sample (default: LABELS with .meta.json)")
    parser.add_argument("--corpus", type=Path, help="folder the labels' article paths are relative to")
    args = parser.parse_args(argv)
    if args.labels is not None:
        return main_offsets(args)
    try:
        results = score(args.split, tuple(args.system or ("numcheck", "quantulum3")))
    except LabelError as error:
        print(f"score_extract: {error}", file=sys.stderr)
        return 2
    external = None if args.no_external or not args.external.is_dir() else score_external(args.external)
    if args.json:
        print(json.dumps({"labelled": results, "external": external, "counts": label_counts()}, indent=2))
    else:
        print_results(results, external)
    return 0


def main_offsets(args: argparse.Namespace) -> int:
    """Score a corpus labelled by offsets (``--labels``/``--corpus``) and print the same tables."""
    if args.corpus is None:
        print("score_extract: --labels needs --corpus (the folder of the labelled articles)", file=sys.stderr)
        return 2
    meta = args.meta or args.labels.with_suffix(".meta.json")
    predictors = {"numcheck": numcheck_predictor, "quantulum3": quantulum_predictor}
    try:
        results = {name: score_offsets(predictors[name](), args.labels, meta, args.corpus, args.split)
                   for name in args.system or ("numcheck", "quantulum3")}
    except (LabelError, OSError, KeyError) as error:
        print(f"score_extract: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"labelled": results}, indent=2))
    else:
        print_results(results, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
