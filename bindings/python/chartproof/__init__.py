"""chartproof: lint Kubernetes manifests rendered from Helm charts, and Helm charts themselves.

    import chartproof
    report = chartproof.lint(["rendered.yaml"])
    for finding in report:
        print(finding.location, finding.rule, finding.message)
    raise SystemExit(0 if report.ok() else 1)

``lint`` and ``lint_chart`` build the same request the ``chartproof lint`` command builds from its
flags and hand it to the same library function, so both give the same report for the same request.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from . import _core
from ._core import Graph, Resource
from ._errors import ChartError, Error, InputError, ParseError, PolicyError, RuleError, UsageError
from . import cel
from .fleet import AuditReport, audit
from .packs import Rule, RulePack, catalogue as _catalogue

__all__ = [
    "AuditReport", "audit", "ChartError", "Error", "Finding", "Fix", "Graph", "InputError", "Location", "ParseError", "Policy", "PolicyError",
    "Report", "Resource", "ResourceRef", "Rule", "RuleError", "RulePack", "Summary", "UsageError", "lint",
    "cel", "fix", "FixResult", "formats", "lint_chart", "options", "parse", "rules",
    "__version__",
]
__version__: str = _core.__version__

PathArg = Union[str, "os.PathLike[str]"]
"""A file or folder: a ``str`` is always a path, never YAML text (YAML text goes in ``text=``)."""
Paths = Union[PathArg, Iterable[PathArg]]
PolicyArg = Union[None, PathArg, "Policy", Sequence[Union[PathArg, "Policy"]]]
Text = Union[None, str, bytes, Mapping[str, Union[str, bytes]]]
"""YAML held in memory: one document stream (named ``<string>``) or ``{name: text}``."""


@dataclass(frozen=True)
class Location:
    """A place in a file: 1-based ``line`` and ``column`` (0 when unknown)."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class ResourceRef:
    """The Kubernetes object a finding is about."""

    api_version: str
    kind: str
    namespace: str
    name: str


@dataclass(frozen=True)
class Finding:
    """One problem: which rule found it, how bad it is, and where to fix it."""

    rule: str
    """The rule id, e.g. ``run-as-root`` (``chartproof explain RULE`` says more)."""
    pack: str
    severity: str
    """``error``, ``warning`` or ``info``."""
    message: str
    location: Location
    """Where to fix it. Chart mode: the values line the value came from, else the template line
    that wrote it (``mapped`` False: the template file, when no line could be told)."""
    resource: Optional[ResourceRef]
    """The object, or None for findings about a file (a policy, Chart.yaml, a values file)."""
    path: str
    """The field path inside the object, e.g. ``spec.template.spec.containers[0].image``."""
    template: str
    """Chart mode: the template the object was rendered from (helm's ``# Source:``)."""
    value_source: Optional[Location]
    """Chart mode: the values-file line the offending value came from, when it came from one."""
    remediation: str
    mapped: bool = True
    """Chart mode: False when no template line could be told for the finding."""
    rendered: Optional[Location] = None
    """Chart mode: the position in helm's output; ``file`` names the render
    (``helm template DIR``), which is not a file on disk."""
    template_line: Optional[Location] = None
    """Chart mode: the template line that wrote the text."""
    include_site: Optional[Location] = None
    """Chart mode: the ``include`` that called the named template that wrote the text."""
    more: Tuple["Finding", ...] = ()
    """Chart mode: the same rule at the same edit location on other objects (or fields), one fix
    for all: each as a finding of its own. Empty for a finding about one object."""
    fix: Optional["Fix"] = None
    """In ``chartproof.fix``'s report: the verified edit that fixes it (None in a lint report)."""

    @property
    def objects(self) -> int:
        """How many occurrences this finding stands for: 1 + ``len(more)``."""
        return 1 + len(self.more)

    @property
    def file(self) -> str:
        """``location.file``."""
        return self.location.file

    @property
    def line(self) -> int:
        """``location.line``."""
        return self.location.line

    @property
    def column(self) -> int:
        """``location.column``."""
        return self.location.column


