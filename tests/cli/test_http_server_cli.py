"""http.server's command line: serve a folder on a port the system picks,
answer GETs (files and the listing) with the log on stderr, and stop on
Ctrl-C with exit status 0 and CPython's message. Run as
`python3 test_http_server_cli.py PATH_TO_GILVM`; every check is made on
python3 too, so the expectations are CPython's. gilvm runs the module with
`-m http.server` when its command line has -m, else through http.server's
own entry point (_main)."""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest
import urllib.request

GILVM = None


def server_command(interpreter, args):
    if interpreter == sys.executable:
        return [interpreter, "-m", "http.server"] + args
    probe = subprocess.run([interpreter, "-m", "http.server", "--help"], capture_output=True, text=True, timeout=60)
    if probe.returncode == 0:
        return [interpreter, "-m", "http.server"] + args
    return [interpreter, "-c", "import sys, http.server; sys.exit(http.server._main(sys.argv[1:]))"] + args


class ServeAFolder(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="gilvm-http-cli-")
        with open(os.path.join(self.folder, "hello.txt"), "w") as f:
            f.write("hello from the folder\n")
        os.mkdir(os.path.join(self.folder, "sub"))

    def tearDown(self):
        shutil.rmtree(self.folder)

    def serve(self, interpreter):
        args = ["0", "--bind", "127.0.0.1", "--directory", self.folder]
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        p = subprocess.Popen(server_command(interpreter, args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env)
        try:
            first = p.stdout.readline()
            match = re.fullmatch(r"Serving HTTP on 127\.0\.0\.1 port (\d+) \(http://127\.0\.0\.1:(\d+)/\) \.\.\.\n",
                                 first)
            self.assertIsNotNone(match, (interpreter, first))
            port = int(match.group(1))
            self.assertEqual(match.group(1), match.group(2))
            base = "http://127.0.0.1:%d" % port
            with urllib.request.urlopen(base + "/hello.txt", timeout=60) as r:
                file_reply = (r.status, r.headers["Content-type"], r.read())
            with urllib.request.urlopen(base + "/", timeout=60) as r:
                listing = r.read().decode()
            p.send_signal(signal.SIGINT)
            out, err = p.communicate(timeout=60)
            return p.returncode, out, err, file_reply, listing
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()

    def test_serves_and_stops_on_ctrl_c(self):
        results = {}
        for interpreter in (sys.executable, GILVM):
            rc, out, err, file_reply, listing = self.serve(interpreter)
            self.assertEqual(rc, 0, (interpreter, err))
            self.assertEqual(out, "\nKeyboard interrupt received, exiting.\n", interpreter)
            self.assertEqual(file_reply, (200, "text/plain", b"hello from the folder\n"))
            self.assertIn('<li><a href="hello.txt">hello.txt</a></li>', listing)
            self.assertIn('<li><a href="sub/">sub/</a></li>', listing)
            log = [re.sub(r"\[[^]]*\]", "[DATE]", line) for line in err.splitlines()]
            results[interpreter] = (listing, log)
            self.assertIn('127.0.0.1 - - [DATE] "GET /hello.txt HTTP/1.1" 200 -', log, interpreter)
            self.assertIn('127.0.0.1 - - [DATE] "GET / HTTP/1.1" 200 -', log, interpreter)
        self.assertEqual(results[sys.executable], results[GILVM])


if __name__ == "__main__":
    GILVM = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
