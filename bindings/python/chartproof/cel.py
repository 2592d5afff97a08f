"""CEL, Kubernetes' policy language, evaluated offline by chartproof's engine (docs/cel.md): the
same entry point as ``chartproof cel EXPR --object FILE --params FILE --kube-version V``."""
import os
from dataclasses import dataclass
from typing import Optional, Union

from . import _core

PathArg = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class Result:
    """``value`` is the result as a CEL literal (``true``, ``[1, "a"]``), or the error's message when
    ``ok`` is False (what ``chartproof cel`` prints on stderr, exiting 1); ``cost`` the runtime cost."""
    ok: bool
    value: str
    cost: int


def evaluate(expression: str, object: Optional[PathArg] = None,  # noqa: A002 - the CEL variable's name
             params: Optional[PathArg] = None, kube_version: Optional[str] = None) -> Result:
    """Evaluates ``expression`` with ``object`` and ``self`` bound to the first YAML (or JSON)
    document of the ``object`` file and ``params`` to that of the ``params`` file; ``kube_version``
    (``"1.30"``) enables only the CEL libraries that Kubernetes version has. A syntax error, an
    unreadable file or a bad version raises UsageError (the CLI's exit 2)."""
    d = _core.evaluate_cel(expression, os.fspath(object) if object is not None else "",
                           os.fspath(params) if params is not None else "", kube_version or "")
    return Result(bool(d["ok"]), str(d["value"]), int(d["cost"]))
