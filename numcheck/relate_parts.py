"""Parts and wholes that real news states across a clause or a sentence break.

``relate.py`` links the compact shapes ("26 of 35", "all 52 passengers: 30 adults, ..."). Published
copy more often spreads them out: the whole first, then its parts a sentence later ("cut around
12,800 jobs" ... "5,125 positions would go ... Another 1,700 ..."), a part hung on the whole with
"of which" or "of this", a share restated by "This is nearly half of ...". Each linker here reads
one such shape, and each needs a word that makes the reference explicit ("another", "of which",
"This is"); when the shape allows more than one whole, nothing is linked.

The breakdowns linked here are partial (a continuation or a list of sources may leave parts out),
so the check only fires when the listed parts already exceed the whole, which is what a wrong total
or a wrong part does. The one exception is trade, where imports less exports is the deficit by
definition.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from numcheck import cues
from numcheck.english import CALENDAR_NAMES, singular, verb_stem
from numcheck.model import Claim
from numcheck.relate_text import (
    _QUAL,
    _contexts_differ,
    _Draft,
    _is_count_like,
    _nouns_agree,
    _states_change,
    _Text,
    _words,
)

#: ``_list_after`` and ``_SHARE_JOINS`` are also read by relate.py's compact breakdowns.
__all__ = ["link_parts"]


def link_parts(text: _Text) -> Iterator[_Draft]:
    """Every draft the linkers of this module find."""
    yield from _link_of_which(text)
    yield from _link_continuations(text)
    yield from _link_restated_shares(text)
    yield from _link_named_fractions(text)
    yield from _link_of_clauses(text)
    yield from _link_share_lists(text)
    yield from _link_trade_balances(text)
    yield from _link_financed_deals(text)


# --- lists ---------------------------------------------------------------------------------------

_LIST_GAP = re.compile(r"^[^\d;:.!?]{0,80}$")
_LAST_JOIN = re.compile(r"\band\b|\bas\s+well\s+as\b|\bplus\b", re.I)


def _list_after(text: _Text, first: Claim, unit: str, joiners: re.Pattern[str] = _LAST_JOIN) -> list[Claim]:
    """The run of same-unit figures from ``first`` joined as a list ("30 adults, 17 teenagers and 7")."""
    run = [first]
    while True:
        nxt = text.next_in_sentence(run[-1])
        if nxt is None or nxt.unit != unit or nxt.kind != "number" or nxt.qualifier == "vague":
            break
        gap = text.gap(run[-1], nxt) or ""
        if not _LIST_GAP.match(gap) or not ("," in gap or joiners.search(gap)):
            break
        run.append(nxt)
        if joiners.search(gap):
            break
    if len(run) < 2 or not joiners.search(text.gap(run[-2], run[-1]) or ""):
        return []
    return run


# --- "of which", "of this" -----------------------------------------------------------------------

_LIMITERS = r"(?:(?:only|just|a\s+mere|almost|nearly)\s+)?"
#: "£4bn on waste, of which £1.3bn": the part right after "of which/whom".
_OF_WHICH_BEFORE = re.compile(r",\s*of\s+(?:which|whom)\s+" + _LIMITERS + _QUAL + r"$", re.I)
#: "Just £8,170 of this was cash": "of this" right after the part, then a verb or a stop.
_OF_THIS_AFTER = re.compile(r"^\s+of\s+(?:this|that|it|them|these|those)\b\s*(?:[,.;]|(?:was|were|is|are|will|would|"
                            r"had|has|have|went|came|could|can|must|may|might)\b)", re.I)

#: "Of this, £1m will go on roads": the part opens the next sentence.
_OF_THIS_BEFORE = re.compile(r"^\s*Of\s+(?:this|that|these|those|them)\s*,\s*" + _LIMITERS + _QUAL + r"$", re.I)


def _link_of_which(text: _Text) -> Iterator[_Draft]:
    """"£4bn ..., of which £1.3bn ...", "took in £63,081. Just £8,170 of this was cash", "Of that,
    £12m ...": one part of the whole that the relative or demonstrative names. The whole is the only
    figure of the part's unit it can refer to: the last one before "of which" in its sentence, or
    for "this" the only one before the part in its sentence, or else in the sentence before."""
    for part in text.figures:
        near = text.text[max(0, part.start - 80) : part.end + 12].lower()
        if not _is_count_like(part) or "of " not in near:
            continue  # a cheap test first: most figures have no "of" near them
        if _OF_WHICH_BEFORE.search(text.tail(part, 60, clause=False)):
            whole = _same_unit_before(text, part)
            if whole is not None and _nouns_agree(part, whole) and not _ends_list(text, whole):
                yield _Draft("part_of_whole", (part, whole), ("part", "whole"), "of which")
        elif _OF_THIS_AFTER.match(text.after(part, clause=False)) or _OF_THIS_BEFORE.match(
                text.before(part, clause=False)):
            whole = _only_antecedent(text, part)
            if whole is not None and _nouns_agree(part, whole):
                yield _Draft("part_of_whole", (part, whole), ("part", "whole"), "of this")


def _same_unit_before(text: _Text, claim: Claim) -> Claim | None:
    """The nearest earlier figure of the claim's unit in its sentence, skipping conversions in
    brackets and figures of other units."""
    found = text.earlier_of_unit(claim, claim.sentence, claim.unit)
    return found[-1] if found and _is_count_like(found[-1]) else None


def _ends_list(text: _Text, claim: Claim) -> bool:
    """"500 cars and 300 vans, of which ...": the relative may cover the whole list, not its last item."""
    previous = _same_unit_before(text, claim)
    gap = text.gap(previous, claim) if previous is not None else None
    return gap is not None and bool(re.search(r"^[^\d]{0,40}$", gap)) and bool(re.search(r",|\band\b|\bor\b", gap))


def _earlier_here_or_before(text: _Text, claim: Claim, unit: str) -> list[Claim]:
    """The figures of ``unit`` before the claim in its sentence, or when there are none, those of the
    sentence before (at most ``_LOOKBACK`` of them: the callers want the only one)."""
    return text.earlier_of_unit(claim, claim.sentence, unit) or text.earlier_of_unit(claim, claim.sentence - 1, unit)


def _next_of_unit(text: _Text, claim: Claim) -> Claim | None:
    mentions = text.by_sentence_unit.get((claim.sentence, claim.unit), [])
    index = bisect.bisect_right(mentions, claim.end, key=lambda c: c.start)
    return mentions[index] if index < len(mentions) else None


def _only_antecedent(text: _Text, claim: Claim) -> Claim | None:
    """What "this"/"that" after a figure refers to: the only other figure of its unit earlier in its
    sentence, or when there is none, the only one in the sentence before."""
    pool = _earlier_here_or_before(text, claim, claim.unit)
    # A change amount can be the antecedent: "raised £90,000. Only £15,000 of this came from firms".
    if len(pool) != 1 or not _is_count_like(pool[0]) or _COMPARED_BEFORE.search(text.tail(pool[0], 40)):
        return None
    return pool[0]


# --- continuations: "another", "a further", "N more" ---------------------------------------------

_ANOTHER_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+" + _QUAL + r"$", re.I)
_MORE_AFTER = re.compile(r"^\s+more\b(?!\s+than)", re.I)
#: A figure that is an old value ("up from £40m") or a comparison, never the whole of what follows.
_COMPARED_BEFORE = re.compile(r"\b(?:from|compared\s+(?:with|to)|against|versus|than|on)\s+"
                              r"(?:[A-Z][a-z]+['’]s\s+)?" + _QUAL + r"$", re.I)


def _link_continuations(text: _Text) -> Iterator[_Draft]:
    """"cut around 12,800 jobs. 5,125 positions would go ... Another 1,700 will go from sales, 3,400
    from ... and 2,600 ...": a first part, then "another"/"a further"/"N more" and any list that
    follows, are parts of the whole stated in the sentence before the first part. The whole must
    count or do the same thing as the parts (the same noun or a synonym, or a shared word such as
    the verb) and be the only figure there that does."""
    for second in text.figures:
        if not _is_amount(second) or not _is_continued(text, second) or not _is_level(text, second):
            continue
        first = _first_part(text, second)
        if first is None:
            continue
        parts = [first, *(_list_after(text, second, second.unit) or [second])]
        if not _alike(parts) or _contexts_differ(text, first, second):
            continue  # "sold 4,000 of its first hybrid ... plans for three more models by 2008"
        whole = _whole_before(text, parts)
        if whole is not None:
            yield _Draft("sum_of_parts", (*parts, whole), ("part",) * len(parts) + ("total",), "another",
                         partial=True)


def _is_amount(claim: Claim) -> bool:
    """A count, a sum of money or a percentage share: what a continuation can add up."""
    return claim.kind == "number" and claim.qualifier != "vague" and claim.unit not in ("fraction", "percentage_point")


def _is_level(text: _Text, claim: Claim) -> bool:
    """Not the size of a change of a level ("rose 5%", "up $3m"). A count after a change verb is what
    was done, and a whole or a part: "expects to cut 12,800 jobs", "will cut 1,200 in branches"."""
    return claim.unit == "count" or not _states_change(text, claim)


def _is_continued(text: _Text, claim: Claim) -> bool:
    near = text.text[max(0, claim.start - 40) : claim.end + 10].lower()
    if not any(word in near for word in ("another", "further", "additional", "extra", "more")):
        return False  # a cheap test first, before the clause is read
    return bool(_ANOTHER_BEFORE.search(text.tail(claim, 40)) or _MORE_AFTER.match(text.after(claim)))


def _first_part(text: _Text, second: Claim) -> Claim | None:
    """The part "another" continues: the only figure of its unit before it in the sentence, else the
    only one in the sentence before (in the same paragraph). With two candidates ("a further 70
    aircraft ... 225 firm orders and options on 193 more") it is not clear what continues what."""
    pool = _earlier_here_or_before(text, second, second.unit)
    before = pool[0] if len(pool) == 1 and pool[0].paragraph == second.paragraph else None
    if before is None or not _is_amount(before) or not _is_level(text, before):
        return None
    return before


def _same_actor(text: _Text, whole: Claim, first: Claim) -> bool:
    """Every name before the first part is in the whole's sentence: "Toyota sold 2m cars. Honda sold
    1.5m, and Nissan another 1m" ranks rivals, while "Scottish and Newcastle (S&N) is to buy 37.5% ...
    S&N will buy a 17.5% stake ... and another 20%" splits one buyer's deal."""
    start, end = text.sentence_span(whole)
    known = set(_words(text.text[start:end]))
    named = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text.before(first, clause=False)) if w[0].isupper()}
    return all(w in known for w in named if w not in cues.STOPWORDS and w not in CALENDAR_NAMES)


