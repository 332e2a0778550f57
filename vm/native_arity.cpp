// The checks every native call passes before its C++ body runs: self is an
// instance of the method's owner type, and special methods get the
// argument count their protocol fixes. Natives then index their arguments
// freely; CallArgs::operator[] turns a read past the end into a TypeError.
//
// One table keyed by method name instead of a check in every method: the
// protocols fix the arity of special methods whatever the type.
#include <cstring>
#include <string>
#include <string_view>

#include "vm/current_native.hpp"
#include "vm/errors.hpp"
#include "vm/native.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

struct Arity {
  const char* name;
  int8_t min, max;  // positional arguments after self
};

// Special methods whose arity the protocol fixes. Left out on purpose:
// __init__, __new__, __call__ (any arguments), __enter__ / __exit__ (locks
// and files accept extras), __init_subclass__ and __class_getitem__.
constexpr Arity kSpecialArities[] = {
    {"__len__", 0, 0}, {"__iter__", 0, 0}, {"__next__", 0, 0}, {"__repr__", 0, 0},
    {"__str__", 0, 0}, {"__hash__", 0, 0}, {"__bool__", 0, 0}, {"__neg__", 0, 0},
    {"__pos__", 0, 0}, {"__abs__", 0, 0}, {"__invert__", 0, 0}, {"__int__", 0, 0},
    {"__float__", 0, 0}, {"__index__", 0, 0}, {"__reversed__", 0, 0}, {"__sizeof__", 0, 0},
    {"__getnewargs__", 0, 0}, {"__trunc__", 0, 0}, {"__floor__", 0, 0}, {"__ceil__", 0, 0},
    {"__await__", 0, 0}, {"__aiter__", 0, 0}, {"__anext__", 0, 0}, {"__bytes__", 0, 0},
    {"__complex__", 0, 0}, {"__length_hint__", 0, 0}, {"__subclasses__", 0, 0},
    {"__getitem__", 1, 1}, {"__contains__", 1, 1}, {"__delitem__", 1, 1},
    {"__eq__", 1, 1}, {"__ne__", 1, 1}, {"__lt__", 1, 1}, {"__le__", 1, 1}, {"__gt__", 1, 1},
    {"__ge__", 1, 1}, {"__add__", 1, 1}, {"__radd__", 1, 1}, {"__iadd__", 1, 1},
    {"__sub__", 1, 1}, {"__rsub__", 1, 1}, {"__isub__", 1, 1}, {"__mul__", 1, 1},
    {"__rmul__", 1, 1}, {"__imul__", 1, 1}, {"__truediv__", 1, 1}, {"__rtruediv__", 1, 1},
    {"__itruediv__", 1, 1}, {"__floordiv__", 1, 1}, {"__rfloordiv__", 1, 1},
    {"__ifloordiv__", 1, 1}, {"__mod__", 1, 1}, {"__rmod__", 1, 1}, {"__imod__", 1, 1},
    {"__divmod__", 1, 1}, {"__rdivmod__", 1, 1}, {"__lshift__", 1, 1}, {"__rlshift__", 1, 1},
    {"__ilshift__", 1, 1}, {"__rshift__", 1, 1}, {"__rrshift__", 1, 1}, {"__irshift__", 1, 1},
    {"__and__", 1, 1}, {"__rand__", 1, 1}, {"__iand__", 1, 1}, {"__or__", 1, 1},
    {"__ror__", 1, 1}, {"__ior__", 1, 1}, {"__xor__", 1, 1}, {"__rxor__", 1, 1},
    {"__ixor__", 1, 1}, {"__matmul__", 1, 1}, {"__rmatmul__", 1, 1},
    {"__getattribute__", 1, 1}, {"__delattr__", 1, 1}, {"__format__", 1, 1},
    {"__instancecheck__", 1, 1}, {"__subclasscheck__", 1, 1}, {"__delete__", 1, 1},
    {"__setitem__", 2, 2}, {"__setattr__", 2, 2}, {"__set__", 2, 2}, {"__set_name__", 2, 2},
    {"__get__", 1, 2}, {"__pow__", 1, 2}, {"__rpow__", 1, 2}, {"__round__", 0, 1},
};

