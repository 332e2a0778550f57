// The abstract syntax tree produced by the parser (vm/parser.hpp).
//
// It mirrors CPython 3.11's `ast` module: the same node names, the same field
// names and the same meaning of every field, so that `ast_dump` can print
// exactly what `ast.dump()` prints and the compiler can follow CPython's
// compile.c node by node. Differences, all forced by C++:
//
//   * Node types live in namespace gilvm::ast (Name, List, Call ... would
//     clash with runtime types otherwise).
//   * The statement node CPython calls `Expr` is `ExprStmt` here (its
//     StmtKind is still `Expr`), since `Expr` is the expression base class.
//   * FunctionDef/AsyncFunctionDef, For/AsyncFor and With/AsyncWith share one
//     struct each; `kind` says which one it is.
//   * Optional child nodes are nullable pointers; optional identifiers are
//     std::optional<std::string>.
//
// Memory: every node is allocated in an Arena and owned by it. Nodes point
// at each other with raw pointers and never free anything themselves; the
// arena (held by ParseResult) frees the whole tree at once.
//
// Positions: lineno/end_lineno are 1-based, col_offset/end_col_offset are
// 0-based UTF-8 byte offsets into the line, exactly as in CPython.
#pragma once

#include <cassert>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gilvm::ast {

// ---------------------------------------------------------------------------
// Arena

// Base of everything an Arena owns; the virtual destructor lets the arena
// destroy nodes of any type (they hold vectors and strings).
struct ArenaObject {
  virtual ~ArenaObject() = default;
};

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  template <class T, class... Args>
  T* make(Args&&... args) {
    auto owned = std::make_unique<T>(std::forward<Args>(args)...);
    T* raw = owned.get();
    objects_.push_back(std::move(owned));
    return raw;
  }

  std::size_t size() const { return objects_.size(); }

 private:
  std::vector<std::unique_ptr<ArenaObject>> objects_;
};

