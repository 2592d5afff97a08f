// Kubernetes' regex library (k8s.io/apiserver/pkg/cel/library/regex.go): find and findAll with
// RE2, the engine Go's regexp shares its syntax with.
#include <re2/re2.h>

#include <cstdint>
#include <string>

#include "cel/library.hpp"

namespace chartproof::cel {

std::optional<Value> regex_library(const Call& call, CallContext& context) {
  const auto& a = call.args;
  const bool find_all = call.name == "findAll";
  if (!call.receiver || (call.name != "find" && !find_all)) return std::nullopt;
  if (a.size() < 2 || a.size() > (find_all ? 3U : 2U) || !a[0].as<std::string>() || !a[1].as<std::string>()) {
    return std::nullopt;
  }
  if (a.size() == 3 && !a[2].as<std::int64_t>()) return std::nullopt;
  const std::string& text = *a[0].as<std::string>();
  RE2 re(*a[1].as<std::string>(), RE2::Quiet);
  if (!re.ok()) return error("Illegal regex: " + re.error());
  context.cost += text.size() / 10 + 1;
  std::int64_t limit = a.size() == 3 ? *a[2].as<std::int64_t>() : -1;
  if (!find_all) limit = 1;
  List found;
  re2::StringPiece input(text), match;
  std::size_t at = 0;
  while ((limit < 0 || static_cast<std::int64_t>(found.size()) < limit) && at <= text.size()) {
    if (!re.Match(input, at, text.size(), RE2::UNANCHORED, &match, 1)) break;
    found.emplace_back(std::string(match.data(), match.size()));
    const auto end = static_cast<std::size_t>(match.data() - text.data()) + match.size();
    at = match.empty() ? end + 1 : end;  // an empty match moves on by one, as Go's FindAll does
  }
  if (!find_all) return found.empty() ? Value(std::string()) : found.front();
  return Value(std::move(found));
}

}  // namespace chartproof::cel
