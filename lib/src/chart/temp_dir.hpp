#pragma once
// A temporary folder, removed with its contents when done.

#include <stdlib.h>

#include <filesystem>
#include <string>

namespace chartproof::chart {

class TempDir {
 public:
  /// `pattern` ends in XXXXXX (mkdtemp); the folder is made in the system's temporary folder.
  explicit TempDir(const std::string& pattern = "chartproof-chart-XXXXXX")
      : TempDir(std::filesystem::temp_directory_path(), pattern) {}
  /// The same in `parent`.
  TempDir(const std::filesystem::path& parent, const std::string& pattern) {
    std::string path = (parent / pattern).string();
    if (mkdtemp(path.data())) path_ = path;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  /// Empty when the folder could not be made.
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace chartproof::chart
