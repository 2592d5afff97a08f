// The Dask engine as the CLI reaches it: the chartproof Python package (chartproof.fleet) submits
// the tasks to the cluster and prints the gathered results in the interchange form, which is read
// back here, so the CLI writes the same reports from them as from its own local run.
#include "io/run_process.hpp"
#include "chartproof/audit.hpp"

namespace chartproof {

Expected<std::vector<AuditResult>> run_audit_on_dask(const std::string& matrix, const std::string& scheduler,
                                                     const std::vector<std::string>& task_flags,
                                                     const std::string& python) {
  std::vector<std::string> argv = {python, "-m", "chartproof.fleet", "--scheduler", scheduler, matrix};
  argv.insert(argv.end(), task_flags.begin(), task_flags.end());
  auto run = io::run_process(argv);
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
    return Error{"", 0, 0, "--scheduler " + scheduler + ": the Dask engine failed: " + why, ErrorKind::Usage};
  }
  return parse_audit_results(run.out);
}

}  // namespace chartproof
