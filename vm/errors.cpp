#include "vm/errors.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>

#include "vm/heap/heap.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"
#include "vm/types.hpp"

namespace gilvm {

void ExceptionObject::trace(Tracer& t) {
  t.visit(args);
  t.visit(traceback);
  t.visit(cause);
  t.visit(context);
}

void Traceback::trace(Tracer& t) {
  t.visit(next);
  t.visit(code);
  t.visit(globals);
  t.visit(locals);
  t.visit(frame);
}

ExceptionTypes g_exception_types{};

Type* exception_type_for(ErrorKind kind) {
  ExceptionTypes& e = exc();
  switch (kind) {
    case ErrorKind::TypeError: return e.TypeError;
    case ErrorKind::ValueError: return e.ValueError;
    case ErrorKind::ZeroDivisionError: return e.ZeroDivisionError;
    case ErrorKind::OverflowError: return e.OverflowError;
    case ErrorKind::IndexError: return e.IndexError;
    case ErrorKind::KeyError: return e.KeyError;
    case ErrorKind::AttributeError: return e.AttributeError;
    case ErrorKind::NameError: return e.NameError;
    case ErrorKind::RuntimeError: return e.RuntimeError;
    case ErrorKind::RecursionError: return e.RecursionError;
    case ErrorKind::MemoryError: return e.MemoryError;
    case ErrorKind::NotImplementedError: return e.NotImplementedError;
    case ErrorKind::StopIteration: return e.StopIteration;
    case ErrorKind::UnicodeError: return e.UnicodeError;
    case ErrorKind::UnicodeDecodeError: return e.UnicodeDecodeError;
    case ErrorKind::UnicodeEncodeError: return e.UnicodeEncodeError;
    case ErrorKind::AssertionError: return e.AssertionError;
    case ErrorKind::LookupError: return e.LookupError;
    case ErrorKind::OSError: return e.OSError;
    case ErrorKind::FileNotFoundError: return e.FileNotFoundError;
    case ErrorKind::EOFError: return e.EOFError;
    case ErrorKind::ImportError: return e.ImportError;
    case ErrorKind::ModuleNotFoundError: return e.ModuleNotFoundError;
    case ErrorKind::SystemError: return e.SystemError;
  }
  return e.SystemError;
}

Value new_exception_args(Type* type, Tuple* args) {
  // Built-in exception classes and their user subclasses share one layout.
  Value instance = call_object(type, CallArgs{args->items.data(), args->items.size()});
  return instance;
}

Value new_exception(Type* type, const std::string& message) {
  if (message.empty()) return call_object(type, CallArgs{nullptr, 0});
  Value text = new_str(message);
  return call_object(type, CallArgs{&text, 1});
}

bool is_exception_instance(Value v) { return isinstance(v, exc().BaseException); }

bool is_exception_class(Value v) {
  return v.is_object() && v.object()->type->is_subtype_of(types().type) &&
         v.as<Type>()->is_subtype_of(exc().BaseException);
}

void raise_exception(Value exception) {
  ThreadState* ts = current_thread_state();
  if (is_exception_class(exception)) exception = call_object(exception, CallArgs{nullptr, 0});
  if (!is_exception_instance(exception)) {
    Value error = new_exception(exc().TypeError, "exceptions must derive from BaseException");
    exception = error;
  }
  ts->current_exception = exception;
  ts->reraising = false;
  throw PyException{};
}

void raise_error(Type* type, const std::string& message) { raise_exception(new_exception(type, message)); }
void raise_type_error(const std::string& message) { raise_error(exc().TypeError, message); }
void raise_value_error(const std::string& message) { raise_error(exc().ValueError, message); }
void raise_index_error(const std::string& message) { raise_error(exc().IndexError, message); }
void raise_attribute_error(const std::string& message) { raise_error(exc().AttributeError, message); }
void raise_overflow_error(const std::string& message) { raise_error(exc().OverflowError, message); }
void raise_zero_division(const std::string& message) { raise_error(exc().ZeroDivisionError, message); }
void raise_runtime_error(const std::string& message) { raise_error(exc().RuntimeError, message); }

void raise_key_error(Value key) {
  Value instance = call_object(exc().KeyError, CallArgs{&key, 1});
  raise_exception(instance);
}

void raise_stop_iteration(Value value) {
  Value instance = value.is_null() ? call_object(exc().StopIteration, CallArgs{nullptr, 0})
                                   : call_object(exc().StopIteration, CallArgs{&value, 1});
  raise_exception(instance);
}

void set_exception_from_native(const NativeError& error) {
  ThreadState* ts = current_thread_state();
  ts->current_exception = new_exception(exception_type_for(error.kind), error.what());
  ts->reraising = false;
}

bool exception_matches(Type* type) {
  ThreadState* ts = current_thread_state();
  return !ts->current_exception.is_null() && isinstance(ts->current_exception, type);
}

namespace {
bool c_stack_low(const ThreadState* ts) {
  const char* probe = static_cast<const char*>(__builtin_frame_address(0));
  return ts->c_stack_limit != nullptr && probe < ts->c_stack_limit;
}
}  // namespace

NativeRecursion::NativeRecursion(const char* where) : ts_(current_thread_state()) {
  if (ts_->recursion_depth >= recursion_limit() || c_stack_low(ts_))
    raise_error(exc().RecursionError, std::string("maximum recursion depth exceeded") + where);
  ++ts_->recursion_depth;
}

NativeRecursion::~NativeRecursion() { --ts_->recursion_depth; }

void check_allocation_size(double bytes) {
  static const double physical_memory = [] {
    long pages = sysconf(_SC_PHYS_PAGES);
    long page_size = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && page_size > 0 ? static_cast<double>(pages) * static_cast<double>(page_size) : 1e12;
  }();
  if (bytes > physical_memory) raise_error(exc().MemoryError, "");
}

namespace {
constexpr size_t kMemoryReserveBytes = 4u << 20;
std::atomic<void*> memory_reserve{nullptr};
}  // namespace

Value memory_error_from_bad_alloc() {
  std::free(memory_reserve.exchange(nullptr));
  // Garbage may be what fills memory, and the collector's budget since its
  // last run can be huge: count a full budget so the next safepoint collects.
  heap().note_allocation(heap().threshold() + 1);
  return new_exception(exc().MemoryError, "");
}

void keep_memory_reserve() {
  if (memory_reserve.load(std::memory_order_relaxed) != nullptr) return;
  void* block = std::malloc(kMemoryReserveBytes);
  if (block == nullptr) return;  // still short of memory: try at the next handler
  void* expected = nullptr;
  if (!memory_reserve.compare_exchange_strong(expected, block)) std::free(block);
}

void check_c_stack() {
  if (c_stack_low(current_thread_state())) raise_error(exc().RecursionError, "maximum recursion depth exceeded");
}

Value take_current_exception() {
  ThreadState* ts = current_thread_state();
  Value e = ts->current_exception;
  ts->current_exception = Value::null();
  return e;
}

}  // namespace gilvm
