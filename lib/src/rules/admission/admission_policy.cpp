// admission-policy: what the cluster's ValidatingAdmissionPolicies (admissionregistration.k8s.io/v1)
// would say of each object on create: the policies and bindings the input ships and those of
// --admission-policies, evaluated offline with the CEL engine, as the API server's
// k8s.io/apiserver/pkg/admission/plugin/policy/validating does.
#include <mutex>

#include "cel/eval.hpp"
#include "cel/program_cache.hpp"
#include "model/cel_values.hpp"
#include "rules/admission/policy_files.hpp"
#include "rules/admission/policy_match.hpp"
#include "rules/rule_support.hpp"
#include "rules/target_version.hpp"

namespace chartproof::rules {
namespace {

using admission::PolicyObject;

// An object a policy, binding or param may be: from the input, or from a policy file.
PolicyObject from_resource(const Resource& r) {
  return PolicyObject{r.root, r.ref.api_version, r.ref.kind, r.ref.name, r.ref.namespace_, ""};
}

struct Verdict {
  Severity severity = Severity::Error;  // Deny → error, Warn → warning, Audit → info
  std::string message;
};

class AdmissionPolicy : public Rule {
 public:
  explicit AdmissionPolicy(const Params&) {}

  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    load_files(ctx, out);
    // The API server never sends admission configuration itself through admission policies (it would
    // lock itself out): IsExemptAdmissionConfigurationResource.
    if (r.ref.api_version.starts_with("admissionregistration.k8s.io/")) return;
    const std::vector<PolicyObject> bindings = objects_of_kind("ValidatingAdmissionPolicyBinding", ctx);
    if (bindings.empty()) return;
    const std::vector<PolicyObject> policies = objects_of_kind("ValidatingAdmissionPolicy", ctx);
    for (const PolicyObject& binding : bindings) {
      const std::string_view policy_name = binding.root.get("spec").get_text("policyName");
      const PolicyObject* policy = nullptr;
      for (const PolicyObject& p : policies) {
        if (p.name == policy_name) policy = &p;
      }
      if (!policy) continue;  // a binding without its policy does nothing, as in the cluster
      for (const Verdict& v : judge(r, *policy, binding, ctx)) {
        out.report_at_most(r, Field{r.root, "(object)"}, v.message, v.severity);
      }
    }
  }

 private:
  // The --admission-policies files, read once per run; an unreadable one is said once.
  void load_files(const RuleContext& ctx, Reporter& out) const {
    std::call_once(loaded_, [&] {
      if (ctx.options.admission_policy_files.empty()) return;
      auto files = admission::load_policy_files(ctx.options.admission_policy_files);
      if (files) {
        files_ = *files;
      } else {
        const Error& e = files.error();
        out.report_file(e.file, e.line, e.column, e.message);
      }
    });
  }

  // The objects of `kind` (admissionregistration.k8s.io, or a param kind) in the input and the files.
  std::vector<PolicyObject> objects_of_kind(std::string_view kind, const RuleContext& ctx) const {
    std::vector<PolicyObject> out;
    for (const Resource* r : ctx.graph.all_of_kind(kind)) out.push_back(from_resource(*r));
    if (files_) {
      for (const PolicyObject& o : files_->objects) {
        if (o.kind == kind) out.push_back(o);
      }
    }
    return out;
  }

