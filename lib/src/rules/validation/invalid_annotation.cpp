// invalid-annotation: an annotation key the API server rejects, or annotations over 256 KiB in all.
#include <cctype>

#include "rules/validation/validation_support.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

constexpr std::size_t kTotalAnnotationSizeLimit = std::size_t{256} * 1024;  // TotalAnnotationSizeLimitB

class InvalidAnnotation : public Rule {
 public:
  explicit InvalidAnnotation(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Field& meta : metadata_blocks(r)) {
      Node annotations = meta.node.get("annotations");
      if (!annotations.is_map()) continue;
      std::string path = meta.path + ".annotations";
      std::size_t total = 0;
      for (std::size_t i = 0; i < annotations.size(); ++i) {
        Node key = annotations.key_at(i), value = annotations.value_at(i);
        total += key.text().size() + (value.is_scalar() ? value.text().size() : 0);
        // Case does not matter in annotation keys: the API server lowercases before it checks.
        std::string lower(key.text());
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (Messages m = qualified_name(lower); !m.empty()) {
          out.report(r, Field{key, append_path_key(path, key.text())}, invalid("annotation key", key.text(), m));
        }
      }
      if (total > kTotalAnnotationSizeLimit) {
        out.report(r, Field{annotations, path},
                   "annotations of " + meta.path + " total " + std::to_string(total) +
                       " bytes: may not be more than 262144 bytes (TotalAnnotationSizeLimitB)");
      }
    }
  }
};

}  // namespace

RuleDefinition invalid_annotation_rule() {
  return define<InvalidAnnotation>(RuleMeta{
      .id = "invalid-annotation",
      .pack = "validation",
      .severity = Severity::Error,
      .summary = "Annotation keys must be qualified names, and an object's annotations at most 256 KiB.",
      .rationale =
          "The API server validates annotations (ValidateAnnotations in "
          "k8s.io/apimachinery/pkg/api/validation/objectmeta.go): each key, lowercased, must be a qualified "
          "name like a label key, and keys and values together may not exceed 262144 bytes "
          "(TotalAnnotationSizeLimitB). A config file inlined into an annotation (a checksum is fine, the file "
          "is not) is the usual way past the limit.",
      .remediation = "Use a key like `example.com/name`; move large content into a ConfigMap and annotate a "
                     "checksum of it (`sha256sum`)."});
}

}  // namespace chartproof::rules
