#pragma once
// Each expression parsed once per run: a CRD's rules, a policy's validations and custom rules run
// on every matching object, and parsing per object would cost a policy with 100 rules over 10,000
// objects a million parses. Safe to share between the threads a run checks resources on.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "cel/parser.hpp"

namespace chartproof::cel {

class ProgramCache {
 public:
  /// The parse of `source`, parsed on first use.
  std::shared_ptr<const ParseResult> get(std::string_view source) const {
    std::lock_guard lock(mutex_);
    auto it = parsed_.find(source);
    if (it == parsed_.end()) {
      it = parsed_.emplace(std::string(source), std::make_shared<const ParseResult>(parse(source))).first;
    }
    return it->second;
  }

 private:
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::shared_ptr<const ParseResult>, std::less<>> parsed_;
};

}  // namespace chartproof::cel
