#pragma once
// The cluster's ValidatingAdmissionPolicies, bindings and parameter objects from
// --admission-policies (files, or folders of *.yaml, *.yml and *.json): read once per run and kept
// alive with the nodes the rule evaluates.
#include <memory>
#include <string>
#include <vector>

#include "chartproof/error.hpp"
#include "chartproof/node.hpp"
#include "chartproof/parse.hpp"

namespace chartproof::rules::admission {

/// An object of a policy file: its root node and identity.
struct PolicyObject {
  Node root;
  std::string api_version, kind, name, namespace_;
  std::string file;
};

struct PolicyFiles {
  std::vector<std::unique_ptr<SourceFile>> sources;
  std::vector<std::vector<ParsedDocument>> documents;
  std::vector<PolicyObject> objects;
};

/// The files `paths` name (a folder: its YAML and JSON files, sorted). A file that cannot be read or
/// is not valid YAML, or a path that is neither file nor folder, is an Error at its place.
Expected<std::vector<std::string>> policy_file_paths(const std::vector<std::string>& paths);
Expected<std::shared_ptr<const PolicyFiles>> load_policy_files(const std::vector<std::string>& files);

}  // namespace chartproof::rules::admission
