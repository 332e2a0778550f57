# The small modules HTTP code leans on: html.escape/unescape, mimetypes,
# and email.utils' dates and quoting.
import email.utils
import html
import mimetypes

for s in ["plain", "<a href=\"x\">'q'</a> & more", "&amp;", "", "ü€"]:
    print(repr(html.escape(s)), repr(html.escape(s, quote=False)))
for s in ["&lt;b&gt; &amp;amp; &quot;q&quot; &#x27;s&#39;", "&#65;&#x42;&#X43;", "no refs", "&unknown; & &;", "&#0;",
          "&#xD800;", "&#1114112;", "&nbsp;|&copy;|&reg;|&apos;", "&amp", "a&#9;b", "&#128;&#x9f;&#13;&#1;&#xFFFE;", "&ampx &lt3 &apos &copy2", "&#65 &#x41x", "&euro; &hellip; &zzzz;"]:
    print(repr(s), repr(html.unescape(s)))

for name in ["index.html", "style.css", "app.js", "data.json", "photo.JPG", "doc.pdf", "x.tar.gz", "x.tgz",
             "a.txt.bz2", "song.mp3", "clip.mp4", "font.woff2", "image.svg", "image.svgz", "archive.zip",
             "README", "noext.", ".hidden", "a.b.c.py", "http://example.com/page.html?x=1",
             "data:text/csv;base64,AAAA", "data:,x", "data:bad", "x.webp", "x.wasm", "x.xz", "x.br"]:
    print(name, mimetypes.guess_type(name), mimetypes.guess_type(name, strict=False))
for t in ["text/plain", "text/html", "image/jpeg", "application/json", "application/x-nothing", "TEXT/CSS"]:
    print(t, mimetypes.guess_extension(t), mimetypes.guess_all_extensions(t)[:3], mimetypes.guess_extension(t, strict=False))
print(mimetypes.types_map[".html"], mimetypes.encodings_map[".gz"], mimetypes.suffix_map[".tgz"], len(mimetypes.types_map) > 100)
mimetypes.add_type("application/x-gilvm", ".gilvm")
print(mimetypes.guess_type("f.gilvm"), mimetypes.guess_extension("application/x-gilvm"))
db = mimetypes.MimeTypes()
print(db.guess_type("a.html"), db.guess_type("f.gilvm"), mimetypes.inited)

for t in [0, 1e9, 1733400000.5, 4102444800, 951782400]:
    print(t, email.utils.formatdate(t, usegmt=True), email.utils.formatdate(t))
for d in ["Sat, 05 Dec 2026 12:57:33 GMT", "Sat, 05 Dec 2026 12:57:33 +0100", "05 Dec 2026 12:57:33 -0530",
          "Sat, 5 Dec 26 12:57 EST", "Thu, 01 Jan 1970 00:00:00 UT", "Mon, 29 Feb 2000 23:59:59 Z", "garbage", ""]:
    parsed = email.utils.parsedate_tz(d)
    print(repr(d), parsed, email.utils.parsedate(d), parsed and email.utils.mktime_tz(parsed))
print(email.utils.quote('a "b" \\c'), email.utils.unquote('"a \\"b\\""'), email.utils.unquote("<x@y>"))
