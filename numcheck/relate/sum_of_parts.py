"""sum_of_parts: a total and its breakdown, and shares of one base that add up to (at most) 100%.

"all 52 passengers: 30 adults, 17 teenagers and 7 infants", "cut around 12,800 jobs. 5,125 positions
would go ... Another 1,700 ...", "55% voted yes, 38% no and 7% abstained", "Of its bondholders, 38.4%
reside in Argentina, 15.6% in Italy", "lead by 39% to 34%", imports = exports + deficit, a deal and
how it is financed. A breakdown introduced by "including", "of which", "another" may leave parts out
(``partial``), so the check only fires when the listed parts already exceed the whole. The compact
breakdown linker also yields the one-part case "Of the 112 drones launched, air defences shot down
84" as a part_of_whole, because it is read from the same shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from numcheck.english import CALENDAR_NAMES, direction_of, singular, verb_stem
from numcheck.model import Claim
from numcheck.relate import tables
from numcheck.relate.clause import (
    QUAL,
    ClauseView,
    Draft,
    contexts_differ,
    counts_acts,
    counts_people,
    is_compound_modifier,
    is_count_like,
    is_per_unit,
    lower_words,
    narrows,
    nouns_agree,
    same_thing,
    states_change,
)
from numcheck.relate.shapes import (
    COMPARED_BEFORE,
    LIMITERS,
    SHARE_JOINS,
    earlier_here_or_before,
    is_amount,
    is_level,
    list_after,
)

__all__ = [
    "link_breakdowns",
    "link_continuations",
    "link_financed_deals",
    "link_opposed_answers",
    "link_percent_partitions",
    "link_remainders",
    "link_share_lists",
    "link_trade_balances",
    "link_vote_shares",
]


_OF_START = re.compile(r"^\s*(?:[\"“'‘])?of\s+(?:the\s+|all\s+)?" + QUAL + r"$", re.I)


def link_breakdowns(text: ClauseView) -> Iterator[Draft]:
    """A total followed by its breakdown in one sentence."""
    for total in text.figures:
        first = text.next_in_sentence(total)
        if first is None or not is_count_like(total) or first.unit != total.unit or not is_count_like(first):
            continue
        intro = (text.gap(total, first) or "").lower()
        if len(intro) > 60 or re.search(r"\d", intro):
            continue
        of_start = bool(_OF_START.match(text.before(total, clause=False)))
        partial = next((w for w in tables.PARTIAL_INTRODUCERS if _introduces(w, intro)), None)
        whole_word = next((w for w in tables.EXHAUSTIVE_INTRODUCERS if w in intro), None)
        if not (partial or whole_word or (of_start and "," in intro)):
            continue
        if not _can_be_total(text, total, first, intro, partial or whole_word):
            continue
        if tables.RANK_PATTERN.search(text.window(total)):
            continue  # "the top 40 ... at number 20, 27 and 37" lists ranks, not parts
        parts = list_after(text, first, total.unit)
        if not parts and of_start and "," in intro and nouns_agree(first, total):
            # "Of the 112 drones launched, air defences shot down 84": one part of a whole
            yield Draft("part_of_whole", (first, total), ("part", "whole"), "of")
        by_of = not (partial or whole_word)
        if not parts or _enumerates(total, parts) or not _are_parts(text, total, parts, by_of):
            continue
        tail = text.after(parts[-1]).lower()[:40] + " ".join(text.gap(a, b) or "" for a, b in pairwise(parts))
        closes = any(w in tail for w in tables.REMAINDER_WORDS)
        is_partial = bool(partial) or (of_start and not whole_word and not closes)
        cue = partial or whole_word or "of"
        yield Draft("sum_of_parts", (*parts, total), ("part",) * len(parts) + ("total",), cue.strip(),
                     partial=is_partial)


def _introduces(word: str, intro: str) -> bool:
    """Whether ``word`` introduces the first part: it stands right before it, past a qualifier.
    "four including Cheney have lost their primaries, four have retired" has "including" before a
    name, and the figures after it are no breakdown of the first four. The word is looked for as a
    plain substring first: most gaps hold none of the introducers, and the pattern needs it."""
    return word in intro and bool(re.search(rf"\b{word}\b[\s,:]*(?:(?:the|a|an)\s+)?" + LIMITERS + QUAL + r"$", intro))


def _can_be_total(text: ClauseView, total: Claim, first: Claim, intro: str, introducer: str | None) -> bool:
    """Roles that rule a figure out as the total of what follows it: a rate per unit ("20.3p a
    share"), an adjective ("two 50-megapixel cameras", "the four-legged brigade") on either side, or
    a total that is the subject of its own verb before the dash ("Three others have lost – four
    retired and two won": a new statement, not the three's breakdown)."""
    if is_per_unit(text, total) or is_compound_modifier(text, total) or is_compound_modifier(text, first):
        return False
    own = intro.split(introducer)[0] if introducer else ""
    return not any(w in tables.FINITE_AUXILIARIES for w in lower_words(own))


def _are_parts(text: ClauseView, total: Claim, parts: list[Claim], by_of: bool) -> bool:
    """Whether the listed figures are parts of the total by their roles.

    - a whole of people has no acts for parts ("eight women, including eight allegations of rape and
      four of assault" lists charges, not women);
    - "Of the 10 pregnancy apps, 10 period trackers and five wearables reviewed, only seven ...": a
      list after "Of the N," that a comma and another figure follow is the rest of the "of" phrase,
      and the later figure is the part;
    - "12 gains, including five intercepts, and 19 deflections": two items never take a comma before
      "and", so the comma closes the aside and the second figure stands beside the total;
    - a part whose own words narrow an earlier part's ("158 depicted women, and only 25 depicted
      non-royal women") is a subset of it, not a second part.
    """
    if counts_people(total.noun) and any(counts_acts(p.noun) for p in parts):
        return False
    following = text.next_in_sentence(parts[-1])
    closed = following is not None and "," in (text.gap(parts[-1], following) or "")
    if by_of and closed and following is not None and following.unit == total.unit:
        return False
    if len(parts) == 2 and re.search(r",\s*and\b", text.gap(parts[0], parts[1]) or ""):
        return False
    return not any(narrows(text, a, b) for a, b in pairwise(parts))


def _enumerates(total: Claim, parts: list[Claim]) -> bool:
    """"five countries – Central African Republic (71,800), South Sudan (61,700), ...", "her three
    scores – 6,174 points, 6,222 and 6,377": the count names how many items follow, and the figures
    measure each item. A total as large as the number of parts, or smaller than every part, is no
    sum of them. (Nouns may differ: "64 people: 41 adults, 15 children and eight crew".)"""
    return total.value == len(parts) or all(p.value > total.value for p in parts)


_PAIR_CUES = (("for", "against"), ("yes", "no"), ("backed", "opposed"), ("support", "oppose"),
              ("in favour", "against"), ("in favor", "against"), ("approve", "disapprove"))


def link_percent_partitions(text: ClauseView) -> Iterator[Draft]:
    """"55% voted yes, 38% no and 12% abstained": percentages that split one base add up to 100."""
    seen: set[str] = set()
    for first in text.figures:
        if first.id in seen or first.unit != "percent" or first.kind != "number":
            continue
        previous = text.previous_in_sentence(first)
        if previous is not None and previous.unit == "percent" and previous.id in seen:
            continue
        run = list_after(text, first, "percent", SHARE_JOINS)
        seen.update(c.id for c in run)
        if not run or not _is_partition(text, run):
            continue
        yield Draft("sum_of_parts", tuple(run), ("part",) * len(run), "and")


#: "43% thought he had done a good job and 17% disagreed": a share that answers and one that says no.
_ANSWER_GAP = re.compile(r"^[^\d;]{0,140}?\b(?:said|say|says|thought|think|believed|believe|backed|back|supported|"
                         r"support|agreed|agree|felt|feel|wanted|want|had|approved|approve|favoured|favour)\b"
                         r"[^\d;]*\b(?:and|while|with|but|whereas)\b[^\d;]{0,20}$", re.I)


_SAYS_NO = re.compile(r"^[\s,]*(?:(?:said|saying|say|who\s+said)\s+(?:they\s+)?)?(?:disagreed|disagree|did\s+not|"
                      r"didn['’]t|do\s+not|don['’]t|were\s+against|against|opposed|oppose|disapproved|said\s+no)\b",
                      re.I)


def link_opposed_answers(text: ClauseView) -> Iterator[Draft]:
    """Two shares of one poll, the second the people who said no: "53% said they had sympathy, with
    40% saying they did not". Both answer one question, so together they cannot pass 100%; the pair
    is partial (some had no view)."""
    for first in text.figures:
        second = text.next_in_sentence(first)
        if (second is None or first.unit != "percent" or second.unit != "percent" or first.kind != "number"
                or second.kind != "number" or "vague" in (first.qualifier, second.qualifier)):
            continue
        previous, after = text.previous_in_sentence(first), text.next_in_sentence(second)
        if any(c is not None and c.unit == "percent" for c in (previous, after)):
            continue  # a longer list is for the partition linker
        if _ANSWER_GAP.match(text.gap(first, second) or "0") and _SAYS_NO.match(text.after(second)[:40]):
            yield Draft("sum_of_parts", (first, second), ("part", "part"), "and ... disagreed", partial=True)


def _is_partition(text: ClauseView, run: list[Claim]) -> bool:
    if any(c.qualifier not in ("eq", "approx") for c in run):
        return False
    if states_change(text, run[0]):
        return False  # "risen by 49.5% in Queensland, 41.4% in NSW": rises in three places, no base split
    if not 90 <= sum(c.value for c in run) <= 110:  # a list far from 100% is not one base split up
        return False
    gaps = " ".join(text.gap(a, b) or "" for a, b in pairwise(run))
    context = text.before(run[0])[-30:] + " " + gaps
    if any(w in tables.MEASURE_WORDS for w in lower_words(context)):
        return False
    bases = {re.match(r"\s*of\s+(?:the\s+)?([a-z]+)", text.after(c).lower()) for c in run}
    if len({m.group(1) if m else None for m in bases}) > 1:
        return False  # "55% of men and 45% of women" are two bases
    sentence = " ".join(lower_words(text.clause(run[0]) + text.clause(run[-1])))
    if len(run) == 2:
        return any(re.search(rf"\b{a}\b", sentence) and re.search(rf"\b{b}\b", sentence) for a, b in _PAIR_CUES)
    return any(w in tables.PARTITION_WORDS or verb_stem(w) in tables.PARTITION_WORDS for w in sentence.split())


_ANOTHER_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+" + QUAL + r"$", re.I)


_MORE_AFTER = re.compile(r"^\s+more\b(?!\s+than)", re.I)


def link_continuations(text: ClauseView) -> Iterator[Draft]:
    """"cut around 12,800 jobs. 5,125 positions would go ... Another 1,700 will go from sales, 3,400
    from ... and 2,600 ...": a first part, then "another"/"a further"/"N more" and any list that
    follows, are parts of the whole stated in the sentence before the first part. The whole must
    count or do the same thing as the parts (the same noun or a synonym, or a shared word such as
    the verb) and be the only figure there that does."""
    for second in text.figures:
        if not is_amount(second) or not _is_continued(text, second) or not is_level(text, second):
            continue
        first = _first_part(text, second)
        if first is None:
            continue
        parts = [first, *(list_after(text, second, second.unit) or [second])]
        if not _alike(parts) or contexts_differ(text, first, second):
            continue  # "sold 4,000 of its first hybrid ... plans for three more models by 2008"
        whole = _whole_before(text, parts)
        if whole is not None:
            yield Draft("sum_of_parts", (*parts, whole), ("part",) * len(parts) + ("total",), "another",
                         partial=True)


def _is_continued(text: ClauseView, claim: Claim) -> bool:
    near = text.text[max(0, claim.start - 40) : claim.end + 10].lower()
    if not any(word in near for word in ("another", "further", "additional", "extra", "more")):
        return False  # a cheap test first, before the clause is read
    return bool(_ANOTHER_BEFORE.search(text.tail(claim, 40)) or _MORE_AFTER.match(text.after(claim)))


def _first_part(text: ClauseView, second: Claim) -> Claim | None:
    """The part "another" continues: the only figure of its unit before it in the sentence, else the
    only one in the sentence before (in the same paragraph). With two candidates ("a further 70
    aircraft ... 225 firm orders and options on 193 more") it is not clear what continues what."""
    pool = earlier_here_or_before(text, second, second.unit)
    before = pool[0] if len(pool) == 1 and pool[0].paragraph == second.paragraph else None
    if before is None or not is_amount(before) or not is_level(text, before):
        return None
    return before


def _same_actor(text: ClauseView, whole: Claim, first: Claim) -> bool:
    """Every name before the first part is in the whole's sentence: "Toyota sold 2m cars. Honda sold
    1.5m, and Nissan another 1m" ranks rivals, while "Scottish and Newcastle (S&N) is to buy 37.5% ...
    S&N will buy a 17.5% stake ... and another 20%" splits one buyer's deal."""
    start, end = text.sentence_span(whole)
    known = set(lower_words(text.text[start:end]))
    named = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text.before(first, clause=False)) if w[0].isupper()}
    return all(w in known for w in named if w not in tables.STOPWORDS and w not in CALENDAR_NAMES)