@dataclass(frozen=True)
class Summary:
    """Counts over a report."""

    documents: int
    resources: int
    findings: int
    error: int
    warning: int
    info: int
    skipped: int = 0  #: input files with no Kubernetes object in them (not linted)
    baselined: int = 0  #: findings the baseline holds (in Report.baselined, not in findings)
    hidden: int = 0  #: findings below ``min_severity`` (in Report.hidden, not in findings; counted above)
    objects: int = 0  #: what the findings stand for: a grouped finding (``Finding.more``) counts each object
    helm_test_hooks: int = 0  #: ``helm test`` hook pods, linted only by the policy's ``helmTests.packs``


@dataclass(frozen=True)
class Fix:
    """A verified edit, as SARIF's ``fixes`` state it: the region ``[start, end)`` of ``file``
    (1-based lines and columns) replaced by ``inserted``."""

    description: str
    file: str
    start_line: int
    start_column: int
    end_line: int
    end_column: int
    inserted: str


def _location(d: Optional[Dict[str, Any]]) -> Optional[Location]:
    return Location(d["file"], d["line"], d["column"]) if d is not None else None


def _finding(core: "_core.Finding") -> Finding:
    resource = core.resource
    return Finding(
        rule=core.rule, pack=core.pack, severity=core.severity, message=core.message,
        location=Location(core.file, core.line, core.column),
        resource=ResourceRef(resource["apiVersion"], resource["kind"], resource["namespace"], resource["name"])
        if resource is not None else None,
        path=core.path, template=core.template,
        value_source=_location(core.value_source), remediation=core.remediation, mapped=core.mapped,
        rendered=_location(core.rendered), template_line=_location(core.template_line),
        include_site=_location(core.include_site), more=tuple(_finding(m) for m in core.more),
        fix=Fix(**core.fix) if core.fix is not None else None)


