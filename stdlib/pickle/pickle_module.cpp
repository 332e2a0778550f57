// The _pickle module: the native entry points of pickle (stdlib/py/pickle.py
// re-exports them). dumps/loads/dump/load run entirely here; the Python
// Pickler and Unpickler classes call _encode / _decode with the hooks they
// found on themselves (persistent_id, reducer_override, dispatch_table,
// find_class, persistent_load), so overriding them in a subclass works.
//
//   dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None)
//   dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None)
//   loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())
//   load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())
//   _encode(obj, protocol, fix_imports, memo, persistent_id, reducer_override,
//           dispatch_table) -> bytes              (None: no hook)
//   _decode(source, fix_imports, encoding, errors, find_class,
//           persistent_load, buffers, unpickler, memo) -> value
//           (source: bytes, or a file; the unpickler's `proto` attribute
//           follows the stream's PROTO, for its find_class)
//   _find_class(module, name, protocol, fix_imports): the default find_class
//   _check_protocol(protocol) -> int
//   PicklerMemoProxy(): a pickler's memo (clear(), copy(), len())
#include <string>

#include "stdlib/pickle/opcodes.hpp"
#include "stdlib/pickle/pickle.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/types.hpp"

namespace gilvm::pickle {

PickleTypes& pickle_types() {
  static PickleTypes t;
  return t;
}

void raise_pickling_error(const std::string& message) { raise_error(pickle_types().pickling_error, message); }
void raise_unpickling_error(const std::string& message) { raise_error(pickle_types().unpickling_error, message); }

Memo* new_memo() { return gc_new<Memo>(pickle_types().memo); }

Value default_find_class(Value module, Value name, int protocol, bool fix_imports) {
  if (!isinstance(module, types().str) || !isinstance(name, types().str))
    raise_type_error("find_class() arguments must be str");
  if (protocol < 3 && fix_imports) {
    Value compat = import_by_name(intern("_compat_pickle"));
    Value key = new_tuple({module, name});
    Value mapped = get_attr(compat, "NAME_MAPPING").as<Dict>()->table.get(key);
    if (!mapped.is_null()) {
      if (type_of(mapped) != types().tuple || mapped.as<Tuple>()->items.size() != 2)
        raise_runtime_error("_compat_pickle.NAME_MAPPING values should be 2-tuples, not " + type_name(mapped));
      module = mapped.as<Tuple>()->items[0];
      name = mapped.as<Tuple>()->items[1];
    } else {
      Value m = get_attr(compat, "IMPORT_MAPPING").as<Dict>()->table.get(module);
      if (!m.is_null()) module = m;
    }
  }
  Value mod = import_by_name(module.as<Str>());
  const std::string& dotted = name.as<Str>()->data;
  auto fail = [&]() -> Value {
    raise_attribute_error("Can't get attribute " + repr_string(name) + " on " + repr_string(mod));
  };
  if (protocol >= 4) {
    Value current = mod;
    for (size_t start = 0;;) {
      size_t dot = dotted.find('.', start);
      std::string part = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      if (part == "<locals>")
        raise_attribute_error("Can't get local attribute " + repr_string(name) + " on " + repr_string(mod));
      current = get_attr_or_null(current, intern(part));
      if (current.is_null()) return fail();
      if (dot == std::string::npos) return current;
      start = dot + 1;
    }
  }
  Value v = get_attr_or_null(mod, name.as<Str>());
  return v.is_null() ? fail() : v;
}

namespace {

int check_protocol(Value v) {
  if (v.is_null() || v.is_none()) return kDefaultProtocol;
  if (!is_int_value(v)) raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
  int64_t n = 0;
  if (!int_to_int64(v, &n)) raise_overflow_error("Python int too large to convert to C long");
  if (n < 0) return kHighestProtocol;
  if (n > kHighestProtocol) raise_value_error("pickle protocol must be <= " + std::to_string(kHighestProtocol));
  return static_cast<int>(n);
}

Value hook(Value v) { return v.is_null() || v.is_none() ? Value::null() : v; }

const std::string& bytes_data(Value v) {
  if (type_of(v) != types().bytes)
    raise_type_error("a bytes-like object is required, not '" + type_name(v) + "'");
  return v.as<Bytes>()->data;
}

std::string text_option(Value v, const char* what) {
  if (!isinstance(v, types().str))
    raise_type_error(std::string(what) + " must be str, not " + type_name(v));
  return v.as<Str>()->data;
}

Bytes* encode_to_bytes(Value obj, int protocol, bool fix_imports, Memo* memo, Value persistent_id,
                       Value reducer_override, Value dispatch_table) {
  EncodeOptions o;
  o.protocol = protocol;
  o.fix_imports = fix_imports;
  o.memo = memo;
  o.persistent_id = hook(persistent_id);
  o.reducer_override = hook(reducer_override);
  o.dispatch_table = hook(dispatch_table);
  std::string out;
  encode(obj, o, out);
  return new_bytes(std::move(out));
}

// dumps() and dump() use a memo of their own: its table and object list,
// C++ memory the collector does not count, are given back as soon as the
// call ends instead of when a collection frees the memo (a loop of
// dumps() calls grew by about a kilobyte per call until then).
struct CallMemo {
  Memo* memo = new_memo();
  ~CallMemo() {
    memo->clear();
    memo->objects.shrink_to_fit();
  }
};

Value m_dumps(const CallArgs& a) {
  ArgParser p(a, "dumps", {"obj", "protocol", "fix_imports", "buffer_callback"}, 1, false, 2);
  int protocol = check_protocol(p.get(1));
  CallMemo scratch;
  return encode_to_bytes(p.get(0), protocol, is_truthy(p.get(2, Value::boolean(true))), scratch.memo, Value::null(),
                         Value::null(), Value::null());
}

Value m_dump(const CallArgs& a) {
  ArgParser p(a, "dump", {"obj", "file", "protocol", "fix_imports", "buffer_callback"}, 2, false, 3);
  int protocol = check_protocol(p.get(2));
  static Str* write_name = intern("write");
  Value write = get_attr_or_null(p.get(1), write_name);
  if (write.is_null()) raise_type_error("file must have a 'write' attribute");
  Value data;
  {
    CallMemo scratch;
    data = encode_to_bytes(p.get(0), protocol, is_truthy(p.get(3, Value::boolean(true))), scratch.memo,
                           Value::null(), Value::null(), Value::null());
  }
  call(write, {data});
  return Value::none();
}

DecodeOptions decode_options(Value fix_imports, Value encoding, Value errors, Value buffers) {
  DecodeOptions o;
  o.fix_imports = fix_imports.is_null() || is_truthy(fix_imports);
  if (!encoding.is_null()) o.encoding = text_option(encoding, "encoding");
  if (!errors.is_null()) o.errors = text_option(errors, "errors");
  o.buffers = hook(buffers);
  return o;
}

Value m_loads(const CallArgs& a) {
  ArgParser p(a, "loads", {"data", "fix_imports", "encoding", "errors", "buffers"}, 1, false, 1);
  DecodeOptions o = decode_options(p.get(1), p.get(2), p.get(3), p.get(4));
  Value data = p.get(0);
  const std::string& bytes = bytes_data(data);
  size_t pos = 0;
  return decode_buffer(bytes, &pos, o);
}

Value m_load(const CallArgs& a) {
  ArgParser p(a, "load", {"file", "fix_imports", "encoding", "errors", "buffers"}, 1, false, 1);
  DecodeOptions o = decode_options(p.get(1), p.get(2), p.get(3), p.get(4));
  Value file = p.get(0);
  static Str* read_name = intern("read");
  static Str* readline_name = intern("readline");
  if (get_attr_or_null(file, read_name).is_null() || get_attr_or_null(file, readline_name).is_null())
    raise_type_error("file must have 'read' and 'readline' attributes");
  return decode_file(file, o);
}

Value m_encode(const CallArgs& a) {
  check_arg_count(a, "_encode", 7, 7);
  if (type_of(a[3]) != pickle_types().memo) raise_type_error("memo must be a PicklerMemoProxy");
  return encode_to_bytes(a[0], check_protocol(a[1]), is_truthy(a[2]), a[3].as<Memo>(), a[4], a[5], a[6]);
}

Value m_decode(const CallArgs& a) {
  check_arg_count(a, "_decode", 9, 9);
  DecodeOptions o = decode_options(a[1], a[2], a[3], a[6]);
  o.find_class = hook(a[4]);
  o.persistent_load = hook(a[5]);
  o.unpickler = hook(a[7]);
  o.memo = hook(a[8]);
  Value source = a[0];
  if (type_of(source) == types().bytes) {
    size_t pos = 0;
    return decode_buffer(source.as<Bytes>()->data, &pos, o);
  }
  return decode_file(source, o);
}

Value m_find_class(const CallArgs& a) {
  check_arg_count(a, "_find_class", 4, 4);
  return default_find_class(a[0], a[1], check_protocol(a[2]), is_truthy(a[3]));
}

Value m_check_protocol(const CallArgs& a) {
  check_arg_count(a, "_check_protocol", 1, 1);
  return make_int(check_protocol(a[0]));
}

Value memo_construct(Type*, const CallArgs& a) {
  check_arg_count(a, "PicklerMemoProxy", 0, 0);
  return new_memo();
}

Memo* self_memo(const CallArgs& a) {
  if (type_of(a[0]) != pickle_types().memo) raise_type_error("expected a PicklerMemoProxy");
  return a[0].as<Memo>();
}

Value memo_clear(const CallArgs& a) {
  self_memo(a)->clear();
  return Value::none();
}

// {id(obj): (index, obj)}, as CPython's memo proxy copies itself.
Value memo_copy(const CallArgs& a) {
  Memo* m = self_memo(a);
  Dict* d = new_dict();
  for (size_t i = 0; i < m->objects.size(); ++i) {
    Value obj = m->objects[i];
    Value key = make_int(static_cast<int64_t>(obj.raw()));
    d->table.set(key, new_tuple({make_int(static_cast<int64_t>(i)), obj}));
  }
  return d;
}

Value memo_len(const CallArgs& a) { return make_int(static_cast<int64_t>(self_memo(a)->objects.size())); }

Type* new_error(const char* name, Type* base) {
  Dict* ns = new_dict();
  ns->table.set(intern("__module__"), intern("_pickle"));
  Value cls = call(types().type, {intern(name), new_tuple({Value(base)}), ns});
  keep_builtin_type_alive(cls.as<Type>());
  return cls.as<Type>();
}

void init_pickle(Module* m) {
  PickleTypes& t = pickle_types();
  if (t.memo == nullptr) {
    t.pickle_error = new_error("PickleError", exc().Exception);
    t.pickling_error = new_error("PicklingError", t.pickle_error);
    t.unpickling_error = new_error("UnpicklingError", t.pickle_error);
    t.memo = new_builtin_type("PicklerMemoProxy", types().object, memo_construct);
    t.memo->allows_subclassing = false;
    add_type_attr(t.memo, "__module__", intern("_pickle"));
    add_method(t.memo, "clear", memo_clear);
    add_method(t.memo, "copy", memo_copy);
    add_method(t.memo, "__len__", memo_len);
  }
  DictTable& d = m->dict()->table;
  d.set(intern("PickleError"), t.pickle_error);
  d.set(intern("PicklingError"), t.pickling_error);
  d.set(intern("UnpicklingError"), t.unpickling_error);
  d.set(intern("PicklerMemoProxy"), t.memo);
  d.set(intern("HIGHEST_PROTOCOL"), make_int(kHighestProtocol));
  d.set(intern("DEFAULT_PROTOCOL"), make_int(kDefaultProtocol));
  add_function(m, "dumps", m_dumps);
  add_function(m, "dump", m_dump);
  add_function(m, "loads", m_loads);
  add_function(m, "load", m_load);
  add_function(m, "_encode", m_encode);
  add_function(m, "_decode", m_decode);
  add_function(m, "_find_class", m_find_class);
  add_function(m, "_check_protocol", m_check_protocol);
}

}  // namespace

}  // namespace gilvm::pickle

namespace gilvm {

void register_pickle_module() {
  pickle::install_reduce_methods();
  register_builtin_module("_pickle", pickle::init_pickle);
}

}  // namespace gilvm
