// pickle's decoder: the bytes of protocols 0 to 5 back to Values.
//
// A stack machine, as pickletools describes it: a value stack, a stack of
// marks (positions in the value stack), and the memo (index -> value).
// Contract:
//  * The value stack and the memo are ValueVectors: Python code runs in the
//    middle of loading (find_class, REDUCE's callables, __setstate__,
//    persistent_load), and what is on them must stay alive across it.
//  * The topmost mark is a fence: no opcode pops below it ("unpickling stack
//    underflow"), and opcodes that need a mark and find none raise "could not
//    find MARK", with CPython's messages.
//  * Memo indices come from the stream and may be anything: small indices
//    live in a vector; an index far past its end goes to a dict instead, so a
//    corrupt LONG_BINPUT cannot make us allocate gigabytes.
//  * A stream that ends where an opcode should start raises EOFError("Ran
//    out of input"); one that ends inside an opcode's argument raises
//    UnpicklingError("pickle data was truncated"). Lengths are checked
//    against what is left before anything is allocated.
//  * Reading from a file asks it for exactly what each opcode needs
//    (read(n), readline()), except inside a frame, which is read whole: so a
//    load stops at its STOP and the next load starts at the next pickle.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "stdlib/pickle/opcodes.hpp"
#include "stdlib/pickle/pickle.hpp"
#include "vm/codecs/codecs.hpp"
#include "vm/errors.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/set.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm::pickle {

namespace {

[[noreturn]] void truncated() { raise_unpickling_error("pickle data was truncated"); }

uint64_t get_le(std::string_view s) {
  uint64_t v = 0;
  for (size_t i = s.size(); i-- > 0;) v = (v << 8) | static_cast<uint8_t>(s[i]);
  return v;
}

// Stored UTF-8 of `data` if it is valid UTF-8 (surrogates allowed, as
// 'surrogatepass' allows them); false otherwise.
bool valid_utf8(std::string_view data, int64_t* code_points, bool* ascii) {
  int64_t count = 0;
  bool all_ascii = true;
  for (size_t i = 0; i < data.size();) {
    uint8_t c = static_cast<uint8_t>(data[i]);
    ++count;
    if (c < 0x80) {
      ++i;
      continue;
    }
    all_ascii = false;
    size_t n;
    uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 2;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 3;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n > data.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      uint8_t cc = static_cast<uint8_t>(data[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff))) return false;
    i += n;
  }
  *code_points = count;
  *ascii = all_ascii;
  return true;
}

// Stream bytes as text for int() and for messages: UTF-8 when they are,
// Latin-1 otherwise (a Str must never hold invalid UTF-8).
std::string safe_text(std::string_view data) {
  int64_t n = 0;
  bool ascii = true;
  if (valid_utf8(data, &n, &ascii)) return std::string(data);
  std::string out;
  for (char c : data) {
    uint8_t b = static_cast<uint8_t>(c);
    if (b < 0x80) {
      out.push_back(c);
    } else {
      out.push_back(static_cast<char>(0xc0 | (b >> 6)));
      out.push_back(static_cast<char>(0x80 | (b & 0x3f)));
    }
  }
  return out;
}

Value utf8_to_str(std::string_view data) {
  int64_t n = 0;
  bool ascii = true;
  if (valid_utf8(data, &n, &ascii)) return new_str_known(std::string(data), n, ascii);
  // Let bytes.decode raise CPython's UnicodeDecodeError.
  return call_method(Value(new_bytes(std::string(data))), "decode", {new_str("utf-8"), new_str("surrogatepass")});
}

