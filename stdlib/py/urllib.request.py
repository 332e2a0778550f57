"""Opening URLs (CPython 3.11's urllib.request, without proxies,
authentication, cookies, FTP or https).

urlopen() hands a Request to an OpenerDirector, which passes it through
its handlers: each handler's <scheme>_request methods prepare it, a
<scheme>_open method opens it, <scheme>_response methods look at the
answer, and http_error_<code> methods deal with error statuses (the
redirect handler follows 301/302/303/307/308; the default handler raises
HTTPError). Handlers run in the order of their handler_order.
"""
import bisect
import email.message
import http.client
import io
import os
import posixpath
import socket
import string
import sys
import time

from urllib.error import URLError, HTTPError, ContentTooShortError
from urllib.parse import (urlparse, urlsplit, urljoin, unwrap, quote, unquote,
                          _splittype, _splithost, _splittag, _splitport, _splituser,
                          _splitpasswd, unquote_to_bytes, urlunparse)
from urllib.response import addinfourl, addclosehook

__all__ = ['Request', 'OpenerDirector', 'BaseHandler', 'HTTPDefaultErrorHandler',
           'HTTPRedirectHandler', 'ProxyHandler', 'HTTPHandler', 'FileHandler', 'DataHandler',
           'UnknownHandler', 'HTTPErrorProcessor', 'urlopen', 'install_opener',
           'build_opener', 'pathname2url', 'url2pathname', 'getproxies',
           'urlretrieve', 'urlcleanup']

try:
    import ssl
except ImportError:
    _have_ssl = False
else:
    _have_ssl = True

__version__ = '%d.%d' % sys.version_info[:2]

_opener = None


def urlopen(url, data=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, *,
            cafile=None, capath=None, cadefault=False, context=None):
    """Open url (a str or a Request) and return the response: for http,
    an http.client.HTTPResponse with .url and .status. data, when given,
    is the body of a POST. Error statuses raise HTTPError; failures to
    connect raise URLError."""
    global _opener
    if cafile or capath or cadefault:
        import warnings
        warnings.warn("cafile, capath and cadefault are deprecated, use a "
                      "custom context instead.", DeprecationWarning, 2)
        if context is not None:
            raise ValueError("You can't pass both context and any of cafile, capath, and cadefault")
        if not _have_ssl:
            raise ValueError('SSL support not available')
        context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=cafile, capath=capath)
        opener = build_opener(HTTPSHandler(context=context))
    elif context:
        opener = build_opener(HTTPSHandler(context=context))
    elif _opener is None:
        _opener = opener = build_opener()
    else:
        opener = _opener
    return opener.open(url, data, timeout)


def install_opener(opener):
    global _opener
    _opener = opener


_url_tempfiles = []


def urlretrieve(url, filename=None, reporthook=None, data=None):
    """Copy the resource at url into filename (a temporary file when
    None); return (filename, headers). reporthook(block number, block
    size, total size) is called as blocks arrive."""
    url_type, path = _splittype(url)
    with urlopen(url, data) as fp:
        headers = fp.info()
        if url_type == "file" and not filename:
            return os.path.normpath(url2pathname(path)), headers
        if filename:
            tfp = open(filename, 'wb')
        else:
            import tempfile
            handle, filename = tempfile.mkstemp()
            _url_tempfiles.append(filename)
            tfp = os.fdopen(handle, 'wb')
        with tfp:
            result = filename, headers
            bs = 1024 * 8
            size = -1
            read = 0
            blocknum = 0
            if "content-length" in headers:
                size = int(headers["Content-Length"])
            if reporthook:
                reporthook(blocknum, bs, size)
            while True:
                block = fp.read(bs)
                if not block:
                    break
                read += len(block)
                tfp.write(block)
                blocknum += 1
                if reporthook:
                    reporthook(blocknum, bs, size)
    if size >= 0 and read < size:
        raise ContentTooShortError("retrieval incomplete: got only %i out of %i bytes"
                                   % (read, size), result)
    return result


