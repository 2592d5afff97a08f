// image-tag-mutable: an image without a tag, tagged latest, or (by parameter) without a digest.
#include "model/image_ref.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class ImageTagMutable : public Rule {
 public:
  explicit ImageTagMutable(const Params& p) : require_digest_(p.get_bool("require_digest")) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Container& c : r.pod->containers) {
      Node image = c.node.get("image");
      if (!image.is_string() || image.text().empty()) continue;
      ImageRef ref = parse_image_ref(image.text());
      Field at{image, c.path + ".image"};
      if (!ref.digest.empty()) continue;  // pinned by content
      if (ref.tag.empty()) {
        out.report(
            r, at,
            c.describe() + " uses image " + in_quotes(image.text()) + " without a tag (Kubernetes pulls latest)");
      } else if (ref.tag == "latest") {
        at.part = ref.tag;  // in a chart, the tag's values line (`tag: latest`) is where it is fixed
        out.report(r, at, c.describe() + " uses the mutable tag latest (" + in_quotes(image.text()) + ")");
      } else if (require_digest_) {
        out.report(r, at, c.describe() + " uses image " + in_quotes(image.text()) + " without a digest (@sha256:...)");
      }
    }
  }

 private:
  bool require_digest_;
};

}  // namespace

RuleDefinition image_tag_mutable_rule() {
  return define<ImageTagMutable>(RuleMeta{
      .id = "image-tag-mutable",
      .pack = "images",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "Images should be pinned to a version tag (or a digest).",
      .rationale =
          "An image without a tag means `latest`, and `latest` changes under you: two nodes run different code "
          "for the same Deployment, a rollback re-pulls the broken build, and imagePullPolicy defaults to Always. "
          "A registry port (`registry:5000/app`) is not mistaken for a tag. With `require_digest`, any image "
          "without `@sha256:` is reported, since tags can be moved too.",
      .remediation = "Use an immutable version tag (`app:1.4.2`), or a digest (`app@sha256:...`).",
      .params = {ParamSpec{"require_digest", "report every image not pinned by digest", false}}});
}

}  // namespace chartproof::rules
