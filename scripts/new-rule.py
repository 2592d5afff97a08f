#!/usr/bin/env python3
"""Starts a rule: writes lib/src/rules/PACK/ID_WITH_UNDERSCORES.cpp (a Rule class and its RuleMeta,
to fill in), testdata/rules/ID/pass.yaml and fail.yaml (a Deployment each; fail.yaml's
`# expect: ID` line fails rule.ID until the rule reports there), and registers the rule in
lib/src/rules/PACK/pack.cpp, the pack's one registration place. Then: write the check, the
metadata (severity by docs/rules.md's principle, rationale citing Kubernetes' source), the
fixtures, and `make docs`.

Usage: new-rule.py ID PACK [--root DIR]; exit 2 for a bad id, an unknown pack, or a rule that
exists.
"""
import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

RULE = '''// {id}: what it finds, in one line.
#include "rules/rule_support.hpp"

namespace chartproof::rules {{
namespace {{

class {cls} : public Rule {{
 public:
  explicit {cls}(const Params&) {{}}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {{
    // Report at the field a person edits: out.report(r, Field{{node, "spec.…"}}, "message");
    (void)r;
    (void)out;
  }}
}};

}}  // namespace

RuleDefinition {fn}() {{
  return define<{cls}>(RuleMeta{{
      .id = "{id}",
      .pack = "{pack}",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "",
      .rationale = "",
      .remediation = ""}});
}}

}}  // namespace chartproof::rules
'''

FIXTURE = '''# {id} {what}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {{app: web}}
  template:
    metadata:
      labels: {{app: web}}
    spec:
      containers:
        - name: web{expect}
          image: registry.example.com/web:1.0.0
'''


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("id")
    parser.add_argument("pack")
    parser.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
    args = parser.parse_args()
    root = Path(args.root)
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)+", args.id):
        print(f"new-rule: {args.id!r}: a rule id is kebab-case and names the problem (run-as-root)", file=sys.stderr)
        return 2
    pack_dir = root / "lib/src/rules" / args.pack
    registry = pack_dir / "pack.cpp"
    if not registry.is_file():
        packs = sorted(p.name for p in (root / "lib/src/rules").iterdir() if (p / "pack.cpp").is_file())
        print(f"new-rule: no pack {args.pack!r}; packs: {', '.join(packs)}", file=sys.stderr)
        return 2
    stem = args.id.replace("-", "_")
    source = pack_dir / f"{stem}.cpp"
    fixtures = root / "testdata/rules" / args.id
    fn = f"{stem}_rule"
    text = registry.read_text()
    if source.exists() or fixtures.exists() or f" {fn}()" in text:
        print(f"new-rule: {args.id} exists already ({source.relative_to(root)})", file=sys.stderr)
        return 2
    # Register: the declaration after the pack's last one, the entry at the end of its list.
    decls = list(re.finditer(r"^RuleDefinition [a-z0-9_]+_rule\(\);.*$", text, re.M))
    entries = list(re.finditer(r"^      [a-z0-9_]+_rule\(\),$", text, re.M))
    if not decls or not entries:
        print(f"new-rule: {registry.relative_to(root)} does not have the shape new-rule.py knows", file=sys.stderr)
        return 2
    at = entries[-1].end()
    text = text[:at] + f"\n      {fn}()," + text[at:]
    at = decls[-1].end()
    text = text[:at] + f"\nRuleDefinition {fn}();  // {source.name}" + text[at:]
    cls = "".join(part.capitalize() for part in args.id.split("-"))
    source.write_text(RULE.format(id=args.id, pack=args.pack, cls=cls, fn=fn))
    fixtures.mkdir(parents=True)
    (fixtures / "pass.yaml").write_text(FIXTURE.format(id=args.id, what="must stay silent on these:", expect=""))
    (fixtures / "fail.yaml").write_text(
        FIXTURE.format(id=args.id, what="reports each of these:", expect=f"  # expect: {args.id}"))
    registry.write_text(text)
    if shutil.which("clang-format"):  # the project's style (make lint checks it)
        subprocess.run(["clang-format", "-i", str(source), str(registry)], check=False)
    for path in (source, fixtures / "pass.yaml", fixtures / "fail.yaml", registry):
        print(path.relative_to(root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
