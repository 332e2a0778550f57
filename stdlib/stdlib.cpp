#include "stdlib/stdlib.hpp"

#include "stdlib/atexit_module.hpp"
#include "stdlib/builtins_module.hpp"
#include "stdlib/frozen.hpp"
#include "vm/builtins_core.hpp"
#include "vm/call.hpp"
#include "vm/import.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/str.hpp"

namespace gilvm {

namespace {

// `import builtins` gives the very dict that name lookups fall back to, as
// in CPython: assigning builtins.x makes x visible everywhere.
void init_builtins_module(Module* module) { module->attrs = builtins_dict(); }

}  // namespace

void register_cmath_module();  // stdlib/cmath_module.cpp

void initialize_stdlib(const StdlibOptions& options) {
  Dict* builtins = install_core_builtins();
  install_builtin_functions(builtins);
  register_builtin_module("builtins", init_builtins_module);
  register_sys_module(options);
  register_time_module();
  register_random_module();
  register_math_module();
  register_cmath_module();
  register_os_module();
  register_thread_module();
  register_gil_module();
  register_gc_module();
  register_weakref_module();
  register_copy_module();
  register_re_module();
  register_struct_module();
  register_binascii_module();
  register_zlib_module();
  register_array_module();
  register_hashlib_module();
  register_blake2_module();
  register_codecs_module();
  register_unicodedata_module();
  register_json_module();
  register_io_module();
  register_itertools_module();
  register_operator_module();
  register_heapq_module();
  register_bisect_module();
  register_collections_module();
  register_signal_module();
  register_atexit_module();
  register_pickle_module();
  register_asyncio_loop_module();
  register_asyncio_module();
  register_multiprocessing_module();
  register_posixsubprocess_module();
  register_contextvars_module();
  register_socket_module();
  register_select_module();
  register_ssl_module();
  register_opcode_module();
  register_faulthandler_module();
  register_frozen_modules();
  install_zip_import();
  // Import sys eagerly: print() and the traceback printer use its streams.
  import_module(intern("sys"), builtins, Value::none(), 0);
}

}  // namespace gilvm
