// Policy files: extends and cycles, discovery, scoped settings, exemptions and expiry, custom rules,
// and located errors for bad policies.
#include <doctest/doctest.h>

#include <unistd.h>
#include <cstdlib>

#include "app.hpp"
#include "chartproof/policy.hpp"
#include "chartproof/report.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace chartproof;

namespace {

// A fresh folder under the build tree's temp dir, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "chartproof-test-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name) << text;
    return path / name;
  }
};

const char* kHeader = "apiVersion: chartproof.io/v1\nkind: Policy\n";

const char* kRootDeployment =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: legacy-api\n  namespace: prod\n"
    "spec:\n  selector: {matchLabels: {app: legacy}}\n  template:\n    metadata:\n      labels: {app: legacy, tier: "
    "api}\n"
    "    spec:\n      containers:\n        - name: api\n          image: registry.example.com/api:1.0.0\n"
    "          securityContext: {runAsUser: 0}\n";

std::vector<std::string> rule_ids(const LintReport& r) { return test::rules_of(r); }

LintReport lint_with(const Policy& p, const std::string& text, const std::string& today = "2026-06-01") {
  auto options = options_from_policy(p);
  options.today = today;
  return test::lint_text(text, options);
}

}  // namespace

TEST_CASE("extends: profiles and relative files, later wins; cycles are errors") {
  TempDir dir;
  dir.write("base/team.yaml",
            std::string(kHeader) + "extends: strict\nrules:\n  run-as-root: {params: {min_uid: 500}}\n");
  auto top =
      dir.write("service/policy.yaml",
                std::string(kHeader) + "extends: ../base/team.yaml\nrules:\n  run-as-root: {severity: warning}\n");
  auto policy = load_policy_file(top);
  REQUIRE_MESSAGE(policy, (policy ? "" : policy.error().to_string()));
  auto linter = Linter::create(options_from_policy(policy.value()));
  REQUIRE(linter);
  bool seen = false;
  for (const auto& a : linter->effective_rules()) {
    if (a.definition->meta.id != "run-as-root") continue;
    seen = true;
    CHECK(a.params.get_int("min_uid") == 500);      // from base/team.yaml
    CHECK(a.params.get_bool("forbid_root_group"));  // from strict
    CHECK(a.severity == Severity::Warning);         // from the file itself
  }
  CHECK(seen);

  dir.write("a.yaml", std::string(kHeader) + "extends: b.yaml\n");
  auto b = dir.write("b.yaml", std::string(kHeader) + "extends: a.yaml\n");
  auto cycle = load_policy_file(b);
  REQUIRE_FALSE(cycle);
  CHECK(cycle.error().message.find("cycle") != std::string::npos);
  auto missing = load_policy_file(dir.write("c.yaml", std::string(kHeader) + "extends: nowhere.yaml\n"));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message.find("cannot read") != std::string::npos);
  auto unknown = load_policy_file(dir.write("d.yaml", std::string(kHeader) + "extends: strikt\n"));
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().message.find("did you mean \"strict\"") != std::string::npos);
}

TEST_CASE("discovery finds .chartproof.yaml in the folder or a parent") {
  TempDir dir;
  dir.write(".chartproof.yaml", std::string(kHeader));
  fs::create_directories(dir.path / "charts/web");
  auto found = discover_policy(dir.path / "charts/web");
  REQUIRE(found);
  CHECK(fs::equivalent(*found, dir.path / ".chartproof.yaml"));
}

