// ast_dump(): CPython 3.11's ast.dump(node) with default arguments.
//
// The rules it reproduces: every node prints as `Name(field=value, ...)` in
// the class's _fields order; an optional field (`?` in the ASDL) whose value
// is None is left out, while lists are always printed, even when empty;
// identifiers and constants print with Python's repr(); enum-like nodes
// (Load, Add, ...) print as `Load()`.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "vm/ast.hpp"
#include "vm/utf8.hpp"

namespace gilvm::ast {
namespace {

// --- repr() of str, bytes and floats --------------------------------------

void append_hex(std::string& out, const char* prefix, unsigned value,
                int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s%0*x", prefix, digits, value);
  out += buf;
}

char choose_quote(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  return has_single && !has_double ? '"' : '\'';
}

std::string repr_str(const std::string& s) {
  char quote = choose_quote(s);
  std::string out(1, quote);
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = utf8::next(s, i);
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
      append_hex(out, "\\x", cp, 2);
    } else if (utf8::is_printable(cp)) {
      utf8::append(out, cp);
    } else if (cp <= 0xFF) {
      append_hex(out, "\\x", cp, 2);
    } else if (cp <= 0xFFFF) {
      append_hex(out, "\\u", cp, 4);
    } else {
      append_hex(out, "\\U", cp, 8);
    }
  }
  out += quote;
  return out;
}

