// The buffer-provider registry and the helpers natives read bytes-like
// objects with (see vm/objects/buffer.hpp). check_resizable lives with the
// memoryviews it counts, in vm/builtins/memoryview.cpp.
#include "vm/objects/buffer.hpp"

#include <utility>
#include <vector>

#include "vm/errors.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

// A handful of exporter types: a linear scan beats hashing here. Built-in
// types are immortal, and array.array registers once, so the entries never
// dangle.
struct Entry {
  Type* type;
  BufferProvider provider;
  BufferCopier copier;
};
std::vector<Entry>& providers() {
  static auto* v = new std::vector<Entry>();
  return *v;
}

const Entry* entry_for(Type* t) {
  for (const Entry& e : providers())
    if (e.type == t) return &e;
  for (const Entry& e : providers())
    if (t->is_subtype_of(e.type)) return &e;
  return nullptr;
}

}  // namespace

void register_buffer_type(Type* type, BufferProvider provider, BufferCopier copier) {
  for (Entry& e : providers())
    if (e.type == type) {
      e = {type, provider, copier};
      return;
    }
  providers().push_back({type, provider, copier});
}

bool get_buffer(Value v, BufferView* out) {
  if (!v.is_object()) return false;
  const Entry* e = entry_for(v.object()->type);
  return e != nullptr && e->provider(v.object(), out);
}

bool has_buffer_type(Value v) { return v.is_object() && entry_for(v.object()->type) != nullptr; }

bool copy_buffer(Value v, std::string* out) {
  if (!v.is_object()) return false;
  const Entry* e = entry_for(v.object()->type);
  if (e == nullptr) return false;
  BufferView view;
  if (e->provider(v.object(), &view)) {
    out->assign(view.bytes());
    return true;
  }
  return e->copier != nullptr && e->copier(v.object(), out);
}

BufferView buffer_or_raise(Value v) {
  BufferView view;
  if (!get_buffer(v, &view)) raise_type_error("a bytes-like object is required, not '" + type_name(v) + "'");
  return view;
}

BufferView writable_buffer_or_raise(Value v) {
  BufferView view;
  if (!get_buffer(v, &view) || view.readonly)
    raise_type_error("argument must be read-write bytes-like object, not " + type_name(v));
  return view;
}

std::string buffer_bytes(Value v) {
  std::string out;
  if (!copy_buffer(v, &out)) raise_type_error("a bytes-like object is required, not '" + type_name(v) + "'");
  return out;
}

}  // namespace gilvm