class Report:
    """The result of a lint: its findings (in output order), counts, and every output format."""

    def __init__(self, core: "_core.Report") -> None:
        self._core = core
        self.findings: List[Finding] = [_finding(f) for f in core.findings]
        #: Findings the baseline (``baseline=``) already held: they do not make ``ok()`` false.
        self.baselined: List[Finding] = [_finding(f) for f in core.baselined]
        #: Findings below ``min_severity``: not listed in ``findings`` or any format, but counted in the
        #: summary, and ``ok()`` still sees them (showing less never passes a gate).
        self.hidden: List[Finding] = [_finding(f) for f in core.hidden]
        counts = core.summary
        self.summary = Summary(counts["documents"], counts["resources"], counts["findings"], counts["error"],
                               counts["warning"], counts["info"], counts["skipped"], counts["baselined"],
                               counts["hidden"], counts["objects"], counts["helm_test_hooks"])
        #: What the run says once beside its findings (a policy's declared pack this run does not
        #: load, a piped render that differs from the chart's own): ``file:line:col: message`` lines.
        self.notes: List[str] = [str(n["text"]) for n in core.notes]

    def ok(self, fail_on: str = "error") -> bool:
        """True when no finding is at or above ``fail_on`` (error, warning, info; never: always True)."""
        return bool(self._core.ok(fail_on))

    def filter(self, rules: Optional[Iterable[str]] = None, severities: Optional[Iterable[str]] = None,
               paths: Optional[Iterable[str]] = None) -> "Report":
        """A report holding only the findings of these ``rules`` (rule ids or pack names), of these
        ``severities`` (error, warning, info) and located in files matching one of these ``paths``
        (``fnmatch`` patterns, ``*`` crossing folders, or folder prefixes); None keeps all. Its counts
        are those of what it holds, and every ``to_*`` writer takes it."""
        rule_set = set(rules) if rules is not None else None
        severity_set = set(severities) if severities is not None else None
        for s in severity_set or ():
            if s not in ("error", "warning", "info"):
                raise ValueError(f"severities: {s!r} is not error, warning or info")
        patterns = list(paths) if paths is not None else None

        def keep(f: Finding) -> bool:
            if rule_set is not None and f.rule not in rule_set and f.pack not in rule_set:
                return False
            if severity_set is not None and f.severity not in severity_set:
                return False
            if patterns is not None:
                file = f.location.file
                return any(fnmatch.fnmatchcase(file, p) or file.startswith(p.rstrip("/") + "/") for p in patterns)
            return True

        return Report(self._core.keep([keep(f) for f in self.findings]))

    def to(self, fmt: str, fail_on: str = "error", base_dir: str = ".") -> str:
        """The report in one of ``chartproof.formats()`` (text, json, sarif, junit, github, html), as
        ``chartproof lint --format FMT`` writes it (``fail_on`` for junit, ``base_dir`` for sarif);
        ValueError for another name."""
        return str(self._core.to(fmt, fail_on, base_dir))

    def to_json(self) -> str:
        """The report as ``chartproof lint --format json`` prints it."""
        return str(self._core.to_json())

    def to_sarif(self, base_dir: str = ".") -> str:
        """SARIF 2.1.0, with file URIs relative to ``base_dir``."""
        return str(self._core.to_sarif(base_dir))

    def to_junit(self, fail_on: str = "error") -> str:
        """JUnit XML: one test case per object (and per chart-level check), failing for its findings at
        or above ``fail_on`` (as ``--fail-on``); milder findings are ``<system-out>`` notes."""
        return str(self._core.to_junit(fail_on))

    def to_baseline(self) -> str:
        """A baseline file holding every finding of this run (``--write-baseline``): pass it as
        ``baseline=`` later and only new findings count."""
        return str(self._core.to_baseline())

    def to_github(self) -> str:
        """GitHub Actions workflow commands (annotations)."""
        return str(self._core.to_github())

    def to_html(self) -> str:
        """One self-contained HTML page (``--format html``): an overview, then the findings."""
        return str(self._core.to_html())

    def to_text(self) -> str:
        """The text format, without colour."""
        return str(self._core.to_text())

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __repr__(self) -> str:
        s = self.summary
        return f"<Report {s.findings} findings ({s.error} errors, {s.warning} warnings, {s.info} info)>"


class Policy:
    """A validated policy file, to pass to ``lint(policy=...)``."""

    def __init__(self, path: str, info: Dict[str, object]) -> None:
        self.path = path
        self.name = str(info["name"])
        self.extends: List[str] = [str(e) for e in info["extends"]]  # type: ignore[attr-defined]
        self.rules: List[str] = [str(r) for r in info["rules"]]  # type: ignore[attr-defined]
        self.custom_rules: List[str] = [str(r) for r in info["custom_rules"]]  # type: ignore[attr-defined]
        self.exemptions = int(info["exemptions"])  # type: ignore[call-overload]

    @classmethod
    def load(cls, path: PathArg) -> "Policy":
        """Reads and validates a policy file (and what it extends); raises PolicyError with its location."""
        p = os.fspath(path)
        return cls(p, _core.check_policy(p))

    def __repr__(self) -> str:
        return f"<Policy {self.name or self.path!r}: {len(self.rules)} rules, {len(self.custom_rules)} custom rules>"


def _paths(paths: Optional[Paths]) -> List[str]:
    if paths is None:
        return []
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    if isinstance(paths, (bytes, bytearray)):
        raise TypeError("paths are str or os.PathLike; YAML text goes in text=")
    return [os.fspath(p) for p in paths]


def _texts(text: Text) -> List[Tuple[str, str]]:
    def decode(value: Union[str, bytes]) -> str:
        return value.decode("utf-8", errors="surrogateescape") if isinstance(value, (bytes, bytearray)) else value

    if text is None:
        return []
    if isinstance(text, (str, bytes, bytearray)):
        return [("<string>", decode(text))]
    return [(name, decode(value)) for name, value in text.items()]


def _policies(policy: PolicyArg) -> List[str]:
    if policy is None:
        return []
    if isinstance(policy, (str, os.PathLike, Policy)):
        policy = [policy]
    return [p.path if isinstance(p, Policy) else os.fspath(p) for p in policy]


