#include "chart/archive_members.hpp"

#include <charconv>

namespace chartproof::chart {
namespace {

// Splits off the next whitespace-separated field of `line`.
std::string_view next_field(std::string_view& line) {
  std::size_t start = line.find_first_not_of(' ');
  if (start == std::string_view::npos) {
    line = {};
    return {};
  }
  line.remove_prefix(start);
  std::size_t end = std::min(line.find(' '), line.size());
  std::string_view field = line.substr(0, end);
  line.remove_prefix(end);
  return field;
}

bool escapes_the_folder(std::string_view name) {
  if (!name.empty() && (name.front() == '/' || name.front() == '\\')) return true;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = std::min(name.find_first_of("/\\", start), name.size());
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

std::string what_it_is(char type) {
  switch (type) {
    case 'l':
      return "a symbolic link";
    case 'h':
      return "a hard link";
    case 'c':
      return "a character device";
    case 'b':
      return "a block device";
    case 'p':
      return "a FIFO";
    case 's':
      return "a socket";
    default:
      return std::string("a member of tar type '") + type + "'";
  }
}

}  // namespace

std::vector<ArchiveMember> parse_tar_listing(std::string_view listing) {
  std::vector<ArchiveMember> out;
  while (!listing.empty()) {
    std::size_t eol = std::min(listing.find('\n'), listing.size());
    std::string_view line = listing.substr(0, eol);
    listing.remove_prefix(std::min(eol + 1, listing.size()));
    // mode owner/group size date time name: the first five fields hold no space.
    std::string_view mode = next_field(line);
    next_field(line);
    std::string_view size = next_field(line);
    next_field(line);
    next_field(line);
    if (mode.empty() || line.size() < 2) continue;
    ArchiveMember m;
    m.type = mode.front();
    std::from_chars(size.data(), size.data() + size.size(), m.size);  // a device's "1,3" reads as 1
    m.name = std::string(line.substr(1));
    if (m.type == 'l') {
      if (auto arrow = m.name.rfind(" -> "); arrow != std::string::npos) m.name.resize(arrow);
    } else if (m.type == 'h') {
      if (auto link = m.name.rfind(" link to "); link != std::string::npos) m.name.resize(link);
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::optional<Error> refuse_archive_members(const std::string& archive, const std::vector<ArchiveMember>& members) {
  std::uint64_t total = 0;
  for (const auto& m : members) {
    std::string member = archive + "!/" + m.name;
    if (escapes_the_folder(m.name)) {
      return Error{member, 0, 0,
                   "a chart archive member may not name a path outside the chart (an absolute path or `..`); helm "
                   "refuses the chart"};
    }
    if (m.type != '-' && m.type != 'd') {
      return Error{member, 0, 0,
                   what_it_is(m.type) +
                       ": chartproof unpacks only regular files and folders from a chart archive (helm loads no "
                       "other member); package the chart with `helm package`, which stores the files links point to"};
    }
    if (m.type == '-' && m.size > kMaxChartFileBytes) {
      return Error{member, 0, 0,
                   "a chart file of " + std::to_string(m.size) + " bytes; helm loads none larger than " +
                       std::to_string(kMaxChartFileBytes) + " bytes"};
    }
    total += m.size;
    if (total > kMaxChartBytes) {
      return Error{archive, 0, 0,
                   "the chart's files add up to more than " + std::to_string(kMaxChartBytes) +
                       " bytes unpacked; helm loads no larger chart"};
    }
  }
  return std::nullopt;
}

}  // namespace chartproof::chart
