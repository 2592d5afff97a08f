#pragma once
// Helpers shared by the unit tests: paths, file reading, linting text with chosen rules.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "chartproof/engine.hpp"

namespace test {

inline std::filesystem::path source_dir() { return CHARTPROOF_SOURCE_DIR; }
inline std::filesystem::path shared_dir() { return CHARTPROOF_SHARED_DIR; }

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Options that run exactly the given rules (every other rule switched off through per-rule config).
inline chartproof::LintOptions only(const std::vector<std::string>& ids) {
  chartproof::LintOptions o;
  for (const auto& def : chartproof::builtin_rules()) {
    bool wanted = std::find(ids.begin(), ids.end(), def.meta.id) != ids.end();
    o.rules[def.meta.id].enabled = wanted;
  }
  return o;
}

inline chartproof::LintReport lint_text(const std::string& text, const chartproof::LintOptions& options = {},
                                        const std::string& name = "test.yaml") {
  auto linter = chartproof::Linter::create(options);
  if (!linter) throw std::runtime_error(linter.error().to_string());
  std::vector<chartproof::SourceFile> files;
  files.push_back(chartproof::SourceFile{name, text});
  return linter->lint(std::move(files));
}

inline std::vector<std::string> rules_of(const chartproof::LintReport& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings) out.push_back(f.rule);
  return out;
}

}  // namespace test
