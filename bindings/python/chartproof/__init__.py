"""chartproof: lint Kubernetes manifests rendered from Helm charts.

    import chartproof
    report = chartproof.lint("rendered.yaml")
    for finding in report:
        print(finding.file, finding.line, finding.rule, finding.message)
    raise SystemExit(0 if report.ok() else 1)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Tuple, Union

from . import _core
from ._core import Finding, Graph, Report, Resource
from ._errors import ChartError, Error, InputError, ParseError, PolicyError

__all__ = [
    "ChartError", "Error", "Finding", "Graph", "InputError", "ParseError", "Policy", "PolicyError", "Report", "Resource",
    "lint", "lint_chart", "parse", "rules", "__version__",
]
__version__: str = _core.__version__

Source = Union[str, bytes, bytearray, "os.PathLike[str]", Iterable["Source"]]


class Policy:
    """A validated policy file, to pass to ``lint(policy=...)``."""

    def __init__(self, path: str, info: dict) -> None:
        self.path = path
        self.name: str = info["name"]
        self.extends: List[str] = list(info["extends"])
        self.rules: List[str] = list(info["rules"])
        self.custom_rules: List[str] = list(info["custom_rules"])
        self.exemptions: int = info["exemptions"]

    @classmethod
    def load(cls, path: Union[str, "os.PathLike[str]"]) -> "Policy":
        """Reads and validates a policy file (and what it extends); raises PolicyError with its location."""
        p = os.fspath(path)
        return cls(p, _core.check_policy(p))

    def __repr__(self) -> str:
        return f"<Policy {self.name or self.path!r}: {len(self.rules)} rules, {len(self.custom_rules)} custom rules>"


def _split(source: Source) -> Tuple[List[Tuple[str, str]], List[str]]:
    """Separates in-memory YAML texts from paths (files, directories, "-")."""
    texts: List[Tuple[str, str]] = []
    paths: List[str] = []

    def visit(item: Source) -> None:
        if isinstance(item, (bytes, bytearray)):
            texts.append(("<string>", bytes(item).decode("utf-8", errors="surrogateescape")))
        elif isinstance(item, str):
            # A one-line string that names something on disk is a path; anything else is YAML text.
            if "\n" not in item and (item == "-" or os.path.exists(item)):
                paths.append(item)
            elif "\n" not in item and ":" not in item:
                paths.append(item)  # a missing file: let the core raise InputError with its name
            else:
                texts.append(("<string>", item))
        elif isinstance(item, os.PathLike):
            paths.append(os.fspath(item))
        else:
            for sub in item:  # type: ignore[union-attr]
                visit(sub)

    visit(source)
    return texts, paths


def _policies(policy: Union[None, str, "os.PathLike[str]", Policy, Sequence[Union[str, "os.PathLike[str]", Policy]]]) -> List[str]:
    if policy is None:
        return []
    if isinstance(policy, (str, os.PathLike, Policy)):
        policy = [policy]
    return [p.path if isinstance(p, Policy) else os.fspath(p) for p in policy]


def _settings(policy, profile, enable, disable, namespace, kube_version, jobs, schema_dirs=(),
              schema_mode="strict") -> "_core.LintSettings":
    settings = _core.LintSettings()
    settings.kube_version = kube_version or ""
    settings.schema_dirs = [os.fspath(d) for d in schema_dirs]
    settings.schema_mode = schema_mode
    settings.profile = profile
    settings.policies = _policies(policy)
    settings.enable = list(enable)
    settings.disable = list(disable)
    settings.namespace = namespace or "default"
    settings.jobs = jobs
    return settings


def lint(
    source: Source,
    *,
    policy: Union[None, str, "os.PathLike[str]", Policy, Sequence[Union[str, "os.PathLike[str]", Policy]]] = None,
    profile: Optional[str] = None,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
    namespace: Optional[str] = None,
    kube_version: Optional[str] = None,
    schema_dirs: Iterable[Union[str, "os.PathLike[str]"]] = (),
    schema_mode: str = "strict",
    jobs: int = 0,
) -> Report:
    """Lints YAML text, files or directories, exactly as ``chartproof lint`` does.

    ``profile`` (recommended, strict, pss-baseline, pss-restricted) comes first, then every ``policy``
    (later wins); with neither, the recommended profile. The GIL is released while linting.
    """
    settings = _settings(policy, profile, enable, disable, namespace, kube_version, jobs, schema_dirs, schema_mode)
    texts, paths = _split(source)
    return _core.lint(texts, paths, settings)


def parse(source: Source, *, namespace: Optional[str] = None, strict: bool = True) -> Graph:
    """Parses sources into a Graph for inspection. With ``strict``, YAML that cannot be read raises ParseError."""
    texts, paths = _split(source)
    return _core.parse(texts, paths, namespace or "default", strict)


def rules(policy: Union[None, str, "os.PathLike[str]", Policy, Sequence[Union[str, "os.PathLike[str]", Policy]]] = None) -> List[dict]:
    """Metadata of every rule (and of the custom rules of ``policy``)."""
    return list(_core.rules(_policies(policy)))


def lint_chart(
    path: Union[str, "os.PathLike[str]"],
    values: Iterable[Union[str, "os.PathLike[str]"]] = (),
    set: Union[None, dict, Iterable[str]] = None,  # noqa: A002 - the name helm users know
    *,
    set_string: Union[None, dict, Iterable[str]] = None,
    release: str = "release-name",
    namespace: Optional[str] = None,
    helm: Optional[str] = None,
    include_crds: bool = False,
    **lint_options,
) -> Report:
    """Lints a chart folder exactly as ``chartproof lint CHART_DIR``: renders it with helm (an argument
    vector, never a shell; twice when hardcoded-secret-data runs), runs the chart pack on Chart.yaml and
    the values files, and names on each finding the values line its value came from (``value_source``).

    ``set`` and ``set_string`` take ``{"image.tag": "1.2.3"}`` or ``["image.tag=1.2.3"]``. helm's own
    failure raises ChartError at the template line it names. Other options are those of ``lint``.
    """

    def pairs(v):
        if v is None:
            return []
        if isinstance(v, dict):
            return [f"{k}={val}" for k, val in v.items()]
        return list(v)

    settings = _settings(
        lint_options.pop("policy", None), lint_options.pop("profile", None), lint_options.pop("enable", ()),
        lint_options.pop("disable", ()), namespace, lint_options.pop("kube_version", None), lint_options.pop("jobs", 0),
        lint_options.pop("schema_dirs", ()), lint_options.pop("schema_mode", "strict"))
    if lint_options:
        raise TypeError(f"lint_chart() got unexpected keyword arguments: {', '.join(sorted(lint_options))}")
    return _core.lint_chart(
        os.fspath(path), helm or "helm", release, [os.fspath(v) for v in values], pairs(set), pairs(set_string),
        include_crds, settings)
