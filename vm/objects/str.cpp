#include "vm/objects/str.hpp"

#include <unordered_map>

#include "vm/heap/heap.hpp"
#include "vm/text/utf8.hpp"
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
  s->ascii = text::is_ascii(s->data);
  s->length = static_cast<int64_t>(s->ascii ? s->data.size() : text::code_point_count(s->data));
}

// Below this many code points a walk is cheaper than building offsets.
constexpr int64_t kIndexedLength = 4 * kStrIndexStride;

void build_offsets(const Str* s) {
  const int64_t slots = s->length / kStrIndexStride + 1;
  auto table = std::make_unique<uint32_t[]>(static_cast<size_t>(slots));
  const std::string& d = s->data;
  size_t pos = 0;
  for (int64_t i = 0; i < s->length; ++i) {
    if (i % kStrIndexStride == 0) table[static_cast<size_t>(i / kStrIndexStride)] = static_cast<uint32_t>(pos);
    auto lead = static_cast<unsigned char>(d[pos]);
    pos += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  }
  if (s->length % kStrIndexStride == 0) table[static_cast<size_t>(slots - 1)] = static_cast<uint32_t>(pos);
  s->offsets = std::move(table);
}

bool use_offsets(const Str* s) {
  if (s->ascii || s->length < kIndexedLength || s->data.size() > UINT32_MAX) return false;
  if (!s->offsets) build_offsets(s);
  return true;
}

}  // namespace

Str::Str(Type* t, std::string text) : Object(t), data(std::move(text)) { measure(this); }

Str* new_str(std::string text) {
  Str* s = gc_new<Str>(types().str, std::move(text));
  if (s->data.size() > 64) heap().note_allocation(s->data.size());
  return s;
}
size_t str_byte_offset(const Str* s, int64_t index) {
  if (s->ascii) return static_cast<size_t>(index);
  if (!use_offsets(s)) return text::byte_offset_of(s->data, static_cast<size_t>(index));
  size_t pos = s->offsets[static_cast<size_t>(index / kStrIndexStride)];
  return pos + text::byte_offset_of(std::string_view(s->data).substr(pos), static_cast<size_t>(index % kStrIndexStride));
}

int64_t str_code_point_index(const Str* s, size_t byte) {
  if (s->ascii) return static_cast<int64_t>(byte);
  std::string_view d = s->data;
  if (!use_offsets(s)) return static_cast<int64_t>(text::code_point_count(d.substr(0, byte)));
  // The last recorded offset at or before `byte`, then count from there.
  size_t lo = 0, hi = static_cast<size_t>(s->length / kStrIndexStride) + 1;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (s->offsets[mid] <= byte) lo = mid;
    else hi = mid;
  }
  size_t base = s->offsets[lo];
  return static_cast<int64_t>(lo) * kStrIndexStride +
         static_cast<int64_t>(text::code_point_count(d.substr(base, byte - base)));
}

Str* new_str_known(std::string text, int64_t code_points, bool ascii) {
  Str* s = gc_new<Str>(types().str, std::move(text), code_points, ascii);
  if (s->data.size() > 64) heap().note_allocation(s->data.size());
  return s;
}
Str* str_part(const Str* whole, std::string_view piece) {
  if (piece.size() <= 1 && (piece.empty() || static_cast<unsigned char>(piece[0]) < 0x80)) {
    // Interned, so rooted; remembered here to skip the table lookup.
    static Str* shared[129] = {};
    size_t index = piece.empty() ? 128 : static_cast<unsigned char>(piece[0]);
    if (shared[index] == nullptr) shared[index] = intern(piece);
    return shared[index];
  }
  if (whole->ascii) return new_str_known(std::string(piece), static_cast<int64_t>(piece.size()), true);
  return new_str(piece);
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

// Empty and one-byte bytes are shared, as CPython shares them: code that
// walks bytes a byte at a time (b[i:i + 1], bytes([c])) makes millions.
// Bytes are immutable, so no caller can tell, except by `is`.
Bytes* new_bytes(std::string data) {
  if (data.size() > 1) return gc_new<Bytes>(types().bytes, std::move(data));
  static Bytes* shared[257] = {};
  size_t index = data.empty() ? 256 : static_cast<unsigned char>(data[0]);
  if (shared[index] == nullptr) {
    shared[index] = gc_new<Bytes>(types().bytes, std::move(data));
    keep_alive(shared[index]);
  }
  return shared[index];
}

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