// Protocol 0's UNICODE argument: raw-unicode-escape (\uXXXX and \UXXXXXXXX
// escapes; every other byte is a Latin-1 character).
Value raw_unicode_unescape(std::string_view data) {
  std::string out;
  for (size_t i = 0; i < data.size(); ++i) {
    uint8_t c = static_cast<uint8_t>(data[i]);
    if (c == '\\' && i + 1 < data.size() && (data[i + 1] == 'u' || data[i + 1] == 'U')) {
      // An odd run of backslashes before the u makes an escape.
      size_t run = 1;
      while (run <= i && data[i - run] == '\\') ++run;
      if (run % 2 == 1) {
        size_t digits = data[i + 1] == 'u' ? 4 : 8;
        uint32_t cp = 0;
        const char* truncated = digits == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
        for (size_t k = 0; k < digits; ++k) {
          char h = i + 2 + k < data.size() ? data[i + 2 + k] : 'x';
          int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
          if (d < 0) codecs::raise_decode_error("rawunicodeescape", data, i, i + 2 + k, truncated);
          cp = cp * 16 + static_cast<uint32_t>(d);
        }
        if (cp > 0x10ffff)
          codecs::raise_decode_error("rawunicodeescape", data, i, i + 2 + digits, "\\Uxxxxxxxx out of range");
        std::string piece = str_from_code_point(cp)->data;
        out += piece;
        i += 1 + digits;
        continue;
      }
    }
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back(static_cast<char>(0xc0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
    }
  }
  return new_str(std::move(out));
}

// The body of a Python 2 STRING argument: the escapes of a bytes literal.
std::string escape_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      if (c == '\\') raise_value_error("Trailing \\ in string");
      out.push_back(c);
      continue;
    }
    char e = s[++i];
    switch (e) {
      case '\n': break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case 'a': out.push_back('\a'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'v': out.push_back('\v'); break;
      case 'x': {
        auto hex = [](char h) {
          return h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        };
        if (i + 2 >= s.size() || hex(s[i + 1]) < 0 || hex(s[i + 2]) < 0)
          raise_value_error("invalid \\x escape at position " + std::to_string(i - 1));
        out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
        i += 2;
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          int v = e - '0';
          for (int k = 0; k < 2 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; ++k) v = v * 8 + (s[++i] - '0');
          out.push_back(static_cast<char>(v & 0xff));
        } else {
          out.push_back('\\');
          out.push_back(e);
        }
    }
  }
  return out;
}

// Where the bytes come from.
class Reader {
 public:
  Reader(std::string_view data, size_t pos) : data_(data), pos_(pos) {}
  explicit Reader(Value file) : file_(file) {
    read_ = get_attr(file, "read");
    readline_ = get_attr(file, "readline");
  }

  size_t position() const { return pos_; }

  // False at the end of the input.
  bool next_opcode(uint8_t* code) {
    if (file_.is_null() || pos_ < data_.size()) {
      if (pos_ >= data_.size()) return false;
      *code = static_cast<uint8_t>(data_[pos_++]);
      return true;
    }
    std::string_view s = read_file(1);
    if (s.empty()) return false;
    *code = static_cast<uint8_t>(s[0]);
    return true;
  }

  std::string_view read(size_t n) {
    if (pos_ + n <= data_.size() && pos_ + n >= pos_) {
      std::string_view s = data_.substr(pos_, n);
      pos_ += n;
      return s;
    }
    if (file_.is_null()) truncated();
    // The rest of the frame, then the file.
    std::string head(data_.substr(std::min(pos_, data_.size())));
    pos_ = data_.size();
    std::string_view more = read_file(n - head.size());
    if (more.size() != n - head.size()) truncated();
    scratch_ = head + std::string(more);
    return scratch_;
  }

  std::string_view readline() {
    if (pos_ < data_.size()) {
      size_t nl = data_.find('\n', pos_);
      if (nl != std::string_view::npos) {
        std::string_view s = data_.substr(pos_, nl + 1 - pos_);
        pos_ = nl + 1;
        return s;
      }
      if (file_.is_null()) truncated();
    }
    if (file_.is_null()) truncated();
    std::string head(data_.substr(std::min(pos_, data_.size())));
    pos_ = data_.size();
    Value line = call(readline_, {});
    if (type_of(line) != types().bytes)
      raise_type_error("a bytes-like object is required, not '" + type_name(line) + "'");
    scratch_ = head + line.as<Bytes>()->data;
    if (scratch_.empty() || scratch_.back() != '\n') truncated();
    return scratch_;
  }

  // FRAME n: the next n bytes hold whole opcodes.
  void frame(uint64_t n) {
    if (file_.is_null()) {
      if (n > data_.size() - pos_) truncated();
      return;
    }
    if (pos_ < data_.size()) raise_unpickling_error("beginning of a new frame before end of current frame");
    std::string_view s = read_file(n);
    if (s.size() != n) truncated();
    frame_ = std::string(s);
    data_ = frame_;
    pos_ = 0;
  }

