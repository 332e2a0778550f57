// libFuzzer target: pickle.loads on arbitrary bytes. Any Python exception
// (UnpicklingError, EOFError, ValueError, ...) is a fine outcome; a crash, a
// sanitizer report, a hang or a C++ exception other than PyException is a bug.
//
// The first byte chooses how the pickle is read: from memory (the loads
// path) or through an io.BytesIO (the file path, with its frames and
// readline calls); the rest is the pickle. find_class admits only a few
// harmless globals, since a pickle may call whatever it can name (REDUCE):
// classes and constructors that cannot loop, do I/O or allocate without
// bound.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "runtime/runtime.hpp"
#include "stdlib/pickle/pickle.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/call.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/interp.hpp"
#include "vm/native_error.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"
#include "vm/types.hpp"

namespace {

using namespace gilvm;

constexpr size_t kMaxInputBytes = 4096;

constexpr const char* kAllowed[][2] = {
    {"builtins", "set"},        {"builtins", "frozenset"},  {"builtins", "slice"},
    {"builtins", "object"},     {"builtins", "ValueError"}, {"builtins", "KeyError"},
    {"__builtin__", "set"},     {"exceptions", "ValueError"}, {"copyreg", "_reconstructor"},
    {"copyreg", "__newobj__"},  {"copy_reg", "_reconstructor"}, {"_codecs", "encode"},
    {"builtins", "getattr"},
};

Value bytes_io;       // io.BytesIO
Value safe_finder;    // the native find_class below

Value safe_find_class(const CallArgs& a) {
  check_arg_count(a, "find_class", 2, 2);
  if (isinstance(a[0], types().str) && isinstance(a[1], types().str)) {
    for (const auto& pair : kAllowed)
      if (a[0].as<Str>()->data == pair[0] && a[1].as<Str>()->data == pair[1])
        return pickle::default_find_class(a[0], a[1], 2, true);
  }
  raise_error(pickle::pickle_types().unpickling_error, "global refused by the fuzz harness");
}

void initialize() {
  auto* ts = new ThreadState();
  register_thread_state(ts);
  set_current_thread_state(ts);
  note_c_stack_base(ts, 8u << 20);
  bootstrap_vm();
  initialize_runtime(ts);
  StdlibOptions options;
  options.argv.push_back("fuzz");
  initialize_stdlib(options);
  set_recursion_limit(200);
  heap().add_root_source([](Tracer& t) {
    t.visit(bytes_io);
    t.visit(safe_finder);
  });
  pickle::import_by_name(intern("_pickle"));  // makes the exception types
  bytes_io = get_attr(pickle::import_by_name(intern("io")), "BytesIO");
  Dict* holder = new_dict();
  safe_finder = add_function(holder, "find_class", safe_find_class);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  initialize();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > kMaxInputBytes) return -1;
  bool from_file = (data[0] & 1) != 0;
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  pickle::DecodeOptions options;
  options.find_class = safe_finder;
  try {
    if (from_file) {
      Value file = call(bytes_io, {Value(new_bytes(std::string(body)))});
      pickle::decode_file(file, options);
    } else {
      size_t pos = 0;
      pickle::decode_buffer(body, &pos, options);
    }
  } catch (const PyException&) {
    take_current_exception();
  } catch (const NativeError&) {
    // A pure helper's error, which the interpreter would have turned into
    // a Python exception.
  }
  return 0;
}
