// Traceback location markers, as CPython 3.11 prints them.
//
// The instruction that raised carries a source span (SourcePos: lines and
// UTF-8 byte columns, as CPython's ast). The rules, from CPython 3.11's
// output:
//  * Columns are counted in characters; the markers start under the span's
//    first character of the stripped line that traceback shows.
//  * A span that runs onto later lines is marked to the end of its first
//    line, without anchors.
//  * A single-line span that is, on its own, a binary operation or a
//    subscript gets anchors: `~` under the operands and `^` under the
//    operator (`~~^~~`), or `~` under the subscripted value and `^` under the
//    brackets (`~^^^^^`). The segment is re-parsed to find them, as CPython
//    does.
//  * Markers are printed only when they tell something: when the span is
//    shorter than the stripped line, or when there are anchors.
#include "vm/traceback_carets.hpp"

#include <vector>

#include "vm/ast.hpp"
#include "vm/parser.hpp"

namespace gilvm {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n' || c == '\v'; }

// For each byte offset 0..size, the number of characters that start before
// it (the ast's byte columns always fall on character starts).
std::vector<int> char_index_of_bytes(const std::string& text) {
  std::vector<int> index(text.size() + 1);
  int count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    index[i] = count;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
  index[text.size()] = count;
  return index;
}

// Byte offset of character `n` of `text`.
size_t byte_of_char(const std::string& text, int n) {
  int seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (seen == n) return i;
      ++seen;
    }
  }
  return text.size();
}

struct Anchors {
  int left_end;     // characters into the segment where `^` starts
  int right_start;  // ... and where `~` resumes
};

// Anchors for `segment` (one line of source, the whole failing expression),
// or false when it is not a lone binary operation or subscript.
bool find_anchors(const std::string& segment, Anchors* out) {
  ParseResult parsed;
  try {
    parsed = parse(segment, "<segment>", ParseMode::Exec);
  } catch (...) {
    return false;
  }
  auto* module = ast::dyn_cast<ast::Module>(parsed.mod);
  if (module == nullptr || module->body.size() != 1) return false;
  auto* statement = ast::dyn_cast<ast::ExprStmt>(module->body[0]);
  if (statement == nullptr) return false;
  std::vector<int> chars = char_index_of_bytes(segment);
  int length = chars.back();
  auto at = [&](int byte_offset) {
    if (byte_offset < 0) return 0;
    if (static_cast<size_t>(byte_offset) > segment.size()) return length;
    return chars[static_cast<size_t>(byte_offset)];
  };
  auto char_at = [&](int index) { return segment[byte_of_char(segment, index)]; };
  if (auto* binop = ast::dyn_cast<ast::BinOp>(statement->value)) {
    // The operator is the first non-blank text between the operands that
    // is not a closing parenthesis of the left one; a second non-blank
    // character right after it is marked too (`**`, `//`, and CPython's
    // quirk of `^^` for `x +(y)`).
    int from = at(binop->left->end_col_offset);
    int to = at(binop->right->col_offset);
    int left = from, right = from + 1;
    for (int i = from; i < to; ++i) {
      if (is_space(char_at(i))) continue;
      left = i;
      right = i + 1;
      if (i + 1 < to && !is_space(char_at(i + 1))) ++right;
      if (i + 1 < to && char_at(i) == ')') continue;
      break;
    }
    *out = Anchors{left, right};
    return true;
  }
  if (auto* subscript = ast::dyn_cast<ast::Subscript>(statement->value)) {
    // From the opening bracket to the closing one.
    int left = at(subscript->value->end_col_offset);
    while (left < length && char_at(left) != '[') ++left;
    int right = at(subscript->slice->end_col_offset) + 1;
    while (right < length && char_at(right) != ']') ++right;
    if (right < length) ++right;
    *out = Anchors{left, right};
    return true;
  }
  return false;
}

}  // namespace

std::string traceback_marker_line(const std::string& source, int line, const SourcePos& pos) {
  if (pos.line != line || pos.end_line < pos.line || pos.col < 0 || pos.end_col < 0) return "";
  size_t first = 0;
  while (first < source.size() && is_space(source[first])) ++first;
  size_t last = source.size();
  while (last > first && is_space(source[last - 1])) --last;
  if (first == last) return "";
  std::vector<int> chars = char_index_of_bytes(source);
  auto at = [&](int byte_offset) {
    if (static_cast<size_t>(byte_offset) > source.size()) return chars.back();
    return chars[static_cast<size_t>(byte_offset)];
  };
  int indent = at(static_cast<int>(first));
  int stripped_length = at(static_cast<int>(last)) - indent;
  int start = at(pos.col);
  int end;
  Anchors anchors{0, 0};
  bool anchored = false;
  if (pos.end_line == pos.line) {
    end = at(pos.end_col);
    if (end <= start) return "";
    size_t from = static_cast<size_t>(pos.col);
    size_t to = std::min(source.size(), static_cast<size_t>(pos.end_col));
    anchored = find_anchors(source.substr(from, to - from), &anchors);
  } else {
    end = at(static_cast<int>(last));
  }
  if (start < indent) start = indent;
  if (end <= start) return "";
  bool has_secondary = anchored && anchors.right_start > anchors.left_end;
  if (end - start >= stripped_length && !has_secondary) return "";
  std::string out = "    " + std::string(static_cast<size_t>(start - indent), ' ');
  if (has_secondary) {
    int width = end - start;
    int left = std::min(anchors.left_end, width);
    int right = std::min(anchors.right_start, width);
    out += std::string(static_cast<size_t>(left), '~');
    out += std::string(static_cast<size_t>(right - left), '^');
    out += std::string(static_cast<size_t>(width - right), '~');
  } else {
    out += std::string(static_cast<size_t>(end - start), '^');
  }
  return out + "\n";
}

}  // namespace gilvm
