"""``where.clause`` and ``where.not_clause``: a rule scoped by the words of the figure's own clause,
through the ``numcheck`` command as a user runs it (the sentences are ours).

A plausibility limit belongs to one kind of thing: the weather record to air temperatures, the age
record to people, the count of the world's countries to countries, not to a body's members. The
shipped packs say so with clause words; a desk's pack can too.
"""

from __future__ import annotations

import json
from pathlib import Path

from _cli import numcheck

from tests._projectkit import run_numcheck

#: One sentence a line; a line that ends in "!" must fire the rule named after it, any other must not.
SHIPPED = {
    "earth-temperature-celsius": [
        "Forecasters said Cordoba would reach 63C on Thursday!",
        "At noon the thermometer on the station wall showed 66C in the shade!",
        "Bring the syrup up until the pan reads 121C.",
        "It was a cool Sunday, but the asphalt of the car park still reached 59C.",
        "The spa's mineral pool is fed by a hot spring at 72C.",
    ],
    "earth-temperature-fahrenheit": [
        "Las Vegas could set a record of 139F this weekend!",
        "The deep-fat fryer should sit at 375F.",
    ],
    "human-age-years-old": [
        "Her grandfather, who farms near Cork, is 136 years old!",
        "The chapel is 800 years old, and its organist is 71 years old.",
        "The yew in the churchyard is believed to be 1,500 years old.",
        "Remains of a woman dating to about 4,000 years old were found near the fort.",
    ],
    "countries-count": [
        "Runners from 204 countries entered the online marathon!",
        "Just 9 of the accord's 198 member nations have published plans.",
        "Swimmers from 206 nations, a record for the Olympics, took part in the heats.",
    ],
    "un-member-states": [
        "The UN assembly vote passed with 196 member states in favour!",
        "Only 30 of the 198 member countries of the UN desertification convention reported on time.",
    ],
    "us-states-count": [
        "A memo drafted in Washington in January 2021 states that the US will keep its troops.",
    ],
}


def _findings(cwd: Path, text: str, *argv: str) -> list[tuple[str, str]]:
    """(rule, sentence) for every finding ``numcheck check -`` raises on ``text``."""
    result = run_numcheck(cwd, "check", "-", "--format", "json", *argv, stdin=text)
    assert result.returncode in (0, 1), result.stderr
    lines = text.splitlines()
    return [(f["rule"], lines[f["line"] - 1]) for file in json.loads(result.stdout)["files"] for f in file["findings"]]


def test_shipped_plausibility_rules_fire_only_in_their_kind_of_clause(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    sentences = [line for lines in SHIPPED.values() for line in lines]
    found = _findings(tmp_path, "\n\n".join(sentences) + "\n")
    expected = [(rule, line) for rule, lines in SHIPPED.items() for line in lines if line.endswith("!")]
    assert sorted(found) == sorted(expected)


DESK = """\
pack: desk
rules:
  - id: ferry-capacity
    check: range
    severity: warning
    message: "{explanation}"
    where:
      noun: [passenger, person]
      clause: [ferry, ferries]
      not_clause: [cruise ship, year]
    max: 2500
    examples:
      pass:
        - "The airport handled 40,000 passengers, while the ferry took 900."
        - "Ferry crossings carried 30,000 people in a year."
      fail:
        - "The airport handled 4,000 passengers, but the ferry took 9,000 passengers."
"""


def test_a_desk_pack_scopes_a_rule_by_clause(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    pack = tmp_path / "desk.yaml"
    pack.write_text(DESK, encoding="utf-8")
    validated = numcheck("rules", "validate", str(pack), cwd=tmp_path)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert validated.stdout == f"ok: 1 rule, 3 examples in {pack}\n"
    text = ("The night ferries carried 8,000 passengers.\n\n"
            "The stadium held 60,000 people, and the ferry was empty.\n\n"
            "The ferry line's cruise ship took 3,000 passengers.\n")
    found = _findings(tmp_path, text, "--rules", str(pack), "--select", "ferry-capacity")
    assert found == [("ferry-capacity", "The night ferries carried 8,000 passengers.")]  # "ferries" meets "ferry"


def test_explain_shows_the_clause_filters(tmp_path: Path) -> None:
    result = numcheck("rules", "explain", "earth-temperature-celsius", cwd=tmp_path)
    applies = next(line for line in result.stdout.splitlines() if line.startswith("Applies to:"))
    assert "clause: weather, heatwave" in applies and "not_clause: surface, ground" in applies


def test_a_clause_filter_of_the_wrong_type_is_located(tmp_path: Path) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text(DESK.replace("clause: [ferry, ferries]", "clause: {ferry: 1}"), encoding="utf-8")
    result = numcheck("rules", "validate", str(pack), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"{pack}:9:15: 'clause' must be a word or a list of words"]
