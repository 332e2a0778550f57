"""Splitting, joining, quoting and query-string handling of URLs, with
CPython 3.11's results (RFC 3986 with the historical quirks CPython keeps).

Every function takes str or bytes; bytes in give bytes out (decoded and
re-encoded as ASCII), and mixing the two raises TypeError.
"""
from collections import namedtuple

__all__ = ["urlparse", "urlunparse", "urljoin", "urldefrag",
           "urlsplit", "urlunsplit", "urlencode", "parse_qs",
           "parse_qsl", "quote", "quote_plus", "quote_from_bytes",
           "unquote", "unquote_plus", "unquote_to_bytes",
           "DefragResult", "ParseResult", "SplitResult",
           "DefragResultBytes", "ParseResultBytes", "SplitResultBytes"]

# Which schemes take relative references, a network location and ;params.
uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap',
                 'wais', 'file', 'https', 'shttp', 'mms',
                 'prospero', 'rtsp', 'rtspu', 'sftp',
                 'svn', 'svn+ssh', 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet',
               'imap', 'wais', 'file', 'mms', 'https', 'shttp',
               'snews', 'prospero', 'rtsp', 'rtspu', 'rsync',
               'svn', 'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh',
               'ws', 'wss']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap',
               'https', 'shttp', 'rtsp', 'rtspu', 'sip', 'sips',
               'mms', 'sftp', 'tel']
non_hierarchical = ['gopher', 'hdl', 'mailto', 'news',
                    'telnet', 'wais', 'imap', 'snews', 'sip', 'sips']
uses_query = ['', 'http', 'wais', 'imap', 'https', 'shttp', 'mms',
              'gopher', 'rtsp', 'rtspu', 'sip', 'sips']
uses_fragment = ['', 'ftp', 'hdl', 'http', 'gopher', 'news',
                 'nntp', 'wais', 'https', 'shttp', 'snews',
                 'file', 'prospero']

scheme_chars = ('abcdefghijklmnopqrstuvwxyz'
                'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                '0123456789'
                '+-.')

# The WHATWG URL standard strips C0 controls and spaces from the front of a
# URL, and tabs and newlines from anywhere in it; CPython follows.
_LEADING_JUNK = ''.join(chr(c) for c in range(0x21))
_REMOVED_ANYWHERE = ('\t', '\r', '\n')

MAX_CACHE_SIZE = 20


def clear_cache():
    """Forget the cached results of urlsplit and the quoting tables."""
    _split_cache.clear()
    _quoters.clear()


# ---- str/bytes handling -------------------------------------------------

def _decode_args(args, encoding='ascii', errors='strict'):
    return tuple(x.decode(encoding, errors) if x else '' for x in args)


def _encode_result(obj, encoding='ascii', errors='strict'):
    return obj.encode(encoding, errors)


def _noop(obj):
    return obj


def _coerce_args(*args):
    """The args as str, and a function that turns a result back into the
    callers' type. Empty arguments of either kind go with anything."""
    str_input = isinstance(args[0], str)
    for arg in args[1:]:
        if arg and isinstance(arg, str) != str_input:
            raise TypeError("Cannot mix str and non-str arguments")
    if str_input:
        return args + (_noop,)
    return _decode_args(args) + (_encode_result,)


# ---- result types -------------------------------------------------------

class _ResultMixinStr(object):
    __slots__ = ()

    def encode(self, encoding='ascii', errors='strict'):
        return self._encoded_counterpart(*(x.encode(encoding, errors) for x in self))


class _ResultMixinBytes(object):
    __slots__ = ()

    def decode(self, encoding='ascii', errors='strict'):
        return self._decoded_counterpart(*(x.decode(encoding, errors) for x in self))