def _alike(parts: list[Claim]) -> bool:
    nouns = [p.noun for p in parts if p.noun]
    return all(same_thing(nouns[0], n) for n in nouns[1:])


def _whole_before(text: ClauseView, parts: list[Claim]) -> Claim | None:
    first = parts[0]
    pool = [c for c in text.earlier_of_unit(first, first.sentence - 1, first.unit) if is_amount(c)]
    related = [c for c in pool if is_level(text, c) and not _is_continued(text, c)
               and not COMPARED_BEFORE.search(text.tail(c, 40))
               and _related(text, c, parts) and not contexts_differ(text, c, first) and _same_actor(text, c, first)]
    return related[0] if len(related) == 1 else None


def _related(text: ClauseView, whole: Claim, parts: list[Claim]) -> bool:
    """The whole counts what the parts count (one noun, or synonyms such as jobs and positions),
    shares a subject word with the first part ("repay $220m" ... "pay $100m now"), or the parts name
    nothing and the first opens its sentence ("shed 2,000 jobs. About 1,200 will go ..."): a bare
    figure as the subject counts what the sentence before counted."""
    if _adds(text, parts[0]) and not _adds(text, whole):
        return False  # "has 300 stores. It plans to open 200 stores ... and another 150": growth, not parts
    nouns = {p.noun for p in parts if p.noun}
    if whole.noun and nouns:
        return any(same_thing(whole.noun, n) for n in nouns)
    # Not for percentages: "25% did not know. Only 51% had made up their minds. Another 7% ..." are
    # shares of one poll, not parts of the 25%.
    if not nouns and whole.unit != "percent" and _ELLIPTIC_START.match(text.before(parts[0], clause=False)):
        return True
    return bool(_doings(text, whole) & _doings(text, parts[0]))