TEST_CASE("scoped settings: the last matching scope wins, outside every scope the rule's own settings") {
  auto policy = parse_policy(std::string(kHeader) +
                                 "rules:\n"
                                 "  run-as-root:\n"
                                 "    - severity: warning\n"
                                 "    - scope: {namespaces: [prod]}\n"
                                 "      severity: error\n"
                                 "    - scope: {names: ['legacy-.*'], labels: {matchLabels: {tier: api}}}\n"
                                 "      enabled: false\n"
                                 "  missing-startup-probe:\n"
                                 "    - scope: {kinds: [Deployment], namespaces: [prod]}\n"
                                 "      enabled: true\n",
                             "p.yaml");
  REQUIRE_MESSAGE(policy, (policy ? "" : policy.error().to_string()));
  auto disabled_in_scope = lint_with(policy.value(), kRootDeployment);
  auto ids = rule_ids(disabled_in_scope);
  CHECK(std::count(ids.begin(), ids.end(), "run-as-root") == 0);
  CHECK(std::count(ids.begin(), ids.end(), "missing-startup-probe") == 1);  // only inside its scope

  std::string other = kRootDeployment;
  other.replace(other.find("legacy-api"), 10, "new-api");
  auto in_prod = lint_with(policy.value(), other);
  for (const auto& f : in_prod.findings) {
    if (f.rule == "run-as-root") CHECK(f.severity == Severity::Error);
  }
  other.replace(other.find("namespace: prod"), 15, "namespace: dev");
  auto elsewhere = lint_with(policy.value(), other);
  bool root = false;
  for (const auto& f : elsewhere.findings) {
    if (f.rule == "run-as-root") {
      root = true;
      CHECK(f.severity == Severity::Warning);
    }
    CHECK(f.rule != "missing-startup-probe");
  }
  CHECK(root);
}

TEST_CASE("exemptions remove findings in scope, expire, and are reported when unused") {
  std::string text = std::string(kHeader) +
                     "exemptions:\n"
                     "  - rules: [run-as-root]\n"
                     "    scope: {names: [legacy-api]}\n"
                     "    reason: rebuilt next quarter\n"
                     "    expires: 2026-09-30\n"
                     "  - rules: [security]\n"
                     "    scope: {namespaces: [staging]}\n"
                     "    reason: staging mirrors a vendor chart\n";
  auto policy = parse_policy(text, "p.yaml");
  REQUIRE_MESSAGE(policy, (policy ? "" : policy.error().to_string()));
  auto before = lint_with(policy.value(), kRootDeployment, "2026-09-30");
  auto ids = rule_ids(before);
  CHECK(std::count(ids.begin(), ids.end(), "run-as-root") == 0);
  CHECK(std::count(ids.begin(), ids.end(), "unused-exemption") == 1);
  for (const auto& f : before.findings) {
    if (f.rule == "unused-exemption") {
      CHECK(f.file == "p.yaml");
      CHECK(f.line == 8);
      CHECK(f.severity == Severity::Info);
    }
  }
  auto after = lint_with(policy.value(), kRootDeployment, "2026-10-01");
  ids = rule_ids(after);
  CHECK(std::count(ids.begin(), ids.end(), "run-as-root") == 1);
  CHECK(std::count(ids.begin(), ids.end(), "expired-exemption") == 1);
  for (const auto& f : after.findings) {
    if (f.rule == "expired-exemption") {
      CHECK(f.line == 4);
      CHECK(f.severity == Severity::Warning);
      CHECK(f.message.find("expired on 2026-09-30") != std::string::npos);
    }
  }
}

TEST_CASE("a CEL custom rule: false is a finding with its message at the target, an error says which") {
  std::string text =
      std::string(kHeader) +
      "customRules:\n"
      "  - id: replicas-in-prod\n"
      "    summary: Production workloads run at least two replicas.\n"
      "    kinds: [Deployment]\n"
      "    cel: \"object.metadata.namespace != 'prod' || (has(self.spec.replicas) && self.spec.replicas >= 2)\"\n"
      "    messageExpression: \"'prod needs 2 replicas, ' + object.metadata.name + ' has ' + "
      "string(self.spec.?replicas.orValue(1))\"\n"
      "  - id: containers-not-root\n"
      "    summary: Containers set runAsUser above 0.\n"
      "    target: container\n"
      "    cel: self.securityContext.runAsUser > 0\n"
      "    message: runs as root\n"
      "  - id: broken-cel\n"
      "    summary: An expression that errors on this input.\n"
      "    target: podSpec\n"
      "    cel: self.nodeSelector.zone == 'a'\n";
  auto policy = parse_policy(text, "p.yaml");
  REQUIRE_MESSAGE(policy, (policy ? "" : policy.error().to_string()));
  auto report = lint_with(policy.value(), kRootDeployment);
  std::map<std::string, const Finding*> by_rule;
  for (const auto& f : report.findings) by_rule[f.rule] = &f;
  REQUIRE(by_rule.count("replicas-in-prod") == 1);
  CHECK(by_rule["replicas-in-prod"]->message.find("prod needs 2 replicas, legacy-api has 1") != std::string::npos);
  REQUIRE(by_rule.count("containers-not-root") == 1);
  CHECK(by_rule["containers-not-root"]->message.find("runs as root") != std::string::npos);
  CHECK(by_rule["containers-not-root"]->path == "spec.template.spec.containers[0]");
  REQUIRE(by_rule.count("broken-cel") == 1);
  CHECK(by_rule["broken-cel"]->message.find("could not be evaluated: no such key: nodeSelector") != std::string::npos);
  std::string fixed = kRootDeployment;
  fixed.replace(fixed.find("runAsUser: 0"), 12, "runAsUser: 1000");
  fixed.replace(fixed.find("spec:\n  selector"), 5, "spec:\n  replicas: 3");
  auto clean = lint_with(policy.value(), fixed);
  for (const auto& f : clean.findings) CHECK(f.rule != "containers-not-root");
  for (const auto& f : clean.findings) CHECK(f.rule != "replicas-in-prod");
}

