#include "vm/import.hpp"

#include <unistd.h>

#include <fstream>
#include <map>
#include <unordered_map>
#include <sstream>
#include <sys/stat.h>

#include "vm/compiler/compiler.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/interp.hpp"
#include "vm/names.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

std::map<std::string, ModuleInit>& builtin_modules() {
  static auto* m = new std::map<std::string, ModuleInit>();
  return *m;
}

struct ImportState {
  Dict* modules = nullptr;
  Value path;
};

ImportState& state() {
  static ImportState* s = [] {
    auto* st = new ImportState();
    st->modules = new_dict();
    st->path = new_list();
    heap().add_root_source([st](Tracer& t) {
      t.visit(st->modules);
      t.visit(st->path);
    });
    return st;
  }();
  return *s;
}

void (*display_hook)(Value) = nullptr;
void (*import_wait_hook)() = nullptr;

// The modules whose code is running, and who runs it; the threads waiting
// for one, and which. Both change only under the GIL. The process id marks
// entries a fork child inherited from threads it does not have.
struct Initializing {
  ThreadState* thread;
  pid_t pid;
};
std::unordered_map<Object*, Initializing>& initializing() {
  static auto* m = new std::unordered_map<Object*, Initializing>();
  return *m;
}
std::unordered_map<ThreadState*, Object*>& waiting_for() {
  static auto* m = new std::unordered_map<ThreadState*, Object*>();
  return *m;
}

// Marks `module` as initialising in this thread for the guard's life.
class InitializingGuard {
 public:
  explicit InitializingGuard(Object* module) : module_(module) {
    initializing()[module] = {current_thread_state(), getpid()};
  }
  ~InitializingGuard() { initializing().erase(module_); }
  InitializingGuard(const InitializingGuard&) = delete;
  InitializingGuard& operator=(const InitializingGuard&) = delete;

 private:
  Object* module_;
};

// The thread initialising `module` in this process, or null.
ThreadState* initializer_of(Object* module) {
  auto it = initializing().find(module);
  if (it == initializing().end() || it->second.pid != getpid()) return nullptr;
  return it->second.thread;
}

// True when waiting for `module` would close a cycle of threads waiting
// for each other's modules.
bool would_deadlock(ThreadState* self, Object* module) {
  ThreadState* owner = initializer_of(module);
  for (size_t steps = 0; owner != nullptr && steps < 1000; ++steps) {
    if (owner == self) return true;
    auto it = waiting_for().find(owner);
    if (it == waiting_for().end()) return false;
    owner = initializer_of(it->second);
  }
  return false;
}

// Waits while another thread initialises `module` (see import.hpp).
void wait_for_initialization(Object* module) {
  ThreadState* self = current_thread_state();
  ThreadState* owner = initializer_of(module);
  if (owner == nullptr || owner == self || import_wait_hook == nullptr || would_deadlock(self, module)) return;
  waiting_for()[self] = module;
  struct Done {
    ThreadState* self;
    ~Done() { waiting_for().erase(self); }
  } done{self};
  while (initializer_of(module) != nullptr) import_wait_hook();
}
ArchiveReader archive_reader = nullptr;
ArchiveLoader archive_loader = nullptr;