// Source span of a node (see the file comment for the units).
struct Located : ArenaObject {
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

// ---------------------------------------------------------------------------
// Small enums (CPython: expr_context, boolop, operator, unaryop, cmpop)

enum class ExprContext : std::uint8_t { Load, Store, Del };
enum class BoolOpKind : std::uint8_t { And, Or };
enum class OperatorKind : std::uint8_t {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor,
  BitAnd, FloorDiv
};
enum class UnaryOpKind : std::uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : std::uint8_t {
  Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn
};

// CPython's class names for the enums above ("Load", "Add", "NotIn", ...).
const char* name_of(ExprContext v);
const char* name_of(BoolOpKind v);
const char* name_of(OperatorKind v);
const char* name_of(UnaryOpKind v);
const char* name_of(CmpOpKind v);

// ---------------------------------------------------------------------------
// Kinds, for switch dispatch without RTTI.

enum class ModKind : std::uint8_t { Module, Expression, Interactive };

enum class StmtKind : std::uint8_t {
  FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign,
  AnnAssign, For, AsyncFor, While, If, With, AsyncWith, Raise, Try, Assert,
  Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue, Match
};

enum class PatternKind : std::uint8_t {
  MatchValue, MatchSingleton, MatchSequence, MatchMapping, MatchClass,
  MatchStar, MatchAs, MatchOr
};

enum class ExprKind : std::uint8_t {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp,
  SetComp, DictComp, GeneratorExp, Await, Yield, YieldFrom, Compare, Call,
  FormattedValue, JoinedStr, Constant, Attribute, Subscript, Starred, Name,
  List, Tuple, Slice
};

const char* name_of(ModKind k);
const char* name_of(StmtKind k);
const char* name_of(ExprKind k);
const char* name_of(PatternKind k);

struct Mod : ArenaObject {
  const ModKind kind;
  explicit Mod(ModKind k) : kind(k) {}
};

struct Stmt : Located {
  const StmtKind kind;
  explicit Stmt(StmtKind k) : kind(k) {}
};

struct Expr : Located {
  const ExprKind kind;
  explicit Expr(ExprKind k) : kind(k) {}
};

struct Pattern : Located {
  const PatternKind kind;
  explicit Pattern(PatternKind k) : kind(k) {}
};

// Checked downcasts: `ast::cast<ast::BinOp>(e)` asserts the kind matches.
// Every concrete node has `static bool is(Kind)`.
template <class T, class Base>
T* cast(Base* node) {
  assert(node && T::is(node->kind));
  return static_cast<T*>(node);
}
template <class T, class Base>
const T* cast(const Base* node) {
  assert(node && T::is(node->kind));
  return static_cast<const T*>(node);
}
// Returns nullptr when the node is of another kind.
template <class T, class Base>
T* dyn_cast(Base* node) {
  return node && T::is(node->kind) ? static_cast<T*>(node) : nullptr;
}

#define GILVM_AST_NODE(Base, Name)                                     \
  static bool is(Base##Kind k) { return k == Base##Kind::Name; }       \
  Name() : Base(Base##Kind::Name) {}

// ---------------------------------------------------------------------------
// Modules: what parse() returns for each mode. Exec -> Module, Eval ->
// Expression, Single -> Interactive.

struct Module : Mod {
  std::vector<Stmt*> body;  // type_ignores is always empty and not stored
  static bool is(ModKind k) { return k == ModKind::Module; }
  Module() : Mod(ModKind::Module) {}
};
struct Expression : Mod {
  Expr* body = nullptr;
  static bool is(ModKind k) { return k == ModKind::Expression; }
  Expression() : Mod(ModKind::Expression) {}
};
struct Interactive : Mod {
  std::vector<Stmt*> body;
  static bool is(ModKind k) { return k == ModKind::Interactive; }
  Interactive() : Mod(ModKind::Interactive) {}
};

// ---------------------------------------------------------------------------
// Helper records (no kind; arg, keyword, alias and ExceptHandler carry
// positions, the others do not, as in CPython).

// One parameter. `annotation` may be null.
struct Arg : Located {
  std::string arg;
  Expr* annotation = nullptr;
};

// A function's parameter list. `defaults` belong to the LAST entries of
// posonlyargs+args (there may be fewer defaults than parameters);
// kw_defaults has one entry per kwonlyarg, null where there is no default.
struct Arguments : ArenaObject {
  std::vector<Arg*> posonlyargs;
  std::vector<Arg*> args;
  Arg* vararg = nullptr;
  std::vector<Arg*> kwonlyargs;
  std::vector<Expr*> kw_defaults;
  Arg* kwarg = nullptr;
  std::vector<Expr*> defaults;
};

// `name=value` in a call or class header; `arg` is empty for `**value`.
struct Keyword : Located {
  std::optional<std::string> arg;
  Expr* value = nullptr;
};

// `import name as asname`; name may be dotted ("a.b.c") or "*".
struct Alias : Located {
  std::string name;
  std::optional<std::string> asname;
};

// `with context_expr as optional_vars`; optional_vars may be null.
struct WithItem : ArenaObject {
  Expr* context_expr = nullptr;
  Expr* optional_vars = nullptr;
};

// One `for target in iter if ifs...` clause of a comprehension.
struct Comprehension : ArenaObject {
  Expr* target = nullptr;
  Expr* iter = nullptr;
  std::vector<Expr*> ifs;
  bool is_async = false;
};

// `except type as name:` (type null for a bare `except:`).
struct ExceptHandler : Located {
  Expr* type = nullptr;
  std::optional<std::string> name;
  std::vector<Stmt*> body;
};

// ---------------------------------------------------------------------------
// Statements: definitions. Decorators are applied bottom-up; `returns` is
// the return annotation (may be null). kind distinguishes async def.

struct FunctionDef : Stmt {
  std::string name;
  std::string bound_name;  // the (mangled) name the def binds; see compiler/mangle.hpp
  Arguments* args = nullptr;
  std::vector<Stmt*> body;
  std::vector<Expr*> decorator_list;
  Expr* returns = nullptr;
  static bool is(StmtKind k) {
    return k == StmtKind::FunctionDef || k == StmtKind::AsyncFunctionDef;
  }
  explicit FunctionDef(bool is_async = false)
      : Stmt(is_async ? StmtKind::AsyncFunctionDef : StmtKind::FunctionDef) {}
  bool is_async() const { return kind == StmtKind::AsyncFunctionDef; }
};

struct ClassDef : Stmt {
  std::string name;
  std::string bound_name;  // the (mangled) name the class statement binds
  std::vector<Expr*> bases;
  std::vector<Keyword*> keywords;
  std::vector<Stmt*> body;
  std::vector<Expr*> decorator_list;
  GILVM_AST_NODE(Stmt, ClassDef)
};

// Statements: simple ones. Return.value and Raise.exc/cause may be null.
struct Return : Stmt {
  Expr* value = nullptr;
  GILVM_AST_NODE(Stmt, Return)
};
struct Delete : Stmt {
  std::vector<Expr*> targets;  // all with ctx Del
  GILVM_AST_NODE(Stmt, Delete)
};
// `a = b = value`: targets are assigned left to right, value evaluated once.
struct Assign : Stmt {
  std::vector<Expr*> targets;
  Expr* value = nullptr;
  GILVM_AST_NODE(Stmt, Assign)
};
struct AugAssign : Stmt {
  Expr* target = nullptr;  // Name, Attribute or Subscript, ctx Store
  OperatorKind op = OperatorKind::Add;
  Expr* value = nullptr;
  GILVM_AST_NODE(Stmt, AugAssign)
};
// `target: annotation [= value]`. simple is true for a bare, unparenthesized
// Name target (the only case that is stored in __annotations__).
struct AnnAssign : Stmt {
  Expr* target = nullptr;
  Expr* annotation = nullptr;
  Expr* value = nullptr;
  bool simple = false;
  GILVM_AST_NODE(Stmt, AnnAssign)
};
struct Raise : Stmt {
  Expr* exc = nullptr;
  Expr* cause = nullptr;
  GILVM_AST_NODE(Stmt, Raise)
};
struct Assert : Stmt {
  Expr* test = nullptr;
  Expr* msg = nullptr;
  GILVM_AST_NODE(Stmt, Assert)
};
struct Import : Stmt {
  std::vector<Alias*> names;
  GILVM_AST_NODE(Stmt, Import)
};
// `from ..module import names`: level counts the leading dots; module is
// empty for `from . import x`.
struct ImportFrom : Stmt {
  std::optional<std::string> module;
  std::vector<Alias*> names;
  int level = 0;
  GILVM_AST_NODE(Stmt, ImportFrom)
};
struct Global : Stmt {
  std::vector<std::string> names;
  GILVM_AST_NODE(Stmt, Global)
};
struct Nonlocal : Stmt {
  std::vector<std::string> names;
  GILVM_AST_NODE(Stmt, Nonlocal)
};
// An expression evaluated for its side effects (CPython's `Expr` statement).
struct ExprStmt : Stmt {
  Expr* value = nullptr;
  static bool is(StmtKind k) { return k == StmtKind::Expr; }
  ExprStmt() : Stmt(StmtKind::Expr) {}
};
struct Pass : Stmt {
  GILVM_AST_NODE(Stmt, Pass)
};
struct Break : Stmt {
  GILVM_AST_NODE(Stmt, Break)
};
struct Continue : Stmt {
  GILVM_AST_NODE(Stmt, Continue)
};

// Statements: compound. `orelse` is the else-block (an `elif` is a nested If
// alone in orelse). kind distinguishes async for / async with.
struct For : Stmt {
  Expr* target = nullptr;
  Expr* iter = nullptr;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;
  static bool is(StmtKind k) {
    return k == StmtKind::For || k == StmtKind::AsyncFor;
  }
  explicit For(bool is_async = false)
      : Stmt(is_async ? StmtKind::AsyncFor : StmtKind::For) {}
  bool is_async() const { return kind == StmtKind::AsyncFor; }
};
struct While : Stmt {
  Expr* test = nullptr;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;
  GILVM_AST_NODE(Stmt, While)
};
struct If : Stmt {
  Expr* test = nullptr;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;
  GILVM_AST_NODE(Stmt, If)
};
struct With : Stmt {
  std::vector<WithItem*> items;
  std::vector<Stmt*> body;
  static bool is(StmtKind k) {
    return k == StmtKind::With || k == StmtKind::AsyncWith;
  }
  explicit With(bool is_async = false)
      : Stmt(is_async ? StmtKind::AsyncWith : StmtKind::With) {}
  bool is_async() const { return kind == StmtKind::AsyncWith; }
};
struct Try : Stmt {
  bool is_star = false;  // except* clauses (PEP 654): CPython's TryStar
  std::vector<Stmt*> body;
  std::vector<ExceptHandler*> handlers;
  std::vector<Stmt*> orelse;
  std::vector<Stmt*> finalbody;
  GILVM_AST_NODE(Stmt, Try)
};

// `match subject:` with its `case pattern if guard:` blocks (PEP 634).
struct MatchCase : ArenaObject {
  Pattern* pattern = nullptr;
  Expr* guard = nullptr;
  std::vector<Stmt*> body;
};
struct Match : Stmt {
  Expr* subject = nullptr;
  std::vector<MatchCase*> cases;
  GILVM_AST_NODE(Stmt, Match)
};

// Patterns. MatchValue's value is a literal, a signed number, a complex
// literal or a dotted name; MatchSingleton's is None, True or False.
// MatchAs with neither pattern nor name is the wildcard `_`; MatchStar
// (only inside MatchSequence) has no name for `*_`.
struct MatchValue : Pattern {
  Expr* value = nullptr;
  GILVM_AST_NODE(Pattern, MatchValue)
};
struct MatchSingleton : Pattern {
  enum class Which : std::uint8_t { None, True, False } value = Which::None;
  GILVM_AST_NODE(Pattern, MatchSingleton)
};
struct MatchSequence : Pattern {
  std::vector<Pattern*> patterns;
  GILVM_AST_NODE(Pattern, MatchSequence)
};
struct MatchMapping : Pattern {
  std::vector<Expr*> keys;
  std::vector<Pattern*> patterns;
  std::optional<std::string> rest;
  GILVM_AST_NODE(Pattern, MatchMapping)
};
struct MatchClass : Pattern {
  Expr* cls = nullptr;
  std::vector<Pattern*> patterns;
  std::vector<std::string> kwd_attrs;
  std::vector<Pattern*> kwd_patterns;
  GILVM_AST_NODE(Pattern, MatchClass)
};
struct MatchStar : Pattern {
  std::optional<std::string> name;
  GILVM_AST_NODE(Pattern, MatchStar)
};
struct MatchAs : Pattern {
  Pattern* pattern = nullptr;
  std::optional<std::string> name;
  GILVM_AST_NODE(Pattern, MatchAs)
};
struct MatchOr : Pattern {
  std::vector<Pattern*> patterns;
  GILVM_AST_NODE(Pattern, MatchOr)
};

// ---------------------------------------------------------------------------
// Expressions: operators. BoolOp has >= 2 values (`a or b or c` is one
// BoolOp). Compare is chained: `a < b < c` has ops [Lt, Lt] and
// comparators [b, c].

struct BoolOp : Expr {
  BoolOpKind op = BoolOpKind::And;
  std::vector<Expr*> values;
  GILVM_AST_NODE(Expr, BoolOp)
};
struct NamedExpr : Expr {  // target := value; target is a Name (Store)
  Expr* target = nullptr;
  Expr* value = nullptr;
  GILVM_AST_NODE(Expr, NamedExpr)
};
struct BinOp : Expr {
  Expr* left = nullptr;
  OperatorKind op = OperatorKind::Add;
  Expr* right = nullptr;
  GILVM_AST_NODE(Expr, BinOp)
};
struct UnaryOp : Expr {
  UnaryOpKind op = UnaryOpKind::Not;
  Expr* operand = nullptr;
  GILVM_AST_NODE(Expr, UnaryOp)
};
struct Compare : Expr {
  Expr* left = nullptr;
  std::vector<CmpOpKind> ops;
  std::vector<Expr*> comparators;
  GILVM_AST_NODE(Expr, Compare)
};
struct IfExp : Expr {  // body if test else orelse
  Expr* test = nullptr;
  Expr* body = nullptr;
  Expr* orelse = nullptr;
  GILVM_AST_NODE(Expr, IfExp)
};
struct Lambda : Expr {
  Arguments* args = nullptr;
  Expr* body = nullptr;
  GILVM_AST_NODE(Expr, Lambda)
};

// Expressions: displays and comprehensions. In Dict, a null key means
// `**values[i]`. Comprehensions run in their own scope; the first
// generator's iter is evaluated in the enclosing scope.
struct Dict : Expr {
  std::vector<Expr*> keys;
  std::vector<Expr*> values;
  GILVM_AST_NODE(Expr, Dict)
};
struct Set : Expr {
  std::vector<Expr*> elts;
  GILVM_AST_NODE(Expr, Set)
};
struct ListComp : Expr {
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
  GILVM_AST_NODE(Expr, ListComp)
};
struct SetComp : Expr {
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
  GILVM_AST_NODE(Expr, SetComp)
};
struct DictComp : Expr {
  Expr* key = nullptr;
  Expr* value = nullptr;
  std::vector<Comprehension*> generators;
  GILVM_AST_NODE(Expr, DictComp)
};
struct GeneratorExp : Expr {
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
  GILVM_AST_NODE(Expr, GeneratorExp)
};

// Expressions: coroutines and generators. Yield.value may be null.
struct Await : Expr {
  Expr* value = nullptr;
  GILVM_AST_NODE(Expr, Await)
};
struct Yield : Expr {
  Expr* value = nullptr;
  GILVM_AST_NODE(Expr, Yield)
};
struct YieldFrom : Expr {
  Expr* value = nullptr;
  GILVM_AST_NODE(Expr, YieldFrom)
};

// Expressions: calls. `args` may contain Starred (for *x); keywords with an
// empty arg are **x.
struct Call : Expr {
  Expr* func = nullptr;
  std::vector<Expr*> args;
  std::vector<Keyword*> keywords;
  GILVM_AST_NODE(Expr, Call)
};

// Expressions: f-strings. A JoinedStr's values are Constant(str) pieces and
// FormattedValue fields. conversion is -1 (none) or 's', 'r', 'a';
// format_spec is null or itself a JoinedStr. `f"{x=}"` is already expanded
// into the literal text "x=" followed by the field (with conversion 'r' when
// no format spec and no conversion was given), as CPython does.
struct FormattedValue : Expr {
  Expr* value = nullptr;
  int conversion = -1;
  Expr* format_spec = nullptr;
  GILVM_AST_NODE(Expr, FormattedValue)
};
struct JoinedStr : Expr {
  std::vector<Expr*> values;
  GILVM_AST_NODE(Expr, JoinedStr)
};

// Expressions: constants. Adjacent literals are already concatenated.
struct ConstantValue {
  enum class Kind : std::uint8_t {
    None, True, False, Ellipsis,
    Int,      // `text`: decimal digits, never negative, no leading zeros
    Float,    // `number`
    Complex,  // imaginary literal `number`j (the real part is 0)
    Str,      // `text`: UTF-8 (may contain lone surrogates as WTF-8)
    Bytes,    // `text`: raw bytes
  };
  Kind kind = Kind::None;
  std::string text;
  double number = 0.0;
};
struct Constant : Expr {
  ConstantValue value;
  // CPython's Constant.kind: "u" for a u-prefixed string, else absent.
  std::optional<std::string> string_kind;
  GILVM_AST_NODE(Expr, Constant)
};

// Expressions: targets. ctx is Store for assignment/for/with/except-as
// targets, Del under `del`, Load everywhere else. List/Tuple/Starred
// targets propagate their ctx to their elements.
struct Attribute : Expr {
  Expr* value = nullptr;
  std::string attr;
  ExprContext ctx = ExprContext::Load;
  GILVM_AST_NODE(Expr, Attribute)
};
// `value[slice]`; a[1:2, 3] has slice = Tuple([Slice, Constant]).
struct Subscript : Expr {
  Expr* value = nullptr;
  Expr* slice = nullptr;
  ExprContext ctx = ExprContext::Load;
  GILVM_AST_NODE(Expr, Subscript)
};
struct Starred : Expr {
  Expr* value = nullptr;
  ExprContext ctx = ExprContext::Load;
  GILVM_AST_NODE(Expr, Starred)
};
struct Name : Expr {
  std::string id;
  ExprContext ctx = ExprContext::Load;
  GILVM_AST_NODE(Expr, Name)
};
struct List : Expr {
  std::vector<Expr*> elts;
  ExprContext ctx = ExprContext::Load;
  GILVM_AST_NODE(Expr, List)
};
struct Tuple : Expr {
  std::vector<Expr*> elts;
  ExprContext ctx = ExprContext::Load;
  GILVM_AST_NODE(Expr, Tuple)
};
// Only appears as (part of) a Subscript's slice. Any part may be null.
struct Slice : Expr {
  Expr* lower = nullptr;
  Expr* upper = nullptr;
  Expr* step = nullptr;
  GILVM_AST_NODE(Expr, Slice)
};

#undef GILVM_AST_NODE

// ---------------------------------------------------------------------------
// ast.dump(): the exact text CPython 3.11's ast.dump(node) prints with
// default arguments (no indent), and with include_attributes=True when
// asked. Used by the parser tests.

std::string ast_dump(const Mod* node, bool include_attributes = false);
std::string ast_dump(const Stmt* node, bool include_attributes = false);
std::string ast_dump(const Expr* node, bool include_attributes = false);

// Python's repr() of a constant, e.g. 'a\n', b'\x00', 1e+16, 2j, Ellipsis.
std::string constant_repr(const ConstantValue& value);

}  // namespace gilvm::ast

namespace gilvm {
using ast::ast_dump;
}  // namespace gilvm
