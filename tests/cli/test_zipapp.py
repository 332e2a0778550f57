"""Zip applications and zip archives on the command line, against python3:
`gilvm app.zip` runs the archive's __main__.py with the archive first on
sys.path, modules and packages in it import, an archive without
__main__.py is refused, -m finds modules in an archive on PYTHONPATH, and
`-m zipfile` lists, tests, extracts and creates archives. Archives gilvm's
zipfile writes pass python3's zipfile and `unzip -t` (when installed).
Run as `python3 test_zipapp.py GILVM`."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

GILVM = None


def run(interpreter, *args, env=None, cwd=None):
    e = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    e.update(env or {})
    r = subprocess.run([interpreter, *args], capture_output=True, text=True, env=e, cwd=cwd, timeout=60)
    return r.returncode, r.stdout, r.stderr


def without_runpy(stderr):
    # python3 runs a zip application through runpy, whose frames gilvm has not.
    return "".join(line for line in stderr.splitlines(True) if "<frozen runpy>" not in line)


def after_program_name(stderr):
    # "python3: message" / "gilvm: message": the program names differ.
    return stderr.split(": ", 1)[1]


APP_MAIN = """\
import sys
import helper
import pkg.mod
from pkg import sub
print('path0', sys.path[0])
print('file', __file__, __name__)
print('argv', sys.argv)
print('helper', helper.__file__, helper.twice(4))
print('pkg', pkg.__path__, pkg.mod.VALUE, sub.__name__, sub.__file__)
print('loader', type(helper.__loader__).__name__, repr(__loader__), helper.__loader__ is pkg.mod.__loader__,
      helper.__loader__ is __loader__, repr(pkg.mod.__loader__).endswith('app.zip/pkg/">'))
print('data', __loader__.get_data('pkg/mod.py'), helper.__loader__.get_source('helper')[:10])
if sys.argv[1:] == ['fail']:
    helper.fail()
if sys.argv[1:] == ['exit']:
    sys.exit(3)
