// What `dis` and `inspect` read from a code object beyond its names:
// co_code, co_consts, co_stacksize, co_positions() and co_lines().
//
// gilvm's instructions are 32-bit words (vm/opcodes.hpp), not CPython's
// 2-byte code units. co_code gives the words as bytes (4 a word, little
// endian: the opcode byte, then the 24-bit argument). Offsets, as in
// tb_lasti and f_lasti, count each instruction as one 2-byte code unit:
// instruction i is at offset 2 * i, so `co_positions()` yields one entry per
// instruction and traceback's `tb_lasti // 2` indexes it, as in CPython.
#include "vm/builtins/install.hpp"
#include "vm/native.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

Code* code_of(Value v) { return v.as<Code>(); }

Value line_or_none(int32_t line) { return line > 0 ? make_int(line) : Value::none(); }

Value code_code(Value self) {
  const Code* c = code_of(self);
  std::string out;
  out.reserve(c->insns.size() * 4);
  for (uint32_t word : c->insns)
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((word >> shift) & 0xff));
  return new_bytes(std::move(out));
}

Value code_consts(Value self) {
  ValueVector v(code_of(self)->consts.begin(), code_of(self)->consts.end());
  return new_tuple(std::move(v));
}

Value code_stacksize(Value self) { return make_int(code_of(self)->stacksize); }

// (line, end_line, col, end_col) per instruction; None where unknown.
Value code_positions(const CallArgs& a) {
  const Code* c = code_of(a[0]);
  ValueVector entries;
  for (size_t i = 0; i < c->insns.size(); ++i) {
    SourcePos p = i < c->positions.size() ? c->positions[i] : SourcePos{};
    bool known = p.line > 0;
    entries.push_back(new_tuple({line_or_none(p.line), line_or_none(known ? p.end_line : 0),
                                 known ? make_int(p.col) : Value::none(),
                                 known ? make_int(p.end_col) : Value::none()}));
  }
  return get_iter(new_list(entries));
}

// (start, end, line) for each run of instructions on one line, in offsets.
Value code_lines(const CallArgs& a) {
  const Code* c = code_of(a[0]);
  ValueVector ranges;
  size_t n = c->insns.size();
  size_t start = 0;
  for (size_t i = 1; i <= n; ++i) {
    int32_t line = c->line_at(static_cast<uint32_t>(start));
    if (i < n && c->line_at(static_cast<uint32_t>(i)) == line) continue;
    ranges.push_back(new_tuple({make_int(2 * static_cast<int64_t>(start)), make_int(2 * static_cast<int64_t>(i)),
                                line_or_none(line)}));
    start = i;
  }
  return get_iter(new_list(ranges));
}

}  // namespace

void install_code_introspection() {
  Type* t = types().code;
  add_getset(t, "co_code", code_code);
  add_getset(t, "co_consts", code_consts);
  add_getset(t, "co_stacksize", code_stacksize);
  add_method(t, "co_positions", code_positions);
  add_method(t, "co_lines", code_lines);
}

}  // namespace gilvm
