// URIs and lint units (uri.hpp).
#include "lsp/uri.hpp"

#include <filesystem>

namespace chartproof::lsp {
namespace fs = std::filesystem;

std::optional<std::string> path_of_uri(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (!uri.starts_with(kScheme)) return std::nullopt;
  uri.remove_prefix(kScheme.size());
  if (!uri.empty() && uri.front() != '/') {  // file://host/path: only localhost is a local file
    const std::size_t slash = uri.find('/');
    if (slash == std::string_view::npos || uri.substr(0, slash) != "localhost") return std::nullopt;
    uri.remove_prefix(slash);
  }
  std::string out;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] != '%') {
      out += uri[i];
      continue;
    }
    auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (i + 2 >= uri.size()) return std::nullopt;
    const int hi = hex(uri[i + 1]);
    const int lo = hex(uri[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    const char c = static_cast<char>(hi * 16 + lo);
    if (c == '\0') return std::nullopt;
    out += c;
    i += 2;
  }
  if (out.empty() || out.front() != '/') return std::nullopt;
  // `..` resolved by name, so a path never names a file outside the folder it appears to be in
  // (an open buffer is written into a chart's temporary copy by its path below the chart).
  return fs::path(out).lexically_normal().string();
}

std::string uri_of_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "file://";
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '-' ||
                       c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

std::string chart_root_of(const std::string& path) {
  std::error_code ec;
  fs::path dir = fs::path(path).parent_path();
  std::string found;
  for (; !dir.empty(); dir = dir.parent_path()) {
    if (fs::is_regular_file(dir / "Chart.yaml", ec)) {
      found = dir.string();
      // A subchart is rendered by its parent: go on while this chart sits in PARENT/charts/.
      if (dir.parent_path().filename() != "charts" ||
          !fs::is_regular_file(dir.parent_path().parent_path() / "Chart.yaml", ec)) {
        break;
      }
    }
    if (dir == dir.root_path()) break;
  }
  return found;
}

}  // namespace chartproof::lsp
