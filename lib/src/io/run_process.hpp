#pragma once
// Runs a program with an argument vector (never through a shell) and captures its output.

#include <atomic>
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
  bool cancelled = false;  ///< killed (SIGKILL) because `cancel` became true
};

/// Runs argv[0] (searched on PATH when it has no slash) with argv; reads stdout and stderr together
/// so neither pipe can fill up and block the child. After `timeout_ms` (0: none) the child is
/// killed and `timed_out` set, so a hung helm cannot hang a CI gate. When `cancel` (may be null)
/// becomes true, the child is killed within 20 ms and `cancelled` set (the language server's stale
/// render, when a newer edit arrives).
ProcessResult run_process(const std::vector<std::string>& argv, unsigned timeout_ms = 0,
                          const std::atomic<bool>* cancel = nullptr);

}  // namespace chartproof::io
