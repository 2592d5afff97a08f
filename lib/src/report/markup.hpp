#pragma once
// Text inside XML or HTML (JUnit, the HTML report): escaped, valid UTF-8, and without the control
// characters XML 1.0 forbids even when escaped.

#include <string>
#include <string_view>

#include "support/utf8.hpp"

namespace chartproof::report {

inline std::string markup_escape(std::string_view text) {
  std::string valid = support::to_valid_utf8(text);
  std::string out;
  out.reserve(valid.size());
  for (char c : valid) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out.push_back(c);
    }
  }
  return out;
}

}  // namespace chartproof::report