class _NetlocResultMixinBase(object):
    """username, password, hostname and port, read out of netloc."""
    __slots__ = ()

    @property
    def username(self):
        return self._userinfo[0]

    @property
    def password(self):
        return self._userinfo[1]

    @property
    def hostname(self):
        hostname = self._hostinfo[0]
        if not hostname:
            return None
        # An IPv6 zone id ("fe80::1%eth0") keeps its case.
        sep = '%' if isinstance(hostname, str) else b'%'
        host, percent, zone = hostname.partition(sep)
        return host.lower() + percent + zone

    @property
    def port(self):
        port = self._hostinfo[1]
        if port is not None:
            if port.isdigit() and port.isascii():
                port = int(port)
            else:
                raise ValueError(f"Port could not be cast to integer value as {port!r}")
            if not (0 <= port <= 65535):
                raise ValueError("Port out of range 0-65535")
        return port


class _NetlocResultMixinStr(_NetlocResultMixinBase, _ResultMixinStr):
    __slots__ = ()

    @property
    def _userinfo(self):
        userinfo, has_at, _ = self.netloc.rpartition('@')
        if not has_at:
            return None, None
        username, has_colon, password = userinfo.partition(':')
        return username, (password if has_colon else None)

    @property
    def _hostinfo(self):
        hostinfo = self.netloc.rpartition('@')[2]
        before, bracket, inside = hostinfo.partition('[')
        if bracket:
            hostname, _, rest = inside.partition(']')
            port = rest.partition(':')[2]
        else:
            hostname, _, port = hostinfo.partition(':')
        return hostname, (port or None)


class _NetlocResultMixinBytes(_NetlocResultMixinBase, _ResultMixinBytes):
    __slots__ = ()

    @property
    def _userinfo(self):
        userinfo, has_at, _ = self.netloc.rpartition(b'@')
        if not has_at:
            return None, None
        username, has_colon, password = userinfo.partition(b':')
        return username, (password if has_colon else None)

    @property
    def _hostinfo(self):
        hostinfo = self.netloc.rpartition(b'@')[2]
        before, bracket, inside = hostinfo.partition(b'[')
        if bracket:
            hostname, _, rest = inside.partition(b']')
            port = rest.partition(b':')[2]
        else:
            hostname, _, port = hostinfo.partition(b':')
        return hostname, (port or None)


_DefragResultBase = namedtuple('DefragResult', 'url fragment')
_SplitResultBase = namedtuple('SplitResult', 'scheme netloc path query fragment')
_ParseResultBase = namedtuple('ParseResult', 'scheme netloc path params query fragment')


class DefragResult(_DefragResultBase, _ResultMixinStr):
    __slots__ = ()

    def geturl(self):
        if self.fragment:
            return self.url + '#' + self.fragment
        return self.url


class SplitResult(_SplitResultBase, _NetlocResultMixinStr):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResult(_ParseResultBase, _NetlocResultMixinStr):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


