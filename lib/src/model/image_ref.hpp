#pragma once
// Container image references: `registry/repo/name:tag@sha256:digest`.

#include <string_view>

namespace chartproof {

/// The parts of an image reference that rules care about.
struct ImageRef {
  std::string_view name;    ///< everything before the tag and digest
  std::string_view tag;     ///< empty when absent (Kubernetes then pulls `latest`)
  std::string_view digest;  ///< `sha256:...`, empty when absent
};

/// Splits an image reference; a `:` inside the registry host (a port) is not a tag.
inline ImageRef parse_image_ref(std::string_view image) {
  ImageRef ref;
  std::size_t at = image.find('@');
  if (at != std::string_view::npos) {
    ref.digest = image.substr(at + 1);
    image = image.substr(0, at);
  }
  std::size_t slash = image.rfind('/');
  std::size_t colon = image.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    ref.tag = image.substr(colon + 1);
    image = image.substr(0, colon);
  }
  ref.name = image;
  return ref;
}

}  // namespace chartproof
