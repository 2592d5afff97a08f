#include <filesystem>
#include <iostream>
#include <iterator>

#include "chartproof/request.hpp"
#include "io/read_file.hpp"

namespace chartproof {
namespace fs = std::filesystem;
namespace {

Expected<SourceFile> read_file(const fs::path& path, const std::string& shown) {
  auto text = io::read_file(path);
  if (!text) return Error{shown, 0, 0, text.error().message};
  return SourceFile{shown, std::move(text.value())};
}

bool is_yaml(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

}  // namespace

Expected<std::vector<SourceFile>> read_inputs(const std::vector<std::string>& paths) {
  std::vector<SourceFile> out;
  for (const std::string& arg : paths) {
    if (arg == "-") {
      std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      out.push_back(SourceFile{"<stdin>", std::move(text)});
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) return Error{arg, 0, 0, "no such file or directory"};
    if (fs::is_directory(status)) {
      if (fs::exists(fs::path(arg) / "Chart.yaml")) {
        return Error{arg, 0, 0,
                     "is a Helm chart folder; render it first (helm template " + arg +
                         " | chartproof lint -), or give it to the chartproof CLI, which runs helm"};
      }
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(arg, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && is_yaml(it->path())) files.push_back(it->path());
      }
      if (ec) return Error{arg, 0, 0, ec.message()};
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        auto file = read_file(f, f.generic_string());
        if (!file) return file.error();
        out.push_back(std::move(file.value()));
      }
      continue;
    }
    auto file = read_file(arg, arg);
    if (!file) return file.error();
    out.push_back(std::move(file.value()));
  }
  return out;
}

}  // namespace chartproof