# How a keyword's Python form becomes the value the option table takes (the rest pass as they are:
# str, os.PathLike, bool, int, an iterable of paths).
def _python_forms() -> Dict[str, Callable[[Any], Any]]:
    return {"policy": _policies, "namespace_labels": _namespace_labels, "set": _pairs, "set_string": _pairs}


def _request(command: str, given: Mapping[str, Any]) -> "_core.Request":
    """A ``_core.Request`` with every option of ``command`` (lint, lint_chart, audit) that ``given`` (the
    function's keywords) holds and that is not None: the option table of the library decides the
    names, the types and the defaults, as it makes the CLI's flags."""
    request = _core.Request()
    forms = _python_forms()
    for option in _core.options(command):
        name = option["name"]
        value = given.get(name)
        if value is not None:
            setattr(request, name, forms.get(name, lambda v: v)(value))
    return request


def lint(
    paths: Optional[Paths] = None,
    *,
    text: Text = None,
    policy: PolicyArg = None,
    profile: Optional[str] = None,
    discover_policy: bool = True,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
    namespace: Optional[str] = None,
    kube_version: Optional[str] = None,
    schema_dirs: Iterable[PathArg] = (),
    schema_mode: Optional[str] = None,
    jobs: int = 0,
    chart: Optional[PathArg] = None,
    helm: str = "helm",
    packs: Optional[Sequence[RulePack]] = None,
    allow_empty: bool = False,
    baseline: Optional[PathArg] = None,
    min_severity: Optional[str] = None,
    version: Optional[str] = None,
    plain_http: bool = False,
    namespace_labels: Optional[Mapping[str, Mapping[str, str]]] = None,
    admission_policies: Iterable[PathArg] = (),
    values: Iterable[PathArg] = (),
    set: Union[None, Mapping[str, object], Iterable[str]] = None,  # noqa: A002 - the name helm users know
    set_string: Union[None, Mapping[str, object], Iterable[str]] = None,
    release: str = "release-name",
    include_crds: bool = False,
    helm_timeout: int = 120,
    api_versions: Iterable[str] = (),
    charts_of: bool = False,
) -> Report:
    """Lints files, folders and chart folders (``paths``) and YAML held in memory (``text``), exactly
    as ``chartproof lint`` does with the same options.

    ``chart`` names the chart folder a rendered input (one file, or one ``text``) was rendered from
    (``--chart``): its findings then land on the chart's template and values lines. Chart folders
    (in ``paths``, or ``chart``) render with ``helm``. A chart helm cannot render raises ChartError
    after the rest was linted; its ``report`` holds the other charts' findings.

    The policy is ``profile`` (recommended, strict, pss-baseline, pss-restricted) with every ``policy``
    file on top (later wins); with neither, ``.chartproof.yaml`` of the current folder or a parent
    (unless ``discover_policy`` is False), else the recommended profile. ``kube_version``,
    ``schema_dirs`` and ``schema_mode`` (strict or lenient) override the policy's ``kubernetes:``.
    An input with no Kubernetes objects at all raises UsageError unless ``allow_empty`` (a gate never
    passes because it checked nothing). ``baseline`` names a baseline file (``--baseline``; write one
    with ``Report.to_baseline()``): findings it holds move to ``Report.baselined``. ``min_severity``
    (error, warning, info; ``--min-severity``) lists only findings at or above it: the rest move to
    ``Report.hidden``, still counted and still failing ``ok()``. ``packs`` adds rule packs written in Python (chartproof.RulePack) beside the built-in ones.
    A path may be a remote chart (``oci://HOST/REPO/CHART``, ``https://REPO_URL/CHART``, ``REPO/CHART``),
    pulled with helm at ``version`` (default the newest; ``plain_http`` for a registry without TLS).
    ``namespace_labels`` gives the labels of namespaces outside the input (``--namespace-labels``):
    their ``pod-security.kubernetes.io`` labels apply to the pods linted in them.
    ``admission_policies`` names files or folders of the cluster's ValidatingAdmissionPolicies, their
    bindings and param objects (``--admission-policies``). Chart folders among ``paths`` render with
    ``values``, ``set``, ``set_string``, ``release``, ``include_crds``, ``helm_timeout`` and
    ``api_versions`` as ``lint_chart`` describes; ``charts_of`` is ``--charts-of`` (the paths are
    changed files: lint the chart of each). Every keyword but ``text`` and ``packs`` is an option of
    the library's one table (``chartproof.options("lint")``), the same that makes the CLI's flags.
    Raises InputError, PolicyError, ChartError, UsageError (nothing to lint) or RuleError (a pack's
    check raised). The GIL is released while linting, except while a Python check runs.
    """
    request = _request("lint", locals())
    request.paths = _paths(paths)
    request.texts = _texts(text)
    return _checked(Report(_core.lint_request(request, _catalogue(packs))))


