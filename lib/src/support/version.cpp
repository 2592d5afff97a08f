#include "chartproof/version.hpp"

namespace chartproof {

std::string_view version() { return CHARTPROOF_VERSION; }

}  // namespace chartproof
