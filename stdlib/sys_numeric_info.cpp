// sys.float_info, sys.int_info and sys.getsizeof.
//
// float_info and int_info are read-only named tuples as in CPython (their
// types are tuple subclasses whose fields are getters). int_info reports
// CPython's digit layout (30-bit digits) because code reads it to size
// things; gilvm's ints are GMP limbs, which no script can observe.
//
// getsizeof: an object's own __sizeof__ when its class defines one (plus
// the 16-byte header CPython adds for objects the collector tracks), else
// an estimate of what the object occupies in gilvm. The estimates are not
// CPython's numbers: the object layouts differ (docs/language.md).
#include <cfloat>
#include <span>
#include <string>
#include <vector>

#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/native.hpp"
#include "vm/objects/bytearray.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/set.hpp"
#include "vm/objects/str.hpp"
#include "vm/opcodes.hpp"
#include "vm/ops.hpp"
#include "vm/text/int_digits_limit.hpp"
#include "vm/text/utf8.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

Type* float_info_type = nullptr;
Type* int_info_type = nullptr;

const std::vector<const char*> kFloatInfoFields = {"max",      "max_exp", "max_10_exp", "min",   "min_exp", "min_10_exp",
                                                   "dig",      "mant_dig", "epsilon",   "radix", "rounds"};
const std::vector<const char*> kIntInfoFields = {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                                 "str_digits_check_threshold"};

template <int Index>
Value info_field(Value self) {
  return self.as<Tuple>()->items[Index];
}
void info_readonly(Value, Value) { raise_attribute_error("readonly attribute"); }

const std::vector<const char*>& fields_of(Value self) {
  return type_of(self) == float_info_type ? kFloatInfoFields : kIntInfoFields;
}

// sys.float_info(max=..., ...)
Value info_repr(const CallArgs& a) {
  const std::vector<const char*>& fields = fields_of(a[0]);
  std::span<const Value> items = a[0].as<Tuple>()->items;
  std::string out = std::string("sys.") + type_of(a[0])->name + "(";
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ", ";
    out += fields[i];
    out += '=';
    out += repr_string(items[i]);
  }
  return new_str(out + ")");
}

Type* make_info_type(const char* name, size_t field_count) {
  using Getter = Value (*)(Value);
  static const Getter getters[] = {info_field<0>, info_field<1>, info_field<2>, info_field<3>,
                                   info_field<4>, info_field<5>, info_field<6>, info_field<7>,
                                   info_field<8>, info_field<9>, info_field<10>};
  Type* t = new_builtin_type(name, types().tuple, nullptr);
  t->allows_subclassing = false;
  const std::vector<const char*>& fields = field_count == kFloatInfoFields.size() ? kFloatInfoFields : kIntInfoFields;
  for (size_t i = 0; i < field_count; ++i) add_getset(t, fields[i], getters[i], info_readonly);
  add_method(t, "__repr__", info_repr);
  return t;
}

// What an object of a built-in type occupies: its object and the buffers
// it owns, counted roughly.
int64_t estimated_size(Value v) {
  if (v.is_none()) return 16;
  if (v.is_bool() || v.is_small_int()) return 28;
  if (v.is_inline_float()) return 24;
  Type* t = type_of(v);
  constexpr int64_t kHeader = 32;  // vtable, type, attribute dict, flags
  if (is_int_value(v)) {
    Mpz z(v);
    return kHeader + 16 + static_cast<int64_t>(mpz_size(z.v)) * 8;
  }
  if (t->is_subtype_of(types().str)) return kHeader + 33 + static_cast<int64_t>(v.as<Str>()->data.size());
  if (t->is_subtype_of(types().bytes)) return kHeader + 33 + static_cast<int64_t>(v.as<Bytes>()->data.size());
  if (t->is_subtype_of(types().bytearray))
    return kHeader + 24 + static_cast<int64_t>(v.as<ByteArray>()->data.capacity());
  if (t->is_subtype_of(types().tuple)) return kHeader + 24 + 8 * static_cast<int64_t>(v.as<Tuple>()->items.size());
  if (t->is_subtype_of(types().list)) return kHeader + 24 + 8 * static_cast<int64_t>(v.as<List>()->items.capacity());
  if (t->is_subtype_of(types().dict)) return kHeader + 32 + 24 * length(v);
  if (t->is_subtype_of(types().set) || t->is_subtype_of(types().frozenset)) return kHeader + 184 + 16 * length(v);
  return kHeader + 16;
}

Value sys_getsizeof(const CallArgs& a) {
  ArgParser p(a, "getsizeof", {"object", "default"}, 1, false);
  Value object = p.get(0);
  Type* t = type_of(object);
  Value method = t->is_builtin ? Value::null() : lookup_in_mro(t, intern("__sizeof__"));
  if (method.is_null()) return make_int(estimated_size(object));
  Value result = call_method(object, "__sizeof__", {});
  if (!is_int_value(result)) {
    if (p.given(1)) return p.get(1);
    raise_type_error("an integer is required");
  }
  if (int_sign(result) < 0) raise_value_error("__sizeof__() should return >= 0");
  return binary_op(result, Value::small_int(16), kAdd);  // the collector's header
}

}  // namespace

void add_sys_numeric_info(Module* m) {
  if (float_info_type == nullptr) {
    float_info_type = make_info_type("float_info", kFloatInfoFields.size());
    int_info_type = make_info_type("int_info", kIntInfoFields.size());
  }
  DictTable& d = m->dict()->table;
  d.set(intern("float_info"),
        gc_new<Tuple>(float_info_type,
                      ValueVector{make_float(DBL_MAX), make_int(DBL_MAX_EXP), make_int(DBL_MAX_10_EXP),
                                  make_float(DBL_MIN), make_int(DBL_MIN_EXP), make_int(DBL_MIN_10_EXP),
                                  make_int(DBL_DIG), make_int(DBL_MANT_DIG), make_float(DBL_EPSILON),
                                  make_int(FLT_RADIX), make_int(1)}));
  d.set(intern("int_info"), gc_new<Tuple>(int_info_type, ValueVector{make_int(30), make_int(4),
                                                                    make_int(text::kDefaultIntMaxStrDigits),
                                                                    make_int(text::kMinIntMaxStrDigits)}));
  add_function(m, "getsizeof", sys_getsizeof);
}

}  // namespace gilvm
