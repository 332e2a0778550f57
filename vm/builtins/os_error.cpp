// OSError's constructor, attributes and str(), as CPython 3.11's.
//
// Contract
// --------
// * OSError(errno, strerror[, filename[, winerror[, filename2]]]) (two to
//   five arguments) sets `errno`, `strerror`, `filename` and `filename2`;
//   any other argument count leaves them None. When a filename is given,
//   `args` keeps only (errno, strerror).
// * Calling OSError itself (not a subclass) with an int errno makes the
//   subclass CPython maps that errno to (ECONNREFUSED ->
//   ConnectionRefusedError, ...), so OSError(111, 'x') is a
//   ConnectionRefusedError, and natives that raise from a C errno get the
//   right class by calling OSError.
// * BlockingIOError(errno, strerror, n) with a number n records
//   `characters_written` instead of a filename.
// * The fields live in the instance dict (exceptions have one), so scripts
//   may assign them, as CPython's members allow.
// * __init__ does the same parsing for Python subclasses that call
//   super().__init__(...) with other arguments than the constructor got.
#include <cerrno>
#include <cstring>

#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

Value exception_construct(Type* type, const CallArgs& args);

Type* os_error_type_for_errno(int err) {
  switch (err) {
    case EAGAIN:  // == EWOULDBLOCK on Linux
    case EALREADY:
    case EINPROGRESS: return exc().BlockingIOError;
    case ECHILD: return exc().ChildProcessError;
    case EPIPE:
    case ESHUTDOWN: return exc().BrokenPipeError;
    case ECONNABORTED: return exc().ConnectionAbortedError;
    case ECONNREFUSED: return exc().ConnectionRefusedError;
    case ECONNRESET: return exc().ConnectionResetError;
    case EEXIST: return exc().FileExistsError;
    case ENOENT: return exc().FileNotFoundError;
    case EISDIR: return exc().IsADirectoryError;
    case ENOTDIR: return exc().NotADirectoryError;
    case EINTR: return exc().InterruptedError;
    case EACCES:
    case EPERM: return exc().PermissionError;
    case ESRCH: return exc().ProcessLookupError;
    case ETIMEDOUT: return exc().TimeoutError;
    default: return exc().OSError;
  }
}

Value new_os_error(int err, const std::string& message, Value filename, Value filename2) {
  ValueVector args{Value::small_int(err), new_str(message)};
  if (!filename.is_null() || !filename2.is_null()) {
    args.push_back(filename.is_null() ? Value::none() : filename);
    if (!filename2.is_null()) {
      args.push_back(Value::none());  // winerror
      args.push_back(filename2);
    }
  }
  return call_object(exc().OSError, CallArgs{args.data(), args.size()});
}

[[noreturn]] void raise_os_error_errno(int err, Value filename, Value filename2) {
  raise_exception(new_os_error(err, std::strerror(err), filename, filename2));
}

namespace {

// Spreads args over the fields; may replace `args` by its first two items.
void fill_os_error(ExceptionObject* e, const Value* args, size_t count) {
  Object* o = e;
  if (o->attrs == nullptr) o->attrs = new_dict();
  DictTable& d = o->attrs->table;
  Value none = Value::none();
  Value code = none, text = none, filename = none, filename2 = none;
  if (count >= 2 && count <= 5) {
    code = args[0];
    text = args[1];
    if (count >= 3) filename = args[2];
    if (count == 5) filename2 = args[4];
  }
  d.set(intern("errno"), code);
  d.set(intern("strerror"), text);
  d.set(intern("filename"), none);
  d.set(intern("filename2"), none);
  if (filename.is_none()) return;
  if (isinstance(Value(e), exc().BlockingIOError) && is_int_value(filename)) {
    d.set(intern("characters_written"), filename);
    return;
  }
  d.set(intern("filename"), filename);
  if (count == 5) d.set(intern("filename2"), filename2);
  e->args = new_tuple({args[0], args[1]});
}

Value os_error_construct(Type* type, const CallArgs& args) {
  if (type == exc().OSError && args.count >= 2 && args.count <= 5 && is_int_value(args[0])) {
    Value code = args[0];
    int64_t n = 0;
    if (code.is_small_int()) n = code.small_int_value();
    if (n > 0 && n < 4096) type = os_error_type_for_errno(static_cast<int>(n));
  }
  Value e = exception_construct(type, args);
  Root keep(e);
  fill_os_error(e.as<ExceptionObject>(), args.args, args.count);
  return e;
}

Value os_error_init(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], exc().OSError)) raise_type_error("descriptor '__init__' requires a 'OSError' object");
  auto* e = a[0].as<ExceptionObject>();
  e->args = new_tuple(std::vector<Value>(a.args + 1, a.args + a.count));
  fill_os_error(e, a.args + 1, a.count - 1);
  return Value::none();
}

Value field(Value self, const char* name) {
  Object* o = self.object();
  if (o->attrs == nullptr) return Value::none();
  Value v = o->attrs->table.get_str(intern(name));
  return v.is_null() ? Value::none() : v;
}

Value os_error_str(const CallArgs& a) {
  if (a.count != 1 || !isinstance(a[0], exc().OSError)) raise_type_error("descriptor '__str__' requires a 'OSError' object");
  Value self = a[0];
  Value code = field(self, "errno"), text = field(self, "strerror");
  Value filename = field(self, "filename"), filename2 = field(self, "filename2");
  if (!filename.is_none()) {
    std::string out = "[Errno " + str_string(code) + "] " + str_string(text) + ": " + repr_string(filename);
    if (!filename2.is_none()) out += " -> " + repr_string(filename2);
    return new_str(out);
  }
  if (!code.is_none() && !text.is_none()) return new_str("[Errno " + str_string(code) + "] " + str_string(text));
  const auto& items = self.as<ExceptionObject>()->args->items;
  if (items.empty()) return new_str("");
  if (items.size() == 1) return to_str(items[0]);
  return to_str(Value(self.as<ExceptionObject>()->args));
}

}  // namespace

void install_os_error_methods() {
  // Every built-in subclass was made with BaseException's construct.
#define GILVM_EXCEPTION(name, base) \
  if (exc().name->is_subtype_of(exc().OSError)) exc().name->construct = os_error_construct;
#include "vm/exceptions.def"
#undef GILVM_EXCEPTION
  add_method(exc().OSError, "__init__", os_error_init);
  add_method(exc().OSError, "__str__", os_error_str);
}

}  // namespace gilvm
