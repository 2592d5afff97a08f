# Turns policies/<name>.yaml into a C++ source with the texts as raw string literals, so the
# binary carries its profiles and needs no data files at run time.
# Run in script mode: cmake -DOUT=... -DPROFILES="a.yaml|b.yaml" -DSCHEMA=policy.schema.json -DBASELINE_SCHEMA=baseline.schema.json -DAUDIT_SCHEMA=audit.schema.json -DAUDIT_REQUEST_SCHEMA=audit-request.schema.json -DREPORT_SCHEMA=report.schema.json -P EmbedProfiles.cmake
string(REPLACE "|" ";" PROFILES "${PROFILES}")
set(body "")
foreach(file IN LISTS PROFILES)
  get_filename_component(name "${file}" NAME_WE)
  file(READ "${file}" text)
  string(APPEND body "      {\"${name}\", R\"cp_profile(${text})cp_profile\"},\n")
endforeach()
file(READ "${SCHEMA}" schema_text)
file(READ "${BASELINE_SCHEMA}" baseline_schema_text)
file(READ "${AUDIT_SCHEMA}" audit_schema_text)
file(READ "${AUDIT_REQUEST_SCHEMA}" audit_request_schema_text)
file(READ "${REPORT_SCHEMA}" report_schema_text)
file(WRITE "${OUT}.tmp" "// Generated from policies/*.yaml by cmake/EmbedProfiles.cmake; do not edit.
#include \"policy/builtin_profiles.hpp\"

namespace chartproof::policy {

const std::vector<std::pair<std::string_view, std::string_view>>& embedded_profiles() {
  static const std::vector<std::pair<std::string_view, std::string_view>> profiles = {
${body}  };
  return profiles;
}

std::string_view embedded_policy_schema() {
  return R\"cp_profile(${schema_text})cp_profile\";
}

std::string_view embedded_baseline_schema() {
  return R\"cp_profile(${baseline_schema_text})cp_profile\";
}

std::string_view embedded_audit_schema() {
  return R\"cp_profile(${audit_schema_text})cp_profile\";
}

std::string_view embedded_audit_request_schema() {
  return R\"cp_profile(${audit_request_schema_text})cp_profile\";
}

std::string_view embedded_report_schema() {
  return R\"cp_profile(${report_schema_text})cp_profile\";
}

}  // namespace chartproof::policy
")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