#: Verbs that add to what exists (open stores, hire staff): such parts are not parts of a stock
#: stated before ("has 300 stores"), but of a plan that says the same verb.
_ADDING_STEMS = ("open", "hir", "recruit", "add", "creat", "build", "launch")


def _adds(text: ClauseView, claim: Claim) -> bool:
    return any(w.startswith(_ADDING_STEMS) for w in lower_words(re.split(r"[,;:()]", text.tail(claim, 60))[-1])[-5:])


_ELLIPTIC_START = re.compile(r"^\s*" + LIMITERS + QUAL + r"$", re.I)


_NOT_DOINGS = frozenset("another further additional extra more said says have has had were was are been get got "
                        "make made take took give gave total".split())


def _doings(text: ClauseView, claim: Claim) -> set[str]:
    """What the words just before a figure say is done with it ("offered to repay its creditors",
    "hoped to pay"): up to five content words after the last punctuation, stemmed, with a repeat
    prefix dropped ("repay" and "pay" do the same thing to money)."""
    head = re.split(r"[,;:()\"“”]", text.tail(claim, 60))[-1]
    words = [verb_stem(w) for w in lower_words(head)[-5:] if len(w) > 2 and w not in tables.STOPWORDS
             and w not in _NOT_DOINGS]
    return {w[2:] if w.startswith("re") and len(w) > 4 else w for w in words}


