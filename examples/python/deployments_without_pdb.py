#!/usr/bin/env python3
"""List every Deployment with more than one replica that no PodDisruptionBudget protects.

    python3 examples/python/deployments_without_pdb.py rendered.yaml
"""
import sys
from typing import List, Set

import chartproof


def main(paths: List[str]) -> int:
    """Prints each unprotected Deployment; exit 1 when there is one."""
    graph = chartproof.parse(paths)
    protected: Set[chartproof.Resource] = set()
    for pdb in graph.resources(kind="PodDisruptionBudget"):
        protected.update(graph.pods_selected_by(pdb))
    unprotected = [d for d in graph.resources(kind="Deployment") if d not in protected]
    for d in unprotected:
        replicas = d.get("spec.replicas", 1)
        print(f"{d.namespace}/{d.name}: {replicas} replica(s), no PodDisruptionBudget ({d.file}:{d.line})")
    return 1 if unprotected else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