def _alike(parts: list[Claim]) -> bool:
    nouns = [p.noun for p in parts if p.noun]
    return all(cues.same_thing(nouns[0], n) for n in nouns[1:])


def _whole_before(text: _Text, parts: list[Claim]) -> Claim | None:
    first = parts[0]
    pool = [c for c in text.earlier_of_unit(first, first.sentence - 1, first.unit) if _is_amount(c)]
    related = [c for c in pool if _is_level(text, c) and not _is_continued(text, c)
               and not _COMPARED_BEFORE.search(text.tail(c, 40))
               and _related(text, c, parts) and not _contexts_differ(text, c, first) and _same_actor(text, c, first)]
    return related[0] if len(related) == 1 else None


def _related(text: _Text, whole: Claim, parts: list[Claim]) -> bool:
    """The whole counts what the parts count (one noun, or synonyms such as jobs and positions),
    shares a subject word with the first part ("repay $220m" ... "pay $100m now"), or the parts name
    nothing and the first opens its sentence ("shed 2,000 jobs. About 1,200 will go ..."): a bare
    figure as the subject counts what the sentence before counted."""
    if _adds(text, parts[0]) and not _adds(text, whole):
        return False  # "has 300 stores. It plans to open 200 stores ... and another 150": growth, not parts
    nouns = {p.noun for p in parts if p.noun}
    if whole.noun and nouns:
        return any(cues.same_thing(whole.noun, n) for n in nouns)
    # Not for percentages: "25% did not know. Only 51% had made up their minds. Another 7% ..." are
    # shares of one poll, not parts of the 25%.
    if not nouns and whole.unit != "percent" and _ELLIPTIC_START.match(text.before(parts[0], clause=False)):
        return True
    return bool(_doings(text, whole) & _doings(text, parts[0]))


