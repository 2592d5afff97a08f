#include "chart/working_copy.hpp"

#include <unistd.h>

#include "io/write_file.hpp"

namespace chartproof::chart {
namespace fs = std::filesystem;

namespace {

// `source` copied to `copy`: hard links where the file system allows, else copies.
bool copy_tree(const fs::path& source, const fs::path& copy, std::string& error) {
  std::error_code ec;
  fs::copy(source, copy, fs::copy_options::recursive | fs::copy_options::create_hard_links, ec);
  if (!ec) return true;
  fs::remove_all(copy, ec);  // another file system (EXDEV), or links refused: copies
  ec.clear();
  fs::copy(source, copy, fs::copy_options::recursive, ec);
  if (!ec) return true;
  error = ec.message();
  fs::remove_all(copy, ec);
  return false;
}

}  // namespace

WorkingCopy::WorkingCopy(const fs::path& source, const std::string& name, Place place) {
  std::error_code ec;
  if (const fs::path memory = "/dev/shm";
      place == Place::MemoryFirst && fs::is_directory(memory, ec) && access(memory.c_str(), W_OK) == 0) {
    temp_ = std::make_unique<TempDir>(memory, "chartproof-XXXXXX");
    if (!temp_->path().empty() && copy_tree(source, temp_->path() / name, error_)) {
      path_ = temp_->path() / name;
      in_memory_ = true;
      return;
    }
  }
  temp_ = std::make_unique<TempDir>("chartproof-XXXXXX");  // the one in memory is removed with it
  if (temp_->path().empty()) {
    error_ = "cannot create a temporary folder";
  } else if (copy_tree(source, temp_->path() / name, error_)) {
    path_ = temp_->path() / name;
    error_.clear();
  }
}

bool WorkingCopy::write(const fs::path& file, std::string_view text) const {
  std::error_code ec;
  fs::remove(file, ec);  // a link to the original's file: never written through
  fs::create_directories(file.parent_path(), ec);
  return io::write_file(file, text);
}

}  // namespace chartproof::chart