def urlcleanup():
    for temp_file in _url_tempfiles:
        try:
            os.unlink(temp_file)
        except OSError:
            pass
    del _url_tempfiles[:]
    global _opener
    if _opener:
        _opener = None


def _cut_port(host):
    head, colon, port = host.rpartition(':')
    if colon and port.isdigit():
        return head
    return host


def request_host(request):
    """The request's host, lower-cased and without its port."""
    url = request.full_url
    host = urlparse(url)[1]
    if host == "":
        host = request.get_header("Host", "")
    return _cut_port(host).lower()


class Request:
    """A URL with the data, headers and method to open it with."""

    def __init__(self, url, data=None, headers={}, origin_req_host=None,
                 unverifiable=False, method=None):
        self.full_url = url
        self.headers = {}
        self.unredirected_hdrs = {}
        self._data = None
        self.data = data
        self._tunnel_host = None
        for key, value in headers.items():
            self.add_header(key, value)
        if origin_req_host is None:
            origin_req_host = request_host(self)
        self.origin_req_host = origin_req_host
        self.unverifiable = unverifiable
        if method:
            self.method = method

    @property
    def full_url(self):
        if self.fragment:
            return '{}#{}'.format(self._full_url, self.fragment)
        return self._full_url

    @full_url.setter
    def full_url(self, url):
        self._full_url = unwrap(url)
        self._full_url, self.fragment = _splittag(self._full_url)
        self._parse()

    @full_url.deleter
    def full_url(self):
        self._full_url = None
        self.fragment = None
        self.selector = ''

    @property
    def data(self):
        return self._data

    @data.setter
    def data(self, data):
        if data != self._data:
            self._data = data
            # A new body needs a new length.
            if self.has_header("Content-length"):
                self.remove_header("Content-length")

    @data.deleter
    def data(self):
        self.data = None

    def _parse(self):
        self.type, rest = _splittype(self._full_url)
        if self.type is None:
            raise ValueError("unknown url type: %r" % self.full_url)
        self.host, self.selector = _splithost(rest)
        if self.host:
            self.host = unquote(self.host)

    def get_method(self):
        """The method given, else POST with data and GET without."""
        default_method = "POST" if self.data is not None else "GET"
        return getattr(self, 'method', default_method)

    def get_full_url(self):
        return self.full_url

    def set_proxy(self, host, type):
        if self.type == 'https' and not self._tunnel_host:
            self._tunnel_host = self.host
        else:
            self.type = type
            self.selector = self.full_url
        self.host = host

    def has_proxy(self):
        return self.selector == self.full_url

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def add_unredirected_header(self, key, val):
        self.unredirected_hdrs[key.capitalize()] = val

    def has_header(self, header_name):
        return header_name in self.headers or header_name in self.unredirected_hdrs

    def get_header(self, header_name, default=None):
        return self.headers.get(header_name, self.unredirected_hdrs.get(header_name, default))

    def remove_header(self, header_name):
        self.headers.pop(header_name, None)
        self.unredirected_hdrs.pop(header_name, None)

    def header_items(self):
        headers = {**self.unredirected_hdrs, **self.headers}
        return list(headers.items())