 private:
  std::string_view read_file(size_t n) {
    Value chunk = call(read_, {make_int(static_cast<int64_t>(n))});
    if (type_of(chunk) != types().bytes)
      raise_type_error("a bytes-like object is required, not '" + type_name(chunk) + "'");
    file_chunk_ = chunk;
    return chunk.as<Bytes>()->data;
  }

  std::string_view data_;
  size_t pos_ = 0;
  Value file_;
  Value read_, readline_;
  Value file_chunk_;  // keeps the last chunk read alive while we look at it
  std::string frame_;
  std::string scratch_;
};

class Decoder {
 public:
  Decoder(Reader& in, const DecodeOptions& o) : in_(in), o_(o) {}

  // An Unpickler's memo lives in a dict between its loads (a later pickle
  // in the same file may refer to what an earlier one memoized).
  void take_memo(Dict* d) {
    const DictTable& t = d->table;
    for (size_t i = 0; i < t.entry_capacity(); ++i) {
      const DictEntry& e = t.entry_at(i);
      int64_t index = 0;
      if (e.key.is_null() || !is_int_value(e.key) || !int_to_int64(e.key, &index) || index < 0) continue;
      memo_put(static_cast<uint64_t>(index), e.value);
    }
  }
  void give_memo(Dict* d) {
    d->table.clear();
    for (size_t i = 0; i < memo_.size(); ++i)
      if (!memo_[i].is_null()) d->table.set(make_int(static_cast<int64_t>(i)), memo_[i]);
    if (sparse_ != nullptr) {
      const DictTable& t = sparse_->table;
      for (size_t i = 0; i < t.entry_capacity(); ++i)
        if (!t.entry_at(i).key.is_null()) d->table.set(t.entry_at(i).key, t.entry_at(i).value);
    }
  }

  Value load() {
    for (;;) {
      uint8_t code;
      if (!in_.next_opcode(&code)) raise_error(exc().EOFError, "Ran out of input");
      if (code == op::STOP) return pop();
      step(code);
    }
  }

