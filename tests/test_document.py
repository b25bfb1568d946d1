"""Markup is blanked in place, so offsets in the prose are offsets in the file."""

from numcheck.document import read_document


def test_markdown_blanking_keeps_offsets():
    original = "---\ntitle: 2024 report\n---\n# Head 7\n\nThe **26** of [35 countries](http://x/9).\n"
    doc = read_document(original, "markdown")
    assert len(doc.text) == len(original)
    start = original.index("26")
    assert doc.text[start : start + 2] == "26"
    assert "2024" not in doc.text and "http" not in doc.text and "#" not in doc.text
    assert doc.position(start) == (6, 7)


def test_sentences_split_on_punctuation_not_abbreviations():
    doc = read_document("Mr. Smith said 3.5 million. Then No. 10 spoke! Fine")
    assert [doc.sentence_text(i) for i in range(len(doc.sentences))] == [
        "Mr. Smith said 3.5 million.",
        "Then No. 10 spoke!",
        "Fine",
    ]


def test_a_scale_suffix_before_a_full_stop_ends_the_sentence():
    doc = read_document("The deal is worth $300m. It closes in May. J. Smith paid 4p. Fine")
    assert [doc.sentence_text(i) for i in range(len(doc.sentences))] == [
        "The deal is worth $300m.",
        "It closes in May.",
        "J. Smith paid 4p.",
        "Fine",
    ]


def test_html_entities_and_tags_blanked():
    original = "<p>Prices rose 5&nbsp;% in <b>May</b></p><script>var x = 99;</script>"
    doc = read_document(original, "html")
    assert len(doc.text) == len(original)
    assert "99" not in doc.text and "<" not in doc.text


def test_hard_wrapped_line_starting_with_a_figure_continues_the_sentence():
    text = (
        "The number of people making new claims for unemployment benefit dropped to\n"
        "87,000 from 81,000 in the week, the department said.\n"
        "Short heading\n"
        "Next sentence here."
    )
    doc = read_document(text)
    sentences = [doc.sentence_text(i) for i in range(len(doc.sentences))]
    assert sentences[0].endswith("the department said.") and "87,000" in sentences[0]
    assert sentences[1:] == ["Short heading", "Next sentence here."]


def test_a_short_wrapped_line_before_a_figure_continues_but_a_punctuated_one_ends():
    # The one rule for wrapped lines: extraction and linking both read these sentences.
    text = (
        "Claims for benefit dropped to\n87,000 from 81,000 last week.\n"
        "Prices rose.\n12 shops closed\nLater the council met."
    )
    doc = read_document(text)
    assert [doc.sentence_text(i) for i in range(len(doc.sentences))] == [
        "Claims for benefit dropped to\n87,000 from 81,000 last week.",
        "Prices rose.",
        "12 shops closed",
        "Later the council met.",
    ]
