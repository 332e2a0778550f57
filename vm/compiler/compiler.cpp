#include "vm/compiler/compiler.hpp"

#include <cstdio>

#include "vm/compiler/codegen.hpp"
#include "vm/errors.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/compiler/mangle.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"

namespace gilvm {

Code* compile_ast(const ast::Mod* module, const std::string& filename, ParseMode mode, int flags) {
  // The tree belongs to the caller's parse, made for this compile.
  compiler::mangle_private_names(const_cast<ast::Mod*>(module));
  compiler::SymbolTable symbols(module, filename, mode == ParseMode::Single);
  compiler::CodeGen gen(symbols, filename, mode == ParseMode::Single, (flags & kCompileAllowTopLevelAwait) != 0);
  ThreadState* ts = current_thread_state();
  size_t pinned = ts->temp_roots.size();
  try {
    Code* code = gen.compile_module(module);
    ts->temp_roots.resize(pinned);
    return code;
  } catch (...) {
    ts->temp_roots.resize(pinned);
    throw;
  }
}

namespace {
int the_optimize_level = 0;
}  // namespace

void set_optimize_level(int level) { the_optimize_level = level; }
int optimize_level() { return the_optimize_level; }

Code* compile_source(std::string_view source, const std::string& filename, ParseMode mode, int flags) {
  try {
    ParseResult tree = parse(source, filename, mode);
    return compile_ast(tree.mod, filename, mode, flags);
  } catch (const SyntaxErrorInfo& info) {
    // The compiler's own errors ('break' outside loop, pattern errors) know
    // their position but not the line's text, which the report shows.
    if (!info.text.empty() || info.lineno < 1) raise_syntax_error(info);
    SyntaxErrorInfo located = info;
    size_t start = 0;
    for (int line = 1; line < info.lineno && start != std::string_view::npos; ++line) {
      start = source.find('\n', start);
      if (start != std::string_view::npos) ++start;
    }
    if (start != std::string_view::npos && start <= source.size()) {
      size_t end = source.find('\n', start);
      located.text = std::string(source.substr(start, end == std::string_view::npos ? end : end - start)) + "\n";
    }
    raise_syntax_error(located);
  }
}

void raise_syntax_error(const SyntaxErrorInfo& info) {
  Type* type = exc().SyntaxError;
  if (info.kind == "IndentationError") type = exc().IndentationError;
  if (info.kind == "TabError") type = exc().TabError;
  // Built as SyntaxError(msg, (filename, lineno, offset, text, end_lineno,
  // end_offset)) would be, so args and the attributes agree.
  Value details[6] = {new_str(info.filename), make_int(info.lineno), make_int(info.offset),
                      info.text.empty() ? Value::none() : Value(new_str(info.text)), make_int(info.end_lineno),
                      make_int(info.end_offset)};
  Value args[2] = {new_str(info.msg), new_tuple(std::vector<Value>(details, details + 6))};
  Value e = call_object(type, CallArgs{args, 2});
  raise_exception(e);
}

static void disassemble_into(const Code* code, std::string& out) {
  char line[256];
  std::snprintf(line, sizeof line, "Disassembly of <code %s>:\n", code->qualname->data.c_str());
  out += line;
  for (size_t i = 0; i < code->insns.size(); ++i) {
    Op op = unfused_op(decode_op(code->insns[i]));
    uint32_t arg = decode_arg(code->insns[i]);
    std::snprintf(line, sizeof line, "%4d %6zu %-22s %u", code->positions[i].line, i,
                  kOpInfo[static_cast<int>(op)].name, arg);
    out += line;
    if ((op == Op::LOAD_CONST) && arg < code->consts.size()) {
      Value c = code->consts[arg];
      out += " (" + (type_of(c) == types().code ? std::string("<code>") : repr_string(c)) + ")";
    }
    if ((op == Op::LOAD_NAME || op == Op::STORE_NAME || op == Op::LOAD_GLOBAL || op == Op::STORE_GLOBAL ||
         op == Op::LOAD_ATTR || op == Op::STORE_ATTR || op == Op::LOAD_METHOD || op == Op::IMPORT_NAME ||
         op == Op::IMPORT_FROM) &&
        arg < code->names.size())
      out += " (" + code->names[arg]->data + ")";
    if ((op == Op::LOAD_FAST || op == Op::STORE_FAST || op == Op::DELETE_FAST) && arg < code->varnames.size())
      out += " (" + code->varnames[arg]->data + ")";
    out += "\n";
  }
  for (const ExceptionEntry& e : code->exception_table) {
    std::snprintf(line, sizeof line, "  exception: %u to %u -> %u [%u]\n", e.start, e.end, e.target, e.depth);
    out += line;
  }
  for (Value c : code->consts)
    if (type_of(c) == types().code) disassemble_into(c.as<Code>(), out);
}

std::string disassemble(const Code* code) {
  std::string out;
  disassemble_into(code, out);
  return out;
}

}  // namespace gilvm