class DefragResultBytes(_DefragResultBase, _ResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        if self.fragment:
            return self.url + b'#' + self.fragment
        return self.url


class SplitResultBytes(_SplitResultBase, _NetlocResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResultBytes(_ParseResultBase, _NetlocResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


for _str_cls, _bytes_cls in ((DefragResult, DefragResultBytes),
                             (SplitResult, SplitResultBytes),
                             (ParseResult, ParseResultBytes)):
    _str_cls._encoded_counterpart = _bytes_cls
    _bytes_cls._decoded_counterpart = _str_cls
del _str_cls, _bytes_cls


def _to_bytes_result(result):
    """A str result tuple turned into its bytes counterpart."""
    return result.encode('ascii', 'strict')


# ---- splitting ----------------------------------------------------------

def _split_netloc(url, start=0):
    """The network location that begins at start (it ends at the first
    '/', '?' or '#'), and the rest of url."""
    end = len(url)
    for delim in '/?#':
        at = url.find(delim, start)
        if 0 <= at < end:
            end = at
    return url[start:end], url[end:]


_HEX = '0123456789abcdefABCDEF'


def _check_bracketed_host(host):
    """Raise ValueError unless host (what lies between [ and ]) is an IPv6
    address, with an optional zone, or an IPvFuture literal."""
    if host.startswith('v'):
        dot = host.find('.')
        ok = (dot > 1 and all(c in _HEX for c in host[1:dot]) and dot + 1 < len(host)
              and '\n' not in host)
        if not ok:
            raise ValueError("IPvFuture address is invalid")
        return
    address = host.partition('%')[0]
    if not _is_ipv6(address):
        raise ValueError(f"{host!r} does not appear to be an IPv4 or IPv6 address")


def _is_ipv4(text):
    parts = text.split('.')
    if len(parts) != 4:
        return False
    for part in parts:
        if not part or len(part) > 3 or not (part.isdigit() and part.isascii()):
            return False
        if len(part) > 1 and part[0] == '0':
            return False
        if int(part) > 255:
            return False
    return True


def _is_ipv6(text):
    if not text or text.count('::') > 1:
        return False
    groups_needed = 8
    head, double, tail = text.partition('::')
    pieces = []
    for side in (head, tail):
        if side:
            pieces.append(side.split(':'))
        else:
            pieces.append([])
    if pieces[1] and '.' in pieces[1][-1] or (not double and pieces[0] and '.' in pieces[0][-1]):
        last_side = pieces[1] if double and pieces[1] else pieces[0]
        if not _is_ipv4(last_side.pop()):
            return False
        groups_needed = 6
    count = 0
    for side in pieces:
        for group in side:
            if not (1 <= len(group) <= 4) or any(c not in _HEX for c in group):
                return False
            count += 1
    if double:
        return count < groups_needed
    return count == groups_needed


# urlsplit's results by arguments: programs split the same URLs again and
# again (CPython caches them too). Cleared when it grows past the limit.
_split_cache = {}
_SPLIT_CACHE_LIMIT = 128


def urlsplit(url, scheme='', allow_fragments=True):
    """Split url into SplitResult(scheme, netloc, path, query, fragment);
    scheme is the default when url has none."""
    key = (url, scheme, allow_fragments, type(url), type(scheme))
    try:
        return _split_cache[key]
    except (KeyError, TypeError):
        pass
    result = _urlsplit(url, scheme, allow_fragments)
    if len(_split_cache) >= _SPLIT_CACHE_LIMIT:
        _split_cache.clear()
    try:
        _split_cache[key] = result
    except TypeError:
        pass  # unhashable arguments (a bytearray) are not cached
    return result


def _urlsplit(url, scheme, allow_fragments):
    url, scheme, coerce_result = _coerce_args(url, scheme)
    url = url.lstrip(_LEADING_JUNK)
    scheme = scheme.strip(_LEADING_JUNK)
    for junk in _REMOVED_ANYWHERE:
        url = url.replace(junk, '')
        scheme = scheme.replace(junk, '')
    allow_fragments = bool(allow_fragments)
    netloc = query = fragment = ''
    colon = url.find(':')
    if colon > 0 and url[0].isascii() and url[0].isalpha():
        candidate = url[:colon]
        if all(c in scheme_chars for c in candidate):
            scheme, url = candidate.lower(), url[colon + 1:]
    if url[:2] == '//':
        netloc, url = _split_netloc(url, 2)
        if ('[' in netloc) != (']' in netloc):
            raise ValueError("Invalid IPv6 URL")
        if '[' in netloc:
            _check_bracketed_host(netloc.partition('[')[2].partition(']')[0])
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    result = SplitResult(scheme, netloc, url, query, fragment)
    if coerce_result is _noop:
        return result
    return _to_bytes_result(result)


def _split_params(url):
    """';params' of the last path segment, split off."""
    if '/' in url:
        semicolon = url.find(';', url.rfind('/'))
        if semicolon < 0:
            return url, ''
    else:
        semicolon = url.find(';')
    return url[:semicolon], url[semicolon + 1:]


def urlparse(url, scheme='', allow_fragments=True):
    """Split url into ParseResult(scheme, netloc, path, params, query,
    fragment)."""
    url, scheme, coerce_result = _coerce_args(url, scheme)
    scheme, netloc, path, query, fragment = urlsplit(url, scheme, allow_fragments)
    if scheme in uses_params and ';' in path:
        path, params = _split_params(path)
    else:
        params = ''
    result = ParseResult(scheme, netloc, path, params, query, fragment)
    if coerce_result is _noop:
        return result
    return _to_bytes_result(result)


def urlunsplit(components):
    """The URL that urlsplit would split into components (a 5-item
    sequence); it may differ from the original in unimportant ways."""
    scheme, netloc, url, query, fragment, coerce_result = _coerce_args(*components)
    if netloc or (scheme and scheme in uses_netloc and url[:2] != '//'):
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + (netloc or '') + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url = url + '?' + query
    if fragment:
        url = url + '#' + fragment
    return coerce_result(url)


def urlunparse(components):
    """The URL that urlparse would split into components (6 items)."""
    scheme, netloc, url, params, query, fragment, coerce_result = _coerce_args(*components)
    if params:
        url = f"{url};{params}"
    return coerce_result(urlunsplit((scheme, netloc, url, query, fragment)))


def urljoin(base, url, allow_fragments=True):
    """url resolved against base (RFC 3986 section 5.2, with CPython's
    treatment of '..' above the root: it is dropped)."""
    if not base:
        return url
    if not url:
        return base
    base, url, coerce_result = _coerce_args(base, url)
    bscheme, bnetloc, bpath, bparams, bquery, bfragment = urlparse(base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, bscheme, allow_fragments)

    if scheme != bscheme or scheme not in uses_relative:
        return coerce_result(url)
    if scheme in uses_netloc:
        if netloc:
            return coerce_result(urlunparse((scheme, netloc, path, params, query, fragment)))
        netloc = bnetloc

    if not path and not params:
        path, params = bpath, bparams
        if not query:
            query = bquery
        return coerce_result(urlunparse((scheme, netloc, path, params, query, fragment)))

    if path[:1] == '/':
        segments = path.split('/')
    else:
        base_segments = bpath.split('/')
        if base_segments[-1] != '':
            base_segments.pop()  # the base's last segment is a file name
        segments = base_segments + path.split('/')
        # Empty segments in the middle would become '//' when joined again.
        segments[1:-1] = [s for s in segments[1:-1] if s]

    resolved = []
    for segment in segments:
        if segment == '..':
            if resolved:
                resolved.pop()
        elif segment != '.':
            resolved.append(segment)
    if segments[-1] in ('.', '..'):
        resolved.append('')  # a trailing dot segment names a directory
    return coerce_result(urlunparse((scheme, netloc, '/'.join(resolved) or '/',
                                     params, query, fragment)))


def urldefrag(url):
    """DefragResult(url without its fragment, the fragment)."""
    url, coerce_result = _coerce_args(url)
    if '#' in url:
        s, n, p, a, q, frag = urlparse(url)
        defragged = urlunparse((s, n, p, a, q, ''))
    else:
        frag = ''
        defragged = url
    result = DefragResult(defragged, frag)
    if coerce_result is _noop:
        return result
    return _to_bytes_result(result)


# ---- quoting ------------------------------------------------------------

_ALWAYS_SAFE = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                         b'abcdefghijklmnopqrstuvwxyz'
                         b'0123456789'
                         b'_.-~')
_ALWAYS_SAFE_BYTES = bytes(_ALWAYS_SAFE)

# '%XX' for every byte; the quoter picks per byte from this table.
_PERCENT_FORMS = ['%{:02X}'.format(b) for b in range(256)]
_quoters = {}


def _quoter_for(safe):
    """A 256-entry table: the byte's own character or its %XX form."""
    table = _quoters.get(safe)
    if table is None:
        table = [chr(b) if b in _ALWAYS_SAFE or b in safe else _PERCENT_FORMS[b] for b in range(256)]
        if len(_quoters) > 50:
            _quoters.clear()
        _quoters[safe] = table
    return table


def quote_from_bytes(bs, safe='/'):
    """Like quote, but takes bytes and no encoding."""
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ''
    if isinstance(safe, str):
        safe = safe.encode('ascii', 'ignore')
    else:
        safe = bytes([c for c in safe if c < 128])
    if not bs.rstrip(_ALWAYS_SAFE_BYTES + safe):
        return bs.decode()
    table = _quoter_for(safe)
    return ''.join([table[b] for b in bs])


def quote(string, safe='/', encoding=None, errors=None):
    """string with every character outside letters, digits, '_.-~' and
    safe replaced by %XX escapes of its encoded bytes (UTF-8 by default)."""
    if isinstance(string, str):
        if not string:
            return string
        if encoding is None:
            encoding = 'utf-8'
        if errors is None:
            errors = 'strict'
        string = string.encode(encoding, errors)
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    """quote for HTML form values: spaces become '+', and '/' is escaped
    by default."""
    if ((isinstance(string, str) and ' ' not in string) or
            (isinstance(string, bytes) and b' ' not in string)):
        return quote(string, safe, encoding, errors)
    space = ' ' if isinstance(safe, str) else b' '
    return quote(string, safe + space, encoding, errors).replace(' ', '+')


_hex_to_byte = None


def _hex_table():
    """b'%XX' payloads (two hex digits, any case) -> the byte they name."""
    global _hex_to_byte
    if _hex_to_byte is None:
        digits = b'0123456789ABCDEFabcdef'
        _hex_to_byte = {bytes((a, b)): bytes.fromhex(bytes((a, b)).decode()) for a in digits for b in digits}
    return _hex_to_byte


def unquote_to_bytes(string):
    """b'abc%20def' -> b'abc def'; a str is UTF-8 encoded first."""
    if not string:
        string.split  # AttributeError for None and other non-strings
        return b''
    if isinstance(string, str):
        string = string.encode('utf-8')
    pieces = string.split(b'%')
    if len(pieces) == 1:
        return string
    table = _hex_table()
    out = [pieces[0]]
    for piece in pieces[1:]:
        byte = table.get(piece[:2])
        if byte is None:
            out.append(b'%')
            out.append(piece)
        else:
            out.append(byte)
            out.append(piece[2:])
    return b''.join(out)


def unquote(string, encoding='utf-8', errors='replace'):
    """%XX escapes replaced by the characters the bytes decode to;
    undecodable sequences become U+FFFD by default."""
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if '%' not in string:
        string.split
        return string
    if encoding is None:
        encoding = 'utf-8'
    if errors is None:
        errors = 'replace'
    if string.isascii():
        return unquote_to_bytes(string).decode(encoding, errors)
    # Runs of ASCII characters carry the escapes; other characters are
    # copied as they are.
    out = []
    run_start = None
    for i, ch in enumerate(string):
        if ch < '\x80':
            if run_start is None:
                run_start = i
        else:
            if run_start is not None:
                out.append(unquote_to_bytes(string[run_start:i]).decode(encoding, errors))
                run_start = None
            out.append(ch)
    if run_start is not None:
        out.append(unquote_to_bytes(string[run_start:]).decode(encoding, errors))
    return ''.join(out)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    """unquote for HTML form values: '+' becomes a space first."""
    return unquote(string.replace('+', ' '), encoding, errors)


# ---- query strings ------------------------------------------------------

def parse_qsl(qs, keep_blank_values=False, strict_parsing=False,
              encoding='utf-8', errors='replace', max_num_fields=None, separator='&'):
    """A query string as a list of (name, value) pairs, in order."""
    qs, coerce_result = _coerce_args(qs)
    separator, _ = _coerce_args(separator)
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError("Separator must be of type string or bytes.")
    if max_num_fields is not None:
        fields = 1 + qs.count(separator) if qs else 0
        if max_num_fields < fields:
            raise ValueError('Max number of fields exceeded')
    pairs = []
    for field in (qs.split(separator) if qs else []):
        if not field and not strict_parsing:
            continue
        name_value = field.split('=', 1)
        if len(name_value) != 2:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (field,))
            if not keep_blank_values:
                continue
            name_value.append('')
        if name_value[1] or keep_blank_values:
            name = unquote(name_value[0].replace('+', ' '), encoding=encoding, errors=errors)
            value = unquote(name_value[1].replace('+', ' '), encoding=encoding, errors=errors)
            pairs.append((coerce_result(name), coerce_result(value)))
    return pairs


def parse_qs(qs, keep_blank_values=False, strict_parsing=False,
             encoding='utf-8', errors='replace', max_num_fields=None, separator='&'):
    """A query string as a dict from each name to the list of its values."""
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing,
                                 encoding=encoding, errors=errors,
                                 max_num_fields=max_num_fields, separator=separator):
        if name in result:
            result[name].append(value)
        else:
            result[name] = [value]
    return result


def urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus):
    """A mapping or a sequence of pairs as 'name=value&...'; with doseq,
    each item of a sequence value becomes a pair of its own."""
    if hasattr(query, "items"):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError as err:
            raise TypeError("not a valid non-string sequence or mapping object") from err

    def quoted(x):
        if isinstance(x, bytes):
            return quote_via(x, safe)
        return quote_via(str(x), safe, encoding, errors)

    parts = []
    for k, v in query:
        k = quoted(k)
        if not doseq or isinstance(v, (str, bytes)):
            parts.append(k + '=' + quoted(v))
            continue
        try:
            len(v)
        except TypeError:
            parts.append(k + '=' + quoted(v))
        else:
            for item in v:
                parts.append(k + '=' + quoted(item))
    return '&'.join(parts)


# ---- helpers other stdlib modules use -----------------------------------

def unwrap(url):
    """'<URL:scheme://host/path>' -> 'scheme://host/path'."""
    url = str(url).strip()
    if url[:1] == '<' and url[-1:] == '>':
        url = url[1:-1].strip()
    if url[:4] == 'URL:':
        url = url[4:].strip()
    return url


def _splittype(url):
    """'type:rest' -> ('type' lowercased, 'rest'), where type is anything
    before the first ':' without a '/'; (None, url) without one."""
    colon = url.find(':')
    if colon > 0 and '/' not in url[:colon]:
        return url[:colon].lower(), url[colon + 1:]
    return None, url


