#include "io/read_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace chartproof::io {

Expected<std::string> read_file(const std::filesystem::path& path) {
  std::error_code ec;
  // A folder opens as a stream on Linux, and its "size" is not one: asked for by name, it is an error.
  if (std::filesystem::is_directory(path, ec)) return Error{path.string(), 0, 0, "is a folder, not a file"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path.string(), 0, 0, std::strerror(errno)};
  std::string text;
  // A regular file is read into one buffer of its size: no doubling growth, whose copies would
  // briefly hold the input twice (lint keeps every input for code frames; peak RSS counts).
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0 && in) {
    text.resize(static_cast<std::size_t>(size));
    in.read(text.data(), size);
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) return Error{path.string(), 0, 0, "could not be read"};
    if (!in.eof()) in.clear();  // the file may have grown since; the loop below reads the rest
  } else {
    in.clear();  // a pipe or a terminal: no size to ask for
  }
  text.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return Error{path.string(), 0, 0, "could not be read"};
  return text;
}

}  // namespace chartproof::io
