#pragma once
// A lint report as it crosses machines (an audit task's, from a Dask worker back to the CLI): the
// JSON report plus what the other formats need and the JSON report leaves out (the rules that ran,
// the packs that linted helm test pods, each finding's keyed path and whether it is sensitive). It
// is read back into a typed LintReport, checked against policies/schema/report.schema.json first,
// so every format is written from the report itself, as after a local run.

#include <string>
#include <string_view>

#include "chartproof/engine.hpp"
#include "chartproof/error.hpp"

namespace chartproof::report {

/// The report's interchange JSON.
std::string format_report_interchange(const LintReport& report);

/// The report back, without its parsed inputs (what the formats need from them travels as values);
/// an Error says why the text is not a report (not JSON, or where it leaves the schema).
Expected<LintReport> read_report_interchange(std::string_view text);

}  // namespace chartproof::report