#: Verbs that add to what exists (open stores, hire staff): such parts are not parts of a stock
#: stated before ("has 300 stores"), but of a plan that says the same verb.
_ADDING_STEMS = ("open", "hir", "recruit", "add", "creat", "build", "launch")


def _adds(text: _Text, claim: Claim) -> bool:
    return any(w.startswith(_ADDING_STEMS) for w in _words(re.split(r"[,;:()]", text.tail(claim, 60))[-1])[-5:])


_ELLIPTIC_START = re.compile(r"^\s*" + _LIMITERS + _QUAL + r"$", re.I)


_NOT_DOINGS = frozenset("another further additional extra more said says have has had were was are been get got "
                        "make made take took give gave total".split())


def _doings(text: _Text, claim: Claim) -> set[str]:
    """What the words just before a figure say is done with it ("offered to repay its creditors",
    "hoped to pay"): up to five content words after the last punctuation, stemmed, with a repeat
    prefix dropped ("repay" and "pay" do the same thing to money)."""
    head = re.split(r"[,;:()\"“”]", text.tail(claim, 60))[-1]
    words = [verb_stem(w) for w in _words(head)[-5:] if len(w) > 2 and w not in cues.STOPWORDS
             and w not in _NOT_DOINGS]
    return {w[2:] if w.startswith("re") and len(w) > 4 else w for w in words}


