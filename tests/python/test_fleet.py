"""Fleet audits from Python: the local engine equals the CLI's; a Dask LocalCluster with 2 workers
gives exactly the serial run's report over the corpus charts x 2 Kubernetes versions, survives a
worker killed mid-audit, and serves `chartproof audit --scheduler`; bad matrices raise located."""
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import chartproof

distributed = pytest.importorskip("distributed", reason="python3-distributed is installed by scripts/install-deps.sh")
SHARED_CHARTS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "charts"


def corpus_matrix(tmp_path: Path) -> Path:
    if not SHARED_CHARTS.is_dir():
        pytest.skip(f"the shared corpus is not at {SHARED_CHARTS}")
    matrix = tmp_path / "corpus.yaml"
    matrix.write_text(f'kubeVersions: ["1.30.0", "1.33.0"]\ncharts:\n  - path: {SHARED_CHARTS}/*\n')
    return matrix


def small_fleet(root: Path, tmp_path: Path, helm: str) -> Path:
    fleet = tmp_path / "fleet"
    (fleet / "charts").mkdir(parents=True)
    (fleet / "packaged").mkdir()
    shutil.copytree(root / "testdata/charts/source-map", fleet / "charts/web")
    shutil.copytree(root / "testdata/charts/required-value", fleet / "charts/pinned")
    shutil.copytree(root / "examples/todo-app", fleet / "charts/todo")
    (fleet / "charts/pinned/values-prod.yaml").write_text('image:\n  tag: "1.0"\n')
    (fleet / "charts/web/values-prod.yaml").write_text('image:\n  tag: "1.0"\n')
    (fleet / "charts/todo/values-prod.yaml").write_text("backend:\n  replicas: 1\n")
    # A policy file in the web chart: discovered per chart, shipped to workers with it.
    (fleet / "charts/web/.chartproof.yaml").write_text("apiVersion: chartproof.io/v1\nkind: Policy\nextends: strict\n")
    subprocess.run([helm, "package", str(fleet / "charts/todo")], cwd=fleet / "packaged", check=True,
                   capture_output=True)
    matrix = fleet / "matrix.yaml"
    matrix.write_text('kubeVersions: ["1.30.0", "1.33.0"]\ncharts:\n  - path: charts/*\n    environments:\n'
                      '      default: []\n      prod: [values-prod.yaml]\n  - path: packaged/*.tgz\n')
    return matrix


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, helm):
    """The corpus matrix and its serial report (one task at a time), shared by the Dask tests."""
    matrix = corpus_matrix(tmp_path_factory.mktemp("corpus"))
    return matrix, chartproof.audit(matrix, helm=helm, jobs=1)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as c, distributed.Client(c) as client:
        yield c, client


def test_the_local_engine_is_the_cli(root, tmp_path, helm, cli, monkeypatch):
    matrix = small_fleet(root, tmp_path, helm)
    monkeypatch.chdir(tmp_path)
    report = chartproof.audit("fleet/matrix.yaml", helm=helm, jobs=2)
    out = subprocess.run([cli, "audit", "fleet/matrix.yaml", "--helm", helm, "--format", "json"],
                         capture_output=True, text=True)
    assert out.returncode == 2  # pinned@default fails: image.tag is required
    assert report.to_json() == out.stdout
    html = subprocess.run([cli, "audit", "fleet/matrix.yaml", "--helm", helm, "--format", "html"],
                          capture_output=True, text=True)
    assert report.to_html() == html.stdout
    sarif = subprocess.run([cli, "audit", "fleet/matrix.yaml", "--helm", helm, "--format", "sarif"],
                           capture_output=True, text=True)
    assert report.to_sarif() == sarif.stdout
    # One format table: AuditReport.to(fmt) is what --format FMT writes, for every audit format.
    assert [report.to(f) for f in ("json", "html", "sarif")] == [out.stdout, html.stdout, sarif.stdout]
    assert all(report.to(f) == getattr(report, f"to_{f}")() for f in chartproof.formats("audit"))
    with pytest.raises(ValueError, match="unknown format"):
        report.to("junit")
    assert [t for t, _ in report.failed] == ["fleet/charts/pinned@default@1.30.0", "fleet/charts/pinned@default@1.33.0"]
    assert not report.ok()
    assert matrix.exists()


def test_dask_gives_the_serial_report_over_the_corpus(helm, cluster, corpus):
    _, client = cluster
    matrix, serial = corpus
    on_dask = chartproof.audit(matrix, helm=helm, client=client)
    assert serial.totals["tasks"] == 30
    assert sum(len(t["report"]["findings"]) for t in serial.tasks if t["report"]) > 100
    assert json.loads(on_dask.to_json()) == json.loads(serial.to_json())
    assert on_dask.to_json() == serial.to_json()
    assert on_dask.to_sarif() == serial.to_sarif()
    # The workers' reports are read back typed: the HTML page, built from them, is the serial one.
    assert on_dask.to_html() == serial.to_html()


def test_dask_ships_charts_values_and_policies_to_workers(root, tmp_path, helm, cluster, monkeypatch):
    _, client = cluster
    small_fleet(root, tmp_path, helm)
    monkeypatch.chdir(tmp_path)
    local = chartproof.audit("fleet/matrix.yaml", helm=helm)
    on_dask = chartproof.audit("fleet/matrix.yaml", helm=helm, client=client)
    assert on_dask.to_json() == local.to_json()
    text = on_dask.to_json()
    assert "chartproof-task-" not in text, "a worker's temporary path leaked into the report"
    web = [t for t in on_dask.tasks if t["task"]["id"] == "fleet/charts/web@prod@1.30.0"][0]
    assert web["task"]["policy"] == "fleet/charts/web/.chartproof.yaml"
    assert web["report"]["findings"], "the strict profile of the chart's own policy applies on the worker"


