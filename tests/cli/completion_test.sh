#!/usr/bin/env bash
# `chartproof completion bash|zsh|fish`: the bash script is sourced and asked to complete (a rule
# id, a subcommand, a profile, an option value); the zsh and fish scripts are loaded by real zsh
# and fish (Debian packages, scripts/install-deps.sh) and asked to complete too.
# Usage: completion_test.sh CHARTPROOF SOURCE_DIR
set -u
. "$(dirname "$0")/../lib/check.sh"
bin=$1
"$bin" completion bash > "$work/chartproof.bash" || { echo "FAIL: completion bash"; exit 1; }

complete_bash() {  # complete_bash WORD... (the last word is the one being completed)
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _chartproof; echo "${COMPREPLY[*]}"' \
    _ "$work/chartproof.bash" chartproof "$@"
}
check "bash: a rule id after --enable" "run-as-root" "$(complete_bash lint --enable run-as-r)"
check "bash: a pack after --disable" "schema-violation schema" "$(complete_bash lint --disable sch)"
check "bash: a subcommand" "explain" "$(complete_bash exp)"
check "bash: explain completes rule ids" "privileged-container privilege-escalation-allowed" "$(complete_bash explain privil)"
check "bash: nested subcommands" "show check" "$(complete_bash policy '')"
check "bash: a profile" "pss-baseline pss-restricted" "$(complete_bash policy show --profile pss)"
check "bash: lint's formats" "json junit" "$(complete_bash lint --format j)"
check "bash: rules' formats" "markdown" "$(complete_bash rules --format m)"
check "bash: an option" "--fail-on" "$(complete_bash lint --fail)"
check "bash: --fail-on values" "never" "$(complete_bash lint --fail-on n)"
check "bash: values files complete to files" "$work/chartproof.bash" "$(complete_bash lint -f "$work/chartproof.b")"
check "bash: completion's shells" "bash" "$(complete_bash completion b)"
check "rules takes --format only (-f is lint's values file)" "" "$(complete_bash rules -f)"

command -v zsh >/dev/null || { echo "FAIL: zsh is required (scripts/install-deps.sh installs it)"; exit 1; }
"$bin" completion zsh > "$work/chartproof.zsh"
# Called as zsh's bash-completion layer calls it (_bash_complete: sh emulation, 0-based arrays).
out=$(HOME=$work zsh -f -c "source $work/chartproof.zsh
f() { emulate -L sh; setopt kshglob noshglob braceexpand; COMP_WORDS=(chartproof lint --enable run-as-r); COMP_CWORD=3; _chartproof; print -r -- \"\${COMPREPLY[*]}\"; }
f; complete -p chartproof" 2>&1)
# zsh's compgen returns every candidate and zsh's matcher filters them: after --enable, the rule ids
# and packs, and nothing else.
reply=$(head -1 <<<"$out")
check "zsh: --enable offers rule ids and packs" "1 1 0" \
  "$(grep -cw run-as-root <<<"$reply") $(grep -cw selectors <<<"$reply") $(grep -c -- '--format' <<<"$reply")"
check "zsh: registered for chartproof" 1 "$(grep -c 'complete.*-F _chartproof chartproof' <<<"$out")"

command -v fish >/dev/null || { echo "FAIL: fish is required (scripts/install-deps.sh installs it)"; exit 1; }
"$bin" completion fish > "$work/chartproof.fish"
fish_complete() { HOME=$work fish --no-config -c "source $work/chartproof.fish; complete -C '$1'" 2>&1 | cut -f1 | sort | xargs; }
check "fish: a rule id after --enable" "run-as-root" "$(fish_complete 'chartproof lint --enable run-as-r')"
check "fish: a subcommand" "explain" "$(fish_complete 'chartproof exp')"
check "fish: explain completes rule ids" "privilege-escalation-allowed privileged-container" "$(fish_complete 'chartproof explain privil')"
check "fish: a profile" "pss-baseline pss-restricted" "$(fish_complete 'chartproof lint --profile pss')"

# Completion offers exactly the formats each command's parser accepts (issue 27: `html` was never
# offered, `audit` was offered formats it rejects). Every known format name is tried with the parser.
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n' >"$work/cm.yaml"
printf 'charts:\n  - path: nowhere\n' >"$work/matrix.yaml"
accepted() {  # accepted COMMAND: the formats its parser takes (an unknown one is a usage error naming it)
  for f in text json sarif junit github html markdown yaml csv; do
    case $1 in
      lint) err=$("$bin" lint --format "$f=$work/out.$f" "$work/cm.yaml" 2>&1 >/dev/null) ;;
      audit) err=$("$bin" audit --format "$f=$work/out.$f" "$work/matrix.yaml" 2>&1 >/dev/null) ;;
      rules) err=$("$bin" rules --format "$f" 2>&1 >/dev/null) ;;
    esac
    grep -qiE "unknown format|not in \{|--format: $f" <<<"$err" || printf '%s ' "$f"
  done | xargs -n1 | sort | xargs
}
for cmd in lint audit rules; do
  offered=$(complete_bash "$cmd" --format '' | xargs -n1 | sort | xargs)
  check "bash: $cmd --format offers exactly what its parser accepts" "$(accepted "$cmd")" "$offered"
done
check "bash: lint offers html" "html" "$(complete_bash lint --format h)"

"$bin" completion tcsh >/dev/null 2>&1; code=$?
check "an unknown shell is a usage error" 2 "$code"
finish
