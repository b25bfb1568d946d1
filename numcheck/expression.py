"""numcheck's small, safe arithmetic language for ``expression`` rules.

An expression rule states a fact about named figures of an article, such as
``adults + children + infants == total``. Rule files come from anyone, so the expression is never
handed to Python's ``eval``: this module has its own tokenizer and recursive-descent parser, and
the grammar below is all there is.

Grammar (whitespace is free; ``name`` is a letter followed by letters, digits or ``_``)::

    expression  := or
    or          := and ("or" and)*
    and         := not ("and" not)*
    not         := "not" not | comparison
    comparison  := sum [("<" | "<=" | ">" | ">=" | "==" | "!=") sum]
    sum         := product (("+" | "-") product)*
    product     := unary (("*" | "/" | "%") unary)*
    unary       := ("-" | "+") unary | atom
    atom        := number | name | function "(" sum ("," sum)* ")" | "(" expression ")"
    function    := "abs" | "min" | "max" | "round"
    number      := digits ["." digits]           (no exponents: 1000000, not 1e6)

There are no strings, attribute access (``.``), subscripts (``[ ]``), powers (``**``), lambdas,
keyword arguments or any other Python: each is refused with the column where it starts. Sizes
are bounded too (``MAX_LENGTH`` characters, ``MAX_DEPTH`` levels of nesting), so a rule file
cannot make the parser recurse without end. Comparisons do not chain (write ``a < b and b < c``),
and the whole expression must be a comparison or a combination of comparisons.

Evaluation is over intervals, because a printed figure stands for every value its rounding and
qualifier allow ("about 50" is 47.5 to 52.5). Arithmetic is interval arithmetic; a comparison is
true, false or undecided; ``and``/``or``/``not`` follow three-valued logic. The rule's check fires
only when the expression is false for *every* value inside the figures' intervals, so rounding
never raises an alarm. Division by an interval that contains zero, or an overflow, makes the
result undecided: no finding, never a crash.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from numcheck.intervals import Interval

__all__ = [
    "MAX_DEPTH",
    "MAX_LENGTH",
    "Expression",
    "ExpressionError",
    "Interval",
    "evaluate",
    "evaluate_number",
    "parse",
    "unparse",
]

#: Longest expression accepted; real rules are a line long.
MAX_LENGTH = 500
#: Deepest nesting of parentheses, calls and unary operators, far below Python's recursion limit.
MAX_DEPTH = 30
#: Largest number literal: bigger figures are not in news text, and huge literals invite overflow.
MAX_LITERAL = 1e15

FUNCTIONS = frozenset({"abs", "min", "max", "round"})
KEYWORDS = frozenset({"and", "or", "not"})
COMPARISONS = ("<=", ">=", "==", "!=", "<", ">")

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<number>\d{1,20}(?:\.\d{1,20})?)
      | (?P<name>[A-Za-z][A-Za-z0-9_]{0,63})
      | (?P<op><=|>=|==|!=|[-+*/%(),<>])
    )""",
    re.VERBOSE,
)

#: Things people try that are not in the grammar, with a word on why, checked before the generic error.
_REFUSED = (
    ("**", "powers ('**') are not allowed"),
    ("__", "names starting with '_' are not allowed"),
    (".", "attribute access ('.') is not allowed"),
    ("[", "subscripts ('[') are not allowed"),
    ("'", "strings are not allowed"),
    ('"', "strings are not allowed"),
    ("=", "assignment ('=') is not allowed; compare with '=='"),
    (":", "':' is not allowed (no lambdas or slices)"),
    ("_", "names starting with '_' are not allowed"),
)

_PYTHON_WORDS = frozenset({
    "lambda", "import", "from", "def", "class", "if", "else", "for", "while", "in", "is", "exec", "eval",
    "open", "True", "False", "None", "yield", "with", "global", "return", "pow",
})


class ExpressionError(ValueError):
    """Raised when an expression is outside the grammar; ``column`` is 1-based within it."""

    def __init__(self, message: str, column: int) -> None:
        self.message = message
        self.column = column
        super().__init__(f"column {column}: {message}")


# --- the tree ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Number:
    value: float


@dataclass(frozen=True, slots=True)
class Name:
    name: str


@dataclass(frozen=True, slots=True)
class Unary:
    op: str  # "-" or "+"
    operand: Node


@dataclass(frozen=True, slots=True)
class Binary:
    op: str  # + - * / %
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Call:
    function: str
    args: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Compare:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class BoolOp:
    op: str  # "and" or "or"
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Not:
    operand: Node