def test_a_killed_worker_loses_nothing(helm, corpus):
    matrix, serial = corpus
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as c, distributed.Client(c) as client:
        pids = client.run(os.getpid)
        killed = []

        def kill_one(done: int, total: int) -> None:
            if done == 3 and not killed:  # mid-audit: 27 of 30 tasks still to come
                victim = sorted(pids.values())[0]
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        report = chartproof.audit(matrix, helm=helm, client=client, progress=kill_one)
        assert killed, "no worker was killed"
        alive = client.run(os.getpid)
        assert killed[0] not in alive.values()
    assert report.totals["tasks"] == 30
    assert report.to_json() == serial.to_json()


def test_the_cli_runs_on_a_dask_scheduler(root, tmp_path, helm, cli, cluster, monkeypatch):
    c, _ = cluster
    small_fleet(root, tmp_path, helm)
    monkeypatch.chdir(tmp_path)
    local = subprocess.run([cli, "audit", "fleet/matrix.yaml", "--helm", helm, "--format", "json"],
                           capture_output=True, text=True)
    remote = subprocess.run([cli, "audit", "fleet/matrix.yaml", "--helm", helm, "--format", "json",
                             "--scheduler", c.scheduler_address, "--python", sys.executable],
                            capture_output=True, text=True)
    assert remote.returncode == local.returncode == 2
    assert remote.stdout == local.stdout
    bad = subprocess.run([cli, "audit", "fleet/matrix.yaml", "--helm", helm, "--scheduler", "tcp://127.0.0.1:1",
                          "--python", sys.executable], capture_output=True, text=True)
    assert bad.returncode == 2
    assert "chartproof: --scheduler tcp://127.0.0.1:1: the Dask engine failed" in bad.stderr


def test_a_bad_matrix_raises_at_its_line(tmp_path):
    matrix = tmp_path / "m.yaml"
    matrix.write_text("charts:\n  - path: nowhere/*\n")
    with pytest.raises(chartproof.UsageError) as e:
        chartproof.audit(matrix)
    assert e.value.line == 2 and e.value.column == 11
    assert "names no chart" in str(e.value)


def test_a_worker_that_returns_garbage_is_a_failed_task(root, helm):
    """Issue 27: results gathered from workers are read back; a report that is not one (garbage, a
    truncated transfer) makes a failed task, never a clean one that checked nothing."""
    from chartproof import _core
    from chartproof.fleet import AuditReport

    good = chartproof.audit(_one_chart_matrix(root), helm=helm, jobs=1)
    result = good._core.results[0]
    garbage = dict(result, report='{"summary": {"error": 0', sarif="not sarif")
    truncated = dict(result, report=result["report"][: len(result["report"]) // 2])
    report = AuditReport(_core.audit_results([result, garbage, truncated]))
    assert report.totals["failed"] == 2
    assert not report.ok("never")
    assert [e for _, e in report.failed][0].startswith("the task's result could not be read back: its lint report")
    statuses = [t["status"] for t in json.loads(report.to_json())["tasks"]]
    assert statuses == ["ok", "failed", "failed"]


def test_a_report_off_its_schema_is_a_failed_task_at_the_field(root, helm):
    """What a worker hands back (run_audit_task's interchange form) is checked against
    policies/schema/report.schema.json before anything in it is trusted."""
    from chartproof import _core
    from chartproof.fleet import AuditReport

    matrix = _core.load_audit_matrix(str(_one_chart_matrix(root)))
    request = _core.Request()
    request.helm = helm
    request.profile = "strict"
    result = _core.run_audit_task(matrix.tasks[0], matrix.request(request))
    interchange = json.loads(result["report"])
    assert interchange["rules"] and "keyed_path" in interchange["findings"][0]
    interchange["findings"][0]["severity"] = "fatal"
    off_schema = dict(result, report=json.dumps(interchange))
    report = AuditReport(_core.audit_results([result, off_schema]))
    assert [t["status"] for t in json.loads(report.to_json())["tasks"]] == ["ok", "failed"]
    error = [e for _, e in report.failed][0]
    assert "findings[0].severity" in error, error


def _one_chart_matrix(root: Path) -> Path:
    import tempfile
    folder = Path(tempfile.mkdtemp())
    matrix = folder / "matrix.yaml"
    matrix.write_text(f"charts:\n  - path: {root / 'examples/todo-app'}\n")
    return matrix


def test_the_dask_engine_takes_the_request_as_data(tmp_path):
    """`chartproof audit --scheduler` hands python -m chartproof.fleet a request file (JSON with a
    schema), not lint flags to parse again; one that does not match is refused at the field."""
    good = {"apiVersion": "chartproof.io/v1", "kind": "AuditRequest", "matrix": "fleet/matrix.yaml",
            "scheduler": "tcp://127.0.0.1:1", "lint": {"helm": "/opt/helm", "helmTimeout": 30, "enable": ["hygiene"],
                                                       "schemaMode": "lenient"}}
    path = tmp_path / "request.json"
    path.write_text(json.dumps(good))
    matrix, scheduler, base = chartproof._core.load_audit_request(str(path))
    assert (matrix, scheduler, base.helm, base.helm_timeout, base.enable, base.schema_mode) == (
        "fleet/matrix.yaml", "tcp://127.0.0.1:1", "/opt/helm", 30, ["hygiene"], "lenient")
    path.write_text(json.dumps(dict(good, lint={"helm": "helm", "helmTimeout": "30"})))
    run = subprocess.run([sys.executable, "-m", "chartproof.fleet", "--request", str(path)],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert f"chartproof: {path}:1:" in run.stderr and "not an audit request" in run.stderr
    assert "lint.helmTimeout" in run.stderr
