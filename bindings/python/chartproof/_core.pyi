from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

__version__: str

class Request:
    paths: List[str]
    texts: List[Tuple[str, str]]
    charts_of: bool
    allow_empty: bool
    chart_source: str
    profile: str
    policy_files: List[str]
    discover_policy: bool
    working_dir: str
    enable: List[str]
    disable: List[str]
    namespace: str
    jobs: int
    kube_version: Optional[str]
    schema_dirs: List[str]
    schema_mode: Optional[str]
    today: str
    namespace_labels: List[str]
    admission_policies: List[str]
    helm: str
    chart_namespace: str
    release: str
    values_files: List[str]
    set: List[str]
    set_string: List[str]
    include_crds: bool
    chart_version: str
    plain_http: bool
    helm_timeout: int
    api_versions: List[str]
    baseline: str
    min_severity: Optional[str]
    def __init__(self) -> None: ...

class Finding:
    rule: str
    pack: str
    severity: str
    message: str
    resource: Optional[Dict[str, str]]
    path: str
    file: str
    line: int
    column: int
    template: str
    value_source: Optional[Dict[str, Any]]
    remediation: str
    mapped: bool
    rendered: Optional[Dict[str, Any]]
    template_line: Optional[Dict[str, Any]]
    include_site: Optional[Dict[str, Any]]
    more: List["Finding"]
    def to_dict(self) -> Dict[str, Any]: ...

class Report:
    findings: List[Finding]
    baselined: List[Finding]
    hidden: List[Finding]
    def keep(self, which: List[bool]) -> "Report": ...
    def to_baseline(self) -> str: ...
    summary: Dict[str, int]
    errors: List[Dict[str, Any]]
    notes: List[Dict[str, Any]]
    def ok(self, fail_on: str = "error") -> bool: ...
    def to(self, format: str, fail_on: str = ..., base_dir: str = ...) -> str: ...
    def to_json(self) -> str: ...
    def to_sarif(self, base_dir: str = ".") -> str: ...
    def to_junit(self, fail_on: str = ...) -> str: ...
    def to_github(self) -> str: ...
    def to_html(self) -> str: ...
    def to_text(self) -> str: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Finding]: ...

class Resource:
    """One Kubernetes object of a parsed input: identity, labels, position, fields."""
    api_version: str
    kind: str
    namespace: str
    name: str
    file: str
    line: int
    template: str
    labels: Dict[str, str]
    def get(self, path: str, default: Any = None) -> Any:
        """The value at a field path (`spec.template.spec.containers[0].image`), or `default`."""
    def to_dict(self) -> Dict[str, Any]:
        """The whole object as Python values."""

class Graph:
    """The objects of a parsed input, with lookups, selector matches and references."""
    def resources(self, kind: Optional[str] = None, namespace: Optional[str] = None) -> List[Resource]:
        """The objects, optionally only those of a kind and/or namespace, in input order."""
    def select(self, kind: Optional[str] = None, namespace: Optional[str] = None,
               labels: Optional[Dict[str, str]] = None) -> List[Resource]:
        """Objects of this kind and namespace whose own labels include every given one."""
    def find(self, kind: str, namespace: str, name: str) -> Optional[Resource]:
        """The object with this identity, or None."""
    def pods_selected_by(self, resource: Resource) -> List[Resource]:
        """The workloads whose pod templates the selector of `resource` (a Service, PDB, workload…) matches."""
    def references(self, resource: Resource) -> List[Dict[str, Any]]:
        """The ConfigMaps, Secrets, ServiceAccounts and PVCs a pod uses: kind, name, path, line, optional, target."""
    def __len__(self) -> int: ...

class Context:
    """What a Python rule's check may use: graph, params and report(path, message)."""
    graph: Graph
    params: Dict[str, Any]
    def report(self, path: str, message: str) -> None:
        """Reports a finding at a field path of the resource being checked."""

class Catalogue:
    """The built-in rules and the given packs."""
    def take_failure(self) -> str: ...
    def capsule(self) -> Any: ...

def catalogue(specs: List[Tuple[str, List[Any], Dict[str, str]]]) -> Catalogue: ...
def lint_request(request: Request, packs: Optional[Catalogue] = None) -> Report: ...
def parse(texts: List[Tuple[str, str]], paths: List[str], namespace: str, strict: bool) -> Graph: ...
def rules(policies: List[str] = ..., packs: Optional[Catalogue] = None) -> List[Dict[str, Any]]: ...
def check_policy(path: str) -> Dict[str, Any]: ...
def formats(command: str = ...) -> List[str]: ...
def evaluate_cel(expression: str, object: str, params: str, kube_version: str) -> Dict[str, Any]: ...

AuditTask = Dict[str, Any]
AuditResult = Dict[str, Any]

class AuditMatrix:
    file: str
    charts: int
    tasks: List[AuditTask]
    def request(self, base: Request) -> Request: ...

def load_audit_matrix(path: str) -> AuditMatrix: ...
def load_audit_request(path: str) -> Tuple[str, str, Request]: ...

class AuditResults:
    results: List[AuditResult]
    totals: Dict[str, int]
    def ok(self, fail_on: str = "error") -> bool: ...
    def to(self, format: str) -> str: ...
    def to_json(self) -> str: ...
    def to_sarif(self) -> str: ...
    def to_text(self) -> str: ...
    def to_html(self) -> str: ...
    def to_results(self) -> str: ...

def audit_results(results: List[AuditResult]) -> AuditResults: ...
def run_audit(matrix: AuditMatrix, base: Request, jobs: int = 0,
              progress: Optional[Callable[[int, int], None]] = None) -> AuditResults: ...
def run_audit_task(task: AuditTask, base: Request, shown: List[Tuple[str, str]] = ...) -> AuditResult: ...
