// How an Error reads wherever it is shown: `file:line:col: message`.
#include "chartproof/error.hpp"

namespace chartproof {

std::string Error::to_string() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
    out += ": ";
  }
  out += message;
  return out;
}

}  // namespace chartproof
