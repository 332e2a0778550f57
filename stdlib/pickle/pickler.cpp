// pickle's encoder: Values to the bytes of protocols 0 to 5.
//
// The output is byte for byte what CPython 3.11's C pickler writes for the
// same objects (the same opcodes, batches, memo indices and frames), so the
// tests compare bytes, not just round trips. The rules that make that so:
//  * Atoms (None, bools, ints, floats) are never memoized; str and bytes
//    are memoized but not entered in the recursion count; everything else
//    is memoized right after its opcode creates it (lists, dicts, sets: at
//    once, so their items may refer back to them; tuples and frozensets:
//    after their items, and a tuple that meets itself among its items is
//    thrown away and fetched back from the memo).
//  * The memo (pickle.hpp) keeps every memoized object alive, so object
//    identity is a stable key even for the temporaries made here (a
//    __reduce__ argument tuple, the 'latin1' of a protocol 2 bytes).
//  * Framing (opcodes.hpp): `frame_start_` is where the current frame's
//    9-byte header was reserved, or npos between frames. A write opens a
//    frame when framing is on and none is open; the end of each save()
//    closes the frame once it reaches the target size; closing fills in the
//    header, or removes it for a frame under the minimum size. Large
//    payloads are written unframed after closing the current frame.
//
// Python code runs in the middle of all this (persistent_id, __reduce_ex__,
// __getstate__, iterators from __reduce__, dispatch_table entries); the
// Values kept across it live in the memo (a heap object) or in C++ locals.
#include <cmath>
#include <cstring>
#include <string>

#include "stdlib/pickle/opcodes.hpp"
#include "stdlib/pickle/pickle.hpp"
#include "vm/call.hpp"
#include "vm/errors.hpp"
#include "vm/import.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/function.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/set.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/text/float_format.hpp"
#include "vm/types.hpp"

namespace gilvm::pickle {

namespace {

constexpr size_t kNoFrame = static_cast<size_t>(-1);

Str* s_qualname() {
  static Str* s = intern("__qualname__");
  return s;
}
Str* s_module() {
  static Str* s = intern("__module__");
  return s;
}
Str* s_name() {
  static Str* s = intern("__name__");
  return s;
}

void put_le(std::string& out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// Two's complement, little-endian, as short as pickle's encode_long makes it:
// (bit_length >> 3) + 1 bytes, then one 0xff dropped from a negative number
// whose next byte already carries the sign.
std::string encode_long(Value v) {
  mpz_t z, m;
  mpz_init(z);
  mpz_init(m);
  int_to_mpz(v, z);
  size_t bits = mpz_sgn(z) == 0 ? 0 : mpz_sizeinbase(z, 2);
  size_t nbytes = (bits >> 3) + 1;
  if (mpz_sgn(z) < 0) {
    mpz_set_ui(m, 1);
    mpz_mul_2exp(m, m, 8 * nbytes);
    mpz_add(m, m, z);  // 2**(8n) + z, the two's complement
  } else {
    mpz_set(m, z);
  }
  std::string out(nbytes, '\0');
  size_t written = 0;
  mpz_export(out.data(), &written, -1, 1, 0, 0, m);
  bool negative = mpz_sgn(z) < 0;
  mpz_clear(z);
  mpz_clear(m);
  if (negative && nbytes > 1 && static_cast<uint8_t>(out[nbytes - 1]) == 0xff &&
      (static_cast<uint8_t>(out[nbytes - 2]) & 0x80) != 0)
    out.pop_back();
  return out;
}

// The text of protocol 0's UNICODE: raw-unicode-escape, with the
// characters that would break the line-based format escaped as well.
std::string raw_unicode_escape(const Str* s) {
  std::string out;
  std::string_view text = s->view();
  char buf[16];
  for (size_t i = 0; i < text.size();) {
    uint8_t c = static_cast<uint8_t>(text[i]);
    char32_t cp;
    if (c < 0x80) {
      cp = c;
      i += 1;
    } else {
      int n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      cp = c & (n == 4 ? 0x07 : n == 3 ? 0x0f : 0x1f);
      for (int k = 1; k < n && i + k < text.size(); ++k) cp = (cp << 6) | (static_cast<uint8_t>(text[i + k]) & 0x3f);
      i += n;
    }
    if (cp >= 0x10000) {
      snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
      out += buf;
    } else if (cp >= 0x100 || cp == '\\' || cp == 0 || cp == '\n' || cp == '\r' || cp == 0x1a) {
      snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.push_back(static_cast<char>(cp));
    }
  }
  return out;
}

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<uint8_t>(c) >= 0x80) return false;
  return true;
}

Value compat_mapping(const char* name) {
  static Value module;
  if (module.is_null()) module = import_by_name(intern("_compat_pickle"));
  return get_attr(module, name);
}

class Encoder {
 public:
  Encoder(const EncodeOptions& o, std::string& out) : o_(o), proto_(o.protocol), out_(out), memo_(o.memo) {}

