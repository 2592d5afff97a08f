#pragma once
// A URL as Go's url.ParseRequestURI reads it, for the URL library and the `uri` named format.
#include <optional>
#include <string>
#include <string_view>

#include "cel/value.hpp"

namespace chartproof::cel {

struct Url {
  std::string text;  ///< as written
  std::string scheme, opaque, host, hostname, port, path, raw_path, query;
};

/// The URL `s` names, or nullopt with Go's message in `problem`.
std::optional<Url> parse_url(std::string_view s, std::string& problem);

/// kubernetes.URL
class UrlValue final : public Opaque {
 public:
  explicit UrlValue(Url u) : url(std::move(u)) {}
  std::string_view type() const override { return "kubernetes.URL"; }
  bool equals(const Opaque& other) const override;
  std::string literal() const override;
  Url url;
};

}  // namespace chartproof::cel
