// data/k8s-schemas.json, compiled into the library with the assembler's .incbin (no generated
// source, no size limit on string literals); NUL-terminated for rapidjson's in-situ-free parse.
#include "kubeschema/embedded_bundle.hpp"

__asm__(
    ".section .rodata\n"
    ".balign 16\n"
    ".global chartproof_k8s_bundle_begin\n"
    "chartproof_k8s_bundle_begin:\n"
    ".incbin \"" CHARTPROOF_K8S_BUNDLE
    "\"\n"
    ".global chartproof_k8s_bundle_end\n"
    "chartproof_k8s_bundle_end:\n"
    ".byte 0\n"
    ".previous\n");

extern "C" const char chartproof_k8s_bundle_begin[];
extern "C" const char chartproof_k8s_bundle_end[];

namespace chartproof::kubeschema {

std::string_view embedded_bundle() {
  return {chartproof_k8s_bundle_begin,
          static_cast<std::size_t>(chartproof_k8s_bundle_end - chartproof_k8s_bundle_begin)};
}

}  // namespace chartproof::kubeschema
