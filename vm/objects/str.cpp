#include "vm/objects/str.hpp"

#include <unordered_map>

#include "vm/heap/heap.hpp"
#include "vm/types.hpp"

namespace gilvm {

namespace {

// Interned strings, keyed by their own bytes (the key views the Str's data,
// which never changes and lives as long as the table keeps the Str alive).
std::unordered_map<std::string_view, Str*>& interned_table() {
  static auto* table = new std::unordered_map<std::string_view, Str*>();
  return *table;
}

void measure(Str* s) {
  int64_t code_points = 0;
  bool ascii = true;
  for (unsigned char c : s->data) {
    if (c >= 0x80) ascii = false;
    if ((c & 0xC0) != 0x80) ++code_points;
  }
  s->length = code_points;
  s->ascii = ascii;
}

}  // namespace

Str::Str(Type* t, std::string text) : Object(t), data(std::move(text)) { measure(this); }

Str* new_str(std::string text) {
  Str* s = gc_new<Str>(types().str, std::move(text));
  if (s->data.size() > 64) heap().note_allocation(s->data.size());
  return s;
}
Str* new_str_known(std::string text, int64_t code_points, bool ascii) {
  Str* s = gc_new<Str>(types().str, std::move(text), code_points, ascii);
  if (s->data.size() > 64) heap().note_allocation(s->data.size());
  return s;
}
Str* new_str(std::string_view text) { return new_str(std::string(text)); }
Str* new_str(const char* text) { return new_str(std::string(text)); }

Str* intern(std::string_view text) {
  auto& table = interned_table();
  auto it = table.find(text);
  if (it != table.end()) return it->second;
  Str* s = new_str(std::string(text));
  s->interned = true;
  table.emplace(s->view(), s);
  return s;
}

Bytes* new_bytes(std::string data) { return gc_new<Bytes>(types().bytes, std::move(data)); }

// FNV-1a over the UTF-8 bytes, folded so that -1 (CPython's "no hash") never
// appears. Script-visible str hashes differ from CPython's, as they do
// between two CPython runs (hash randomization), so no script may depend on them.
int64_t str_hash(const Str* s) {
  if (s->hash != -1) return s->hash;
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s->data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  int64_t result = static_cast<int64_t>(h >> 1);
  if (result == -1) result = -2;
  s->hash = result;
  return result;
}

bool str_equal(const Str* a, const Str* b) {
  if (a == b) return true;
  if (a->interned && b->interned) return false;
  if (a->data.size() != b->data.size()) return false;
  if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
  return a->data == b->data;
}

Str* str_from_code_point(uint32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
    if (cp < 0x80) return intern(out);  // single ASCII characters are shared
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return new_str(std::move(out));
}

void trace_interned(Tracer& t) {
  for (auto& entry : interned_table()) t.visit(entry.second);
}

}  // namespace gilvm