_OF_BASE = re.compile(r"^\s*Of\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+|[A-Z][\w&-]*['’]s\s+)?"
                      r"[a-z][a-z'’ -]{0,40},\s*$")


#: A later share of an "Of <base>," list that repeats no verb, only the category: "38.4% reside in
#: Argentina, 15.6% in Italy". Answers to separate questions repeat their verb ("60% use email, 45%
#: use text messages") and may add up to more than 100%.
_ELLIPTIC_SHARE = re.compile(r"^\s+(?:in|from|at|on|for|to|by|with)\b", re.I)


#: "Labour lead the Conservatives by 39% to 34%", "the motion was carried by 60% to 40%": a split.
_WINS_BY = re.compile(r"\b(?:lead|leads|led|ahead\s+of|beat|beats|trail|trails|won|wins|carried|backed|rejected|"
                      r"approved|defeated)\b([^\d,;]{0,40})\bby\s+$", re.I)


_THIRD_ON = re.compile(r"^[^\d;]{0,60}\b(?:with|while|and)\b[^\d;]{0,40}\bon\s+" + QUAL + r"$", re.I)


def link_share_lists(text: ClauseView) -> Iterator[Draft]:
    """Percentages of one base that may leave some out (the undecided, other countries), so together
    they can only fall short of 100%: a list of categories after "Of <the base>," ("38.4% reside in
    Argentina, 15.6% in Italy"), and a poll or vote split "by 39% to 34%, with the third party on
    19%"."""
    for first in text.figures:
        if first.unit != "percent" or first.kind != "number" or first.qualifier not in ("eq", "approx"):
            continue
        if _OF_BASE.match(text.before(first, clause=False)):
            run = list_after(text, first, "percent", SHARE_JOINS)
            run = run if all(_ELLIPTIC_SHARE.match(text.after(c)) for c in run[1:]) else []
            cue = "of"
        else:
            run, cue = _split_by(text, first), "by ... to"
        if len(run) >= 2 and all(_is_plain_share(text, c, cue == "of") for c in run):
            yield Draft("sum_of_parts", tuple(run), ("part",) * len(run), cue, partial=True)


