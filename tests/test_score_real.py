"""The real-news labels are well-formed and the planted errors really break the arithmetic.

The BBC corpus is not in git (CI does not have it), so the checks that need the article text skip
with a loud reason when ``corpora/bbc`` is absent; everything else, the schema of every label line,
the counts and the planting rules, runs everywhere.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from numcheck.model import RELATION_KINDS, Relation, Report

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import planted
import score_real as sr

from tests._claimkit import make_claim

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "bbc"
LABELS = sr.load_labels()
META = sr.load_meta()
ROLES = {
    "change": {"old", "new", "change", "delta"}, "part_of_whole": {"part", "whole"},
    "sum_of_parts": {"total", "part"}, "percent_of": {"part", "whole", "percent"},
    "fraction_of": {"fraction", "whole", "part"}, "repeated_figure": {"first", "second"},
}
NUMBER_WORD = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|half|third|"
                         r"quarter)", re.I)
needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="LOUD SKIP: corpora/bbc is absent, so label offsets cannot be checked against "
    "the article text (the BBC corpus is kept out of git; see benchmarks/REAL_NEWS.md)")


# --- the labels file, with or without the corpus ------------------------------------------------------


def test_every_line_is_a_well_formed_label() -> None:
    lines = [line for line in sr.LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) == len(LABELS)
    for line in lines:
        label = json.loads(line)
        assert set(label) <= {"path", "kind", "spans", "roles", "consistent", "note", "cue"}
        assert label["kind"] in RELATION_KINDS
        assert set(label["roles"]) <= ROLES[label["kind"]], label
        assert len(label["note"]) <= 160, "notes are short descriptions, never copied sentences"


def test_at_least_150_relations_over_100_examined_articles() -> None:
    articles = META["articles"]
    assert len(articles) == len(set(articles)) == 100
    assert len(LABELS) >= 150
    assert {label["path"] for label in LABELS} <= set(articles)
    assert {a.split("/")[2] for a in articles} == {"business", "politics"}
    assert "selection_rule" in META and "decoding" in META


def test_validate_names_the_problem() -> None:
    good = {"path": "corpora/bbc/business/001.txt", "kind": "change", "spans": [[1, 3], [5, 8]],
            "roles": ["old", "new"], "consistent": True, "note": "n"}
    assert sr.validate(good)["kind"] == "change"
    with pytest.raises(sr.LabelError, match="unknown kind"):
        sr.validate({**good, "kind": "ratio"})
    with pytest.raises(sr.LabelError, match="one role per span"):
        sr.validate({**good, "roles": ["old"]})
    with pytest.raises(sr.LabelError, match="bad span"):
        sr.validate({**good, "spans": [[5, 3], [5, 8]]})
    with pytest.raises(sr.LabelError, match="'consistent'"):
        sr.validate({**good, "consistent": "yes"})


# --- the labels against the corpus --------------------------------------------------------------------


@needs_corpus
def test_spans_lie_on_figures_inside_their_article() -> None:
    for label in LABELS:
        text = sr.read_article(CORPUS, label["path"])
        for start, end in label["spans"]:
            assert end <= len(text), label
            assert NUMBER_WORD.search(text[start:end]), (label["path"], text[start:end])
        if "cue" in label:
            start, end = label["cue"]
            assert text[start:end].lower() in planted.FLIPS, (label["path"], text[start:end])


@needs_corpus
def test_notes_do_not_copy_article_sentences() -> None:
    for label in LABELS:
        text = " ".join(re.findall(r"[\w.%]+", sr.read_article(CORPUS, label["path"]).lower()))
        words = re.findall(r"[\w.%]+", label["note"].lower())
        for i in range(len(words) - 6):
            assert " ".join(words[i:i + 7]) not in text, label["note"]


@needs_corpus
@pytest.mark.parametrize("fine", [False, True], ids=["gross", "fine"])
def test_every_consistent_plantable_label_plants_a_change(fine: bool) -> None:
    planted_labels = 0
    for label in LABELS:
        text = sr.read_article(CORPUS, label["path"])
        edit = planted.plant(text, label, fine)
        if edit is None:
            assert fine or not planted.plantable(label) or not planted.breakable(text, label)
            continue
        planted_labels += 1
        assert edit.text != text and edit.before != edit.after
        assert edit.text[edit.start:edit.new_end] == edit.after
        assert any(s <= edit.start < e for s, e in [*label["spans"], label.get("cue", [0, 0])]), label["note"]
    assert planted_labels >= 130  # 147 gross and 135 fine at the start of round 3


# --- planting on text written for these tests ---------------------------------------------------------


def _label(text: str, kind: str, figures: list[str], roles: list[str], cue: str | None = None) -> dict:
    spans, cursor = [], 0
    for figure in figures:
        start = text.index(figure, cursor)
        spans.append([start, start + len(figure)])
        cursor = start + len(figure)
    label = {"path": "corpora/bbc/x/1.txt", "kind": kind, "spans": spans, "roles": roles, "consistent": True,
             "note": "synthetic"}
    if cue:
        label["cue"] = [text.index(cue), text.index(cue) + len(cue)]
    return label


def _numbers(text: str, label: dict) -> list[float]:
    return [float(re.search(r"\d[\d,]*(?:\.\d+)?", text[s:e]).group().replace(",", "")) for s, e in label["spans"]]


def test_stated_change_is_made_wrong() -> None:
    text = "Profits rose 20% to £60m, up from £50m a year before."
    label = _label(text, "change", ["20%", "£60m", "£50m"], ["change", "new", "old"])
    edit = planted.plant(text, label)
    assert edit.how == "figure" and edit.before == "20"
    stated = float(edit.after)
    assert abs(stated - (60 / 50 - 1) * 100) > 5  # far outside the rounding of a whole percent


def test_direction_word_is_flipped() -> None:
    text = "The council increased the parking fee from £6 to £10 a day."
    label = _label(text, "change", ["£6", "£10"], ["old", "new"], cue="increased")
    edit = planted.plant(text, label)
    assert edit.how == "direction" and "decreased the parking fee from £6 to £10" in edit.text


def test_part_becomes_larger_than_its_whole() -> None:
    text = "Nine of the 11 committee members backed the plan."
    label = _label(text, "part_of_whole", ["Nine", "11"], ["part", "whole"])
    edit = planted.plant(text, label)
    assert int(edit.after) > 11 and edit.text.endswith("of the 11 committee members backed the plan.")


def test_total_no_longer_covers_its_parts() -> None:
    text = "All 52 passengers survived: 30 adults, 15 teenagers and seven infants."
    label = _label(text, "sum_of_parts", ["52", "30", "15", "seven"], ["total", "part", "part", "part"])
    edit = planted.plant(text, label)
    assert float(edit.after) < 30 + 15 + 7 - 1


def test_percent_parts_are_pushed_past_100() -> None:
    text = "In the poll 47% backed the plan and 26% opposed it."
    label = _label(text, "sum_of_parts", ["47%", "26%"], ["part", "part"])
    edit = planted.plant(text, label)
    assert sum(_numbers(edit.text, _label(edit.text, "sum_of_parts", [edit.after + "%", "26%"], ["part"] * 2))) > 110


def test_repeat_gets_a_scale_slip_or_a_different_value() -> None:
    text = "It signed a £2.4bn contract. The £2.4bn contract runs to 2030."
    edit = planted.plant(text, _label(text, "repeated_figure", ["£2.4bn", "£2.4bn"], ["first", "second"]))
    assert edit.how == "scale" and edit.text.endswith("The £2.4m contract runs to 2030.")
    text = "Less than half of voters, 47%, agreed."
    edit = planted.plant(text, _label(text, "repeated_figure", ["half", "47%"], ["first", "second"]))
    assert float(edit.after) > 50  # an upper bound is broken by going up, not down


def test_relations_no_check_can_test_are_not_planted() -> None:
    text = "Sales rose 4.3% to £1.97bn."
    assert planted.plant(text, _label(text, "change", ["4.3%", "£1.97bn"], ["change", "new"])) is None
    label = {**_label(text, "change", ["4.3%", "£1.97bn"], ["change", "new"]), "consistent": False}
    assert not planted.plantable(label)


def test_what_rounding_or_a_shared_bound_could_explain_is_not_planted() -> None:
    text = "Inflation rose to 7.1% from 7% a month earlier."
    assert planted.plant(text, _label(text, "change", ["7%", "7.1%"][::-1], ["new", "old"], cue="rose")) is None
    text = "Inflation rose to 9.1% from 7% a month earlier."
    assert planted.plant(text, _label(text, "change", ["9.1%", "7%"], ["new", "old"], cue="rose")).how == "direction"
    text = "Shares gained more than 16% on Monday. By the close they were up more than 16%."
    assert planted.plant(text, _label(text, "repeated_figure", ["16%", "16%"], ["first", "second"])) is None


def test_shift_maps_offsets_past_the_edit() -> None:
    text = "Nine of the 11 members."
    edit = planted.plant(text, _label(text, "part_of_whole", ["Nine", "11"], ["part", "whole"]))
    assert edit.text[planted.shift(12, edit):].startswith("11")


# --- matching and the end-to-end score ----------------------------------------------------------------


def test_match_needs_kind_overlap_and_roles() -> None:
    old, new = make_claim("c1", 6, "GBP", start=10, text="£6"), make_claim("c2", 10, "GBP", start=16, text="£10")
    claims = {"c1": old, "c2": new}
    label = {"kind": "change", "spans": [[10, 12], [16, 19]], "roles": ["old", "new"]}
    right = Relation("r1", "change", ("c1", "c2"), ("old", "new"), "from ... to", 0)
    swapped = Relation("r1", "change", ("c2", "c1"), ("old", "new"), "from ... to", 0)
    assert sr.matches(label, right, claims)
    assert not sr.matches(label, swapped, claims)  # old and new the wrong way round
    assert not sr.matches({**label, "kind": "repeated_figure"}, right, claims)
    repeat = Relation("r2", "repeated_figure", ("c2", "c1"), ("first", "second"), "same", 0)
    assert sr.matches({**label, "kind": "repeated_figure", "roles": ["first", "second"]}, repeat, claims)


def test_a_superset_or_subset_is_a_miss_and_a_false_positive() -> None:
    text = "The bill rose 67% to £10 from £6 last year."
    claims = {cid: make_claim(cid, value, unit, start=text.index(surface), text=surface)
              for cid, value, unit, surface in (("c1", 67, "percent", "67%"), ("c2", 10, "GBP", "£10"),
                                                ("c3", 6, "GBP", "£6"))}
    label = {"path": "corpora/bbc/x/1.txt", "kind": "change", "roles": ["old", "new"],
             "spans": [[text.index("£6"), text.index("£6") + 2], [text.index("£10"), text.index("£10") + 3]]}
    superset = Relation("r1", "change", ("c3", "c2", "c1"), ("old", "new", "change"), "from ... to", 0)
    subset = Relation("r2", "change", ("c3",), ("old",), "from", 0)
    assert sr.matches(label, superset, claims, strict=False)  # the rule before round 3 credited it
    assert not sr.matches(label, superset, claims)
    assert not sr.matches(label, subset, claims) and not sr.matches(label, subset, claims, strict=False)
    report = Report(source="x", claims=tuple(claims.values()), relations=(superset,), findings=())
    assert sr.pair([label], report) == ([-1], [0])  # the label is missed and the prediction is unmatched
    assert sr.pair([label], report, strict=False) == ([0], [])
    full = {**label, "roles": ["old", "new", "change"],
            "spans": [*label["spans"], [text.index("67%"), text.index("67%") + 3]]}
    assert sr.pair([full], report) == ([0], [])  # exactly the labelled figures, in their roles


def test_score_counts_links_and_caught_plants(tmp_path: Path) -> None:
    text = "Parking charges rose sharply. The council increased the parking fee from £6 to £10 a day.\n"
    (tmp_path / "business").mkdir()
    (tmp_path / "business" / "900.txt").write_text(text, encoding="utf-8")
    label = {**_label(text, "change", ["£6", "£10"], ["old", "new"], cue="increased"),
             "path": "corpora/bbc/business/900.txt"}
    result = sr.score(tmp_path, [label], ["corpora/bbc/business/900.txt"])
    change = result["kinds"]["change"]
    assert (change["labels"], change["matched"], change["gross"]["planted"], change["gross"]["caught"]) == (1, 1, 1, 1)
    assert (change["fine"]["planted"], change["fine"]["caught"]) == (1, 1)  # £10 -> below £6: "increased" is wrong
    assert result["overall"]["baseline_alarms"] == 0 and result["rules_not_loaded"] == []
    assert "change" in sr.render(result)


def test_heldout_split_is_the_seeded_fifth_of_each_section() -> None:
    split = META["heldout"]
    assert split["articles"] == sr.pick_heldout(META["articles"], split["seed"], split["fraction"])
    assert len(split["articles"]) == 20 and set(split["articles"]) < set(META["articles"])
    assert sum("/politics/" in a for a in split["articles"]) == 5
    dev, heldout = sr.split_articles(META, "dev"), sr.split_articles(META, "heldout")
    assert not set(dev) & set(heldout) and sorted(dev + heldout) == sr.split_articles(META, "all")
    assert sr.pick_heldout(META["articles"], split["seed"] + 1, 0.2) != split["articles"]


def test_findings_count_at_the_severity_of_the_start_of_round_3(tmp_path: Path) -> None:
    table = tmp_path / "severity.json"
    table.write_text(json.dumps({"severity": {"repeated-figure": "error", "retired-rule": "warning"}}))
    checker, unloaded = sr.checker_at_start(table)
    assert {r.id: r.severity for r in checker.ruleset.rules}["repeated-figure"] == "error"
    assert unloaded == ["retired-rule"]
    recorded = json.loads(sr.SEVERITY_TABLE.read_text(encoding="utf-8"))["severity"]
    assert recorded["change-arithmetic"] == "error" and recorded["repeated-figure"] == "warning"


def test_a_second_corpus_is_scored_from_its_own_labels_and_split(tmp_path: Path) -> None:
    corpus = tmp_path / "other"
    (corpus / "health").mkdir(parents=True)
    text = "Nine of the 11 wards reopened on Monday, the trust said.\n"
    (corpus / "health" / "a.txt").write_text(text, encoding="utf-8")
    label = {**_label(text, "part_of_whole", ["Nine", "11"], ["part", "whole"]), "path": "corpora/other/health/a.txt"}
    labels = tmp_path / "other.jsonl"
    labels.write_text(json.dumps(label) + "\n", encoding="utf-8")
    (tmp_path / "other.meta.json").write_text(json.dumps(
        {"articles": ["corpora/other/health/a.txt"], "heldout": {"articles": ["corpora/other/health/a.txt"]}}))
    script = ROOT / "benchmarks" / "score_real.py"
    run = subprocess.run([sys.executable, str(script), str(corpus), "--labels", str(labels), "--split", "heldout",
                          "--json"], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert (result["split"], result["articles"], result["kinds"]["part_of_whole"]["labels"]) == ("heldout", 1, 1)
    dev = subprocess.run([sys.executable, str(script), str(corpus), "--labels", str(labels), "--split", "dev",
                          "--json"], capture_output=True, text=True, check=False)
    assert json.loads(dev.stdout)["articles"] == 0
    bad = subprocess.run([sys.executable, str(script), str(corpus), "--labels", str(tmp_path / "none.jsonl")],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "none.jsonl" in bad.stderr and "Traceback" not in bad.stderr
    labels.write_text(json.dumps(label) + "\n{oops\n", encoding="utf-8")
    broken = subprocess.run([sys.executable, str(script), str(corpus), "--labels", str(labels)],
                            capture_output=True, text=True, check=False)
    assert broken.returncode == 2 and "other.jsonl:2: not JSON" in broken.stderr and "Traceback" not in broken.stderr
    labels.write_text(json.dumps(label) + "\n", encoding="utf-8")
    (tmp_path / "other.meta.json").write_text(json.dumps({"articles": ["corpora/other/health/a.txt"]}))
    unsplit = subprocess.run([sys.executable, str(script), str(corpus), "--labels", str(labels)],
                             capture_output=True, text=True, check=False)
    assert unsplit.returncode == 2 and "no held-out list" in unsplit.stderr


# --- fine plants: the smallest edit that still breaks the relation ------------------------------------


def test_fine_part_goes_one_to_five_past_its_whole() -> None:
    text = "Nine of the 11 committee members backed the plan."
    edit = planted.plant(text, _label(text, "part_of_whole", ["Nine", "11"], ["part", "whole"]), fine=True)
    assert 12 <= int(edit.after) <= 16
    assert edit == planted.plant(text, _label(text, "part_of_whole", ["Nine", "11"], ["part", "whole"]), fine=True)


def test_fine_stated_change_moves_five_to_ten_points_beyond_rounding() -> None:
    text = "Profits rose 20% to £60m, up from £50m a year before."
    edit = planted.plant(text, _label(text, "change", ["20%", "£60m", "£50m"], ["change", "new", "old"]), fine=True)
    assert 5 <= abs(float(edit.after) - 20) <= 10
    text = "Profits rose 20% to £6m, up from £5m a year before."  # £5m-£6m allows 9% to 44%
    edit = planted.plant(text, _label(text, "change", ["20%", "£6m", "£5m"], ["change", "new", "old"]), fine=True)
    assert float(edit.after) < 9 or float(edit.after) > 44


def test_fine_shares_pass_100_and_a_total_falls_below_its_parts() -> None:
    text = "In the poll 47% backed the plan and 26% opposed it, while 24% had no view."
    edit = planted.plant(text, _label(text, "sum_of_parts", ["47%", "26%", "24%"], ["part"] * 3), fine=True)
    assert 100 < float(edit.after) + 26 + 24 - 1.5 and float(edit.after) + 50 <= 106
    text = "All 52 passengers survived: 30 adults, 15 teenagers and seven infants."
    label = _label(text, "sum_of_parts", ["52", "30", "15", "seven"], ["total", "part", "part", "part"])
    assert 47 <= float(planted.plant(text, label, fine=True).after) <= 51


def test_fine_repeat_swaps_digits_or_is_off_by_a_tenth_and_bounds_stay_unplanted() -> None:
    text = "It cut 12,500 jobs. The 12,500 job cuts start in May."
    edit = planted.plant(text, _label(text, "repeated_figure", ["12,500", "12,500"], ["first", "second"]), fine=True)
    value = float(edit.after.replace(",", ""))
    assert (edit.how == "swap" and sorted(edit.after) == sorted("12,500")) or abs(value / 12_500 - 1) >= 0.0999
    text = "Up to 85,000 could go: up to 35,000 in offices and 50,000 elsewhere."
    label = _label(text, "sum_of_parts", ["85,000", "35,000", "50,000"], ["total", "part", "part"])
    assert planted.plant(text, label, fine=True) is None  # "up to" parts have no floor to go below
