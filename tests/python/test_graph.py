"""chartproof.parse: the Graph API for scripts that inspect rather than lint."""
import chartproof


def test_resources_get_and_selection(root):
    graph = chartproof.parse(root / "examples" / "todo-app" / "rendered.yaml")
    deployments = graph.resources(kind="Deployment")
    assert [d.name for d in deployments] == ["todo-app-backend", "todo-app-frontend"]
    backend = deployments[0]
    assert backend.get("spec.template.spec.containers[0].image") == "ghcr.io/example/todo-backend:1.4.2"
    assert backend.get("spec.replicas") == 2
    assert backend.get("spec.template.spec.securityContext") == {
        "fsGroup": 1000, "runAsGroup": 1000, "runAsNonRoot": True, "runAsUser": 1000,
        "seccompProfile": {"type": "RuntimeDefault"}}
    assert backend.get("spec.nope", "fallback") == "fallback"
    assert backend.labels["app.kubernetes.io/component"] == "backend"
    assert graph.resources(namespace="elsewhere") == []
    service = graph.find("Service", "todo-app", "todo-app-backend")
    assert graph.pods_selected_by(service) == [backend]
    refs = graph.references(backend)
    assert {(r["kind"], r["name"]) for r in refs} == {("ConfigMap", "todo-app-config"), ("Secret", "todo-app-secrets")}
    assert all(r["target"] is not None for r in refs)
    assert backend.to_dict()["kind"] == "Deployment"
