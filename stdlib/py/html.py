"""HTML escaping: html.escape, and html.unescape with numeric references
and the common named ones (not HTML5's whole table); html.parser and
html.entities are not there."""

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


import re

# The named references gilvm knows (HTML5 has 2,231; these are the common
# ones). Those in _LEGACY are also recognized without their ';', as HTML5
# says for names older pages used that way.
_NAMED = {'amp': '&', 'lt': '<', 'gt': '>', 'quot': '"', 'apos': "'", 'nbsp': '\xa0',
          'copy': '\xa9', 'reg': '\xae', 'trade': '\u2122', 'hellip': '\u2026', 'mdash': '\u2014',
          'ndash': '\u2013', 'lsquo': '\u2018', 'rsquo': '\u2019', 'ldquo': '\u201c', 'rdquo': '\u201d',
          'euro': '\u20ac', 'times': '\xd7', 'divide': '\xf7', 'deg': '\xb0', 'middot': '\xb7',
          'laquo': '\xab', 'raquo': '\xbb', 'para': '\xb6', 'sect': '\xa7'}
_LEGACY = {'amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg', 'times', 'divide', 'deg', 'middot',
           'laquo', 'raquo', 'para', 'sect'}

# Numeric references to these code points mean the Windows-1252 character
# (HTML5's rule for 0x80-0x9F), or a replacement.
_NUMERIC_FIXES = {0x00: '\ufffd', 0x0d: '\r', 0x80: '\u20ac', 0x81: '\x81', 0x82: '\u201a', 0x83: '\u0192',
                  0x84: '\u201e', 0x85: '\u2026', 0x86: '\u2020', 0x87: '\u2021', 0x88: '\u02c6', 0x89: '\u2030',
                  0x8a: '\u0160', 0x8b: '\u2039', 0x8c: '\u0152', 0x8d: '\x8d', 0x8e: '\u017d', 0x8f: '\x8f',
                  0x90: '\x90', 0x91: '\u2018', 0x92: '\u2019', 0x93: '\u201c', 0x94: '\u201d', 0x95: '\u2022',
                  0x96: '\u2013', 0x97: '\u2014', 0x98: '\u02dc', 0x99: '\u2122', 0x9a: '\u0161', 0x9b: '\u203a',
                  0x9c: '\u0153', 0x9d: '\x9d', 0x9e: '\u017e', 0x9f: '\u0178'}


def _dropped_code_point(cp):
    """Control characters and noncharacters a numeric reference may not
    produce: they vanish."""
    return (0x1 <= cp <= 0x8 or cp == 0xb or 0xe <= cp <= 0x1f or 0x7f <= cp <= 0x9f or
            0xfdd0 <= cp <= 0xfdef or (cp & 0xfffe) == 0xfffe)


_REFERENCE = re.compile(r'&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)')


def _replace(match):
    ref = match.group(1)
    if ref[0] == '#':
        digits = ref[1:].rstrip(';')
        if digits[:1] in ('x', 'X'):
            cp = int(digits[1:], 16)
        else:
            cp = int(digits)
        if cp in _NUMERIC_FIXES:
            return _NUMERIC_FIXES[cp]
        if 0xD800 <= cp <= 0xDFFF or cp > 0x10FFFF:
            return '\ufffd'
        if _dropped_code_point(cp):
            return ''
        return chr(cp)
    if ref.endswith(';') and ref[:-1] in _NAMED:
        return _NAMED[ref[:-1]]
    # The longest legacy name the text starts with.
    for end in range(len(ref) - 1 if ref.endswith(';') else len(ref), 1, -1):
        if ref[:end] in _LEGACY:
            return _NAMED[ref[:end]] + ref[end:]
    return '&' + ref


def unescape(s):
    """s with numeric character references (&#62; &#x3e;) and named ones
    (&gt;; see _NAMED) replaced by the characters they stand for."""
    if '&' not in s:
        return s
    return _REFERENCE.sub(_replace, s)