std::string repr_bytes(const std::string& s) {
  char quote = choose_quote(s);
  std::string out = "b";
  out += quote;
  for (unsigned char c : s) {
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      append_hex(out, "\\x", c, 2);
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

// float.__repr__: the shortest round-tripping digits, in positional notation
// when the decimal exponent is in [-4, 16), else in scientific notation with
// a signed two-digit-minimum exponent. `add_dot_zero` appends ".0" to
// integral values (repr of a float does, the imaginary part of a complex
// does not).
std::string repr_double(double value, bool add_dot_zero) {
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (std::isnan(value)) return "nan";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value,
                           std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  std::string sign;
  if (!sci.empty() && sci[0] == '-') {
    sign = "-";
    sci.erase(0, 1);
  }
  std::size_t e_pos = sci.find('e');
  std::string digits = sci.substr(0, e_pos);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  int exponent = std::atoi(sci.c_str() + e_pos + 1);
  int decimal_point = exponent + 1;  // digits before the point
  std::string out = sign;
  if (decimal_point > -4 && decimal_point <= 16) {
    if (decimal_point <= 0) {
      out += "0.";
      out.append(static_cast<std::size_t>(-decimal_point), '0');
      out += digits;
    } else if (static_cast<std::size_t>(decimal_point) >= digits.size()) {
      out += digits;
      out.append(decimal_point - digits.size(), '0');
      if (add_dot_zero) out += ".0";
    } else {
      out += digits.substr(0, decimal_point);
      out += '.';
      out += digits.substr(decimal_point);
    }
    return out;
  }
  out += digits[0];
  if (digits.size() > 1) {
    out += '.';
    out += digits.substr(1);
  }
  char exp_buf[16];
  std::snprintf(exp_buf, sizeof exp_buf, "e%c%02d", exponent < 0 ? '-' : '+',
                std::abs(exponent));
  out += exp_buf;
  return out;
}

// --- node printing ----------------------------------------------------------

struct DumpOptions {
  bool include_attributes = false;
};

// Builds `Name(field=value, ...)`, one field at a time.
class NodeText {
 public:
  explicit NodeText(const char* name) : text_(name) { text_ += '('; }

  NodeText& field(const char* name, const std::string& value) {
    if (!first_) text_ += ", ";
    first_ = false;
    text_ += name;
    text_ += '=';
    text_ += value;
    return *this;
  }
  std::string done() { return text_ + ')'; }

  // With include_attributes, located nodes end with their position.
  std::string done(const DumpOptions& opt, const Located* n) {
    if (opt.include_attributes) {
      field("lineno", std::to_string(n->lineno));
      field("col_offset", std::to_string(n->col_offset));
      field("end_lineno", std::to_string(n->end_lineno));
      field("end_col_offset", std::to_string(n->end_col_offset));
    }
    return done();
  }

 private:
  std::string text_;
  bool first_ = true;
};

std::string dump_node(const Expr* e, const DumpOptions& opt);
std::string dump_node(const Stmt* s, const DumpOptions& opt);
std::string dump_node(const Pattern* p, const DumpOptions& opt);
std::string dump_names(const std::vector<std::string>& names);

template <class T>
std::string dump_list(const std::vector<T*>& items, const DumpOptions& opt);

std::string dump_node(const Arg* a, const DumpOptions& opt) {
  NodeText t("arg");
  t.field("arg", repr_str(a->arg));
  if (a->annotation) t.field("annotation", dump_node(a->annotation, opt));
  return t.done(opt, a);
}

std::string dump_node(const Keyword* k, const DumpOptions& opt) {
  NodeText t("keyword");
  if (k->arg) t.field("arg", repr_str(*k->arg));
  t.field("value", dump_node(k->value, opt));
  return t.done(opt, k);
}

std::string dump_node(const Alias* a, const DumpOptions& opt) {
  NodeText t("alias");
  t.field("name", repr_str(a->name));
  if (a->asname) t.field("asname", repr_str(*a->asname));
  return t.done(opt, a);
}

std::string dump_node(const WithItem* w, const DumpOptions& opt) {
  NodeText t("withitem");
  t.field("context_expr", dump_node(w->context_expr, opt));
  if (w->optional_vars) t.field("optional_vars", dump_node(w->optional_vars, opt));
  return t.done();
}

std::string dump_node(const Comprehension* c, const DumpOptions& opt) {
  return NodeText("comprehension")
      .field("target", dump_node(c->target, opt))
      .field("iter", dump_node(c->iter, opt))
      .field("ifs", dump_list(c->ifs, opt))
      .field("is_async", c->is_async ? "1" : "0")
      .done();
}

std::string dump_node(const ExceptHandler* h, const DumpOptions& opt) {
  NodeText t("ExceptHandler");
  if (h->type) t.field("type", dump_node(h->type, opt));
  if (h->name) t.field("name", repr_str(*h->name));
  t.field("body", dump_list(h->body, opt));
  return t.done(opt, h);
}

std::string dump_node(const MatchCase* c, const DumpOptions& opt) {
  NodeText t("match_case");
  t.field("pattern", dump_node(c->pattern, opt));
  if (c->guard) t.field("guard", dump_node(c->guard, opt));
  t.field("body", dump_list(c->body, opt));
  return t.done();
}

std::string dump_node(const Arguments* a, const DumpOptions& opt) {
  NodeText t("arguments");
  t.field("posonlyargs", dump_list(a->posonlyargs, opt));
  t.field("args", dump_list(a->args, opt));
  if (a->vararg) t.field("vararg", dump_node(a->vararg, opt));
  t.field("kwonlyargs", dump_list(a->kwonlyargs, opt));
  t.field("kw_defaults", dump_list(a->kw_defaults, opt));
  if (a->kwarg) t.field("kwarg", dump_node(a->kwarg, opt));
  t.field("defaults", dump_list(a->defaults, opt));
  return t.done();
}

template <class T>
std::string dump_list(const std::vector<T*>& items, const DumpOptions& opt) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += items[i] ? dump_node(items[i], opt) : "None";
  }
  return out + "]";
}

std::string dump_names(const std::vector<std::string>& names) {
  std::string out = "[";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += repr_str(names[i]);
  }
  return out + "]";
}

template <class E>
std::string enum_node(E value) {
  return std::string(name_of(value)) + "()";
}