class OpenerDirector:
    """Runs a request through its handlers (see the module's doc)."""

    def __init__(self):
        self.addheaders = [('User-agent', "Python-urllib/%s" % __version__)]
        self.handlers = []
        self.handle_open = {}
        self.handle_error = {}
        self.process_response = {}
        self.process_request = {}

    def add_handler(self, handler):
        """Register each of the handler's methods by the name patterns
        <scheme>_open, <scheme>_request, <scheme>_response and
        <scheme>_error_<code>."""
        if not hasattr(handler, "add_parent"):
            raise TypeError("expected BaseHandler instance, got %r" % type(handler))
        added = False
        for name in dir(handler):
            if name in ("redirect_request", "do_open", "proxy_open"):
                continue
            underscore = name.find("_")
            protocol = name[:underscore]
            condition = name[underscore + 1:]
            if condition.startswith("error"):
                kind = name[underscore + 1 + condition.find("_") + 1:]
                try:
                    kind = int(kind)
                except ValueError:
                    pass
                table = self.handle_error.setdefault(protocol, {})
            elif condition == "open":
                kind = protocol
                table = self.handle_open
            elif condition == "response":
                kind = protocol
                table = self.process_response
            elif condition == "request":
                kind = protocol
                table = self.process_request
            else:
                continue
            bisect.insort(table.setdefault(kind, []), handler)
            added = True
        if added:
            bisect.insort(self.handlers, handler)
            handler.add_parent(self)

    def close(self):
        pass

    def _call_chain(self, chain, kind, meth_name, *args):
        """The first non-None result of the kind's handlers."""
        for handler in chain.get(kind, ()):
            result = getattr(handler, meth_name)(*args)
            if result is not None:
                return result

    def open(self, fullurl, data=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT):
        if isinstance(fullurl, str):
            req = Request(fullurl, data)
        else:
            req = fullurl
            if data is not None:
                req.data = data
        req.timeout = timeout
        protocol = req.type

        for processor in self.process_request.get(protocol, []):
            req = getattr(processor, protocol + "_request")(req)
        response = self._open(req, data)
        for processor in self.process_response.get(protocol, []):
            response = getattr(processor, protocol + "_response")(req, response)
        return response

    def _open(self, req, data=None):
        result = self._call_chain(self.handle_open, 'default', 'default_open', req)
        if result:
            return result
        protocol = req.type
        result = self._call_chain(self.handle_open, protocol, protocol + '_open', req)
        if result:
            return result
        return self._call_chain(self.handle_open, 'unknown', 'unknown_open', req)

    def error(self, proto, *args):
        """Let the handlers deal with an error: for http, args are
        (request, response, code, message, headers) and the handler is
        http_error_<code>, then http_error_default."""
        if proto in ('http', 'https'):
            table = self.handle_error['http']
            code = args[2]
            result = self._call_chain(table, code, 'http_error_%s' % code, *args)
            if result:
                return result
            return self._call_chain(table, 'default', 'http_error_default', *args)
        result = self._call_chain(self.handle_error, proto, proto + '_error', *args)
        return result


def build_opener(*handlers):
    """An OpenerDirector with the default handlers, those of the given
    ones' classes (or subclasses) replaced by them."""
    opener = OpenerDirector()
    default_classes = [ProxyHandler, UnknownHandler, HTTPHandler, HTTPDefaultErrorHandler,
                       HTTPRedirectHandler, FileHandler, HTTPErrorProcessor, DataHandler]
    if _have_ssl:
        default_classes.append(HTTPSHandler)
    skip = set()
    for check in default_classes:
        for klass in handlers:
            if isinstance(klass, type):
                if issubclass(klass, check):
                    skip.add(check)
            elif isinstance(klass, check):
                skip.add(check)
    for klass in default_classes:
        if klass not in skip:
            opener.add_handler(klass())
    for handler in handlers:
        if isinstance(handler, type):
            handler = handler()
        opener.add_handler(handler)
    return opener


class BaseHandler:
    handler_order = 500

    def add_parent(self, parent):
        self.parent = parent

    def close(self):
        pass

    def __lt__(self, other):
        if not hasattr(other, "handler_order"):
            # Handlers from elsewhere without an order sort last.
            return True
        return self.handler_order < other.handler_order


class HTTPErrorProcessor(BaseHandler):
    """Sends every non-2xx response to the error handlers."""
    handler_order = 1000

    def http_response(self, request, response):
        code, msg, hdrs = response.code, response.msg, response.info()
        if not (200 <= code < 300):
            response = self.parent.error('http', request, response, code, msg, hdrs)
        return response

    https_response = http_response


class HTTPDefaultErrorHandler(BaseHandler):
    def http_error_default(self, req, fp, code, msg, hdrs):
        raise HTTPError(req.full_url, code, msg, hdrs, fp)


