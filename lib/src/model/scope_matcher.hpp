#pragma once
// Decides whether a resource is inside a policy Scope (names by RE2, labels by selector).

#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "chartproof/model.hpp"

namespace chartproof {

/// A compiled Scope; immutable and thread-safe.
class ScopeMatcher {
 public:
  explicit ScopeMatcher(Scope scope) : scope_(std::move(scope)) {
    for (const auto& n : scope_.names) names_.push_back(std::make_unique<RE2>(n, RE2::Quiet));
    for (const auto& n : scope_.namespaces) namespaces_.push_back(std::make_unique<RE2>(n, RE2::Quiet));
  }

  /// True when every condition holds; labels may match the object's or its pod template's.
  bool matches(const Resource& r) const {
    auto any_full_match = [](const auto& patterns, const std::string& text) {
      return std::any_of(patterns.begin(), patterns.end(), [&](const auto& re) { return RE2::FullMatch(text, *re); });
    };
    if (!namespaces_.empty() && !any_full_match(namespaces_, r.ref.namespace_)) return false;
    if (!scope_.kinds.empty() && std::find(scope_.kinds.begin(), scope_.kinds.end(), r.ref.kind) == scope_.kinds.end())
      return false;
    if (!names_.empty() && !any_full_match(names_, r.ref.name)) return false;
    if (scope_.match_labels.empty() && scope_.match_expressions.empty()) return true;
    LabelSelector selector = as_selector();
    return selector.matches(r.labels) || (r.pod && selector.matches(r.pod->template_labels));
  }

  const Scope& scope() const { return scope_; }

 private:
  // A view of the scope's labels as a LabelSelector (string_views into scope_, built per call).
  LabelSelector as_selector() const {
    LabelSelector s;
    for (const auto& [k, v] : scope_.match_labels) s.match_labels.emplace_back(k, v);
    for (const auto& e : scope_.match_expressions) {
      LabelSelector::Requirement req;
      req.key = e.key;
      req.op = e.op == "NotIn"          ? LabelSelector::Op::NotIn
               : e.op == "Exists"       ? LabelSelector::Op::Exists
               : e.op == "DoesNotExist" ? LabelSelector::Op::DoesNotExist
                                        : LabelSelector::Op::In;
      for (const auto& v : e.values) req.values.push_back(v);
      s.expressions.push_back(std::move(req));
    }
    return s;
  }
  Scope scope_;
  std::vector<std::unique_ptr<RE2>> names_;
  std::vector<std::unique_ptr<RE2>> namespaces_;
};

}  // namespace chartproof
