// Pod Security Admission's checks where they change with the policy version (check_*.go's
// MinimumVersion): each case is a pod, a level and a version, and the reason admission gives (or
// none), on both sides of every version boundary.
#include <doctest/doctest.h>

#include <algorithm>

#include "test_support.hpp"

namespace {

// A restricted-clean pod; each case adds or replaces lines.
std::string pod(const std::string& spec_extra, const std::string& container_extra = "",
                const std::string& annotations = "") {
  return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n" +
         (annotations.empty() ? std::string() : "  annotations:\n" + annotations) + "spec:\n" + spec_extra +
         "  containers:\n    - name: c\n      image: r.example.com/a:1\n" + container_extra;
}
const std::string kRestrictedPod =
    "  securityContext:\n    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}\n";
const std::string kRestrictedContainer =
    "      securityContext:\n        allowPrivilegeEscalation: false\n        capabilities: {drop: [ALL]}\n";

// The reasons pod-security gives for `yaml` at `level` and `version` (empty: admitted).
std::vector<std::string> reasons(const std::string& yaml, const std::string& level, const std::string& version) {
  auto options = test::only({"pod-security"});
  options.rules["pod-security"].params["level"] = level;
  options.rules["pod-security"].params["version"] = version;
  std::vector<std::string> out;
  for (const auto& f : test::lint_text(yaml, options).findings) {
    auto colon = f.message.find("\": ");
    out.push_back(f.message.substr(colon + 3, f.message.find(" (", colon) - colon - 3));
  }
  return out;
}

struct Case {
  const char* what;
  std::string yaml;
  const char* level;
  const char* version;
  std::vector<std::string> expected;
};

}  // namespace

TEST_CASE("pod-security follows the policy version of each check") {
  const std::string restricted_pod = pod(kRestrictedPod, kRestrictedContainer);
  auto sysctl = [](const char* name) {
    return pod(std::string("  securityContext:\n    sysctls: [{name: ") + name + ", value: \"1\"}]\n");
  };
  auto container_sc = [](const std::string& sc) { return pod("", "      securityContext: " + sc + "\n"); };
  const std::string probe_host = pod("", "      livenessProbe: {httpGet: {host: 10.0.0.1, port: 80}}\n");
  const std::string userns_root =
      pod("  hostUsers: false\n  securityContext:\n    runAsUser: 0\n    seccompProfile: {type: RuntimeDefault}\n",
          kRestrictedContainer);
  const std::string windows = pod("  os: {name: windows}\n  securityContext: {runAsNonRoot: true}\n");
  const std::string caps_add =
      pod(kRestrictedPod,
          "      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL], add: [NET_RAW]}}\n");
  const std::string seccomp_annotation = pod("", "", "    seccomp.security.alpha.kubernetes.io/pod: unconfined\n");
  const std::vector<Case> cases = {
      {"a clean restricted pod", restricted_pod, "restricted", "latest", {}},
      {"sysctl ip_local_reserved_ports before 1.27",
       sysctl("net.ipv4.ip_local_reserved_ports"),
       "baseline",
       "v1.26",
       {"forbidden sysctls"}},
      {"sysctl ip_local_reserved_ports from 1.27", sysctl("net.ipv4.ip_local_reserved_ports"), "baseline", "v1.27", {}},
      {"sysctl tcp_keepalive_time before 1.29",
       sysctl("net.ipv4.tcp_keepalive_time"),
       "baseline",
       "v1.28",
       {"forbidden sysctls"}},
      {"sysctl tcp_keepalive_time from 1.29", sysctl("net.ipv4.tcp_keepalive_time"), "baseline", "v1.29", {}},
      {"sysctl tcp_rmem before 1.32", sysctl("net.ipv4.tcp_rmem"), "baseline", "v1.31", {"forbidden sysctls"}},
      {"sysctl tcp_rmem from 1.32", sysctl("net.ipv4.tcp_rmem"), "baseline", "v1.32", {}},
      {"sysctl tcp_notsent_lowat at latest", sysctl("net.ipv4.tcp_notsent_lowat"), "baseline", "latest", {}},
      {"sysctl tcp_notsent_lowat at 1.36",
       sysctl("net.ipv4.tcp_notsent_lowat"),
       "baseline",
       "v1.36",
       {"forbidden sysctls"}},
      {"SELinux container_engine_t before 1.31",
       container_sc("{seLinuxOptions: {type: container_engine_t}}"),
       "baseline",
       "v1.30",
       {"seLinuxOptions"}},
      {"SELinux container_engine_t from 1.31",
       container_sc("{seLinuxOptions: {type: container_engine_t}}"),
       "baseline",
       "v1.31",
       {}},
      {"SELinux user", container_sc("{seLinuxOptions: {user: system_u}}"), "baseline", "latest", {"seLinuxOptions"}},
      {"probe host before 1.34", probe_host, "baseline", "v1.33", {}},
      {"probe host from 1.34", probe_host, "baseline", "v1.34", {"probe or lifecycle host"}},
      {"user-namespace root before 1.35", userns_root, "restricted", "v1.34", {"runAsNonRoot != true", "runAsUser=0"}},
      {"user-namespace root from 1.35", userns_root, "restricted", "v1.35", {}},
      {"procMount Unmasked in a user namespace, baseline 1.35",
       pod("  hostUsers: false\n", "      securityContext: {procMount: Unmasked}\n"),
       "baseline",
       "v1.35",
       {}},
      {"procMount Unmasked in a user namespace, restricted 1.35",
       pod("  hostUsers: false\n" + kRestrictedPod,
           "      securityContext: {procMount: Unmasked, allowPrivilegeEscalation: false, capabilities: {drop: "
           "[ALL]}}\n"),
       "restricted",
       "v1.35",
       {"procMount"}},
      {"runAsUser 0 before 1.23",
       pod(kRestrictedPod,
           "      securityContext: {runAsUser: 0, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n"),
       "restricted",
       "v1.22",
       {}},
      {"runAsUser 0 from 1.23",
       pod(kRestrictedPod,
           "      securityContext: {runAsUser: 0, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n"),
       "restricted",
       "v1.23",
       {"runAsUser=0"}},
      {"a Windows pod before 1.25",
       windows,
       "restricted",
       "v1.24",
       {"allowPrivilegeEscalation != false", "seccompProfile", "unrestricted capabilities"}},
      {"a Windows pod from 1.25", windows, "restricted", "v1.25", {}},
      {"NET_RAW before capabilities_restricted (1.22): the baseline check, which forbids it too",
       caps_add,
       "restricted",
       "v1.21",
       {"non-default capabilities"}},
      {"NET_RAW from 1.22", caps_add, "restricted", "v1.22", {"unrestricted capabilities"}},
      {"seccomp annotation before 1.19", seccomp_annotation, "baseline", "v1.18", {"seccompProfile"}},
      {"seccomp annotation from 1.19", seccomp_annotation, "baseline", "v1.19", {}},
      {"allowPrivilegeEscalation before 1.8", pod(""), "restricted", "v1.7", {"runAsNonRoot != true"}},
  };
  for (const Case& c : cases) {
    auto got = reasons(c.yaml, c.level, c.version);  // in file order; compared as sets
    auto expected = c.expected;
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    std::string shown;
    for (const auto& g : got) shown += "[" + g + "]";
    const std::string message = std::string(c.what) + ": got " + shown;
    CHECK_MESSAGE(got == expected, message);
  }
}

