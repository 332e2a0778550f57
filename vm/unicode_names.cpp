// \N{NAME}: one character of the Unicode database (vm/text/unicode_database.hpp).
#include "vm/unicode_names.hpp"

#include "vm/text/unicode_database.hpp"

namespace gilvm {

std::optional<char32_t> lookup_unicode_name(std::string_view name) {
  std::optional<std::u32string> chars = text::lookup_name(name, /*allow_sequences=*/false);
  if (!chars || chars->size() != 1) return std::nullopt;
  return (*chars)[0];
}

}  // namespace gilvm
