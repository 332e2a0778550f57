// The bytecode interpreter loop.
//
// `eval_frame` runs frames until its entry frame returns (or, for a
// generator frame, yields). A Python-to-Python call does not recurse here:
// CALL pushes the callee's frame on the thread's data stack and the loop
// continues in it; RETURN_VALUE pops it and resumes the caller. The loop
// recurses in C++ only when native code calls back into Python, or to resume
// a generator.
//
// State: the current frame's instruction index `pc`, its value stack pointer
// `sp` and its locals are kept in locals of this function and written back
// to the frame (SAVE_STATE) before anything that may look at the frame:
// a safepoint (the GC traces frames), a call, a generator resumption.
//
// Exceptions: everything that fails throws a C++ exception (PyException
// with the exception object in the thread state, or NativeError from pure
// helpers). The catch block at the bottom adds a traceback entry for the
// frame, then looks up the frame's exception table: a handler gets the
// stack cut to its depth plus the exception; with none the frame is popped
// and the search continues in the caller, until the entry frame, where the
// exception leaves this function.
//
// Safepoints (eval-breaker checks) are at JUMP_BACKWARD, at function entry
// and after calls return, where CPython 3.11 checks.
#include "vm/interp.hpp"
#include "vm/interp_support.hpp"
#include "vm/native_send.hpp"
#include "vm/exception_group.hpp"

#include <span>
#include <new>

#include "vm/attr_cache.hpp"
#include "vm/builtins/container_ops.hpp"
#include "vm/builtins_core.hpp"
#include "vm/call.hpp"
#include "vm/errors.hpp"
#include "vm/objects/frame_object.hpp"
#include "vm/eval_breaker.hpp"
#include "vm/pattern_match.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/names.hpp"
#include "vm/native.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/generator.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/set.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/text/repr.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

namespace {

// ---------------------------------------------------------------------------
// Helpers for instructions whose work does not belong in the loop body.

// The operands of BINARY_OP's float fast path: at least one inline float and
// the other an inline float or a small int (converted as float(int) would).
// Anything else (boxed floats, subclasses, big ints) takes the generic path.
inline bool inline_float_operands(Value a, Value b, double* x, double* y) {
  if (a.is_inline_float()) {
    *x = a.inline_float_value();
    if (b.is_inline_float()) {
      *y = b.inline_float_value();
      return true;
    }
    if (!b.is_small_int()) return false;
    *y = static_cast<double>(b.small_int_value());
    return true;
  }
  if (!b.is_inline_float() || !a.is_small_int()) return false;
  *x = static_cast<double>(a.small_int_value());
  *y = b.inline_float_value();
  return true;
}

// LOAD_GLOBAL through its cache (see GlobalCache); null on a miss. A globals
// entry that still holds the very name is the binding, whichever dict this
// frame runs with. A built-in is valid while the globals dict keeps the
// version at which it was seen not to define the name: versions are unique
// across dicts, so no other dict or later key set can match.
inline Value load_global_cached(Frame* frame, Str* name, const GlobalCache& cache) {
  const DictTable& globals = frame->globals->table;
  if (cache.globals_entry >= 0) {
    if (static_cast<size_t>(cache.globals_entry) < globals.entry_capacity()) {
      const DictEntry& e = globals.entry_at(cache.globals_entry);
      if (e.key.raw() == Value(name).raw()) return e.value;
    }
    return Value::null();
  }
  if (cache.builtins_entry < 0 || globals.version() != cache.globals_version || frame->builtins == nullptr)
    return Value::null();
  const DictTable& builtins = frame->builtins->table;
  if (static_cast<size_t>(cache.builtins_entry) >= builtins.entry_capacity()) return Value::null();
  const DictEntry& e = builtins.entry_at(cache.builtins_entry);
  return e.key.raw() == Value(name).raw() ? e.value : Value::null();
}

// Nulls value-stack slots that were popped without being overwritten.
inline void clear_slots(Value* from, Value* to) {
  for (Value* p = from; p < to; ++p) *p = Value();
}

// The call layout is (callable, self-or-null, args...). With a self, the
// arguments start one slot earlier; a bound method is unpacked into its
// function and self the same way, so Python methods get a frame directly.
inline Value resolve_callable(Value* func_slot, Value*& args, size_t& count) {
  Value callable = func_slot[0];
  if (func_slot[1].is_null()) {
    if (type_of(callable) != types().bound_method) return callable;
    BoundMethod* m = callable.as<BoundMethod>();
    func_slot[1] = m->self;
    callable = m->function;
  }
  args -= 1;
  count += 1;
  return callable;
}

}  // namespace

bool exception_matches_class(Value exc_value, Value match) {
  auto check = [](Value m) {
    if (!is_exception_class(m))
      raise_type_error("catching classes that do not inherit from BaseException is not allowed");
  };
  if (type_of(match) == types().tuple) {
    for (Value m : match.as<Tuple>()->items) check(m);
    for (Value m : match.as<Tuple>()->items)
      if (isinstance(exc_value, m.as<Type>())) return true;
    return false;
  }
  check(match);
  return isinstance(exc_value, match.as<Type>());
}

// ---------------------------------------------------------------------------
// The loop

Value eval_frame(ThreadState* ts, Frame* entry, Value throw_in) {
  {
    const char* probe = static_cast<const char*>(__builtin_frame_address(0));
    if (ts->c_stack_limit != nullptr && probe < ts->c_stack_limit) {
      ts->current_frame = entry->previous;
      pop_frame(ts, entry);
      raise_error(exc().RecursionError, "maximum recursion depth exceeded");
    }
  }
  Frame* frame = entry;
  Code* code;
  const uint32_t* insns;
  const Value* consts;
  Value* locals;
  Value* stack_base;
  Value* sp;
  uint32_t pc;
  uint32_t insn;

#define LOAD_STATE()                                          \
  do {                                                        \
    code = frame->code;                                       \
    insns = code->insns.data();                               \
    consts = code->consts.data();                             \
    locals = frame->localsplus();                             \
    stack_base = locals + code->nlocalsplus();                \
    sp = stack_base + frame->stack_depth;                     \
    pc = frame->pc;                                           \
  } while (0)
#define SAVE_STATE()                                                    \
  do {                                                                  \
    frame->pc = pc;                                                     \
    frame->stack_depth = static_cast<uint32_t>(sp - stack_base);        \
  } while (0)
// Switches the loop to a freshly pushed callee frame (function entry is a
// safepoint).
#define ENTER_FRAME(callee)            \
  do {                                 \
    (callee)->previous = frame;        \
    frame = (callee);                  \
    ts->current_frame = frame;         \
    LOAD_STATE();                      \
    CHECK_EVAL_BREAKER();              \
    DISPATCH();                        \
  } while (0)
// Runs the Python function `fn` with TOS as its only argument in a frame
// pushed here, as CALL does; its result replaces TOS. (A property getter,
// a with block's __enter__.) The argument goes in its stack slot, never
// through a C++ variable whose address is taken: this function's own
// frame lives as long as the thread runs Python code, and a stale copy of
// the argument there would keep it alive for the conservative stack scan.
#define CALL_WITH_TOS_INLINE(fn)                                                          \
  do {                                                                                   \
    Function* inline_fn = (fn);                                                          \
    Value* arg_slot = sp - 1;                                                            \
    frame->pc = pc;                                                                      \
    frame->stack_depth = static_cast<uint32_t>(arg_slot - stack_base);                   \
    Frame* inline_callee = push_simple_call(ts, inline_fn, arg_slot, 1);                 \
    if (inline_callee == nullptr) {                                                      \
      Value made = prepare_call(ts, inline_fn, CallArgs{arg_slot, 1, nullptr}, &inline_callee); \
      if (inline_callee == nullptr) { /* a generator function: made is the generator */ \
        TOP() = made;                                                                    \
        DISPATCH();                                                                      \
      }                                                                                  \
    }                                                                                    \
    clear_slots(arg_slot, sp); /* the callee has its own copy now */                     \
    ENTER_FRAME(inline_callee);                                                          \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<int64_t>(n)])