  void dump(Value obj) {
    if (proto_ >= 2) {
      out_.push_back(static_cast<char>(op::PROTO));
      out_.push_back(static_cast<char>(proto_));
      framing_ = proto_ >= 4;
    }
    save(obj, false);
    put_op(op::STOP);
    commit_frame();
    framing_ = false;
  }

 private:
  // ---- output and framing -------------------------------------------------
  void open_frame() {
    if (framing_ && frame_start_ == kNoFrame) {
      frame_start_ = out_.size();
      out_.append(kFrameHeaderSize, '\0');
    }
  }
  void put_op(uint8_t code) {
    open_frame();
    out_.push_back(static_cast<char>(code));
  }
  void put_text(std::string_view text) {
    open_frame();
    out_.append(text);
  }
  void commit_frame() {
    if (frame_start_ == kNoFrame) return;
    size_t length = out_.size() - frame_start_ - kFrameHeaderSize;
    if (length >= kFrameSizeMin) {
      std::string header;
      header.push_back(static_cast<char>(op::FRAME));
      put_le(header, length, 8);
      out_.replace(frame_start_, kFrameHeaderSize, header);
    } else {
      out_.erase(frame_start_, kFrameHeaderSize);
    }
    frame_start_ = kNoFrame;
  }
  void opcode_boundary() {
    if (frame_start_ != kNoFrame && out_.size() - frame_start_ - kFrameHeaderSize >= kFrameSizeTarget)
      commit_frame();
  }
  // An opcode with its length prefix, then the payload: big payloads go
  // outside frames.
  void put_payload(const std::string& header, std::string_view data) {
    if (framing_ && data.size() >= kFrameSizeTarget) {
      commit_frame();
      out_.append(header);
      out_.append(data);
      return;
    }
    put_text(header);
    out_.append(data);
  }

  // ---- the memo -------------------------------------------------------------
  void memo_put(Value obj) {
    if (!obj.is_object()) return;
    uint32_t index = static_cast<uint32_t>(memo_->objects.size());
    memo_->objects.push_back(obj);
    memo_->index.set(obj.object(), index);
    if (proto_ >= 4) {
      put_op(op::MEMOIZE);
    } else if (proto_ >= 1) {
      open_frame();
      if (index < 256) {
        out_.push_back(static_cast<char>(op::BINPUT));
        out_.push_back(static_cast<char>(index));
      } else {
        out_.push_back(static_cast<char>(op::LONG_BINPUT));
        put_le(out_, index, 4);
      }
    } else {
      put_text("p" + std::to_string(index) + "\n");
    }
  }
  // The memo index of obj, or PointerIndex::kMissing.
  uint32_t memo_find(Value obj) const {
    return obj.is_object() ? memo_->index.find(obj.object()) : PointerIndex::kMissing;
  }
  bool in_memo(Value obj) const { return memo_find(obj) != PointerIndex::kMissing; }
  void memo_get(Value obj) { put_memo_get(memo_->index.find(obj.object())); }
  void put_memo_get(uint32_t index) {
    if (proto_ >= 1) {
      open_frame();
      if (index < 256) {
        out_.push_back(static_cast<char>(op::BINGET));
        out_.push_back(static_cast<char>(index));
      } else {
        out_.push_back(static_cast<char>(op::LONG_BINGET));
        put_le(out_, index, 4);
      }
    } else {
      put_text("g" + std::to_string(index) + "\n");
    }
  }

  // ---- the dispatcher -------------------------------------------------------
  void save(Value obj, bool pers_save) {
    if (!pers_save && !o_.persistent_id.is_null()) {
      Value pid = call(o_.persistent_id, {obj});
      if (!pid.is_none()) {
        save_pers(pid);
        return;
      }
    }
    save_value(obj);
    opcode_boundary();
  }

