// Code generation for `match` (PEP 634). Each case becomes one
// MATCH_PATTERN instruction that gets the subject, a constant descriptor of
// the pattern and the values the pattern needs (vm/pattern_match.hpp has
// the descriptor's layout), and leaves the captured values or None:
//
//       <subject>
//   case_i:
//       COPY 1                       subject
//       LOAD_CONST descriptor
//       <values of the pattern>      literals, dotted names, classes, keys
//       MATCH_PATTERN n_values       -> subject, captures | None
//       COPY 1
//       POP_JUMP_IF_NONE fail_i
//       UNPACK_SEQUENCE k; STORE name... (or POP_TOP when k == 0)
//       <guard> POP_JUMP_IF_FALSE next_i
//       POP_TOP                      the subject, before the body runs
//       <body>
//       JUMP_FORWARD end
//   fail_i:
//       POP_TOP
//   next_i:
//       ...
//       POP_TOP                      no case matched
//   end:
//
// The checks CPython's compiler makes are made here, with its messages:
// irrefutable patterns before others, the same name bound twice, or-pattern
// alternatives binding different names, two starred names in a sequence,
// duplicate literal keys in a mapping.
//
// Difference from CPython: a pattern's values are evaluated before matching
// starts, all of them, where CPython evaluates each when matching reaches
// it (visible only when a name lookup or attribute access has an effect or
// fails in a branch that would not have been reached).
#include <algorithm>
#include <set>

#include "vm/compiler/codegen.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/pattern_match.hpp"
#include "vm/ops.hpp"