#define ARG (insn >> 8)
#define CHECK_EVAL_BREAKER()                                            \
  do {                                                                  \
    if (eval_breaker.load(std::memory_order_relaxed) != 0) {            \
      SAVE_STATE();                                                     \
      handle_eval_breaker(ts);                                          \
    }                                                                   \
  } while (0)

#if defined(__GNUC__)
#define GILVM_COMPUTED_GOTO 1
#endif

#ifdef GILVM_COMPUTED_GOTO
  static const void* const dispatch_table[] = {
#define OPCODE(name, effect, arg, summary) &&op_##name,
#include "vm/opcodes.def"
#undef OPCODE
  };
#define TARGET(name) op_##name:
#define DISPATCH()                               \
  do {                                           \
    insn = insns[pc++];                          \
    goto* dispatch_table[insn & 0xff];           \
  } while (0)
#else
#define TARGET(name) case Op::name:
#define DISPATCH() goto dispatch_top
#endif

  ts->current_frame = frame;
  LOAD_STATE();
  // Entering the loop is a function entry (a call from native code, a
  // generator or coroutine resumed by send): a safepoint, as CPython's
  // RESUME. Without it a tree of coroutines awaiting each other, which
  // never returns from a native call, would never collect.
  bool entering = true;

  for (;;) {
    try {
      if (entering) {
        entering = false;
        CHECK_EVAL_BREAKER();
      }
      if (!throw_in.is_null()) {
        // generator.throw(): raise at the suspension point.
        ts->current_exception = throw_in;
        ts->reraising = false;
        throw_in = Value::null();
        throw PyException{};
      }
#ifdef GILVM_COMPUTED_GOTO
      DISPATCH();
#else
    dispatch_top:
      insn = insns[pc++];
      switch (decode_op(insn)) {
#endif

      TARGET(NOP) { DISPATCH(); }
      TARGET(POP_TOP) {
        // Cleared, not just popped: the collector scans the stack area above
        // the saved depth conservatively, and a leftover would keep a
        // dropped object (an unclosed file, an object with __del__) alive.
        *--sp = Value();
        DISPATCH();
      }
      TARGET(COPY) {
        Value v = PEEK(ARG);
        PUSH(v);
        DISPATCH();
      }
      TARGET(SWAP) {
        Value v = TOP();
        TOP() = PEEK(ARG);
        PEEK(ARG) = v;
        DISPATCH();
      }
      TARGET(PUSH_NULL) {
        PUSH(Value::null());
        DISPATCH();
      }
      TARGET(LOAD_CONST) {
        PUSH(consts[ARG]);
        DISPATCH();
      }
      TARGET(LOAD_FAST) {
        Value v = locals[ARG];
        if (v.is_null()) unbound_local(code, ARG);
        PUSH(v);
        DISPATCH();
      }
      TARGET(STORE_FAST) {
        locals[ARG] = POP();
        DISPATCH();
      }
      // The superinstructions: the second half reads the next instruction
      // and steps over it (pc then points past it, so an UnboundLocalError
      // of the second load is reported at the second instruction).
      TARGET(LOAD_FAST__LOAD_FAST) {
        Value v = locals[ARG];
        if (v.is_null()) unbound_local(code, ARG);
        PUSH(v);
        insn = insns[pc++];
        v = locals[ARG];
        if (v.is_null()) unbound_local(code, ARG);
        PUSH(v);
        DISPATCH();
      }
      TARGET(LOAD_FAST__LOAD_CONST) {
        Value v = locals[ARG];
        if (v.is_null()) unbound_local(code, ARG);
        PUSH(v);
        insn = insns[pc++];
        PUSH(consts[ARG]);
        DISPATCH();
      }
      TARGET(STORE_FAST__STORE_FAST) {
        locals[ARG] = POP();
        insn = insns[pc++];
        locals[ARG] = POP();
        DISPATCH();
      }
      TARGET(STORE_FAST__LOAD_FAST) {
        locals[ARG] = POP();
        insn = insns[pc++];
        Value v = locals[ARG];
        if (v.is_null()) unbound_local(code, ARG);
        PUSH(v);
        DISPATCH();
      }
      TARGET(DELETE_FAST) {
        if (locals[ARG].is_null()) unbound_local(code, ARG);
        locals[ARG] = Value::null();
        DISPATCH();
      }
      TARGET(LOAD_DEREF) {
        Value v = locals[ARG].as<Cell>()->contents;
        if (v.is_null()) unbound_deref(code, ARG);
        PUSH(v);
        DISPATCH();
      }
      TARGET(STORE_DEREF) {
        locals[ARG].as<Cell>()->contents = POP();
        DISPATCH();
      }
      TARGET(DELETE_DEREF) {
        Cell* cell = locals[ARG].as<Cell>();
        if (cell->contents.is_null()) unbound_deref(code, ARG);
        cell->contents = Value::null();
        DISPATCH();
      }
      TARGET(LOAD_CLOSURE) {
        PUSH(locals[ARG]);
        DISPATCH();
      }
      TARGET(LOAD_CLASSDEREF) {
        uint32_t i = ARG - code->nlocals();
        Str* name = i < code->cellvars.size() ? code->cellvars[i] : code->freevars[i - code->cellvars.size()];
        Value v = frame->locals             ? frame->locals->table.get_str(name)
                  : frame->locals_mapping ? mapping_local_or_null(frame, name)
                                          : Value::null();
        if (v.is_null()) {
          v = locals[ARG].as<Cell>()->contents;
          if (v.is_null()) unbound_deref(code, ARG);
        }
        PUSH(v);
        DISPATCH();
      }
      TARGET(LOAD_GLOBAL) {
        Value v = load_global_cached(frame, code->names[ARG], code->global_caches[ARG]);
        PUSH(v.is_null() ? load_global_filling(frame, code->names[ARG], code->global_caches[ARG]) : v);
        DISPATCH();
      }
      TARGET(STORE_GLOBAL) {
        frame->globals->table.set(code->names[ARG], POP());
        DISPATCH();
      }
      TARGET(DELETE_GLOBAL) {
        if (frame->globals->table.remove(code->names[ARG]).is_null()) name_error(code->names[ARG]);
        DISPATCH();
      }
      TARGET(LOAD_NAME) {
        PUSH(load_name(frame, code->names[ARG]));
        DISPATCH();
      }
      TARGET(STORE_NAME) {
        if (frame->locals_mapping != nullptr) {
          store_name(frame, code->names[ARG], POP());
          DISPATCH();
        }
        Dict* target = frame->locals ? frame->locals : frame->globals;
        target->table.set(code->names[ARG], POP());
        DISPATCH();
      }
      TARGET(DELETE_NAME) {
        delete_name(frame, code->names[ARG]);
        DISPATCH();
      }
      TARGET(LOAD_ATTR) {
        Value obj = TOP();
        Str* name = code->names[ARG];
        AttrCache& cache = code->attr_caches[ARG];
        Value value;
        if (load_attr_cached(cache, obj, name, &value)) {
          TOP() = value;
          DISPATCH();
        }
        Value descr = cached_data_descriptor(cache, obj);
        if (!descr.is_null()) {
          SAVE_STATE();
          if (type_of(descr) == types().getset_descriptor) {
            TOP() = descr.as<GetSetDescriptor>()->get(obj);
            DISPATCH();
          }
          // A property whose getter is a Python function runs it in a frame
          // pushed here; its result replaces obj.
          Value getter = descr.as<Property>()->getter;
          if (type_of(getter) == types().function) CALL_WITH_TOS_INLINE(getter.as<Function>());
          TOP() = get_attr(obj, name);  // no getter: the general path raises
          DISPATCH();
        }
        value = fill_attr_cache(cache, obj, name);
        if (!value.is_null()) {
          TOP() = value;
          DISPATCH();
        }
        fill_descriptor_cache(cache, obj, name);
        bool missing;
        value = get_attr_unless_missing(obj, name, &missing);
        if (missing) {
          SAVE_STATE();
          ts->current_exception = missing_attribute_error(obj, name);
          ts->reraising = false;
          goto exception_unwind;
        }
        TOP() = value;
        DISPATCH();
      }
      TARGET(STORE_ATTR) {
        Value obj = POP();
        Value value = POP();
        Str* name = code->names[ARG];
        AttrCache& cache = code->attr_caches[ARG];
        if (store_attr_cached(cache, obj, name, value)) DISPATCH();
        Value descr = cached_data_descriptor(cache, obj);
        if (!descr.is_null()) {
          SAVE_STATE();
          store_through_data_descriptor(descr, obj, name, value);
          DISPATCH();
        }
        store_attr_filling_cache(cache, obj, name, value);
        fill_descriptor_cache(cache, obj, name);
        DISPATCH();
      }
      TARGET(DELETE_ATTR) {
        del_attr(POP(), code->names[ARG]);
        DISPATCH();
      }
      TARGET(LOAD_METHOD) {
        // Pushes (method, self) for a plain method of the type, else
        // (attribute, null); the caches answer both cases when they can.
        Value obj = TOP();
        Str* name = code->names[ARG];
        AttrCache& cache = code->attr_caches[ARG];
        Value method;
        if (load_method_cached(cache, obj, name, &method)) {
          TOP() = method;
          PUSH(obj);
          DISPATCH();
        }
        if (load_attr_cached(cache, obj, name, &method)) {
          TOP() = method;
          PUSH(Value::null());
          DISPATCH();
        }
        uint64_t epoch = type_epoch;
        if (get_method(obj, name, &method)) {
          fill_method_cache(cache, obj, name, method, epoch);
          TOP() = method;
          PUSH(obj);
        } else {
          fill_attr_cache(cache, obj, name);
          TOP() = method;
          PUSH(Value::null());
        }
        DISPATCH();
      }
      TARGET(BINARY_OP) {
        Value b = POP();
        Value a = TOP();
        if (a.is_small_int() && b.is_small_int()) {
          int64_t x = a.small_int_value(), y = b.small_int_value();
          switch (ARG & ~uint32_t(kInplace)) {
            case kAdd:
              TOP() = make_int(x + y);
              DISPATCH();
            case kSub:
              TOP() = make_int(x - y);
              DISPATCH();
            case kMul: {
              int64_t r;
              if (__builtin_mul_overflow(x, y, &r)) break;  // the generic path promotes to a big int
              TOP() = make_int(r);
              DISPATCH();
            }
            case kFloorDiv:
            case kMod: {
              if (y == 0) break;  // the generic path raises ZeroDivisionError
              // Python rounds the quotient toward negative infinity, and the
              // remainder takes the divisor's sign. (63-bit operands: no
              // INT64_MIN / -1 overflow.)
              int64_t q = x / y, m = x % y;
              if (m != 0 && ((m < 0) != (y < 0))) {
                q -= 1;
                m += y;
              }
              TOP() = make_int((ARG & ~uint32_t(kInplace)) == kFloorDiv ? q : m);
              DISPATCH();
            }
            default:
              break;
          }
        } else if (double x, y; inline_float_operands(a, b, &x, &y)) {
          switch (ARG & ~uint32_t(kInplace)) {
            case kAdd:
              TOP() = make_float(x + y);
              DISPATCH();
            case kSub:
              TOP() = make_float(x - y);
              DISPATCH();
            case kMul:
              TOP() = make_float(x * y);
              DISPATCH();
            case kTrueDiv:
              if (y == 0.0) break;  // the generic path raises ZeroDivisionError
              TOP() = make_float(x / y);
              DISPATCH();
            default:
              break;
          }
        }
        // The generic paths may run Python or warn: frame->pc gives their
        // f_lineno (sys._getframe, warnings' location) the current line.
        frame->pc = pc;
        TOP() = binary_op(a, b, ARG);
        DISPATCH();
      }
      TARGET(UNARY_NEGATIVE) {
        TOP() = negate(TOP());
        DISPATCH();
      }
      TARGET(UNARY_POSITIVE) {
        TOP() = positive(TOP());
        DISPATCH();
      }
      TARGET(UNARY_NOT) {
        TOP() = Value::boolean(!is_truthy(TOP()));
        DISPATCH();
      }
      TARGET(UNARY_INVERT) {
        TOP() = invert(TOP());
        DISPATCH();
      }
      TARGET(COMPARE_OP) {
        Value b = POP();
        Value a = TOP();
        if (a.is_small_int() && b.is_small_int()) {
          TOP() = Value::boolean(compare_machine_values(a.small_int_value(), b.small_int_value(), ARG));
          DISPATCH();
        }
        if (a.is_inline_float() && b.is_inline_float()) {
          TOP() = Value::boolean(compare_machine_values(a.inline_float_value(), b.inline_float_value(), ARG));
          DISPATCH();
        }
        frame->pc = pc;  // for the line of a warning or frame lookup (see BINARY_OP)
        TOP() = compare(a, b, ARG);
        DISPATCH();
      }
      TARGET(IS_OP) {
        Value b = POP();
        bool same = TOP().is(b);
        TOP() = Value::boolean(ARG ? !same : same);
        DISPATCH();
      }
      TARGET(CONTAINS_OP) {
        Value container = POP();
        frame->pc = pc;  // see BINARY_OP
        bool in = contains(container, TOP());
        TOP() = Value::boolean(ARG ? !in : in);
        DISPATCH();
      }
      TARGET(BINARY_SUBSCR) {
        Value key = POP();
        Value container = TOP();
        if (const Value* slot = sequence_item_slot(container, key, types().list, types().tuple)) {
          TOP() = *slot;
          DISPATCH();
        }
        TOP() = get_item(container, key);
        DISPATCH();
      }
      TARGET(STORE_SUBSCR) {
        Value key = POP();
        Value container = POP();
        Value value = POP();
        if (Value* slot = list_item_slot(container, key, types().list)) {
          *slot = value;
          DISPATCH();
        }
        set_item(container, key, value);
        DISPATCH();
      }
      TARGET(DELETE_SUBSCR) {
        Value key = POP();
        del_item(POP(), key);
        DISPATCH();
      }
      TARGET(BUILD_SLICE) {
        Value step = ARG == 3 ? POP() : Value::none();
        Value stop = POP();
        TOP() = gc_new<Slice>(types().slice, TOP(), stop, step);
        DISPATCH();
      }
      TARGET(BUILD_TUPLE) {
        uint32_t n = ARG;
        Value t = new_tuple(std::vector<Value>(sp - n, sp));
        sp -= n;
        PUSH(t);
        DISPATCH();
      }
      TARGET(BUILD_LIST) {
        uint32_t n = ARG;
        Value l = new_list(std::vector<Value>(sp - n, sp));
        sp -= n;
        PUSH(l);
        DISPATCH();
      }
      TARGET(BUILD_SET) {
        uint32_t n = ARG;
        Set* s = new_set();
        for (uint32_t i = 0; i < n; ++i) s->table.add(sp[-static_cast<int64_t>(n) + i]);
        sp -= n;
        PUSH(s);
        DISPATCH();
      }
      TARGET(BUILD_MAP) {
        uint32_t n = ARG;
        Dict* d = new_dict();
        Value* base = sp - 2 * n;
        for (uint32_t i = 0; i < n; ++i) d->table.set(base[2 * i], base[2 * i + 1]);
        sp = base;
        PUSH(d);
        DISPATCH();
      }
      TARGET(BUILD_CONST_KEY_MAP) {
        uint32_t n = ARG;
        Tuple* keys = POP().as<Tuple>();
        Dict* d = new_dict();
        Value* base = sp - n;
        for (uint32_t i = 0; i < n; ++i) d->table.set(keys->items[i], base[i]);
        sp = base;
        PUSH(d);
        DISPATCH();
      }
      TARGET(MATCH_PATTERN) {
        uint32_t n = ARG;
        SAVE_STATE();
        Value result = match_pattern(sp[-static_cast<int32_t>(n) - 2], sp[-static_cast<int32_t>(n) - 1], sp - n);
        sp -= n + 1;
        TOP() = result;
        DISPATCH();
      }
      TARGET(BUILD_STRING) {
        uint32_t n = ARG;
        Value joined = concat_strings(sp - n, n);
        sp -= n;
        PUSH(joined);
        DISPATCH();
      }
      TARGET(LIST_APPEND) {
        Value v = POP();
        PEEK(ARG).as<List>()->items.push_back(v);
        DISPATCH();
      }
      TARGET(SET_ADD) {
        Value v = POP();
        PEEK(ARG).as<Set>()->table.add(v);
        DISPATCH();
      }
      TARGET(MAP_ADD) {
        Value value = POP();
        Value key = POP();
        PEEK(ARG).as<Dict>()->table.set(key, value);
        DISPATCH();
      }
      TARGET(LIST_EXTEND) {
        Value iterable = POP();
        List* list = PEEK(ARG).as<List>();
        if (lookup_in_mro(type_of(iterable), names().__iter__).is_null() &&
            lookup_in_mro(type_of(iterable), names().__getitem__).is_null())
          raise_type_error("Value after * must be an iterable, not " + type_name(iterable));
        extend_list(list, iterable);
        DISPATCH();
      }
      TARGET(SET_UPDATE) {
        Value iterable = POP();
        Set* set = PEEK(ARG).as<Set>();
        update_set(set, iterable);
        DISPATCH();
      }
      TARGET(DICT_UPDATE) {
        Value source = POP();
        if (lookup_in_mro(type_of(source), names().keys).is_null())
          raise_type_error("'" + type_name(source) + "' object is not a mapping");
        merge_call_kwargs(PEEK(ARG), source, Value::null());
        DISPATCH();
      }
      TARGET(DICT_MERGE) {
        Value source = POP();
        if (type_of(source) != types().dict && get_attr_or_null(source, names().keys).is_null())
          raise_type_error(callable_display_name(PEEK(ARG + 3)) + " argument after ** must be a mapping, not " +
                           type_name(source));
        merge_call_kwargs(PEEK(ARG), source, PEEK(ARG + 3));
        DISPATCH();
      }
      TARGET(LIST_TO_TUPLE) {
        TOP() = new_tuple(TOP().as<List>()->items);
        DISPATCH();
      }
      TARGET(FORMAT_VALUE) {
        Value spec = (ARG & 4) ? POP() : Value::null();
        frame->pc = pc;  // see BINARY_OP
        TOP() = format_field(TOP(), ARG, spec);
        DISPATCH();
      }
      TARGET(UNPACK_SEQUENCE) {
        Value seq = POP();
        uint32_t n = ARG;
        // A tuple or list of the right length: copied here, without the
        // general path's iterator machinery.
        Type* seq_type = type_of(seq);
        const std::vector<Value>* items = seq_type == types().tuple  ? &seq.as<Tuple>()->items
                                          : seq_type == types().list ? &seq.as<List>()->items
                                                                     : nullptr;
        if (items != nullptr && items->size() == n) {
          const Value* from = items->data();
          for (uint32_t i = 0; i < n; ++i) sp[n - 1 - i] = from[i];
        } else {
          unpack_sequence(seq, n, sp);
        }
        sp += n;
        DISPATCH();
      }
      TARGET(UNPACK_EX) {
        Value seq = POP();
        uint32_t before = ARG & 0xff, after = ARG >> 8;
        unpack_ex(seq, before, after, sp);
        sp += before + after + 1;
        DISPATCH();
      }
      TARGET(JUMP_FORWARD) {
        pc = ARG;
        DISPATCH();
      }
      TARGET(JUMP_BACKWARD) {
        pc = ARG;
        CHECK_EVAL_BREAKER();
        DISPATCH();
      }
      TARGET(JUMP_NO_INTERRUPT) {
        pc = ARG;
        DISPATCH();
      }
      TARGET(POP_JUMP_IF_FALSE) {
        Value v = POP();
        if (v.is_false() || (!v.is_true() && !is_truthy(v))) pc = ARG;
        DISPATCH();
      }
      TARGET(POP_JUMP_IF_TRUE) {
        Value v = POP();
        if (v.is_true() || (!v.is_false() && is_truthy(v))) pc = ARG;
        DISPATCH();
      }
      TARGET(POP_JUMP_IF_NONE) {
        if (POP().is_none()) pc = ARG;
        DISPATCH();
      }
      TARGET(POP_JUMP_IF_NOT_NONE) {
        if (!POP().is_none()) pc = ARG;
        DISPATCH();
      }
      TARGET(JUMP_IF_FALSE_OR_POP) {
        if (!is_truthy(TOP())) pc = ARG;
        else --sp;
        DISPATCH();
      }
      TARGET(JUMP_IF_TRUE_OR_POP) {
        if (is_truthy(TOP())) pc = ARG;
        else --sp;
        DISPATCH();
      }
      TARGET(GET_ITER) {
        TOP() = get_iter(TOP());
        DISPATCH();
      }
      TARGET(FOR_ITER) {
        Value it = TOP();
        Value next;
        // `for a, b in it` over enumerate, zip or dict.items(): the two
        // parts go straight onto the stack, as UNPACK_SEQUENCE 2 would put
        // them, and that instruction is skipped: no 2-tuple per step.
        if (insns[pc] == ((2u << 8) | static_cast<uint32_t>(Op::UNPACK_SEQUENCE)) && it.is_object()) {
          Type* t = it.object()->type;
          int got = -1;
          Value first, second;
          if (t->pair_step != nullptr) {
            SAVE_STATE();
            got = t->pair_step(it.object(), &first, &second);
          } else if (is_seq_iterator(it)) {
            got = seq_iterator_next_pair(static_cast<SeqIterator*>(it.object()), &first, &second);
          }
          if (got == 0) {
            --sp;
            pc = ARG;
            DISPATCH();
          }
          if (got > 0) {
            sp[0] = second;
            sp[1] = first;
            sp += 2;
            ++pc;
            DISPATCH();
          }
        }
        if (is_seq_iterator(it)) {
          auto* seq = static_cast<SeqIterator*>(it.object());
          // Ranges of small ints step inline; everything else goes through the helper.
          if (seq->kind == SeqIterator::Kind::Range && seq->remaining > 0 && Value::fits_small_int(seq->index)) {
            next = Value::small_int(seq->index);
            seq->index += seq->step;
            --seq->remaining;
          } else {
            next = seq_iterator_next(seq);
          }
        } else if (type_of(it) == types().generator) {
          SAVE_STATE();
          GenResult r = generator_send(it.as<Generator>(), Value::none());
          next = r.finished ? Value::null() : r.value;
        } else {
          next = iter_next(it);
        }
        if (next.is_null()) {
          --sp;
          pc = ARG;
        } else {
          PUSH(next);
        }
        DISPATCH();
      }
      TARGET(CALL) {
        uint32_t n = ARG;
        Value* args = sp - n;
        Value* func_slot = args - 2;
        Value callable = func_slot[0];
        size_t count = n;
        callable = resolve_callable(func_slot, args, count);
        if (type_of(callable) == types().function) {
          frame->pc = pc;
          frame->stack_depth = static_cast<uint32_t>(func_slot - stack_base);
          Frame* callee = push_simple_call(ts, callable.as<Function>(), args, count);
          if (callee == nullptr) {
            Value gen = prepare_call(ts, callable.as<Function>(), CallArgs{args, count, nullptr}, &callee);
            if (callee == nullptr) {
              clear_slots(func_slot, sp);
              sp = func_slot;
              PUSH(gen);
              DISPATCH();
            }
          }
          clear_slots(func_slot, sp);  // the callee has its own copies now
          ENTER_FRAME(callee);
        }
        SAVE_STATE();
        Value result = type_of(callable) == types().native_function
                           ? call_native(callable.as<NativeFunction>(), CallArgs{args, count, nullptr})
                           : call_object(callable, CallArgs{args, count, nullptr});
        clear_slots(func_slot, sp);  // the arguments are dead (see POP_TOP)
        sp = func_slot;
        PUSH(result);
        CHECK_EVAL_BREAKER();
        DISPATCH();
      }
      TARGET(CALL_KW) {
        Tuple* kwnames = POP().as<Tuple>();
        uint32_t n = ARG;
        size_t nkw = kwnames->items.size();
        Value* args = sp - n;
        Value* func_slot = args - 2;
        Value callable = func_slot[0];
        size_t count = n - nkw;
        callable = resolve_callable(func_slot, args, count);
        if (type_of(callable) == types().function) {
          frame->pc = pc;
          frame->stack_depth = static_cast<uint32_t>(func_slot - stack_base);
          Frame* callee;
          Value gen = prepare_call(ts, callable.as<Function>(), CallArgs{args, count, kwnames}, &callee);
          if (callee == nullptr) {
            clear_slots(func_slot, sp);
            sp = func_slot;
            PUSH(gen);
            DISPATCH();
          }
          clear_slots(func_slot, sp);  // the callee has its own copies now
          ENTER_FRAME(callee);
        }
        PUSH(kwnames);  // keep the names alive while the callee runs
        SAVE_STATE();
        Value result = call_object(callable, CallArgs{args, count, kwnames});
        clear_slots(func_slot, sp);
        sp = func_slot;
        PUSH(result);
        CHECK_EVAL_BREAKER();
        DISPATCH();
      }
      TARGET(CALL_EX) {
        Value kwargs = (ARG & 1) ? POP() : Value::null();
        Value args_value = POP();
        Value* func_slot = sp - 2;
        if (type_of(args_value) != types().tuple) {
          // A lone `*x`: make the tuple here, with kwargs and x kept on the
          // stack (rooted) while x is iterated.
          if (lookup_in_mro(type_of(args_value), names().__iter__).is_null() &&
              lookup_in_mro(type_of(args_value), names().__getitem__).is_null())
            raise_type_error(callable_display_name(func_slot[0]) + " argument after * must be an iterable, not " +
                             type_name(args_value));
          List* collected = new_list();
          PUSH(args_value);
          PUSH(collected);
          if (!kwargs.is_null()) PUSH(kwargs);
          frame->pc = pc;
          frame->stack_depth = static_cast<uint32_t>(sp - stack_base);
          extend_list(collected, args_value);
          args_value = new_tuple(collected->items);
          sp = func_slot + 2;
        }
        // The collected arguments live in the thread's scratch vector so that
        // no object with a destructor is alive across DISPATCH.
        PUSH(args_value);
        if (!kwargs.is_null()) PUSH(kwargs);
        frame->pc = pc;
        frame->stack_depth = static_cast<uint32_t>(sp - stack_base);
        Frame* callee = nullptr;
        Value result = call_with_collected_args(ts, func_slot[0], func_slot[1], args_value, kwargs, &callee);
        sp = func_slot;
        if (callee != nullptr) {
          frame->stack_depth = static_cast<uint32_t>(func_slot - stack_base);
          ENTER_FRAME(callee);
        }
        PUSH(result);
        CHECK_EVAL_BREAKER();
        DISPATCH();
      }
      TARGET(MAKE_FUNCTION) {
        Value f = make_function_from_stack(frame, sp, ARG);
        PUSH(f);
        DISPATCH();
      }
      TARGET(RETURN_VALUE) {
        Value result = POP();
        Frame* caller = frame->previous;
        bool was_entry = frame->is_entry;
        ts->current_frame = caller;
        pop_frame(ts, frame);
        if (was_entry) return result;
        frame = caller;
        LOAD_STATE();
        PUSH(result);
        CHECK_EVAL_BREAKER();
        DISPATCH();
      }
      TARGET(LOAD_BUILD_CLASS) {
        PUSH(builtin_build_class_value(frame));
        DISPATCH();
      }
      TARGET(SETUP_ANNOTATIONS) {
        if (frame->locals_mapping != nullptr) {
          setup_annotations_in_mapping(frame);
          DISPATCH();
        }
        Dict* target = frame->locals ? frame->locals : frame->globals;
        if (target->table.get_str(names().__annotations__).is_null())
          target->table.set(names().__annotations__, new_dict());
        DISPATCH();
      }
      TARGET(YIELD_VALUE) {
        Value value = POP();
        SAVE_STATE();
        static_cast<Generator*>(frame->generator)->yielded = true;
        // An async generator tells its awaitables (vm/builtins/async_generator.cpp)
        // a value for `async for` (a plain `yield`) from an await passing through.
        static_cast<Generator*>(frame->generator)->yielded_plain = ARG == 0;
        ts->current_frame = frame->previous;
        --ts->recursion_depth;
        return value;
      }
      TARGET(GET_YIELD_FROM_ITER) {
        Value v = TOP();
        Type* t = type_of(v);
        if (t == types().coroutine) {
          if (!(code->flags & (kCodeCoroutine | kCodeAsyncGenerator)))
            raise_type_error("cannot 'yield from' a coroutine object in a non-coroutine generator");
        } else if (t != types().generator) {
          TOP() = get_iter(v);
        }
        DISPATCH();
      }
      TARGET(SEND) {
        Value sent = POP();
        Value sub = TOP();
        Type* t = type_of(sub);
        if (t == types().generator || t == types().coroutine) {
          SAVE_STATE();
          GenResult r = generator_send(sub.as<Generator>(), sent);
          if (r.finished) {
            TOP() = r.value;
            pc = ARG;
          } else {
            PUSH(r.value);
          }
          DISPATCH();
        }
        if (SendStepFn step = send_step_for(t)) {
          SAVE_STATE();
          Value out;
          if (step(sub.object(), sent, &out)) {
            PUSH(out);
          } else {
            TOP() = out;
            pc = ARG;
          }
          DISPATCH();
        }
        SAVE_STATE();
        try {
          Value r = sent.is_none() ? call_method(sub, names().__next__, {}) : call_method(sub, names().send, {sent});
          PUSH(r);
        } catch (PyException&) {
          if (!exception_matches(exc().StopIteration)) throw;
          Value stop = take_current_exception();
          const auto& items = stop.as<ExceptionObject>()->args->items;
          TOP() = items.empty() ? Value::none() : items[0];
          pc = ARG;
        }
        DISPATCH();
      }
      TARGET(GET_AWAITABLE) {
        Value v = TOP();
        if (type_of(v) != types().coroutine) {
          Value await = lookup_in_mro(type_of(v), names().__await__);
          if (await.is_null())
            raise_type_error("object " + type_name(v) + " can't be used in 'await' expression");
          TOP() = call_method(v, names().__await__, {});
        }
        DISPATCH();
      }
      TARGET(GET_AITER) {
        if (lookup_in_mro(type_of(TOP()), names().__aiter__).is_null())
          raise_type_error("'async for' requires an object with __aiter__ method, got " + type_name(TOP()));
        TOP() = call_method(TOP(), names().__aiter__, {});
        DISPATCH();
      }
      TARGET(GET_ANEXT) {
        Value awaitable = call_method(TOP(), names().__anext__, {});
        if (type_of(awaitable) != types().coroutine) awaitable = call_method(awaitable, names().__await__, {});
        PUSH(awaitable);
        DISPATCH();
      }
      TARGET(END_ASYNC_FOR) {
        Value e = POP();
        if (!isinstance(e, exc().StopAsyncIteration)) {
          ts->current_exception = e;
          ts->reraising = true;
          throw PyException{};
        }
        --sp;  // the async iterator
        DISPATCH();
      }
      TARGET(BEFORE_ASYNC_WITH) {
        Value mgr = POP();
        Value exit = get_attr(mgr, names().__aexit__);
        PUSH(exit);
        PUSH(Value::null());  // the layout BEFORE_WITH leaves
        PUSH(call_method(mgr, names().__aenter__, {}));
        DISPATCH();
      }
      TARGET(RAISE_VARARGS) {
        Value cause = ARG == 2 ? POP() : Value::null();
        Value exception = ARG >= 1 ? POP() : Value::null();
        SAVE_STATE();
        prepare_raise(ts, exception, cause);
        goto exception_unwind;
      }
      TARGET(PUSH_EXC_INFO) {
        Value e = POP();
        PUSH(ts->handled_exception.is_null() ? Value::none() : ts->handled_exception);
        PUSH(e);
        ts->handled_exception = e;
        if (frame->generator != nullptr) ++static_cast<Generator*>(frame->generator)->except_depth;
        DISPATCH();
      }
      TARGET(POP_EXCEPT) {
        Value previous = POP();
        ts->handled_exception = previous.is_none() ? Value::null() : previous;
        if (frame->generator != nullptr) --static_cast<Generator*>(frame->generator)->except_depth;
        DISPATCH();
      }
      TARGET(CHECK_EXC_MATCH) {
        Value match = POP();
        bool matched = exception_matches_class(TOP(), match);
        PUSH(Value::boolean(matched));
        DISPATCH();
      }
      TARGET(RERAISE) {
        ts->current_exception = POP();
        ts->reraising = true;
        goto exception_unwind;
      }
      TARGET(PREP_STAR) {
        TOP() = star_prepare(TOP());
        DISPATCH();
      }
      TARGET(MATCH_STAR) {
        Value match_type = POP();
        SAVE_STATE();  // splitting may call derive() and conditions in Python
        Value match = star_match(TOP(), match_type);
        if (match.is_null()) {
          pc = ARG;
        } else {
          // The clause body handles the matching part: sys.exc_info() and a
          // bare `raise` see it.
          ts->handled_exception = match;
          PUSH(match);
        }
        DISPATCH();
      }
      TARGET(STAR_RECORD) {
        Value raised = POP();
        star_record(TOP(), raised);
        DISPATCH();
      }
      TARGET(STAR_FINISH) {
        Value state = POP();
        SAVE_STATE();
        bool same = false;
        Value out = star_finish(state, &same);
        if (!out.is_null()) {
          ts->current_exception = out;
          // What was raised before keeps its traceback as it is (as RERAISE);
          // only a group made here gets this frame as its first entry.
          ts->reraising = same || !out.as<ExceptionObject>()->traceback.is_null();
          goto exception_unwind;
        }
        DISPATCH();
      }
      TARGET(EXC_CLEANUP) {
        Value e = POP();
        Value previous = POP();
        ts->handled_exception = previous.is_none() ? Value::null() : previous;
        if (frame->generator != nullptr) --static_cast<Generator*>(frame->generator)->except_depth;
        ts->current_exception = e;
        ts->reraising = true;
        throw PyException{};
      }
      TARGET(BEFORE_WITH) {
        Value mgr = TOP();
        Type* t = type_of(mgr);
        Value enter = lookup_in_mro(t, names().__enter__);
        Value exit = lookup_in_mro(t, names().__exit__);
        if (enter.is_null() || exit.is_null())
          raise_type_error("'" + t->name + "' object does not support the context manager protocol");
        // __exit__ stays on the stack as LOAD_METHOD leaves a method, with
        // mgr as its self, and __enter__ is called as CALL calls one: a
        // Python function in a frame pushed here, a native method with mgr
        // as its first argument. So neither makes a bound method (a `with`
        // over a lock is a hot path). __enter__'s result lands above them.
        if (type_of(exit) == types().function || is_plain_native_method(exit)) {
          TOP() = exit;
          PUSH(mgr);
        } else {
          TOP() = bind_descriptor(exit, mgr, t);
          PUSH(Value::null());
        }
        // mgr again, as __enter__'s argument, in the slot its result takes
        // (see CALL_WITH_TOS_INLINE for why not through a C++ variable).
        PUSH(mgr);
        if (type_of(enter) == types().function) CALL_WITH_TOS_INLINE(enter.as<Function>());
        SAVE_STATE();
        Value result = is_plain_native_method(enter)
                           ? call_native(enter.as<NativeFunction>(), CallArgs{sp - 1, 1, nullptr})
                           : call_object(bind_descriptor(enter, mgr, t), CallArgs{nullptr, 0});
        TOP() = result;
        DISPATCH();
      }
      TARGET(WITH_EXCEPT_START) {
        // Stack: __exit__, self or null, the previous exception, this one.
        Value e = TOP();
        Value exit = PEEK(4);
        Value self = PEEK(3);
        Value tb = e.as<ExceptionObject>()->traceback;
        Value args[4] = {self, type_of(e), e, tb.is_null() ? Value::none() : tb};
        SAVE_STATE();
        Value result = self.is_null() ? call_object(exit, CallArgs{args + 1, 3}) : call_object(exit, CallArgs{args, 4});
        PUSH(result);
        DISPATCH();
      }
      TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(exc().AssertionError);
        DISPATCH();
      }
      TARGET(IMPORT_NAME) {
        Value fromlist = POP();
        Value level = POP();
        SAVE_STATE();
        // A module body's names are its globals; a function has no locals dict.
        Dict* import_locals = frame->locals;
        if (import_locals == nullptr && (code->flags & kCodeUsesLocalsDict)) import_locals = frame->globals;
        PUSH(import_name(code->names[ARG], frame->globals, import_locals, fromlist, level.small_int_value()));
        DISPATCH();
      }
      TARGET(IMPORT_FROM) {
        Value v = import_from(TOP(), code->names[ARG]);
        PUSH(v);
        DISPATCH();
      }
      TARGET(IMPORT_STAR) {
        Value module = POP();
        if (frame->locals_mapping != nullptr) import_star_into_mapping(frame, module);
        else import_star(module, frame->locals ? frame->locals : frame->globals);
        DISPATCH();
      }
      TARGET(PRINT_EXPR) {
        Value v = POP();
        SAVE_STATE();
        print_expression_result(v);
        DISPATCH();
      }

#ifndef GILVM_COMPUTED_GOTO
        default:
          raise_error(exc().SystemError, "unknown opcode");
      }
#endif
    } catch (PyException&) {
    } catch (const NativeError& e) {
      set_exception_from_native(e);
    } catch (const std::bad_alloc&) {
      ts->current_exception = memory_error_from_bad_alloc();
      ts->reraising = false;
    }

    // Unwind: find a handler in this frame or an outer one of this loop.
    // `raise` and re-raises jump here without a C++ throw.
  exception_unwind:
    frame->pc = pc;
    for (;;) {
      Value exception = ts->current_exception;
      if (!ts->reraising) {
        add_traceback(exception, frame);
        chain_context(ts, exception);
      }
      ts->reraising = false;
      uint32_t at = frame->pc == 0 ? 0 : frame->pc - 1;
      // A terminating thread runs no handler (vm/eval_breaker.hpp).
      const ExceptionEntry* handler = find_handler(frame->code, at);
      if (handler != nullptr && !ts->terminating.load(std::memory_order_relaxed)) {
        keep_memory_reserve();  // after a MemoryError: memory is likely back now
        frame->stack_depth = handler->depth;
        frame->pc = handler->target;
        LOAD_STATE();
        PUSH(exception);
        ts->current_exception = Value::null();
        break;
      }
      Frame* caller = frame->previous;
      bool was_entry = frame->is_entry;
      ts->current_frame = caller;
      pop_frame(ts, frame);
      if (was_entry) throw PyException{};
      frame = caller;
      pc = frame->pc;
    }
  }
}

