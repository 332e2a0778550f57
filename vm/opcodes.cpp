#include "vm/opcodes.hpp"

namespace gilvm {

const OpInfo kOpInfo[static_cast<int>(Op::kCount)] = {
#define OPCODE(name, effect, arg, summary) {#name, effect, OpArg::k##arg, summary},
#include "vm/opcodes.def"
#undef OPCODE
};

namespace {
struct BinaryOpNames {
  const char* symbol;
  const char* inplace_symbol;
  const char* dunder;
  const char* inplace_dunder;
  const char* rdunder;
};
constexpr BinaryOpNames kBinaryOps[kBinaryOpCount] = {
    {"+", "+=", "__add__", "__iadd__", "__radd__"},
    {"-", "-=", "__sub__", "__isub__", "__rsub__"},
    {"*", "*=", "__mul__", "__imul__", "__rmul__"},
    {"@", "@=", "__matmul__", "__imatmul__", "__rmatmul__"},
    {"/", "/=", "__truediv__", "__itruediv__", "__rtruediv__"},
    {"//", "//=", "__floordiv__", "__ifloordiv__", "__rfloordiv__"},
    {"%", "%=", "__mod__", "__imod__", "__rmod__"},
    {"** or pow()", "**=", "__pow__", "__ipow__", "__rpow__"},
    {"<<", "<<=", "__lshift__", "__ilshift__", "__rlshift__"},
    {">>", ">>=", "__rshift__", "__irshift__", "__rrshift__"},
    {"&", "&=", "__and__", "__iand__", "__rand__"},
    {"|", "|=", "__or__", "__ior__", "__ror__"},
    {"^", "^=", "__xor__", "__ixor__", "__rxor__"},
};
const BinaryOpNames& entry(uint32_t op) { return kBinaryOps[(op & ~uint32_t(kInplace)) % kBinaryOpCount]; }
}  // namespace

const char* binary_op_symbol(uint32_t op) {
  if ((op & ~uint32_t(kInplace)) == kPow && !(op & kInplace)) return "**";
  return (op & kInplace) ? entry(op).inplace_symbol : entry(op).symbol;
}
const char* binary_op_dunder(uint32_t op) { return (op & kInplace) ? entry(op).inplace_dunder : entry(op).dunder; }
const char* binary_op_rdunder(uint32_t op) { return entry(op).rdunder; }

}  // namespace gilvm