def _split_by(text: ClauseView, first: Claim) -> list[Claim]:
    second = text.next_in_sentence(first)
    if second is None or second.unit != "percent" or text.gap(first, second) != " to ":
        return []
    match = _WINS_BY.search(text.tail(first, 80))
    if match is None:
        return []
    if any(direction_of(w) for w in lower_words(match.group(1))):
        return []  # "their lead fell by 5% to 34%" is a change
    third = text.next_in_sentence(second)
    if third is not None and third.unit == "percent" and _THIRD_ON.match(text.gap(second, third) or "0"):
        return [first, second, third]
    return [first, second]


def _is_plain_share(text: ClauseView, claim: Claim, compared: bool = True) -> bool:
    """A share as it stands, not a change ("up 5%") or, when ``compared``, a comparison ("up from
    35%"); a vote split's third party stands "on 19%", which is its share."""
    return (claim.kind == "number" and claim.qualifier in ("eq", "approx") and not states_change(text, claim)
            and not (compared and COMPARED_BEFORE.search(text.tail(claim, 40))))


_TRADE_WORD = re.compile(r"\b(export|import)(?:s|ed|ing)?\b", re.I)


_BALANCE_WORD = re.compile(r"\b(deficit|surplus|shortfall|gap|difference|balance)\b", re.I)


#: Words that narrow a trade figure to part of the trade: a balance "for goods alone" is not the
#: balance of exports "including goods and services".
_SCOPE_WORDS = frozenset("goods services oil visible invisible manufactured food energy".split())


def link_trade_balances(text: ClauseView) -> Iterator[Draft]:
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
        words = [(_trade_word(text, c), c) for c in figures if is_count_like(c)]
        trade = [(word, c) for word, c in words if word]
        if sorted(word for word, _ in trade) != ["export", "import"] or trade[0][1].unit != trade[1][1].unit:
            continue
        exports, imports = (c for _, c in sorted(trade, key=lambda pair: pair[0]))
        if len(text.by_sentence_unit.get((sentence, exports.unit), ())) != 2:
            continue  # "exported £16.9bn of goods and £8bn of services": which exports is the balance of?
        balances = [c for c in text.earlier_of_unit(exports, sentence - 1, exports.unit)
                    if is_count_like(c) and _balance_word(text, c)]
        if len(balances) != 1 or not _scope(text, balances[0]) <= _scope(text, exports) | _scope(text, imports):
            continue
        balance = balances[0]
        word = _balance_word(text, balance)
        larger = exports if word == "surplus" or (word != "deficit" and exports.value > imports.value) else imports
        smaller = imports if larger is exports else exports
        yield Draft("sum_of_parts", (smaller, balance, larger), ("part", "part", "total"), word)


