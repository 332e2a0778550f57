"""python3's command-line habits: combined and attached short options,
-O/-OO, -W, -X, -E/-I, PYTHONPATH, -m for frozen modules and packages, a
folder with __main__.py, sys.flags/implementation/version_info, and
errors printed as python3 prints them. Where both can run a case, python3's
output is the expectation. Run as `python3 test_command_line.py GILVM`."""
import os
import subprocess
import sys
import tempfile
import unittest

GILVM = None


def run(interpreter, *args, stdin=None, env=None, cwd=None):
    e = dict(os.environ)
    for k in list(e):
        if k.startswith("PYTHON"):
            del e[k]
    e.update(env or {})
    r = subprocess.run([interpreter, *args], input=stdin, capture_output=True, text=True, env=e, cwd=cwd,
                       timeout=60)
    return r.returncode, r.stdout, r.stderr


class Options(unittest.TestCase):
    def same(self, *args, **kw):
        mine = run(GILVM, *args, **kw)
        self.assertEqual(mine, run(sys.executable, *args, **kw))
        return mine

    def test_combined_and_attached(self):
        self.assertEqual(self.same("-Bc", "print(3)")[1], "3\n")
        self.assertEqual(self.same("-cprint(4)")[1], "4\n")
        self.assertEqual(self.same("-uc", "import sys; print(sys.argv)", "a")[1], "['-c', 'a']\n")
        self.assertEqual(self.same("-qsE", "-c", "print(5)")[1], "5\n")

    def test_optimize(self):
        self.assertEqual(self.same("-O", "-c", "assert False; print(__debug__)")[1], "False\n")
        src = "'''mod'''\ndef f():\n  'doc'\nclass C:\n  'cdoc'\nprint(__doc__, f.__doc__, C.__doc__)\nassert 0"
        self.assertEqual(self.same("-OO", "-c", src)[1], "None None None\n")
        self.assertEqual(self.same("-c", "import sys; print(sys.flags.optimize)")[1], "0\n")
        self.assertEqual(self.same("-OO", "-c", "import sys; print(sys.flags.optimize)")[1], "2\n")

    def test_flags_and_structures(self):
        code = ("import sys; f = sys.flags; print(f.inspect, f.isolated, f.ignore_environment, f.quiet, "
                "f.bytes_warning, f.dev_mode, f.safe_path, f.int_max_str_digits, len(f))")
        self.same("-bq", "-c", code)
        self.same("-I", "-c", code)
        self.same("-X", "dev", "-X", "int_max_str_digits=700", "-c", code + "; print(sys.get_int_max_str_digits())")
        self.same("-c", "import sys; v = sys.version_info; print(v[:2], v.major, v.minor, v >= (3, 8), type(v).__name__)")
        self.same("-c", "import sys; print(sys.orig_argv[1:])", "x")
        out = run(GILVM, "-c", "import sys; i = sys.implementation; print(i.name, i.cache_tag, i.version.major)")
        self.assertEqual(out, (0, "gilvm None 3\n", ""))
        out = run(GILVM, "-c", "import sys; print(sys.flags)")[1]
        self.assertTrue(out.startswith("sys.flags(debug=0, inspect=0, interactive=0, optimize=0,"), out)

    def test_warnings_and_x_options(self):
        self.same("-W", "ignore", "-Wdefault::DeprecationWarning", "-c", "import sys; print(sys.warnoptions)")
        self.same("-c", "import sys; print(sys.warnoptions)", env={"PYTHONWARNINGS": "error,ignore::UserWarning"})
        self.same("-X", "abc=1", "-Xfaulthandler", "-c", "import sys; print(sys._xoptions)")
        self.assertEqual(run(GILVM, "-X", "importtime", "-c", "print(1)")[:2], (0, "1\n"))
        rc, out, err = run(GILVM, "-X", "int_max_str_digits=5", "-c", "1")
        self.assertEqual(rc, 1)
        self.assertIn("-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.", err)

    def test_usage_errors(self):
        for args in (["-z"], ["-c"], ["-m"]):
            rc, out, err = run(GILVM, *args)
            theirs = run(sys.executable, *args)
            self.assertEqual(rc, theirs[0])
            self.assertEqual(err.splitlines()[0], theirs[2].splitlines()[0])

    def test_environment(self):
        folder = tempfile.mkdtemp()
        with open(os.path.join(folder, "helper_mod.py"), "w") as f:
            f.write("NAME = 'found'\n")
        code = "import helper_mod; print(helper_mod.NAME)"
        self.assertEqual(self.same("-c", code, env={"PYTHONPATH": folder})[1], "found\n")
        self.assertEqual(self.same("-E", "-c", code, env={"PYTHONPATH": folder})[0], 1)
        self.same("-c", "import sys; print(sys.flags.dont_write_bytecode, sys.dont_write_bytecode)",
                  env={"PYTHONDONTWRITEBYTECODE": "1"})


