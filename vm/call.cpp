#include "vm/call.hpp"

#include <cstdlib>
#include <cstring>
#include <string>

#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/generator.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

Dict* the_builtins = nullptr;

std::string quoted_list(const std::vector<std::string>& names) {
  // 'a'  |  'a' and 'b'  |  'a', 'b', and 'c'
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

[[noreturn]] void missing_arguments(Function* f, const std::vector<std::string>& names, const char* kind) {
  raise_type_error(f->qualname->data + "() missing " + std::to_string(names.size()) + " required " + kind +
                   " argument" + (names.size() == 1 ? "" : "s") + ": " + quoted_list(names));
}

[[noreturn]] void too_many_positional(Function* f, size_t given) {
  Code* code = f->code;
  size_t defaults = f->defaults ? f->defaults->items.size() : 0;
  std::string takes;
  if (defaults > 0)
    takes = "from " + std::to_string(code->argcount - defaults) + " to " + std::to_string(code->argcount) +
            " positional arguments";
  else
    takes = std::to_string(code->argcount) + " positional argument" + (code->argcount == 1 ? "" : "s");
  raise_type_error(f->qualname->data + "() takes " + takes + " but " + std::to_string(given) +
                   (given == 1 ? " was" : " were") + " given");
}

// Binds call arguments to the frame's parameter slots, as CPython does.
void bind_arguments(Function* f, Value* slots, const CallArgs& args) {
  Code* code = f->code;
  const size_t argcount = code->argcount;
  const size_t kwonly = code->kwonlyargcount;
  const bool has_varargs = code->flags & kCodeVarargs;
  const bool has_varkw = code->flags & kCodeVarkeywords;
  const size_t varargs_slot = argcount + kwonly;
  const size_t varkw_slot = varargs_slot + (has_varargs ? 1 : 0);

  size_t given = args.count;
  // The common case: exactly the positional parameters, nothing else.
  if (given == argcount && args.kwnames == nullptr && kwonly == 0 && !has_varargs && !has_varkw) {
    for (size_t i = 0; i < given; ++i) slots[i] = args.args[i];
    return;
  }
  size_t direct = given < argcount ? given : argcount;
  for (size_t i = 0; i < direct; ++i) slots[i] = args.args[i];
  if (given > argcount) {
    if (!has_varargs) too_many_positional(f, given);
    slots[varargs_slot] = new_tuple(std::vector<Value>(args.args + argcount, args.args + given));
  } else if (has_varargs) {
    slots[varargs_slot] = empty_tuple();
  }
  Dict* varkw = nullptr;
  if (has_varkw) {
    varkw = new_dict();
    slots[varkw_slot] = varkw;
  }
  for (size_t k = 0; k < args.kw_count(); ++k) {
    Value name = args.kwnames->items[k];
    Str* key = name.as<Str>();
    size_t index = SIZE_MAX;
    for (size_t i = code->posonlyargcount; i < argcount + kwonly; ++i) {
      if (code->varnames[i] == key || code->varnames[i]->data == key->data) {
        index = i;
        break;
      }
    }
    if (index == SIZE_MAX) {
      if (varkw != nullptr) {
        varkw->table.set(name, args.kw_value(k));
        continue;
      }
      for (size_t i = 0; i < code->posonlyargcount; ++i)
        if (code->varnames[i]->data == key->data)
          raise_type_error(f->qualname->data +
                           "() got some positional-only arguments passed as keyword arguments: '" + key->data + "'");
      raise_type_error(f->qualname->data + "() got an unexpected keyword argument '" + key->data + "'");
    }
    if (!slots[index].is_null())
      raise_type_error(f->qualname->data + "() got multiple values for argument '" + key->data + "'");
    slots[index] = args.kw_value(k);
  }
  if (given < argcount) {
    size_t ndefaults = f->defaults ? f->defaults->items.size() : 0;
    size_t first_default = argcount - ndefaults;
    std::vector<std::string> missing;
    for (size_t i = given; i < argcount; ++i) {
      if (!slots[i].is_null()) continue;
      if (i >= first_default) slots[i] = f->defaults->items[i - first_default];
      else missing.push_back(code->varnames[i]->data);
    }
    if (!missing.empty()) missing_arguments(f, missing, "positional");
  }
  if (kwonly > 0) {
    std::vector<std::string> missing;
    for (size_t i = argcount; i < argcount + kwonly; ++i) {
      if (!slots[i].is_null()) continue;
      Value d = f->kwdefaults ? f->kwdefaults->table.get_str(code->varnames[i]) : Value::null();
      if (d.is_null()) missing.push_back(code->varnames[i]->data);
      else slots[i] = d;
    }
    if (!missing.empty()) missing_arguments(f, missing, "keyword-only");
  }
}


void init_frame(Frame* frame, Code* code, Function* function, Dict* globals, Dict* locals) {
  init_frame_header(frame, code, function, globals, locals);
  std::memset(static_cast<void*>(frame->localsplus()), 0, code->nlocalsplus() * sizeof(Value));
}

void setup_cells(Frame* frame, Function* function) {
  Code* code = frame->code;
  Value* slots = frame->localsplus();
  uint32_t nlocals = code->nlocals();
  for (size_t i = 0; i < code->cellvars.size(); ++i) {
    int32_t arg = code->cell_to_arg[i];
    slots[nlocals + i] = new_cell(arg >= 0 ? slots[arg] : Value::null());
  }
  size_t first_free = nlocals + code->cellvars.size();
  for (size_t j = 0; j < code->freevars.size(); ++j) slots[first_free + j] = function->closure->items[j];
}

}  // namespace

