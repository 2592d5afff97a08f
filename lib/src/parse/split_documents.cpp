#include <cstring>

#include "chartproof/parse.hpp"

namespace chartproof {
namespace {

bool is_marker_line(std::string_view line, std::string_view marker) {
  if (line.substr(0, 3) != marker) return false;
  if (line.size() == 3) return true;
  char next = line[3];
  return next == ' ' || next == '\t' || next == '\r';
}

}  // namespace

std::vector<DocumentChunk> split_documents(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
  std::vector<DocumentChunk> chunks;
  std::size_t chunk_start = 0;
  std::uint32_t chunk_line = 1;
  std::uint32_t line_no = 1;
  std::size_t pos = 0;
  // Directives (`%YAML 1.1`) come before their document's `---` and belong to it: a chunk that
  // holds only directives and comments when a `---` comes is not split from it.
  bool directives = false;  // the current chunk has a directive line
  bool content = false;     // the current chunk has a document start or content
  auto emit = [&](std::size_t end) {
    if (end > chunk_start) chunks.push_back(DocumentChunk{text.substr(chunk_start, end - chunk_start), chunk_line});
  };
  while (pos < text.size()) {
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    std::size_t line_end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    std::string_view line = text.substr(pos, line_end - pos);
    std::size_t next = nl ? line_end + 1 : text.size();
    if (is_marker_line(line, "---")) {
      // A `---` line opens the next document and belongs to it (it may carry content).
      if (content || !directives) {
        emit(pos);
        chunk_start = pos;
        chunk_line = line_no;
      }
      directives = false;
      content = true;
    } else if (is_marker_line(line, "...")) {
      // A `...` line closes the current document; what follows is a new one.
      emit(next);
      chunk_start = next;
      chunk_line = line_no + 1;
      directives = content = false;
    } else if (!content) {
      std::size_t first = line.find_first_not_of(" \t\r");
      if (!line.empty() && line[0] == '%') {
        directives = true;
      } else if (first != std::string_view::npos && line[first] != '#') {
        content = true;
      }
    }
    pos = next;
    ++line_no;
  }
  emit(text.size());
  return chunks;
}

std::string_view find_source_comment(std::string_view chunk) {
  constexpr std::string_view kSource = "# Source: ";
  std::size_t pos = 0;
  // helm writes the comment right after `---`; only the leading comment block is searched.
  while (pos < chunk.size()) {
    std::size_t end = chunk.find('\n', pos);
    if (end == std::string_view::npos) end = chunk.size();
    std::string_view line = chunk.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.substr(0, kSource.size()) == kSource) {
      std::string_view name = line.substr(kSource.size());
      while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
      return name;
    }
    std::size_t first = line.find_first_not_of(" \t");
    bool skippable = first == std::string_view::npos || line[first] == '#' || line.substr(0, 3) == "---";
    if (!skippable) break;
    pos = end + 1;
  }
  return {};
}

}  // namespace chartproof
