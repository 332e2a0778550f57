"""The exceptions urllib.request raises: URLError (the request could not be
made: its reason is a message or the OSError), HTTPError (the server
answered with an error status; it is also a readable response) and
ContentTooShortError."""
import io
import urllib.response

__all__ = ['URLError', 'HTTPError', 'ContentTooShortError']


class URLError(OSError):
    # OSError's own __init__ would read errno and strerror out of the
    # arguments; a URLError carries only its reason.
    def __init__(self, reason, filename=None):
        self.args = reason,
        self.reason = reason
        if filename is not None:
            self.filename = filename

    def __str__(self):
        return '<urlopen error %s>' % self.reason


class HTTPError(URLError, urllib.response.addinfourl):
    """An error status from the server; reading it reads the error page."""

    def __init__(self, url, code, msg, hdrs, fp):
        # CPython's OSError leaves args empty when a subclass's __init__
        # does not pass them on, as this one does not.
        self.args = ()
        self.code = code
        self.msg = msg
        self.hdrs = hdrs
        self.fp = fp
        if fp is None:
            fp = io.BytesIO()
        urllib.response.addinfourl.__init__(self, fp, hdrs, url, code)

    def __str__(self):
        return 'HTTP Error %s: %s' % (self.code, self.msg)

    def __repr__(self):
        return '<HTTPError %s: %r>' % (self.code, self.msg)

    @property
    def reason(self):
        return self.msg

    @property
    def headers(self):
        return self.hdrs

    @headers.setter
    def headers(self, headers):
        self.hdrs = headers

    @property
    def filename(self):
        return self.url


class ContentTooShortError(URLError):
    """The download ended before the announced Content-Length."""

    def __init__(self, message, content):
        URLError.__init__(self, message)
        self.content = content
