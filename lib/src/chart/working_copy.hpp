#pragma once
// A copy of a chart folder (or a file) to write into, removed when done: chart mode's instrumented
// copy, and the language server's chart with the open buffers written over its files.
//
// Made in memory (/dev/shm, a tmpfs) when that folder is writable, else in the temporary folder
// (TMPDIR), where the original's files are hard links when the file system allows: a chart is a
// hundred files or more, and creating them on a disk file system took longer than helm's render
// (bench/chart_mode.py; ingress-nginx, 230 files: 0.15 s, nearly all of it the kernel allocating
// inodes). write() replaces a file of the copy with a new one, so an original is never written
// through a link.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "chart/temp_dir.hpp"

namespace chartproof::chart {

class WorkingCopy {
 public:
  enum class Place : bool { MemoryFirst, TemporaryFolder };
  /// The copy of `source` as `<a new temporary folder>/<name>`; ok() says whether it was made.
  WorkingCopy(const std::filesystem::path& source, const std::string& name, Place place = Place::MemoryFirst);
  bool ok() const { return !path_.empty(); }
  /// The copy (empty when it could not be made), and the temporary folder it is in (room beside it).
  const std::filesystem::path& path() const { return path_; }
  const std::filesystem::path& folder() const { return temp_->path(); }
  /// Whether the copy is in memory (/dev/shm).
  bool in_memory() const { return in_memory_; }
  /// Why the copy could not be made.
  const std::string& error() const { return error_; }
  /// Writes `text` as `file` (a path inside the copy), replacing what is there by a new file.
  bool write(const std::filesystem::path& file, std::string_view text) const;

 private:
  std::unique_ptr<TempDir> temp_;
  std::filesystem::path path_;
  std::string error_;
  bool in_memory_ = false;
};

}  // namespace chartproof::chart
