#pragma once
// Runs a program with an argument vector (never through a shell) and captures its output.

#include <string>
#include <vector>

namespace chartproof::io {

/// What a finished process left behind.
struct ProcessResult {
  int exit_code = -1;  ///< -1 when it could not be started or was killed by a signal
  std::string out;
  std::string err;
  std::string failure;     ///< why it could not be started (empty when it ran)
  bool timed_out = false;  ///< killed (SIGKILL) after the timeout
};

/// Runs argv[0] (searched on PATH when it has no slash) with argv; reads stdout and stderr together
/// so neither pipe can fill up and block the child. After `timeout_ms` (0: none) the child is
/// killed and `timed_out` set, so a hung helm cannot hang a CI gate.
ProcessResult run_process(const std::vector<std::string>& argv, unsigned timeout_ms = 0);

}  // namespace chartproof::io
