"""chartproof lsp (issue 35): the protocol driven message by message (initialize, didOpen,
didChange, hover, codeAction, shutdown, exit), diagnostics for plain manifests and for a chart's
values.yaml from unsaved buffers, code actions that are chartproof fix's verified edits, and bad
input of every kind answered without a crash or a hang. The real editor's test is
tests/editor/nvim_lsp_test.lua."""
import json
import shutil
import subprocess

from lsp_client import Client, apply_text_edits


def lint_lines(cli, path, *options):
    out = subprocess.run([cli, "lint", str(path), "--format", "json", "--fail-on", "never", *options],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return sorted((f["location"]["line"], f["rule"]) for f in json.loads(out.stdout)["findings"])


def test_a_manifest_session_from_open_to_exit(root, cli, tmp_path):
    manifest = tmp_path / "rendered-broken.yaml"
    shutil.copy(root / "examples/todo-app/rendered-broken.yaml", manifest)
    client = Client(cli, tmp_path)
    init = client.initialize()
    capabilities = init["result"]["capabilities"]
    assert capabilities["textDocumentSync"]["change"] == 2 and capabilities["hoverProvider"]
    assert capabilities["codeActionProvider"]["codeActionKinds"] == ["quickfix"]

    uri = client.open(manifest)
    diagnostics = client.wait_for_diagnostics(uri)
    # The same findings as `chartproof lint`, at the same lines (0-based in the protocol).
    assert sorted((d["range"]["start"]["line"] + 1, d["code"]) for d in diagnostics) == lint_lines(cli, manifest)
    root_uid = next(d for d in diagnostics if d["code"] == "run-as-root")
    assert root_uid["severity"] == 1 and root_uid["source"] == "chartproof"
    assert root_uid["range"]["start"] == {"line": 164, "character": 23}

    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": root_uid["range"]["start"]})["result"]
    assert hover["contents"]["kind"] == "markdown" and "`run-as-root`" in hover["contents"]["value"]
    assert "**Fix:**" in hover["contents"]["value"]
    assert client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 0, "character": 0}})["result"] is None

    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": root_uid["range"], "context": {"diagnostics": [root_uid]}})["result"]
    assert [a["title"] for a in actions] == [
        "chartproof: Set spec.template.spec.containers[0].securityContext.runAsUser to 1 [run-as-root]",
        "chartproof: disable run-as-root for this object (chartproof.io/ignore)"]
    assert actions[0]["kind"] == "quickfix" and actions[0]["isPreferred"]
    # The other way out: the object's ignore annotation (added to its existing annotations or metadata).
    ignored = apply_text_edits(manifest.read_text(), actions[1]["edit"]["changes"][uri])
    client.change(uri, ignored)
    silenced = client.wait_for_diagnostics(uri)
    assert "run-as-root" not in {d["code"] for d in silenced} and len(silenced) == len(diagnostics) - 1
    edits = actions[0]["edit"]["changes"][uri]
    fixed = apply_text_edits(manifest.read_text(), edits)
    client.change(uri, fixed, version=3)
    after = client.wait_for_diagnostics(uri)
    assert "run-as-root" not in {d["code"] for d in after}
    assert len(after) == len(diagnostics) - 1
    # The buffer was linted, not the file: the file is as it was.
    assert manifest.read_text() == (root / "examples/todo-app/rendered-broken.yaml").read_text()
    assert client.close() == 0


