// The validation pack: what the API server rejects beyond the OpenAPI schema, family by family —
// the per-kind validation functions of Kubernetes (pkg/apis/*/validation) and apimachinery's name,
// label and key formats (rules/validation/api_formats.hpp).
// A rule is registered here, once: its definition function, declared and listed.
#include <vector>

#include "chartproof/rule.hpp"
#include "rules/packs.hpp"

namespace chartproof::rules {

RuleDefinition invalid_object_name_rule();     // invalid_object_name.cpp
RuleDefinition invalid_label_rule();           // invalid_label.cpp
RuleDefinition invalid_annotation_rule();      // invalid_annotation.cpp
RuleDefinition invalid_label_selector_rule();  // invalid_label_selector.cpp
RuleDefinition invalid_data_key_rule();        // invalid_data_key.cpp
RuleDefinition invalid_container_name_rule();  // invalid_container_name.cpp
RuleDefinition invalid_volume_rule();          // invalid_volume.cpp
RuleDefinition invalid_volume_mount_rule();    // invalid_volume_mount.cpp
RuleDefinition invalid_env_var_rule();         // invalid_env_var.cpp
RuleDefinition invalid_handler_rule();         // invalid_handler.cpp
RuleDefinition invalid_container_port_rule();  // invalid_container_port.cpp
RuleDefinition invalid_service_port_rule();    // invalid_service_port.cpp
RuleDefinition invalid_ingress_rule();         // invalid_ingress.cpp
RuleDefinition invalid_workload_spec_rule();   // invalid_workload_spec.cpp
RuleDefinition unsupported_value_rule();       // unsupported_value.cpp

std::vector<RuleDefinition> validation_pack() {
  return {
      invalid_object_name_rule(),    invalid_label_rule(),          invalid_annotation_rule(),
      invalid_label_selector_rule(), invalid_data_key_rule(),       invalid_container_name_rule(),
      invalid_volume_rule(),         invalid_volume_mount_rule(),   invalid_env_var_rule(),
      invalid_handler_rule(),        invalid_container_port_rule(), invalid_service_port_rule(),
      invalid_ingress_rule(),        invalid_workload_spec_rule(),  unsupported_value_rule(),
  };
}

}  // namespace chartproof::rules