# --- "This is nearly half of the £11.7m" ---------------------------------------------------------

_RESTATE_BEFORE = re.compile(r"^\s*(?:this|that|it|which)\s+(?:is|was|represents|represented|amounts\s+to|"
                             r"amounted\s+to|accounts\s+for|accounted\s+for|makes\s+up|made\s+up)\s+" + _QUAL + r"$",
                             re.I)
_SHARE_OF = re.compile(r"^\s*of\s+(?:the\s+|its\s+|their\s+|all\s+)?" + _QUAL + r"$", re.I)


def _link_restated_shares(text: _Text) -> Iterator[_Draft]:
    """"Labour received more than £5m ... This is nearly half of the £11,724,929 received by all
    parties": a sentence that opens by calling the figure before it a share of a new whole. "This"
    must have one antecedent: the only figure of the whole's unit in the sentence before."""
    for share in text.figures:
        if share.unit not in ("percent", "fraction"):
            continue
        whole = text.next_in_sentence(share)
        if whole is None or not _is_count_like(whole) or not _SHARE_OF.match(text.gap(share, whole) or "0"):
            continue
        part = _restated(text, share, whole)
        if part is None:
            continue
        cue = "this is" if part.sentence < share.sentence else "which is"
        if share.unit == "fraction":
            yield _Draft("fraction_of", (share, part, whole), ("fraction", "part", "whole"), cue)
        else:
            yield _Draft("percent_of", (part, whole, share), ("part", "whole", "percent"), cue)


def _restated(text: _Text, share: Claim, whole: Claim) -> Claim | None:
    """The figure "this"/"which" before the share refers to: the only one of the whole's unit in the
    sentence before ("... £5m. This is nearly half of ..."), or the one right before ", which is"."""
    head = text.before(share, clause=False)
    if _RESTATE_BEFORE.match(head):
        pool = text.earlier_of_unit(share, share.sentence - 1, whole.unit)
    else:
        which = _WHICH_IS_BEFORE.search(text.tail(share, 60, clause=False))
        before = text.previous_in_sentence(share)
        gap = text.gap(before, share) if which is not None and before is not None else None
        near = gap is not None and re.match(r"^[^\d,;]{0,30}$", gap[: -len(which.group(0))])
        pool = [before] if near and not _ends_list(text, before) else []  # "cut 900 jobs and 12 plants, which"
    if len(pool) != 1 or pool[0].unit != whole.unit or not _is_count_like(pool[0]) or not _is_level(text, pool[0]):
        return None
    return pool[0]


_WHICH_IS_BEFORE = re.compile(r",\s*which\s+(?:is|was|represents|represented|amounts\s+to|accounts\s+for)\s+"
                              + _QUAL + r"$", re.I)


# --- "more than half the surplus, 6.962 trillion yen" --------------------------------------------

