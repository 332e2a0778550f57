// Resolves the NAME of a \N{NAME} escape (see unicode_names.cpp for what is
// covered).
#pragma once

#include <string_view>

namespace gilvm {

// The code point, or 0 if the name is unknown. (\N{NULL} is therefore
// reported as unknown; nobody writes it.)
char32_t lookup_unicode_name(std::string_view name);

}  // namespace gilvm