  void save_value(Value obj) {
    if (obj.is_none()) return put_op(op::NONE);
    if (obj.is_bool()) {
      if (proto_ >= 2) return put_op(obj.is_true() ? op::NEWTRUE : op::NEWFALSE);
      return put_text(obj.is_true() ? "I01\n" : "I00\n");
    }
    if (obj.is_small_int()) {
      int64_t n = obj.small_int_value();
      if (proto_ >= 1 && n >= INT32_MIN && n <= INT32_MAX) return save_int32(static_cast<int32_t>(n));
      return save_long(obj);
    }
    if (obj.is_inline_float()) return save_float(float_value(obj));
    const CoreTypes& ct = types();
    Type* t = type_of(obj);
    if (t == ct.int_) return save_long(obj);
    if (t == ct.float_) return save_float(float_value(obj));
    uint32_t memo_index = memo_find(obj);
    if (memo_index != PointerIndex::kMissing) return put_memo_get(memo_index);
    if (t == ct.bytes) return save_bytes(obj);
    if (t == ct.str) return save_str(obj.as<Str>());

    NativeRecursion depth(" while pickling an object");
    if (t == ct.dict) return save_dict(obj);
    if (t == ct.list) return save_list(obj);
    if (t == ct.tuple) return save_tuple(obj);
    if (t == ct.set && proto_ >= 4) return save_set(obj);
    if (t == ct.frozenset && proto_ >= 4) return save_frozenset(obj);

    if (!o_.reducer_override.is_null()) {
      Value rv = call(o_.reducer_override, {obj});
      if (!rv.is(Value(ct_not_implemented()))) return save_reduce_value(obj, rv);
    }
    if (t == ct.type) return save_type(obj);
    if (t == ct.not_implemented) return save_global(obj, intern("NotImplemented"));
    if (t == ct.ellipsis) return save_global(obj, intern("Ellipsis"));
    if (t == ct.function) return save_global(obj, nullptr);

    Value reduce_fn = dispatch_entry(t);
    Value rv;
    if (!reduce_fn.is_null()) {
      rv = call(reduce_fn, {obj});
    } else if (t->is_subtype_of(ct.type)) {
      return save_global(obj, nullptr);
    } else if (t == ct.native_function) {
      return save_global(obj, nullptr);
    } else if (t == ct.bound_method) {
      BoundMethod* m = obj.as<BoundMethod>();
      Value name = get_attr(m->function, s_name());
      rv = new_tuple({Value(builtin("getattr")), Value(new_tuple({m->self, name}))});
    } else if (has_default_reduce(t)) {
      rv = object_reduce(obj, proto_);
    } else {
      static Str* reduce_ex = intern("__reduce_ex__");
      static Str* reduce = intern("__reduce__");
      Value method = get_attr_or_null(obj, reduce_ex);
      if (!method.is_null()) {
        rv = call(method, {make_int(proto_)});
      } else {
        method = get_attr_or_null(obj, reduce);
        if (method.is_null()) raise_pickling_error("can't pickle '" + type_tp_name(t) + "' object: " + repr_string(obj));
        rv = call(method, {});
      }
    }
    save_reduce_value(obj, rv);
  }

  static Value ct_not_implemented() {
    static Value v = builtins_dict()->table.get_str(intern("NotImplemented"));
    return v;
  }
  static Value builtin(const char* name) { return builtins_dict()->table.get_str(intern(name)); }

  Value dispatch_entry(Type* t) {
    Value table = o_.dispatch_table;
    if (table.is_null()) {
      static Value copyreg_table;
      if (copyreg_table.is_null()) copyreg_table = copyreg_attr("dispatch_table");
      table = copyreg_table;
    }
    if (type_of(table) == types().dict) {
      Dict* d = table.as<Dict>();
      if (d->table.size() == 0) return Value::null();
      return d->table.get(Value(t));
    }
    try {
      return get_item(table, Value(t));
    } catch (...) {
      if (exception_matches(exc().KeyError)) {
        take_current_exception();
        return Value::null();
      }
      throw;
    }
  }

  void save_reduce_value(Value obj, Value rv) {
    if (isinstance(rv, types().str)) return save_global(obj, rv.as<Str>());
    if (!isinstance(rv, types().tuple)) raise_pickling_error("__reduce__ must return a string or tuple");
    save_reduce(rv.as<Tuple>(), obj);
  }

  // ---- atoms ----------------------------------------------------------------
  // The commonest item of all (a list of small ints is the typical Pool
  // task): one append of the opcode and its little-endian argument.
  void save_int32(int32_t n) {
    char code[5];
    size_t size;
    uint32_t bits = static_cast<uint32_t>(n);
    if (n >= 0 && n <= 0xff) {
      code[0] = static_cast<char>(op::BININT1);
      size = 2;
    } else if (n >= 0 && n <= 0xffff) {
      code[0] = static_cast<char>(op::BININT2);
      size = 3;
    } else {
      code[0] = static_cast<char>(op::BININT);
      size = 5;
    }
    for (size_t i = 1; i < size; ++i) code[i] = static_cast<char>((bits >> (8 * (i - 1))) & 0xff);
    open_frame();
    out_.append(code, size);
  }