def _namespace_labels(labels: Optional[Mapping[str, Mapping[str, str]]]) -> List[str]:
    """``{"apps": {"pod-security.kubernetes.io/enforce": "restricted"}}`` as --namespace-labels takes it."""
    return [ns + "=" + ",".join(f"{k}={v}" for k, v in keys.items()) for ns, keys in (labels or {}).items()]


def _checked(report: Report) -> Report:
    """A chart helm could not render fails the run (the CLI's exit 2) after the rest was linted: the
    ChartError carries the report of everything else (``.report``) and every failure (``.errors``)."""
    errors = report._core.errors
    if not errors:
        return report
    failures = [ChartError(e["text"], e["file"], e["line"], e["column"]) for e in errors]
    first = errors[0]
    more = f" (and {len(errors) - 1} more chart(s) that failed to render)" if len(errors) > 1 else ""
    error = ChartError(first["text"] + more, first["file"], first["line"], first["column"])
    error.report = report
    error.errors = failures
    raise error


def _pairs(values: Union[None, Mapping[str, object], Iterable[str]]) -> List[str]:
    if values is None:
        return []
    if isinstance(values, Mapping):
        return [f"{k}={v}" for k, v in values.items()]
    return list(values)


def lint_chart(
    path: PathArg,
    values: Iterable[PathArg] = (),
    set: Union[None, Mapping[str, object], Iterable[str]] = None,  # noqa: A002 - the name helm users know
    *,
    set_string: Union[None, Mapping[str, object], Iterable[str]] = None,
    release: str = "release-name",
    namespace: Optional[str] = None,
    helm: Optional[str] = None,
    include_crds: bool = False,
    helm_timeout: int = 120,
    policy: PolicyArg = None,
    profile: Optional[str] = None,
    discover_policy: bool = True,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
    kube_version: Optional[str] = None,
    schema_dirs: Iterable[PathArg] = (),
    schema_mode: Optional[str] = None,
    jobs: int = 0,
    packs: Optional[Sequence[RulePack]] = None,
    allow_empty: bool = False,
    baseline: Optional[PathArg] = None,
    api_versions: Iterable[str] = (),
    min_severity: Optional[str] = None,
    version: Optional[str] = None,
    plain_http: bool = False,
    namespace_labels: Optional[Mapping[str, Mapping[str, str]]] = None,
    admission_policies: Iterable[PathArg] = (),
) -> Report:
    """Lints a chart folder, packaged chart (.tgz) or remote chart (``oci://HOST/REPO/CHART``,
    ``https://REPO_URL/CHART``, ``REPO/CHART``: pulled with helm at ``version``, default the newest;
    ``plain_http`` for a registry without TLS) exactly as ``chartproof lint CHART``: renders it with helm (an argument
    vector, never a shell; twice when hardcoded-secret-data runs), runs the chart pack on Chart.yaml and
    the values files, and names on each finding the values line its value came from (``value_source``).

    ``values`` are helm's ``-f`` files; ``set`` and ``set_string`` take ``{"image.tag": "1.2.3"}`` or
    ``["image.tag=1.2.3"]``. helm's own failure raises ChartError at the template line it names, and
    so does a render that takes longer than ``helm_timeout`` seconds (0: no limit). The
    policy is found as for ``lint``: the CLI and this function discover the same ``.chartproof.yaml``.
    ``api_versions`` are helm's ``--api-versions`` (what ``.Capabilities.APIVersions.Has`` sees);
    ``baseline``, ``namespace_labels`` and ``admission_policies`` are as for ``lint``.
    """
    request = _request("lint_chart", locals())
    request.paths = [os.fspath(path)]
    return _checked(Report(_core.lint_request(request, _catalogue(packs))))