def test_a_chart_values_buffer_gets_its_findings_at_its_own_lines(root, cli, helm, tmp_path):
    chart = tmp_path / "todo-app"
    shutil.copytree(root / "examples/todo-app", chart)
    values = chart / "values.yaml"
    on_disk = values.read_text()
    client = Client(cli, tmp_path)
    client.initialize({"helm": helm})
    # An unsaved edit: UID 0 for every workload of the chart.
    uri = client.open(values, on_disk.replace("runAsUser: 1000", "runAsUser: 0", 1))
    diagnostics = client.wait_for_diagnostics(uri)
    line = on_disk.split("\n").index("  runAsUser: 1000")
    assert [(d["range"]["start"]["line"], d["code"]) for d in diagnostics] == [(line, "run-as-root")]
    assert "and 2 more" in diagnostics[0]["message"]  # one diagnostic for the three workloads' finding
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostics[0]["range"], "context": {"diagnostics": diagnostics}})
    [action] = actions["result"]
    fixed = apply_text_edits(on_disk.replace("runAsUser: 1000", "runAsUser: 0", 1), action["edit"]["changes"][uri])
    client.change(uri, fixed)
    assert client.wait_for_diagnostics(uri) == []
    # Settings change what is linted: strict asks for more of the same chart.
    client.notify("workspace/didChangeConfiguration", {"settings": {"chartproof": {"helm": helm, "profile": "strict"}}})
    strict = client.wait_for_diagnostics(uri)
    assert values.read_text() == on_disk
    assert client.close() == 0
    assert isinstance(strict, list)


def test_a_template_helm_cannot_render_shows_helms_error_in_it(root, cli, helm, tmp_path):
    chart = tmp_path / "todo-app"
    shutil.copytree(root / "examples/todo-app", chart)
    template = chart / "templates" / "configmap.yaml"
    client = Client(cli, tmp_path)
    client.initialize({"helm": helm})
    broken = template.read_text() + "\n{{ .Values.nothing | nosuchfunction }}\n"
    uri = client.open(template, broken)
    diagnostics = client.wait_for_diagnostics(uri)
    assert diagnostics and diagnostics[0]["severity"] == 1
    assert "nosuchfunction" in diagnostics[0]["message"]
    client.change(uri, template.read_text())
    assert client.wait_for_diagnostics(uri) == []
    assert client.close() == 0


def test_policy_files_are_validated_as_you_type(cli, tmp_path):
    policy = tmp_path / ".chartproof.yaml"
    policy.write_text("apiVersion: chartproof.io/v1\nkind: Policy\nrules: {}\n")
    client = Client(cli, tmp_path)
    client.initialize()
    uri = client.open(policy)
    assert client.wait_for_diagnostics(uri) == []
    client.change(uri, "apiVersion: chartproof.io/v1\nkind: Policy\nrules:\n  run-as-rot: {severity: error}\n")
    [problem] = client.wait_for_diagnostics(uri)
    assert problem["range"]["start"]["line"] == 3 and "run-as-root" in problem["message"]
    assert client.close() == 0


def test_bad_input_gets_an_error_response_never_a_crash_or_a_hang(cli, tmp_path):
    client = Client(cli, tmp_path)
    # Before initialize: the protocol's ServerNotInitialized.
    assert client.request("textDocument/hover", {})["error"]["code"] == -32002
    client.initialize()
    # Malformed JSON, a message that is not an object, no method, an unknown method.
    client.write(b"Content-Length: 9\r\n\r\n{not json")
    assert client.receive()["error"]["code"] == -32700
    client.write(b"Content-Length: 2\r\n\r\n[]")
    assert client.receive()["error"]["code"] == -32600
    client.send({"id": 77})
    assert client.receive()["error"]["code"] == -32600
    assert client.request("workspace/symbol", {"query": "x"})["error"]["code"] == -32601
    assert client.request("textDocument/codeAction", {"textDocument": {"uri": "http://x/y.yaml"}})["error"]["code"] == -32602
    # A header without Content-Length and one with a length that is not a number: skipped (logged).
    client.write(b"Content-Type: x\r\n\r\n")
    client.write(b"Content-Length: many\r\n\r\n")
    assert client.request("textDocument/hover", {"textDocument": {"uri": (tmp_path / "a.yaml").as_uri()},
                                                 "position": {"line": 0, "character": 0}})["result"] is None
    # A YAML file outside any chart that holds no object: nothing to report.
    plain = tmp_path / "notes.yaml"
    plain.write_text("a: 1\n")
    client.open(plain)
    # A chart folder deleted while a file of it is open: a diagnostic saying so, on that file.
    chart = tmp_path / "gone"
    (chart / "templates").mkdir(parents=True)
    (chart / "Chart.yaml").write_text("apiVersion: v2\nname: gone\nversion: 1.0.0\n")
    values = chart / "values.yaml"
    values.write_text("x: 1\n")
    uri = client.open(values)
    client.wait_for_diagnostics(uri)
    shutil.rmtree(chart)
    client.change(uri, "x: 2\n")
    [gone] = client.wait_for_diagnostics(uri)
    assert "gone" in gone["message"]
    stderr_before_exit = client
    assert client.close() == 0
    log = stderr_before_exit.process.stderr.read().decode()
    assert "no Content-Length header" in log and "Content-Length is not a number" in log