// ---------------------------------------------------------------------------
// Entry points

Value suspended_delegate(Frame* frame) {
  const uint32_t* insns = frame->code->insns.data();
  uint32_t yield_at = frame->pc - 1;
  bool delegating = decode_op(insns[yield_at]) == Op::YIELD_VALUE && decode_arg(insns[yield_at]) == 1;
  if (!delegating) return Value::null();
  return frame->localsplus()[frame->code->nlocalsplus() + frame->stack_depth - 1];
}

// Throws `exception` into a suspended generator frame. A frame suspended
// inside `yield from`/`await` passes it to the sub-iterator first, as
// CPython does; if that finishes, the delegating expression completes.
// GeneratorExit closes the sub-iterator (calling a non-generator's close()
// if it has one) and is then raised here.
Value resume_with_exception(ThreadState* ts, Frame* frame, Value exception, const CallArgs* raw_throw) {
  const uint32_t* insns = frame->code->insns.data();
  Value sub = suspended_delegate(frame);
  if (!sub.is_null()) {
    Value* top = frame->localsplus() + frame->code->nlocalsplus() + frame->stack_depth - 1;
    bool is_exit = raw_throw == nullptr && isinstance(exception, exc().GeneratorExit);
    // The delegate returned: `yield from` evaluates to `value`.
    auto complete = [&](Value value) {
      uint32_t send_at = decode_arg(insns[frame->pc]);
      *top = value;
      frame->pc = decode_arg(insns[send_at]);
      return eval_frame(ts, frame, Value::null());
    };
    // The delegate yielded: so does this frame, staying where it is.
    auto suspend = [&](Value value) {
      static_cast<Generator*>(frame->generator)->yielded = true;
      static_cast<Generator*>(frame->generator)->yielded_plain = false;  // the delegate's suspension
      ts->current_frame = frame->previous;
      --ts->recursion_depth;
      return value;
    };
    try {
      if (is_generator_like(sub)) {
        if (is_exit) {
          generator_close(sub.as<Generator>());
        } else {
          GenResult r = raw_throw ? generator_throw_args(sub.as<Generator>(), *raw_throw)
                                  : generator_throw(sub.as<Generator>(), exception);
          if (!r.finished) return suspend(r.value);
          return complete(r.value);
        }
      } else if (is_exit) {
        Value closer = get_attr_or_null(sub, names().close);
        if (!closer.is_null()) call_object(closer, CallArgs{nullptr, 0});
      } else {
        Value thrower = get_attr_or_null(sub, names().throw_);
        if (!thrower.is_null()) {
          Value r;
          try {
            r = call_object(thrower, raw_throw ? *raw_throw : CallArgs{&exception, 1});
          } catch (PyException&) {
            if (!exception_matches(exc().StopIteration)) throw;
            Value stop = take_current_exception();
            const auto& items = stop.as<ExceptionObject>()->args->items;
            return complete(items.empty() ? Value::none() : items[0]);
          }
          return suspend(r);
        }
      }
      if (raw_throw) exception = exception_from_throw_args(*raw_throw, 0);
    } catch (PyException&) {
      exception = take_current_exception();
    }
  }
  return eval_frame(ts, frame, exception);
}

