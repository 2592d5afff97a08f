#!/usr/bin/env bash
# Chart mode over the 15 real chart folders of ../shared/corpus/charts, rendered with the arguments
# INDEX.tsv records: each renders (exit 0 or 1), yields the documents INDEX.tsv counts, and the chart
# pack reports exactly the one known problem (cert-manager's unreleased version "v0.0.0", which
# `helm lint` rejects too). Skips (77) without helm or the corpus.
# Usage: corpus_charts_test.sh CHARTPROOF SOURCE_DIR SHARED_DIR
set -u
bin=$1
src=$2
shared=$3
[ -d "$shared/corpus/charts" ] || { echo "skipped: $shared/corpus/charts is not there"; exit 77; }
helm=$("$src/scripts/get-helm.sh" 2>/dev/null) || { echo "FAIL: helm is required (scripts/get-helm.sh could not provide it)"; exit 1; }
failures=0
charts=0
shared_out=$(mktemp)
trap 'rm -f "$shared_out"*' EXIT
chart_findings=""
for dir in "$shared"/corpus/charts/*/; do
  name=$(basename "$dir")
  row=$(awk -F'\t' -v f="$name.yaml" '$1 == f' "$shared/corpus/INDEX.tsv")
  [ -n "$row" ] || { echo "FAIL: $name has no row in INDEX.tsv"; failures=$((failures + 1)); continue; }
  release=$(cut -f3 <<<"$row")
  documents=$(cut -f6 <<<"$row")
  read -r -a args <<<"$(cut -f11 <<<"$row")"
  out=$("$bin" lint "$dir" --helm "$helm" --release "$release" "${args[@]}" --format json 2>&1); code=$?
  if [ "$code" -gt 1 ]; then echo "FAIL: $name: exit $code: $out"; failures=$((failures + 1)); continue; fi
  got=$(python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["summary"]["documents"], " ".join(sorted(f["rule"] + "@" + f["location"]["file"].split("/")[-1] + ":" + str(f["location"]["line"])
                                                 for f in d["findings"] if f["pack"] == "chart")))' <<<"$out")
  rendered=${got%% *}
  # INDEX.tsv counts documents that hold a node; comment-only ones are not counted by either.
  if [ "$rendered" != "$documents" ]; then echo "FAIL: $name: $rendered documents, INDEX.tsv says $documents"; failures=$((failures + 1)); fi
  rest=${got#* }
  [ "$rest" = "$got" ] && rest=""
  [ -n "$rest" ] && chart_findings+="$name $rest;"
  charts=$((charts + 1))
  echo "ok: $name ($rendered documents${rest:+, chart pack: $rest})"
done
# release-name-overflow: names these charts build as `fullname` (truncated to 63) plus a suffix
# (-headless, -master, -replicas, -admission), past 63 characters at a 53-character release name:
# `helm install` with such a name is refused by the API server. Real, and left in the corpus.
expected="bitnami__rabbitmq release-name-overflow@svc-headless.yaml:9;"
expected+="bitnami__redis release-name-overflow@application.yaml:10 release-name-overflow@application.yaml:11 "
expected+="release-name-overflow@headless-svc.yaml:9 release-name-overflow@service.yaml:10 release-name-overflow@service.yaml:10;"
expected+="cert-manager__cert-manager invalid-chart-yaml@Chart.yaml:25;"
expected+="ingress-nginx__ingress-nginx release-name-overflow@controller-service-webhook.yaml:14;"
expected+="prometheus-community__alertmanager release-name-overflow@services.yaml:47;"
if [ "$chart_findings" != "$expected" ]; then echo "FAIL: chart pack findings [$chart_findings], expected [$expected]"; failures=$((failures + 1)); fi
# All 15 in one run render concurrently (--jobs); the output is the same for any --jobs.
for jobs in 1 2; do
  "$bin" lint "$shared/corpus/charts" --helm "$helm" --jobs "$jobs" --format json --fail-on never \
    > "$shared_out.jobs$jobs" 2>&1
done
if cmp -s "$shared_out.jobs1" "$shared_out.jobs2"; then echo "ok: one run over all charts: the same output for --jobs 1 and 2"
else echo "FAIL: chart mode output differs between --jobs 1 and 2"; failures=$((failures + 1)); fi
rm -f "$shared_out.jobs1" "$shared_out.jobs2"
if [ "$charts" -ne 15 ]; then echo "FAIL: $charts charts linted, expected 15"; failures=$((failures + 1)); fi
if [ "$failures" -ne 0 ]; then echo "$failures failed"; exit 1; fi
echo "all $charts charts rendered and linted"