namespace gilvm::compiler {

using namespace gilvm::ast;

namespace {

Value op(PatternOp o) { return Value::small_int(o); }
Value num(int64_t n) { return Value::small_int(n); }

// The literal a constant mapping key stands for, to find duplicates.
std::string key_identity(const Constant* c) {
  switch (c->value.kind) {
    case ConstantValue::Kind::None: return "None";
    case ConstantValue::Kind::True: return "1";  // True == 1
    case ConstantValue::Kind::False: return "0";
    case ConstantValue::Kind::Int: return c->value.text;
    case ConstantValue::Kind::Str: return "s" + c->value.text;
    case ConstantValue::Kind::Bytes: return "b" + c->value.text;
    default: return "";
  }
}

}  // namespace

struct PatternBuild {
  std::vector<std::string> names;        // capture slot -> name
  std::set<std::string> bound;           // bound on the current path
  std::vector<const Expr*> values;       // MATCH_PATTERN's operands, in order
  const Pattern* last = nullptr;         // the pattern node compiled last
};

int CodeGen::pattern_capture(const std::string& name, const Pattern* at, PatternBuild& b) {
  if (b.bound.count(name)) error("multiple assignments to name '" + name + "' in pattern", at);
  b.bound.insert(name);
  auto it = std::find(b.names.begin(), b.names.end(), name);
  if (it != b.names.end()) return static_cast<int>(it - b.names.begin());
  b.names.push_back(name);
  return static_cast<int>(b.names.size() - 1);
}

int CodeGen::pattern_value(const Expr* e, PatternBuild& b) {
  b.values.push_back(e);
  return static_cast<int>(b.values.size() - 1);
}

Value CodeGen::pattern_node(const Pattern* p, PatternBuild& b, bool allow_irrefutable) {
  b.last = p;
  switch (p->kind) {
    case PatternKind::MatchValue:
      return new_tuple({op(kMatchValue), num(pattern_value(cast<MatchValue>(p)->value, b))});
    case PatternKind::MatchSingleton:
      return new_tuple({op(kMatchSingleton), num(static_cast<int>(cast<MatchSingleton>(p)->value))});
    case PatternKind::MatchAs: {
      auto* a = cast<MatchAs>(p);
      if (a->pattern == nullptr && !allow_irrefutable) {
        if (a->name) error("name capture '" + *a->name + "' makes remaining patterns unreachable", p);
        error("wildcard makes remaining patterns unreachable", p);
      }
      Value sub = a->pattern ? pattern_node(a->pattern, b, allow_irrefutable) : Value::none();
      int slot = a->name ? pattern_capture(*a->name, p, b) : -1;
      return new_tuple({op(kMatchAs), sub, num(slot)});
    }
    case PatternKind::MatchStar: {
      auto* s = cast<MatchStar>(p);
      return new_tuple({op(kMatchStar), num(s->name ? pattern_capture(*s->name, p, b) : -1)});
    }
    case PatternKind::MatchSequence: {
      auto* s = cast<MatchSequence>(p);
      int star = -1;
      std::vector<Value> subs;
      for (size_t i = 0; i < s->patterns.size(); ++i) {
        if (s->patterns[i]->kind == PatternKind::MatchStar) {
          if (star >= 0) error("multiple starred names in sequence pattern", p);
          star = static_cast<int>(i);
        }
        subs.push_back(pattern_node(s->patterns[i], b, true));
      }
      return new_tuple({op(kMatchSequence), new_tuple(subs), num(star)});
    }
    case PatternKind::MatchMapping: {
      auto* m = cast<MatchMapping>(p);
      std::vector<Value> keys, subs;
      std::set<std::string> literal_keys;
      for (size_t i = 0; i < m->keys.size(); ++i) {
        if (auto* c = dyn_cast<Constant>(m->keys[i])) {
          std::string identity = key_identity(c);
          if (!identity.empty() && !literal_keys.insert(identity).second)
            error("mapping pattern checks duplicate key (" + repr_string(constant(c->value)) + ")", p);
        }
        keys.push_back(num(pattern_value(m->keys[i], b)));
      }
      for (const Pattern* q : m->patterns) subs.push_back(pattern_node(q, b, true));
      int rest = m->rest ? pattern_capture(*m->rest, p, b) : -1;
      return new_tuple({op(kMatchMapping), new_tuple(keys), new_tuple(subs), num(rest)});
    }
    case PatternKind::MatchClass: {
      auto* c = cast<MatchClass>(p);
      int cls = pattern_value(c->cls, b);
      std::vector<Value> positional, names, keyword;
      for (const Pattern* q : c->patterns) positional.push_back(pattern_node(q, b, true));
      for (const std::string& name : c->kwd_attrs) names.push_back(intern(name));
      for (const Pattern* q : c->kwd_patterns) keyword.push_back(pattern_node(q, b, true));
      return new_tuple({op(kMatchClass), num(cls), new_tuple(positional), new_tuple(names), new_tuple(keyword)});
    }
    case PatternKind::MatchOr: {
      auto* o = cast<MatchOr>(p);
      std::set<std::string> before = b.bound;
      std::set<std::string> first_binds;
      std::vector<Value> alternatives;
      for (size_t i = 0; i < o->patterns.size(); ++i) {
        b.bound = before;
        bool last = i + 1 == o->patterns.size();
        alternatives.push_back(pattern_node(o->patterns[i], b, last && allow_irrefutable));
        std::set<std::string> binds;
        for (const std::string& name : b.bound)
          if (!before.count(name)) binds.insert(name);
        if (i == 0) first_binds = binds;
        // Reported where CPython's compiler stands then: at the last
        // sub-pattern of the alternative.
        else if (binds != first_binds) error("alternative patterns bind different names", b.last);
      }
      b.bound = before;
      b.bound.insert(first_binds.begin(), first_binds.end());
      return new_tuple({op(kMatchOr), new_tuple(alternatives)});
    }
  }
  error("invalid pattern", p);
}

void CodeGen::match_stmt(const Match* m) {
  expr(m->subject);
  Label end = new_label();
  for (size_t i = 0; i < m->cases.size(); ++i) {
    const MatchCase* c = m->cases[i];
    bool last = i + 1 == m->cases.size();
    PatternBuild b;
    Value root = pattern_node(c->pattern, b, last || c->guard != nullptr);
    Value descriptor = new_tuple({num(static_cast<int64_t>(b.names.size())), root});
    Label next = new_label(), fail = new_label();
    set_pos(c->pattern);
    emit(Op::COPY, 1);
    load_const(descriptor);
    for (const Expr* v : b.values) expr(v);
    set_pos(c->pattern);
    emit(Op::MATCH_PATTERN, static_cast<uint32_t>(b.values.size()));
    emit(Op::COPY, 1);
    emit_jump(Op::POP_JUMP_IF_NONE, fail);
    if (b.names.empty()) {
      emit(Op::POP_TOP);
    } else {
      emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(b.names.size()));
      for (const std::string& name : b.names) name_op(name, ExprContext::Store);
    }
    if (c->guard) condition_jump(c->guard, false, next);
    emit(Op::POP_TOP);
    body(c->body);
    emit_jump(Op::JUMP_FORWARD, end);
    place(fail);
    emit(Op::POP_TOP);
    place(next);
  }
  emit(Op::POP_TOP);
  place(end);
}

}  // namespace gilvm::compiler
