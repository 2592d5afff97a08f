#pragma once
// Which objects a ValidatingAdmissionPolicy and its binding select (matchConstraints and
// matchResources: resource rules, exclusions, namespace and object selectors), the params a
// binding's paramRef names, and the variables the API server gives the expressions on a CREATE.
#include <string>
#include <vector>

#include "cel/eval.hpp"
#include "chartproof/model.hpp"
#include "chartproof/rule.hpp"
#include "rules/admission/policy_files.hpp"

namespace chartproof::rules::admission {

/// The namespace an object is created in, as admission sees it: its labels (the input's Namespace
/// object, else --namespace-labels, plus kubernetes.io/metadata.name, which the API server sets) and
/// the object, if the input holds it. Empty `name` for a cluster-scoped object.
struct NamespaceView {
  std::string name;
  Labels labels;
  const Resource* object = nullptr;
};
NamespaceView namespace_of(const Resource& r, const RuleContext& ctx);

/// `match` (a policy's matchConstraints or a binding's matchResources) selects `r` on CREATE.
/// `required`: a policy's matchConstraints must name resources; a binding's may leave them out.
bool matches_resources(Node match, const Resource& r, const NamespaceView& ns, bool required);

/// The resource (plural, lower case) the API serves a kind as: Deployment → deployments.
std::string resource_of_kind(std::string_view kind);

/// The param objects a binding's paramRef selects among `candidates` (of the policy's paramKind).
std::vector<const PolicyObject*> find_params(Node param_kind, Node param_ref, const Resource& r,
                                             const std::vector<PolicyObject>& candidates);

/// object, oldObject (null), params, namespaceObject and request of a CREATE of `r`.
cel::Bindings request_variables(const Resource& r, const NamespaceView& ns, cel::Value params);

}  // namespace chartproof::rules::admission