TEST_CASE("custom rules behave like built-in ones: annotations, exemptions, severities, listing") {
  std::string text = std::string(kHeader) +
                     "customRules:\n"
                     "  - id: no-latest-registry\n"
                     "    summary: Images come from registry.example.com.\n"
                     "    severity: warning\n"
                     "    target: container\n"
                     "    require: [{field: image, pattern: '^registry\\.example\\.com/'}]\n"
                     "rules:\n"
                     "  no-latest-registry: {severity: error}\n";
  auto policy = parse_policy(text, "p.yaml");
  REQUIRE_MESSAGE(policy, (policy ? "" : policy.error().to_string()));
  std::string bad = kRootDeployment;
  bad.replace(bad.find("registry.example.com/api"), 24, "docker.io/library/api");
  auto report = lint_with(policy.value(), bad);
  bool found = false;
  for (const auto& f : report.findings) {
    if (f.rule != "no-latest-registry") continue;
    found = true;
    CHECK(f.severity == Severity::Error);  // the policy's rules: entry overrides the rule's own
    CHECK(f.pack == "custom");
    CHECK(f.path == "spec.template.spec.containers[0].image");
    CHECK(f.line == 14);
  }
  CHECK(found);
  std::string annotated = bad;
  annotated.replace(annotated.find("  namespace: prod"), 17,
                    "  namespace: prod\n  annotations: {chartproof.io/ignore: no-latest-registry}");
  auto suppressed = rule_ids(lint_with(policy.value(), annotated));
  CHECK(std::count(suppressed.begin(), suppressed.end(), "no-latest-registry") == 0);
  auto linter = Linter::create(options_from_policy(policy.value()));
  REQUIRE(linter);
  CHECK(linter->definitions().back()->meta.id == "no-latest-registry");
}