def _words_before(text: _Text, claim: Claim) -> set[str]:
    """The nouns just before a figure in its clause, singular: "Exports rose to 8.2 trillion yen"."""
    return {singular(w) for w in _words(text.tail(claim, 60))[-6:]}


_FRACTION_OF_NOUN = re.compile(r"^\s+(?:of\s+)?(?:the|its|their)\s+([a-z]+)\s*(?:,|\(|—|–)\s*" + _QUAL + r"$", re.I)


def _link_named_fractions(text: _Text) -> Iterator[_Draft]:
    """"the surplus grew to 12.011 trillion yen, with more than half the surplus, 6.962 trillion yen,
    from trade with the US": a fraction of a whole named by its noun, the part in apposition. The
    whole is the only figure of the part's unit in this or the previous sentence whose subject is that
    noun."""
    for fraction in text.figures:
        part = text.next_in_sentence(fraction) if fraction.unit == "fraction" else None
        if part is None or not _is_count_like(part):
            continue
        match = _FRACTION_OF_NOUN.match(text.gap(fraction, part) or "0")
        if match is None:
            continue
        noun = singular(match.group(1))
        earlier = [*text.earlier_of_unit(fraction, fraction.sentence - 1, part.unit),
                   *text.earlier_of_unit(fraction, fraction.sentence, part.unit)]
        pool = [c for c in earlier if _is_count_like(c) and noun in _words_before(text, c)
                and not _states_change(text, c)]
        if len(pool) == 1:
            yield _Draft("fraction_of", (fraction, part, pool[0]), ("fraction", "part", "whole"),
                         f"of the {match.group(1).lower()}")


# --- "that of the £750m pledged ..., only £41m" --------------------------------------------------

#: "of the" opening a clause mid-sentence ("claim that of the £750m"); relate.py reads it at the
#: start of a sentence.
_OF_MID_CLAUSE = re.compile(r"\b(?:that|and|but)\s+of\s+(?:the|its|their|all)\s+" + _QUAL + r"$", re.I)
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")


def _link_of_clauses(text: _Text) -> Iterator[_Draft]:
    """"The Tories claim that of the £750m pledged in 2000 for sports halls, only £41m had been spent":
    the whole opens the clause, its part is the first figure of its unit after the comma."""
    for whole in text.figures:
        if "of " not in text.text[max(0, whole.start - 40) : whole.start].lower() or not _is_count_like(whole):
            continue
        if not _OF_MID_CLAUSE.search(text.tail(whole, 40, clause=False)):
            continue
        part = _next_of_unit(text, whole)
        gap = text.gap(whole, part) if part is not None else None
        if part is None or gap is None or not _is_count_like(part) or not _nouns_agree(part, whole):
            continue
        lead = gap[gap.rfind(",") + 1 :] if "," in gap else None
        if lead is not None and len(gap) <= 140 and len(lead) <= 40 and not re.search(r"\d", _YEARS.sub("", gap)):
            yield _Draft("part_of_whole", (part, whole), ("part", "whole"), "of the")


# --- shares of one base: "Of its bondholders, 38.4% ..., 15.6% ...", "lead by 39% to 34%" --------------

_OF_BASE = re.compile(r"^\s*Of\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+|[A-Z][\w&-]*['’]s\s+)?"
                      r"[a-z][a-z'’ -]{0,40},\s*$")
#: A later share of an "Of <base>," list that repeats no verb, only the category: "38.4% reside in
#: Argentina, 15.6% in Italy". Answers to separate questions repeat their verb ("60% use email, 45%
#: use text messages") and may add up to more than 100%.
_ELLIPTIC_SHARE = re.compile(r"^\s+(?:in|from|at|on|for|to|by|with)\b", re.I)
_SHARE_JOINS = re.compile(r"\band\b|\bwhile\b|\bwith\b", re.I)
#: "Labour lead the Conservatives by 39% to 34%", "the motion was carried by 60% to 40%": a split.
_WINS_BY = re.compile(r"\b(?:lead|leads|led|ahead\s+of|beat|beats|trail|trails|won|wins|carried|backed|rejected|"
                      r"approved|defeated)\b([^\d,;]{0,40})\bby\s+$", re.I)
