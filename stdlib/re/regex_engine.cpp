// PCRE2 compilation and matching for the re module: see regex_engine.hpp.
#include "stdlib/re/regex_engine.hpp"

#include <cstring>
#include <string>

#include "vm/native_error.hpp"

namespace gilvm::re {

namespace {

// Limits that turn catastrophic backtracking into an error. The match limit
// counts backtracking steps of one pcre2_match call (about a second of work
// with the JIT); the heap limit bounds the interpreter's backtracking
// memory, in KiB; the JIT stack may grow to 16 MiB.
constexpr uint32_t kMatchLimit = 200'000'000;
constexpr uint32_t kHeapLimitKiB = 1'000'000;
constexpr size_t kJitStackMax = 16u << 20;

struct Contexts {
  pcre2_compile_context* compile = nullptr;
  pcre2_match_context* match = nullptr;
  pcre2_jit_stack* jit_stack = nullptr;
  bool jit = false;
  Contexts() {
    compile = pcre2_compile_context_create(nullptr);
    pcre2_set_newline(compile, PCRE2_NEWLINE_LF);
    pcre2_set_parens_nest_limit(compile, 1000);
    match = pcre2_match_context_create(nullptr);
    pcre2_set_match_limit(match, kMatchLimit);
    pcre2_set_heap_limit(match, kHeapLimitKiB);
    uint32_t has_jit = 0;
    pcre2_config(PCRE2_CONFIG_JIT, &has_jit);
    jit = has_jit != 0;
    if (jit) {
      jit_stack = pcre2_jit_stack_create(64 * 1024, kJitStackMax, nullptr);
      if (jit_stack != nullptr) pcre2_jit_stack_assign(match, nullptr, jit_stack);
    }
  }
};

Contexts& contexts() {
  static Contexts c;  // first use is under the GIL
  return c;
}

std::string pcre_message(int code) {
  PCRE2_UCHAR buffer[256];
  int n = pcre2_get_error_message(code, buffer, sizeof buffer);
  if (n < 0) return "regular expression error " + std::to_string(code);
  return std::string(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
}

// PCRE2's compile messages, in CPython's words where CPython has them.
std::string python_message(const std::string& pcre) {
  if (pcre.find("lookbehind assertion is not fixed length") != std::string::npos ||
      pcre.find("length of lookbehind assertion") != std::string::npos)
    return "look-behind requires fixed-width pattern";
  if (pcre.find("more than two branches") != std::string::npos)
    return "conditional backref with more than two branches";
  if (pcre.find("number too big in {} quantifier") != std::string::npos)
    return "the repetition number is too large";
  return pcre;
}

}  // namespace

Regex::Regex(const Translation& t, bool is_bytes) : groups_(t.groups), pcre_(t.pcre), is_bytes_(is_bytes) {
  if (!is_bytes) {
    options_ |= PCRE2_UTF;
    if (!(t.flags & kAscii)) options_ |= PCRE2_UCP;
  }
  if (t.flags & kIgnoreCase) options_ |= PCRE2_CASELESS;
  if (t.flags & kMultiline) options_ |= PCRE2_MULTILINE;
  if (t.flags & kDotAll) options_ |= PCRE2_DOTALL;
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pcre_.data()), pcre_.size(), options_, &error,
                                   &offset, contexts().compile);
  if (code == nullptr) {
    int64_t pos = -1;
    if (!t.source_pos.empty()) pos = t.source_pos[offset < t.source_pos.size() ? offset : t.source_pos.size() - 1];
    throw PatternError{python_message(pcre_message(error)), pos};
  }
  code_[0] = code;
  if (contexts().jit) pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  match_data_ = pcre2_match_data_create_from_pattern(code, nullptr);
  ovector_ = pcre2_get_ovector_pointer(match_data_);
}

Regex::~Regex() {
  for (pcre2_code* c : code_)
    if (c != nullptr) pcre2_code_free(c);
  if (match_data_ != nullptr) pcre2_match_data_free(match_data_);
}

pcre2_code* Regex::code_for(Anchor anchor) {
  int k = static_cast<int>(anchor);
  if (code_[k] != nullptr) return code_[k];
  uint32_t extra = anchor == Anchor::kMatch ? PCRE2_ANCHORED : (PCRE2_ANCHORED | PCRE2_ENDANCHORED);
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pcre_.data()), pcre_.size(), options_ | extra, &error,
                                   &offset, contexts().compile);
  if (code == nullptr) throw_native(ErrorKind::RuntimeError, pcre_message(error));
  if (contexts().jit) pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  code_[k] = code;
  return code;
}

bool Regex::exec(const char* subject, size_t length, size_t start, Anchor anchor, bool not_empty_at_start,
                 bool utf_checked) {
  pcre2_code* code = code_for(anchor);
  uint32_t options = 0;
  if (not_empty_at_start) options |= PCRE2_NOTEMPTY_ATSTART;
  if (utf_checked || is_bytes_) options |= PCRE2_NO_UTF_CHECK;
  // An empty subject may come with a null pointer; PCRE2 wants a real one.
  static const char empty[1] = {0};
  int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(length == 0 ? empty : subject), length, start, options,
                       match_data_, contexts().match);
  if (rc >= 0) {
    // Groups beyond the highest one set are left stale by PCRE2.
    uint32_t set = rc == 0 ? groups_ + 1 : static_cast<uint32_t>(rc);
    for (uint32_t g = set; g <= groups_; ++g) ovector_[2 * g] = ovector_[2 * g + 1] = PCRE2_UNSET;
    return true;
  }
  if (rc == PCRE2_ERROR_NOMATCH) return false;
  if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT ||
      rc == PCRE2_ERROR_DEPTHLIMIT)
    throw_native(ErrorKind::RuntimeError, "regular expression match exceeded the backtracking limit (" +
                                              pcre_message(rc) + ")");
  if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21)
    throw_native(ErrorKind::ValueError, "the string holds surrogates, which regular expressions cannot match");
  throw_native(ErrorKind::RuntimeError, "regular expression match failed: " + pcre_message(rc));
}

int64_t count_code_points(const char* text, size_t from, size_t to) {
  int64_t n = 0;
  for (size_t k = from; k < to; ++k) n += (static_cast<unsigned char>(text[k]) & 0xC0) != 0x80;
  return n;
}

size_t byte_offset(std::string_view text, int64_t cp) {
  size_t k = 0;
  int64_t seen = 0;
  while (k < text.size()) {
    if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) {
      if (seen == cp) return k;
      ++seen;
    }
    ++k;
  }
  return text.size();
}

size_t next_char(std::string_view text, size_t at, bool utf) {
  if (at >= text.size()) return text.size();
  ++at;
  if (utf)
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  return at;
}

}  // namespace gilvm::re
