#pragma once
// `chartproof audit MATRIX.yaml`: every chart x environment x Kubernetes version of a matrix, linted
// concurrently here or on a Dask cluster (--scheduler), as one JSON, SARIF or terminal report.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "app.hpp"

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
  std::string helm = "helm";
  unsigned helm_timeout = 120;
  std::string profile;
  std::vector<std::string> policies;
  std::vector<std::string> enable, disable;
  std::string schema_mode;
  std::vector<std::string> schema_dirs;
};

CLI::App* add_audit_command(CLI::App& app, AuditArgs& args);
int run_audit_command(const AuditArgs& args, Environment& env);

}  // namespace chartproof::cli
