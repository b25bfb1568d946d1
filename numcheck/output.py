"""Write reports so that nothing is ever lost: no half file, no input overwritten, no node replaced.

``--output`` (and ``--write-baseline``) goes to a temporary file in the same folder, renamed over
the target only once the report is complete: the target is always either the previous full report
or the new one. Three things are never done to a target, whoever runs numcheck (root included):

- **overwrite an input.** The target is compared with every file the run reads by (device, inode),
  not by name, so ``a.md``, ``./a.md``, a hard link or a symlink to it are all the same file. The
  inputs named on the command line are compared before anything is read (the run stops at once);
  the files found in folders are compared again just before the rename, so a report never lands on
  an article the walk read.
- **replace a node that is not a regular file.** A character device or a FIFO (``/dev/null``,
  ``/dev/stdout``, a named pipe) is written to directly, as ``>`` would; a directory, a socket or a
  block device is refused. A symlink is followed: the file it points to is replaced, not the link.
- **leave a temporary file behind**, on an error, Ctrl-C or SIGTERM (the CLI turns SIGTERM into
  the same unwinding as Ctrl-C).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Collection, Iterator
from typing import TextIO

from numcheck.errors import ConfigError

__all__ = ["FileId", "check_target", "file_id", "open_output"]

#: (device, inode): what makes two names the same file.
FileId = tuple[int, int]


def file_id(path: str | int) -> FileId | None:
    """The (device, inode) of a path or an open descriptor; None when it cannot be looked at."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


@contextlib.contextmanager
def open_output(
    path: str | None, option: str = "--output", inputs: Callable[[], Collection[FileId]] | None = None
) -> Iterator[TextIO]:
    """Yield a text stream for the report: stdout, a device or FIFO as is, or an atomically replaced file.

    ``option`` is the flag that named ``path``, so a failure tells the user which one to fix.
    ``inputs`` gives the (device, inode) of every file read so far; it is asked before the stream is
    opened and again before the rename, and the target is refused if it is one of them.
    """
    if path is None or path == "-":
        try:
            yield sys.stdout
            sys.stdout.flush()
        except OSError as exc:
            if isinstance(exc, BrokenPipeError):
                raise
            # What could not be written stays buffered, and Python would try again at exit, with a
            # traceback: standard output goes to the null device from here on.
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise ConfigError(f"cannot write the report to standard output ({exc.strerror or exc})") from None
        return
    info = check_target(path, option, inputs)
    if info is not None and not stat.S_ISREG(info.st_mode):
        yield from _direct(path, option)
        return
    target = os.path.realpath(path)  # a symlink is kept: the file it points to is the one replaced
    folder = os.path.dirname(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".numcheck-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ConfigError(f"cannot write {option} {path} ({exc.strerror or exc})") from None
    try:
        os.fchmod(fd, _report_mode(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        _refuse_input(path, option, info, inputs)  # the walk may have read it meanwhile
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _raise_write_error(exc, path, option)
        raise


def check_target(
    path: str | None, option: str = "--output", inputs: Callable[[], Collection[FileId]] | None = None
) -> os.stat_result | None:
    """Refuse, before anything is read, a target that is an input, a folder, a socket or a block
    device (`ConfigError`); the target's ``stat`` (None: it does not exist yet, or is stdout)."""
    if path is None or path == "-":
        return None
    try:
        info: os.stat_result | None = os.stat(path)  # followed: /dev/stdout is the pipe or file behind it
    except (OSError, ValueError):
        info = None
    _refuse_input(path, option, info, inputs)
    if info is not None and not (stat.S_ISREG(info.st_mode) or stat.S_ISCHR(info.st_mode)
                                 or stat.S_ISFIFO(info.st_mode)):
        raise ConfigError(f"cannot write {option} {path} (it is {_kind(info.st_mode)}, not a file)")
    return info


def _refuse_input(path: str, option: str, info: os.stat_result | None,
                  inputs: Callable[[], Collection[FileId]] | None) -> None:
    # Only a regular file holds data to lose: /dev/null may be both stdin and the output.
    if info is not None and stat.S_ISREG(info.st_mode) and inputs is not None \
            and (info.st_dev, info.st_ino) in inputs():
        raise ConfigError(f"{option} {path} is also an input of this run; refusing to overwrite it "
                          "(write it somewhere else)")


def _direct(path: str, option: str) -> Iterator[TextIO]:
    """Write to a device or FIFO in place: there is nothing to rename, and replacing it would destroy it."""
    try:
        handle = open(path, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise ConfigError(f"cannot write {option} {path} ({exc.strerror or exc})") from None
    try:
        with handle:
            yield handle
    except BaseException as exc:
        _raise_write_error(exc, path, option)
        raise


def _raise_write_error(exc: BaseException, path: str, option: str) -> None:
    """A disk full, a name too long, a device that refuses the write: one line naming the flag.

    A closed pipe is left alone: the CLI ends quietly when the reader of its report went away.
    """
    if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
        raise ConfigError(f"cannot write {option} {path} ({exc.strerror or exc})") from None


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "a special file"


def _report_mode(path: str) -> int:
    """The permissions the report gets: those of the report it replaces, else what ``open`` would give.

    ``mkstemp`` makes its file private (0600) and the rename keeps that, which would leave a CI
    report unreadable to the web server or teammate it is for.
    """
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0o022)  # the only way to read the umask is to set it; put it straight back
        os.umask(umask)
        return 0o666 & ~umask
