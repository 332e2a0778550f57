// The file objects of open() and sys.std*: declarations shared with io.cpp.
#pragma once

#include <string>
#include <string_view>

#include "vm/object.hpp"

namespace gilvm::builtins_impl {

struct FileObject;

// `v` as a text-mode file object, or null if it is anything else.
FileObject* as_text_file(Value v);
// Writes text (raises ValueError on a closed file, as write() does).
void file_write_text(FileObject* f, std::string_view text);
void file_flush(FileObject* f);
// One line including its '\n' ("" at end of file).
std::string file_readline(FileObject* f);
// io.UnsupportedOperation (OSError and ValueError), which file objects raise.
Type* io_unsupported_operation();

}  // namespace gilvm::builtins_impl
