"""Fleet audits: every chart x environment x Kubernetes version of a matrix file, linted on this
machine (the library's own engine, as ``chartproof audit``) or on a Dask cluster (``client=``).

For Dask, each task ships what it names (the chart folder as a .tgz, a packaged chart as it is,
its values and policy files) so workers need no shared filesystem, only chartproof and helm. A
worker unpacks them into a temporary folder and runs the task through the library; findings and
errors name the matrix's paths, never the worker's. Results come back in task order, so the
report is the same as the local engine's. ``python -m chartproof.fleet --scheduler ADDR MATRIX``
is what ``chartproof audit --scheduler`` runs.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tarfile
import tempfile
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _core
from ._errors import Error

PathArg = Union[str, "os.PathLike[str]"]
Progress = Callable[[int, int], None]


class AuditReport:
    """The results of every task, in task order, with the audit's reports over them."""

    def __init__(self, core: "_core.AuditResults") -> None:
        self._core = core

    @property
    def tasks(self) -> List[Dict[str, Any]]:
        """Per task: ``task`` (id, chart, environment, values, kube_version, policy), ``error`` (empty
        when it was linted) and ``report`` (its ``chartproof lint --format json`` report, parsed)."""
        out = []
        for r in self._core.results:
            out.append({"task": r["task"], "error": r["error"],
                        "report": json.loads(r["report"]) if r["report"] else None})
        return out

    @property
    def totals(self) -> Dict[str, int]:
        return self._core.totals

    @property
    def failed(self) -> List[Tuple[str, str]]:
        """(task id, error) of every task that could not be linted."""
        return [(r["task"]["id"], r["error"]) for r in self._core.results if r["error"]]

    def ok(self, fail_on: str = "error") -> bool:
        """True when every task was linted and none has a finding at or above ``fail_on``."""
        return self._core.ok(fail_on)

    def to(self, fmt: str) -> str:
        """The audit in one of ``chartproof.formats("audit")`` (text, json, sarif, html), as
        ``chartproof audit --format FMT`` writes it; ValueError for another name."""
        return str(self._core.to(fmt))

    def to_json(self) -> str:
        return self._core.to_json()

    def to_sarif(self) -> str:
        return self._core.to_sarif()

    def to_text(self) -> str:
        return self._core.to_text()

    def to_html(self) -> str:
        """One self-contained HTML page: an overview, then every task's findings."""
        return self._core.to_html()

    def to_results(self) -> str:
        """The interchange form (what ``python -m chartproof.fleet`` prints for the CLI)."""
        return self._core.to_results()


def _read(path: str) -> Optional[bytes]:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None  # the worker then reports it as the local run would: cannot read the file


def _pack_folder(folder: str) -> bytes:
    buffer = io.BytesIO()
    # dereference: helm follows a chart folder's symbolic links, and a worker unpacks regular files
    # only (chartproof refuses links in an archive), so the files links point to travel as files.
    with tarfile.open(fileobj=buffer, mode="w:gz", dereference=True) as tar:
        tar.add(folder, arcname=os.path.basename(os.path.normpath(folder)))
    return buffer.getvalue()


def _chart_bytes(chart: str) -> bytes:
    """A chart as a worker receives it: a .tgz as it is, a folder packed as one."""
    if os.path.isfile(chart):
        return _read(chart) or b""
    return _pack_folder(chart)


def chart_payload(data: bytes) -> bytes:
    """The task that holds a chart's archive on the cluster: every task of the chart depends on it, so
    the archive travels once per chart (not once per environment and version), and, being a task
    and not scattered data, Dask computes it again from its own arguments if the worker holding it
    dies."""
    return data


def _ship(task: Dict[str, Any], policy_files: Sequence[str]) -> Dict[str, Any]:
    """What a worker needs for one task besides its chart, as bytes: nothing is read from a shared
    filesystem."""
    chart = task["chart"]
    return {
        "task": task,
        "packaged": os.path.isfile(chart),
        "folder": os.path.basename(os.path.normpath(chart)),
        "values": [(v, _read(v)) for v in task["values"]],
        "policy": (task["policy"], _read(task["policy"])) if task["policy"] else None,
        "policy_files": [(p, _read(p)) for p in policy_files],
    }


def _request_fields(request: "_core.Request") -> Dict[str, Any]:
    """Every option of the request (the library's one table), as a worker rebuilds it."""
    return {o["name"]: getattr(request, o["name"]) for o in _core.options()}


