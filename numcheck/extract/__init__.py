"""Claim builders: one module per question a `Claim` answers.

- `tokens`: the words and digit runs of a sentence, and the helpers every reader shares;
- `candidates`: where a figure may start, found in one compiled pass;
- `numbers` (with `spelled`, `scales`, `ranges`, `mention`): the number grammar, what a figure is worth;
- `nonquantities`: what only looks like a quantity (dates, names, codes) and why;
- `units`, `currencies`: the unit of a figure;
- `nouns`, `antecedents`: what it counts;
- `qualifiers`: "about", "more than", and the interval each allows;
- `extractor`: the thin `Extractor` that composes them once per sentence;
- `tables`: the word tables, as data.

The public function is ``numcheck.extract(text)``; this package is imported by name
(``from numcheck.extract.extractor import Extractor``), never as an attribute of ``numcheck``,
where ``extract`` is that function.
"""
