// No include guard: jsonschema/valijson_rapidjson.hpp includes it a second time to define the macro
// again after valijson's adapter. NOLINT(llvm-header-guard)
// RAPIDJSON_ASSERT for every translation unit of the project (cmake/Dependencies.cmake includes this
// header first on each compile line), so RapidJSON's inline functions are the same everywhere.
//
// Why: valijson's RapidJSON adapter, when RAPIDJSON_ASSERT is not yet defined, defines it as a call
// taking __FILE__ as a `const std::string&`: every assertion RapidJSON evaluates, including those
// that hold, built and freed a string. Linting the example's rendered.yaml spent about 90 of its
// 236 million instructions in malloc and free, most of them there (callgrind). This one throws the
// same std::runtime_error when an assertion fails (valijson counts on a throw, not an abort, for
// schemas of the wrong shape) and costs a branch when it holds.

#include <stdexcept>

#ifndef RAPIDJSON_ASSERT
#define RAPIDJSON_ASSERT(x) ((x) ? static_cast<void>(0) : throw std::runtime_error("RapidJSON assertion failed: " #x))
#endif