def run_shipped(shipped: Dict[str, Any], fields: Dict[str, Any], chart_data: bytes) -> Dict[str, Any]:
    """Runs one shipped task on a worker (module-level, so Dask can send it by reference)."""
    with tempfile.TemporaryDirectory(prefix="chartproof-task-") as tmp:
        shown: List[Tuple[str, str]] = []

        def place(name: str, original: str, data: Optional[bytes]) -> str:
            if data is None:
                return original
            local = os.path.join(tmp, name)
            with open(local, "wb") as f:
                f.write(data)
            shown.append((local, original))
            return local

        task = dict(shipped["task"])
        if shipped["packaged"]:
            chart = place(os.path.basename(task["chart"]), task["chart"], chart_data)
        else:
            chart = os.path.join(tmp, "chart.tgz")
            with open(chart, "wb") as f:
                f.write(chart_data)
            shown.append((chart + "!/" + shipped["folder"], task["chart"]))
        task["chart"] = chart
        task["values"] = [place(f"values-{i}.yaml", v, data) for i, (v, data) in enumerate(shipped["values"])]
        if shipped["policy"]:
            task["policy"] = place("policy.yaml", shipped["policy"][0], shipped["policy"][1])
        request = _core.Request()
        for name, value in fields.items():
            setattr(request, name, value)
        request.policy = [place(f"policy-{i}.yaml", p, data)
                                for i, (p, data) in enumerate(shipped["policy_files"])]
        result = _core.run_audit_task(task, request, shown)
        result["task"] = shipped["task"]
        return result


def audit(
    matrix: PathArg,
    *,
    jobs: int = 0,
    client: Any = None,
    helm: str = "helm",
    helm_timeout: int = 120,
    profile: Optional[str] = None,
    policy: Iterable[PathArg] = (),
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
    schema_dirs: Iterable[PathArg] = (),
    schema_mode: Optional[str] = None,
    progress: Optional[Progress] = None,
) -> AuditReport:
    """Audits every chart x environment x Kubernetes version of ``matrix`` (docs/fleet.md), exactly
    as ``chartproof audit`` does. With ``client`` (a ``distributed.Client``) the tasks run on its
    Dask cluster; otherwise ``jobs`` at a time on this machine (0: one per core). A task that fails
    (helm's error, a timeout) is reported in the result, never raised; a bad matrix raises
    UsageError at its line. ``progress(done, total)`` is called as tasks finish."""
    from . import _request  # the package imports this module first

    base = _request("audit", locals())
    return _audit(os.fspath(matrix), base, jobs, client, progress)


def _audit(matrix: str, request: "_core.Request", jobs: int, client: Any, progress: Optional[Progress]) -> AuditReport:
    m = _core.load_audit_matrix(matrix)
    base = m.request(request)
    if client is None:
        return AuditReport(_core.run_audit(m, base, jobs, progress))
    from distributed import as_completed  # only the Dask engine needs it (untyped)

    tasks = m.tasks
    fields = _request_fields(base)
    shipped = [_ship(t, base.policy) for t in tasks]
    charts: Dict[str, Any] = {}
    for t in tasks:
        if t["chart"] not in charts:
            charts[t["chart"]] = client.submit(chart_payload, _chart_bytes(t["chart"]), pure=True)
    futures = client.map(run_shipped, shipped, [fields] * len(shipped), [charts[t["chart"]] for t in tasks],
                         pure=False)
    if progress is not None:
        for done, _ in enumerate(as_completed(futures), start=1):  # type: ignore[no-untyped-call]
            progress(done, len(futures))
    results = client.gather(futures)
    return AuditReport(_core.audit_results(list(results)))


def main(argv: Optional[List[str]] = None) -> int:
    """``python -m chartproof.fleet --request FILE``: runs the audit an audit request file describes
    (``chartproof audit --scheduler`` writes it: the matrix, the Dask scheduler and every task's lint
    settings as data, policies/schema/audit-request.schema.json) on that cluster, and prints the
    results' interchange JSON, which the CLI reads back."""
    parser = argparse.ArgumentParser(prog="python -m chartproof.fleet")
    parser.add_argument("--request", required=True, help="an audit request file (JSON)")
    args = parser.parse_args(argv)
    try:
        matrix, scheduler, base = _core.load_audit_request(args.request)
    except Error as e:
        print(f"chartproof: {e}", file=sys.stderr)
        return 2
    try:
        from distributed import Client
    except ImportError:
        print("chartproof: the Dask engine needs python3-distributed (apt-get install python3-distributed)",
              file=sys.stderr)
        return 2
    try:
        with Client(scheduler, timeout=10) as client:  # type: ignore[no-untyped-call]
            report = _audit(matrix, base, 0, client, None)
    except Error as e:
        print(f"chartproof: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"chartproof: cannot reach the Dask scheduler {scheduler}: {e}", file=sys.stderr)
        return 2
    sys.stdout.write(report.to_results())
    return 0


if __name__ == "__main__":
    sys.exit(main())
