// The Dask engine as the CLI reaches it: the chartproof Python package (chartproof.fleet) reads the
// audit request (a JSON file, policies/schema/audit-request.schema.json), submits the tasks to the
// cluster and prints the gathered results in the interchange form, which is read back here, so the
// CLI writes the same reports from them as from its own local run.
#include "chart/temp_dir.hpp"
#include "chartproof/audit.hpp"
#include "io/run_process.hpp"
#include "io/write_file.hpp"

namespace chartproof {

Expected<std::vector<AuditResult>> run_audit_on_dask(const AuditRequest& request, const std::string& python) {
  chart::TempDir dir("chartproof-audit-XXXXXX");
  const std::string file = (dir.path() / "request.json").string();
  if (dir.path().empty() || !io::write_file(file, audit_request_json(request))) {
    return Error{"", 0, 0, "--scheduler: cannot write the audit request to a temporary folder", ErrorKind::Usage};
  }
  auto run = io::run_process({python, "-m", "chartproof.fleet", "--request", file});
  if (!run.failure.empty()) {
    return Error{"", 0, 0,
                 "--scheduler: cannot run " + python + ": " + run.failure +
                     "; the Dask engine needs Python with the chartproof package and python3-distributed",
                 ErrorKind::Usage};
  }
  if (run.exit_code != 0) {
    std::string why = run.err;
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    if (auto last = why.rfind('\n'); last != std::string::npos) why = why.substr(last + 1);
    return Error{"", 0, 0, "--scheduler " + request.scheduler + ": the Dask engine failed: " + why, ErrorKind::Usage};
  }
  return parse_audit_results(run.out);
}

}  // namespace chartproof
