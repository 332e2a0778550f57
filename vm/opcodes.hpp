// Opcode numbers and metadata, generated from vm/opcodes.def.
#pragma once

#include <cstdint>

namespace gilvm {

enum class Op : uint8_t {
#define OPCODE(name, effect, arg, summary) name,
#include "vm/opcodes.def"
#undef OPCODE
  kCount
};

// What an instruction's argument means (the `arg` column of vm/opcodes.def).
enum class OpArg : uint8_t { kUnused, kNumber, kConst, kName, kLocal, kFree, kJump, kCompare, kBinOp };

struct OpInfo {
  const char* name;
  int stack_effect;  // 99: variable, computed by the compiler
  OpArg arg;
  const char* summary;
};

extern const OpInfo kOpInfo[static_cast<int>(Op::kCount)];

inline uint32_t encode(Op op, uint32_t arg) { return static_cast<uint32_t>(op) | (arg << 8); }
inline Op decode_op(uint32_t insn) { return static_cast<Op>(insn & 0xff); }
// The instruction a superinstruction replaced (the first of its pair); any
// other op is itself. For the disassembler and for code that inspects
// instructions as the compiler emitted them.
inline Op unfused_op(Op op) {
  switch (op) {
    case Op::LOAD_FAST__LOAD_FAST:
    case Op::LOAD_FAST__LOAD_CONST: return Op::LOAD_FAST;
    case Op::STORE_FAST__STORE_FAST:
    case Op::STORE_FAST__LOAD_FAST: return Op::STORE_FAST;
    default: return op;
  }
}
inline uint32_t decode_arg(uint32_t insn) { return insn >> 8; }
constexpr uint32_t kMaxArg = (1u << 24) - 1;

// BINARY_OP arguments. In-place forms are the plain ones plus kInplace.
enum BinaryOp : uint32_t {
  kAdd, kSub, kMul, kMatMul, kTrueDiv, kFloorDiv, kMod, kPow, kLShift, kRShift,
  kAnd, kOr, kXor, kBinaryOpCount,
  kInplace = 16,
};
enum CompareOp : uint32_t { kLt, kLe, kEq, kNe, kGt, kGe };

// `x op y` for two machine numbers (int64 or double: a NaN compares false
// except under kNe, as in Python).
template <class T>
inline bool compare_machine_values(T x, T y, uint32_t op) {
  switch (op) {
    case kLt: return x < y;
    case kLe: return x <= y;
    case kEq: return x == y;
    case kNe: return x != y;
    case kGt: return x > y;
    default: return x >= y;
  }
}

const char* binary_op_symbol(uint32_t op);   // "+", "+=", ...
const char* binary_op_dunder(uint32_t op);   // "__add__", "__iadd__", ...
const char* binary_op_rdunder(uint32_t op);  // "__radd__"

}  // namespace gilvm
