// Start-up of the standard library: the built-in functions and the
// built-in modules (sys, ...). The runner and embedding hosts call
// `initialize_stdlib` once, before running any code.
#pragma once

#include <string>
#include <vector>

namespace gilvm {

struct StdlibOptions {
  std::vector<std::string> argv;   // sys.argv
  std::string path0;               // sys.path[0]: the script's folder, or ""
  std::string executable;          // sys.executable
};

void initialize_stdlib(const StdlibOptions& options);

// Registers the sys module (stdlib/sys_module.cpp).
void register_sys_module(const StdlibOptions& options);
void register_time_module();    // stdlib/time_module.cpp
void register_random_module();  // stdlib/random/random_module.cpp
void register_math_module();    // stdlib/math_module.cpp
void register_os_module();      // stdlib/os_module.cpp
void register_thread_module();  // stdlib/thread_module.cpp (_thread)
void register_gil_module();     // stdlib/gil_module.cpp
void register_gc_module();      // stdlib/gc_module.cpp
void register_weakref_module(); // stdlib/weakref_module.cpp (_weakref)
void register_copy_module();    // stdlib/copy_module.cpp (_copy, under copy.py)
void register_re_module();      // stdlib/re/re_module.cpp (_re, under re.py)
void register_struct_module();  // stdlib/struct_module.cpp (struct, _struct)
void register_binascii_module();  // stdlib/binascii_module.cpp
void register_zlib_module();      // stdlib/zlib_module.cpp (on the system's zlib)
void register_array_module();   // stdlib/array/array_module.cpp
void register_hashlib_module(); // stdlib/hashlib/hashlib_module.cpp (_hashlib, under hashlib.py)
void register_unicodedata_module();  // stdlib/unicodedata_module.cpp
void register_blake2_module();
void register_codecs_module();  // stdlib/codecs_module.cpp (_codecs, under codecs.py)  // stdlib/hashlib/blake2_module.cpp (_blake2)
void register_json_module();    // stdlib/json/json_module.cpp (_json)
void register_io_module();      // stdlib/io_module.cpp (_io)
void register_itertools_module();   // stdlib/itertools/ (itertools)
void register_operator_module();    // stdlib/operator_module.cpp (operator)
void register_heapq_module();       // stdlib/heapq_module.cpp (_heapq, under heapq.py)
void register_bisect_module();      // stdlib/bisect_module.cpp (bisect)
void register_collections_module(); // stdlib/collections/ (_collections: deque)
void register_signal_module();  // stdlib/signal_module.cpp (_signal, under signal.py)
void register_pickle_module();  // stdlib/pickle/pickle_module.cpp (_pickle, under pickle.py)
void register_asyncio_module();       // stdlib/asyncio/future.cpp (_asyncio: Future, Task)
void register_asyncio_loop_module();  // stdlib/asyncio_loop_module.cpp (_asyncio_loop, under asyncio)
void register_multiprocessing_module();  // stdlib/multiprocessing/ (_multiprocessing)
void register_contextvars_module();  // stdlib/contextvars_module.cpp
void register_posixsubprocess_module();  // stdlib/subprocess/ (_posixsubprocess, under subprocess.py)
void register_socket_module();  // stdlib/socket/ (_socket, under socket.py)
void register_select_module();  // stdlib/select/select_module.cpp (select)
void install_zip_import();      // stdlib/zipimport/ (zip archives on sys.path)
void register_ssl_module();     // stdlib/ssl/ (_ssl, under ssl.py; OpenSSL)
void register_opcode_module();  // stdlib/opcode_module.cpp (_opcode, under opcode.py and dis.py)
void register_faulthandler_module();  // stdlib/faulthandler/ (faulthandler)
// -X faulthandler, -X dev, PYTHONFAULTHANDLER: faulthandler.enable() at start-up.
void enable_faulthandler_at_startup();

}  // namespace gilvm