Node = Number | Name | Unary | Binary | Call | Compare | BoolOp | Not
_NUMERIC = (Number, Name, Unary, Binary, Call)


@dataclass(frozen=True, slots=True)
class Expression:
    """A parsed expression: its source, its tree and the claim names it uses."""

    source: str
    root: Node
    names: frozenset[str]

    def __str__(self) -> str:
        return self.source


# --- tokenizer and parser ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # number, name, op, end
    text: str
    column: int


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(source):
        match = _TOKEN.match(source, pos)
        if match is None or match.end() == pos:
            rest = source[pos:].lstrip()
            if not rest:
                break
            column = len(source) - len(rest) + 1
            raise ExpressionError(_refusal(rest), column)
        kind = match.lastgroup or "op"
        text = match.group(kind)
        column = match.start(kind) + 1
        end = match.end()
        if kind == "number" and end < len(source) and (source[end] in "._eE" or source[end].isalnum()):
            raise ExpressionError(_refusal(source[end:]) if source[end] in "._" else
                                  "a number must be plain digits (no exponents or suffixes)", end + 1)
        if text == "*" and source.startswith("*", end):
            raise ExpressionError(_refusal("**"), column)
        if kind == "name" and end < len(source) and source[end] in "._":
            raise ExpressionError(_refusal(source[end:]), end + 1)
        tokens.append(_Token(kind, text, column))
        pos = end
    tokens.append(_Token("end", "", len(source) + 1))
    return tokens


