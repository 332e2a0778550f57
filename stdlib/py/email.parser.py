"""Parsing a message's header block (and the body after it) into an
email.message.Message, following the feed parser's rules for what a
header line is: 'Name: value' (no space before the colon), continuation
lines start with a space or tab, and a blank line ends the headers. A
line that is none of these starts the body."""

import re

__all__ = ['Parser', 'HeaderParser', 'BytesParser', 'BytesHeaderParser']

# A header line: 'Name:' (printable ASCII but ':' in the name, possibly
# empty), a continuation starting with a space or tab, or a mbox 'From '.
_HEADER_LINE = re.compile(r'From |[\041-\071\073-\176]*:|[\t ]')


def _is_header_line(line):
    return _HEADER_LINE.match(line) is not None


def _strip_eol(line):
    if line.endswith('\r\n'):
        return line[:-2]
    if line.endswith('\n') or line.endswith('\r'):
        return line[:-1]
    return line


def _parse(text, message_class, headersonly):
    from email.message import Message
    msg = (message_class or Message)()
    lines = text.splitlines(True)
    name = None
    value_lines = []

    def flush():
        if name is not None:
            first = value_lines[0].lstrip(' \t')
            value = (first + ''.join(value_lines[1:])).rstrip('\r\n')
            msg.set_raw(name, value)

    i = 0
    while i < len(lines):
        line = lines[i]
        if _strip_eol(line) == '':
            i += 1  # the blank line that ends the headers
            break
        if not _is_header_line(line):
            break  # a missing blank line: the body starts here
        if line[:1] in (' ', '\t'):
            if name is not None:
                value_lines.append(line)
            i += 1
            continue
        if line.startswith('From ') and ':' not in line.split(' ', 1)[0]:
            if i == 0:
                msg.set_unixfrom(_strip_eol(line))
            i += 1
            continue
        flush()
        colon = line.find(':')
        if colon == 0:
            name = None
            i += 1
            continue
        name = line[:colon]
        value_lines = [line[colon + 1:]]
        i += 1
    flush()
    body = ''.join(lines[i:])
    if headersonly:
        msg.set_payload(body)
    else:
        msg.set_payload(body)
    return msg


class Parser:
    def __init__(self, _class=None, *, policy=None):
        self._class = _class
        self.policy = policy

    def parse(self, fp, headersonly=False):
        return self.parsestr(fp.read(), headersonly)

    def parsestr(self, text, headersonly=False):
        return _parse(text, self._class, headersonly)


class HeaderParser(Parser):
    def parse(self, fp, headersonly=True):
        return Parser.parse(self, fp, True)

    def parsestr(self, text, headersonly=True):
        return Parser.parsestr(self, text, True)


class BytesParser:
    def __init__(self, *args, **kw):
        self.parser = Parser(*args, **kw)

    def parse(self, fp, headersonly=False):
        return self.parsebytes(fp.read(), headersonly)

    def parsebytes(self, text, headersonly=False):
        return self.parser.parsestr(text.decode('ASCII', errors='surrogateescape'), headersonly)


class BytesHeaderParser(BytesParser):
    def parse(self, fp, headersonly=True):
        return BytesParser.parse(self, fp, headersonly=True)

    def parsebytes(self, text, headersonly=True):
        return BytesParser.parsebytes(self, text, headersonly=True)
