#include "repl/runner.hpp"

#include <unistd.h>

#include <fstream>
#include <new>
#include <sstream>

#include "stdlib/atexit_module.hpp"
#include "stdlib/builtins_module.hpp"
#include "vm/builtins_core.hpp"
#include "vm/call.hpp"
#include "vm/compiler/compiler.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/interp.hpp"
#include "vm/names.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

void write_stderr(const std::string& text) {
  flush_std_streams();
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(2, text.data() + done, text.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
}

bool disassemble_on_run = false;
bool keyboard_interrupt_reported = false;

}  // namespace

// As CPython at exit: if threading was imported, wait for its non-daemon
// threads (threading._shutdown). A KeyboardInterrupt there ends the wait.
void join_non_daemon_threads() {
  Value threading = module_table()->table.get_str(intern("threading"));
  if (threading.is_null()) return;
  try {
    Value shutdown = get_attr_or_null(threading, intern("_shutdown"));
    if (!shutdown.is_null()) call_object(shutdown, CallArgs{nullptr, 0});
  } catch (PyException&) {
    report_uncaught(take_current_exception());
  }
}

void set_disassemble_on_run(bool on) { disassemble_on_run = on; }

bool find_module_source(const std::string& module, std::string* source, std::string* filename) {
  std::string relative = module;
  for (char& c : relative)
    if (c == '.') c = '/';
  Value path = module_search_path();
  if (type_of(path) != types().list) return false;
  for (Value entry : path.as<List>()->items) {
    if (type_of(entry) != types().str) continue;
    std::string dir = entry.as<Str>()->data;
    std::string prefix = dir.empty() ? "" : dir + "/";
    for (const std::string& candidate : {prefix + relative + ".py", prefix + relative + "/__main__.py"}) {
      std::ifstream in(candidate, std::ios::binary);
      if (!in) continue;
      std::ostringstream buffer;
      buffer << in.rdbuf();
      *source = buffer.str();
      *filename = candidate;
      return true;
    }
  }
  return false;
}

int report_uncaught(Value exception) {
  if (isinstance(exception, exc().SystemExit)) {
    auto* e = exception.as<ExceptionObject>();
    Value code = e->args->items.empty() ? Value::none()
                 : e->args->items.size() == 1 ? e->args->items[0]
                                              : Value(e->args);
    if (code.is_none()) return 0;
    int64_t n;
    if (is_int_value(code) && int_to_int64(code, &n)) return static_cast<int>(n & 0xff);
    write_stderr(str_string(code) + "\n");
    return 1;
  }
  if (isinstance(exception, exc().KeyboardInterrupt)) keyboard_interrupt_reported = true;
  write_stderr(format_exception(exception));
  return 1;
}

bool interrupted_by_keyboard() { return keyboard_interrupt_reported; }

int run_main_source(const std::string& source, const std::string& filename) {
  Module* main_module = new_module("__main__");
  Root keep(main_module);
  module_table()->table.set(intern("__main__"), main_module);
  DictTable& d = main_module->dict()->table;
  d.set(names().__builtins__, builtins_dict());
  if (filename != "<string>" && filename != "<stdin>") d.set(names().__file__, new_str(filename));
  int status = 0;
  try {
    Code* code = compile_source(source, filename, ParseMode::Exec);
    Root keep_code(code);
    if (disassemble_on_run) write_stderr(disassemble(code));
    run_code(code, main_module->dict(), nullptr);
  } catch (PyException&) {
    status = report_uncaught(take_current_exception());
  } catch (const std::bad_alloc&) {  // out of memory while compiling
    status = report_uncaught(memory_error_from_bad_alloc());
  }
  join_non_daemon_threads();
  run_atexit_callbacks();
  // As CPython tearing down its modules: objects still alive get their
  // __del__ now.
  heap().finalize_all_at_exit();
  flush_std_streams();
  return status;
}

}  // namespace gilvm
