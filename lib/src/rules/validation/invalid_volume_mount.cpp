// invalid-volume-mount: a volumeMount that names no volume of the pod, repeats a mountPath, or
// has a subPath the API server rejects.
#include <set>

#include "rules/validation/validation_support.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

// validateLocalDescendingPath: relative, and no `..` element.
Messages descending_path(std::string_view p) {
  Messages out;
  if (!p.empty() && p.front() == '/') out.emplace_back("must be a relative path");
  std::size_t start = 0;
  while (start <= p.size()) {
    std::size_t slash = p.find('/', start);
    std::string_view part = p.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part == "..") {
      out.emplace_back("must not contain '..'");
      break;
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

class InvalidVolumeMount : public Rule {
 public:
  explicit InvalidVolumeMount(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    std::set<std::string_view> volumes;
    Node list = r.pod->spec.node.get("volumes");
    for (std::size_t i = 0; list.is_seq() && i < list.size(); ++i) volumes.insert(list.item(i).get_text("name"));
    // A StatefulSet's volumeClaimTemplates are volumes of its pods too.
    Node claims = r.ref.kind == "StatefulSet" ? r.root.at_path("spec.volumeClaimTemplates") : Node();
    for (std::size_t i = 0; claims.is_seq() && i < claims.size(); ++i) {
      volumes.insert(claims.item(i).get("metadata").get_text("name"));
    }
    for (const Container& c : r.pod->containers) {
      std::set<std::string_view> paths;
      for_each_item(c.node, "volumeMounts", c.path, [&](Node m, const std::string& at) {
        Node name = m.get("name");
        if (name.is_scalar() && !name.text().empty() && !volumes.contains(name.text())) {
          out.report(r, Field{name, at + ".name"},
                     "volumeMount of " + c.describe() + " names volume " + shown_value(name.text()) +
                         ", which the pod does not define (Not found)");
        }
        Node mount_path = m.get("mountPath");
        if (mount_path.is_scalar() && !mount_path.text().empty() && !paths.insert(mount_path.text()).second) {
          out.report(r, Field{mount_path, at + ".mountPath"},
                     "mountPath " + shown_value(mount_path.text()) + " of " + c.describe() +
                         " is mounted twice: must be unique");
        }
        Node sub_path = m.get("subPath");
        if (sub_path.is_scalar() && !sub_path.text().empty()) {
          if (Messages e = descending_path(sub_path.text()); !e.empty()) {
            out.report(r, Field{sub_path, at + ".subPath"}, invalid("subPath", sub_path.text(), e));
          }
          if (m.get("subPathExpr").is_scalar() && !m.get_text("subPathExpr").empty()) {
            out.report(r, Field{m.get("subPathExpr"), at + ".subPathExpr"},
                       "subPathExpr and subPath are mutually exclusive");
          }
        }
        Node expr = m.get("subPathExpr");
        if (expr.is_scalar() && !expr.text().empty()) {
          if (Messages e = descending_path(expr.text()); !e.empty()) {
            out.report(r, Field{expr, at + ".subPathExpr"}, invalid("subPathExpr", expr.text(), e));
          }
        }
      });
    }
  }
};

}  // namespace

RuleDefinition invalid_volume_mount_rule() {
  return define<InvalidVolumeMount>(RuleMeta{
      .id = "invalid-volume-mount",
      .pack = "validation",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "A volumeMount must name a volume of its pod, at a path no other mount of the container uses.",
      .rationale =
          "The API server validates each container's volumeMounts against the pod's volumes "
          "(ValidateVolumeMounts in pkg/apis/core/validation/validation.go): the name must be a volume of the pod "
          "(or, for a StatefulSet, one of its volumeClaimTemplates), the mountPath unique within the container, "
          "subPath and subPathExpr relative paths without `..` (validateLocalDescendingPath) and not both set. A "
          "mount left behind when a values flag turned its volume off is the usual cause.",
      .remediation = "Guard the volumeMount with the same condition as its volume, or add the volume; use one "
                     "mountPath per mount."});
}

}  // namespace chartproof::rules
