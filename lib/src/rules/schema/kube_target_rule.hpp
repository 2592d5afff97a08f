#pragma once
// The base of the rules that check resources against the Kubernetes API of a target version:
// their shared parameters (set run-wide by --kube-version and --schema-dir) and target.

#include <optional>
#include <string>
#include <vector>

#include "rules/rule_support.hpp"
#include "rules/schema/kube_target.hpp"

namespace chartproof::rules {

/// `kube_version` and `schema_dirs`, declared by every schema rule.
inline std::vector<ParamSpec> kube_target_params() {
  return {ParamSpec{"kube_version", "Kubernetes version to check against, e.g. \"1.30\" (--kube-version); empty: the newest bundled",
                    std::string()},
          ParamSpec{"schema_dirs", "Folders of CRD files and JSON Schemas for kinds the input does not define (--schema-dir)",
                    std::vector<std::string>{}}};
}

class KubeTargetRule : public Rule {
 public:
  explicit KubeTargetRule(const Params& params)
      : target_(KubeTarget::get(params.get_string("kube_version"), params.get_list("schema_dirs")).value()) {}
  void prepare(const ResourceGraph& graph) const override { target_->prepare(graph); }

 protected:
  std::shared_ptr<const KubeTarget> target_;
};

/// Defines a schema rule: unusable parameters (an unknown version, a bad folder) stop the run.
template <typename R>
RuleDefinition define_kube_target_rule(RuleMeta meta) {
  for (auto& p : kube_target_params()) meta.params.push_back(std::move(p));
  RuleDefinition def = define<R>(std::move(meta));
  def.validate = [](const Params& params) -> std::optional<std::string> {
    auto target = KubeTarget::get(params.get_string("kube_version"), params.get_list("schema_dirs"));
    if (!target) return target.error().to_string();
    return std::nullopt;
  };
  return def;
}

}  // namespace chartproof::rules