def test_exit_without_shutdown_and_a_closed_pipe_end_the_process(cli, tmp_path):
    client = Client(cli, tmp_path)
    client.initialize()
    client.notify("exit", None)
    assert client.process.wait(timeout=10) == 1
    other = Client(cli, tmp_path)
    other.initialize()
    other.process.stdin.close()
    assert other.process.wait(timeout=10) == 1


def exemption_action(client, uri, diagnostic):
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostic["range"],
        "context": {"diagnostics": [diagnostic]}})["result"]
    return [a for a in actions if "add an exemption" in a["title"]]


def test_add_an_exemption_writes_the_policy_file_and_the_finding_goes_once_it_is_saved(root, cli, tmp_path):
    manifest = tmp_path / "rendered-broken.yaml"
    shutil.copy(root / "examples/todo-app/rendered-broken.yaml", manifest)
    policy = tmp_path / ".chartproof.yaml"
    # A client that cannot create files is offered no exemption while there is no policy file.
    plain = Client(cli, tmp_path)
    plain.initialize()
    uri = plain.open(manifest)
    diagnostic = next(d for d in plain.wait_for_diagnostics(uri) if d["code"] == "run-as-root")
    assert exemption_action(plain, uri, diagnostic) == []
    assert plain.close() == 0

    client = Client(cli, tmp_path)
    client.initialize(capabilities={"workspace": {"workspaceEdit": {"resourceOperations": ["create"]}}})
    uri = client.open(manifest)
    diagnostics = client.wait_for_diagnostics(uri)
    diagnostic = next(d for d in diagnostics if d["code"] == "run-as-root")
    [action] = exemption_action(client, uri, diagnostic)
    assert action["title"] == ("chartproof: add an exemption from run-as-root for Deployment "
                               "\"todo-app/todo-app-backend\" to .chartproof.yaml")
    create, change = action["edit"]["documentChanges"]
    assert create == {"kind": "create", "uri": policy.as_uri(), "options": {"ignoreIfExists": True}}
    policy.write_text(apply_text_edits("", change["edits"]))
    check = subprocess.run([cli, "policy", "check", str(policy)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    # The file saved (as the editor does when the user saves it): every unit is linted with it.
    client.notify("textDocument/didSave", {"textDocument": {"uri": policy.as_uri()}})
    policy_uri = client.open(policy)
    client.notify("textDocument/didSave", {"textDocument": {"uri": policy_uri}})
    after = client.wait_for_diagnostics(uri)
    while any(d["code"] == "run-as-root" for d in after):
        after = client.wait_for_diagnostics(uri)
    assert len(after) == len(diagnostics) - 1
    assert lint_lines(cli, manifest, "--policy", str(policy)) == sorted(
        (d["range"]["start"]["line"] + 1, d["code"]) for d in after)

    # A second exemption goes under the same `exemptions:`, in its indentation.
    other = next(d for d in after if d["code"] != "run-as-root" and d["code"] != "chartproof")
    [second] = exemption_action(client, uri, other)
    edits = second["edit"]["changes"][policy_uri]
    text = apply_text_edits(policy.read_text(), edits)
    assert text.count("exemptions:") == 1 and text.count("  - rules: [") == 2
    policy.write_text(text)
    assert subprocess.run([cli, "policy", "check", str(policy)], capture_output=True).returncode == 0
    assert client.close() == 0


def test_a_policy_file_changed_outside_the_editor_is_used_at_the_next_lint(root, cli, tmp_path):
    manifest = tmp_path / "rendered-broken.yaml"
    shutil.copy(root / "examples/todo-app/rendered-broken.yaml", manifest)
    client = Client(cli, tmp_path)
    client.initialize()
    uri = client.open(manifest)
    before = client.wait_for_diagnostics(uri)
    assert "run-as-root" in {d["code"] for d in before}
    # Written by another program (git checkout, a script): no editor event names it.
    (tmp_path / ".chartproof.yaml").write_text(
        "apiVersion: chartproof.io/v1\nkind: Policy\nextends: [recommended]\nrules:\n  run-as-root: false\n")
    client.change(uri, manifest.read_text() + "\n")
    after = client.wait_for_diagnostics(uri)
    assert "run-as-root" not in {d["code"] for d in after} and len(after) == len(before) - 1
    (tmp_path / ".chartproof.yaml").unlink()
    client.change(uri, manifest.read_text(), version=3)
    assert "run-as-root" in {d["code"] for d in client.wait_for_diagnostics(uri)}
    assert client.close() == 0


def test_incremental_changes_edit_the_buffer_by_range(cli, root, tmp_path):
    manifest = tmp_path / "rendered-broken.yaml"
    original = (root / "examples/todo-app/rendered-broken.yaml").read_text()
    manifest.write_text(original)
    client = Client(cli, tmp_path)
    client.initialize()
    uri = client.open(manifest)
    before = client.wait_for_diagnostics(uri)
    line = original.split("\n").index("            runAsUser: 0")
    # Two changes in one notification, applied in order: a first line with characters of two and
    # four UTF-8 bytes (one and two UTF-16 units), then the uid on what is now line + 1.
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
         "text": "# \U0001F680 \u00e9 ok\n"},
        {"range": {"start": {"line": line + 1, "character": 23}, "end": {"line": line + 1, "character": 24}},
         "text": "1000"},
        {"range": {"start": {"line": 0, "character": 5}, "end": {"line": 0, "character": 6}}, "text": "e"}]})
    after = client.wait_for_diagnostics(uri)
    expected = "# \U0001F680 e ok\n" + original.replace("            runAsUser: 0\n", "            runAsUser: 1000\n", 1)
    edited = tmp_path / "expected.yaml"
    edited.write_text(expected)
    assert sorted((d["range"]["start"]["line"] + 1, d["code"]) for d in after) == lint_lines(cli, edited)
    assert "run-as-root" not in {d["code"] for d in after} and len(after) == len(before) - 1
    assert client.close() == 0


