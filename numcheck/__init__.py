"""numcheck: find every quantity in news text and check that the numbers agree."""

from numcheck.checker import Checker, check, extract
from numcheck.errors import ConfigError, InputError, NumcheckError, RuleFileError
from numcheck.frame import check_frame, compare_frame, extract_frame
from numcheck.model import Claim, Finding, Relation, Report

__version__ = "0.1.0"

__all__ = [
    "Checker",
    "Claim",
    "ConfigError",
    "Finding",
    "InputError",
    "NumcheckError",
    "Relation",
    "Report",
    "RuleFileError",
    "__version__",
    "check",
    "check_frame",
    "compare_frame",
    "extract",
    "extract_frame",
]