TEST_CASE("a policy's podSecurity pins the version and labels namespaces outside the input") {
  auto policy = chartproof::parse_policy(
      "apiVersion: chartproof.io/v1\nkind: Policy\npodSecurity:\n  version: v1.30\n  namespaceLabels:\n"
      "    apps: {pod-security.kubernetes.io/enforce: restricted}\n",
      "p.yaml");
  REQUIRE(policy);
  auto options = chartproof::options_from_policy(policy.value());
  CHECK(options.pod_security_version == "v1.30");
  for (const auto& def : chartproof::builtin_rules()) {
    options.rules[def.meta.id].enabled = def.meta.id == "pod-security-namespace";
  }
  // A pod with a user-namespace exemption that only v1.35 grants: refused at the pinned v1.30.
  const std::string yaml =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: apps}\nspec:\n  hostUsers: false\n"
      "  securityContext: {runAsUser: 0, seccompProfile: {type: RuntimeDefault}}\n  containers:\n"
      "    - name: c\n      image: r.example.com/a:1\n"
      "      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n";
  auto report = test::lint_text(yaml, options);
  REQUIRE(report.findings.size() == 2);  // runAsNonRoot and runAsUser
  CHECK(report.findings[0].message.find("restricted:v1.30") != std::string::npos);
  CHECK(report.findings[0].message.find("(labels given by --namespace-labels or the policy)") != std::string::npos);
  CHECK(report.findings[0].severity == chartproof::Severity::Error);

  auto bad =
      chartproof::parse_policy("apiVersion: chartproof.io/v1\nkind: Policy\npodSecurity: {version: 1.30}\n", "p.yaml");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().to_string() == "p.yaml:3:24: podSecurity.version \"1.30\" is not valid; allowed: latest or v1.N");
}
