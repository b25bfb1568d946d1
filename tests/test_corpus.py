"""Corpus files: one article a row, streamed, with bad rows reported by file:line and skipped."""

from __future__ import annotations

import json

import pytest

from numcheck.cli import main
from numcheck.corpus import iter_corpus
from numcheck.errors import InputError
from numcheck.inputs import Article
from numcheck.model import Report

BRIDGE = "Officials said 31 people were killed when the bridge fell."
DRONES = "Of the 112 drones launched overnight, 84 were shot down, or 80%."


def _write_jsonl(path, *lines: object) -> str:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
                    encoding="utf-8")
    return str(path)


def test_jsonl_defaults_text_then_body_then_content_and_id_then_line(tmp_path):
    path = _write_jsonl(tmp_path / "archive.jsonl",
                        {"id": "a1", "text": BRIDGE, "body": "not this"},
                        {"id": 7, "body": DRONES},
                        {"content": "No figures here."})
    items = list(iter_corpus(path))
    assert items == [
        Article(f"{path}#a1", BRIDGE, "text"),
        Article(f"{path}#7", DRONES, "text"),
        Article(f"{path}#3", "No figures here.", "text"),
    ]


def test_jsonl_named_fields(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", {"slug": "bridge", "story": BRIDGE, "text": "ignored"})
    [article] = iter_corpus(path, text_field="story", id_field="slug")
    assert article.source == f"{path}#bridge" and article.text == BRIDGE


def test_malformed_jsonl_lines_are_errors_with_line_numbers_and_a_count(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", {"id": "a", "text": BRIDGE}, "{not json", "[1, 2]", "",
                        {"id": "b", "text": DRONES})
    items = list(iter_corpus(path))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "InputError", "Article", "InputError"]
    assert str(items[1]).startswith(f"{path}:2: malformed JSON")
    assert str(items[2]) == f"{path}:3: expected a JSON object, got list; line skipped"
    assert items[3].source == f"{path}#b"
    assert str(items[4]) == f"{path}: 2 malformed lines skipped"


def test_missing_or_empty_text_is_a_warning_naming_the_row(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", {"id": "a", "title": "x"}, {"id": "b", "text": "  "},
                        {"id": "c", "text": BRIDGE})
    first, second, third = iter_corpus(path)
    assert isinstance(first, Report) and not first.errors and first.source == f"{path}#a"
    assert first.warnings == (f"{path}:1: row {path}#a: text field 'text' or 'body' or 'content' is missing; skipped",)
    assert isinstance(second, Report) and "'text' is empty" in second.warnings[0]
    assert isinstance(third, Article)


def test_an_oversized_row_is_an_error(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", {"id": "big", "text": "x" * 500}, {"id": "ok", "text": BRIDGE})
    big, ok = iter_corpus(path, max_bytes=100)
    assert isinstance(big, InputError) and big.line == 1 and "over the 100-byte limit" in str(big)
    assert isinstance(ok, Article)


def test_jsonl_is_read_lazily(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", {"id": "a", "text": BRIDGE}, "{broken")
    items = iter_corpus(path)
    assert isinstance(next(items), Article)  # the broken line is not reached until asked for
    assert isinstance(next(items), InputError)


def test_csv_with_quoted_multiline_text_and_line_numbers(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('id,body,desk\nx1,"Line one.\nLine two has 31 people.",world\nx2,too,few,fields,here\n'
                    f'x3,"{DRONES}",home\n', encoding="utf-8")
    items = list(iter_corpus(str(path)))
    assert items[0] == Article(f"{path}#x1", "Line one.\nLine two has 31 people.", "text")
    assert isinstance(items[1], InputError) and items[1].line == 4 and "5 fields, the header has 3" in str(items[1])
    assert items[2] == Article(f"{path}#x3", DRONES, "text")
    assert str(items[3]) == f"{path}: 1 malformed row skipped"


def test_csv_without_the_text_column_is_one_error_listing_the_columns(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("slug,headline\na,Bridge falls\n", encoding="utf-8")
    [error] = iter_corpus(str(path))
    assert str(error) == (f"{path}:1: no text column 'text' or 'body' or 'content' (columns: slug, headline); "
                          "choose one with --text-field")
    [error] = iter_corpus(str(path), text_field="story")
    assert "no text column 'story'" in str(error)


def test_csv_fields_larger_than_the_csv_module_default(tmp_path):
    text = "Officials said 31 people were killed. " * 5000  # about 190 KB, over csv's 128 KB default
    path = tmp_path / "a.csv"
    path.write_text(f'id,text\nbig,"{text}"\n', encoding="utf-8")
    [article] = iter_corpus(str(path))
    assert isinstance(article, Article) and article.text == text


def test_cli_reads_corpora_and_exits_2_on_malformed_lines(tmp_path, capsys):
    good = _write_jsonl(tmp_path / "good.jsonl", {"slug": "s1", "story": DRONES}, {"slug": "s2", "story": BRIDGE})
    code = main(["check", good, "--text-field", "story", "--id-field", "slug", "--format", "json",
                 "--fail-on", "never"])
    out = capsys.readouterr()
    assert code == 0
    assert [f["path"] for f in json.loads(out.out)["files"]] == [f"{good}#s1", f"{good}#s2"]
    bad = _write_jsonl(tmp_path / "bad.jsonl", {"id": "s1", "text": DRONES}, "oops", {"id": "s3", "text": BRIDGE})
    code = main(["check", bad, "--format", "json", "--fail-on", "never"])
    out = capsys.readouterr()
    assert code == 2
    assert [f["path"] for f in json.loads(out.out)["files"]] == [f"{bad}#s1", f"{bad}#s3"]
    assert f"{bad}:2: malformed JSON" in out.err


def test_a_bad_byte_costs_one_row_not_the_file(tmp_path):
    csv_path = tmp_path / "a.csv"
    csv_path.write_bytes(b'id,body\na,"31 people"\nb,"caf\xe9 13 people"\nc,"4 people"\n')
    items = list(iter_corpus(str(csv_path)))
    assert [getattr(i, "source", None) for i in items] == [f"{csv_path}#a", None, f"{csv_path}#c", None]
    assert str(items[1]).startswith(f"{csv_path}:3: not valid UTF-8")
    jsonl_path = tmp_path / "a.jsonl"
    jsonl_path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "4 people"}\n')
    bad, good, summary = iter_corpus(str(jsonl_path))
    assert str(bad).startswith(f"{jsonl_path}:1: not valid UTF-8 (byte 0xe9)")
    assert good.source == f"{jsonl_path}#b" and "1 malformed line" in str(summary)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_missing_corpus_file(tmp_path, suffix):
    [error] = iter_corpus(str(tmp_path / f"gone{suffix}"))
    assert isinstance(error, InputError) and "no such file" in str(error)