def _stretch(text: ClauseView, claim: Claim) -> str:
    """The words that belong to a figure: its sentence since the previous figure of its unit."""
    previous = next(iter(text.earlier_of_unit(claim, claim.sentence, claim.unit, limit=1)), None)
    before = text.before(claim, clause=False)
    return before[len(before) - (claim.start - previous.end) :] if previous is not None else before


def _trade_word(text: ClauseView, claim: Claim) -> str:
    """"export" or "import" when the figure's own words last name one, and it is a level, not a change."""
    found = _TRADE_WORD.findall(_stretch(text, claim))
    if not found or states_change(text, claim) or COMPARED_BEFORE.search(text.tail(claim, 40)):
        return ""
    return found[-1].lower()


def _balance_word(text: ClauseView, claim: Claim) -> str:
    found = _BALANCE_WORD.findall(_stretch(text, claim))
    if not found or states_change(text, claim) or COMPARED_BEFORE.search(text.tail(claim, 40)):
        return ""
    return found[-1].lower()


def _scope(text: ClauseView, claim: Claim) -> set[str]:
    """What a trade figure is narrowed to: goods, services, a named partner ("with the EU")."""
    clause = text.before(claim, clause=False) + claim.text + text.after(claim)[:40]
    words = set(lower_words(clause)) & _SCOPE_WORDS
    partners = {m.group(1).lower() for m in re.finditer(r"\bwith\s+(?:the\s+)?([A-Z][\w-]+)", clause)}
    return words | partners


#: How many sentences back a deal's value may stand from the sentence that says how it is paid for.
_DEAL_REACH = 20


_DEAL_NOUNS = frozenset("deal takeover acquisition merger bid offer purchase buyout package".split())


_FINANCED_BY = re.compile(r"^\s*(?:the|this)\s+([a-z]+)\s+(?:will\s+be|would\s+be|is|was|is\s+being|has\s+been)\s+"
                          r"(?:financed|funded|paid\s+for|paid|made\s+up|split|divided)\s+"
                          r"(?:with|by|in|through|of|between|into)\s+" + QUAL + r"$", re.I)


def link_financed_deals(text: ClauseView) -> Iterator[Draft]:
    """"SBC's $16bn takeover of AT&T ... The deal will be financed with $15bn of shares as well as a
    $1bn special dividend": a list that says how a deal is paid for splits the deal's value, stated
    earlier with the same noun (deal, takeover, bid ...). Partial: not every source of money may be
    listed."""
    for first in text.figures:
        match = _FINANCED_BY.match(text.before(first, clause=False))
        if match is None or match.group(1).lower() not in _DEAL_NOUNS or not is_count_like(first):
            continue
        parts = list_after(text, first, first.unit)
        earlier = (c for s in range(max(0, first.sentence - _DEAL_REACH), first.sentence)
                   for c in text.earlier_of_unit(first, s, first.unit))
        wholes = [c for c in earlier if is_count_like(c) and _names_deal(text, c)]
        if parts and wholes and len({c.value for c in wholes}) == 1:
            yield Draft("sum_of_parts", (*parts, wholes[-1]), ("part",) * len(parts) + ("total",),
                         match.group(1).lower(), partial=True)


def _names_deal(text: ClauseView, claim: Claim) -> bool:
    """"a $16bn (£8.5bn) takeover", "a deal worth $16bn": a deal noun right beside the figure."""
    after = re.sub(r"^\s*\([^)]*\)", "", text.after(claim, clause=False))[:25]
    before = text.tail(claim, 30, clause=False)
    near = lower_words(after)[:2] + lower_words(re.sub(r"\b(?:worth|valued\s+at|of)\s+" + QUAL + r"$", "", before))[-1:]
    return any(singular(w) in _DEAL_NOUNS for w in near) and not states_change(text, claim)