class HTTPRedirectHandler(BaseHandler):
    """Follows redirects: GET and HEAD on 301, 302, 303, 307 and 308;
    POST on 301, 302 and 303 (as a GET without the body)."""
    max_repeats = 4  # visits of one URL
    max_redirections = 10  # different URLs

    inf_msg = ("The HTTP server returned a redirect error that would "
               "lead to an infinite loop.\n"
               "The last 30x error message was:\n")

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        """The Request for the redirect, or HTTPError when the method may
        not be redirected."""
        method = req.get_method()
        if (not (code in (301, 302, 303, 307, 308) and method in ("GET", "HEAD")
                 or code in (301, 302, 303) and method == "POST")):
            raise HTTPError(req.full_url, code, msg, headers, fp)
        newurl = newurl.replace(' ', '%20')
        content_headers = ("content-length", "content-type")
        newheaders = {k: v for k, v in req.headers.items() if k.lower() not in content_headers}
        return Request(newurl, headers=newheaders, origin_req_host=req.origin_req_host,
                       unverifiable=True)

    def http_error_302(self, req, fp, code, msg, headers):
        if "location" in headers:
            newurl = headers["location"]
        elif "uri" in headers:
            newurl = headers["uri"]
        else:
            return None
        urlparts = urlparse(newurl)
        if urlparts.scheme not in ('http', 'https', 'ftp', ''):
            raise HTTPError(newurl, code, "%s - Redirection to url '%s' is not allowed" % (msg, newurl),
                            headers, fp)
        if not urlparts.path and urlparts.netloc:
            urlparts = list(urlparts)
            urlparts[2] = "/"
        newurl = urlunparse(urlparts)
        # Servers send Location values with characters URLs may not hold.
        newurl = quote(newurl, encoding="iso-8859-1", safe=string.punctuation)
        newurl = urljoin(req.full_url, newurl)

        new = self.redirect_request(req, fp, code, msg, headers, newurl)
        if new is None:
            return None
        if hasattr(req, 'redirect_dict'):
            visited = new.redirect_dict = req.redirect_dict
            if visited.get(newurl, 0) >= self.max_repeats or len(visited) >= self.max_redirections:
                raise HTTPError(req.full_url, code, self.inf_msg + msg, headers, fp)
        else:
            visited = new.redirect_dict = req.redirect_dict = {}
        visited[newurl] = visited.get(newurl, 0) + 1

        # The redirect's own body is read and dropped so the connection
        # can be closed cleanly.
        fp.read()
        fp.close()
        return self.parent.open(new, timeout=req.timeout)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


class AbstractHTTPHandler(BaseHandler):
    def __init__(self, debuglevel=None):
        self._debuglevel = debuglevel if debuglevel is not None else http.client.HTTPConnection.debuglevel

    def set_http_debuglevel(self, level):
        self._debuglevel = level

    def _get_content_length(self, request):
        return http.client.HTTPConnection._get_content_length(request.data, request.get_method())

    def do_request_(self, request):
        """Add Content-type, Content-length (or chunked), Host and the
        opener's headers the request lacks."""
        host = request.host
        if not host:
            raise URLError('no host given')
        if request.data is not None:
            data = request.data
            if isinstance(data, str):
                raise TypeError("POST data should be bytes, an iterable of bytes, "
                                "or a file object. It cannot be of type str.")
            if not request.has_header('Content-type'):
                request.add_unredirected_header('Content-type', 'application/x-www-form-urlencoded')
            if not request.has_header('Content-length') and not request.has_header('Transfer-encoding'):
                content_length = self._get_content_length(request)
                if content_length is not None:
                    request.add_unredirected_header('Content-length', str(content_length))
                else:
                    request.add_unredirected_header('Transfer-encoding', 'chunked')
        sel_host = host
        if request.has_proxy():
            scheme, sel = _splittype(request.selector)
            sel_host, sel_path = _splithost(sel)
        if not request.has_header('Host'):
            request.add_unredirected_header('Host', sel_host)
        for name, value in self.parent.addheaders:
            name = name.capitalize()
            if not request.has_header(name):
                request.add_unredirected_header(name, value)
        return request

    def do_open(self, http_class, req, **http_conn_args):
        """Send req on a new connection of http_class and return the
        response (the connection closes when the response is read)."""
        host = req.host
        if not host:
            raise URLError('no host given')
        h = http_class(host, timeout=req.timeout, **http_conn_args)
        h.set_debuglevel(self._debuglevel)

        headers = dict(req.unredirected_hdrs)
        headers.update({k: v for k, v in req.headers.items() if k not in headers})
        # One request per connection: the response is read to its end
        # whatever framing the server uses.
        headers["Connection"] = "close"
        headers = {name.title(): val for name, val in headers.items()}

        if req._tunnel_host:
            # https through a proxy: CONNECT first; the proxy's credentials
            # go with the CONNECT, not to the far server.
            tunnel_headers = {}
            if "Proxy-Authorization" in headers:
                tunnel_headers["Proxy-Authorization"] = headers.pop("Proxy-Authorization")
            h.set_tunnel(req._tunnel_host, headers=tunnel_headers)

        try:
            try:
                h.request(req.get_method(), req.selector, req.data, headers,
                          encode_chunked=req.has_header('Transfer-encoding'))
            except OSError as err:
                raise URLError(err)
            r = h.getresponse()
        except:
            h.close()
            raise

        # The response reads through its own file; the socket object can go.
        if h.sock:
            h.sock.close()
            h.sock = None

        r.url = req.get_full_url()
        r.msg = r.reason
        return r


