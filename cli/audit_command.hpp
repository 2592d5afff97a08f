#pragma once
// `chartproof audit MATRIX.yaml`: every chart x environment x Kubernetes version of a matrix, linted
// concurrently here or on a Dask cluster (--scheduler), as one JSON, SARIF or terminal report.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "app.hpp"
#include "request_flags.hpp"

namespace chartproof::cli {

struct AuditArgs {
  std::string matrix;
  std::vector<std::string> formats;
  std::string output;
  std::string fail_on = "error";
  unsigned jobs = 0;
  std::string scheduler;
  std::string python = "python3";
  std::string progress = "auto";
  RequestFlags flags;  // the lint settings of every task (chartproof/request_options.hpp)
};

CLI::App* add_audit_command(CLI::App& app, AuditArgs& args);
int run_audit_command(const AuditArgs& args, Environment& env);

}  // namespace chartproof::cli
