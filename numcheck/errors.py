"""One exception tree, so callers can catch numcheck's own failures and nothing else.

Every message is one line in the ``file:line: what is wrong; what is allowed`` shape, because the
CLI prints ``str(error)`` as is and an editor should not have to read a traceback. The constructors
escape what they are given (`numcheck.textfile.one_line`): a file name or an echoed value holding a
newline cannot start a second line, which under ``--format github`` could read as ``::error``.
"""

from __future__ import annotations

from collections.abc import Sequence

from numcheck.textfile import one_line


class NumcheckError(Exception):
    """Base of every error numcheck raises on purpose."""


class RuleFileError(NumcheckError):
    """Raised when a rule pack cannot be loaded: bad YAML, unknown check, bad field, duplicate id."""

    def __init__(self, path: str, line: int | None, message: str, column: int | None = None) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.detail = message = one_line(message)
        where = one_line(path)
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
            shown = one_line(path)
            where = shown if line is None else f"{shown}:{line}" if column is None else f"{shown}:{line}:{column}"
            prefix = f"{where}: "
        super().__init__(prefix + one_line(message))

    @classmethod
    def lines(cls, messages: Sequence[str]) -> ConfigError:
        """One error of several one-line problems (each escaped), printed one per line."""
        error = cls(messages[0])
        error.args = ("\n".join(one_line(m) for m in messages),)
        return error


class InputError(NumcheckError):
    """Raised when an article cannot be read: missing, binary, wrong encoding, too large."""

    #: False for a note (a FIFO passed over in a folder): printed like an error, but the run's exit
    #: code does not change for it.
    fatal = True

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        shown = one_line(path)
        where = f"{shown}:{line}" if line is not None else shown
        super().__init__(f"{where}: {one_line(message)}")


class InputNote(InputError):
    """Something a reader passed over on purpose and says so (a device or FIFO found in a folder,
    a file name shown escaped): one line on stderr like an error, but not a failure of the run."""

    fatal = False


def read_failure(exc: OSError | UnicodeDecodeError) -> str:
    """Why a file could not be read, in words ("Permission denied", "not valid UTF-8"), for one-line
    messages: the exception's class name alone does not tell a user what to fix."""
    if isinstance(exc, UnicodeDecodeError):
        return "not valid UTF-8"
    return exc.strerror or str(exc) or type(exc).__name__
