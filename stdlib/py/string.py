"""String constants, capwords and Template ($-substitution)."""

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or " ").join(word.capitalize() for word in s.split(sep))


class Template:
    """Template("$who likes $what").substitute(who=..., what=...)"""

    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        text = self.template
        out = []
        i = 0
        while i < len(text):
            ch = text[i]
            if ch != self.delimiter:
                out.append(ch)
                i += 1
                continue
            rest = text[i + 1:]
            if rest.startswith(self.delimiter):
                out.append(self.delimiter)
                i += 2
                continue
            braced = rest.startswith("{")
            start = i + 2 if braced else i + 1
            end = start
            while end < len(text) and (text[end].isalnum() or text[end] == "_") and text[end].isascii():
                end += 1
            name = text[start:end]
            valid = bool(name) and not name[0].isdigit() and (not braced or text[end:end + 1] == "}")
            if not valid:
                if safe:
                    out.append(ch)
                    i += 1
                    continue
                lineno = text.count("\n", 0, i) + 1
                colno = i - text.rfind("\n", 0, i)
                raise ValueError("Invalid placeholder in string: line %d, col %d" % (lineno, colno))
            stop = end + 1 if braced else end
            if name in mapping:
                out.append(str(mapping[name]))
            elif safe:
                out.append(text[i:stop])
            else:
                raise KeyError(name)
            i = stop
        return "".join(out)

    def substitute(self, mapping=None, /, **kws):
        return self._scan({**(mapping or {}), **kws}, False)

    def safe_substitute(self, mapping=None, /, **kws):
        return self._scan({**(mapping or {}), **kws}, True)
