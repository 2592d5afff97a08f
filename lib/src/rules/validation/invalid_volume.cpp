// invalid-volume: a pod volume whose name is not a DNS-1123 label, is used twice, or that names
// more than one source.
#include <set>

#include "rules/validation/validation_support.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

class InvalidVolume : public Rule {
 public:
  explicit InvalidVolume(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    Node volumes = r.pod->spec.node.get("volumes");
    std::string path = r.pod->spec.path + ".volumes";
    std::set<std::string_view> seen;
    for (std::size_t i = 0; volumes.is_seq() && i < volumes.size(); ++i) {
      Node v = volumes.item(i);
      std::string at = path + "[" + std::to_string(i) + "]";
      Node name = v.get("name");
      if (name.is_scalar() && !name.text().empty()) {
        if (Messages m = dns1123_label(name.text()); !m.empty()) {
          out.report(r, Field{name, at + ".name"}, invalid("volume name", name.text(), m));
        }
        if (!seen.insert(name.text()).second) {
          out.report(r, Field{name, at + ".name"},
                     "volume name " + shown_value(name.text()) + " is used twice in the pod (Duplicate value)");
        }
      }
      std::vector<std::string> sources;
      for (std::size_t k = 0; v.is_map() && k < v.size(); ++k) {
        if (v.key_at(k).text() != "name" && !v.value_at(k).is_null()) sources.emplace_back(v.key_at(k).text());
      }
      if (sources.size() > 1) {
        out.report(r, Field{v.get(sources[1]), at + "." + sources[1]},
                   "volume " + shown_value(name.text()) + " names " + join_phrases(sources) +
                       ": may not specify more than 1 volume type (validateVolumeSource)");
      }
    }
  }
};

}  // namespace

RuleDefinition invalid_volume_rule() {
  return define<InvalidVolume>(RuleMeta{
      .id = "invalid-volume",
      .pack = "validation",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "Pod volumes must have unique DNS-1123 label names and one source each.",
      .rationale =
          "The API server validates a pod's volumes (ValidateVolumes, validateVolumeSource in "
          "pkg/apis/core/validation/validation.go): each name is a DNS-1123 label, unique in the pod, and each "
          "volume has exactly one source (a volume with none becomes an emptyDir by defaulting). Two values "
          "files that each add a `configMap:` and a `secret:` to the same volume entry, or a volume list "
          "concatenated from two places, are the usual causes.",
      .remediation = "Rename one of the volumes, or split a volume with two sources into two volumes (or one "
                     "`projected` volume that combines them)."});
}

}  // namespace chartproof::rules