class HTTPHandler(AbstractHTTPHandler):
    def http_open(self, req):
        return self.do_open(http.client.HTTPConnection, req)

    http_request = AbstractHTTPHandler.do_request_


if _have_ssl:
    class HTTPSHandler(AbstractHTTPHandler):
        """https: URLs, on http.client.HTTPSConnection with the given
        SSLContext (the default verifying one when None)."""

        def __init__(self, debuglevel=None, context=None, check_hostname=None):
            super(HTTPSHandler, self).__init__(debuglevel)
            self._context = context
            self._check_hostname = check_hostname

        def https_open(self, req):
            return self.do_open(http.client.HTTPSConnection, req,
                                context=self._context, check_hostname=self._check_hostname)

        https_request = AbstractHTTPHandler.do_request_

    __all__.append('HTTPSHandler')


def _parse_proxy(proxy):
    """(scheme, user, password, 'host:port') of a proxy URL or a bare
    authority ('host:port'); a URL needs its '//'."""
    scheme, rest = _splittype(proxy)
    if not rest.startswith("/"):
        scheme = None
        authority = proxy
    else:
        if not rest.startswith("//"):
            raise ValueError("proxy URL with no authority: %r" % proxy)
        if '@' in rest:
            end = rest.find("/", rest.find('@'))
        else:
            end = rest.find("/", 2)
        authority = rest[2:] if end == -1 else rest[2:end]
    userinfo, hostport = _splituser(authority)
    if userinfo is not None:
        user, password = _splitpasswd(userinfo)
    else:
        user = password = None
    return scheme, user, password, hostport


class ProxyHandler(BaseHandler):
    """Sends requests through the proxies given ({'http': 'http://host:port',
    ...}), or by default those the <scheme>_proxy environment variables
    name; no_proxy lists hosts that are reached directly."""
    handler_order = 100  # before everything that opens

    def __init__(self, proxies=None):
        if proxies is None:
            proxies = getproxies()
        assert hasattr(proxies, 'keys'), "proxies must be a mapping"
        self.proxies = proxies
        for type, url in proxies.items():
            type = type.lower()
            setattr(self, '%s_open' % type,
                    lambda r, proxy=url, type=type, meth=self.proxy_open: meth(r, proxy, type))

    def proxy_open(self, req, proxy, type):
        orig_type = req.type
        proxy_type, user, password, hostport = _parse_proxy(proxy)
        if proxy_type is None:
            proxy_type = orig_type
        if req.host and proxy_bypass(req.host):
            return None
        if user and password:
            user_pass = '%s:%s' % (unquote(user), unquote(password))
            import base64
            credentials = base64.b64encode(user_pass.encode()).decode("ascii")
            req.add_header('Proxy-authorization', 'Basic ' + credentials)
        req.set_proxy(unquote(hostport), proxy_type)
        if orig_type == proxy_type or orig_type == 'https':
            return None  # the scheme's own handler now opens it, via the proxy
        # A proxy of another scheme: start again with that scheme.
        return self.parent.open(req, timeout=req.timeout)