// Methods CPython implements as METH_O / METH_NOARGS functions rather than
// slot wrappers: their count errors name the method ("dict.__getitem__()
// takes exactly one argument (0 given)"). Ordinary methods with one fixed
// arity are listed here too, by owner and name.
struct MethodArity {
  const char* type;
  const char* name;
  int8_t min, max;
};
constexpr MethodArity kMethodStyle[] = {
    {"dict", "__getitem__", 1, 1}, {"dict", "__contains__", 1, 1}, {"dict", "__sizeof__", 0, 0},
    {"dict", "__reversed__", 0, 0}, {"list", "__getitem__", 1, 1}, {"list", "__reversed__", 0, 0},
    {"list", "__sizeof__", 0, 0}, {"set", "__contains__", 1, 1}, {"set", "__sizeof__", 0, 0},
    {"frozenset", "__contains__", 1, 1}, {"frozenset", "__sizeof__", 0, 0},
    {"range", "__reversed__", 0, 0}, {"int", "__trunc__", 0, 0}, {"int", "__floor__", 0, 0},
    {"int", "__ceil__", 0, 0}, {"int", "__getnewargs__", 0, 0}, {"int", "__format__", 1, 1},
    {"int", "__sizeof__", 0, 0}, {"float", "__trunc__", 0, 0}, {"float", "__floor__", 0, 0},
    {"float", "__ceil__", 0, 0}, {"float", "__getnewargs__", 0, 0}, {"float", "__format__", 1, 1},
    {"str", "__format__", 1, 1}, {"str", "__sizeof__", 0, 0}, {"str", "__getnewargs__", 0, 0},
    {"bytes", "__getnewargs__", 0, 0}, {"bytes", "__bytes__", 0, 0}, {"tuple", "__getnewargs__", 0, 0},
    {"object", "__format__", 1, 1}, {"object", "__sizeof__", 0, 0}, {"object", "__reduce__", 0, 0},
    {"object", "__reduce_ex__", 1, 1}, {"object", "__dir__", 0, 0},
    {"type", "__subclasses__", 0, 0}, {"type", "__instancecheck__", 1, 1},
    {"type", "__subclasscheck__", 1, 1}, {"type", "__dir__", 0, 0}, {"type", "__sizeof__", 0, 0},
    {"range", "index", 1, 1}, {"range", "count", 1, 1}, {"list", "append", 1, 1},
    {"list", "remove", 1, 1}, {"list", "count", 1, 1}, {"list", "extend", 1, 1},
    {"tuple", "count", 1, 1}, {"set", "add", 1, 1}, {"set", "discard", 1, 1},
    {"set", "remove", 1, 1}, {"set", "isdisjoint", 1, 1}, {"set", "issubset", 1, 1},
    {"set", "issuperset", 1, 1}, {"frozenset", "isdisjoint", 1, 1},
    {"frozenset", "issubset", 1, 1}, {"frozenset", "issuperset", 1, 1},
    {"dict", "keys", 0, 0}, {"dict", "values", 0, 0}, {"dict", "items", 0, 0},
    {"dict", "clear", 0, 0}, {"dict", "copy", 0, 0}, {"dict", "popitem", 0, 0},
    {"list", "clear", 0, 0}, {"list", "copy", 0, 0}, {"list", "reverse", 0, 0},
    {"set", "clear", 0, 0}, {"set", "copy", 0, 0}, {"set", "pop", 0, 0},
    {"frozenset", "copy", 0, 0}, {"str", "lower", 0, 0}, {"str", "upper", 0, 0},
    {"str", "title", 0, 0}, {"str", "swapcase", 0, 0}, {"str", "capitalize", 0, 0},
    {"str", "casefold", 0, 0}, {"str", "isdigit", 0, 0}, {"str", "isalpha", 0, 0},
    {"str", "isalnum", 0, 0}, {"str", "isspace", 0, 0}, {"str", "islower", 0, 0},
    {"str", "isupper", 0, 0}, {"str", "istitle", 0, 0}, {"str", "isdecimal", 0, 0},
    {"str", "isnumeric", 0, 0}, {"str", "isidentifier", 0, 0}, {"str", "isprintable", 0, 0},
    {"str", "isascii", 0, 0}, {"int", "bit_length", 0, 0}, {"int", "bit_count", 0, 0},
    {"int", "conjugate", 0, 0}, {"int", "as_integer_ratio", 0, 0}, {"float", "is_integer", 0, 0},
    {"float", "hex", 0, 0}, {"float", "conjugate", 0, 0}, {"float", "as_integer_ratio", 0, 0},
    {"type", "mro", 0, 0}, {"int", "__round__", 0, 1}, {"float", "__round__", 0, 1},
    {"bytearray", "append", 1, 1}, {"bytearray", "remove", 1, 1}, {"bytearray", "extend", 1, 1},
    {"bytearray", "clear", 0, 0}, {"bytearray", "copy", 0, 0}, {"bytearray", "reverse", 0, 0},
    {"memoryview", "release", 0, 0}, {"memoryview", "tolist", 0, 0}, {"memoryview", "toreadonly", 0, 0},
    {"memoryview", "__enter__", 0, 0},
    // stdlib types: array.array, struct.Struct, hashlib's HASH.
    {"array", "append", 1, 1}, {"array", "extend", 1, 1}, {"array", "remove", 1, 1},
    {"array", "count", 1, 1}, {"array", "frombytes", 1, 1}, {"array", "fromlist", 1, 1},
    {"array", "tobytes", 0, 0}, {"array", "tolist", 0, 0}, {"array", "reverse", 0, 0},
    {"array", "byteswap", 0, 0}, {"array", "buffer_info", 0, 0}, {"array", "__copy__", 0, 0},
    {"array", "__deepcopy__", 1, 1}, {"array", "tounicode", 0, 0}, {"array", "fromunicode", 1, 1},
    {"Struct", "unpack", 1, 1}, {"Struct", "iter_unpack", 1, 1}, {"HASH", "update", 1, 1},
    {"HASH", "digest", 0, 0}, {"HASH", "hexdigest", 0, 0}, {"HASH", "copy", 0, 0},
    {"StringIO", "write", 1, 1}, {"StringIO", "writelines", 1, 1}, {"StringIO", "getvalue", 0, 0},
    {"StringIO", "tell", 0, 0}, {"StringIO", "close", 0, 0}, {"StringIO", "readable", 0, 0},
    {"StringIO", "writable", 0, 0}, {"StringIO", "seekable", 0, 0}, {"StringIO", "flush", 0, 0},
    {"StringIO", "isatty", 0, 0}, {"StringIO", "fileno", 0, 0}, {"StringIO", "detach", 0, 0},
    {"BytesIO", "write", 1, 1}, {"BytesIO", "writelines", 1, 1}, {"BytesIO", "getvalue", 0, 0},
    {"BytesIO", "tell", 0, 0}, {"BytesIO", "close", 0, 0}, {"BytesIO", "readable", 0, 0},
    {"BytesIO", "writable", 0, 0}, {"BytesIO", "seekable", 0, 0}, {"BytesIO", "flush", 0, 0},
    {"BytesIO", "isatty", 0, 0}, {"BytesIO", "fileno", 0, 0},
};