def test_an_edit_during_a_lint_cancels_it_and_only_the_newest_text_is_published(root, cli, helm, tmp_path):
    import time
    chart = tmp_path / "todo-app"
    shutil.copytree(root / "examples/todo-app", chart)
    values = chart / "values.yaml"
    on_disk = values.read_text()
    # A helm that takes 1.5 s before it renders, and says when it starts and when it renders.
    log = tmp_path / "helm.log"
    slow = tmp_path / "slow-helm"
    slow.write_text(f"#!/bin/sh\necho start >> '{log}'\nsleep 1.5\necho render >> '{log}'\nexec '{helm}' \"$@\"\n")
    slow.chmod(0o755)
    client = Client(cli, tmp_path)
    client.initialize({"helm": str(slow)})
    uri = client.open(values)
    deadline = time.monotonic() + 20
    while (not log.exists() or log.read_text().split().count("start") < 2) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert log.read_text().split() == ["start", "start"]  # the lint of the opened text is rendering
    # An edit now: that lint is stale. Its helms are killed, and what is published first is the
    # newest text's diagnostics (the stale lint would have published none, a second later).
    client.change(uri, on_disk.replace("runAsUser: 1000", "runAsUser: 0", 1))
    diagnostics = client.wait_for_diagnostics(uri)
    line = on_disk.split("\n").index("  runAsUser: 1000")
    assert [(d["range"]["start"]["line"], d["code"]) for d in diagnostics] == [(line, "run-as-root")]
    # Two renders per lint (the render and the instrumented one): the first two never rendered.
    assert sorted(log.read_text().split()) == ["render", "render", "start", "start", "start", "start"]
    assert client.close() == 0
