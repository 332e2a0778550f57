"""The file-like response objects urllib hands out: addbase wraps a
binary file, addinfo adds the headers (info()), addinfourl the URL and
status (geturl(), getcode(), .url, .status)."""

__all__ = ['addbase', 'addclosehook', 'addinfo', 'addinfourl']


class addbase(object):
    """A wrapper that reads from, and closes, the file it holds."""

    def __init__(self, fp):
        self.fp = fp
        self.file = fp
        self.delete = False

    def __getattr__(self, name):
        # Everything a file does (read, readline, readinto, fileno, ...)
        # is the wrapped file's. 'fp' itself is looked up here only when
        # __init__ never ran.
        if name in ('fp', 'file'):
            raise AttributeError(name)
        return getattr(self.__dict__['fp'], name)

    def __iter__(self):
        return iter(self.fp)

    def __repr__(self):
        return '<%s at %r whose fp = %r>' % (self.__class__.__name__, id(self), self.fp)

    def __enter__(self):
        if self.fp.closed:
            raise ValueError("I/O operation on closed file")
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def close(self):
        self.fp.close()

    @property
    def closed(self):
        return self.fp.closed


class addclosehook(addbase):
    """addbase that calls closehook(*hookargs) once when closed."""

    def __init__(self, fp, closehook, *hookargs):
        super(addclosehook, self).__init__(fp)
        self.closehook = closehook
        self.hookargs = hookargs

    def close(self):
        try:
            closehook = self.closehook
            hookargs = self.hookargs
            if closehook:
                self.closehook = None
                self.hookargs = None
                closehook(*hookargs)
        finally:
            super(addclosehook, self).close()


class addinfo(addbase):
    """addbase with the response headers, as info()."""

    def __init__(self, fp, headers):
        super(addinfo, self).__init__(fp)
        self.headers = headers

    def info(self):
        return self.headers


class addinfourl(addinfo):
    """addinfo with the URL and the status code."""

    def __init__(self, fp, headers, url, code=None):
        super(addinfourl, self).__init__(fp, headers)
        self.url = url
        self.code = code

    @property
    def status(self):
        return self.code

    def getcode(self):
        return self.code

    def geturl(self):
        return self.url