class UnknownHandler(BaseHandler):
    def unknown_open(self, req):
        raise URLError('unknown url type: %s' % req.type)


def _local_host_names():
    names = {'localhost', '127.0.0.1'}
    try:
        names.add(socket.gethostname())
    except (AttributeError, OSError):
        pass
    return names


class FileHandler(BaseHandler):
    """file: URLs on this machine."""

    def file_open(self, req):
        url = req.selector
        if url[:2] == '//' and url[2:3] != '/' and req.host and req.host != 'localhost':
            if req.host not in _local_host_names():
                raise URLError("file:// scheme is supported only on localhost")
        return self.open_local_file(req)

    def open_local_file(self, req):
        import email.utils
        import mimetypes
        host = req.host
        filename = req.selector
        localfile = url2pathname(filename)
        try:
            stats = os.stat(localfile)
            size = stats.st_size
            modified = email.utils.formatdate(stats.st_mtime, usegmt=True)
            mtype = mimetypes.guess_type(filename)[0]
            headers = email.message_from_string('Content-type: %s\nContent-length: %d\nLast-modified: %s\n'
                                                % (mtype or 'text/plain', size, modified))
            port = None
            if host:
                host, port = _splitport(host)
            if not host or (not port and host in _local_host_names()):
                origurl = ('file://' + host + filename) if host else ('file://' + filename)
                return addinfourl(open(localfile, 'rb'), headers, origurl)
        except OSError as exp:
            raise URLError(exp)
        raise URLError('file not on local host')


class DataHandler(BaseHandler):
    """data: URLs (RFC 2397): data:[type][;base64],payload."""

    def data_open(self, req):
        url = req.full_url
        scheme, data = url.split(":", 1)
        mediatype, data = data.split(",", 1)
        if mediatype.endswith(";base64"):
            import base64
            data = base64.decodebytes(unquote_to_bytes(data))
            mediatype = mediatype[:-7]
        else:
            data = unquote_to_bytes(data)
        if not mediatype:
            mediatype = "text/plain;charset=US-ASCII"
        headers = email.message_from_string("Content-type: %s\nContent-length: %d\n"
                                            % (mediatype, len(data)))
        return addinfourl(io.BytesIO(data), headers, url)


def url2pathname(pathname):
    """A file URL's path as a local path."""
    return unquote(pathname)


def pathname2url(pathname):
    """A local path as the path of a file URL."""
    return quote(pathname)


def getproxies_environment():
    """{scheme: proxy URL} from the <scheme>_proxy environment variables;
    the lower-case spelling wins over the upper-case one, and HTTP_PROXY
    is ignored in a CGI script (REQUEST_METHOD set), as CPython does."""
    proxies = {}
    for name, value in os.environ.items():
        name = name.lower()
        if value and name[-6:] == '_proxy':
            proxies[name[:-6]] = value
    if 'REQUEST_METHOD' in os.environ:
        proxies.pop('http', None)
    for name, value in os.environ.items():
        if name[-6:] == '_proxy':
            name = name.lower()
            if value:
                proxies[name[:-6]] = value
            else:
                proxies.pop(name[:-6], None)
    return proxies


def proxy_bypass_environment(host, proxies=None):
    """Whether host (with or without a port) is in no_proxy: '*', or a
    name that is the host or a domain it is in."""
    if proxies is None:
        proxies = getproxies_environment()
    try:
        no_proxy = proxies['no']
    except KeyError:
        return False
    if no_proxy == '*':
        return True
    host = host.lower()
    hostonly, port = _splitport(host)
    for name in no_proxy.split(','):
        name = name.strip()
        if name:
            name = name.lstrip('.').lower()
            if hostonly == name or host == name:
                return True
            name = '.' + name
            if hostonly.endswith(name) or host.endswith(name):
                return True
    return False


getproxies = getproxies_environment


def proxy_bypass(host):
    return proxy_bypass_environment(host)