def _splitpasswd(user):
    """'user:passwd' -> ('user', 'passwd'); the password is None without a ':'."""
    user, has_colon, passwd = user.partition(':')
    return user, (passwd if has_colon else None)


def _splithost(url):
    """'//host[:port]/path' -> ('host[:port]', '/path')."""
    if url[:2] != '//':
        return None, url
    host, rest = _split_netloc(url, 2)
    if rest and rest[0] != '/':
        rest = '/' + rest
    return host, rest


def _splituser(host):
    """'user:passwd@host:port' -> ('user:passwd', 'host:port')."""
    user, has_at, host = host.rpartition('@')
    return (user if has_at else None), host


def _splitport(host):
    """'host:port' -> ('host', 'port'); 'host:' gives ('host', None), and
    a host whose last colon is not followed by digits is left whole."""
    head, colon, port = host.rpartition(':')
    if colon and all('0' <= c <= '9' for c in port):
        return head, (port or None)
    return host, None


def _splittag(url):
    path, has_hash, tag = url.rpartition('#')
    if has_hash:
        return path, tag
    return url, None


def _to_bytes(url):
    """url, checked to be ASCII."""
    if isinstance(url, str):
        try:
            url.encode("ASCII")
        except UnicodeError:
            raise UnicodeError("URL " + repr(url) + " contains non-ASCII characters")
    return url