TEST_CASE("bad policies give located errors that say what is allowed") {
  struct Case {
    std::string body;
    std::uint32_t line;
    std::string message;
  };
  std::vector<Case> cases = {
      {"rules:\n  run-as-root: {sevrity: warning}\n", 4,
       "unknown field \"sevrity\" in a rule entry (did you mean \"severity\"?); allowed: enabled, severity, params, "
       "scope"},
      {"rules:\n  run-as-root: {params: {min_ui: 5}}\n", 4,
       "rule \"run-as-root\" has no parameter \"min_ui\" (did you mean \"min_uid\"?); its parameters: min_uid, "
       "forbid_root_group"},
      {"rules:\n  run-as-root: {params: {min_uid: [5]}}\n", 4,
       "parameter \"min_uid\" of rule \"run-as-root\" must be an integer, not a list of strings"},
      {"exemptions:\n  - rules: [run-as-root]\n", 4,
       "an exemption needs a reason: say why it is granted, for the next reader"},
      {"exemptions:\n  - rules: [run-as-rot]\n    reason: x\n", 4,
       "unknown rule or pack \"run-as-rot\" (did you mean \"run-as-root\"?); `chartproof rules` lists them"},
      {"exemptions:\n  - rules: [security]\n    reason: x\n    expires: next year\n", 6,
       "expires must be a date, YYYY-MM-DD"},
      {"exemptions:\n  - rules: [security]\n    reason: x\n    scope: {names: ['(']}\n", 6,
       "scope.names pattern \"(\" is not valid RE2: missing ): ("},
      {"customRules:\n  - id: run-as-root\n    summary: x\n    require: [{field: image}]\n", 4,
       "custom rule id \"run-as-root\" is the id of a rule of pack \"security\""},
      {"customRules:\n  - id: checks-nothing\n    summary: x\n", 4,
       "custom rule \"checks-nothing\" checks nothing; give it require, forbid, schema or cel"},
      {"customRules:\n  - id: bad-cel\n    summary: x\n    cel: 'self.spec.replicas >'\n", 6,
       "cel: Syntax error: unexpected end of expression at 1:21"},
      {"customRules:\n  - id: message-only\n    summary: x\n    message: why\n    require: [{field: image}]\n", 4,
       "custom rule \"message-only\" has a message but no cel expression"},
      {"metadata: [not, a, map]\n", 3,
       "wrong type: list is not allowed here at metadata; see policies/schema/policy.schema.json"},
      {"rulez: {}\n", 3,
       "unknown field \"rulez\" in a policy (did you mean \"rules\"?); allowed: apiVersion, kind, metadata, extends, "
       "kubernetes, packs, helmTests, podSecurity, rules, exemptions, customRules"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.body);
    auto policy = parse_policy(std::string(kHeader) + c.body, "p.yaml");
    REQUIRE_FALSE(policy);
    CHECK(policy.error().file == "p.yaml");
    CHECK(policy.error().line == c.line);
    CHECK(policy.error().column > 0);
    CHECK(policy.error().message == c.message);
  }
  // A contract the rule cannot parse is caught where the policy sets it, at its line.
  auto contract = parse_policy(
      std::string(kHeader) + "rules:\n  probe-contract-mismatch: {params: {liveness: \"http /x\"}}\n", "p.yaml");
  REQUIRE_FALSE(contract);
  CHECK(contract.error().line == 4);
  CHECK(contract.error().message.find("the handler must be httpGet, tcpSocket, grpc or exec") != std::string::npos);
}

TEST_CASE("CLI: policy check, policy show, rules --policy, --policy and discovery") {
  TempDir dir;
  auto good = dir.write(
      "good.yaml",
      std::string(kHeader) +
          "customRules:\n  - id: team-label\n    summary: Objects name their team.\n"
          "    require: [{field: metadata.labels.team}]\n"
          "exemptions:\n  - rules: [team-label]\n    scope: {kinds: [ConfigMap]}\n    reason: shared config\n");
  auto bad = dir.write("bad.yaml", std::string(kHeader) + "rules:\n  run-as-rot: false\n");
  auto run = [](std::vector<std::string> args) {
    std::ostringstream out, err;
    int code = cli::run(args, cli::Environment{out, err, false, false});
    return std::tuple{code, out.str(), err.str()};
  };
  auto [ok_code, ok_out, ok_err] = run({"policy", "check", good.string()});
  CHECK(ok_code == 0);
  CHECK(ok_out == good.string() + ": valid (0 rules configured, 1 exemptions, 1 custom rules)\n");
  auto [bad_code, bad_out, bad_err] = run({"policy", "check", bad.string()});
  CHECK(bad_code == 2);
  CHECK(bad_err ==
        "chartproof: " + bad.string() +
            ":4:3: unknown rule \"run-as-rot\" (did you mean \"run-as-root\"?); `chartproof rules` lists them\n");
  auto [show_code, show_out, show_err] = run({"policy", "show", "--profile", "strict"});
  CHECK(show_code == 0);
  CHECK(show_out.find("  run-as-root:\n    - enabled: true\n      severity: error\n      params: {forbid_root_group: "
                      "true, min_uid: 1000}\n") != std::string::npos);
  auto [rules_code, rules_out, rules_err] = run({"rules", "--policy", good.string()});
  CHECK(rules_out.find("team-label") != std::string::npos);
  std::string manifest = (test::source_dir() / "testdata/manifests/hardened.yaml").string();
  auto [lint_code, lint_out, lint_err] = run({"lint", "--policy", good.string(), manifest});
  CHECK(lint_code == 1);
  CHECK(lint_out.find("[team-label]") != std::string::npos);
  // Discovery: no --policy, a .chartproof.yaml in the working directory.
  dir.write(".chartproof.yaml", std::string(kHeader) + "rules:\n  missing-startup-probe: {enabled: true}\n");
  fs::path old = fs::current_path();
  fs::current_path(dir.path);
  auto [disc_code, disc_out, disc_err] = run({"lint", manifest});
  fs::current_path(old);
  CHECK(disc_out.find("[missing-startup-probe]") != std::string::npos);
}

