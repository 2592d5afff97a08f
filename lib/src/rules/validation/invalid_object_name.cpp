// invalid-object-name: a metadata.name, generateName or namespace the API server rejects for the kind.
#include "rules/validation/validation_support.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

class InvalidObjectName : public Rule {
 public:
  explicit InvalidObjectName(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    const NameRule rule = name_rule(r.ref.api_version, r.ref.kind);
    Node name = r.metadata.get("name");
    if (name.is_scalar() && !name.text().empty()) {
      Messages m = check_name(rule, name.text());
      if (!m.empty()) {
        out.report(r, Field{name, "metadata.name"},
                   invalid(r.ref.kind + " name", name.text(), m) + " (" + std::string(rule.function) + ")");
      } else if (r.ref.kind == "Job" && name.text().size() > 63 &&
                 r.root.at_path("spec.manualSelector").as_bool() != true) {
        out.report(r, Field{name, "metadata.name"},
                   invalid("Job name", name.text(), {"must be no more than 63 characters"}) +
                       " (the API server adds the label batch.kubernetes.io/job-name with the Job's name to its pod "
                       "template, and a label value is at most 63 characters)");
      }
    }
    Node generate = r.metadata.get("generateName");
    if (generate.is_scalar() && !generate.text().empty()) {
      Messages m = check_name(rule, generate.text(), true);
      if (!m.empty())
        out.report(r, Field{generate, "metadata.generateName"}, invalid("generateName", generate.text(), m));
    }
    Node ns = r.metadata.get("namespace");
    if (ns.is_scalar() && !ns.text().empty() && !is_cluster_scoped_kind(r.ref.kind)) {
      Messages m = dns1123_label(ns.text());
      if (!m.empty()) {
        out.report(r, Field{ns, "metadata.namespace"}, invalid("namespace", ns.text(), m) + " (ValidateNamespaceName)");
      }
    }
  }
};

}  // namespace

RuleDefinition invalid_object_name_rule() {
  return define<InvalidObjectName>(RuleMeta{
      .id = "invalid-object-name",
      .pack = "validation",
      .severity = Severity::Error,
      .summary = "Object names and namespaces must have the format the API server requires for their kind.",
      .rationale =
          "The API server validates metadata.name with a function per kind before it stores anything "
          "(ValidateObjectMeta in k8s.io/apimachinery/pkg/api/validation/objectmeta.go): most kinds need a "
          "lowercase RFC 1123 subdomain of at most 253 characters (NameIsDNSSubdomain), a Service a DNS-1035 "
          "label of at most 63 starting with a letter (ValidateServiceName), a Namespace and a StatefulSet a "
          "DNS-1123 label of at most 63 (ValidateNamespaceName, ValidateStatefulSetName in "
          "pkg/apis/apps/validation), RBAC objects a path segment (ValidateRBACName). A CronJob's name is at "
          "most 52 characters, since its Jobs append an 11-character suffix (ValidateCronJob in "
          "pkg/apis/batch/validation). A Job's name becomes the value of the batch.kubernetes.io/job-name label "
          "of its pod template, which is at most 63 characters unless the Job sets manualSelector. "
          "metadata.namespace is a DNS-1123 label. `helm install` fails on the first such object. The message "
          "quotes the API server's own wording.",
      .remediation = "Shorten or lowercase the name; in a chart, truncate the helper that builds it "
                     "(`trunc 63 | trimSuffix \"-\"`, 52 for a CronJob) and do not put `_` or capitals in it."});
}

}  // namespace chartproof::rules