bool read_file(const std::string& path, std::string* out) {
  struct stat info;
  if (stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

Value load_source_module(const std::string& name, const std::string& path, const std::string& source,
                         bool is_package, Value loader = Value::null()) {
  Module* module = new_module(name);
  Root keep(module);
  DictTable& d = module->dict()->table;
  d.set(names().__file__, new_str(path));
  if (!loader.is_null()) d.set(intern("__loader__"), loader);
  // __package__ anchors relative imports: the package itself for an
  // __init__.py, the parent package for a submodule.
  if (is_package) {
    d.set(names().__package__, new_str(name));
    d.set(names().__path__, new_list({new_str(path.substr(0, path.rfind('/')))}));
  } else {
    size_t dot = name.rfind('.');
    d.set(names().__package__, new_str(dot == std::string::npos ? std::string() : name.substr(0, dot)));
  }
  InitializingGuard guard(module);
  state().modules->table.set(new_str(name), module);
  try {
    Code* code = compile_source(source, path, ParseMode::Exec);
    Root keep_code(code);
    run_code(code, module->dict(), nullptr);
  } catch (...) {
    state().modules->table.remove(new_str(name));
    throw;
  }
  // The module may have replaced itself in sys.modules.
  Value final_module = state().modules->table.get(new_str(name));
  return final_module.is_null() ? Value(module) : final_module;
}

// A ModuleNotFoundError whose `name` attribute is the module's name.
[[noreturn]] void raise_module_not_found(const std::string& message, const std::string& name) {
  Value error = new_exception(exc().ModuleNotFoundError, message);
  Dict* attrs = error.object()->attrs ? error.object()->attrs : (error.object()->attrs = new_dict());
  attrs->table.set(names().__name__, new_str(name));
  attrs->table.set(intern("name"), new_str(name));
  raise_exception(error);
}

// A sys.path entry's prefix ("" or "dir/") made absolute against the
// current folder; an absolute one is returned as it is.
std::string absolute_entry(const std::string& prefix) {
  if (!prefix.empty() && prefix[0] == '/') return prefix;
  char buffer[4096];
  if (getcwd(buffer, sizeof buffer) == nullptr) return prefix;
  std::string cwd = buffer;
  if (cwd != "/") cwd += "/";
  return prefix.starts_with("./") ? cwd + prefix.substr(2) : cwd + prefix;
}

Value find_and_load(const std::string& name) {
  Value cached = state().modules->table.get(new_str(name));
  // `sys.modules[name] = None` blocks the import, as in CPython.
  if (!cached.is_null() && cached.is_none())
    raise_module_not_found("import of " + name + " halted; None in sys.modules", name);
  if (!cached.is_null()) {
    if (!cached.is_object() || initializer_of(cached.object()) == nullptr) return cached;
    Root keep_cached(cached);
    wait_for_initialization(cached.object());
    // The other thread's import may have failed and taken it out again.
    Value now = state().modules->table.get(new_str(name));
    if (now.is(cached) || initializer_of(cached.object()) != nullptr) return cached;
    return find_and_load(name);
  }
  auto builtin = builtin_modules().find(name);
  if (builtin != builtin_modules().end()) {
    Module* module = new_module(name);
    module->builtin = true;
    Root keep(module);
    InitializingGuard guard(module);
    state().modules->table.set(new_str(name), module);
    builtin->second(module);
    return module;
  }
  // A .py file (or package/__init__.py) along sys.path.
  std::string relative = name;
  for (char& c : relative)
    if (c == '.') c = '/';
  Value path_list = state().path;
  if (type_of(path_list) == types().list) {
    ValueVector entries = path_list.as<List>()->items;
    for (Value entry : entries) {
      if (type_of(entry) != types().str) continue;
      std::string dir = entry.as<Str>()->data;
      std::string prefix = dir.empty() ? "" : dir + "/";
      std::string source;
      // A module found through a relative entry ('' is the current folder)
      // gets an absolute __file__, as CPython's FileFinder gives it.
      if (read_file(prefix + relative + ".py", &source))
        return load_source_module(name, absolute_entry(prefix) + relative + ".py", source, false);
      if (read_file(prefix + relative + "/__init__.py", &source))
        return load_source_module(name, absolute_entry(prefix) + relative + "/__init__.py", source, true);
      // A zip archive on sys.path: a package before a module, as zipimport.
      // The loader is the one CPython finds along the parent package's
      // __path__ ("app.zip/pkg" for pkg.mod).
      size_t parent_end = relative.rfind('/');
      std::string loader_entry = parent_end == std::string::npos ? dir : prefix + relative.substr(0, parent_end);
      if (read_from_path_archive(dir, relative + "/__init__.py", &source))
        return load_source_module(name, prefix + relative + "/__init__.py", source, true,
                                  path_archive_loader(loader_entry));
      if (read_from_path_archive(dir, relative + ".py", &source))
        return load_source_module(name, prefix + relative + ".py", source, false, path_archive_loader(loader_entry));
    }
  }
  raise_module_not_found("No module named '" + name + "'", name);
}

}  // namespace

void register_builtin_module(const char* name, ModuleInit init) { builtin_modules()[name] = init; }
Dict* module_table() { return state().modules; }
Value module_search_path() { return state().path; }
void set_module_search_path(Value list) { state().path = list; }
void set_display_hook(void (*hook)(Value)) { display_hook = hook; }
void set_import_wait_hook(void (*wait_a_moment)()) { import_wait_hook = wait_a_moment; }
void set_archive_reader(ArchiveReader reader, ArchiveLoader loader) {
  archive_reader = reader;
  archive_loader = loader;
}

bool read_from_path_archive(const std::string& entry, const std::string& member, std::string* text) {
  return archive_reader != nullptr && archive_reader(entry, member, text);
}

Value path_archive_loader(const std::string& entry) {
  return archive_loader == nullptr ? Value::null() : archive_loader(entry);
}

Value import_module(Str* name, Dict* globals, Value fromlist, int64_t level) {
  std::string full = name->data;
  if (level > 0) {
    Value package = globals->table.get_str(names().__package__);
    std::string base;
    if (!package.is_null() && type_of(package) == types().str) {
      base = package.as<Str>()->data;
    } else {
      Value mod_name = globals->table.get_str(names().__name__);
      base = type_of(mod_name) == types().str ? mod_name.as<Str>()->data : "";
      if (globals->table.get_str(names().__path__).is_null()) {
        size_t dot = base.rfind('.');
        base = dot == std::string::npos ? "" : base.substr(0, dot);
      }
    }
    for (int64_t i = 1; i < level; ++i) {
      size_t dot = base.rfind('.');
      if (dot == std::string::npos) raise_error(exc().ImportError, "attempted relative import beyond top-level package");
      base = base.substr(0, dot);
    }
    if (base.empty()) raise_error(exc().ImportError, "attempted relative import with no known parent package");
    full = full.empty() ? base : base + "." + full;
  }
  // Import every parent package first: `import a.b.c` loads a, a.b, a.b.c.
  Value top;
  Value last;
  size_t start = 0;
  while (true) {
    size_t dot = full.find('.', start);
    std::string prefix = full.substr(0, dot);
    Value parent = last;
    last = find_and_load(prefix);
    if (!parent.is_null() && type_of(parent) == types().module && parent.object()->attrs != nullptr) {
      Str* child = intern(prefix.substr(prefix.rfind('.') + 1));
      if (parent.object()->attrs->table.get_str(child).is_null()) parent.object()->attrs->table.set(child, last);
    }
    if (top.is_null()) top = last;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  bool has_fromlist = !fromlist.is_none() && type_of(fromlist) == types().tuple && !fromlist.as<Tuple>()->items.empty();
  return has_fromlist || level > 0 ? last : top;
}

Value import_from(Value module, Str* name) {
  Value v = get_attr_or_null(module, name);
  if (!v.is_null()) return v;
  // A submodule not yet imported.
  Value mod_name = get_attr_or_null(module, names().__name__);
  if (!mod_name.is_null() && type_of(mod_name) == types().str) {
    std::string full = mod_name.as<Str>()->data + "." + name->data;
    Value cached = state().modules->table.get(new_str(full));
    if (!cached.is_null()) return cached;
    // `from package import submodule` imports the submodule, as CPython's
    // _handle_fromlist does; only a missing module is an ImportError here.
    if (!get_attr_or_null(module, names().__path__).is_null()) {
      try {
        import_module(intern(full), nullptr, new_tuple({name}), 0);
        cached = state().modules->table.get(new_str(full));
        if (!cached.is_null()) return cached;
      } catch (PyException&) {
        if (!exception_matches(exc().ModuleNotFoundError)) throw;
        take_current_exception();
      }
    }
    std::string where;
    Value file = get_attr_or_null(module, names().__file__);
    if (!file.is_null() && type_of(file) == types().str) where = " (" + file.as<Str>()->data + ")";
    else where = " (unknown location)";
    raise_error(exc().ImportError,
                "cannot import name '" + name->data + "' from '" + mod_name.as<Str>()->data + "'" + where);
  }
  raise_error(exc().ImportError, "cannot import name '" + name->data + "' from '<unknown module name>' (unknown location)");
}

namespace {

// all[i] as PySequence_GetItem does, or null past the end (IndexError).
Value sequence_item_or_null(Value all, int64_t i) {
  try {
    return get_item(all, Value::small_int(i));
  } catch (PyException&) {
    if (!exception_matches(exc().IndexError)) throw;
    take_current_exception();
    return Value::null();
  }
}

[[noreturn]] void raise_star_name_not_str(Value module, Value name, bool from_dict) {
  Value module_name = get_attr(module, names().__name__);
  if (type_of(module_name) != types().str)
    raise_type_error("module __name__ must be a string, not " + type_name(module_name));
  raise_type_error(std::string(from_dict ? "Key" : "Item") + " in " + module_name.as<Str>()->data + "." +
                   (from_dict ? "__dict__" : "__all__") + " must be str, not " + type_name(name));
}

}  // namespace

// `from m import *` for any object m (sys.modules may hold non-modules):
// the names in m.__all__, else the public keys of m.__dict__, as CPython.
void import_star(Value module, Dict* target) {
  Value all = get_attr_or_null(module, names().__all__);
  bool from_dict = all.is_null();
  if (from_dict) {
    Value dict = get_attr_or_null(module, names().__dict__);
    if (dict.is_null()) raise_error(exc().ImportError, "from-import-* object has no __dict__ and no __all__");
    all = new_list(collect_iterable(call_method(dict, "keys", {})));
  }
  Root keep(all);
  for (int64_t i = 0;; ++i) {
    Value name = sequence_item_or_null(all, i);
    if (name.is_null()) return;
    if (type_of(name) != types().str) raise_star_name_not_str(module, name, from_dict);
    if (from_dict && name.as<Str>()->data.starts_with('_')) continue;
    target->table.set(name, get_attr(module, name.as<Str>()));
  }
}

void print_expression_result(Value value) {
  if (display_hook != nullptr) {
    display_hook(value);  // sys.displayhook decides what None shows
    return;
  }
  if (value.is_none()) return;
  std::string text = repr_string(value) + "\n";
  fwrite(text.data(), 1, text.size(), stdout);
}

}  // namespace gilvm