  std::vector<Verdict> judge(const Resource& r, const PolicyObject& policy, const PolicyObject& binding,
                             const RuleContext& ctx) const {
    Node spec = policy.root.get("spec");
    Node binding_spec = binding.root.get("spec");
    const admission::NamespaceView ns = admission::namespace_of(r, ctx);
    if (!admission::matches_resources(spec.get("matchConstraints"), r, ns, true)) return {};
    if (Node own = binding_spec.get("matchResources"); own && !admission::matches_resources(own, r, ns, false))
      return {};
    Severity severity = Severity::Info;
    for (std::size_t i = 0; Node a = binding_spec.get("validationActions").item(i); ++i) {
      if (a.text() == "Deny") severity = Severity::Error;
      if (a.text() == "Warn" && severity != Severity::Error) severity = Severity::Warning;
    }
    if (!binding_spec.get("validationActions").is_seq() || binding_spec.get("validationActions").size() == 0) {
      severity = Severity::Error;
    }
    // The API server's wording: a denial, or the warning a Warn or Audit action gives.
    const std::string names = "ValidatingAdmissionPolicy '" + policy.name + "' with binding '" + binding.name + "'";
    const std::string denied =
        severity == Severity::Error ? names + " denied request: " : "Validation failed for " + names + ": ";
    const bool fail_closed = spec.get_text("failurePolicy") != "Ignore";

    // Params: none without paramKind; with it, the binding's paramRef finds them by name or selector.
    std::vector<PolicyObject> candidates;
    std::vector<const PolicyObject*> params{nullptr};
    if (Node kind = spec.get("paramKind"); kind.is_map()) {
      candidates = objects_of_kind(kind.get_text("kind"), ctx);
      params = admission::find_params(kind, binding_spec.get("paramRef"), r, candidates);
      if (params.empty()) {
        if (binding_spec.get("paramRef").get_text("parameterNotFoundAction") == "Allow") return {};
        return {Verdict{severity, denied + "no params found for binding (parameterNotFoundAction Deny)"}};
      }
    }
    std::vector<Verdict> verdicts;
    const cel::EvalOptions options{.kube_minor = target_kube_minor(ctx.options)};
    for (const PolicyObject* param : params) {
      cel::Bindings vars = admission::request_variables(r, ns, param ? to_cel(param->root) : cel::Value(cel::Null{}));
      auto fail = [&](const std::string& why) {
        if (fail_closed) verdicts.push_back(Verdict{severity, denied + why});
      };
      // matchConditions: all true, or the policy does not apply; an error follows failurePolicy.
      bool applies = true;
      for (std::size_t i = 0; Node c = spec.get("matchConditions").item(i); ++i) {
        cel::Value v = run(c.get_text("expression"), vars, options);
        if (auto b = v.as<bool>()) {
          applies = applies && *b;
        } else {
          fail("matchCondition '" + std::string(c.get_text("name")) + "' could not be evaluated: " + error_text(v));
          applies = false;
        }
      }
      if (!applies) continue;
      // variables, in order: each sees those before it.
      cel::MapEntries variables;
      for (std::size_t i = 0; Node v = spec.get("variables").item(i); ++i) {
        vars["variables"] = cel::Value(variables);
        variables.emplace_back(cel::Value(std::string(v.get_text("name"))),
                               run(v.get_text("expression"), vars, options));
      }
      vars["variables"] = cel::Value(variables);
      for (std::size_t i = 0; Node check = spec.get("validations").item(i); ++i) {
        const std::string_view expression = check.get_text("expression");
        cel::Value v = run(expression, vars, options);
        if (auto b = v.as<bool>()) {
          if (*b) continue;
          std::string message(check.get_text("message"));
          if (std::string_view me = check.get_text("messageExpression"); !me.empty()) {
            if (auto s = run(me, vars, options); s.as<std::string>() && !s.as<std::string>()->empty()) {
              message = *s.as<std::string>();
            }
          }
          if (message.empty()) message = "failed expression: " + std::string(expression);
          std::string reason(check.get_text("reason"));
          verdicts.push_back(Verdict{severity, denied + message + (reason.empty() ? "" : " (reason: " + reason + ")")});
        } else {
          fail("expression '" + std::string(expression) + "' resulted in error: " + error_text(v));
        }
      }
    }
    return verdicts;
  }

  cel::Value run(std::string_view expression, const cel::Bindings& vars, const cel::EvalOptions& options) const {
    if (expression.find("authorizer") != std::string_view::npos && !vars.contains("authorizer")) {
      return cel::error("it asks the authorizer, which only the cluster can answer");
    }
    auto parsed = programs_.get(expression);
    if (!parsed->expr) return cel::error(parsed->error);
    return cel::evaluate(*parsed->expr, vars, options).value;
  }

  static std::string error_text(const cel::Value& v) {
    if (auto e = v.as<cel::Error>()) return e->message;
    return "not a bool: " + cel::to_literal(v);
  }

  cel::ProgramCache programs_;
  mutable std::once_flag loaded_;
  mutable std::shared_ptr<const admission::PolicyFiles> files_;
};

}  // namespace

RuleDefinition admission_policy_rule() {
  return define<AdmissionPolicy>(RuleMeta{
      .id = "admission-policy",
      .pack = "admission",
      .severity = Severity::Error,
      .summary = "Objects must pass the ValidatingAdmissionPolicies bound to them.",
      .rationale = "A ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1) holds CEL validations; a "
                   "ValidatingAdmissionPolicyBinding applies it to the objects its match rules select, with an action: "
                   "Deny refuses the create, Warn and Audit let it through with a warning or an audit record "
                   "(k8s.io/apiserver/pkg/admission/plugin/policy/validating). chartproof evaluates the policies and "
                   "bindings the input ships and those of --admission-policies offline, as the API server would for a "
                   "CREATE: matchConstraints and the binding's matchResources (resource rules, exclusions, namespace "
                   "and object selectors), matchConditions, variables, params found by paramRef, validations with "
                   "message, messageExpression and reason, and failurePolicy for expressions that error. Deny is an "
                   "error, Warn a warning, Audit an info. An expression that asks the authorizer cannot be answered "
                   "offline: it counts as an error of the expression, under the policy's failurePolicy.",
      .remediation = "Change the object so the validation holds (the message says how), or the values that set it."});
}

}  // namespace chartproof::rules