 private:
  // ---- the stacks -----------------------------------------------------------
  size_t fence() const { return marks_.empty() ? 0 : marks_.back(); }
  // CPython names the mark when one stands in the way.
  [[noreturn]] void underflow() const {
    raise_unpickling_error(marks_.empty() ? "unpickling stack underflow" : "unexpected MARK found");
  }
  Value pop() {
    if (stack_.size() <= fence()) underflow();
    Value v = stack_.back();
    stack_.pop_back();
    return v;
  }
  Value& top() {
    if (stack_.size() <= fence()) underflow();
    return stack_.back();
  }
  void push(Value v) { stack_.push_back(v); }
  // Removes the topmost mark; returns where it was (the items follow it).
  size_t pop_mark() {
    if (marks_.empty()) raise_unpickling_error("could not find MARK");
    size_t k = marks_.back();
    marks_.pop_back();
    // TUPLE1-3 take their items from anywhere in the stack, as CPython's
    // do, so a mark may stand past its end.
    return std::min(k, stack_.size());
  }
  ValueVector pop_items() {
    size_t k = pop_mark();
    ValueVector items(stack_.begin() + static_cast<std::ptrdiff_t>(k), stack_.end());
    stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(k), stack_.end());
    return items;
  }

  // ---- the memo -------------------------------------------------------------
  void memo_put(uint64_t index, Value v) {
    if (index < memo_.size()) {
      if (memo_[index].is_null()) ++memo_len_;
      memo_[index] = v;
      return;
    }
    if (index < memo_.size() + 4096) {
      memo_.resize(index + 1);
      memo_[index] = v;
      ++memo_len_;
      return;
    }
    if (sparse_ == nullptr) sparse_ = new_dict();
    Value key = make_int(static_cast<int64_t>(index));
    if (sparse_->table.get(key).is_null()) ++memo_len_;
    sparse_->table.set(key, v);
  }
  Value memo_get(uint64_t index) {
    Value v;
    if (index < memo_.size()) v = memo_[index];
    else if (sparse_ != nullptr && index <= INT64_MAX) v = sparse_->table.get(make_int(static_cast<int64_t>(index)));
    if (v.is_null()) raise_unpickling_error("Memo value not found at index " + std::to_string(index));
    return v;
  }

  // ---- helpers --------------------------------------------------------------
  std::string_view line() {
    std::string_view s = in_.readline();
    return s.substr(0, s.size() - 1);
  }
  uint64_t read_uint(size_t n) { return get_le(in_.read(n)); }
  std::string_view read_sized(uint64_t n) {
    if (n > static_cast<uint64_t>(INT64_MAX)) raise_unpickling_error("pickle data was truncated");
    return in_.read(static_cast<size_t>(n));
  }

  Value decode_text(std::string_view data) {
    const std::string& enc = o_.encoding;
    if (enc == "bytes") return new_bytes(std::string(data));
    bool ascii = true;
    for (char c : data) ascii = ascii && static_cast<uint8_t>(c) < 0x80;
    if (ascii) return new_str_known(std::string(data), static_cast<int64_t>(data.size()), true);
    return call_method(Value(new_bytes(std::string(data))), "decode", {new_str(enc), new_str(o_.errors)});
  }

  Value find_class(Value module, Value name) {
    if (o_.find_class.is_null()) return default_find_class(module, name, proto_, o_.fix_imports);
    return call(o_.find_class, {module, name});
  }

  Value long_from_bytes(std::string_view s) {
    if (s.empty()) return make_int(int64_t{0});
    mpz_t z;
    mpz_init(z);
    mpz_import(z, s.size(), -1, 1, 0, 0, s.data());
    if (static_cast<uint8_t>(s.back()) & 0x80) {
      mpz_t m;
      mpz_init(m);
      mpz_set_ui(m, 1);
      mpz_mul_2exp(m, m, 8 * s.size());
      mpz_sub(z, z, m);
      mpz_clear(m);
    }
    Value v = make_int(z);
    mpz_clear(z);
    return v;
  }

  Value int_from_text(std::string_view text, bool allow_bool) {
    std::string s(text);
    if (allow_bool && s == "00") return Value::boolean(false);
    if (allow_bool && s == "01") return Value::boolean(true);
    errno = 0;
    char* end = nullptr;
    long long v = std::strtoll(s.c_str(), &end, 0);
    if (errno == 0 && end != s.c_str() && *end == '\0') return make_int(static_cast<int64_t>(v));
    if (errno != ERANGE) raise_value_error("could not convert string to int");
    return call(Value(types().int_), {new_str(safe_text(s)), make_int(int64_t{0})});
  }

  Value instantiate(Value cls, const ValueVector& args) {
    static Str* getinitargs = intern("__getinitargs__");
    if (args.empty() && isinstance(cls, types().type) && get_attr_or_null(cls, getinitargs).is_null()) {
      Value new_fn = get_attr(cls, "__new__");
      return call(new_fn, {cls});
    }
    return call_object(cls, CallArgs{args.data(), args.size()});
  }

  void build() {
    Value state = pop();
    Value inst = top();
    static Str* setstate_name = intern("__setstate__");
    Value setstate = get_attr_or_null(inst, setstate_name);
    if (!setstate.is_null()) {
      call(setstate, {state});
      return;
    }
    Value slotstate = Value::none();
    if (type_of(state) == types().tuple && state.as<Tuple>()->items.size() == 2) {
      slotstate = state.as<Tuple>()->items[1];
      state = state.as<Tuple>()->items[0];
    }
    if (!state.is_none()) {
      if (!isinstance(state, types().dict)) raise_unpickling_error("state is not a dictionary");
      static Str* dict_name = intern("__dict__");
      Value d = get_attr(inst, dict_name);
      const DictTable& from = state.as<Dict>()->table;
      for (size_t i = 0; i < from.entry_capacity(); ++i) {
        const DictEntry& e = from.entry_at(i);
        if (e.key.is_null()) continue;
        Value k = e.key;
        if (type_of(k) == types().str) k = intern(k.as<Str>()->data);
        set_item(d, k, e.value);
      }
    }
    if (!slotstate.is_none()) {
      if (!isinstance(slotstate, types().dict)) raise_unpickling_error("slot state is not a dictionary");
      ValueVector pairs;
      const DictTable& from = slotstate.as<Dict>()->table;
      for (size_t i = 0; i < from.entry_capacity(); ++i) {
        const DictEntry& e = from.entry_at(i);
        if (e.key.is_null()) continue;
        pairs.push_back(e.key);
        pairs.push_back(e.value);
      }
      for (size_t i = 0; i < pairs.size(); i += 2) set_attr(inst, attribute_name(pairs[i]), pairs[i + 1]);
    }
  }

  void load_extension(int64_t code) {
    if (code <= 0) raise_runtime_error("EXT specifies code <= 0");
    Value key_code = make_int(code);
    Value cache = copyreg_attr("_extension_cache");
    Value cached = type_of(cache) == types().dict ? cache.as<Dict>()->table.get(key_code) : Value::null();
    if (!cached.is_null()) return push(cached);
    Value inverted = copyreg_attr("_inverted_registry");
    Value key = type_of(inverted) == types().dict ? inverted.as<Dict>()->table.get(key_code) : Value::null();
    if (key.is_null()) raise_value_error("unregistered extension code " + std::to_string(code));
    if (type_of(key) != types().tuple || key.as<Tuple>()->items.size() != 2)
      raise_unpickling_error("_inverted_registry[" + std::to_string(code) + "] isn't a 2-tuple of strings");
    Value obj = find_class(key.as<Tuple>()->items[0], key.as<Tuple>()->items[1]);
    if (type_of(cache) == types().dict) cache.as<Dict>()->table.set(key_code, obj);
    push(obj);
  }

  void append_items(Value target, const ValueVector& items) {
    if (type_of(target) == types().list) {
      List* l = target.as<List>();
      l->items.insert(l->items.end(), items.begin(), items.end());
      return;
    }
    static Str* extend_name = intern("extend");
    Value extend = get_attr_or_null(target, extend_name);
    if (!extend.is_null()) {
      call(extend, {Value(new_list(items))});
      return;
    }
    Value append = get_attr(target, "append");
    for (Value item : items) call(append, {item});
  }

  void set_items(Value target, const ValueVector& items) {
    if (type_of(target) == types().dict) {
      for (size_t i = 0; i < items.size(); i += 2) target.as<Dict>()->table.set(items[i], items[i + 1]);
      return;
    }
    for (size_t i = 0; i < items.size(); i += 2) set_item(target, items[i], items[i + 1]);
  }

  // ---- one opcode -----------------------------------------------------------
  void step(uint8_t code) {
    switch (code) {
      case op::MARK: marks_.push_back(stack_.size()); return;
      case op::POP:
        if (!marks_.empty() && marks_.back() == stack_.size()) {
          marks_.pop_back();
        } else {
          pop();
        }
        return;
      case op::POP_MARK: pop_items(); return;
      case op::DUP: {
        Value v = top();
        return push(v);
      }
      case op::NONE: return push(Value::none());
      case op::NEWTRUE: return push(Value::boolean(true));
      case op::NEWFALSE: return push(Value::boolean(false));
      case op::INT: return push(int_from_text(line(), true));
      case op::BININT: return push(make_int(static_cast<int32_t>(static_cast<uint32_t>(read_uint(4)))));
      case op::BININT1: return push(make_int(static_cast<int64_t>(read_uint(1))));
      case op::BININT2: return push(make_int(static_cast<int64_t>(read_uint(2))));
      case op::LONG: {
        std::string s(in_.readline());
        if (s.size() > 1 && s[s.size() - 2] == 'L') s.resize(s.size() - 2);
        return push(call(Value(types().int_), {new_str(safe_text(s)), make_int(int64_t{10})}));
      }
      case op::LONG1: return push(long_from_bytes(in_.read(read_uint(1))));
      case op::LONG4: {
        int32_t n = static_cast<int32_t>(static_cast<uint32_t>(read_uint(4)));
        if (n < 0) raise_unpickling_error("LONG pickle has negative byte count");
        return push(long_from_bytes(in_.read(static_cast<size_t>(n))));
      }
      case op::FLOAT: {
        std::string s(line());
        char* end = nullptr;
        errno = 0;
        double d = std::strtod(s.c_str(), &end);
        if (end == s.c_str()) raise_value_error("could not convert string to float: '" + safe_text(s) + "\n'");
        if (*end != '\0') raise_value_error("could not convert string to float");
        return push(make_float(d));
      }
      case op::BINFLOAT: {
        std::string_view s = in_.read(8);
        uint64_t bits = 0;
        for (char c : s) bits = (bits << 8) | static_cast<uint8_t>(c);
        double d;
        std::memcpy(&d, &bits, 8);
        return push(make_float(d));
      }
      case op::STRING: {
        std::string_view s = line();
        while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
        if (s.size() < 2 || s.front() != s.back() || (s.front() != '\'' && s.front() != '"'))
          raise_unpickling_error("the STRING opcode argument must be quoted");
        return push(decode_text(escape_decode(s.substr(1, s.size() - 2))));
      }
      case op::BINSTRING: {
        int32_t n = static_cast<int32_t>(static_cast<uint32_t>(read_uint(4)));
        if (n < 0) raise_unpickling_error("BINSTRING pickle has negative byte count");
        return push(decode_text(in_.read(static_cast<size_t>(n))));
      }
      case op::SHORT_BINSTRING: return push(decode_text(in_.read(read_uint(1))));
      case op::UNICODE: return push(raw_unicode_unescape(line()));
      case op::SHORT_BINUNICODE: return push(utf8_to_str(in_.read(read_uint(1))));
      case op::BINUNICODE: return push(utf8_to_str(in_.read(read_uint(4))));
      case op::BINUNICODE8: return push(utf8_to_str(read_sized(read_uint(8))));
      case op::SHORT_BINBYTES: return push(new_bytes(std::string(in_.read(read_uint(1)))));
      case op::BINBYTES: return push(new_bytes(std::string(in_.read(read_uint(4)))));
      case op::BINBYTES8:
      case op::BYTEARRAY8: {  // no bytearray type here: loads as bytes
        uint64_t n = read_uint(8);
        // CPython makes the bytes object before it reads into it.
        if (n > static_cast<uint64_t>(INT64_MAX) - 64) raise_overflow_error("byte string is too large");
        return push(new_bytes(std::string(read_sized(n))));
      }
      case op::NEXT_BUFFER: {
        if (o_.buffers.is_null())
          raise_unpickling_error("pickle stream refers to out-of-band data but no *buffers* argument was given");
        if (buffers_iter_.is_null()) buffers_iter_ = get_iter(o_.buffers);
        Value b = iter_next(buffers_iter_);
        if (b.is_null()) raise_unpickling_error("not enough out-of-band buffers");
        return push(b);
      }
      case op::READONLY_BUFFER: top(); return;
      case op::EMPTY_TUPLE: return push(Value(empty_tuple()));
      case op::TUPLE1:
      case op::TUPLE2:
      case op::TUPLE3: {
        size_t n = code - op::TUPLE1 + 1;
        if (stack_.size() < n) underflow();
        std::vector<Value> items(n);
        for (size_t i = n; i-- > 0;) {
          items[i] = stack_.back();
          stack_.pop_back();
        }
        return push(new_tuple(std::move(items)));
      }
      case op::TUPLE: return push(new_tuple(pop_items()));
      case op::EMPTY_LIST: return push(new_list());
      case op::LIST: return push(new_list(pop_items()));
      case op::EMPTY_DICT: return push(new_dict());
      case op::DICT: {
        ValueVector items = pop_items();
        if (items.size() % 2 != 0) raise_unpickling_error("odd number of items for DICT");
        Dict* d = new_dict();
        for (size_t i = 0; i < items.size(); i += 2) d->table.set(items[i], items[i + 1]);
        return push(d);
      }
      case op::EMPTY_SET: return push(new_set());
      case op::FROZENSET: {
        ValueVector items = pop_items();
        Set* s = new_frozenset();
        for (Value v : items) s->table.add(v);
        return push(s);
      }
      case op::APPEND: {
        Value v = pop();
        Value target = top();
        ValueVector one{v};
        return append_items(target, one);
      }
      case op::APPENDS: {
        ValueVector items = pop_items();
        return append_items(top(), items);
      }
      case op::SETITEM: {
        Value v = pop();
        Value k = pop();
        ValueVector pair{k, v};
        return set_items(top(), pair);
      }
      case op::SETITEMS: {
        ValueVector items = pop_items();
        if (items.size() % 2 != 0) raise_unpickling_error("odd number of items for SETITEMS");
        return set_items(top(), items);
      }
      case op::ADDITEMS: {
        ValueVector items = pop_items();
        Value target = top();
        if (type_of(target) == types().set) {
          for (Value v : items) target.as<Set>()->table.add(v);
          return;
        }
        Value add = get_attr(target, "add");
        for (Value v : items) call(add, {v});
        return;
      }
      case op::GET: {
        std::string s(line());
        char* end = nullptr;
        errno = 0;
        long long idx = std::strtoll(s.c_str(), &end, 10);
        if (end == s.c_str() || *end != '\0' || errno != 0)
          raise_value_error("invalid literal for int() with base 10: " + repr_string(new_str(safe_text(s))));
        if (idx < 0) raise_unpickling_error("Memo value not found at index " + std::to_string(idx));
        return push(memo_get(static_cast<uint64_t>(idx)));
      }
      case op::BINGET: return push(memo_get(read_uint(1)));
      case op::LONG_BINGET: return push(memo_get(read_uint(4)));
      case op::PUT: {
        top();  // CPython checks the stack before the argument
        std::string s(line());
        char* end = nullptr;
        errno = 0;
        long long idx = std::strtoll(s.c_str(), &end, 10);
        if (end == s.c_str() || *end != '\0' || errno != 0)
          raise_value_error("invalid literal for int() with base 10: " + repr_string(new_str(safe_text(s))));
        if (idx < 0) raise_value_error("negative PUT argument");
        return memo_put(static_cast<uint64_t>(idx), top());
      }
      case op::BINPUT: {
        uint64_t idx = read_uint(1);
        return memo_put(idx, top());
      }
      case op::LONG_BINPUT: {
        uint64_t idx = read_uint(4);
        return memo_put(idx, top());
      }
      case op::MEMOIZE: return memo_put(memo_len_, top());
      case op::GLOBAL: {
        Value module = utf8_to_str(line());
        Value name = utf8_to_str(line());
        return push(find_class(module, name));
      }
      case op::STACK_GLOBAL: {
        Value name = pop();
        Value module = pop();
        if (type_of(name) != types().str || type_of(module) != types().str)
          raise_unpickling_error("STACK_GLOBAL requires str");
        return push(find_class(module, name));
      }
      case op::EXT1: return load_extension(static_cast<int64_t>(read_uint(1)));
      case op::EXT2: return load_extension(static_cast<int64_t>(read_uint(2)));
      case op::EXT4: return load_extension(static_cast<int32_t>(static_cast<uint32_t>(read_uint(4))));
      case op::REDUCE: {
        Value args = pop();
        Value func = pop();
        if (type_of(args) != types().tuple) raise_type_error("argument list must be a tuple");
        const std::vector<Value>& a = args.as<Tuple>()->items;
        return push(call_object(func, CallArgs{a.data(), a.size()}));
      }
      case op::BUILD: return build();
      case op::INST: {
        Value module = utf8_to_str(line());
        Value name = utf8_to_str(line());
        Value cls = find_class(module, name);
        ValueVector args = pop_items();
        return push(instantiate(cls, args));
      }
      case op::OBJ: {
        ValueVector items = pop_items();
        if (items.empty()) underflow();
        Value cls = items[0];
        items.erase(items.begin());
        return push(instantiate(cls, items));
      }
      case op::NEWOBJ: {
        Value args = pop();
        Value cls = pop();
        if (!isinstance(cls, types().type)) raise_unpickling_error("NEWOBJ class argument must be a type, not " + type_name(cls));
        if (type_of(args) != types().tuple)
          raise_unpickling_error("NEWOBJ args argument must be a tuple, not " + type_name(args));
        ValueVector full{cls};
        for (Value v : args.as<Tuple>()->items) full.push_back(v);
        Value new_fn = get_attr(cls, "__new__");
        return push(call_object(new_fn, CallArgs{full.data(), full.size()}));
      }
      case op::NEWOBJ_EX: {
        Value kwargs = pop();
        Value args = pop();
        Value cls = pop();
        if (!isinstance(cls, types().type))
          raise_unpickling_error("NEWOBJ_EX class argument must be a type, not " + type_name(cls));
        if (type_of(args) != types().tuple)
          raise_unpickling_error("NEWOBJ_EX args argument must be a tuple, not " + type_name(args));
        if (type_of(kwargs) != types().dict)
          raise_unpickling_error("NEWOBJ_EX kwargs argument must be a dict, not " + type_name(kwargs));
        ValueVector full{cls};
        for (Value v : args.as<Tuple>()->items) full.push_back(v);
        size_t positional = full.size();
        std::vector<Value> names;
        const DictTable& kw = kwargs.as<Dict>()->table;
        for (size_t i = 0; i < kw.entry_capacity(); ++i) {
          if (kw.entry_at(i).key.is_null()) continue;
          if (type_of(kw.entry_at(i).key) != types().str) raise_type_error("keywords must be strings");
          names.push_back(kw.entry_at(i).key);
          full.push_back(kw.entry_at(i).value);
        }
        Tuple* kwnames = new_tuple(names);
        Value new_fn = get_attr(cls, "__new__");
        return push(call_object(new_fn, CallArgs{full.data(), positional, names.empty() ? nullptr : kwnames}));
      }
      case op::PERSID: {
        std::string_view s = line();
        for (char c : s)
          if (static_cast<uint8_t>(c) >= 0x80)
            raise_unpickling_error("persistent IDs in protocol 0 must be ASCII strings");
        return push(persistent_load(new_str(std::string(s))));
      }
      case op::BINPERSID: {
        if (o_.persistent_load.is_null()) persistent_load(Value::none());
        Value pid = pop();
        return push(persistent_load(pid));
      }
      case op::PROTO: {
        uint64_t n = read_uint(1);
        if (n > static_cast<uint64_t>(kHighestProtocol))
          raise_value_error("unsupported pickle protocol: " + std::to_string(n));
        proto_ = static_cast<int>(n);
        if (!o_.unpickler.is_null()) set_attr(o_.unpickler, intern("proto"), make_int(proto_));
        return;
      }
      case op::FRAME: {
        uint64_t n = read_uint(8);
        if (n > static_cast<uint64_t>(INT64_MAX))
          raise_value_error("FRAME length exceeds system's maximum of " + std::to_string(INT64_MAX) + " bytes");
        in_.frame(n);
        return;
      }
      default: {
        char buf[32];
        if (code >= 0x20 && code < 0x7f) {
          snprintf(buf, sizeof buf, "'%c'", code);
        } else {
          snprintf(buf, sizeof buf, "'\\x%02x'", code);
        }
        raise_unpickling_error(std::string("invalid load key, ") + buf + ".");
      }
    }
  }

  Value persistent_load(Value pid) {
    if (o_.persistent_load.is_null())
      raise_unpickling_error(
          "A load persistent id instruction was encountered,\nbut no persistent_load function was specified.");
    return call(o_.persistent_load, {pid});
  }

  Reader& in_;
  const DecodeOptions& o_;
  int proto_ = 0;
  ValueVector stack_;
  std::vector<size_t> marks_;
  ValueVector memo_;
  uint64_t memo_len_ = 0;
  Dict* sparse_ = nullptr;
  Value buffers_iter_;
};

}  // namespace

namespace {

Value run(Reader& reader, const DecodeOptions& options) {
  Decoder decoder(reader, options);
  Dict* memo = !options.memo.is_null() && type_of(options.memo) == types().dict ? options.memo.as<Dict>() : nullptr;
  if (memo != nullptr) decoder.take_memo(memo);
  Value v = decoder.load();
  if (memo != nullptr) decoder.give_memo(memo);
  return v;
}

}  // namespace

Value decode_buffer(std::string_view data, size_t* pos, const DecodeOptions& options) {
  Reader reader(data, *pos);
  Value v = run(reader, options);
  *pos = reader.position();
  return v;
}

Value decode_file(Value file, const DecodeOptions& options) {
  Reader reader(file);
  return run(reader, options);
}

}  // namespace gilvm::pickle
