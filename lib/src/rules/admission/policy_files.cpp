#include "rules/admission/policy_files.hpp"

#include <algorithm>
#include <filesystem>

#include "io/read_file.hpp"

namespace chartproof::rules::admission {

namespace fs = std::filesystem;

Expected<std::vector<std::string>> policy_file_paths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::directory_iterator(path, ec)) {
        const std::string ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json")) {
          found.push_back(entry.path().string());
        }
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(path, ec)) {
      out.push_back(path);
    } else {
      return Error{path, 0, 0, "--admission-policies: no such file or folder"};
    }
  }
  return out;
}

Expected<std::shared_ptr<const PolicyFiles>> load_policy_files(const std::vector<std::string>& files) {
  auto out = std::make_shared<PolicyFiles>();
  for (const auto& path : files) {
    auto text = io::read_file(path);
    if (!text) return Error{path, 0, 0, "cannot read the admission policy file"};
    out->sources.push_back(std::make_unique<SourceFile>(SourceFile{path, std::move(*text)}));
    out->documents.push_back(parse_file(*out->sources.back()));
    for (const auto& doc : out->documents.back()) {
      for (const auto& issue : doc.issues) {
        if (issue.kind == ParseIssue::Kind::InvalidYaml) return Error{path, issue.line, issue.column, issue.message};
      }
      if (!doc.tree) continue;
      Node root = doc.tree->root();
      if (!root.is_map()) continue;
      PolicyObject object{root,
                          std::string(root.get_text("apiVersion")),
                          std::string(root.get_text("kind")),
                          std::string(root.get("metadata").get_text("name")),
                          std::string(root.get("metadata").get_text("namespace")),
                          path};
      if (object.kind.empty()) return Error{path, root.line(), root.column(), "an object without a kind"};
      out->objects.push_back(std::move(object));
    }
  }
  return std::shared_ptr<const PolicyFiles>(std::move(out));
}

}  // namespace chartproof::rules::admission
