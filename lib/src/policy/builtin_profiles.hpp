#pragma once
// The YAML text of the profiles in policies/*.yaml, embedded at build time (cmake/EmbedProfiles.cmake).

#include <string_view>
#include <utility>
#include <vector>

namespace chartproof::policy {

/// (name, YAML text) of every built-in profile.
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_profiles();

/// policies/schema/policy.schema.json.
std::string_view embedded_policy_schema();
/// policies/schema/baseline.schema.json.
std::string_view embedded_baseline_schema();
/// policies/schema/audit.schema.json.
std::string_view embedded_audit_schema();
/// policies/schema/audit-request.schema.json.
std::string_view embedded_audit_request_schema();
/// policies/schema/report.schema.json: the JSON report, and an audit task's report as it crosses machines.
std::string_view embedded_report_schema();

}  // namespace chartproof::policy