// The native running on this thread, for the message of a missing argument.
thread_local const NativeFunction* current_native = nullptr;

std::string qualified_name(const NativeFunction* f) {
  if (f->owner != nullptr) return f->owner->name + "." + f->name;
  return f->name;
}

std::string plural(size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

[[noreturn]] void raise_count_error(const NativeFunction* f, size_t given) {
  std::string name = qualified_name(f);
  size_t min = static_cast<size_t>(f->min_args), max = static_cast<size_t>(f->max_args);
  if (f->flags & kNativeMethodStyleArity) {
    if (max == 0) raise_type_error(name + "() takes no arguments (" + std::to_string(given) + " given)");
    if (min == 1 && max == 1)
      raise_type_error(name + "() takes exactly one argument (" + std::to_string(given) + " given)");
  }
  // Slot wrappers: "expected 1 argument, got 0"; those taking two or a
  // range unpack their arguments under an empty name, hence the leading space.
  if (min == max && max <= 1)
    raise_type_error("expected " + plural(min, "argument") + ", got " + std::to_string(given));
  std::string prefix = (f->flags & kNativeSlotWrapper) ? "" : f->name;
  if (min == max)
    raise_type_error(prefix + " expected " + plural(min, "argument") + ", got " + std::to_string(given));
  if (given < min)
    raise_type_error(prefix + " expected at least " + plural(min, "argument") + ", got " + std::to_string(given));
  raise_type_error(prefix + " expected at most " + plural(max, "argument") + ", got " + std::to_string(given));
}

}  // namespace

