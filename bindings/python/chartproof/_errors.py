"""Errors raised by chartproof; every one carries the location it is about."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional

if TYPE_CHECKING:
    from . import Report


class Error(Exception):
    """Base of chartproof's errors: ``file``, ``line`` and ``column`` say where (0 when unknown)."""

    def __init__(self, message: str, file: str = "", line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.column = column


class InputError(Error):
    """An input path that does not exist or cannot be read."""


class PolicyError(Error):
    """A policy file or option that is not valid."""


class ParseError(Error):
    """YAML that cannot be read (raised by ``parse``; ``lint`` reports it as an ``invalid-yaml`` finding)."""


class ChartError(Error):
    """A chart folder that helm could not render (its error, located at the template line). When other
    charts of the same run rendered, ``report`` holds their findings and ``errors`` every failure."""

    report: Optional["Report"] = None
    errors: List["ChartError"] = []


class UsageError(Error):
    """A request that cannot be run: nothing to lint, or options that contradict each other."""


class RuleError(Error):
    """A Python rule's check raised: the run is not a pass (the message names the rule, the object
    and the exception)."""
