"""Text wrapping and filling (CPython 3.11's textwrap).

Text is cut into chunks (runs of whitespace, words, and the pieces of
hyphenated words and em-dashes when break_on_hyphens is set), and chunks
are packed greedily into lines of at most `width` characters.
"""
import re

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

_whitespace = "\t\n\x0b\x0c\r "


def _is_space(c):
    return c in _whitespace


def _is_word(c):
    return c.isalnum() or c == "_"


def _is_letter(c):
    return _is_word(c) and not c.isdecimal()


def _is_word_punct(c):
    return _is_word(c) or c in "!\"'&.,?"


def _letter_at(text, i):
    return 0 <= i < len(text) and _is_letter(text[i])


def _dashes_then_word(text, i):
    """Whether text[i:] is two or more hyphens followed by a word character."""
    j = i
    while j < len(text) and text[j] == "-":
        j += 1
    return j - i >= 2 and j < len(text) and _is_word(text[j])


def _hyphen_break_after(text, k):
    """Whether a word may break after the hyphen at text[k]: two letters
    (or letter, hyphen, letter) before it and a letter, optional hyphen,
    letter after it."""
    if text[k] != "-":
        return False
    before = (_letter_at(text, k - 1) and _letter_at(text, k - 2)) or (
        _letter_at(text, k - 1) and k >= 3 and text[k - 2] == "-" and _letter_at(text, k - 3))
    if not before:
        return False
    j = k + 1
    if not _letter_at(text, j):
        return False
    j += 1
    if j < len(text) and text[j] == "-":
        j += 1
    return _letter_at(text, j)


def _split_hyphenated(text):
    chunks = []
    i, n = 0, len(text)
    while i < n:
        if _is_space(text[i]):
            j = i
            while j < n and _is_space(text[j]):
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        if text[i] == "-" and i > 0 and _is_word_punct(text[i - 1]) and _dashes_then_word(text, i):
            j = i
            while text[j] == "-":
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        # A word: the shortest run of non-space characters that ends at a
        # breakable hyphen, before whitespace or the end, or before an em-dash.
        k = i + 1
        while True:
            if k < n and _hyphen_break_after(text, k):
                end = k + 1
                break
            if k >= n or _is_space(text[k]):
                end = k
                break
            if _is_word_punct(text[k - 1]) and _dashes_then_word(text, k):
                end = k
                break
            k += 1
        chunks.append(text[i:end])
        i = end
    return chunks


def _split_simple(text):
    return [chunk for chunk in re.split(r"([\t\n\x0b\x0c\r ]+)", text) if chunk]


_sentence_end = re.compile(r"[a-z][\.\!\?][\"\']?\Z")


class TextWrapper:
    """Wraps text to lines of at most `width` characters; see the module doc."""

    unicode_whitespace_trans = {ord(c): " " for c in _whitespace}

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        if self.break_on_hyphens is True:
            return _split_hyphenated(text)
        return _split_simple(text)

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _sentence_end.search(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                length = len(chunks[-1])
                if cur_len + length <= width:
                    cur_line.append(chunks.pop())
                    cur_len += length
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if not cur_line:
                continue
            last_allowed = (self.max_lines is None or len(lines) + 1 < self.max_lines
                            or ((not chunks or self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip())
                                and cur_len <= width))
            if last_allowed:
                lines.append(indent + "".join(cur_line))
                continue
            # Out of lines: end with the placeholder where it fits.
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + "".join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    prev_line = lines[-1].rstrip()
                    if len(prev_line) + len(self.placeholder) <= self.width:
                        lines[-1] = prev_line + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        """The lines of text wrapped, without final newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """The wrapped lines of text joined into one string."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """text with its whitespace collapsed, cut at a word to fit width, ending in the placeholder."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


_blank_line = re.compile("^[ \t]+$", re.MULTILINE)
_leading = re.compile("(^[ \t]*)(?:[^ \t\n])", re.MULTILINE)


def dedent(text):
    """text with the whitespace every non-blank line starts with removed;
    blank lines become empty."""
    text = _blank_line.sub("", text)
    margin = None
    for indent in _leading.findall(text):
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            common = 0
            for a, b in zip(margin, indent):
                if a != b:
                    break
                common += 1
            margin = margin[:common]
    if margin:
        text = re.sub(r"(?m)^" + re.escape(margin), "", text)
    return text


def indent(text, prefix, predicate=None):
    """text with prefix before each line for which predicate(line) is true
    (default: lines that are not only whitespace)."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return "".join(prefix + line if predicate(line) else line for line in text.splitlines(True))
