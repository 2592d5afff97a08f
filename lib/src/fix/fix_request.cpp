// chartproof fix (chartproof/fix.hpp): lint, plan an edit per finding, verify each on a copy of the
// inputs, show or write what was kept.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "chart/temp_dir.hpp"
#include "chartproof/fix.hpp"
#include "chartproof/parse.hpp"
#include "fix/plan_edit.hpp"
#include "io/read_file.hpp"
#include "io/write_file.hpp"
#include "support/text_line.hpp"

namespace chartproof {
namespace fs = std::filesystem;
namespace {

// An input (a chart folder or a manifest file) and where its copy is.
struct Root {
  std::string original;
  fs::path copy;
};

// The copy of `file` when it is inside one of the roots; empty otherwise.
std::string copy_of(const std::vector<Root>& roots, const std::string& file) {
  for (const auto& r : roots) {
    if (file == r.original) return r.copy.string();
    if (file.size() > r.original.size() && file.starts_with(r.original) && file[r.original.size()] == '/') {
      return (r.copy / file.substr(r.original.size() + 1)).string();
    }
  }
  return {};
}

// The key on line `number` of `text` (`  securityContext:` gives securityContext).
std::string key_on_line(std::string_view text, std::uint32_t number) {
  std::string_view line = support::text_line(text, number).value_or(std::string_view());
  line.remove_prefix(std::min(line.size(), line.find_first_not_of(" -")));
  return std::string(line.substr(0, line.find(':')));
}

// The key a toYaml block on line `number` of a template is written under: the line before it,
// when that is a key alone (`resources:` then `{{- toYaml .Values.apiResources | nindent 12 }}`);
// empty otherwise.
std::string key_above_block(std::string_view text, std::uint32_t number) {
  const std::string_view line = support::text_line(text, number).value_or(std::string_view());
  if (line.find("toYaml") == std::string_view::npos) return {};
  for (std::uint32_t n = number - 1; n > 0; --n) {
    std::string_view above = support::text_line(text, n).value_or(std::string_view());
    while (!above.empty() && (above.back() == ' ' || above.back() == '\r')) above.remove_suffix(1);
    if (above.find_first_not_of(' ') == std::string_view::npos) continue;
    return above.ends_with(':') ? key_on_line(text, n) : std::string();
  }
  return {};
}

// The key of `.Values` path `keys` in the values.yaml of the chart that `template` belongs to
// (DIR/templates/x.yaml: DIR/values.yaml), its text read into `texts`; none when it has no such key.
std::optional<SourcePosition> values_entry(const std::string& template_file, const std::vector<std::string>& keys,
                                           std::map<std::string, std::string>& texts) {
  const auto at = template_file.rfind("/templates/");
  if (at == std::string::npos) return std::nullopt;
  const std::string values = template_file.substr(0, at) + "/values.yaml";
  if (!texts.count(values)) {
    auto text = io::read_file(values);
    if (!text) return std::nullopt;
    texts[values] = std::move(*text);
  }
  SourceFile file{values, texts[values]};
  auto documents = parse_file(file);
  if (documents.size() != 1 || !documents.front().tree) return std::nullopt;
  Node node = documents.front().tree->root();
  Node key;
  for (const auto& k : keys) {
    if (!node.is_map()) return std::nullopt;
    const std::size_t i = node.first_key_index(k);
    if (i >= node.size()) return std::nullopt;
    key = node.key_at(i);
    node = node.value_at(i);
  }
  if (!node.is_map()) return std::nullopt;
  return SourcePosition{values, key.line(), key.column()};
}

// Each finding by its fingerprint (what an edit must make disappear), and by rule and object: an
// edit brings a new finding when a rule reports an object it did not report before. (A rule that
// still reports the same object at another field, privilege-escalation-allowed after privileged:
// true is gone, is the same finding moving, not a new one.)
struct Seen {
  std::multiset<std::string> fingerprints;
  std::multiset<std::string> rule_objects;
};

Seen seen_in(const LintReport& report) {
  Seen out;
  for (const auto& f : ungrouped(report.findings)) {
    out.fingerprints.insert(finding_fingerprint(f));
    out.rule_objects.insert(f.rule + '\n' + resource_label(f.resource) + '\n' + f.template_name +
                            (f.has_resource() ? std::string() : '\n' + f.message));
  }
  return out;
}

// A line edit as the region of the file it replaces and the text put there (SARIF's replacement).
FixReplacement replacement_of(const std::string& file, std::string_view text, const fix::TextEdit& edit) {
  const std::string_view line = support::text_line(text, edit.line).value_or(std::string_view());
  FixReplacement r{file, edit.line, 0, edit.line, 0, {}, {}};
  if (edit.column > 0) {
    r.start_column = edit.column;
    r.end_column = edit.column + edit.length;
    r.inserted = edit.replacement;
  } else {
    r.start_column = r.end_column = static_cast<std::uint32_t>(line.size() + 1);
  }
  for (const auto& l : edit.insert_after) r.inserted += "\n" + l;
  return r;
}

// One edit of one file, and the findings it fixes.
struct Candidate {
  std::string file;
  fix::TextEdit edit;
  std::vector<std::size_t> outcomes;  // indexes into FixReport::outcomes
  std::vector<std::string> targets;   // the fingerprints it must make disappear
};

// Lints the copy with the edits of `chosen` applied (others as in the original), then restores it.
// Empty when the edits did what they should: their findings gone, no new one, no error.
std::string verify(const LintRequest& copy_request, const std::vector<Root>& roots,
                   const std::map<std::string, std::string>& originals, const std::vector<const Candidate*>& chosen,
                   const Seen& before) {
  std::map<std::string, std::vector<fix::TextEdit>> by_file;
  for (const auto* c : chosen) by_file[c->file].push_back(c->edit);
  for (const auto& [file, edits] : by_file) {
    auto edited = fix::apply_edits(originals.at(file), edits);
    if (!edited) return "it conflicts with another edit of the same line";
    if (!io::write_file(copy_of(roots, file), *edited)) return "the copy could not be written";
  }
  auto restore = [&] {
    for (const auto& [file, edits] : by_file) io::write_file(copy_of(roots, file), originals.at(file));
  };
  auto after = lint_request(copy_request);
  restore();
  if (!after) return "linting the edited copy failed: " + after.error().message;
  if (!after.value().errors.empty())
    return "helm or the linter failed on the edited copy: " + after.value().errors.front().message;
  const Seen now = seen_in(after.value());
  for (const auto* c : chosen) {
    for (const auto& t : c->targets) {
      if (now.fingerprints.count(t) > 0) return "its finding is still there after the edit";
    }
  }
  for (const auto& key : now.rule_objects) {
    if (now.rule_objects.count(key) > before.rule_objects.count(key)) {
      return "the edit brings a new finding (" + key.substr(0, key.find('\n')) + ")";
    }
  }
  return {};
}

}  // namespace

std::string_view fix_status_name(FixOutcome::Status status) {
  switch (status) {
    case FixOutcome::Status::Kept:
      return "kept";
    case FixOutcome::Status::Dropped:
      return "dropped";
    case FixOutcome::Status::NoEdit:
      break;
  }
  return "no edit";
}

Expected<FixReport> fix_request(const LintRequest& request, bool write) {
  if (request.paths.empty() || !request.texts.empty()) {
    return Error{"", 0, 0, "fix needs chart folders or manifest files to edit (not standard input)"};
  }
  for (const auto& path : request.paths) {
    std::error_code ec;
    if (path == "-" || !fs::exists(path, ec))
      return Error{path, 0, 0, "fix edits files and folders on disk; this is neither"};
  }
  // One linter for the lint and every verification after it: the same policy, made once.
  LintRequest once = request;
  if (!once.linter) {
    auto made = request_linter(request);
    if (!made) return made.error();
    once.linter = std::move(made.value());
  }
  auto linted = lint_request(once);
  if (!linted) return linted.error();
  const LintReport& report = linted.value();
  if (!report.errors.empty()) return report.errors.front();
  // A copy of every input, to verify edits on.
  chart::TempDir temp("chartproof-fix-XXXXXX");
  if (temp.path().empty()) return Error{"", 0, 0, "cannot create a temporary folder to verify fixes in"};
  std::vector<Root> roots;
  LintRequest copy_request = once;
  copy_request.paths.clear();
  for (std::size_t i = 0; i < request.paths.size(); ++i) {
    std::string original = request.paths[i];
    while (original.size() > 1 && original.back() == '/') original.pop_back();
    std::error_code ec;  // each path exists (checked before linting)
    const fs::path copy = temp.path() / std::to_string(i) / fs::path(original).filename();
    fs::create_directories(copy.parent_path(), ec);
    fs::copy(original, copy, fs::copy_options::recursive, ec);
    if (ec) return Error{original, 0, 0, "cannot copy it to verify fixes: " + ec.message()};
    roots.push_back(Root{original, copy});
    copy_request.paths.push_back(copy.string());
  }
  // Plan: one candidate edit per file and line; findings whose edits collide get none.
  FixReport out;
  std::map<std::string, std::string> originals;
  std::vector<Candidate> candidates;
  std::vector<std::size_t> finding_of;  // by outcome: its index in report.findings
  for (std::size_t n = 0; n < report.findings.size(); ++n) {
    const Finding& f = report.findings[n];
    if (!f.fix) continue;
    finding_of.push_back(n);
    FixOutcome outcome{f, FixOutcome::Status::NoEdit, {}, f.file, f.line};
    const std::size_t index = out.outcomes.size();
    if (copy_of(roots, f.file).empty()) {
      outcome.reason = "its line is not in a file of the inputs";
      out.outcomes.push_back(std::move(outcome));
      continue;
    }
    if (!originals.count(f.file)) {
      auto text = io::read_file(f.file);
      if (!text) return Error{f.file, 0, 0, "cannot read the file to fix"};
      originals[f.file] = std::move(*text);
    }
    // A key whose children a template writes from values with toYaml: the keys go into that values
    // entry, in the chart's values.yaml, where the rest of the block is edited.
    std::string edited_file = f.file;
    std::optional<fix::PlannedEdit> in_values;
    if (auto block = fix::values_block_below(originals[f.file], f.line); !block.empty()) {
      if (auto entry = values_entry(f.file, block, originals)) {
        Finding at = f;
        at.file = entry->file;
        at.line = entry->line;
        at.column = entry->column;
        const std::string_view line = originals[f.file];
        auto planned = fix::plan_edit(at, originals[entry->file], key_on_line(line, f.line));
        if (planned.edit) {
          in_values = std::move(planned);
          edited_file = entry->file;
        }
      }
    }
    // A finding already on the values entry such a block reads (`apiResources:`): the template key
    // the block sits under (`resources:`) is what that entry's key stands for in the field's path.
    std::string anchor;
    if (!in_values && f.template_line && f.template_line->file != f.file) {
      const std::string& template_file = f.template_line->file;
      if (!originals.count(template_file)) {
        if (auto text = io::read_file(template_file)) originals[template_file] = std::move(*text);
      }
      anchor = key_above_block(originals[template_file], f.template_line->line);
    }
    auto planned = in_values ? std::move(*in_values) : fix::plan_edit(f, originals[f.file], anchor);
    if (!planned.edit) {
      outcome.reason = planned.why_not;
      out.outcomes.push_back(std::move(outcome));
      continue;
    }
    std::vector<std::string> targets{finding_fingerprint(f)};
    for (const auto& g : f.more) targets.push_back(finding_fingerprint(g));
    auto same = std::find_if(candidates.begin(), candidates.end(),
                             [&](const Candidate& c) { return c.file == edited_file && c.edit == *planned.edit; });
    outcome.file = edited_file;
    out.outcomes.push_back(std::move(outcome));
    if (same == candidates.end()) {
      candidates.push_back(Candidate{edited_file, *planned.edit, {index}, targets});
    } else {
      same->outcomes.push_back(index);
      same->targets.insert(same->targets.end(), targets.begin(), targets.end());
    }
  }
  // Verify each candidate alone against the copy as it is, then the kept ones together.
  auto before = lint_request(copy_request);
  if (!before || !before.value().errors.empty()) {
    return Error{request.paths.front(), 0, 0, "the copy made to verify fixes does not lint as the original does"};
  }
  const Seen baseline = seen_in(before.value());
  std::vector<const Candidate*> verified;
  for (const auto& c : candidates) {
    std::string refused = verify(copy_request, roots, originals, {&c}, baseline);
    for (std::size_t i : c.outcomes) {
      out.outcomes[i].status = refused.empty() ? FixOutcome::Status::Kept : FixOutcome::Status::Dropped;
      out.outcomes[i].reason = refused.empty() ? "verified: its finding is gone and nothing new appears" : refused;
      out.outcomes[i].line = c.edit.line;
    }
    if (refused.empty()) verified.push_back(&c);
  }
  // Edits of one line merged (insertions under one key), or the later one dropped when they clash.
  std::vector<Candidate> merged;
  for (const auto* c : verified) {
    auto same = std::find_if(merged.begin(), merged.end(),
                             [&](const Candidate& m) { return m.file == c->file && m.edit.line == c->edit.line; });
    if (same == merged.end()) {
      merged.push_back(*c);
      continue;
    }
    if (auto both = fix::merge_edits(same->edit, c->edit)) {
      same->edit = *both;
      same->outcomes.insert(same->outcomes.end(), c->outcomes.begin(), c->outcomes.end());
      same->targets.insert(same->targets.end(), c->targets.begin(), c->targets.end());
    } else {
      for (std::size_t i : c->outcomes) {
        out.outcomes[i].status = FixOutcome::Status::Dropped;
        out.outcomes[i].reason = "another kept fix edits the same line differently";
      }
    }
  }
  std::vector<const Candidate*> kept;
  kept.reserve(merged.size());
  for (const auto& m : merged) kept.push_back(&m);
  if (!kept.empty() && !verify(copy_request, roots, originals, kept, baseline).empty()) {
    // Two edits that each work undo or repeat each other together: kept one at a time, in order,
    // each verified with those kept before it (one more render per edit, only on this path).
    std::vector<const Candidate*> together;
    for (const auto* c : kept) {
      together.push_back(c);
      std::string refused = verify(copy_request, roots, originals, together, baseline);
      if (refused.empty()) continue;
      together.pop_back();
      for (std::size_t i : c->outcomes) {
        out.outcomes[i].status = FixOutcome::Status::Dropped;
        out.outcomes[i].reason = "alone verified, but with the fixes kept before it " + refused;
      }
    }
    kept = std::move(together);
  }
  // Each kept finding carries its own edit (before merging), as the JSON and SARIF reports state it.
  out.report = report;
  out.report.inputs.clear();
  for (const auto& c : candidates) {
    for (std::size_t i : c.outcomes) {
      if (out.outcomes[i].status != FixOutcome::Status::Kept) continue;
      FixReplacement r = replacement_of(c.file, originals[c.file], c.edit);
      const Finding& f = out.outcomes[i].finding;
      std::string field = f.path;
      for (const auto& key : f.fix->below) field += "." + key;
      r.description = "Set " + field + " to " + f.fix->value;
      out.outcomes[i].finding.fixed_by = r;
      out.report.findings[finding_of[i]].fixed_by = std::move(r);
    }
  }
  // The edited texts, the diff, and (with write) the files.
  std::map<std::string, std::vector<fix::TextEdit>> by_file;
  for (const auto* c : kept) by_file[c->file].push_back(c->edit);
  std::vector<std::pair<std::string, std::string>> edited;
  for (const auto& [file, edits] : by_file) {
    auto text = fix::apply_edits(originals[file], edits);
    if (!text) return Error{file, 0, 0, "the kept edits of this file overlap"};
    out.diff += fix::unified_diff(file, originals[file], *text);
    out.changed_files.push_back(file);
    edited.emplace_back(file, std::move(*text));
  }
  if (write) {
    for (const auto& [file, text] : edited) {
      if (::access(file.c_str(), W_OK) != 0) return Error{file, 0, 0, "cannot write the file; nothing was written"};
    }
    // Every new file is written whole beside its original first; only when all are, each is renamed
    // over its original. A failure before that leaves every file as it was.
    std::vector<std::string> staged;
    auto unstage = [&] {
      std::error_code ec;
      for (const auto& path : staged) fs::remove(path, ec);
    };
    for (const auto& [file, text] : edited) {
      const std::string path = file + ".chartproof-fix";
      std::error_code ec;
      if (fs::exists(path, ec) || !io::write_file(path, text)) {
        unstage();
        return Error{file, 0, 0, "cannot write the fixed file beside it (" + path + "); nothing was written"};
      }
      staged.push_back(path);
      fs::permissions(path, fs::status(file, ec).permissions(), ec);
    }
    for (std::size_t i = 0; i < edited.size(); ++i) {
      std::error_code ec;
      fs::rename(staged[i], edited[i].first, ec);
      if (ec) {
        unstage();
        return Error{edited[i].first, 0, 0, "cannot replace the file: " + ec.message()};
      }
    }
  }
  return out;
}

}  // namespace chartproof
