"""-W options, PYTHONWARNINGS, -X dev and -b as python3 applies them through
the warnings module: the filters they add (later options win), the
"Invalid -W option ignored" messages, error/ignore/once/module actions,
message/category/module/lineno fields, and the default filters
(DeprecationWarning shown only from __main__). python3's output (exit code,
stdout, stderr) is the expectation. Run as `python3 test_warning_options.py GILVM`."""
import os
import subprocess
import sys
import tempfile
import unittest

GILVM = None

# A library module and a main script that warn in several categories.
LIBRARY = '''import warnings

def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)

def pending():
    warnings.warn("pending change", PendingDeprecationWarning)

def inside():
    warnings.warn("deprecated inside the library", DeprecationWarning)

def user(text="library says hi"):
    warnings.warn(text)
'''

MAIN = '''import warnings
import wlib

for _ in range(2):
    wlib.old()
    wlib.inside()
    wlib.pending()
    wlib.user()
    wlib.user("Other Message")
for _ in range(2):
    warnings.warn("main deprecation", DeprecationWarning)
    warnings.warn("resource", ResourceWarning)
    warnings.warn("import", ImportWarning)
    warnings.warn("runtime", RuntimeWarning)
    warnings.warn("future", FutureWarning)
print("finished")
'''

BYTES = '''class B(bytes):
    def __repr__(self):
        return "custom"
print(str(b"x"), str(B(b"y")), repr(B(b"y")), str(bytearray(b"z")))
print(b"a" == "a", "a" != b"a", b"1" == 1, b"" == True, b"a" < b"b", bytearray(b"a") == "a", "a" == bytearray(b"a"))
print(b"a" in ["a", b"a"], f"{b'f'}", "%s" % b"p", b"a" == b"a", bytearray(b"q") == b"q")
print(b"x".__str__(), "__str__" in bytes.__dict__, "__str__" in bytearray.__dict__)
print({b"k": 1}.get("k"))
'''


