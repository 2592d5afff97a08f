#pragma once
// Today's date as exemptions' `expires` is written (YYYY-MM-DD, UTC).
#include <string>

namespace chartproof::support {

/// The system's date in UTC, `2026-12-07`.
std::string today_utc();

}  // namespace chartproof::support
