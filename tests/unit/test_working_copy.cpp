// chart::WorkingCopy (chart/working_copy.hpp): a copy to write into, in memory or in the temporary
// folder with hard links, whose writes never reach the original's files.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "chart/temp_dir.hpp"
#include "chart/working_copy.hpp"

namespace fs = std::filesystem;
using chartproof::chart::TempDir;
using chartproof::chart::WorkingCopy;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("a working copy is written without touching the original, linked or copied") {
  TempDir source_dir;  // in the temporary folder: the same file system as a TemporaryFolder copy
  const fs::path chart = source_dir.path() / "app";
  fs::create_directories(chart / "templates");
  std::ofstream(chart / "Chart.yaml") << "name: app\n";
  std::ofstream(chart / "templates" / "a.yaml") << "original\n";
  for (auto place : {WorkingCopy::Place::MemoryFirst, WorkingCopy::Place::TemporaryFolder}) {
    CAPTURE(static_cast<int>(place));
    fs::path folder;
    {
      const WorkingCopy copy(chart, "app", place);
      REQUIRE(copy.ok());
      folder = copy.folder();
      CHECK(copy.path() == copy.folder() / "app");
      CHECK(copy.in_memory() == (place == WorkingCopy::Place::MemoryFirst && access("/dev/shm", W_OK) == 0));
      CHECK(slurp(copy.path() / "templates" / "a.yaml") == "original\n");
      if (place == WorkingCopy::Place::TemporaryFolder) {
        struct stat st {};
        REQUIRE(::stat((chart / "templates" / "a.yaml").c_str(), &st) == 0);
        CHECK(st.st_nlink == 2);  // linked, not copied (one file system here)
      }
      CHECK(copy.write(copy.path() / "templates" / "a.yaml", "edited\n"));
      CHECK(copy.write(copy.path() / "templates" / "new" / "b.yaml", "new\n"));
      CHECK(slurp(copy.path() / "templates" / "a.yaml") == "edited\n");
      CHECK(slurp(copy.path() / "templates" / "new" / "b.yaml") == "new\n");
      CHECK(slurp(chart / "templates" / "a.yaml") == "original\n");
    }
    CHECK_FALSE(fs::exists(folder));  // removed with the copy
    CHECK_FALSE(fs::exists(chart / "templates" / "new"));
  }
  const WorkingCopy missing(source_dir.path() / "nope", "x", WorkingCopy::Place::TemporaryFolder);
  CHECK_FALSE(missing.ok());
  CHECK_FALSE(missing.error().empty());
}
