#pragma once
// Chart rules' fixtures are charts packed in one file: each document is the chart file its
// `# Source: <chart>/<path>` comment names (the shape of helm's own output). These helpers unpack
// one into a temporary folder, lint it in chart mode, and map findings back to fixture lines.

#include <doctest/doctest.h>

#include <unistd.h>
#include <cstdio>
#include <map>

#include "chartproof/chart.hpp"
#include "test_support.hpp"

namespace test {

/// A helm binary from scripts/get-helm.sh, or empty when none can be had.
inline const std::string& helm_path() {
  static const std::string path = [] {
    std::string cmd = (source_dir() / "scripts/get-helm.sh").string() + " 2>/dev/null";
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) {
      char buf[4096];
      while (std::fgets(buf, sizeof buf, p)) out += buf;
      if (pclose(p) != 0) out.clear();
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
  }();
  return path;
}

/// A temporary folder removed with its contents when this goes out of scope.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "chartproof-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

/// A packed chart written out: the chart folder and, per file, the fixture line of its `# Source:`.
struct PackedChart {
  std::filesystem::path dir;
  std::map<std::string, std::uint32_t> source_line;  ///< "values.yaml" -> line of its # Source: comment
  bool has_templates = false;
};

inline PackedChart unpack_chart(const std::string& text, const std::filesystem::path& into) {
  PackedChart chart;
  std::istringstream in(text);
  std::string line, rel, body;
  auto flush = [&] {
    if (rel.empty()) return;
    std::filesystem::create_directories((chart.dir / rel).parent_path());
    std::ofstream(chart.dir / rel, std::ios::binary) << body;
    rel.clear();
    body.clear();
  };
  for (std::uint32_t n = 1; std::getline(in, line); ++n) {
    if (line.rfind("---", 0) == 0) {
      flush();
    } else if (line.rfind("# Source: ", 0) == 0 && rel.empty()) {
      std::string source = line.substr(10);
      auto slash = source.find('/');
      REQUIRE(slash != std::string::npos);
      chart.dir = into / source.substr(0, slash);
      rel = source.substr(slash + 1);
      chart.source_line[rel] = n;
      if (rel.rfind("templates/", 0) == 0) chart.has_templates = true;
    } else if (!rel.empty()) {
      body += line + "\n";
    }
  }
  flush();
  return chart;
}

/// A finding's line in the fixture: chart mode places every finding in a chart file (a template, a
/// values file, Chart.yaml), whose lines are offset by its `# Source:` line in the fixture.
inline std::uint32_t fixture_line(const chartproof::Finding& f, const PackedChart& chart,
                                  const chartproof::LintReport&) {
  namespace fs = std::filesystem;
  auto rel = fs::path(f.file).lexically_relative(chart.dir).generic_string();
  if (auto it = chart.source_line.find(rel); it != chart.source_line.end()) return it->second + f.line;
  return 0;
}

}  // namespace test
