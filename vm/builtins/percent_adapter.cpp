// Hands the operands of % to the text library's percent_format: positional
// items, mapping lookups and the per-conversion coercions, with CPython
// 3.11's messages (which differ between str and bytes formatting).
#include "vm/builtins/percent_adapter.hpp"

#include <cstdio>
#include <deque>
#include <optional>

#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/heap/value_vector.hpp"
#include "vm/names.hpp"
#include "vm/number_ops.hpp"
#include "vm/objects/buffer.hpp"
#include "vm/objects/bytearray.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/text/percent_format.hpp"
#include "vm/text/utf8.hpp"

namespace gilvm {

void append_ascii_repr(std::string& out, Value x) {
  std::string r = repr_string(x);
  for (size_t pos = 0; pos < r.size();) {
    size_t start = pos;
    char32_t cp = text::decode_utf8(r, pos);
    if (cp < 0x80) {
      out.append(r, start, pos - start);
    } else {
      char buf[16];
      if (cp <= 0xff) std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      else if (cp <= 0xffff) std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      else std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
      out += buf;
    }
  }
}

namespace {

bool is_bytes_kind(Value x) { return isinstance(x, types().bytes) || isinstance(x, types().bytearray); }

class PercentAdapter : public text::PercentArgs {
 public:
  // The adapter lives on the C++ stack, so `right_` (and through it a
  // tuple's items, which never change) stays reachable while it formats.
  PercentAdapter(Value right, bool bytes) : right_(right), bytes_(bytes) {
    // A tuple subclass (a namedtuple) gives its items too, as in CPython.
    Type* t = type_of(right);
    bool is_tuple = t->is_subtype_of(types().tuple);
    if (is_tuple) {
      const auto& items = right.as<Tuple>()->items;
      items_ = items.data();
      count_ = items.size();
    } else {
      items_ = &right_;
      count_ = 1;
    }
    // Anything with __getitem__ but a tuple or str is a mapping (enabling
    // %(key)s and turning off the count of unused arguments); bytes
    // formatting also excludes bytes and bytearray.
    bool excluded = is_tuple || t->is_subtype_of(types().str) || (bytes && is_bytes_kind(right));
    mapping_ = !excluded && !lookup_in_mro(t, names().__getitem__).is_null();
  }
  std::size_t positional_count() override { return count_; }
  text::PercentArg positional(std::size_t i) override { return &items_[i]; }
  bool is_mapping() override { return mapping_; }
  text::PercentArg lookup(std::string_view key) override {
    if (!looked_up_) looked_up_.emplace();
    looked_up_->push_back(get_item(right_, bytes_ ? new_bytes(std::string(key)) : Value(new_str(key))));
    return &looked_up_->back();
  }
  static Value v(text::PercentArg arg) { return *static_cast<const Value*>(arg); }
  void append_str(std::string& out, text::PercentArg arg) override { out += to_str(v(arg))->data; }
  void append_repr(std::string& out, text::PercentArg arg) override { out += repr_string(v(arg)); }
  void append_ascii(std::string& out, text::PercentArg arg) override { append_ascii_repr(out, v(arg)); }
  void append_bytes(std::string& out, text::PercentArg arg) override {
    Value x = v(arg);
    std::string copied;
    if (copy_buffer(x, &copied)) {
      out += copied;
      return;
    }
    Value convert = lookup_in_mro(type_of(x), intern("__bytes__"));
    if (convert.is_null())
      raise_type_error("%b requires a bytes-like object, or an object that implements __bytes__, not '" +
                       type_name(x) + "'");
    Value result = call(convert, {x});
    if (!isinstance(result, types().bytes))
      raise_type_error("__bytes__ returned non-bytes (type " + type_name(result) + ")");
    out += result.as<Bytes>()->data;
  }
  text::PercentInt int_of(Value x) {
    int64_t small;
    if (int_to_int64(x, &small)) return text::PercentInt{small, nullptr};
    if (!bigs_) bigs_.emplace();
    bigs_->emplace_back();
    mpz_init(bigs_->back().v);
    int_to_mpz(x, bigs_->back().v);
    return text::PercentInt{0, bigs_->back().v};
  }
  text::PercentInt to_int(text::PercentArg arg, char conversion) override {
    Value x = v(arg);
    bool decimal = conversion == 'd' || conversion == 'i' || conversion == 'u';
    if (is_int_value(x)) return int_of(x);
    if (decimal && is_float(x)) {
      Value args[1] = {x};
      return int_of(call_object(types().int_, CallArgs{args, 1}));
    }
    if (decimal && !lookup_in_mro(type_of(x), intern("__int__")).is_null()) return int_of(call_method(x, "__int__", {}));
    if (!lookup_in_mro(type_of(x), names().__index__).is_null()) return int_of(call_method(x, "__index__", {}));
    if (decimal)
      raise_type_error(std::string("%") + conversion + " format: a real number is required, not " + type_name(x));
    raise_type_error(std::string("%") + conversion + " format: an integer is required, not " + type_name(x));
  }
  double to_float(text::PercentArg arg) override {
    Value x = v(arg);
    if (!bytes_) return to_double(x);
    // Bytes formatting reports any failed conversion the same way, an int
    // too large for a float included.
    std::string refused = "float argument required, not " + type_name(x);
    Type* t = type_of(x);
    if (is_float(x)) return to_double(x);
    if (is_int_value(x)) {
      int64_t small;
      if (int_to_int64(x, &small)) return static_cast<double>(small);
      mpz_t big;
      mpz_init(big);
      int_to_mpz(x, big);
      bool fits = mpz_sizeinbase(big, 2) <= 1024;
      double d = fits ? mpz_get_d(big) : 0;
      mpz_clear(big);
      if (!fits) raise_type_error(refused);
      return d;
    }
    if (lookup_in_mro(t, intern("__float__")).is_null() && lookup_in_mro(t, names().__index__).is_null())
      raise_type_error(refused);
    return to_double(x);
  }
  text::PercentInt char_code(text::PercentArg arg) override {
    Value x = v(arg);
    if (bytes_) {
      const char* refused = "%c requires an integer in range(256) or a single byte";
      if (is_bytes_kind(x)) {
        const std::string& data = isinstance(x, types().bytes) ? x.as<Bytes>()->data : x.as<ByteArray>()->data;
        if (data.size() != 1) raise_type_error(refused);
        return text::PercentInt{static_cast<unsigned char>(data[0]), nullptr};
      }
      if (is_int_value(x)) return int_of(x);
      if (lookup_in_mro(type_of(x), names().__index__).is_null()) raise_type_error(refused);
      return int_of(call_method(x, "__index__", {}));
    }
    if (isinstance(x, types().str)) {
      if (x.as<Str>()->length != 1) raise_type_error("%c requires int or char");
      size_t pos = 0;
      return text::PercentInt{static_cast<int64_t>(text::decode_utf8(x.as<Str>()->data, pos)), nullptr};
    }
    if (!is_int_value(x)) raise_type_error("%c requires int or char");
    return int_of(x);
  }
  std::optional<text::PercentInt> star_int(text::PercentArg arg) override {
    Value x = v(arg);
    if (!is_int_value(x)) return std::nullopt;
    return int_of(x);
  }
  ~PercentAdapter() override {
    if (bigs_)
      for (auto& b : *bigs_) mpz_clear(b.v);
  }

 private:
  struct Big {
    mpz_t v;
  };
  Value right_;
  bool bytes_;
  const Value* items_ = nullptr;
  size_t count_ = 0;
  // Made on first use: most formats need neither.
  std::optional<std::deque<Value, RootingAllocator<Value>>> looked_up_;
  std::optional<std::deque<Big>> bigs_;
  bool mapping_ = false;
};

}  // namespace

std::string percent_format_values(std::string_view format, Value args, bool bytes) {
  PercentAdapter adapter(args, bytes);
  return text::percent_format(format, adapter, bytes ? text::PercentMode::kBytes : text::PercentMode::kStr);
}

}  // namespace gilvm
