"""The gate: files with no Kubernetes object are skipped, and a baseline hides only what it holds."""
import json
import subprocess
from pathlib import Path

import chartproof

ROOT_APP = (Path(__file__).resolve().parents[2] / "testdata/baseline/root-app.yaml").read_text()


def test_files_without_objects_are_skipped_and_counted(tmp_path: Path):
    (tmp_path / "docker-compose.yml").write_text("services:\n  web:\n    image: nginx\n")
    (tmp_path / "app.yaml").write_text(ROOT_APP)
    report = chartproof.lint([tmp_path], discover_policy=False)
    assert report.summary.skipped == 1
    assert "invalid-resource" not in {f.rule for f in report}
    assert json.loads(report.to_json())["skipped_files"] == [str(tmp_path / "docker-compose.yml")]


def test_baseline_round_trip_matches_the_cli(tmp_path: Path, cli: str):
    app = tmp_path / "app.yaml"
    app.write_text(ROOT_APP)
    before = chartproof.lint([app], discover_policy=False, enable=["run-as-root"])
    assert not before.ok()
    baseline = tmp_path / "baseline.json"
    baseline.write_text(before.to_baseline())
    # The CLI writes the same baseline for the same request.
    cli_baseline = tmp_path / "cli-baseline.json"
    subprocess.run([cli, "lint", str(app), "--enable", "run-as-root", "--write-baseline", str(cli_baseline)],
                   cwd=tmp_path, capture_output=True, check=True)
    assert cli_baseline.read_text() == baseline.read_text()

    after = chartproof.lint([app], discover_policy=False, enable=["run-as-root"], baseline=baseline)
    assert after.ok() and len(after) == 0
    assert len(after.baselined) == len(before.findings) == after.summary.baselined

    app.write_text(ROOT_APP.replace("runAsUser: 0", "runAsUser: 1000"))
    fixed = chartproof.lint([app], discover_policy=False, enable=["run-as-root"], baseline=baseline)
    stale = [f for f in fixed if f.rule == "stale-baseline-entry"]
    assert stale and all(f.file == str(baseline) and f.severity == "info" for f in stale)
    assert fixed.ok()