std::string dump_node(const Stmt* s, const DumpOptions& opt) {
  NodeText t(name_of(s->kind));
  switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef: {
      auto* n = cast<FunctionDef>(s);
      t.field("name", repr_str(n->name));
      t.field("args", dump_node(n->args, opt));
      t.field("body", dump_list(n->body, opt));
      t.field("decorator_list", dump_list(n->decorator_list, opt));
      if (n->returns) t.field("returns", dump_node(n->returns, opt));
      break;
    }
    case StmtKind::ClassDef: {
      auto* n = cast<ClassDef>(s);
      t.field("name", repr_str(n->name));
      t.field("bases", dump_list(n->bases, opt));
      t.field("keywords", dump_list(n->keywords, opt));
      t.field("body", dump_list(n->body, opt));
      t.field("decorator_list", dump_list(n->decorator_list, opt));
      break;
    }
    case StmtKind::Return:
      if (auto* v = cast<Return>(s)->value) t.field("value", dump_node(v, opt));
      break;
    case StmtKind::Delete:
      t.field("targets", dump_list(cast<Delete>(s)->targets, opt));
      break;
    case StmtKind::Assign: {
      auto* n = cast<Assign>(s);
      t.field("targets", dump_list(n->targets, opt));
      t.field("value", dump_node(n->value, opt));
      break;
    }
    case StmtKind::AugAssign: {
      auto* n = cast<AugAssign>(s);
      t.field("target", dump_node(n->target, opt));
      t.field("op", enum_node(n->op));
      t.field("value", dump_node(n->value, opt));
      break;
    }
    case StmtKind::AnnAssign: {
      auto* n = cast<AnnAssign>(s);
      t.field("target", dump_node(n->target, opt));
      t.field("annotation", dump_node(n->annotation, opt));
      if (n->value) t.field("value", dump_node(n->value, opt));
      t.field("simple", n->simple ? "1" : "0");
      break;
    }
    case StmtKind::For:
    case StmtKind::AsyncFor: {
      auto* n = cast<For>(s);
      t.field("target", dump_node(n->target, opt));
      t.field("iter", dump_node(n->iter, opt));
      t.field("body", dump_list(n->body, opt));
      t.field("orelse", dump_list(n->orelse, opt));
      break;
    }
    case StmtKind::While: {
      auto* n = cast<While>(s);
      t.field("test", dump_node(n->test, opt));
      t.field("body", dump_list(n->body, opt));
      t.field("orelse", dump_list(n->orelse, opt));
      break;
    }
    case StmtKind::If: {
      auto* n = cast<If>(s);
      t.field("test", dump_node(n->test, opt));
      t.field("body", dump_list(n->body, opt));
      t.field("orelse", dump_list(n->orelse, opt));
      break;
    }
    case StmtKind::With:
    case StmtKind::AsyncWith: {
      auto* n = cast<With>(s);
      t.field("items", dump_list(n->items, opt));
      t.field("body", dump_list(n->body, opt));
      break;
    }
    case StmtKind::Raise: {
      auto* n = cast<Raise>(s);
      if (n->exc) t.field("exc", dump_node(n->exc, opt));
      if (n->cause) t.field("cause", dump_node(n->cause, opt));
      break;
    }
    case StmtKind::Try: {
      auto* n = cast<Try>(s);
      t.field("body", dump_list(n->body, opt));
      t.field("handlers", dump_list(n->handlers, opt));
      t.field("orelse", dump_list(n->orelse, opt));
      t.field("finalbody", dump_list(n->finalbody, opt));
      break;
    }
    case StmtKind::Assert: {
      auto* n = cast<Assert>(s);
      t.field("test", dump_node(n->test, opt));
      if (n->msg) t.field("msg", dump_node(n->msg, opt));
      break;
    }
    case StmtKind::Import:
      t.field("names", dump_list(cast<Import>(s)->names, opt));
      break;
    case StmtKind::ImportFrom: {
      auto* n = cast<ImportFrom>(s);
      if (n->module) t.field("module", repr_str(*n->module));
      t.field("names", dump_list(n->names, opt));
      t.field("level", std::to_string(n->level));
      break;
    }
    case StmtKind::Global:
      t.field("names", dump_names(cast<Global>(s)->names));
      break;
    case StmtKind::Nonlocal:
      t.field("names", dump_names(cast<Nonlocal>(s)->names));
      break;
    case StmtKind::Expr:
      t.field("value", dump_node(cast<ExprStmt>(s)->value, opt));
      break;
    case StmtKind::Pass:
    case StmtKind::Break:
    case StmtKind::Continue:
      break;
    case StmtKind::Match:
      t.field("subject", dump_node(cast<Match>(s)->subject, opt));
      t.field("cases", dump_list(cast<Match>(s)->cases, opt));
      break;
  }
  return t.done(opt, s);
}

