// _opcode: gilvm's instruction table (vm/opcodes.def) as data, for the
// `opcode` and `dis` modules written in Python (stdlib/py/opcode.py, dis.py).
// Nothing here lists opcodes by hand: every list is generated from kOpInfo
// and stack effects come from the compiler, so a new opcode reaches `dis`
// by being added to the table.
#include <algorithm>

#include "stdlib/builtins/common.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/compiler/codegen.hpp"
#include "vm/import.hpp"
#include "vm/objects/module.hpp"
#include "vm/opcodes.hpp"

namespace gilvm {

namespace {

constexpr int kOpCount = static_cast<int>(Op::kCount);

const char* arg_kind_name(OpArg kind) {
  switch (kind) {
    case OpArg::kUnused: return "unused";
    case OpArg::kNumber: return "number";
    case OpArg::kConst: return "const";
    case OpArg::kName: return "name";
    case OpArg::kLocal: return "local";
    case OpArg::kFree: return "free";
    case OpArg::kJump: return "jump";
    case OpArg::kCompare: return "compare";
    case OpArg::kBinOp: return "binop";
  }
  return "number";
}

// binary_op_symbol(arg) -> "+", "+=", ...: BINARY_OP's argument as dis shows it.
Value binary_op_symbol_fn(const CallArgs& a) {
  int64_t arg = index_value(a[0]);
  int64_t plain = arg & ~int64_t(kInplace);
  if (arg < 0 || plain >= kBinaryOpCount || (arg & ~int64_t(kInplace | 15)) != 0)
    raise_value_error("invalid BINARY_OP argument");
  return new_str(binary_op_symbol(static_cast<uint32_t>(arg)));
}

// exception_table(code) -> [(start, end, target, depth)], offsets as dis
// counts them (2 per instruction; see vm/builtins/code_introspection.cpp).
Value exception_table_fn(const CallArgs& a) {
  if (type_of(a[0]) != types().code)
    raise_type_error("exception_table() argument must be code, not " + type_name(a[0]));
  const Code* c = a[0].as<Code>();
  ValueVector entries;
  for (const ExceptionEntry& e : c->exception_table)
    entries.push_back(new_tuple({make_int(2 * int64_t(e.start)), make_int(2 * int64_t(e.end)),
                                 make_int(2 * int64_t(e.target)), make_int(e.depth)}));
  return new_list(entries);
}

// stack_effect(opcode, oparg, jump) -> the compiler's own count of what the
// instruction does to the stack depth (vm/compiler/codegen.cpp); `jump` None
// gives the larger of the two ways. dis.stack_effect checks the arguments.
Value stack_effect_fn(const CallArgs& a) {
  check_arg_count(a, "stack_effect", 3, 3);
  int64_t opcode = index_value(a[0]);
  int64_t oparg = index_value(a[1]);
  if (opcode < 0 || opcode >= kOpCount || oparg < 0 || oparg > kMaxArg) raise_value_error("invalid opcode or oparg");
  Op op = static_cast<Op>(opcode);
  uint32_t arg = static_cast<uint32_t>(oparg);
  if (a[2].is_none())
    return make_int(std::max(compiler::stack_effect(op, arg, true), compiler::stack_effect(op, arg, false)));
  return make_int(compiler::stack_effect(op, arg, is_truthy(a[2])));
}

void init_opcode(Module* m) {
  ValueVector names, effects, kinds, summaries, unfused;
  for (int i = 0; i < kOpCount; ++i) {
    const OpInfo& info = kOpInfo[i];
    names.push_back(new_str(info.name));
    effects.push_back(info.stack_effect == 99 ? Value::none() : make_int(info.stack_effect));
    kinds.push_back(new_str(arg_kind_name(info.arg)));
    summaries.push_back(new_str(info.summary));
    unfused.push_back(make_int(static_cast<int>(unfused_op(static_cast<Op>(i)))));
  }
  Dict* d = m->dict();
  d->table.set(intern("opnames"), new_tuple(names));
  d->table.set(intern("stack_effects"), new_tuple(effects));
  d->table.set(intern("arg_kinds"), new_tuple(kinds));
  d->table.set(intern("summaries"), new_tuple(summaries));
  d->table.set(intern("unfused"), new_tuple(unfused));
  d->table.set(intern("max_arg"), make_int(kMaxArg));
  add_function(m, "binary_op_symbol", binary_op_symbol_fn);
  add_function(m, "exception_table", exception_table_fn);
  add_function(m, "stack_effect", stack_effect_fn);
}

}  // namespace

void register_opcode_module() { register_builtin_module("_opcode", init_opcode); }

}  // namespace gilvm