class Modules(unittest.TestCase):
    def test_frozen_module(self):
        rc, out, err = run(GILVM, "-m", "timeit", "-n", "2", "-r", "1", "pass")
        self.assertEqual((rc, err), (0, ""))
        self.assertIn("2 loops", out)

    def test_package_main_and_argv0(self):
        folder = tempfile.mkdtemp()
        os.makedirs(os.path.join(folder, "pkg"))
        os.makedirs(os.path.join(folder, "nomain"))
        with open(os.path.join(folder, "pkg", "__init__.py"), "w") as f:
            f.write("print('init')\n")
        with open(os.path.join(folder, "pkg", "__main__.py"), "w") as f:
            f.write("import sys; print('main', __name__, sys.argv)\n")
        with open(os.path.join(folder, "nomain", "__init__.py"), "w") as f:
            f.write("")
        mine = run(GILVM, "-m", "pkg", "a", cwd=folder)
        theirs = run(sys.executable, "-m", "pkg", "a", cwd=folder)
        self.assertEqual(mine, theirs)
        rc, out, err = run(GILVM, "-m", "nomain", cwd=folder)
        theirs = run(sys.executable, "-m", "nomain", cwd=folder)
        self.assertEqual((rc, err.split(": ", 1)[1]), (theirs[0], theirs[2].split(": ", 1)[1]))
        rc, out, err = run(GILVM, "-m", "no_such_module_here", cwd=folder)
        self.assertEqual((rc, err.split(": ", 1)[1]), (1, "No module named no_such_module_here\n"))
        # A folder with __main__.py runs as the program.
        mine = run(GILVM, "pkg", "b", cwd=folder)
        self.assertEqual(mine, run(sys.executable, "pkg", "b", cwd=folder))
        rc, out, err = run(GILVM, "nomain", cwd=folder)
        theirs = run(sys.executable, "nomain", cwd=folder)
        self.assertEqual((rc, err.split(": ", 1)[1]), (theirs[0], theirs[2].split(": ", 1)[1]))
        self.assertIn("can't find '__main__' module in '" + os.path.realpath(folder), err)


class Errors(unittest.TestCase):
    def same_file(self, source, mode="w"):
        with tempfile.NamedTemporaryFile(mode, suffix=".py", delete=False) as f:
            f.write(source)
        mine = run(GILVM, f.name)
        theirs = run(sys.executable, f.name)
        self.assertEqual(mine[:2], theirs[:2])
        return mine, theirs

    def test_indentation_errors_keep_their_message(self):
        mine, theirs = self.same_file("if 1:\n")
        self.assertIn("IndentationError: expected an indented block after 'if' statement on line 1", mine[2])
        mine, theirs = self.same_file("def f():\n    if 1:\n")
        self.assertEqual(mine[2].splitlines()[-1], theirs[2].splitlines()[-1])
        mine, theirs = self.same_file("if 1:\n\tx = 1\n        y = 2\n")
        self.assertEqual(mine[2].splitlines()[-1], "TabError: inconsistent use of tabs and spaces in indentation")

    def test_recursion_is_collapsed(self):
        mine, theirs = self.same_file("def f(): f()\nf()\n")
        self.assertEqual(mine[2], theirs[2])
        self.assertIn("more times]", mine[2])
        mine, theirs = self.same_file("def g(n):\n    if n: return g(n - 1)\n    1/0\ng(5)\n")
        self.assertEqual(mine[2], theirs[2])

    def test_latin1_and_nul_bytes(self):
        mine, theirs = self.same_file(b"# -*- coding: latin-1 -*-\nprint(len('\xe9'), ord('\xe9'))\n", "wb")
        self.assertEqual(mine, (0, "1 233\n", ""))
        mine, theirs = self.same_file(b"x = 1\ny = 2\x00\n", "wb")
        self.assertEqual(mine[2], theirs[2])
        self.assertIn("SyntaxError: source code cannot contain null bytes", mine[2])

    def test_frozen_frames_show_their_lines(self):
        rc, out, err = run(GILVM, "-c", "import timeit; timeit.Timer(1, 2)")
        self.assertIn('raise ValueError("setup is neither a string nor callable")', err)

    def test_broken_pipe(self):
        code = "for i in range(10**6): print(i)"
        mine = subprocess.run("'%s' -c '%s' | head -1" % (GILVM, code), shell=True, capture_output=True, text=True)
        theirs = subprocess.run("'%s' -c '%s' | head -1" % (sys.executable, code), shell=True, capture_output=True,
                                text=True)
        self.assertEqual((mine.stdout, mine.stderr), (theirs.stdout, theirs.stderr))

    def test_stdin_script_and_dash(self):
        src = "import sys\nprint(sys.argv)\nraise SystemExit(3)\n"
        self.assertEqual(run(GILVM, stdin=src), run(sys.executable, stdin=src))
        self.assertEqual(run(GILVM, "-", "x", stdin=src), run(sys.executable, "-", "x", stdin=src))


if __name__ == "__main__":
    GILVM = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
