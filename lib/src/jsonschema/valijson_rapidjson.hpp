#pragma once
// valijson's RapidJSON adapter, with the project's RAPIDJSON_ASSERT (support/rapidjson_assert.hpp
// says why) instead of the one the adapter defines when none is defined yet.
//
// The adapter emits a #warning when RAPIDJSON_ASSERT is already defined (GCC 12 cannot silence it),
// so: RapidJSON's headers are read first, with the project's macro expanded in their inline
// functions; the macro is undefined for the adapter (which defines its own, used by nothing after,
// since RapidJSON's headers are not read again); then the project's macro is defined again.

#include <rapidjson/document.h>

#undef RAPIDJSON_ASSERT
#include <valijson/adapters/rapidjson_adapter.hpp>
#undef RAPIDJSON_ASSERT
#include "support/rapidjson_assert.hpp"  // NOLINT(bugprone-suspicious-include): re-defines the macro