class FixResult:
    """What ``fix`` did: the verified edits as a unified diff, the files they change (written with
    ``write=True``), and per finding that declares a fix what became of it (``status`` kept,
    dropped or "no edit", with the ``reason``; ``file``/``line`` where the edit goes)."""

    def __init__(self, core: Dict[str, Any]) -> None:
        self.diff: str = core["diff"]
        self.changed_files: List[str] = list(core["changed_files"])
        self.outcomes: List[Dict[str, Any]] = [dict(o) for o in core["outcomes"]]
        #: The lint report of the chart as it was, each finding whose fix was kept with its ``fix``
        #: (``report.to_sarif()`` carries them as SARIF ``fixes``, ``to_json()`` as ``fix``).
        self.report: Report = Report(core["report"])

    @property
    def kept(self) -> List[Dict[str, Any]]:
        return [o for o in self.outcomes if o["status"] == "kept"]

    @property
    def fixes(self) -> List[Finding]:
        """The findings of ``report`` that a kept edit fixes (each with its ``fix``)."""
        return [f for f in self.report.findings if f.fix is not None]


def fix(paths: Paths, *, write: bool = False, packs: Optional[Sequence[RulePack]] = None,
        **options: Any) -> FixResult:
    """``chartproof fix``: for each finding whose rule declares a fix, the edit where a person edits
    (the values line, the values entry a template writes with toYaml, the template or manifest line),
    kept only when linting an edited copy shows its finding gone and nothing new (docs/fix.md).
    ``write`` applies the kept edits in place. ``options`` are ``lint``'s keywords (``profile``,
    ``values``, ``set``, ``helm``, ...); an unknown one is a TypeError."""
    known = {o["name"] for o in _core.options("lint")}
    unknown = sorted(set(options) - known)
    if unknown:
        raise TypeError(f"fix() got unexpected keyword arguments: {', '.join(unknown)}")
    request = _request("lint", options)
    request.paths = _paths(paths)
    return FixResult(_core.fix_request(request, write, _catalogue(packs)))


def parse(paths: Optional[Paths] = None, *, text: Text = None, namespace: Optional[str] = None,
          strict: bool = True) -> Graph:
    """Parses files and in-memory YAML into a Graph for inspection. With ``strict``, YAML that cannot
    be read raises ParseError."""
    return _core.parse(_texts(text), _paths(paths), namespace or "default", strict)


def options(command: str = "lint") -> List[Dict[str, Any]]:
    """The library's option table for ``command`` (lint, lint_chart, audit, policy_show): each
    option's name (the keyword), CLI flags, type, commands, help, choices and default. The keywords of
    ``lint``, ``lint_chart`` and ``fleet.audit`` and the CLI's flags are these."""
    return [dict(o) for o in _core.options(command)]


def formats(command: str = "lint") -> List[str]:
    """The output formats ``command`` (lint, audit, rules) writes, from the library's one table:
    the names ``Report.to`` / ``AuditReport.to`` and ``--format`` take."""
    return [str(f) for f in _core.formats(command)]


def rules(policy: PolicyArg = None, packs: Optional[Sequence[RulePack]] = None) -> List[Dict[str, object]]:
    """Metadata of every rule (the built-in ones, those of ``packs`` and the custom rules of ``policy``),
    as ``chartproof rules --format json``."""
    return list(_core.rules(_policies(policy), _catalogue(packs)))