"""


class ZipApp(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder)
        with zipfile.ZipFile(os.path.join(self.folder, "app.zip"), "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("__main__.py", APP_MAIN)
            z.writestr("helper.py", "def twice(x):\n    return 2 * x\ndef fail():\n    raise ValueError('inside')\n")
            z.writestr("pkg/__init__.py", "")
            z.writestr("pkg/mod.py", "VALUE = 'in a package'\n")
            z.writestr("pkg/sub.py", "")
        with zipfile.ZipFile(os.path.join(self.folder, "nomain.zip"), "w") as z:
            z.writestr("helper.py", "")

    def same(self, *args, env=None):
        mine = run(GILVM, *args, env=env, cwd=self.folder)
        theirs = run(sys.executable, *args, env=env, cwd=self.folder)
        self.assertEqual(mine[:2], theirs[:2])
        return mine, theirs

    def test_runs_main_with_archive_on_path(self):
        (rc, out, err), _ = self.same("app.zip", "a", "b")
        self.assertEqual(rc, 0, err)
        real = os.path.realpath(self.folder)
        self.assertIn("path0 " + real + "/app.zip\n", out)
        self.assertIn("file " + real + "/app.zip/__main__.py __main__\n", out)
        self.assertIn("argv ['app.zip', 'a', 'b']\n", out)
        self.assertIn("loader zipimporter <zipimporter object \"" + real + "/app.zip/\"> False True True\n", out)
        self.same("./app.zip")
        self.same(os.path.join(self.folder, "app.zip"))

    def test_traceback_and_exit_code(self):
        mine, theirs = self.same("app.zip", "fail")
        self.assertEqual(mine[0], 1)
        self.assertEqual(mine[2], without_runpy(theirs[2]))
        self.assertIn("app.zip/helper.py\", line 4, in fail", mine[2])
        mine, theirs = self.same("app.zip", "exit")
        self.assertEqual((mine[0], mine[2]), (3, theirs[2]))

    def test_archive_without_main(self):
        mine, theirs = self.same("nomain.zip")
        self.assertEqual(mine[0], 1)
        self.assertEqual(after_program_name(mine[2]), after_program_name(theirs[2]))
        self.assertIn("can't find '__main__' module in '", mine[2])

    def test_not_an_archive_runs_as_a_script(self):
        with open(os.path.join(self.folder, "script.zip"), "w") as f:
            f.write("print('a script named .zip')\n")
        (rc, out, err), _ = self.same("script.zip")
        self.assertEqual(out, "a script named .zip\n")

    def test_archive_after_a_shebang_line(self):
        path = os.path.join(self.folder, "shebang.pyz")
        with open(path, "wb") as f:
            f.write(b"#!/usr/bin/env python3\n")
        with zipfile.ZipFile(path, "a") as z:
            z.writestr("__main__.py", "import inner\nprint(inner.X)\n")
            z.writestr("inner.py", "X = 'prefixed archive'\n")
        (rc, out, err), _ = self.same("shebang.pyz")
        self.assertEqual(out, "prefixed archive\n")

    def test_dash_m_from_archive_on_pythonpath(self):
        with zipfile.ZipFile(os.path.join(self.folder, "lib.zip"), "w") as z:
            z.writestr("tool.py", "import sys\nprint('tool', __name__, sys.argv[1:])\n")
            z.writestr("runme/__init__.py", "print('init')\n")
            z.writestr("runme/__main__.py", "print('main of runme', __name__)\n")
            z.writestr("nomainpkg/__init__.py", "")
        env = {"PYTHONPATH": "lib.zip"}
        (rc, out, err), _ = self.same("-m", "tool", "x", env=env)
        self.assertEqual(out, "tool __main__ ['x']\n")
        (rc, out, err), _ = self.same("-m", "runme", env=env)
        self.assertEqual(out, "init\nmain of runme __main__\n")
        mine, theirs = self.same("-m", "nomainpkg", env=env)
        self.assertEqual(after_program_name(mine[2]), after_program_name(theirs[2]))

    def test_corrupt_member_is_an_import_error(self):
        # gilvm checks a member's CRC when importing it (python3 does not):
        # the import fails cleanly, the -m search reports it.
        with zipfile.ZipFile(os.path.join(self.folder, "bad.zip"), "w") as z:
            z.writestr("damaged.py", "print('intact')\n")
        with open(os.path.join(self.folder, "bad.zip"), "r+b") as f:
            data = f.read()
            f.seek(data.index(b"intact"))
            f.write(b"INTACT")
        rc, out, err = run(GILVM, "-c", "import sys; sys.path.insert(0, 'bad.zip'); import damaged",
                           cwd=self.folder)
        self.assertEqual(rc, 1)
        self.assertIn("ImportError: Bad CRC-32 for file 'damaged.py' in Zip file: bad.zip", err)
        rc, out, err = run(GILVM, "-m", "damaged", env={"PYTHONPATH": "bad.zip"}, cwd=self.folder)
        self.assertEqual((rc, out), (1, ""))
        self.assertIn("Error while finding module specification for 'damaged' (ImportError: Bad CRC-32", err)
        # A directory claiming a 4 GiB member is refused before anything is allocated.
        with zipfile.ZipFile(os.path.join(self.folder, "huge.zip"), "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("huge.py", "x = 1\n")
        with open(os.path.join(self.folder, "huge.zip"), "r+b") as f:
            data = f.read()
            f.seek(data.index(b"PK\x01\x02") + 20)
            f.write(b"\xff\xff\xff\xf0\xff\xff\xff\xff")
        rc, out, err = run(GILVM, "-c", "import sys; sys.path.insert(0, 'huge.zip'); import huge", cwd=self.folder)
        self.assertEqual(rc, 1)
        self.assertIn("ImportError: bad local file header: 'huge.zip'", err)


class ZipfileCommandLine(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder)
        os.makedirs(os.path.join(self.folder, "tree", "inner"))
        for name, text in (("tree/a.txt", "alpha\n" * 50), ("tree/inner/b.txt", "beta\n")):
            with open(os.path.join(self.folder, name), "w") as f:
                f.write(text)

    def test_create_then_check_with_python3(self):
        rc, out, err = run(GILVM, "-m", "zipfile", "-c", "made.zip", "tree", cwd=self.folder)
        self.assertEqual((rc, err), (0, ""))
        archive = os.path.join(self.folder, "made.zip")
        with zipfile.ZipFile(archive) as z:
            self.assertEqual(z.namelist(), ["tree/", "tree/a.txt", "tree/inner/", "tree/inner/b.txt"])
            self.assertIsNone(z.testzip())
            self.assertEqual(z.read("tree/a.txt"), b"alpha\n" * 50)
        self.assertEqual(run(sys.executable, "-m", "zipfile", "-t", "made.zip", cwd=self.folder),
                         (0, "Done testing\n", ""))
        if shutil.which("unzip"):
            r = subprocess.run(["unzip", "-t", archive], capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        for args in (("-l", "made.zip"), ("-t", "made.zip")):
            mine = run(GILVM, "-m", "zipfile", *args, cwd=self.folder)
            self.assertEqual(mine, run(sys.executable, "-m", "zipfile", *args, cwd=self.folder))
        rc, out, err = run(GILVM, "-m", "zipfile", "-e", "made.zip", "out", cwd=self.folder)
        self.assertEqual((rc, err), (0, ""))
        with open(os.path.join(self.folder, "out", "tree", "inner", "b.txt")) as f:
            self.assertEqual(f.read(), "beta\n")

    def test_usage_errors(self):
        for args in ([], ["-q"], ["-l"], ["-e", "x"], ["-l", "a", "-t", "b"], ["foo"], ["-c"],
                     ["-l", "a", "extra"], ["-t", "a", "--metadata-encoding"],
                     ["-c", "z.zip", "x", "--metadata-encoding", "utf8"], ["-h"], ["--help"],
                     ["--list=a", "-t", "b"], ["-e", "a", "b", "-c", "z"], ["--meta"]):
            mine = run(GILVM, "-m", "zipfile", *args, cwd=self.folder)
            self.assertEqual(mine, run(sys.executable, "-m", "zipfile", *args, cwd=self.folder), args)

    def test_reads_python3_archive(self):
        rc, out, err = run(sys.executable, "-m", "zipfile", "-c", "theirs.zip", "tree", cwd=self.folder)
        self.assertEqual(rc, 0, err)
        for args in (("-l", "theirs.zip"), ("-t", "theirs.zip")):
            mine = run(GILVM, "-m", "zipfile", *args, cwd=self.folder)
            self.assertEqual(mine, run(sys.executable, "-m", "zipfile", *args, cwd=self.folder))


if __name__ == "__main__":
    GILVM = os.path.abspath(sys.argv.pop(1))
    unittest.main()