class WarningOptions(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp()
        for name, text in (("wlib.py", LIBRARY), ("main.py", MAIN), ("bytes_mix.py", BYTES)):
            with open(os.path.join(self.folder, name), "w") as f:
                f.write(text)

    def run_both(self, *args, env=None):
        results = []
        for interpreter in (GILVM, sys.executable):
            e = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
            e.update(env or {})
            r = subprocess.run([interpreter, *args], capture_output=True, text=True, env=e, cwd=self.folder,
                               timeout=60)
            results.append((r.returncode, r.stdout, r.stderr.replace(self.folder, "FOLDER")))
        return results

    def same(self, *args, env=None):
        mine, theirs = self.run_both(*args, env=env)
        self.assertEqual(mine, theirs, args)
        return mine

    def test_default_filters(self):
        rc, out, err = self.same("main.py")
        self.assertIn("main deprecation", err)
        self.assertNotIn("inside the library", err)
        self.assertNotIn("resource", err)

    def test_actions(self):
        for option in ("ignore", "default", "always", "once", "module", "all", "d", "i", "a", "o", "m", "",
                       "e", "error::DeprecationWarning", "error::UserWarning", "ignore::Warning",
                       "default::DeprecationWarning", "always::PendingDeprecationWarning",
                       "error::ResourceWarning", "ignore::RuntimeWarning"):
            self.same("-W", option, "main.py")

    def test_later_options_win(self):
        rc, out, err = self.same("-W", "error", "-W", "ignore", "main.py")
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(self.same("-W", "ignore", "-W", "error", "main.py")[0], 1)
        self.same("-Wignore", "-Wdefault::UserWarning", "main.py")
        self.same("-W", "ignore", "main.py", env={"PYTHONWARNINGS": "error"})
        self.assertEqual(self.same("main.py", env={"PYTHONWARNINGS": "ignore,error"})[0], 1)
        self.same("-E", "main.py", env={"PYTHONWARNINGS": "error"})
        self.same("-W", "error::UserWarning", "main.py", env={"PYTHONWARNINGS": "ignore::UserWarning"})

    def test_message_module_and_lineno(self):
        self.same("-W", "error:other MESSAGE", "main.py")
        self.same("-W", "error:library says", "main.py")
        self.same("-W", "ignore: library says hi :UserWarning", "main.py")
        self.same("-W", "error:.*:UserWarning", "main.py")  # the message matches literally
        self.same("-W", "error:::wlib", "main.py")
        self.same("-W", "error:::wli", "main.py")  # the module matches exactly
        self.same("-W", "error:::__main__", "main.py")
        self.same("-W", "error::DeprecationWarning::5", "main.py")
        self.same("-W", "error::UserWarning:wlib:14", "main.py")
        self.same("-W", "default:::wlib", "main.py")
        self.same("-W", "error::builtins.FutureWarning", "main.py")
        self.same("-W", "error::warnings.UserWarning", "main.py")

    def test_invalid_options(self):
        rc, out, err = self.same("-W", "x", "-W", "i:a:b:c:d:e", "-W", "::NoSuch", "-W", "::os.NoSuch",
                                 "-W", "::nosuchmod.X", "-W", "::int", "-W", ":::mod:-1", "-W", ":::mod:x",
                                 "-W", "alwaysx", "-c", "print('ran')")
        self.assertEqual(rc, 0)
        self.assertIn("Invalid -W option ignored: invalid action: 'x'\n", err)
        self.same("main.py", env={"PYTHONWARNINGS": "bogus,error::NoSuchWarning,ignore"})

    def test_filters_list(self):
        code = "import sys, warnings; print(sys.warnoptions); print(*warnings.filters, sep='\\n')"
        self.same("-c", code)
        self.same("-W", "once", "-W", " e : Hi : UserWarning : m.n : 3 ", "-Wd", "-c", code)
        self.same("-W", "ignore", "-W", "ignore", "-c", code)
        self.same("-W", "error", "-W", "ignore", "-W", "error", "-c", code)  # equal entries kept once
        self.same("-b", "-c", code)
        self.same("-bb", "-W", "error", "-c", code)
        self.same("-X", "dev", "-c", code)
        self.same("-X", "dev", "-W", "ignore", "-b", "-c", code, env={"PYTHONWARNINGS": "once"})
        self.same("-c", code, env={"PYTHONDEVMODE": "1", "PYTHONWARNINGS": "error,,module"})

    def test_dev_mode(self):
        rc, out, err = self.same("-X", "dev", "main.py")
        self.assertIn("resource", err)
        self.same("-X", "dev", "-W", "ignore::DeprecationWarning", "main.py")
        self.same("main.py", env={"PYTHONDEVMODE": "1"})

    def test_bytes_warning(self):
        # -b: str() of bytes/bytearray and == / != against str (and bytes
        # against int) warn, at the line doing it; -bb raises.
        self.assertEqual(self.same("bytes_mix.py")[2], "")
        rc, out, err = self.same("-b", "bytes_mix.py")
        self.assertIn("bytes_mix.py:5: BytesWarning: Comparison between bytes and int", err)
        self.assertEqual(self.same("-bb", "bytes_mix.py")[0], 1)
        self.same("-b", "-W", "error::BytesWarning", "bytes_mix.py")
        self.same("-bb", "-W", "ignore::BytesWarning", "bytes_mix.py")
        self.same("-b", "-W", "ignore", "bytes_mix.py")
        self.same("-X", "dev", "bytes_mix.py")

    def test_error_traceback(self):
        rc, out, err = self.same("-W", "error", "-c", "import warnings\nwarnings.warn('Hi there')")
        self.assertEqual(err.splitlines()[-1], "UserWarning: Hi there")
        self.same("-W", "error", "-c", "import warnings\ndef f():\n    x = warnings.warn('boom')\nf()")
        self.same("-W", "error::UserWarning", "-c",
                  "import warnings\ntry:\n    warnings.warn('caught')\nexcept UserWarning as e:\n    print(repr(e))")

    def test_import_failure_still_runs(self):
        # The category's check itself raises: python3 reports the failed
        # import of warnings with a traceback and runs the program.
        mine, theirs = self.run_both("-W", "ignore::print", "-c", "print('ran')")
        self.assertEqual(mine[:2], theirs[:2])
        self.assertEqual(mine[2].splitlines()[0], theirs[2].splitlines()[0])
        self.assertEqual(mine[2].splitlines()[-1], theirs[2].splitlines()[-1])


if __name__ == "__main__":
    GILVM = sys.argv.pop(1)
    unittest.main()
