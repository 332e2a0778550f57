"""email.message.Message: an ordered list of (name, value) headers looked
up without regard to case, plus a payload. This is the compat32 flavour
that http.client's HTTPMessage builds on; values are kept as given."""

__all__ = ['Message']

_MISSING = object()


def _split_param(param):
    """'a; b' -> ('a', 'b'), 'a' -> ('a', None), both stripped."""
    head, sep, tail = param.partition(';')
    if not sep:
        return head.strip(), None
    return head.strip(), tail.strip()


def _parse_params(value):
    """The ';'-separated parts of a header value (the first is the value
    itself), a ';' inside a quoted string not counting; names lower-cased."""
    text = ';' + str(value)
    parts = []
    while text[:1] == ';':
        text = text[1:]
        end = text.find(';')
        # A ';' after an odd number of unescaped quotes is quoted.
        while end > 0 and (text.count('"', 0, end) - text.count('\\"', 0, end)) % 2:
            end = text.find(';', end + 1)
        if end < 0:
            end = len(text)
        part = text[:end]
        if '=' in part:
            eq = part.index('=')
            part = part[:eq].strip().lower() + '=' + part[eq + 1:].strip()
        parts.append(part.strip())
        text = text[end:]
    return parts


def _unquote(text):
    if len(text) > 1:
        if text.startswith('"') and text.endswith('"'):
            return text[1:-1].replace('\\\\', '\\').replace('\\"', '"')
        if text.startswith('<') and text.endswith('>'):
            return text[1:-1]
    return text


def _format_param(name, value=None, quote=True):
    if value is None or value == '':
        return name
    if quote and any(c in value for c in '()<>@,;:\\"/[]?= \t'):
        return '%s="%s"' % (name, value.replace('\\', '\\\\').replace('"', '\\"'))
    return '%s=%s' % (name, value)


