#!/usr/bin/env bash
# Runs the hooks of .pre-commit-hooks.yaml with a real `pre-commit` (Debian package) in a temporary
# git repository, offline. Skips (77) without pre-commit or helm. Usage: pre_commit_test.sh CHARTPROOF SOURCE_DIR
set -u
bin=$1
src=$2
command -v pre-commit >/dev/null || { echo "FAIL: pre-commit is required (scripts/install-deps.sh installs it)"; exit 1; }
helm=$("$src/scripts/get-helm.sh" 2>/dev/null) || { echo "FAIL: helm is required (scripts/get-helm.sh could not provide it)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() { if [ "$2" != "$3" ]; then echo "FAIL: $1: expected [$2], got [$3]"; failures=$((failures + 1)); else echo "ok: $1"; fi; }

# The hook repository: .pre-commit-hooks.yaml as it is in the working tree, committed on its own.
mkdir -p "$work/hooks" "$work/bin"
cp "$src/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" init -q && git -C "$work/hooks" add . && git -C "$work/hooks" -c user.name=t -c user.email=t@t commit -qm hooks
rev=$(git -C "$work/hooks" rev-parse HEAD)
ln -s "$bin" "$work/bin/chartproof"
ln -s "$helm" "$work/bin/helm"

# A project that uses the hooks: a chart and a rendered manifest.
proj=$work/project
mkdir -p "$proj/charts" "$proj/deploy"
cp -r "$src/examples/todo-app" "$proj/charts/todo-app"
rm -f "$proj/charts/todo-app/rendered"*.yaml
cp "$src/examples/todo-app/rendered.yaml" "$proj/deploy/todo-app.yaml"
# What else a real repository holds: a workflow, a compose file and the policy file. They are YAML
# the hook sees, but no Kubernetes manifest, so they are skipped, never invalid-resource.
mkdir -p "$proj/.github/workflows"
printf 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n' \
  > "$proj/.github/workflows/ci.yaml"
printf 'services:\n  web:\n    image: nginx:1.25\n    ports: ["8080:80"]\n' > "$proj/docker-compose.yml"
cp "$src/policies/examples/health-contract.yaml" "$proj/.chartproof.yaml"
cat > "$proj/.pre-commit-config.yaml" <<CFG
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: chartproof
      - id: chartproof-chart
        args: [--release, todo-app, --namespace, todo-app]
CFG
cd "$proj"
git init -q && git add . && git -c user.name=t -c user.email=t@t commit -qm project
export PATH="$work/bin:$PATH" PRE_COMMIT_HOME="$work/cache"

out=$(pre-commit run --all-files 2>&1); code=$?
check "clean project passes both hooks" 0 "$code"
check "both hooks ran" 2 "$(grep -cE '^chartproof \((rendered manifests|chart folders)\).*Passed' <<<"$out")"

# docs/ci.md's offline form (repo: local) runs the same hooks without the hook repository.
awk '/^# .pre-commit-config.yaml: offline/ { on = 1 } on && /^```/ { exit } on' "$src/docs/ci.md" > local-config.yaml
check "docs/ci.md has the repo: local form" 1 "$(grep -c '^  - repo: local$' local-config.yaml)"
out=$(pre-commit run --all-files --config local-config.yaml 2>&1); code=$?
check "the repo: local form passes the clean project" 0 "$code"
check "the repo: local form runs both hooks" 2 "$(grep -cE '^chartproof \((rendered manifests|chart folders)\).*Passed' <<<"$out")"
rm local-config.yaml

summary=$(chartproof lint . --summary 2>&1); code=$?
check "lint . on the repository passes" 0 "$code"
check "lint . renders the chart and lints the plain manifest" 1 "$(grep -c '^linted: 1 chart (charts/todo-app), 1 manifest file,' <<<"$summary")"
check "lint . names what it skipped" 1 "$(grep -c '^skipped: 4 files with no Kubernetes object (.chartproof.yaml, .github/workflows/ci.yaml, .pre-commit-config.yaml, docker-compose.yml)$' <<<"$summary")"
check "lint . never lints a template as a manifest" 0 "$(grep -c 'templates/.*invalid-yaml\|invalid-resource' <<<"$summary")"

# A commit that touches only files that are not manifests has nothing to check, and passes.
echo '    restart: always' >> docker-compose.yml
echo '  # a comment' >> .github/workflows/ci.yaml
git add -A
out=$(pre-commit run 2>&1); code=$?
check "a commit of a compose file and a workflow passes" 0 "$code"
check "no invalid-resource for them" 0 "$(grep -c 'invalid-resource' <<<"$out")"
git -c user.name=t -c user.email=t@t commit -qm "not manifests"

# Subcharts are linted as part of their parent (issue 28): a jaeger-style vendored library chart
# (charts/common, not installable alone) and a subchart that needs its parent's values. The hook
# renders the outermost chart that holds a staged file, never the subchart alone.
mkdir -p charts/todo-app/charts/common/templates charts/todo-app/charts/greeter/templates
printf 'apiVersion: v2\nname: common\nversion: 0.1.0\ntype: library\n' > charts/todo-app/charts/common/Chart.yaml
printf '{{- define "common.greeting" -}}\n{{ required "greeting is required" .Values.greeting | quote }}\n{{- end -}}\n' \
  > charts/todo-app/charts/common/templates/_greeting.tpl
printf 'apiVersion: v2\nname: greeter\nversion: 0.1.0\nappVersion: "1.0"\n' > charts/todo-app/charts/greeter/Chart.yaml
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: greeter\ndata:\n  greeting: {{ required "greeting is required" .Values.greeting | quote }}\n' \
  > charts/todo-app/charts/greeter/templates/configmap.yaml
printf '\ngreeter:\n  greeting: hello\n' >> charts/todo-app/values.yaml
git add -A
out=$(pre-commit run 2>&1); code=$?
check "a commit inside vendored subcharts passes" 0 "$code"
check "no subchart is rendered alone" 0 "$(grep -c 'library charts are not installable\|greeting is required' <<<"$out")"
summary=$(chartproof lint --charts-of charts/todo-app/charts/common/templates/_greeting.tpl \
  charts/todo-app/charts/greeter/templates/configmap.yaml --summary 2>&1)
check "--charts-of picks the outermost chart" 1 "$(grep -c '^linted: 1 chart (charts/todo-app)' <<<"$summary")"
git -c user.name=t -c user.email=t@t commit -qm "subcharts"

cp "$src/examples/todo-app/rendered-broken.yaml" deploy/todo-app.yaml
sed -i 's/runAsUser: 1000/runAsUser: 0/' charts/todo-app/values.yaml
git add -A
out=$(pre-commit run 2>&1); code=$?
check "broken files fail the commit" 1 "$code"
check "the manifest hook reports the finding" 1 "$(grep -c '^deploy/todo-app.yaml:165:24: error: container "backend" runs as UID 0 (root), which its runAsNonRoot: true forbids: the kubelet refuses to start it \[run-as-root\] in Deployment "todo-app/todo-app-backend"$' <<<"$out")"
line=$(grep -n 'runAsUser: 0' charts/todo-app/values.yaml | cut -d: -f1)
check "the chart hook reports at the values line that set it" 1 "$(grep -cE "^charts/todo-app/values.yaml:$line:14: error: container \"(backend|frontend)\" runs as UID 0 \(root\), which its runAsNonRoot: true forbids: the kubelet refuses to start it \[run-as-root\] in Deployment .* \(and 2 more: .*\)$" <<<"$out" | awk '{print ($1 > 0)}')"
check "no output names helm's render as a file" 0 "$(grep -c 'helm-template:' <<<"$out")"
echo "$out" | tail -5
if [ "$failures" -ne 0 ]; then echo "$failures failed"; exit 1; fi
