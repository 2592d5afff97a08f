#!/usr/bin/env bash
# The .deb (make dist): its metadata, what it installs, and that `dpkg -i` into a scratch root (its
# own dpkg database) gives a chartproof that runs there with its man page and completions.
# Usage: deb_test.sh DEB SOURCE_DIR
set -u
. "$(dirname "$0")/../lib/check.sh"
deb=$1
src=$2
version=$("$src/scripts/version.sh")
info=$(dpkg-deb -f "$deb" Package Version Architecture Depends | xargs)
check "metadata: package, version, architecture, no dependencies" "Package: chartproof Version: $version Architecture: amd64" "$info"
listing=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/chartproof ./usr/share/man/man1/chartproof.1 ./usr/share/bash-completion/completions/chartproof \
         ./usr/share/zsh/vendor-completions/_chartproof ./usr/share/fish/vendor_completions.d/chartproof.fish \
         ./usr/share/doc/chartproof/README.md ./usr/share/doc/chartproof/rules.md; do
  check "installs $f" 1 "$(grep -cxF "$f" <<<"$listing")"
done
check "no library or headers (those are the dev component)" 0 "$(grep -cE '/include/|\.a$|/cmake/' <<<"$listing")"
root=$work/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
dpkg --root="$root" --force-not-root --force-bad-path --log=/dev/null -i "$deb" >"$work/dpkg.log" 2>&1; code=$?
check "dpkg -i into a scratch root" 0 "$code"
[ "$code" -eq 0 ] || cat "$work/dpkg.log"
check "dpkg knows it installed" "install ok installed $version" \
  "$(dpkg --root="$root" -s chartproof 2>/dev/null | sed -nE 's/^Status: (.*)/\1/p; s/^Version: (.*)/\1/p' | xargs)"
cp "$src/examples/todo-app/rendered-broken.yaml" "$root/rendered-broken.yaml"
if [ "$(id -u)" = 0 ]; then
  out=$(env -i "$(command -v chroot)" "$root" /usr/bin/chartproof lint /rendered-broken.yaml -q 2>&1); code=$?
else
  out=$(cd "$root" && env -i ./usr/bin/chartproof lint rendered-broken.yaml -q 2>&1); code=$?
fi
check "the installed chartproof runs in the scratch root" "1 1" \
  "$code $(grep -c 'rendered-broken.yaml:165:24: error: .*\[run-as-root\] in Deployment "todo-app/todo-app-backend"$' <<<"$out")"
check "the man page names every rule" 1 \
  "$(grep -c '^\\fBstale-baseline-entry\\fR (policy, info)$' "$root/usr/share/man/man1/chartproof.1")"
check "the bash completion knows the rules" 1 "$(grep -c 'run-as-root' "$root/usr/share/bash-completion/completions/chartproof")"
finish