  void save_long(Value v) {
    int64_t n = 0;
    bool fits = int_to_int64(v, &n);
    if (fits && n >= INT32_MIN && n <= INT32_MAX) {
      if (proto_ >= 1) return save_int32(static_cast<int32_t>(n));
      return put_text("I" + std::to_string(n) + "\n");
    }
    if (proto_ >= 2) {
      std::string bytes = encode_long(v);
      std::string code;
      if (bytes.size() < 256) {
        code.push_back(static_cast<char>(op::LONG1));
        code.push_back(static_cast<char>(bytes.size()));
      } else {
        if (bytes.size() > 0x7fffffff) raise_overflow_error("int too large to pickle");
        code.push_back(static_cast<char>(op::LONG4));
        put_le(code, bytes.size(), 4);
      }
      return put_payload(code, bytes);
    }
    put_text("L" + int_to_decimal(v) + "L\n");
  }

  void save_float(double x) {
    if (proto_ >= 1) {
      uint64_t bits;
      std::memcpy(&bits, &x, 8);
      char code[9];
      code[0] = static_cast<char>(op::BINFLOAT);
      for (int i = 0; i < 8; ++i) code[1 + i] = static_cast<char>((bits >> (8 * (7 - i))) & 0xff);
      return put_text(std::string_view(code, sizeof code));
    }
    std::string line = "F";
    text::append_float_repr(line, x);
    line += "\n";
    put_text(line);
  }

  void save_bytes(Value obj) {
    const std::string& data = obj.as<Bytes>()->data;
    if (proto_ < 3) {
      // bytes did not exist before protocol 3: CPython writes
      // _codecs.encode(latin-1 text, 'latin1'), or bytes() when empty.
      Value rv;
      if (data.empty()) {
        rv = new_tuple({Value(types().bytes), Value(empty_tuple())});
      } else {
        std::string text;
        for (char c : data) {
          uint8_t b = static_cast<uint8_t>(c);
          if (b < 0x80) {
            text.push_back(c);
          } else {
            text.push_back(static_cast<char>(0xc0 | (b >> 6)));
            text.push_back(static_cast<char>(0x80 | (b & 0x3f)));
          }
        }
        static Value codecs_encode;
        if (codecs_encode.is_null()) codecs_encode = get_attr(import_by_name(intern("_codecs")), "encode");
        rv = new_tuple({codecs_encode, Value(new_tuple({Value(new_str(std::move(text))), Value(intern("latin1"))}))});
      }
      return save_reduce(rv.as<Tuple>(), obj);
    }
    std::string code;
    size_t n = data.size();
    if (n < 256) {
      code.push_back(static_cast<char>(op::SHORT_BINBYTES));
      code.push_back(static_cast<char>(n));
    } else if (n <= 0xffffffffu) {
      code.push_back(static_cast<char>(op::BINBYTES));
      put_le(code, n, 4);
    } else {
      code.push_back(static_cast<char>(op::BINBYTES8));
      put_le(code, n, 8);
    }
    put_payload(code, data);
    memo_put(obj);
  }

  void save_str(Str* s) {
    if (proto_ == 0) {
      put_text("V" + raw_unicode_escape(s) + "\n");
    } else {
      const std::string& data = s->data;
      size_t n = data.size();
      if (n < 256 && proto_ >= 4) {
        // The common case, written in place (never outside a frame).
        open_frame();
        out_.push_back(static_cast<char>(op::SHORT_BINUNICODE));
        out_.push_back(static_cast<char>(n));
        out_.append(data);
        return memo_put(Value(s));
      }
      std::string code;
      if (n < 256 && proto_ >= 4) {
        code.push_back(static_cast<char>(op::SHORT_BINUNICODE));
        code.push_back(static_cast<char>(n));
      } else if (n <= 0xffffffffu) {
        code.push_back(static_cast<char>(op::BINUNICODE));
        put_le(code, n, 4);
      } else if (proto_ >= 4) {
        code.push_back(static_cast<char>(op::BINUNICODE8));
        put_le(code, n, 8);
      } else {
        raise_pickling_error("cannot serialize a string larger than 4GiB");
      }
      put_payload(code, data);
    }
    memo_put(Value(s));
  }

  void save_pers(Value pid) {
    if (proto_ >= 1) {
      save(pid, true);
      return put_op(op::BINPERSID);
    }
    Str* text = to_str(pid);
    if (!is_ascii(text->data)) raise_pickling_error("persistent IDs in protocol 0 must be ASCII strings");
    put_text("P" + text->data + "\n");
  }

