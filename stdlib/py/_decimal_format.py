"""Format-spec handling for decimal.Decimal.__format__.

Contract: parse_spec turns a format spec into a dict or raises ValueError
("invalid format string"); layout() receives the already rounded digits
and produces the padded text, so this module knows nothing about
rounding or contexts.
"""

_ALIGNS = '<>=^'


def parse_spec(spec):
    if not isinstance(spec, str):
        raise TypeError('format spec must be a string')
    i = 0
    n = len(spec)
    fill = None
    align = None
    if n >= 2 and spec[1] in _ALIGNS:
        fill = spec[0]
        align = spec[1]
        i = 2
    elif n >= 1 and spec[0] in _ALIGNS:
        align = spec[0]
        i = 1
    sign = '-'
    if i < n and spec[i] in '+- ':
        sign = spec[i]
        i += 1
    no_neg_zero = False
    if i < n and spec[i] == 'z':
        no_neg_zero = True
        i += 1
    zeropad = False
    if i < n and spec[i] == '0':
        # libmpdec takes the '0' flag only without an explicit alignment.
        if align is not None:
            raise ValueError('invalid format string')
        zeropad = True
        i += 1
    start = i
    while i < n and spec[i].isdigit():
        i += 1
    width = int(spec[start:i]) if i > start else None
    thousands = ''
    if i < n and spec[i] == ',':
        thousands = spec[i]
        i += 1
    precision = None
    if i < n and spec[i] == '.':
        i += 1
        start = i
        while i < n and spec[i].isdigit():
            i += 1
        if i == start:
            raise ValueError('invalid format string')
        precision = int(spec[start:i])
    kind = None
    if i < n:
        kind = spec[i]
        i += 1
        if kind not in 'eEfFgGn%':
            raise ValueError('invalid format string')
    if i != n:
        raise ValueError('invalid format string')
    if kind == 'n' and thousands:
        raise ValueError('invalid format string')
    if zeropad and fill is None:
        fill = '0'
        if align is None:
            align = '='
    if fill is None:
        fill = ' '
    if align is None:
        align = '>'
    return {'fill': fill, 'align': align, 'sign': sign, 'z': no_neg_zero,
            'zeropad': zeropad, 'width': width or 0, 'thousands': thousands,
            'precision': precision, 'type': kind}


def _group(digits, sep, min_width):
    if not sep:
        if len(digits) < min_width:
            digits = '0' * (min_width - len(digits)) + digits
        return digits
    while True:
        length = len(digits) + (len(digits) - 1) // 3 * len(sep)
        if length >= min_width:
            break
        digits = '0' + digits
    parts = []
    end = len(digits)
    while end > 0:
        parts.append(digits[max(0, end - 3):end])
        end -= 3
    return sep.join(reversed(parts))


def layout(spec, negative, intpart, tail):
    """Join sign, integer digits (grouped) and tail, then pad to width."""
    if negative:
        sign = '-'
    elif spec['sign'] == '+':
        sign = '+'
    elif spec['sign'] == ' ':
        sign = ' '
    else:
        sign = ''
    min_width = 0
    if spec['zeropad'] and spec['fill'] == '0' and spec['align'] == '=':
        min_width = spec['width'] - len(sign) - len(tail)
    if intpart is None:
        body = tail
    else:
        body = _group(intpart, spec['thousands'], min_width) + tail
    return pad(spec, sign, body)


def pad(spec, sign, body):
    width = spec['width']
    room = width - len(sign) - len(body)
    if room <= 0:
        return sign + body
    fill = spec['fill']
    align = spec['align']
    if align == '<':
        return sign + body + fill * room
    if align == '=':
        return sign + fill * room + body
    if align == '^':
        left = room // 2
        return fill * left + sign + body + fill * (room - left)
    return fill * room + sign + body