std::string dump_node(const Pattern* p, const DumpOptions& opt) {
  NodeText t(name_of(p->kind));
  switch (p->kind) {
    case PatternKind::MatchValue:
      t.field("value", dump_node(cast<MatchValue>(p)->value, opt));
      break;
    case PatternKind::MatchSingleton: {
      static const char* names[] = {"None", "True", "False"};
      t.field("value", names[static_cast<int>(cast<MatchSingleton>(p)->value)]);
      break;
    }
    case PatternKind::MatchSequence:
      t.field("patterns", dump_list(cast<MatchSequence>(p)->patterns, opt));
      break;
    case PatternKind::MatchMapping: {
      auto* n = cast<MatchMapping>(p);
      t.field("keys", dump_list(n->keys, opt));
      t.field("patterns", dump_list(n->patterns, opt));
      if (n->rest) t.field("rest", repr_str(*n->rest));
      break;
    }
    case PatternKind::MatchClass: {
      auto* n = cast<MatchClass>(p);
      t.field("cls", dump_node(n->cls, opt));
      t.field("patterns", dump_list(n->patterns, opt));
      t.field("kwd_attrs", dump_names(n->kwd_attrs));
      t.field("kwd_patterns", dump_list(n->kwd_patterns, opt));
      break;
    }
    case PatternKind::MatchStar:
      if (cast<MatchStar>(p)->name) t.field("name", repr_str(*cast<MatchStar>(p)->name));
      break;
    case PatternKind::MatchAs: {
      auto* n = cast<MatchAs>(p);
      if (n->pattern) t.field("pattern", dump_node(n->pattern, opt));
      if (n->name) t.field("name", repr_str(*n->name));
      break;
    }
    case PatternKind::MatchOr:
      t.field("patterns", dump_list(cast<MatchOr>(p)->patterns, opt));
      break;
  }
  return t.done(opt, p);
}

std::string dump_node(const Expr* e, const DumpOptions& opt) {
  NodeText t(name_of(e->kind));
  switch (e->kind) {
    case ExprKind::BoolOp: {
      auto* n = cast<BoolOp>(e);
      t.field("op", enum_node(n->op));
      t.field("values", dump_list(n->values, opt));
      break;
    }
    case ExprKind::NamedExpr: {
      auto* n = cast<NamedExpr>(e);
      t.field("target", dump_node(n->target, opt));
      t.field("value", dump_node(n->value, opt));
      break;
    }
    case ExprKind::BinOp: {
      auto* n = cast<BinOp>(e);
      t.field("left", dump_node(n->left, opt));
      t.field("op", enum_node(n->op));
      t.field("right", dump_node(n->right, opt));
      break;
    }
    case ExprKind::UnaryOp: {
      auto* n = cast<UnaryOp>(e);
      t.field("op", enum_node(n->op));
      t.field("operand", dump_node(n->operand, opt));
      break;
    }
    case ExprKind::Lambda: {
      auto* n = cast<Lambda>(e);
      t.field("args", dump_node(n->args, opt));
      t.field("body", dump_node(n->body, opt));
      break;
    }
    case ExprKind::IfExp: {
      auto* n = cast<IfExp>(e);
      t.field("test", dump_node(n->test, opt));
      t.field("body", dump_node(n->body, opt));
      t.field("orelse", dump_node(n->orelse, opt));
      break;
    }
    case ExprKind::Dict: {
      auto* n = cast<Dict>(e);
      t.field("keys", dump_list(n->keys, opt));
      t.field("values", dump_list(n->values, opt));
      break;
    }
    case ExprKind::Set:
      t.field("elts", dump_list(cast<Set>(e)->elts, opt));
      break;
    case ExprKind::ListComp: {
      auto* n = cast<ListComp>(e);
      t.field("elt", dump_node(n->elt, opt));
      t.field("generators", dump_list(n->generators, opt));
      break;
    }
    case ExprKind::SetComp: {
      auto* n = cast<SetComp>(e);
      t.field("elt", dump_node(n->elt, opt));
      t.field("generators", dump_list(n->generators, opt));
      break;
    }
    case ExprKind::DictComp: {
      auto* n = cast<DictComp>(e);
      t.field("key", dump_node(n->key, opt));
      t.field("value", dump_node(n->value, opt));
      t.field("generators", dump_list(n->generators, opt));
      break;
    }
    case ExprKind::GeneratorExp: {
      auto* n = cast<GeneratorExp>(e);
      t.field("elt", dump_node(n->elt, opt));
      t.field("generators", dump_list(n->generators, opt));
      break;
    }
    case ExprKind::Await:
      t.field("value", dump_node(cast<Await>(e)->value, opt));
      break;
    case ExprKind::Yield:
      if (auto* v = cast<Yield>(e)->value) t.field("value", dump_node(v, opt));
      break;
    case ExprKind::YieldFrom:
      t.field("value", dump_node(cast<YieldFrom>(e)->value, opt));
      break;
    case ExprKind::Compare: {
      auto* n = cast<Compare>(e);
      t.field("left", dump_node(n->left, opt));
      std::string ops = "[";
      for (std::size_t i = 0; i < n->ops.size(); ++i) {
        if (i) ops += ", ";
        ops += enum_node(n->ops[i]);
      }
      t.field("ops", ops + "]");
      t.field("comparators", dump_list(n->comparators, opt));
      break;
    }
    case ExprKind::Call: {
      auto* n = cast<Call>(e);
      t.field("func", dump_node(n->func, opt));
      t.field("args", dump_list(n->args, opt));
      t.field("keywords", dump_list(n->keywords, opt));
      break;
    }
    case ExprKind::FormattedValue: {
      auto* n = cast<FormattedValue>(e);
      t.field("value", dump_node(n->value, opt));
      t.field("conversion", std::to_string(n->conversion));
      if (n->format_spec) t.field("format_spec", dump_node(n->format_spec, opt));
      break;
    }
    case ExprKind::JoinedStr:
      t.field("values", dump_list(cast<JoinedStr>(e)->values, opt));
      break;
    case ExprKind::Constant: {
      auto* n = cast<Constant>(e);
      t.field("value", constant_repr(n->value));
      if (n->string_kind) t.field("kind", repr_str(*n->string_kind));
      break;
    }
    case ExprKind::Attribute: {
      auto* n = cast<Attribute>(e);
      t.field("value", dump_node(n->value, opt));
      t.field("attr", repr_str(n->attr));
      t.field("ctx", enum_node(n->ctx));
      break;
    }
    case ExprKind::Subscript: {
      auto* n = cast<Subscript>(e);
      t.field("value", dump_node(n->value, opt));
      t.field("slice", dump_node(n->slice, opt));
      t.field("ctx", enum_node(n->ctx));
      break;
    }
    case ExprKind::Starred: {
      auto* n = cast<Starred>(e);
      t.field("value", dump_node(n->value, opt));
      t.field("ctx", enum_node(n->ctx));
      break;
    }
    case ExprKind::Name: {
      auto* n = cast<Name>(e);
      t.field("id", repr_str(n->id));
      t.field("ctx", enum_node(n->ctx));
      break;
    }
    case ExprKind::List: {
      auto* n = cast<List>(e);
      t.field("elts", dump_list(n->elts, opt));
      t.field("ctx", enum_node(n->ctx));
      break;
    }
    case ExprKind::Tuple: {
      auto* n = cast<Tuple>(e);
      t.field("elts", dump_list(n->elts, opt));
      t.field("ctx", enum_node(n->ctx));
      break;
    }
    case ExprKind::Slice: {
      auto* n = cast<Slice>(e);
      if (n->lower) t.field("lower", dump_node(n->lower, opt));
      if (n->upper) t.field("upper", dump_node(n->upper, opt));
      if (n->step) t.field("step", dump_node(n->step, opt));
      break;
    }
  }
  return t.done(opt, e);
}

}  // namespace