  // ---- containers -----------------------------------------------------------
  void save_tuple(Value obj) {
    size_t n = obj.as<Tuple>()->items.size();
    if (n == 0) {
      if (proto_ >= 1) return put_op(op::EMPTY_TUPLE);
      return put_text("(t");
    }
    bool short_form = proto_ >= 2 && n <= 3;
    if (!short_form) put_op(op::MARK);
    for (size_t i = 0; i < n; ++i) save(obj.as<Tuple>()->items[i], false);
    if (in_memo(obj)) {
      // The tuple was reached through its own items (via a mutable one):
      // drop what was built and fetch the memoized one.
      if (short_form) {
        put_text(std::string(n, static_cast<char>(op::POP)));
      } else if (proto_ >= 1) {
        put_op(op::POP_MARK);
      } else {
        put_text(std::string(n + 1, static_cast<char>(op::POP)));
      }
      return memo_get(obj);
    }
    if (short_form) {
      static constexpr uint8_t kTupleOps[] = {0, op::TUPLE1, op::TUPLE2, op::TUPLE3};
      put_op(kTupleOps[n]);
    } else {
      put_op(op::TUPLE);
    }
    memo_put(obj);
  }

  void save_list(Value obj) {
    if (proto_ >= 1) {
      put_op(op::EMPTY_LIST);
    } else {
      put_text("(l");
    }
    memo_put(obj);
    List* list = obj.as<List>();
    if (list->items.empty()) return;
    if (proto_ == 0) {
      // By index throughout: saving an item may run Python that changes the list.
      for (size_t i = 0; i < list->items.size(); ++i) {
        save(list->items[i], false);
        put_op(op::APPEND);
      }
      return;
    }
    if (list->items.size() == 1) {
      save(list->items[0], false);
      return put_op(op::APPEND);
    }
    size_t total = 0;
    do {
      put_op(op::MARK);
      size_t batch = 0;
      while (total < list->items.size()) {
        save(list->items[total], false);
        ++total;
        if (++batch == kBatchSize) break;
      }
      put_op(op::APPENDS);
    } while (total < list->items.size());
  }

  void save_dict(Value obj) {
    if (proto_ >= 1) {
      put_op(op::EMPTY_DICT);
    } else {
      put_text("(d");
    }
    memo_put(obj);
    const DictTable& table = obj.as<Dict>()->table;
    size_t size = table.size();
    if (size == 0) return;
    uint64_t version = table.version();
    auto changed = [&] {
      if (table.version() != version || table.size() != size)
        raise_error(exc().RuntimeError, "dictionary changed size during iteration");
    };
    if (proto_ == 0 || size == 1) {
      for (size_t i = 0; i < table.entry_capacity(); ++i) {
        const DictEntry& e = table.entry_at(i);
        if (e.key.is_null()) continue;
        Value k = e.key, v = e.value;
        save(k, false);
        save(v, false);
        put_op(op::SETITEM);
        changed();
      }
      return;
    }
    size_t i = 0;
    size_t done = 0;
    while (done < size) {
      put_op(op::MARK);
      size_t batch = 0;
      for (; i < table.entry_capacity() && batch < kBatchSize; ++i) {
        const DictEntry& e = table.entry_at(i);
        if (e.key.is_null()) continue;
        Value k = e.key, v = e.value;
        save(k, false);
        save(v, false);
        changed();
        ++batch;
        ++done;
      }
      put_op(op::SETITEMS);
    }
  }

  // Set items in slot order, taken first into a rooted vector: the table may
  // not change under us, but Python code run by save() could change it.
  static ValueVector set_items(Value obj) {
    const SetTable& table = obj.as<Set>()->table;
    ValueVector items;
    items.reserve(table.size());
    for (size_t i = 0; i < table.capacity(); ++i)
      if (table.occupied(i)) items.push_back(table.key_at(i));
    return items;
  }

  void save_set(Value obj) {
    put_op(op::EMPTY_SET);
    memo_put(obj);
    ValueVector items = set_items(obj);
    size_t size = items.size();
    size_t i = 0;
    while (i < items.size()) {
      put_op(op::MARK);
      size_t batch = 0;
      while (i < items.size() && batch < kBatchSize) {
        save(items[i++], false);
        ++batch;
      }
      put_op(op::ADDITEMS);
      if (obj.as<Set>()->table.size() != size) raise_error(exc().RuntimeError, "set changed size during iteration");
    }
  }

  void save_frozenset(Value obj) {
    put_op(op::MARK);
    ValueVector items = set_items(obj);
    for (Value item : items) save(item, false);
    if (in_memo(obj)) {
      put_op(op::POP_MARK);
      return memo_get(obj);
    }
    put_op(op::FROZENSET);
    memo_put(obj);
  }

  // Items of a __reduce__ value's iterators (4th and 5th elements).
  void batch_list(Value iterator) {
    if (proto_ == 0) {
      for (Value item = iter_next(iterator); !item.is_null(); item = iter_next(iterator)) {
        save(item, false);
        put_op(op::APPEND);
      }
      return;
    }
    size_t n;
    do {
      n = 0;
      Value first = iter_next(iterator);
      if (first.is_null()) break;
      Value item = iter_next(iterator);
      if (item.is_null()) {
        save(first, false);
        put_op(op::APPEND);
        break;
      }
      put_op(op::MARK);
      save(first, false);
      n = 1;
      while (!item.is_null()) {
        save(item, false);
        if (++n == kBatchSize) break;
        item = iter_next(iterator);
      }
      put_op(op::APPENDS);
    } while (n == kBatchSize);
  }

