// The cost of a trivial rule written in C++ through a RulePack: one lint of FILE (--jobs 1) with the
// built-in rules (`base`) or with them plus the trivial rule (`rule`). bench/python_pack.py counts
// the instructions of each, and of the same rule written in Python. Usage: pack_overhead base|rule FILE
#include <iostream>

#include "chartproof/request.hpp"
#include "chartproof/rule_pack.hpp"

namespace {

// Looks at one field of every resource and reports nothing: the cost is the call.
class Trivial : public chartproof::Rule {
 public:
  void check(const chartproof::Resource& r, const chartproof::RuleContext&, chartproof::Reporter&) const override {
    if (r.ref.kind == "NoSuchKind") std::abort();
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: pack_overhead base|rule FILE\n";
    return 2;
  }
  std::string mode = argv[1];
  chartproof::RuleMeta meta;
  meta.id = "trivial";
  meta.summary = "Reports nothing.";
  chartproof::RulePack pack{
      "bench",
      {chartproof::RuleDefinition{meta, [](const chartproof::Params&) { return std::make_unique<Trivial>(); }}},
      {}};
  auto catalogue = chartproof::RuleCatalogue::create({pack});
  if (!catalogue) return 2;
  chartproof::LintRequest request;
  request.paths = {argv[2]};
  request.jobs = 1;
  request.discover_policy = false;
  if (mode == "rule") request.catalogue = catalogue.value();
  auto report = chartproof::lint_request(request);
  if (!report) return 2;
  std::cout << report->findings.size() << " findings\n";
  return 0;
}