TEST_CASE("packs: a declared pack the run does not load skips its rules once, with a located note") {
  std::string rules =
      "rules:\n  image-not-pinned-in-production: {params: {namespaces: [prod]}}\n"
      "  run-as-root: {severity: warning}\n"
      "exemptions:\n  - rules: [image-not-pinned-in-production, run-as-root]\n"
      "    scope: {names: [other]}\n    reason: vendor image\n";
  // Without the declaration, an id no loaded pack has is a located error, as before.
  auto undeclared = parse_policy(std::string(kHeader) + rules, "p.yaml");
  REQUIRE_FALSE(undeclared);
  CHECK(undeclared.error().line == 4);
  CHECK(undeclared.error().message.find("unknown rule \"image-not-pinned-in-production\"") != std::string::npos);

  auto declared = parse_policy(std::string(kHeader) + "packs: [team-web]\n" + rules, "p.yaml");
  REQUIRE_MESSAGE(declared, (declared ? "" : declared.error().to_string()));
  CHECK(declared->rules.count("image-not-pinned-in-production") == 0);
  CHECK(declared->rules.at("run-as-root").severity == Severity::Warning);  // the rest still applies
  REQUIRE(declared->exemptions.size() == 1);
  CHECK(declared->exemptions.front().rules == std::vector<std::string>{"run-as-root"});
  REQUIRE(declared->notes.size() == 1);
  const Error& note = declared->notes.front();
  CHECK(note.file == "p.yaml");
  CHECK(note.line == 3);
  CHECK(note.message.find("declares rule pack \"team-web\", which this run does not load") != std::string::npos);
  CHECK(note.message.find("skipped its rules and exemption entries image-not-pinned-in-production") !=
        std::string::npos);
  // The note reaches the report once, and the run lints with what it has.
  auto report = lint_with(declared.value(), kRootDeployment);
  REQUIRE(report.notes.size() == 1);
  auto ids = rule_ids(report);
  CHECK(std::count(ids.begin(), ids.end(), "run-as-root") == 1);

  // A declared pack the run has (here a built-in pack name): an unknown id is an error again.
  auto loaded = parse_policy(std::string(kHeader) + "packs: [security]\n" + rules, "p.yaml");
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().message.find("unknown rule") != std::string::npos);
}

TEST_CASE("helmTests: helm test hook pods are linted by hygiene and security rules unless the policy says otherwise") {
  const std::string pod =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-test-connection\n  annotations:\n"
      "    helm.sh/hook: test\nspec:\n  restartPolicy: Never\n  containers:\n    - name: wget\n"
      "      image: busybox:1.36\n      command: [wget, web:80]\n";
  auto by_default = lint_with(Policy{}, pod);
  auto ids = rule_ids(by_default);
  CHECK(std::count(ids.begin(), ids.end(), "run-as-root") == 1);             // security
  CHECK(std::count(ids.begin(), ids.end(), "missing-cpu-limit") == 0);       // resources
  CHECK(std::count(ids.begin(), ids.end(), "missing-liveness-probe") == 0);  // probes
  CHECK(by_default.summary.helm_test_hooks == 1);
  CHECK(format_text(by_default).find("1 helm test pod linted by hygiene and security rules only (policy helmTests)") !=
        std::string::npos);

  auto all = parse_policy(std::string(kHeader) + "helmTests: {packs: [all]}\n", "p.yaml");
  REQUIRE(all);
  ids = rule_ids(lint_with(all.value(), pod));
  CHECK(std::count(ids.begin(), ids.end(), "missing-cpu-limit") == 1);

  auto none = parse_policy(std::string(kHeader) + "helmTests: {packs: []}\n", "p.yaml");
  REQUIRE(none);
  CHECK(lint_with(none.value(), pod).findings.empty());

  // The same pod without the hook annotation is a workload like any other.
  std::string plain = pod;
  plain.replace(plain.find("  annotations:\n    helm.sh/hook: test\n"), 38, "");
  ids = rule_ids(lint_with(Policy{}, plain));
  CHECK(std::count(ids.begin(), ids.end(), "missing-cpu-limit") == 1);
}