  static void split_pair(Value item, Value* k, Value* v) {
    if (type_of(item) != types().tuple || item.as<Tuple>()->items.size() != 2)
      raise_type_error("dict items iterator must return 2-tuples");
    *k = item.as<Tuple>()->items[0];
    *v = item.as<Tuple>()->items[1];
  }

  void batch_dict(Value iterator) {
    Value k, v;
    if (proto_ == 0) {
      for (Value item = iter_next(iterator); !item.is_null(); item = iter_next(iterator)) {
        split_pair(item, &k, &v);
        save(k, false);
        save(v, false);
        put_op(op::SETITEM);
      }
      return;
    }
    size_t n;
    do {
      n = 0;
      Value first = iter_next(iterator);
      if (first.is_null()) break;
      Value item = iter_next(iterator);
      if (item.is_null()) {
        split_pair(first, &k, &v);
        save(k, false);
        save(v, false);
        put_op(op::SETITEM);
        break;
      }
      put_op(op::MARK);
      split_pair(first, &k, &v);
      save(k, false);
      save(v, false);
      n = 1;
      while (!item.is_null()) {
        split_pair(item, &k, &v);
        save(k, false);
        save(v, false);
        if (++n == kBatchSize) break;
        item = iter_next(iterator);
      }
      put_op(op::SETITEMS);
    } while (n == kBatchSize);
  }

  // ---- globals --------------------------------------------------------------
  void save_type(Value obj) {
    const CoreTypes& ct = types();
    Type* t = obj.as<Type>();
    Value singleton;
    if (t == ct.none) singleton = Value::none();
    else if (t == ct.not_implemented) singleton = builtin("NotImplemented");
    else if (t == ct.ellipsis) singleton = builtin("Ellipsis");
    if (singleton.is_null()) return save_global(obj, nullptr);
    Value rv = new_tuple({Value(ct.type), Value(new_tuple({singleton}))});
    save_reduce(rv.as<Tuple>(), obj);
  }

  // The module whose attribute `path` is obj, for objects without a
  // __module__: searched in sys.modules, as pickle's whichmodule does.
  Value which_module(Value obj, const std::vector<std::string>& path) {
    if (isinstance(obj, types().type) && obj.as<Type>()->is_builtin) {
      // A native type's __module__ is in its own dict (or it is a builtin);
      // reading it as an attribute would find type's descriptor for `type`.
      Value m = obj.as<Type>()->dict()->table.get_str(s_module());
      return !m.is_null() && isinstance(m, types().str) ? m : Value(intern("builtins"));
    }
    if (type_of(obj) == types().not_implemented || type_of(obj) == types().ellipsis) return intern("builtins");
    Value module_name = get_attr_or_null(obj, s_module());
    if (!module_name.is_null() && !module_name.is_none()) return module_name;
    const DictTable& modules = module_table()->table;
    for (size_t i = 0; i < modules.entry_capacity(); ++i) {
      const DictEntry& e = modules.entry_at(i);
      if (e.key.is_null() || e.value.is_none() || !isinstance(e.key, types().str)) continue;
      const std::string& name = e.key.as<Str>()->data;
      if (name == "__main__" || name == "__mp_main__") continue;
      Value found = deep_attr_or_null(e.value, path, nullptr);
      if (!found.is_null() && found.is(obj)) return e.key;
    }
    return new_str("__main__");
  }

  static Value deep_attr_or_null(Value root, const std::vector<std::string>& path, Value* parent) {
    Value current = root;
    for (const std::string& part : path) {
      if (parent != nullptr) *parent = current;
      current = get_attr_or_null(current, intern(part));
      if (current.is_null()) return current;
    }
    return current;
  }