_THIRD_ON = re.compile(r"^[^\d;]{0,60}\b(?:with|while|and)\b[^\d;]{0,40}\bon\s+" + _QUAL + r"$", re.I)


def _link_share_lists(text: _Text) -> Iterator[_Draft]:
    """Percentages of one base that may leave some out (the undecided, other countries), so together
    they can only fall short of 100%: a list of categories after "Of <the base>," ("38.4% reside in
    Argentina, 15.6% in Italy"), and a poll or vote split "by 39% to 34%, with the third party on
    19%"."""
    for first in text.figures:
        if first.unit != "percent" or first.kind != "number" or first.qualifier not in ("eq", "approx"):
            continue
        if _OF_BASE.match(text.before(first, clause=False)):
            run = _list_after(text, first, "percent", _SHARE_JOINS)
            run = run if all(_ELLIPTIC_SHARE.match(text.after(c)) for c in run[1:]) else []
            cue = "of"
        else:
            run, cue = _split_by(text, first), "by ... to"
        if len(run) >= 2 and all(_is_plain_share(text, c, cue == "of") for c in run):
            yield _Draft("sum_of_parts", tuple(run), ("part",) * len(run), cue, partial=True)


def _split_by(text: _Text, first: Claim) -> list[Claim]:
    second = text.next_in_sentence(first)
    if second is None or second.unit != "percent" or text.gap(first, second) != " to ":
        return []
    match = _WINS_BY.search(text.tail(first, 80))
    if match is None:
        return []
    if any(cues.direction_of(w) for w in _words(match.group(1))):
        return []  # "their lead fell by 5% to 34%" is a change
    third = text.next_in_sentence(second)
    if third is not None and third.unit == "percent" and _THIRD_ON.match(text.gap(second, third) or "0"):
        return [first, second, third]
    return [first, second]


def _is_plain_share(text: _Text, claim: Claim, compared: bool = True) -> bool:
    """A share as it stands, not a change ("up 5%") or, when ``compared``, a comparison ("up from
    35%"); a vote split's third party stands "on 19%", which is its share."""
    return (claim.kind == "number" and claim.qualifier in ("eq", "approx") and not _states_change(text, claim)
            and not (compared and _COMPARED_BEFORE.search(text.tail(claim, 40))))


# --- trade: imports = exports + deficit ----------------------------------------------------------

_TRADE_WORD = re.compile(r"\b(export|import)(?:s|ed|ing)?\b", re.I)
_BALANCE_WORD = re.compile(r"\b(deficit|surplus|shortfall|gap|difference|balance)\b", re.I)
#: Words that narrow a trade figure to part of the trade: a balance "for goods alone" is not the
#: balance of exports "including goods and services".
_SCOPE_WORDS = frozenset("goods services oil visible invisible manufactured food energy".split())


def _link_trade_balances(text: _Text) -> Iterator[_Draft]:
    """"The deficit for goods alone was £4.6bn. During November the UK exported £16.9bn worth of goods,
    but imported £21.5bn": a balance, then the exports and imports it is the difference of, in the
    next sentence. Imports are exports plus a deficit (exports are imports plus a surplus; a "gap" or
    "difference" is the larger less the smaller). The balance must be the only one stated in the
    sentence before, and any scope it names (goods, the EU) must be the exports' and imports' too."""
    for sentence, figures in text.by_sentence.items():
        start, end = text.sentence_span(figures[0])
        words_in = text.text[start:end].lower()
        if "xport" not in words_in or "mport" not in words_in:
            continue
        words = [(_trade_word(text, c), c) for c in figures if _is_count_like(c)]
        trade = [(word, c) for word, c in words if word]
        if sorted(word for word, _ in trade) != ["export", "import"] or trade[0][1].unit != trade[1][1].unit:
            continue
        exports, imports = (c for _, c in sorted(trade, key=lambda pair: pair[0]))
        if len(text.by_sentence_unit.get((sentence, exports.unit), ())) != 2:
            continue  # "exported £16.9bn of goods and £8bn of services": which exports is the balance of?
        balances = [c for c in text.earlier_of_unit(exports, sentence - 1, exports.unit)
                    if _is_count_like(c) and _balance_word(text, c)]
        if len(balances) != 1 or not _scope(text, balances[0]) <= _scope(text, exports) | _scope(text, imports):
            continue
        balance = balances[0]
        word = _balance_word(text, balance)
        larger = exports if word == "surplus" or (word != "deficit" and exports.value > imports.value) else imports
        smaller = imports if larger is exports else exports
        yield _Draft("sum_of_parts", (smaller, balance, larger), ("part", "part", "total"), word)


