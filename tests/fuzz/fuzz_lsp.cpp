// libFuzzer entry point of the "lsp" target (tests/fuzz/fuzz_targets.hpp says what it feeds).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  chartproof::fuzz::serve_lsp(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
