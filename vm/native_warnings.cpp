#include "vm/native_warnings.hpp"

#include <atomic>

#include "vm/import.hpp"
#include "vm/objects/function.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

std::atomic<int> the_bytes_warning_level{0};

}  // namespace

void warn_from_native(const char* category, const std::string& message) {
  Value builtins = import_module(intern("builtins"), nullptr, Value::none(), 0);
  Value warning_class = get_attr(builtins, category);
  Value warnings = import_module(intern("warnings"), nullptr, Value::none(), 0);
  Value warn = get_attr(warnings, "warn");
  // stacklevel 1: warn() looks one frame up from itself, which is the
  // Python frame that called this native.
  Value args[] = {new_str(message), warning_class};
  call_object(warn, CallArgs{args, 2});
}

void set_bytes_warning_level(int level) { the_bytes_warning_level.store(level, std::memory_order_relaxed); }

int bytes_warning_level() { return the_bytes_warning_level.load(std::memory_order_relaxed); }

}  // namespace gilvm