Value call_function(Function* function, const CallArgs& args) {
  ThreadState* ts = current_thread_state();
  Frame* frame;
  Value gen = prepare_call(ts, function, args, &frame);
  if (frame == nullptr) return gen;
  frame->previous = ts->current_frame;
  frame->is_entry = true;
  return eval_frame(ts, frame);
}

// Runs `code` in a new entry frame whose names live in `locals` or, when
// `mapping` is set, in that mapping (any mapping: exec's locals, the
// namespace a metaclass's __prepare__ made).
static Value run_in_entry_frame(Code* code, Dict* globals, Dict* locals, Object* mapping, Function* function) {
  ThreadState* ts = current_thread_state();
  Frame* frame = push_code_frame(ts, code, globals, locals, function);
  frame->locals_mapping = mapping;
  frame->previous = ts->current_frame;
  frame->is_entry = true;
  return eval_frame(ts, frame);
}

// exec() and the module loader run code whose globals may lack __builtins__.
static void give_builtins(Dict* globals) {
  if (globals->table.get_str(names().__builtins__).is_null() && builtins_dict() != nullptr)
    globals->table.set(names().__builtins__, builtins_dict());
}

Value run_code(Code* code, Dict* globals, Dict* locals) {
  ThreadState* ts = current_thread_state();
  give_builtins(globals);
  if (code->flags & kCodeCoroutine) {
    // Module code compiled with kCompileAllowTopLevelAwait that awaits: the
    // result is a coroutine running it in these namespaces, as CPython's.
    Function* body = new_function(code, globals);
    Frame* unused = nullptr;
    Value coroutine = prepare_call(ts, body, CallArgs{nullptr, 0}, &unused);
    coroutine.as<Generator>()->frame->locals = locals;
    return coroutine;
  }
  return run_in_entry_frame(code, globals, locals, nullptr, nullptr);
}

Value run_code_in_mapping(Code* code, Dict* globals, Value locals) {
  give_builtins(globals);
  return run_in_entry_frame(code, globals, nullptr, locals.object(), nullptr);
}

Value run_class_body_in_mapping(Function* body, Value namespace_mapping) {
  return run_in_entry_frame(body->code, body->globals, nullptr, namespace_mapping.object(), body);
}

Value run_class_body(Function* body, Dict* namespace_dict) {
  return run_in_entry_frame(body->code, body->globals, namespace_dict, nullptr, body);
}

}  // namespace gilvm