class Message:
    """Headers and a payload; message['Name'] finds a header by any case."""

    def __init__(self, policy=None):
        self.policy = policy
        self._headers = []
        self._unixfrom = None
        self._payload = None
        self._charset = None
        self.preamble = self.epilogue = None
        self.defects = []
        self._default_type = 'text/plain'

    def __str__(self):
        return self.as_string()

    def as_string(self, unixfrom=False, maxheaderlen=0, policy=None):
        lines = []
        if unixfrom and self._unixfrom:
            lines.append(self._unixfrom + '\n')
        for name, value in self._headers:
            # Folded values keep their line breaks, written as '\n'.
            value = value.replace('\r\n', '\n')
            lines.append('%s: %s\n' % (name, value))
        lines.append('\n')
        payload = self._payload
        if isinstance(payload, str):
            lines.append(payload)
        return ''.join(lines)

    def __bytes__(self):
        return self.as_bytes()

    def as_bytes(self, unixfrom=False, policy=None):
        return self.as_string(unixfrom).encode('utf-8')

    def is_multipart(self):
        return isinstance(self._payload, list)

    def set_unixfrom(self, unixfrom):
        self._unixfrom = unixfrom

    def get_unixfrom(self):
        return self._unixfrom

    # -- payload --
    def attach(self, payload):
        if self._payload is None:
            self._payload = [payload]
        else:
            self._payload.append(payload)

    def get_payload(self, i=None, decode=False):
        if i is None:
            payload = self._payload
        elif not isinstance(self._payload, list):
            raise TypeError('Expected list, got %s' % type(self._payload))
        else:
            payload = self._payload[i]
        if decode and isinstance(payload, str):
            return payload.encode('utf-8')
        return payload

    def set_payload(self, payload, charset=None):
        self._payload = payload
        if charset is not None:
            self._charset = charset

    def get_charset(self):
        return self._charset

    # -- headers as a mapping --
    def __len__(self):
        return len(self._headers)

    def __getitem__(self, name):
        return self.get(name)

    def __setitem__(self, name, value):
        self._headers.append((name, value))

    def __delitem__(self, name):
        name = name.lower()
        self._headers = [(k, v) for k, v in self._headers if k.lower() != name]

    def __contains__(self, name):
        name = name.lower()
        return any(k.lower() == name for k, v in self._headers)

    def __iter__(self):
        for name, value in self._headers:
            yield name

    def keys(self):
        return [k for k, v in self._headers]

    def values(self):
        return [v for k, v in self._headers]

    def items(self):
        return list(self._headers)

    def get(self, name, failobj=None):
        """The first header called name (any case), or failobj."""
        name = name.lower()
        for k, v in self._headers:
            if k.lower() == name:
                return v
        return failobj

    def set_raw(self, name, value):
        self._headers.append((name, value))

    def raw_items(self):
        return iter(self._headers.copy())

    def get_all(self, name, failobj=None):
        """Every header called name, in order, or failobj if none."""
        name = name.lower()
        values = [v for k, v in self._headers if k.lower() == name]
        return values if values else failobj

    def add_header(self, _name, _value, **_params):
        """Add a header with parameters: add_header('Content-Disposition',
        'attachment', filename='a.txt'); underscores in names become '-'."""
        parts = []
        for key, value in _params.items():
            key = key.replace('_', '-')
            parts.append(_format_param(key, value))
        if _value is not None:
            parts.insert(0, _value)
        self._headers.append((_name, '; '.join(parts)))

    def replace_header(self, _name, _value):
        """Replace the first header called _name; KeyError if none."""
        wanted = _name.lower()
        for i, (k, v) in enumerate(self._headers):
            if k.lower() == wanted:
                self._headers[i] = (k, _value)
                return
        raise KeyError(_name)

    # -- content type and parameters --
    def get_content_type(self):
        """'maintype/subtype' in lower case; the default type when there
        is no Content-Type, 'text/plain' when it is malformed."""
        value = self.get('content-type', _MISSING)
        if value is _MISSING:
            return self.get_default_type()
        ctype = _split_param(value)[0].lower()
        if ctype.count('/') != 1:
            return 'text/plain'
        return ctype

    def get_content_maintype(self):
        return self.get_content_type().split('/')[0]

    def get_content_subtype(self):
        return self.get_content_type().split('/')[1]

    def get_default_type(self):
        return self._default_type

    def set_default_type(self, ctype):
        self._default_type = ctype

    def _params_preserved(self, failobj, header):
        value = self.get(header, _MISSING)
        if value is _MISSING:
            return failobj
        params = []
        for part in _parse_params(value):
            name, eq, val = part.partition('=')
            if eq:
                params.append((name.strip(), val.strip()))
            else:
                params.append((part.strip(), ''))
        return params

    def get_params(self, failobj=None, header='content-type', unquote=True):
        """[(name, value), ...] of a header's parameters, the header's
        value itself first (with value '')."""
        params = self._params_preserved(_MISSING, header)
        if params is _MISSING:
            return failobj
        if unquote:
            return [(k, _unquote(v)) for k, v in params]
        return params

    def get_param(self, param, failobj=None, header='content-type', unquote=True):
        if header not in self:
            return failobj
        for k, v in self._params_preserved(failobj, header):
            if k.lower() == param.lower():
                return _unquote(v) if unquote else v
        return failobj

    def get_content_charset(self, failobj=None):
        """The charset parameter of Content-Type in lower case, or failobj."""
        charset = self.get_param('charset', _MISSING)
        if charset is _MISSING:
            return failobj
        try:
            charset.encode('us-ascii')
        except UnicodeError:
            return failobj
        return charset.lower()

    def get_charsets(self, failobj=None):
        return [self.get_content_charset(failobj)]

    def get_filename(self, failobj=None):
        filename = self.get_param('filename', _MISSING, 'content-disposition')
        if filename is _MISSING:
            filename = self.get_param('name', _MISSING, 'content-type')
        if filename is _MISSING:
            return failobj
        return filename.strip()

    def get_boundary(self, failobj=None):
        boundary = self.get_param('boundary', _MISSING)
        if boundary is _MISSING:
            return failobj
        return boundary.rstrip()

    def get_content_disposition(self):
        value = self.get('content-disposition')
        if value is None:
            return None
        return _split_param(value)[0].lower()
