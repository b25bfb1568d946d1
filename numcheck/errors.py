"""One exception tree, so callers can catch numcheck's own failures and nothing else.

Every message is one line in the ``file:line: what is wrong; what is allowed`` shape, because the
CLI prints ``str(error)`` as is and an editor should not have to read a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence


class NumcheckError(Exception):
    """Base of every error numcheck raises on purpose."""


class RuleFileError(NumcheckError):
    """Raised when a rule pack cannot be loaded: bad YAML, unknown check, bad field, duplicate id."""

    def __init__(self, path: str, line: int | None, message: str, column: int | None = None) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.detail = message
        where = path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")
        #: Every problem found when several were collected (see `several`); just this one otherwise.
        self.problems: tuple[RuleFileError, ...] = (self,)

    @classmethod
    def several(cls, problems: Sequence[RuleFileError]) -> RuleFileError:
        """One error carrying every problem found, so a user fixes a file in one pass; its str() is
        one line per problem, each in the ``file:line:col: what`` shape."""
        first = problems[0]
        error = cls(first.path, first.line, first.detail, first.column)
        error.problems = tuple(problems)
        error.args = ("\n".join(str(p) for p in problems),)
        return error


class ConfigError(NumcheckError):
    """Raised for a bad project config (``[tool.numcheck]``, ``.numcheck.yaml``) or CLI option."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        self.path = path
        self.line = line
        self.column = column
        prefix = ""
        if path:
            where = path if line is None else f"{path}:{line}" if column is None else f"{path}:{line}:{column}"
            prefix = f"{where}: "
        super().__init__(prefix + message)


class InputError(NumcheckError):
    """Raised when an article cannot be read: missing, binary, wrong encoding, too large."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


def read_failure(exc: OSError | UnicodeDecodeError) -> str:
    """Why a file could not be read, in words ("Permission denied", "not valid UTF-8"), for one-line
    messages: the exception's class name alone does not tell a user what to fix."""
    if isinstance(exc, UnicodeDecodeError):
        return "not valid UTF-8"
    return exc.strerror or str(exc) or type(exc).__name__
