#pragma once
#include <string_view>

namespace mgcramp {
// "0.1.0 (git 1a2b3c4)"; the revision is read at build time.
std::string_view version_string();
}  // namespace mgcramp