std::string constant_repr(const ConstantValue& value) {
  using K = ConstantValue::Kind;
  switch (value.kind) {
    case K::None: return "None";
    case K::True: return "True";
    case K::False: return "False";
    case K::Ellipsis: return "Ellipsis";
    case K::Int: return value.text;
    case K::Float: return repr_double(value.number, true);
    case K::Complex: return repr_double(value.number, false) + "j";
    case K::Str: return repr_str(value.text);
    case K::Bytes: return repr_bytes(value.text);
  }
  return "?";
}

std::string ast_dump(const Mod* node, bool include_attributes) {
  DumpOptions opt{include_attributes};
  switch (node->kind) {
    case ModKind::Module:
      return NodeText("Module")
          .field("body", dump_list(cast<Module>(node)->body, opt))
          .field("type_ignores", "[]")
          .done();
    case ModKind::Expression:
      return NodeText("Expression")
          .field("body", dump_node(cast<Expression>(node)->body, opt))
          .done();
    case ModKind::Interactive:
      return NodeText("Interactive")
          .field("body", dump_list(cast<Interactive>(node)->body, opt))
          .done();
  }
  return "?";
}

std::string ast_dump(const Stmt* node, bool include_attributes) {
  return dump_node(node, DumpOptions{include_attributes});
}
std::string ast_dump(const Expr* node, bool include_attributes) {
  return dump_node(node, DumpOptions{include_attributes});
}

}  // namespace gilvm::ast
