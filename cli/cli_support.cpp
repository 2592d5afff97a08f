#include "cli_support.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>

namespace chartproof::cli {

std::optional<std::vector<FormatTarget>> format_targets(const std::vector<std::string>& specs,
                                                        const std::string& output,
                                                        const std::vector<std::string>& known, std::ostream& err) {
  std::vector<FormatTarget> targets;
  for (const auto& spec : specs.empty() ? std::vector<std::string>{"text"} : specs) {
    auto eq = spec.find('=');
    FormatTarget t{spec.substr(0, eq), eq == std::string::npos ? std::string() : spec.substr(eq + 1)};
    if (std::find(known.begin(), known.end(), t.format) == known.end()) {
      err << "chartproof: unknown format \"" << t.format << "\"; formats: ";
      for (std::size_t i = 0; i < known.size(); ++i) err << (i ? ", " : "") << known[i];
      err << "\n";
      return std::nullopt;
    }
    if (t.file.empty()) t.file = output;
    for (const auto& other : targets) {
      if (other.file != t.file) continue;
      std::string where = t.file.empty() ? "standard output" : t.file;
      err << "chartproof: " << other.format << " and " << t.format << " would both write to " << where
          << "; give each format its own file (--format sarif=results.sarif); at most one goes to "
          << (output.empty() ? "standard output" : "--output") << "\n";
      return std::nullopt;
    }
    targets.push_back(std::move(t));
  }
  return targets;
}

bool write_whole_file(const std::string& path, const std::function<void(std::ostream&)>& write) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  bool in_place = !ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status);
  std::string written = in_place ? path : path + ".chartproof-partial";
  std::ofstream file(written, std::ios::binary);
  if (file) write(file);
  file.close();
  if (!file || (!in_place && (std::filesystem::rename(written, path, ec), ec))) {
    if (!in_place) std::filesystem::remove(written, ec);
    return false;
  }
  return true;
}

}  // namespace chartproof::cli