void assign_native_arity(NativeFunction* f) {
  if (f->owner == nullptr || (f->flags & (kNativeClassMethod | kNativeStaticMethod))) return;
  std::string_view type_name = f->owner->name;
  std::string_view name = f->name;
  bool special = name.size() > 4 && name.starts_with("__") && name.ends_with("__");
  for (const MethodArity& m : kMethodStyle) {
    if (type_name == m.type && std::strcmp(f->name, m.name) == 0) {
      f->min_args = m.min;
      f->max_args = m.max;
      f->flags |= kNativeMethodStyleArity;
      return;
    }
  }
  if (special) f->flags |= kNativeSlotWrapper;
  for (const Arity& a : kSpecialArities) {
    if (std::strcmp(f->name, a.name) == 0) {
      f->min_args = a.min;
      f->max_args = a.max;
      return;
    }
  }
}

void check_native_call(const NativeFunction* f, const CallArgs& args) {
  size_t given = args.count;
  if (f->owner != nullptr && !(f->flags & (kNativeClassMethod | kNativeStaticMethod))) {
    // An unbound method descriptor (str.upper(5)) may be handed any self.
    bool wrapper = f->flags & kNativeSlotWrapper;
    if (given == 0) {
      if (wrapper)
        raise_type_error(std::string("descriptor '") + f->name + "' of '" + f->owner->name +
                         "' object needs an argument");
      raise_type_error("unbound method " + qualified_name(f) + "() needs an argument");
    }
    Type* self_type = type_of(args.args[0]);
    if (self_type != f->owner && !self_type->is_subtype_of(f->owner)) {
      if (wrapper)
        raise_type_error(std::string("descriptor '") + f->name + "' requires a '" + f->owner->name +
                         "' object but received a '" + self_type->name + "'");
      raise_type_error(std::string("descriptor '") + f->name + "' for '" + f->owner->name +
                       "' objects doesn't apply to a '" + self_type->name + "' object");
    }
    --given;
  }
  if (f->min_args < 0) return;
  if (args.kw_count() != 0) raise_type_error(qualified_name(f) + "() takes no keyword arguments");
  if (given < static_cast<size_t>(f->min_args) || given > static_cast<size_t>(f->max_args))
    raise_count_error(f, given);
}

const NativeFunction* current_native_function() { return current_native; }

NativeCallScope::NativeCallScope(const NativeFunction* f) : saved_(current_native) { current_native = f; }
NativeCallScope::~NativeCallScope() { current_native = saved_; }

void CallArgs::raise_missing_native_argument(size_t index, size_t count) {
  const NativeFunction* f = current_native;
  if (f == nullptr) raise_type_error("function missing required argument (" + std::to_string(count) + " given)");
  // Count the arguments as the caller wrote them: without self.
  bool has_self = f->owner != nullptr && !(f->flags & kNativeStaticMethod);
  size_t shown_index = has_self && index > 0 ? index - 1 : index;
  size_t shown_count = has_self && count > 0 ? count - 1 : count;
  raise_type_error(qualified_name(f) + "() missing required argument (pos " + std::to_string(shown_index + 1) +
                   "; " + std::to_string(shown_count) + " given)");
}

}  // namespace gilvm
