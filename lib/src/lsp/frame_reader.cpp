// The base protocol's framing (frame_reader.hpp).
#include "lsp/frame_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace chartproof::lsp {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Error protocol_error(std::string message) { return Error{"", 0, 0, std::move(message), ErrorKind::Input}; }

}  // namespace

void FrameReader::compact() {
  if (start_ > 0 && start_ * 2 >= buffer_.size()) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
}

std::optional<Expected<std::string>> FrameReader::next() {
  if (skipping_ > 0) {
    const std::size_t n = std::min(skipping_, buffer_.size() - start_);
    start_ += n;
    skipping_ -= n;
    compact();
    if (skipping_ > 0) return std::nullopt;
  }
  const std::string_view rest = std::string_view(buffer_).substr(start_);
  const std::size_t end = rest.find("\r\n\r\n");
  if (end == std::string_view::npos) {
    if (rest.size() <= kMaxHeader) return std::nullopt;
    // No header ends within the limit: drop what is held, keeping a tail that may start one.
    start_ = buffer_.size() - 3;
    compact();
    return Expected<std::string>(protocol_error("a header block longer than 8 KiB (no \\r\\n\\r\\n): skipped"));
  }
  const std::string_view header = rest.substr(0, end);
  std::optional<std::size_t> length;
  std::string problem;
  for (std::size_t at = 0; at <= header.size();) {
    std::size_t eol = header.find("\r\n", at);
    if (eol == std::string_view::npos) eol = header.size();
    const std::string_view line = header.substr(at, eol - at);
    at = eol + 2;
    if (line.empty()) continue;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      problem = "a header line without a colon";
      continue;
    }
    if (lower(trim(line.substr(0, colon))) != "content-length") continue;  // Content-Type and others
    const std::string_view value = trim(line.substr(colon + 1));
    std::size_t n = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || ptr != value.data() + value.size() || value.empty()) {
      problem = "Content-Length is not a number";
    } else {
      length = n;
    }
  }
  if (!length && problem.empty()) problem = "no Content-Length header";
  if (!problem.empty()) {
    start_ += end + 4;
    compact();
    return Expected<std::string>(protocol_error(problem + ": the message is skipped"));
  }
  if (*length > kMaxBody) {
    start_ += end + 4;
    skipping_ = *length;
    compact();
    return Expected<std::string>(
        protocol_error("a message of " + std::to_string(*length) + " bytes, over the 64 MiB limit: skipped"));
  }
  if (rest.size() - end - 4 < *length) return std::nullopt;
  std::string body(rest.substr(end + 4, *length));
  start_ += end + 4 + *length;
  compact();
  return Expected<std::string>(std::move(body));
}

std::string frame(std::string_view body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

}  // namespace chartproof::lsp
