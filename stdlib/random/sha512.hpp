// SHA-512, for CPython-compatible seeding of `random` with str and bytes
// (random.seed("text") hashes the text). Not for security.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace gilvm {

std::array<uint8_t, 64> sha512(std::string_view data);

}  // namespace gilvm
