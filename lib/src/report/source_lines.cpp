#include "report/source_lines.hpp"

#include "io/read_file.hpp"

namespace chartproof::report {

std::string_view SourceLines::line(std::string_view file, std::uint32_t line) {
  if (line == 0) return {};
  const SourceFile* source = nullptr;
  for (const auto& input : report_.inputs) {
    for (const auto& f : input->files) {
      if (!source && f->path == file) source = f.get();
    }
    // Chart mode: findings sit in the charts' templates.
    for (const auto& chart : input->charts) {
      for (const auto& t : chart.templates) {
        if (!source && t->path == file) source = t.get();
      }
    }
  }
  if (!source) {
    // Not an input: a policy file a finding points into (an expired exemption). Read once.
    auto known = from_disk_.find(file);
    if (known == from_disk_.end()) {
      auto text = io::read_file(std::string(file));
      known = from_disk_.emplace(std::string(file), SourceFile{std::string(file), text ? text.value() : ""}).first;
    }
    source = &known->second;
  }
  auto [it, inserted] = offsets_.try_emplace(source->path);
  std::vector<std::size_t>& starts = it->second;
  if (inserted) {
    std::string_view text = source->text;
    // The parser dropped a BOM before counting lines; so do we.
    std::size_t begin = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    starts.push_back(begin);
    for (std::size_t i = begin; i < text.size(); ++i) {
      if (text[i] == '\n') starts.push_back(i + 1);
    }
  }
  if (line > starts.size()) return {};
  std::string_view text = source->text;
  std::size_t begin = starts[line - 1];
  std::size_t end = line < starts.size() ? starts[line] - 1 : text.size();
  std::string_view out = text.substr(begin, end - begin);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

}  // namespace chartproof::report