Dict* builtins_dict() { return the_builtins; }
void set_builtins_dict(Dict* builtins) { the_builtins = builtins; }

// The largest generator (object and frame) kept in one size-class slot.
constexpr size_t kLargestInlineGenerator = 2048;

Value prepare_call(ThreadState* ts, Function* function, const CallArgs& args, Frame** frame_out) {
  Code* code = function->code;
  size_t slots = Frame::slots_needed(code);
  *frame_out = nullptr;
  if (code->flags & (kCodeGenerator | kCodeCoroutine | kCodeAsyncGenerator)) {
    Type* type = (code->flags & kCodeCoroutine)        ? types().coroutine
                 : (code->flags & kCodeAsyncGenerator) ? types().async_generator
                                                       : types().generator;
    // One heap slot for the object and its frame when they fit a size-class
    // page (see Generator); the frame is initialized before anything else
    // can allocate, because tracing the generator traces it.
    size_t frame_bytes = slots * sizeof(Value);
    size_t together = sizeof(Generator) + frame_bytes;
    Generator* gen;
    Frame* frame;
    if (together <= kLargestInlineGenerator) {
      gen = heap().make_sized<Generator>(together, type, nullptr, function->name, function->qualname);
      frame = reinterpret_cast<Frame*>(reinterpret_cast<char*>(gen) + sizeof(Generator));
      gen->frame_inline = true;
    } else {
      frame = static_cast<Frame*>(std::malloc(frame_bytes));
      if (frame == nullptr) raise_error(exc().MemoryError, "");
      init_frame(frame, code, function, function->globals, nullptr);
      try {
        gen = gc_new<Generator>(type, frame, function->name, function->qualname);
      } catch (...) {
        std::free(frame);
        throw;
      }
      heap().note_allocation(frame_bytes);  // malloc'd beside the object: it counts toward the budget
    }
    init_frame(frame, code, function, function->globals, nullptr);
    frame->on_data_stack = false;
    frame->generator = gen;
    gen->frame = frame;
    try {
      bind_arguments(function, frame->localsplus(), args);
      setup_cells(frame, function);
    } catch (...) {
      gen->finished = true;  // never runs; its frame need not be traced
      throw;
    }
    // Registered so that it can warn "never awaited" if collected unstarted
    // (vm/objects/generator_finalize.cpp explains why this stays cheap).
    if (type == types().coroutine) heap().register_finalizer(gen);
    return gen;
  }
  if (args.kwnames == nullptr) {
    if (Frame* simple = push_simple_call(ts, function, args.args, args.count)) {
      *frame_out = simple;
      return Value::null();
    }
  }
  if (ts->recursion_depth >= recursion_limit())
    raise_error(exc().RecursionError, "maximum recursion depth exceeded");
  Value* memory = ts->data_stack.push(slots);
  if (memory == nullptr) raise_error(exc().MemoryError, "");
  auto* frame = reinterpret_cast<Frame*>(memory);
  init_frame(frame, code, function, function->globals, nullptr);
  // Link the frame before binding, so that a GC run by a __hash__ or
  // __eq__ during keyword binding sees its partly bound slots.
  try {
    bind_arguments(function, frame->localsplus(), args);
    setup_cells(frame, function);
  } catch (...) {
    ts->data_stack.pop(memory);
    throw;
  }
  ++ts->recursion_depth;
  *frame_out = frame;
  return Value::null();
}

Frame* push_code_frame(ThreadState* ts, Code* code, Dict* globals, Dict* locals, Function* function) {
  if (ts->recursion_depth >= recursion_limit())
    raise_error(exc().RecursionError, "maximum recursion depth exceeded");
  Value* memory = ts->data_stack.push(Frame::slots_needed(code));
  if (memory == nullptr) raise_error(exc().MemoryError, "");
  auto* frame = reinterpret_cast<Frame*>(memory);
  init_frame(frame, code, function, globals, locals);
  if (function != nullptr) setup_cells(frame, function);
  else if (!code->cellvars.empty()) setup_cells(frame, nullptr);
  ++ts->recursion_depth;
  return frame;
}


}  // namespace gilvm