def _refusal(rest: str) -> str:
    for start, reason in _REFUSED:
        if rest.startswith(start):
            return reason
    return f"unexpected character {rest[0]!r}"


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = _tokenize(source)
        self.index = 0
        self.depth = 0

    @property
    def token(self) -> _Token:
        return self.tokens[self.index]

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, text: str) -> None:
        if self.token.text != text or self.token.kind != "op":
            raise ExpressionError(f"expected '{text}', found {self._found()}", self.token.column)
        self.index += 1

    def _found(self) -> str:
        return "the end" if self.token.kind == "end" else f"'{self.token.text}'"

    def nested(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(f"nested more than {MAX_DEPTH} levels deep", self.token.column)

    def parse(self) -> Node:
        node = self.boolean()
        if self.token.kind != "end":
            raise ExpressionError(f"unexpected {self._found()}", self.token.column)
        return node

    def boolean(self) -> Node:
        return self.binary_bool("or", self.conjunction)

    def conjunction(self) -> Node:
        return self.binary_bool("and", self.negation)

    def binary_bool(self, word: str, operand: Callable[[], Node]) -> Node:
        left = operand()
        while self.token.kind == "name" and self.token.text == word:
            column = self.take().column
            right = operand()
            _require_boolean(left, word, column)
            _require_boolean(right, word, column)
            left = BoolOp(word, left, right)
        return left

    def negation(self) -> Node:
        if self.token.kind == "name" and self.token.text == "not":
            column = self.take().column
            self.nested()
            operand = self.negation()
            self.depth -= 1
            _require_boolean(operand, "not", column)
            return Not(operand)
        return self.comparison()

    def comparison(self) -> Node:
        column = self.token.column
        left = self.sum()
        if self.token.kind == "op" and self.token.text in COMPARISONS:
            op_token = self.take()
            _require_number(left, column)
            right = _require_number(self.sum(), self.token.column)
            if self.token.kind == "op" and self.token.text in COMPARISONS:
                raise ExpressionError("comparisons do not chain; join them with 'and'", self.token.column)
            return Compare(op_token.text, left, right)
        return left

    def sum(self) -> Node:
        return self.arithmetic(("+", "-"), self.product)

    def product(self) -> Node:
        return self.arithmetic(("*", "/", "%"), self.unary)

    def arithmetic(self, ops: tuple[str, ...], operand: Callable[[], Node]) -> Node:
        column = self.token.column
        node = operand()
        while self.token.kind == "op" and self.token.text in ops:
            op = self.take().text
            right_column = self.token.column
            node = Binary(op, _require_number(node, column), _require_number(operand(), right_column))
        return node

    def unary(self) -> Node:
        if self.token.kind == "op" and self.token.text in "+-":
            op = self.take().text
            self.nested()
            column = self.token.column
            operand = _require_number(self.unary(), column)
            self.depth -= 1
            return Unary(op, operand)
        return self.atom()

    def atom(self) -> Node:
        token = self.token
        if token.kind == "number":
            self.index += 1
            value = float(token.text)
            if value > MAX_LITERAL:
                raise ExpressionError(f"number {token.text} is too large (at most {MAX_LITERAL:.0e})", token.column)
            return Number(value)
        if token.kind == "op" and token.text == "(":
            self.index += 1
            self.nested()
            node = self.boolean()
            self.depth -= 1
            self.expect(")")
            return node
        if token.kind == "name":
            return self.name_or_call(token)
        raise ExpressionError(f"expected a number, a name or '(', found {self._found()}", token.column)

    def name_or_call(self, token: _Token) -> Node:
        self.index += 1
        if token.text in KEYWORDS:
            raise ExpressionError(f"'{token.text}' needs something before it", token.column)
        if token.text in _PYTHON_WORDS:
            raise ExpressionError(f"'{token.text}' is not part of the expression grammar", token.column)
        is_call = self.token.kind == "op" and self.token.text == "("
        if token.text in FUNCTIONS:
            if not is_call:
                raise ExpressionError(f"'{token.text}' is a function; call it as {token.text}(...)", token.column)
            return self.call(token)
        if is_call:
            raise ExpressionError(
                f"unknown function '{token.text}' (expected one of: {', '.join(sorted(FUNCTIONS))})", token.column
            )
        return Name(token.text)

    def call(self, token: _Token) -> Node:
        self.index += 1  # the "("
        self.nested()
        args = [_require_number(self.sum(), self.token.column)]
        while self.token.kind == "op" and self.token.text == ",":
            self.index += 1
            args.append(_require_number(self.sum(), self.token.column))
        self.depth -= 1
        self.expect(")")
        name = token.text
        if name == "abs" and len(args) != 1:
            raise ExpressionError("abs() takes one argument", token.column)
        if name in ("min", "max") and len(args) < 2:
            raise ExpressionError(f"{name}() takes two or more arguments", token.column)
        if name == "round" and not (len(args) == 1 or (len(args) == 2 and _is_digits_literal(args[1]))):
            raise ExpressionError("round() takes a value and optionally a whole number of digits from 0 to 10",
                                  token.column)
        return Call(name, tuple(args))


def _is_digits_literal(node: Node) -> bool:
    return isinstance(node, Number) and node.value.is_integer() and 0 <= node.value <= 10


def _require_number(node: Node, column: int) -> Node:
    if isinstance(node, _NUMERIC):
        return node
    raise ExpressionError("a comparison cannot be used as a number here", column)


def _require_boolean(node: Node, word: str, column: int) -> None:
    if isinstance(node, _NUMERIC):
        raise ExpressionError(f"'{word}' needs comparisons on both sides, such as a == b", column)


def _names(node: Node) -> set[str]:
    if isinstance(node, Name):
        return {node.name}
    if isinstance(node, Number):
        return set()
    if isinstance(node, Unary | Not):
        return _names(node.operand)
    if isinstance(node, Call):
        return set().union(*(_names(a) for a in node.args))
    return _names(node.left) | _names(node.right)


def parse(source: str) -> Expression:
    """Parse ``source`` into an `Expression`, or raise `ExpressionError` naming the column.

    >>> parse("adults + children == total").names == {"adults", "children", "total"}
    True
    >>> parse("__import__('os')")
    Traceback (most recent call last):
    ...
    numcheck.expression.ExpressionError: column 1: names starting with '_' are not allowed
    """
    if not isinstance(source, str) or not source.strip():
        raise ExpressionError("the expression is empty", 1)
    if len(source) > MAX_LENGTH:
        raise ExpressionError(f"longer than {MAX_LENGTH} characters", MAX_LENGTH + 1)
    root = _Parser(source).parse()
    if isinstance(root, _NUMERIC):
        raise ExpressionError("the expression must be a comparison, such as a + b == total", 1)
    return Expression(source.strip(), root, frozenset(_names(root)))


# --- evaluation over intervals -------------------------------------------------------------------


def _finite(result: Interval) -> Interval | None:
    """An arithmetic result, or None when it is undefined: a divisor that may be zero (the one
    `Interval` gives the whole line for it) or an overflow."""
    return result if result.is_finite else None


def _modulo(a: Interval, b: Interval) -> Interval | None:
    if b.low <= 0 <= b.high:
        return None
    if a.low == a.high and b.low == b.high:
        return _finite(Interval.point(a.low % b.low))
    return Interval(0.0, b.high) if b.low > 0 else Interval(b.low, 0.0)


def _binary(op: str, a: Interval, b: Interval) -> Interval | None:
    """The same interval arithmetic as the checks (`numcheck.intervals`), undefined as None."""
    try:
        if op == "+":
            return _finite(a + b)
        if op == "-":
            return _finite(a - b)
        if op == "*":
            return _finite(a * b)
        if op == "/":
            return _finite(a / b)
        return _modulo(a, b)
    except (OverflowError, ZeroDivisionError):
        return None


def _call(function: str, args: list[Interval]) -> Interval | None:
    first = args[0]
    if function == "abs":
        if first.low >= 0:
            return first
        if first.high <= 0:
            return Interval(-first.high, -first.low)
        return Interval(0.0, max(-first.low, first.high))
    if function == "min":
        return Interval(min(a.low for a in args), min(a.high for a in args))
    if function == "max":
        return Interval(max(a.low for a in args), max(a.high for a in args))
    digits = int(args[1].low) if len(args) == 2 else 0
    return _finite(Interval(round(first.low, digits), round(first.high, digits)))


def evaluate_number(node: Node, values: Mapping[str, Interval]) -> Interval | None:
    """The interval an arithmetic node can take, or None when undefined (a zero divisor, overflow)."""
    if isinstance(node, Number):
        return Interval.point(node.value)
    if isinstance(node, Name):
        return values.get(node.name)
    if isinstance(node, Unary):
        inner = evaluate_number(node.operand, values)
        if inner is None or node.op == "+":
            return inner
        return -inner
    if isinstance(node, Binary):
        left, right = evaluate_number(node.left, values), evaluate_number(node.right, values)
        return None if left is None or right is None else _binary(node.op, left, right)
    if isinstance(node, Call):
        args = [evaluate_number(a, values) for a in node.args]
        return None if any(a is None for a in args) else _call(node.function, args)  # type: ignore[arg-type]
    return None


def evaluate(expression: Expression | Node, values: Mapping[str, Interval], tolerance: float = 0.0) -> bool | None:
    """True, False, or None when the intervals allow both (or the arithmetic is undefined).

    ``tolerance`` is an absolute slack for every comparison: ``a == b`` holds within it.

    >>> evaluate(parse("a + b == t"), {"a": Interval(29.5, 30.5), "b": Interval.point(17), "t": Interval.point(52)})
    False
    >>> evaluate(parse("a / b > 1"), {"a": Interval.point(1), "b": Interval(-1, 1)}) is None
    True
    """
    node = expression.root if isinstance(expression, Expression) else expression
    if isinstance(node, Compare):
        left, right = evaluate_number(node.left, values), evaluate_number(node.right, values)
        if left is None or right is None:
            return None
        return left.compare(node.op, right, tolerance)
    if isinstance(node, Not):
        inner = evaluate(node.operand, values, tolerance)
        return None if inner is None else not inner
    if isinstance(node, BoolOp):
        left, right = evaluate(node.left, values, tolerance), evaluate(node.right, values, tolerance)
        if node.op == "and":
            return False if False in (left, right) else True if left and right else None
        return True if True in (left, right) else False if left is False and right is False else None
    return None


_PRECEDENCE = {"or": 1, "and": 2, "not": 3, "compare": 4, "+": 5, "-": 5, "*": 6, "/": 6, "%": 6, "unary": 7}


def _level(node: Node) -> int:
    if isinstance(node, BoolOp | Binary):
        return _PRECEDENCE[node.op]
    if isinstance(node, Compare):
        return _PRECEDENCE["compare"]
    if isinstance(node, Not):
        return _PRECEDENCE["not"]
    if isinstance(node, Unary):
        return _PRECEDENCE["unary"]
    return 9


def unparse(node: Node) -> str:
    """Source text for a node, with the parentheses its precedence needs (for explanations)."""
    def wrap(child: Node, level: int) -> str:
        text = unparse(child)
        return f"({text})" if _level(child) < level else text

    if isinstance(node, Number):
        return f"{node.value:g}"
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Unary):
        return node.op + wrap(node.operand, _PRECEDENCE["unary"])
    if isinstance(node, Not):
        return "not " + wrap(node.operand, _PRECEDENCE["not"])
    if isinstance(node, Call):
        return f"{node.function}({', '.join(unparse(a) for a in node.args)})"
    level = _level(node)
    op = node.op
    right_level = level + 1 if isinstance(node, Binary) else level
    return f"{wrap(node.left, level)} {op} {wrap(node.right, right_level)}"
