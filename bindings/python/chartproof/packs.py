"""Rule packs written in Python: a team's own rules, run beside the built-in packs.

    class TeamRegistry(chartproof.Rule):
        id = "image-from-team-registry"
        severity = "error"
        kinds = ("Deployment",)
        summary = "Images must come from the team's registry."
        params = {"registry": "ghcr.io/example/"}

        def check(self, resource, ctx):
            for i, c in enumerate(resource.get("spec.template.spec.containers", [])):
                if not c.get("image", "").startswith(ctx.params["registry"]):
                    ctx.report(f"spec.template.spec.containers[{i}].image", "not from the team registry")

    pack = chartproof.RulePack("team-web", [TeamRegistry()])
    chartproof.lint(["rendered.yaml"], packs=[pack])

A check runs once per resource of ``kinds`` (every kind when empty); ``ctx.report(path, message)``
locates the finding at the field path like a built-in one; ``ctx.graph`` is the run's graph
(``select``, ``find``, ``pods_selected_by``, ``references``); ``ctx.params`` the parameters a policy
resolved. Objects a check receives are valid only during it.
"""

from __future__ import annotations

from typing import Any, ClassVar, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from . import _core

ParamDefault = Union[int, str, bool, List[str]]


class Rule:
    """Base of a Python rule: set the class attributes, implement ``check``."""

    id: ClassVar[str] = ""
    """kebab-case, unique among every rule."""
    pack: ClassVar[str] = ""
    """Set from the RulePack it is given to."""
    severity: ClassVar[str] = "warning"
    enabled_by_default: ClassVar[bool] = True
    kinds: ClassVar[Sequence[str]] = ()
    summary: ClassVar[str] = ""
    rationale: ClassVar[str] = ""
    remediation: ClassVar[str] = ""
    params: ClassVar[Mapping[str, ParamDefault]] = {}
    """Typed parameters with their defaults (the type of the default is the parameter's type)."""
    param_descriptions: ClassVar[Mapping[str, str]] = {}

    def check(self, resource: _core.Resource, ctx: _core.Context) -> None:
        raise NotImplementedError(f"rule {self.id!r} does not implement check(resource, ctx)")


class RulePack:
    """A named set of rules, and optional profiles (name: policy YAML text) usable as ``profile=``."""

    def __init__(self, name: str, rules: Sequence[Rule], profiles: Optional[Mapping[str, str]] = None) -> None:
        self.name = name
        self.rules = list(rules)
        self.profiles = dict(profiles or {})

    def __repr__(self) -> str:
        return f"<RulePack {self.name}: {', '.join(r.id for r in self.rules)}>"


def catalogue(packs: Optional[Sequence[RulePack]]) -> Optional[_core.Catalogue]:
    """The library catalogue of the built-in rules and ``packs`` (None when there are none); a pack's
    mistake (a duplicate id, an empty summary, a bad parameter) raises ValueError naming the pack."""
    if not packs:
        return None
    specs: List[Tuple[str, List[Any], Dict[str, str]]] = [(p.name, list(p.rules), p.profiles) for p in packs]
    return _core.catalogue(specs)
