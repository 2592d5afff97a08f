#include "cel/library.hpp"

#include <array>

namespace chartproof::cel {

std::span<const Library> libraries() {
  // From base.go's baseOpts: each entry's IntroducedVersion and RemovedVersion.
  static constexpr std::array kLibraries = {
      Library{"library.URLs", 0, 0, urls_library},
      Library{"library.Regex", 0, 0, regex_library},
      Library{"library.Lists", 0, 0, lists_library},
      Library{"ext.Strings", 0, 0, strings_library},
      Library{"ext.Strings(2): format, quote", 29, 0, strings_format_library},
      Library{"library.Quantity", 28, 0, quantity_library},
      Library{"ext.Sets", 29, 0, sets_library},
      Library{"library.IP", 30, 0, ip_library},
      Library{"library.CIDR", 30, 0, cidr_library},
      Library{"library.Format", 31, 0, format_library},
      Library{"library.SemverLib", 33, 0, semver_library},
      Library{"ext.Lists(3)", 34, 0, ext_lists_library},
  };
  return kLibraries;
}

bool enabled(const Library& library, int minor) {
  if (minor == 0) return true;
  return minor >= library.introduced && (library.removed == 0 || minor < library.removed);
}

bool is_function_namespace(std::string_view name) {
  return name == "optional" || name == "sets" || name == "lists" || name == "strings" || name == "format" ||
         name == "ip";
}

bool is_library_type(std::string_view name) {
  return name == "net.IP" || name == "net.CIDR" || name == "kubernetes.URL" || name == "kubernetes.Quantity" ||
         name == "kubernetes.NamedFormat" || name == "kubernetes.Semver";
}

}  // namespace chartproof::cel
