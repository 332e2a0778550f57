// frame and traceback objects as Python sees them: CPython's f_* and tb_*
// attributes (the snapshot model is explained in vm/objects/frame_object.hpp).
#include <cstdint>
#include <cstdio>

#include "vm/builtins/install.hpp"
#include "vm/errors.hpp"
#include "vm/frame.hpp"
#include "vm/heap/heap.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/frame_object.hpp"
#include "vm/objects/function.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

void FrameSnapshot::trace(Tracer& t) {
  t.visit(code);
  t.visit(globals);
  t.visit(locals);
  t.visit(back);
}

Value frame_names_dict(Frame* frame) {
  if (frame->locals != nullptr) return Value(frame->locals);
  if (frame->locals_mapping != nullptr) return Value(frame->locals_mapping);
  if (frame->function == nullptr) return Value(frame->globals);  // module code runs in its globals
  return Value::null();
}

Value new_frame_snapshot(Value code, Value globals, Value locals, int64_t lineno, Value back) {
  auto* s = gc_new<FrameSnapshot>(types().frame);
  s->code = code;
  s->globals = globals;
  s->locals = locals;
  s->lineno = lineno;
  s->back = back;
  return s;
}

Value snapshot_single_frame(Frame* frame) {
  return new_frame_snapshot(frame->code, frame->globals, frame_names_dict(frame), frame->current_line(),
                            Value::none());
}

// Snapshots from the outermost frame inwards, so that no recursion follows
// a deep stack.
Value snapshot_frame_chain(Frame* frame) {
  if (frame == nullptr) return Value::none();
  ValueVector chain;
  for (Frame* f = frame; f != nullptr; f = f->previous) chain.push_back(snapshot_single_frame(f));
  Value back = Value::none();
  for (size_t i = chain.size(); i-- > 0;) {
    chain[i].as<FrameSnapshot>()->back = back;
    back = chain[i];
  }
  return back;
}

namespace {

std::string address_of(Value v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v.raw()));
  return buf;
}

FrameSnapshot* as_frame(Value v) {
  if (!isinstance(v, types().frame))
    raise_type_error("descriptor requires a 'frame' object but received a '" + type_name(v) + "'");
  return v.as<FrameSnapshot>();
}

Value frame_repr(const CallArgs& a) {
  FrameSnapshot* f = as_frame(a[0]);
  Code* c = f->code.as<Code>();
  return new_str("<frame at " + address_of(a[0]) + ", file " + repr_string(c->filename) + ", line " +
                 std::to_string(f->lineno) + ", code " + c->name->data + ">");
}

Value frame_code(Value self) { return as_frame(self)->code; }
Value frame_lineno(Value self) { return make_int(as_frame(self)->lineno); }
Value frame_globals(Value self) { return as_frame(self)->globals; }
Value frame_locals(Value self) {
  FrameSnapshot* f = as_frame(self);
  return f->locals.is_null() ? Value(new_dict()) : f->locals;
}
Value frame_back(Value self) { return as_frame(self)->back; }
// Snapshots do not run: no tracing hook, and f_lasti is not kept.
Value frame_trace(Value self) {
  as_frame(self);
  return Value::none();
}
Value frame_clear(const CallArgs& a) {
  as_frame(a[0]);
  return Value::none();
}

Traceback* as_traceback(Value v) {
  if (type_of(v) != types().traceback)
    raise_type_error("descriptor requires a 'traceback' object but received a '" + type_name(v) + "'");
  return v.as<Traceback>();
}

Value tb_next(Value self) {
  Traceback* next = as_traceback(self)->next;
  return next == nullptr ? Value::none() : Value(next);
}

// As CPython: a traceback or None, and no chain that comes back to itself.
void set_tb_next(Value self, Value value) {
  Traceback* tb = as_traceback(self);
  if (value.is_null()) raise_type_error("can't delete tb_next attribute");
  if (value.is_none()) {
    tb->next = nullptr;
    return;
  }
  if (type_of(value) != types().traceback)
    raise_type_error("expected traceback object, got '" + type_name(value) + "'");
  for (Traceback* t = value.as<Traceback>(); t != nullptr; t = t->next)
    if (t == tb) raise_value_error("traceback loop detected");
  tb->next = value.as<Traceback>();
}

Value tb_lineno(Value self) { return Value::small_int(as_traceback(self)->line); }
// CPython counts bytes of 2-byte code units; gilvm's instructions are
// numbered, so this is twice the instruction index (a position, not an
// offset into any co_code).
Value tb_lasti(Value self) { return Value::small_int(2 * static_cast<int64_t>(as_traceback(self)->pc)); }

// The frame of a traceback entry, made when first asked for and kept, so
// that tb.tb_frame is tb.tb_frame. Its f_back is None: the callers were not
// recorded when the entry was made.
Value tb_frame(Value self) {
  Traceback* tb = as_traceback(self);
  if (tb->frame.is_null())
    tb->frame = new_frame_snapshot(tb->code, tb->globals.is_null() ? Value(new_dict()) : tb->globals, tb->locals,
                                   tb->line, Value::none());
  return tb->frame;
}

// types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno), as CPython
// 3.11 allows, for code that builds tracebacks by hand.
Value traceback_construct(Type*, const CallArgs& a) {
  ArgParser p(a, "TracebackType", {"tb_next", "tb_frame", "tb_lasti", "tb_lineno"}, 4, false);
  Value next = p.get(0);
  if (!next.is_none() && type_of(next) != types().traceback)
    raise_type_error("expected traceback object or None, got '" + type_name(next) + "'");
  Value frame = p.get(1);
  if (!isinstance(frame, types().frame))
    raise_type_error("TracebackType() argument 'tb_frame' must be frame, not " + type_name(frame));
  int64_t lasti = index_value(p.get(2));
  int64_t lineno = index_value(p.get(3));
  if (lasti < 0 || lasti / 2 > UINT32_MAX || lineno < INT32_MIN || lineno > INT32_MAX)
    raise_overflow_error("Python int too large to convert to C int");
  FrameSnapshot* f = frame.as<FrameSnapshot>();
  auto* tb = gc_new<Traceback>(types().traceback, next.is_none() ? nullptr : next.as<Traceback>(),
                               f->code.as<Code>(), static_cast<int>(lineno), static_cast<uint32_t>(lasti / 2));
  tb->globals = f->globals;
  tb->locals = f->locals;
  tb->frame = frame;
  return tb;
}

Value traceback_repr(const CallArgs& a) {
  as_traceback(a[0]);
  return new_str("<traceback object at " + address_of(a[0]) + ">");
}

}  // namespace

void install_frame_methods() {
  Type* f = types().frame;
  add_method(f, "__repr__", frame_repr);
  add_method(f, "clear", frame_clear);
  add_getset(f, "f_code", frame_code);
  add_getset(f, "f_lineno", frame_lineno);
  add_getset(f, "f_globals", frame_globals);
  add_getset(f, "f_locals", frame_locals);
  add_getset(f, "f_back", frame_back);
  add_getset(f, "f_trace", frame_trace);

  Type* t = types().traceback;
  t->construct = traceback_construct;
  add_method(t, "__repr__", traceback_repr);
  add_getset(t, "tb_next", tb_next, set_tb_next);
  add_getset(t, "tb_lineno", tb_lineno);
  add_getset(t, "tb_lasti", tb_lasti);
  add_getset(t, "tb_frame", tb_frame);
}

}  // namespace gilvm
