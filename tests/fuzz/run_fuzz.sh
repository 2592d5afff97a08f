#!/usr/bin/env bash
# Runs one libFuzzer target for SECONDS on a corpus seeded from testdata/ and a sample of the shared
# corpus, with the YAML dictionary. A crash, leak, timeout or out-of-memory fails the run and leaves
# the input in WORK_DIR/artifacts/ (minimise it with -minimize_crash=1 and keep it in
# tests/fuzz/regressions/TARGET/, which the ordinary suite replays).
# Usage: run_fuzz.sh FUZZER TARGET SECONDS SOURCE_DIR SHARED_DIR WORK_DIR
set -euo pipefail
fuzzer=$1 target=$2 seconds=$3 src=$4 shared=$5 work=$6
mkdir -p "$work/corpus" "$work/seeds" "$work/artifacts"
seeds=$work/seeds
case $target in
  lint|parse)
    # Every rule fixture and hand-made manifest, every hostile input, and 40 real renders.
    i=0
    for f in "$src"/testdata/rules/*/*.yaml "$src"/testdata/manifests/*.yaml "$src"/testdata/manifests/bad/* \
             "$src"/examples/todo-app/rendered*.yaml "$src"/policies/*.yaml; do
      [ -f "$f" ] && cp "$f" "$seeds/seed-$((i++))"
    done
    if [ -d "$shared/corpus" ]; then
      find "$shared/corpus" -maxdepth 2 -name '*.yaml' -size -64k | sort | awk 'NR % 7 == 0' | head -40 |
        while read -r f; do cp "$f" "$seeds/corpus-$(basename "$(dirname "$f")")-$(basename "$f")"; done
    fi ;;
  policy)
    i=0
    for f in "$src"/policies/*.yaml "$src"/policies/examples/*.yaml "$src"/testdata/policies/*/*.yaml \
             "$src"/testdata/rules/*/*policy.yaml; do
      [ -f "$f" ] && cp "$f" "$seeds/seed-$((i++))"
    done ;;
  chart)
    # Chart.yaml NUL values.yaml NUL render: the example chart, and each chart fixture's files.
    ex=$src/examples/todo-app
    { cat "$ex/Chart.yaml"; printf '\0'; cat "$ex/values.yaml"; printf '\0'; cat "$ex/rendered.yaml"; } > "$seeds/todo-app"
    i=0
    for f in "$src"/testdata/rules/{invalid-chart-yaml,invalid-values-yaml,invalid-app-version,plaintext-secret-in-values}/*.yaml; do
      { cat "$ex/Chart.yaml"; printf '\0'; cat "$f"; } > "$seeds/values-$((i++))"
      { cat "$f"; printf '\0'; cat "$ex/values.yaml"; } > "$seeds/chart-$((i++))"
    done ;;
  schema)
    # `schema NUL object`: hand-made schemas of both styles (CRD, JSON Schema with references).
    cp "$src"/tests/fuzz/seeds/schema/* "$seeds"/ ;;
  cel)
    # `expression NUL object`: hand-made expressions over a manifest (tests/fuzz/seeds/cel).
    cp "$src"/tests/fuzz/seeds/cel/* "$seeds"/ ;;
  lsp)
    # What an editor writes: recorded sessions (tests/fuzz/seeds/lsp).
    cp "$src"/tests/fuzz/seeds/lsp/* "$seeds"/ ;;
  *) echo "run_fuzz: unknown target $target" >&2; exit 2 ;;
esac
# -timeout: one input may take at most 10 s (a hang or a quadratic blow-up is a finding);
# -rss_limit_mb: 3 GB (the machine has 24). Regressions are replayed before new inputs.
regressions=$src/tests/fuzz/regressions/$target
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$src/tests/ubsan.supp}
dirs=("$work/corpus" "$seeds")
# A target may add keywords of its own (tests/fuzz/TARGET.dict) to the YAML dictionary.
dict=$src/tests/fuzz/yaml.dict
if [ -f "$src/tests/fuzz/$target.dict" ]; then
  cat "$src/tests/fuzz/yaml.dict" "$src/tests/fuzz/$target.dict" > "$work/fuzz.dict"
  dict=$work/fuzz.dict
fi
[ -d "$regressions" ] && dirs+=("$regressions")
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 -max_len=65536 \
  -dict="$dict" -artifact_prefix="$work/artifacts/" -print_final_stats=1 "${dirs[@]}"