# --- "150 are in London; the remaining 250 work in Leeds" ---------------------------------------

#: Role words that make a figure what is left of a whole once a part is taken.
_REMAINDER_CUES = frozenset({"the remaining", "the rest", "the other", "the remainder"})


def link_remainders(text: ClauseView, found: Sequence[Draft]) -> Iterator[Draft]:
    """"Of the 400 staff, 150 are in London; the remaining 250 work in Leeds", "£4bn ..., of which
    £1.3bn ...; the remaining £2.7bn ...": a part already linked to its whole, then a figure that the
    clause view reads as the remainder, in the part's sentence or the next. The part and the remainder
    are the whole's breakdown, complete by the remainder's own word, so the check holds them to it.
    The remainder must be the next figure of the part's unit after the part, with nothing between."""
    wholes = {d.claims[0].id: d.claims[1] for d in found if d.kind == "part_of_whole"}
    if not wholes:
        return
    for remainder in text.figures:
        near = text.text[max(0, remainder.start - 30) : remainder.start].lower()
        if not any(word in near for word in ("remain", "rest", "other")):
            continue  # a cheap test first: the role words are rare
        if text.cues(remainder).before not in _REMAINDER_CUES or not is_count_like(remainder):
            continue
        pool = earlier_here_or_before(text, remainder, remainder.unit)
        part = pool[-1] if pool else None
        whole = wholes.get(part.id) if part is not None else None
        if part is None or whole is None or (whole.start > part.start and whole.sentence != part.sentence):
            continue
        # Parts of a breakdown sit in different places ("in London", "in Leeds") by design; only a
        # time said for one and not the other makes the remainder another whole's.
        if not nouns_agree(remainder, whole) or text.pins(part).times != text.pins(remainder).times:
            continue
        yield Draft("sum_of_parts", (part, remainder, whole), ("part", "part", "total"),
                    text.cues(remainder).before)


# --- "Labour won 48% of the vote and the Conservatives 33%" ---------------------------------------

#: "48% of the vote", "36% of votes cast", "52% of those polled": a share of a whole that splits.
_OF_THE_VOTE = re.compile(r"^\s+of\s+(?:the\s+)?(?:popular\s+|total\s+|national\s+)?(?:vote|votes|ballots?|"
                          r"those\s+(?:polled|asked|surveyed|questioned)|respondents|the\s+poll)\b", re.I)
#: Between two shares of one vote: the rest of the first clause, then "and"/"while"/"with" and the
#: next party's name, with no verb of its own ("and the Conservatives 33%").
_NEXT_PARTY = re.compile(r"^[^\d;:]{0,60}?(?:,\s*|\s+)(?:and|while|with|against|to)\s+(?:the\s+)?"
                         r"(?:[A-Z][\w'’-]*\s+){1,4}(?:on\s+|with\s+)?" + QUAL + r"$")


def link_vote_shares(text: ClauseView) -> Iterator[Draft]:
    """Shares of one vote or poll named once and then given to the next side by ellipsis: "Labour won
    48% of the vote and the Conservatives 33%", "52% of those polled backed him, with the Greens on
    12%". Each side is a share of one whole, so together they cannot pass 100%; partial, since other
    sides may be left out."""
    for first in text.figures:
        if first.unit != "percent" or first.kind != "number" or first.qualifier not in ("eq", "approx"):
            continue
        if not _OF_THE_VOTE.match(text.after(first, clause=False)) or states_change(text, first):
            continue
        run = [first]
        while (nxt := text.next_in_sentence(run[-1])) is not None and nxt.unit == "percent" and nxt.kind == "number":
            if nxt.qualifier not in ("eq", "approx") or not _NEXT_PARTY.match(text.gap(run[-1], nxt) or "0"):
                break
            if states_change(text, nxt) or COMPARED_BEFORE.search(text.tail(nxt, 40)):
                break
            run.append(nxt)
        if len(run) >= 2:
            yield Draft("sum_of_parts", tuple(run), ("part",) * len(run), "of the vote", partial=True)
