"""HTML escaping (html.escape and the common named references of
html.unescape); the html.parser and html.entities modules are not there."""

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    """s with &, < and > (and, with quote, both quote marks) as entity
    references, so it can stand in HTML text or an attribute value."""
    s = s.replace("&", "&amp;")
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace('\'', "&#x27;")
    return s


_NAMED = {'amp': '&', 'lt': '<', 'gt': '>', 'quot': '"', 'apos': "'", 'nbsp': '\xa0',
          'copy': '\xa9', 'reg': '\xae'}


def _replace_reference(text, at):
    """(replacement, end) for the reference starting at text[at] == '&',
    or None when it is not one gilvm knows."""
    end = text.find(';', at + 1)
    if end < 0 or end - at > 32:
        return None
    body = text[at + 1:end]
    if body.startswith('#'):
        digits = body[1:]
        try:
            if digits[:1] in ('x', 'X'):
                code = int(digits[1:], 16)
            else:
                code = int(digits)
        except ValueError:
            return None
        if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            return '\ufffd', end + 1
        return chr(code), end + 1
    if body in _NAMED:
        return _NAMED[body], end + 1
    return None


def unescape(s):
    """Numeric references and the common named ones replaced by the
    characters they stand for."""
    if '&' not in s:
        return s
    out = []
    i = 0
    while True:
        at = s.find('&', i)
        if at < 0:
            out.append(s[i:])
            break
        out.append(s[i:at])
        found = _replace_reference(s, at)
        if found is None:
            out.append('&')
            i = at + 1
        else:
            out.append(found[0])
            i = found[1]
    return ''.join(out)
