// CronJob schedules as robfig/cron's ParseStandard (what ValidateCronJobSpec calls) reads them.
#include <doctest/doctest.h>

#include "rules/validation/cron_schedule.hpp"

using chartproof::rules::validation::cron_schedule_error;

TEST_CASE("cron schedules the API server accepts") {
  for (const char* s : {"* * * * *", "*/5 * * * *", "0 0 1 1 *", "0 3 * * 0", "0 3 * * 6", "0 3 * * SUN",
                        "0 3 * * mon-fri", "15,45 8-18/2 1-31 JAN-Dec *", "0 0 ? * *", "@hourly", "@daily", "@midnight",
                        "@weekly", "@monthly", "@yearly", "@annually", "@every 1h30m", "  0  3 * * *  "}) {
    CHECK_MESSAGE(!cron_schedule_error(s).has_value(), s);
  }
}

TEST_CASE("cron schedules the API server refuses") {
  for (const char* s : {"", "* * * *", "0 * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * 32 * *",
                        "* * * 13 *", "* * * * 7", "* * * * FOO", "5-2 * * * *", "*/0 * * * *", "1-2-3 * * * *",
                        "@reboot", "@daily extra", "TZ=UTC 0 3 * * *", "CRON_TZ=Europe/Paris 0 3 * * *"}) {
    CHECK_MESSAGE(cron_schedule_error(s).has_value(), s);
  }
  CHECK(*cron_schedule_error("0 * * * * *") == "expected exactly 5 fields, found 6: [0 * * * * *]");
  CHECK(*cron_schedule_error("* * * * 7") == "invalid day of week field: end of range (7) above maximum (6): 7");
}
