"""A rule pack a team writes in Python: its own rules beside chartproof's built-in packs.

- replicated-deployment-without-pdb: a Deployment with 2+ replicas has a PodDisruptionBudget
  selecting its pods (cross-object, through the run's graph).
- image-not-pinned-in-production: in production namespaces, every image is pinned by digest.
"""

from __future__ import annotations

from typing import Any, List

import chartproof


class ReplicatedDeploymentWithoutPdb(chartproof.Rule):
    id = "replicated-deployment-without-pdb"
    severity = "warning"
    kinds = ("Deployment",)
    summary = "A replicated Deployment should have a PodDisruptionBudget."
    rationale = "Without a PDB, a node drain or cluster upgrade may evict every replica at the same time."
    remediation = "Add a policy/v1 PodDisruptionBudget with `maxUnavailable: 1` selecting the pods."
    params = {"min_replicas": 2}
    param_descriptions = {"min_replicas": "replica count from which a PDB is expected"}

    def check(self, resource: chartproof.Resource, ctx: Any) -> None:
        replicas = resource.get("spec.replicas", 1)
        if not isinstance(replicas, int) or replicas < ctx.params["min_replicas"]:
            return
        for pdb in ctx.graph.select(kind="PodDisruptionBudget", namespace=resource.namespace):
            if resource in ctx.graph.pods_selected_by(pdb):
                return
        ctx.report("spec.replicas",
                   f"Deployment runs {replicas} replicas but no PodDisruptionBudget selects its pods: "
                   "a node drain may evict them all at once")


class ImageNotPinnedInProduction(chartproof.Rule):
    id = "image-not-pinned-in-production"
    severity = "error"
    kinds = ("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod")
    summary = "Images in production namespaces must be pinned by digest."
    rationale = "A tag can be moved; only a digest guarantees production runs what was tested."
    remediation = "Reference the image as `repo@sha256:<digest>` (helm: `image.digest`)."
    params = {"namespaces": ["production"]}
    param_descriptions = {"namespaces": "namespaces that count as production"}

    def check(self, resource: chartproof.Resource, ctx: Any) -> None:
        if resource.namespace not in ctx.params["namespaces"]:
            return
        spec = _pod_spec_path(resource.kind)
        for field in ("initContainers", "containers"):
            containers: List[Any] = resource.get(f"{spec}.{field}", []) or []
            for i, container in enumerate(containers):
                image = container.get("image", "") if isinstance(container, dict) else ""
                if "@sha256:" not in image:
                    ctx.report(f"{spec}.{field}[{i}].image", f"image {image!r} is not pinned by digest")


def _pod_spec_path(kind: str) -> str:
    return {"Pod": "spec", "CronJob": "spec.jobTemplate.spec.template.spec"}.get(kind, "spec.template.spec")


pack = chartproof.RulePack("team-web", [ReplicatedDeploymentWithoutPdb(), ImageNotPinnedInProduction()])