def _stretch(text: _Text, claim: Claim) -> str:
    """The words that belong to a figure: its sentence since the previous figure of its unit."""
    previous = next(iter(text.earlier_of_unit(claim, claim.sentence, claim.unit, limit=1)), None)
    before = text.before(claim, clause=False)
    return before[len(before) - (claim.start - previous.end) :] if previous is not None else before


def _trade_word(text: _Text, claim: Claim) -> str:
    """"export" or "import" when the figure's own words last name one, and it is a level, not a change."""
    found = _TRADE_WORD.findall(_stretch(text, claim))
    if not found or _states_change(text, claim) or _COMPARED_BEFORE.search(text.tail(claim, 40)):
        return ""
    return found[-1].lower()


def _balance_word(text: _Text, claim: Claim) -> str:
    found = _BALANCE_WORD.findall(_stretch(text, claim))
    if not found or _states_change(text, claim) or _COMPARED_BEFORE.search(text.tail(claim, 40)):
        return ""
    return found[-1].lower()


def _scope(text: _Text, claim: Claim) -> set[str]:
    """What a trade figure is narrowed to: goods, services, a named partner ("with the EU")."""
    clause = text.before(claim, clause=False) + claim.text + text.after(claim)[:40]
    words = set(_words(clause)) & _SCOPE_WORDS
    partners = {m.group(1).lower() for m in re.finditer(r"\bwith\s+(?:the\s+)?([A-Z][\w-]+)", clause)}
    return words | partners


# --- "The deal will be financed with $15bn of shares as well as a $1bn dividend" ---------------

#: How many sentences back a deal's value may stand from the sentence that says how it is paid for.
_DEAL_REACH = 20
_DEAL_NOUNS = frozenset("deal takeover acquisition merger bid offer purchase buyout package".split())
_FINANCED_BY = re.compile(r"^\s*(?:the|this)\s+([a-z]+)\s+(?:will\s+be|would\s+be|is|was|is\s+being|has\s+been)\s+"
                          r"(?:financed|funded|paid\s+for|paid|made\s+up|split|divided)\s+"
                          r"(?:with|by|in|through|of|between|into)\s+" + _QUAL + r"$", re.I)


def _link_financed_deals(text: _Text) -> Iterator[_Draft]:
    """"SBC's $16bn takeover of AT&T ... The deal will be financed with $15bn of shares as well as a
    $1bn special dividend": a list that says how a deal is paid for splits the deal's value, stated
    earlier with the same noun (deal, takeover, bid ...). Partial: not every source of money may be
    listed."""
    for first in text.figures:
        match = _FINANCED_BY.match(text.before(first, clause=False))
        if match is None or match.group(1).lower() not in _DEAL_NOUNS or not _is_count_like(first):
            continue
        parts = _list_after(text, first, first.unit)
        earlier = (c for s in range(max(0, first.sentence - _DEAL_REACH), first.sentence)
                   for c in text.earlier_of_unit(first, s, first.unit))
        wholes = [c for c in earlier if _is_count_like(c) and _names_deal(text, c)]
        if parts and wholes and len({c.value for c in wholes}) == 1:
            yield _Draft("sum_of_parts", (*parts, wholes[-1]), ("part",) * len(parts) + ("total",),
                         match.group(1).lower(), partial=True)


def _names_deal(text: _Text, claim: Claim) -> bool:
    """"a $16bn (£8.5bn) takeover", "a deal worth $16bn": a deal noun right beside the figure."""
    after = re.sub(r"^\s*\([^)]*\)", "", text.after(claim, clause=False))[:25]
    before = text.tail(claim, 30, clause=False)
    near = _words(after)[:2] + _words(re.sub(r"\b(?:worth|valued\s+at|of)\s+" + _QUAL + r"$", "", before))[-1:]
    return any(singular(w) in _DEAL_NOUNS for w in near) and not _states_change(text, claim)
