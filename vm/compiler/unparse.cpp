#include "vm/compiler/unparse.hpp"

#include "vm/text/float_format.hpp"
#include "vm/text/repr.hpp"

namespace gilvm::compiler {

namespace {

using namespace gilvm::ast;

// Binding strength, as in CPython's ast_unparse.c: a sub-expression of
// lower precedence than its context gets parentheses.
enum Precedence {
  kTuple = 0,
  kTest = 1,
  kOr = 2,
  kAnd = 3,
  kNot = 4,
  kCompare = 5,
  kBitOr = 6,
  kBitXor = 7,
  kBitAnd = 8,
  kShift = 9,
  kArith = 10,
  kTerm = 11,
  kFactor = 12,
  kPower = 13,
  kAwait = 14,
  kAtom = 15,
};

struct OperatorInfo {
  const char* symbol;
  int precedence;
};

OperatorInfo operator_info(OperatorKind op) {
  switch (op) {
    case OperatorKind::Add: return {" + ", kArith};
    case OperatorKind::Sub: return {" - ", kArith};
    case OperatorKind::Mult: return {" * ", kTerm};
    case OperatorKind::MatMult: return {" @ ", kTerm};
    case OperatorKind::Div: return {" / ", kTerm};
    case OperatorKind::Mod: return {" % ", kTerm};
    case OperatorKind::FloorDiv: return {" // ", kTerm};
    case OperatorKind::Pow: return {" ** ", kPower};
    case OperatorKind::LShift: return {" << ", kShift};
    case OperatorKind::RShift: return {" >> ", kShift};
    case OperatorKind::BitOr: return {" | ", kBitOr};
    case OperatorKind::BitXor: return {" ^ ", kBitXor};
    case OperatorKind::BitAnd: return {" & ", kBitAnd};
  }
  return {" ? ", kAtom};
}

void unparse(const Expr* e, int context, std::string& out);

void unparse_sequence(const std::vector<Expr*>& items, std::string& out) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    unparse(items[i], kTest, out);
  }
}

void unparse_constant(const ConstantValue& v, std::string& out) {
  switch (v.kind) {
    case ConstantValue::Kind::None: out += "None"; break;
    case ConstantValue::Kind::True: out += "True"; break;
    case ConstantValue::Kind::False: out += "False"; break;
    case ConstantValue::Kind::Ellipsis: out += "..."; break;
    case ConstantValue::Kind::Int: out += v.text; break;
    case ConstantValue::Kind::Float: out += text::float_repr(v.number); break;
    case ConstantValue::Kind::Complex: out += text::float_repr(v.number) + "j"; break;
    case ConstantValue::Kind::Str: out += text::repr_str(v.text); break;
    case ConstantValue::Kind::Bytes: out += text::repr_bytes(v.text); break;
  }
}

void unparse(const Expr* e, int context, std::string& out) {
  switch (e->kind) {
    case ExprKind::Name:
      out += cast<const Name>(e)->id;
      return;
    case ExprKind::Constant:
      unparse_constant(cast<const Constant>(e)->value, out);
      return;
    case ExprKind::Attribute: {
      auto* a = cast<const Attribute>(e);
      unparse(a->value, kAtom, out);
      out += "." + a->attr;
      return;
    }
    case ExprKind::Subscript: {
      auto* s = cast<const Subscript>(e);
      unparse(s->value, kAtom, out);
      out += "[";
      // A tuple index needs no parentheses: Dict[str, int].
      if (auto* t = dyn_cast<const Tuple>(s->slice); t != nullptr && !t->elts.empty()) {
        unparse_sequence(t->elts, out);
      } else {
        unparse(s->slice, kTuple, out);
      }
      out += "]";
      return;
    }
    case ExprKind::Tuple: {
      auto* t = cast<const Tuple>(e);
      bool parens = context > kTuple || t->elts.empty();
      if (parens) out += "(";
      unparse_sequence(t->elts, out);
      if (t->elts.size() == 1) out += ",";
      if (parens) out += ")";
      return;
    }
    case ExprKind::List:
      out += "[";
      unparse_sequence(cast<const List>(e)->elts, out);
      out += "]";
      return;
    case ExprKind::BinOp: {
      auto* b = cast<const BinOp>(e);
      OperatorInfo info = operator_info(b->op);
      bool parens = context > info.precedence;
      bool right_assoc = b->op == OperatorKind::Pow;
      if (parens) out += "(";
      unparse(b->left, right_assoc ? info.precedence + 1 : info.precedence, out);
      out += info.symbol;
      unparse(b->right, right_assoc ? info.precedence : info.precedence + 1, out);
      if (parens) out += ")";
      return;
    }
    case ExprKind::UnaryOp: {
      auto* u = cast<const UnaryOp>(e);
      const char* symbol = u->op == UnaryOpKind::Not ? "not " : u->op == UnaryOpKind::Invert ? "~"
                           : u->op == UnaryOpKind::UAdd ? "+" : "-";
      int precedence = u->op == UnaryOpKind::Not ? kNot : kFactor;
      bool parens = context > precedence;
      if (parens) out += "(";
      out += symbol;
      unparse(u->operand, precedence, out);
      if (parens) out += ")";
      return;
    }
    case ExprKind::Call: {
      auto* c = cast<const Call>(e);
      unparse(c->func, kAtom, out);
      out += "(";
      bool first = true;
      for (const Expr* arg : c->args) {
        if (!first) out += ", ";
        first = false;
        unparse(arg, kTest, out);
      }
      for (const Keyword* k : c->keywords) {
        if (!first) out += ", ";
        first = false;
        out += k->arg ? *k->arg + "=" : "**";
        unparse(k->value, kTest, out);
      }
      out += ")";
      return;
    }
    case ExprKind::Slice: {
      auto* sl = cast<const Slice>(e);
      if (sl->lower) unparse(sl->lower, kTest, out);
      out += ":";
      if (sl->upper) unparse(sl->upper, kTest, out);
      if (sl->step) {
        out += ":";
        unparse(sl->step, kTest, out);
      }
      return;
    }
    case ExprKind::Starred:
      out += "*";
      unparse(cast<const Starred>(e)->value, kBitOr, out);
      return;
    default:
      out += "...";
      return;
  }
}

}  // namespace

std::string unparse_annotation(const Expr* e) {
  std::string out;
  unparse(e, kTest, out);
  return out;
}

}  // namespace gilvm::compiler
