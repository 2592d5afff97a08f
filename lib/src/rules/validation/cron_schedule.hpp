#pragma once
// A CronJob's schedule as the API server parses it: the standard five-field cron syntax of
// robfig/cron (cron.ParseStandard, which ValidateCronJobSpec calls), its @-descriptors, and the
// API server's refusal of a time zone inside the schedule.
#include <optional>
#include <string>
#include <string_view>

namespace chartproof::rules::validation {

/// Why `schedule` does not parse, in cron's words; nullopt when it does.
std::optional<std::string> cron_schedule_error(std::string_view schedule);

}  // namespace chartproof::rules::validation
