// A chart or manifest linted from the editor's buffers (unit_lint.hpp).
#include "lsp/unit_lint.hpp"

#include <filesystem>

#include "chart/temp_dir.hpp"
#include "chart/working_copy.hpp"
#include "io/write_file.hpp"

namespace chartproof::lsp {
namespace fs = std::filesystem;
namespace {

// `path` under `from` (the temporary copy) named under `to` (the original) instead.
void rebase(std::string& path, const std::string& from, const std::string& to) {
  if (path == from) {
    path = to;
  } else if (path.size() > from.size() && path.starts_with(from) && path[from.size()] == '/') {
    path = to + path.substr(from.size());
  }
}

void rebase(Finding& f, const std::string& from, const std::string& to) {
  rebase(f.file, from, to);
  for (auto* at : {&f.template_line, &f.include_site, &f.value_source}) {
    if (*at) rebase((*at)->file, from, to);
  }
  if (f.fixed_by) rebase(f.fixed_by->file, from, to);
  for (auto& m : f.more) rebase(m, from, to);
}

// Lints (or, with `fixes`, fixes) `request`; what it names under `from` is named under `to`.
UnitLint run(const LintRequest& request, bool fixes, const std::string& from, const std::string& to) {
  UnitLint out;
  const LintReport* report = nullptr;
  Expected<FixReport> fixed = Error{};
  Expected<LintReport> linted = Error{};
  if (fixes) {
    fixed = fix_request(request, false);
    if (!fixed) out.errors.push_back(fixed.error());
    if (fixed) {
      report = &fixed.value().report;
      out.fixes = std::move(fixed.value().outcomes);
    }
  } else {
    linted = lint_request(request);
    if (!linted) out.errors.push_back(linted.error());
    if (linted) report = &linted.value();
  }
  if (report) {
    out.findings = report->findings;
    out.errors.insert(out.errors.end(), report->errors.begin(), report->errors.end());
  }
  if (from.empty()) return out;
  for (auto& f : out.findings) rebase(f, from, to);
  for (auto& e : out.errors) rebase(e.file, from, to);
  for (auto& o : out.fixes) {
    rebase(o.file, from, to);
    rebase(o.finding, from, to);
  }
  return out;
}

}  // namespace

std::string working_dir(const LintUnit& unit) {
  return unit.chart ? unit.root : fs::path(unit.root).parent_path().string();
}

UnitLint lint_unit(const LintUnit& unit, const std::map<std::string, std::string>& overlay, const LintRequest& base,
                   bool fixes, std::shared_ptr<const Linter>& linter) {
  LintRequest request = base;
  request.allow_empty = true;  // a chart or file with no object yet is nothing to report
  request.working_dir = working_dir(unit);
  if (!linter) {
    // A policy that cannot be read is not kept: lint_request then reports it, at its line.
    if (auto made = request_linter(request)) linter = std::move(made.value());
  }
  request.linter = linter;
  std::error_code ec;
  if (!unit.chart) {
    auto open = overlay.find(unit.root);
    if (open == overlay.end()) {
      request.paths = {unit.root};
      return run(request, fixes, {}, {});
    }
    if (!fixes) {
      request.texts.push_back(SourceFile{unit.root, open->second});
      return run(request, false, {}, {});
    }
    {
      // fix works on files: the buffer goes into a copy, named as the original.
      chart::TempDir tmp("chartproof-lsp-XXXXXX");
      const fs::path copy = tmp.path() / fs::path(unit.root).filename();
      if (tmp.path().empty() || !io::write_file(copy.string(), open->second)) {
        return UnitLint{{}, {Error{unit.root, 0, 0, "cannot make a temporary copy to verify fixes"}}, {}};
      }
      request.paths = {copy.string()};
      return run(request, true, copy.string(), unit.root);
    }
  }
  if (!fs::is_directory(unit.root, ec)) {
    return UnitLint{{}, {Error{unit.root, 0, 0, "the chart folder is gone", ErrorKind::Input}}, {}};
  }
  // In memory when it can be, the chart's files linked where they stay as they are
  // (chart/working_copy.hpp): a copy is made for every lint of the chart.
  const chart::WorkingCopy working(unit.root, fs::path(unit.root).filename().string());
  if (!working.ok()) {
    return UnitLint{
        {}, {Error{unit.root, 0, 0, "cannot copy the chart to render its open buffers: " + working.error()}}, {}};
  }
  const fs::path& copy = working.path();
  for (const auto& [path, text] : overlay) {
    if (path.size() <= unit.root.size() || !path.starts_with(unit.root) || path[unit.root.size()] != '/') continue;
    if (!working.write(copy / path.substr(unit.root.size() + 1), text)) {
      return UnitLint{{}, {Error{path, 0, 0, "cannot write the buffer into the temporary copy of its chart"}}, {}};
    }
  }
  request.paths = {copy.string()};
  return run(request, fixes, copy.string(), unit.root);
}

}  // namespace chartproof::lsp