  void save_global(Value obj, Str* name) {
    Value qualname = name != nullptr ? Value(name) : get_attr(obj, s_qualname());
    if (!isinstance(qualname, types().str)) raise_type_error("__qualname__ must be a string");
    const std::string& dotted = qualname.as<Str>()->data;
    std::vector<std::string> path;
    for (size_t start = 0;;) {
      size_t dot = dotted.find('.', start);
      path.push_back(dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    for (const std::string& part : path)
      if (part == "<locals>") raise_attribute_error("Can't pickle local object " + repr_string(qualname));
    Value module_name = which_module(obj, path);
    if (!isinstance(module_name, types().str)) raise_type_error("__module__ must be a string");
    Value module;
    try {
      module = import_by_name(module_name.as<Str>());
    } catch (...) {
      take_current_exception();
      raise_pickling_error("Can't pickle " + repr_string(obj) + ": import of module " + repr_string(module_name) +
                           " failed");
    }
    Value parent;
    Value found;
    try {
      found = deep_attr_or_null(module, path, &parent);
    } catch (...) {
      take_current_exception();
      found = Value::null();
    }
    if (found.is_null())
      raise_pickling_error("Can't pickle " + repr_string(obj) + ": attribute lookup " + dotted + " on " +
                           module_name.as<Str>()->data + " failed");
    if (!found.is(obj))
      raise_pickling_error("Can't pickle " + repr_string(obj) + ": it's not the same object as " +
                           module_name.as<Str>()->data + "." + dotted);
    if (proto_ >= 2 && save_extension(module_name, qualname)) return;
    if (proto_ >= 4) {
      save(module_name, false);
      save(qualname, false);
      put_op(op::STACK_GLOBAL);
    } else if (!parent.is(module)) {
      // A nested class below protocol 4: getattr(parent, last name).
      Value rv = new_tuple({builtin("getattr"), Value(new_tuple({parent, Value(new_str(path.back()))}))});
      save_reduce(rv.as<Tuple>(), Value::null());
    } else {
      std::string mod = module_name.as<Str>()->data;
      std::string nm = dotted;
      if (proto_ < 3 && o_.fix_imports) {
        Value key = new_tuple({module_name, qualname});
        Value mapped = compat_mapping("REVERSE_NAME_MAPPING").as<Dict>()->table.get(key);
        if (!mapped.is_null()) {
          if (type_of(mapped) != types().tuple || mapped.as<Tuple>()->items.size() != 2)
            raise_runtime_error("_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not " +
                                type_name(mapped));
          mod = str_string(mapped.as<Tuple>()->items[0]);
          nm = str_string(mapped.as<Tuple>()->items[1]);
        } else {
          Value m = compat_mapping("REVERSE_IMPORT_MAPPING").as<Dict>()->table.get(module_name);
          if (!m.is_null()) mod = str_string(m);
        }
      }
      if (proto_ < 3 && (!is_ascii(mod) || !is_ascii(nm)))
        raise_pickling_error("can't pickle global identifier '" + (is_ascii(mod) ? nm : mod) +
                             "' using pickle protocol " + std::to_string(proto_));
      put_text("c" + mod + "\n" + nm + "\n");
    }
    memo_put(obj);
  }

  bool save_extension(Value module_name, Value qualname) {
    static Value registry;
    if (registry.is_null()) registry = copyreg_attr("_extension_registry");
    if (type_of(registry) != types().dict || registry.as<Dict>()->table.size() == 0) return false;
    Value code = registry.as<Dict>()->table.get(Value(new_tuple({module_name, qualname})));
    if (code.is_null()) return false;
    int64_t n = 0;
    if (!int_to_int64(code, &n) || n <= 0 || n > 0x7fffffff)
      raise_pickling_error("Can't pickle: extension code out of range");
    std::string text;
    if (n <= 0xff) {
      text.push_back(static_cast<char>(op::EXT1));
      put_le(text, static_cast<uint64_t>(n), 1);
    } else if (n <= 0xffff) {
      text.push_back(static_cast<char>(op::EXT2));
      put_le(text, static_cast<uint64_t>(n), 2);
    } else {
      text.push_back(static_cast<char>(op::EXT4));
      put_le(text, static_cast<uint64_t>(n), 4);
    }
    put_text(text);
    return true;
  }

  // ---- __reduce__ values ----------------------------------------------------
  static std::string function_name(Value f) {
    Value name = get_attr_or_null(f, s_name());
    return !name.is_null() && isinstance(name, types().str) ? name.as<Str>()->data : std::string();
  }

  void save_reduce(Tuple* rv, Value obj) {
    size_t size = rv->items.size();
    if (size < 2 || size > 6) raise_pickling_error("tuple returned by __reduce__ must contain 2 through 6 elements");
    Value func = rv->items[0];
    Value args = rv->items[1];
    Value state = size > 2 ? rv->items[2] : Value::none();
    Value listitems = size > 3 ? rv->items[3] : Value::none();
    Value dictitems = size > 4 ? rv->items[4] : Value::none();
    Value state_setter = size > 5 ? rv->items[5] : Value::none();
    if (!is_callable(func)) raise_pickling_error("first item of the tuple returned by __reduce__ must be callable");
    if (!isinstance(args, types().tuple))
      raise_pickling_error("second item of the tuple returned by __reduce__ must be a tuple");
    static Str* next_name = intern("__next__");
    if (!listitems.is_none() && lookup_in_mro(type_of(listitems), next_name).is_null())
      raise_pickling_error("fourth element of the tuple returned by __reduce__ must be an iterator, not " +
                           type_name(listitems));
    if (!dictitems.is_none() && lookup_in_mro(type_of(dictitems), next_name).is_null())
      raise_pickling_error("fifth element of the tuple returned by __reduce__ must be an iterator, not " +
                           type_name(dictitems));
    if (!state_setter.is_none() && !is_callable(state_setter))
      raise_pickling_error("sixth element of the tuple returned by __reduce__ must be a function, not " +
                           type_name(state_setter));
    const std::vector<Value>& a = args.as<Tuple>()->items;
    std::string fname = proto_ >= 2 ? function_name(func) : std::string();
    if (fname == "__newobj_ex__") {
      if (a.size() != 3)
        raise_pickling_error("length of the NEWOBJ_EX argument tuple must be exactly 3, not " +
                             std::to_string(a.size()));
      Value cls = a[0], cargs = a[1], kwargs = a[2];
      if (!isinstance(cls, types().type))
        raise_pickling_error("first item from NEWOBJ_EX argument tuple must be a class, not " + type_name(cls));
      if (!obj.is_null() && !Value(type_of(obj)).is(cls))
        raise_pickling_error("first item from NEWOBJ_EX argument tuple must be " + repr_string(Value(type_of(obj))) +
                             ", not " + repr_string(cls));
      if (!isinstance(cargs, types().tuple))
        raise_pickling_error("second item from NEWOBJ_EX argument tuple must be a tuple, not " + type_name(cargs));
      if (!isinstance(kwargs, types().dict))
        raise_pickling_error("third item from NEWOBJ_EX argument tuple must be a dict, not " + type_name(kwargs));
      if (proto_ >= 4) {
        save(cls, false);
        save(cargs, false);
        save(kwargs, false);
        put_op(op::NEWOBJ_EX);
      } else {
        // functools.partial(cls.__new__, cls, *args, **kwargs)()
        Value partial = get_attr(import_by_name(intern("functools")), "partial");
        std::vector<Value> pargs{get_attr(cls, "__new__"), cls};
        for (Value v : cargs.as<Tuple>()->items) pargs.push_back(v);
        size_t positional = pargs.size();
        std::vector<Value> names;
        const DictTable& kw = kwargs.as<Dict>()->table;
        for (size_t i = 0; i < kw.entry_capacity(); ++i) {
          if (kw.entry_at(i).key.is_null()) continue;
          names.push_back(kw.entry_at(i).key);
          pargs.push_back(kw.entry_at(i).value);
        }
        ValueVector keep(pargs);
        Tuple* kwnames = new_tuple(names);
        Value bound = call_object(partial, CallArgs{keep.data(), positional, kwnames});
        save(bound, false);
        save(Value(empty_tuple()), false);
        put_op(op::REDUCE);
      }
    } else if (fname == "__newobj__") {
      if (a.empty()) raise_pickling_error("__newobj__ arglist is empty");
      Value cls = a[0];
      if (!isinstance(cls, types().type)) raise_pickling_error("args[0] from __newobj__ args is not a type");
      if (!obj.is_null()) {
        Value obj_class = get_attr(obj, "__class__");
        if (!obj_class.is(cls)) raise_pickling_error("args[0] from __newobj__ args has the wrong class");
      }
      save(cls, false);
      save(Value(new_tuple(std::vector<Value>(a.begin() + 1, a.end()))), false);
      put_op(op::NEWOBJ);
    } else {
      save(func, false);
      save(args, false);
      put_op(op::REDUCE);
    }
    if (!obj.is_null()) {
      if (in_memo(obj)) {
        // Reached itself through its arguments: keep the memoized one.
        put_op(op::POP);
        memo_get(obj);
        return;
      }
      memo_put(obj);
    }
    if (!listitems.is_none()) batch_list(listitems);
    if (!dictitems.is_none()) batch_dict(dictitems);
    if (!state.is_none()) {
      if (state_setter.is_none()) {
        save(state, false);
        put_op(op::BUILD);
      } else {
        // state_setter(obj, state), its result dropped.
        save(state_setter, false);
        save(obj, false);
        save(state, false);
        put_op(op::TUPLE2);
        put_op(op::REDUCE);
        put_op(op::POP);
      }
    }
  }

  const EncodeOptions& o_;
  int proto_;
  std::string& out_;
  Memo* memo_;
  bool framing_ = false;
  size_t frame_start_ = kNoFrame;
};

}  // namespace

void encode(Value obj, const EncodeOptions& options, std::string& out) {
  Encoder encoder(options, out);
  encoder.dump(obj);
}

}  // namespace gilvm::pickle
