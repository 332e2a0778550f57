// Substitution and splitting: Pattern.sub/subn/split, the replacement
// templates (\1, \g<name>, \g<0>, octal and standard escapes) with
// CPython's parse rules and errors, and Match.expand.
//
// Design: the result is built as one std::string of the subject's bytes, so
// a str result is sliced and joined without code-point arithmetic. A
// template is parsed once per (pattern, template object) and kept on the
// pattern; one with no backslash is a plain literal. Empty matches follow
// CPython 3.7+: after an empty match the next may not be empty at the same
// place, and empty matches next to a previous match count.
#include "stdlib/re/re_objects.hpp"
#include "vm/errors.hpp"
#include "vm/native.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"
#include "vm/utf8.hpp"

namespace gilvm::re {

namespace {

bool is_octal(char c) { return c >= '0' && c <= '7'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Appends code point `cp` to a template's text (a byte for bytes templates).
void append_char(std::string& out, uint32_t cp, bool bytes) {
  if (bytes) out += static_cast<char>(cp);
  else utf8::append(out, cp);
}

// Position in code points of byte offset `b` of the template text.
int64_t tpos(std::string_view text, size_t b, bool bytes) {
  return bytes ? static_cast<int64_t>(b) : count_code_points(text.data(), 0, b);
}

bool is_identifier(std::string_view name, bool bytes) {
  if (name.empty()) return false;
  size_t k = 0;
  bool first = true;
  while (k < name.size()) {
    char32_t c = bytes ? static_cast<unsigned char>(name[k++]) : utf8::next(name, k);
    if (bytes && c >= 0x80) return false;
    bool ok = c == '_' || (first ? utf8::is_identifier_start(c) : utf8::is_identifier_continue(c));
    if (!ok) return false;
    first = false;
  }
  return true;
}

Template parse_template(PatternObject* p, Value source) {
  bool bytes = isinstance(source, types().bytes);
  std::string_view text = bytes ? std::string_view(source.as<Bytes>()->data) : std::string_view(source.as<Str>()->data);
  Template t;
  std::string lit;
  auto fail = [&](const std::string& message, size_t at) { raise_re_error(message, source, tpos(text, at, bytes)); };
  auto add_group = [&](int64_t g, size_t at) {
    if (g > p->groups) fail("invalid group reference " + std::to_string(g), at);
    t.pieces.push_back(Template::Piece{std::move(lit), static_cast<int32_t>(g)});
    lit.clear();
    t.literal_only = false;
  };
  size_t k = 0;
  while (k < text.size()) {
    size_t start = k;
    char c = text[k];
    if (c != '\\') {
      size_t next = text.find('\\', k);
      if (next == std::string_view::npos) next = text.size();
      lit.append(text.substr(k, next - k));
      k = next;
      continue;
    }
    if (k + 1 >= text.size()) fail("bad escape (end of pattern)", start);
    c = text[k + 1];
    k += 2;
    if (c == 'g') {
      if (k >= text.size() || text[k] != '<') fail("missing <", k);
      ++k;
      size_t name_start = k;
      size_t close = text.find('>', k);
      if (close == std::string_view::npos) {
        if (k >= text.size()) fail("missing group name", name_start);
        fail("missing >, unterminated name", name_start);
      }
      std::string_view name = text.substr(name_start, close - name_start);
      k = close + 1;
      if (name.empty()) fail("missing group name", name_start);
      if (is_identifier(name, bytes)) {
        Value g = p->groupindex->table.get(new_str(name));
        if (g.is_null()) raise_index_error("unknown group name '" + std::string(name) + "'");
        add_group(g.small_int_value(), name_start);
      } else {
        bool digits = true;
        for (char ch : name) digits = digits && is_digit(ch);
        if (!digits) fail("bad character in group name '" + std::string(name) + "'", name_start);
        int64_t g = name.size() > 9 ? 1000000000 : std::stoll(std::string(name));
        add_group(g, name_start);
      }
    } else if (c == '0') {
      uint32_t v = 0;
      for (int n = 0; n < 2 && k < text.size() && is_octal(text[k]); ++n) v = v * 8 + (text[k++] - '0');
      append_char(lit, v & 0xff, bytes);
    } else if (is_digit(c)) {
      if (k < text.size() && is_digit(text[k])) {
        char d = text[k];
        if (is_octal(c) && is_octal(d) && k + 1 < text.size() && is_octal(text[k + 1])) {
          uint32_t v = (c - '0') * 64 + (d - '0') * 8 + (text[k + 1] - '0');
          k += 2;
          if (v > 0377)
            fail("octal escape value " + std::string(text.substr(start, 4)) + " outside of range 0-0o377", start);
          append_char(lit, v, bytes);
          continue;
        }
        ++k;
        add_group((c - '0') * 10 + (d - '0'), start + 1);
      } else {
        add_group(c - '0', start + 1);
      }
    } else {
      switch (c) {
        case 'a': lit += '\a'; break;
        case 'b': lit += '\b'; break;
        case 'f': lit += '\f'; break;
        case 'n': lit += '\n'; break;
        case 'r': lit += '\r'; break;
        case 't': lit += '\t'; break;
        case 'v': lit += '\v'; break;
        case '\\': lit += '\\'; break;
        default:
          if (is_letter(c)) fail("bad escape \\" + std::string(1, c), start);
          lit += '\\';
          k = start + 1;  // keep the next character (whole, if multi-byte) as is
          break;
      }
    }
  }
  if (!lit.empty() || t.pieces.empty()) t.pieces.push_back(Template::Piece{std::move(lit), -1});
  return t;
}

void check_template_type(PatternObject* p, Value repl) {
  bool ok = p->is_bytes ? isinstance(repl, types().bytes) : isinstance(repl, types().str);
  if (!ok) raise_type_error(std::string("expected ") + (p->is_bytes ? "a bytes-like object" : "str instance") + ", " +
                            type_name(repl) + " found");
}

const Template& template_for(PatternObject* p, Value repl) {
  if (p->template_source.raw() == repl.raw()) return p->template_parsed;
  check_template_type(p, repl);
  Template t = parse_template(p, repl);
  p->template_parsed = std::move(t);
  p->template_source = repl;
  return p->template_parsed;
}

// Appends a template's expansion; `spans` are byte offsets (-1 unset).
template <class Offsets>
void expand_into(std::string& out, const Template& t, std::string_view subject, const Offsets& spans) {
  for (const auto& piece : t.pieces) {
    out += piece.text;
    if (piece.group >= 0) {
      auto b = spans[2 * piece.group], e = spans[2 * piece.group + 1];
      if (b != static_cast<decltype(b)>(-1)) out.append(subject.substr(b, e - b));
    }
  }
}

Value make_result(const Subject& s, std::string&& text) {
  if (s.is_bytes) return new_bytes(std::move(text));
  return new_str(std::move(text));
}

}  // namespace

Value pattern_sub_impl(PatternObject* p, Value repl, Value string, int64_t count, bool want_count) {
  Subject s = subject_of(p, string);
  bool is_text = isinstance(repl, types().str) || isinstance(repl, types().bytes);
  bool callable = !is_text && is_callable(repl);
  const Template* t = nullptr;
  Template own;
  if (!callable) {
    check_template_type(p, repl);
    // A template without backslashes is its own text.
    std::string_view rt = isinstance(repl, types().bytes) ? std::string_view(repl.as<Bytes>()->data)
                                                           : std::string_view(repl.as<Str>()->data);
    if (rt.find('\\') == std::string_view::npos) {
      own.pieces.push_back(Template::Piece{std::string(rt), -1});
      t = &own;
    } else {
      own = template_for(p, repl);  // a copy: a later sub may replace the cached one
      t = &own;
    }
  }
  if (count < 0) count = -1;  // CPython: a negative count substitutes nothing
  Regex& r = *p->regex;
  std::string out;
  size_t last = 0, at = 0, end = s.text.size();
  size_t base_byte = 0;
  int64_t base_cp = 0;
  int64_t n = 0;
  bool must_advance = false, checked = s.ascii;
  while (count != -1 && (count == 0 || n < count) && at <= end) {
    if (!r.exec(s.text.data(), end, at, Anchor::kSearch, must_advance, checked)) break;
    checked = true;
    const size_t* ov = r.ovector();
    size_t ms = ov[0], me = ov[1];
    out.append(s.text.substr(last, ms - last));
    if (callable) {
      MatchObject* m = make_match(p, string, s, 0, s.length, base_byte, base_cp);
      base_byte = me;
      base_cp = m->spans[1];
      Value piece = call(repl, {Value(m)});
      if (!piece.is_none()) {
        if (s.is_bytes ? !isinstance(piece, types().bytes) : !isinstance(piece, types().str))
          raise_type_error(std::string("expected ") + (s.is_bytes ? "a bytes-like object" : "str instance") + ", " +
                           type_name(piece) + " found");
        out += s.is_bytes ? piece.as<Bytes>()->data : piece.as<Str>()->data;
      }
    } else if (t->pieces.size() == 1 && t->pieces[0].group < 0) {
      out += t->pieces[0].text;
    } else {
      expand_into(out, *t, s.text, ov);
    }
    ++n;
    last = me;
    must_advance = ms == me;
    at = me;
  }
  Value result;
  if (n == 0 && (type_of(string) == types().str || type_of(string) == types().bytes)) {
    result = string;
  } else {
    out.append(s.text.substr(last));
    result = make_result(s, std::move(out));
  }
  if (want_count) return new_tuple({result, Value::small_int(n)});
  return result;
}

Value pattern_split_impl(PatternObject* p, Value string, int64_t maxsplit) {
  Subject s = subject_of(p, string);
  List* out = new_list();
  if (maxsplit < 0) {
    out->items.push_back(slice_subject(s, 0, s.text.size()));
    return out;
  }
  Regex& r = *p->regex;
  size_t last = 0, at = 0, end = s.text.size();
  int64_t n = 0;
  bool must_advance = false, checked = s.ascii;
  std::vector<size_t> offs;
  while ((maxsplit == 0 || n < maxsplit) && at <= end) {
    if (!r.exec(s.text.data(), end, at, Anchor::kSearch, must_advance, checked)) break;
    checked = true;
    const size_t* ov = r.ovector();
    offs.assign(ov, ov + 2 * (p->groups + 1));
    size_t ms = offs[0], me = offs[1];
    out->items.push_back(slice_subject(s, last, ms));
    for (uint32_t g = 1; g <= p->groups; ++g)
      out->items.push_back(offs[2 * g] == PCRE2_UNSET ? Value::none() : slice_subject(s, offs[2 * g], offs[2 * g + 1]));
    ++n;
    last = me;
    must_advance = ms == me;
    at = me;
  }
  out->items.push_back(slice_subject(s, last, end));
  return out;
}

Value match_expand(MatchObject* m, Value tmpl) {
  check_template_type(m->re, tmpl);
  Template t = parse_template(m->re, tmpl);
  Value string = m->string;
  bool bytes = isinstance(string, types().bytes);
  std::string_view text = bytes ? std::string_view(string.as<Bytes>()->data) : std::string_view(string.as<Str>()->data);
  std::string out;
  expand_into(out, t, text, m->bspans);
  if (bytes) return new_bytes(std::move(out));
  return new_str(std::move(out));
}

}  // namespace gilvm::re
