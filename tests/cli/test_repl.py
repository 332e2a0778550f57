"""The interactive REPL driven through a pseudo-terminal, compared with
python3's own REPL fed the same keystrokes. Run as
`python3 test_repl.py PATH_TO_GILVM`.

Each step writes its keys at once (as a paste) and then waits until the
program shows a prompt again, so no step depends on timing. Pasted lines
get no auto-indent in gilvm, which is what lets python3's transcript serve
as the expectation."""
import os
import pty
import select
import signal
import subprocess
import sys
import tempfile
import time
import unittest

GILVM = None
PROMPTS_STRIPPED = (b">>>", b"...", b"py>")


class Session:
    def __init__(self, argv, env=None):
        self.home = tempfile.mkdtemp()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            e = dict(os.environ)
            e["TERM"] = "dumb"
            e["HOME"] = self.home
            e.pop("PYTHONSTARTUP", None)
            e.update(env or {})
            os.execvpe(argv[0], argv, e)
        self.out = b""
        self.alive = True
        self.wait_prompt()

    def read_some(self, seconds):
        r, _, _ = select.select([self.fd], [], [], seconds)
        if not r:
            return False
        try:
            data = os.read(self.fd, 4096)
        except OSError:
            data = b""
        if not data:
            self.alive = False
            return False
        self.out += data
        return True

    def wait_prompt(self):
        # Until a prompt is the last thing shown and nothing more comes.
        deadline = time.monotonic() + 60
        while self.alive and time.monotonic() < deadline:
            # (A `...` prompt may be followed by gilvm's auto-indent.)
            if not self.read_some(0.2) and self.out.rstrip(b" ").endswith(PROMPTS_STRIPPED):
                return

    def wait_for(self, text):
        deadline = time.monotonic() + 60
        while self.alive and text not in self.out and time.monotonic() < deadline:
            self.read_some(0.2)

    def send(self, keys):
        # ("keys", b"text"): the keys start something that shows no prompt
        # (a sleep, input()); wait only until `text` has been shown.
        if isinstance(keys, tuple):
            mark = len(self.out)
            os.write(self.fd, keys[0].encode())
            while self.alive and keys[1] not in self.out[mark:]:
                self.wait_for(keys[1])
            return
        if keys == "SIGINT":
            os.kill(self.pid, signal.SIGINT)
        else:
            os.write(self.fd, keys.encode())
        self.wait_prompt()

    def finish(self):
        deadline = time.monotonic() + 60
        while self.alive and time.monotonic() < deadline:
            self.read_some(0.2)
        if self.alive:
            os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        return status

    def transcript(self):
        text = self.out.decode(errors="replace").replace("\r", "")
        return "\n".join(line.rstrip() for line in text.split("\n"))


def transcript(argv, steps, end=True):
    s = Session(argv)
    for step in steps:
        s.send(step)
    if end:
        s.send("\x04")
    s.finish()
    return s.transcript()


def both(steps):
    return transcript([GILVM, "-q"], steps), transcript([sys.executable, "-q"], steps)


class Statements(unittest.TestCase):
    def test_nested_blocks_blank_lines_decorators(self):
        mine, theirs = both([
            "def f():\n    if 1:\n        return 3\n\n", "f()\n", "# comment\n", "\n", "   \n",
            "@staticmethod\ndef g(): pass\n\n", "def h(): ...\n\n", "h()\n",
            "for i in range(2): print(i)\n\n", "class A:\n    def m(self):\n        return 5\n\n", "A().m()\n",
            "x = (1,\n2)\n", "x\n", "s = '''a\n\nb'''\n", "s\n",
            "match [1, 2]:\n    case [a, b]:\n        print(a + b)\n\n", "match = 7\n", "match\n"])
        self.assertEqual(mine, theirs)
        self.assertIn("\n3\n", mine)

    def test_errors_leave_the_session_alive(self):
        mine, theirs = both([
            "1/0\n", "1 +\n", "if 1:\n  pass\nprint(1)\n", "if 1:\n\n", "def f(:\n",
            "print('still here')\n"])
        self.assertEqual(mine, theirs)
        self.assertIn("still here", mine)

    def test_ctrl_d_at_continuation_runs_the_block(self):
        mine, theirs = both(["if 1:\n    y = 41\n", "\x04", "y + 1\n"])
        self.assertEqual(mine, theirs)
        self.assertIn("42", mine)


class Interrupts(unittest.TestCase):
    maxDiff = None

    def test_ctrl_c_cancels_the_line_and_never_fires_later(self):
        # (A first statement, so that python3 is wholly started before its
        # first Ctrl-C: at its very first prompt it can lose sys.stderr.)
        steps = ["pass\n", ("abc", b"abc"), "SIGINT", "if 1:\n", "SIGINT", "import threading\n", "threading.Thread.__name__\n",
                 "import time\n", ("print('zz'.upper()); time.sleep(30)\n", b"ZZ\r\n"), "SIGINT",
                 ("input('?' + '> ')\n", b"?> "), "SIGINT",
                 "import sys\n", "'threading' in sys.modules\n"]
        # On a loaded machine (a sanitizer run beside builds) either REPL
        # can be slow enough to see a Ctrl-C late; one more try then.
        for _ in range(2):
            mine, theirs = both(steps)
            if mine == theirs:
                break
        self.assertEqual(mine, theirs)
        self.assertEqual(mine.count("KeyboardInterrupt"), 4)
        self.assertIn("'Thread'", mine)


class Session_(unittest.TestCase):
    def test_exit_joins_non_daemon_threads(self):
        out = transcript([GILVM, "-q"], [
            "import threading, time\n",
            "t = threading.Thread(target=lambda: (time.sleep(0.5), print('thread done')))\n", "t.start()\n"])
        self.assertIn("thread done", out)

    def test_history_is_kept_across_sessions(self):
        s = Session([GILVM, "-q"])
        s.send("value = 12345\n")
        s.send("\x04")
        s.finish()
        with open(os.path.join(s.home, ".gilvm_history")) as f:
            self.assertIn("value = 12345", f.read())

    def test_tab_completes_attributes_and_indents(self):
        out = transcript([GILVM, "-q"], ["import threading\n", "threading.current_th\t)\n", "\tx = 1\n"])
        self.assertIn("threading.current_thread()", out)
        self.assertIn("<_MainThread(MainThread", out)
        self.assertIn("IndentationError: unexpected indent", out)

    def test_auto_indent_after_a_colon(self):
        out = transcript([GILVM, "-q"], ["if True:\n", "z = 7\n", "\n", "z\n"])
        self.assertIn("...     z = 7", out)
        self.assertIn("\n7\n", out)

    def test_bracketed_paste_of_a_nested_block(self):
        s = Session([GILVM, "-q"], env={"TERM": "xterm"})
        # The paste stays in the line being edited until Enter.
        s.send(("\x1b[200~def f():\n    if 1:\n        return 3\n\x1b[201~", b"return 3"))
        s.send("\n")
        s.send("\n")
        s.send("f() + 1\n")
        s.send("\x04")
        s.finish()
        self.assertIn(b"4\r\n", s.out.split(b"f() + 1")[-1])

    def test_interactive_flag_only_with_dash_i(self):
        code = "import sys; sys.flags.interactive, sys.flags.inspect\n"
        self.assertIn("(0, 0)", transcript([GILVM, "-q"], [code]))
        self.assertIn("(1, 1)", transcript([GILVM, "-qi", "-c", "pass"], [code]))

    def test_prompts_banner_and_helpers(self):
        out = transcript([GILVM], ["import sys; sys.ps1 = 'py> '\n", "copyright.__class__.__name__\n",
                                   "callable(help), callable(credits), callable(license)\n"])
        self.assertRegex(out, r"gilvm .*switch interval 5 ms")
        self.assertIn("py> ", out)
        self.assertIn("(True, True, True)", out)

    def test_dash_i_prints_no_banner(self):
        out = transcript([GILVM, "-i", "-c", "a = 5"], ["a\n"])
        self.assertNotIn("gilvm 0.1", out)
        self.assertIn("\n5\n", out)

    def test_startup_file(self):
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
            f.write("started = 'yes'\n")
        s = Session([GILVM, "-q"], env={"PYTHONSTARTUP": f.name})
        s.send("started\n")
        s.send("\x04")
        s.finish()
        self.assertIn("'yes'", s.transcript())


class AsyncioRepl(unittest.TestCase):
    """`gilvm -m asyncio`: top-level await, statements run as tasks of one
    loop in the main thread, CPython's banner and exit message."""
    maxDiff = None

    def test_piped_session_matches_python3(self):
        source = "".join([
            "x = await asyncio.sleep(0, 5)\n", "x\n",
            "import threading; threading.current_thread().name\n",
            "asyncio.get_running_loop().is_running()\n",
            "1/0\n",
            "async def f():\n    return 3\n\n", "await f()\n",
            "[i async for i in (lambda: (await asyncio.sleep(0, j) for j in range(3)))()]\n",
            "async def g():\n    raise ValueError('deep')\n\n", "await g()\n",
            "t = asyncio.ensure_future(asyncio.sleep(0, 'task'))\n", "await t\n",
            "sorted(k for k in globals() if not k.startswith('__'))\n",
        ])
        # Ended by the end of input, then by exit(3), which skips the
        # "exiting" message.
        for ending, status in [("", 0), ("exit(3)\n", 3)]:
            runs = [subprocess.run([interpreter, "-m", "asyncio"], input=source + ending, capture_output=True,
                                   text=True, timeout=60) for interpreter in (GILVM, sys.executable)]
            mine, theirs = runs
            self.assertEqual((mine.returncode, mine.stdout), (theirs.returncode, theirs.stdout))
            self.assertEqual(mine.returncode, status)
            for run in runs:
                self.assertEqual("exiting asyncio REPL..." in run.stderr.splitlines(), status == 0, run.stderr)
        self.assertIn("'MainThread'", mine.stdout)
        for run in runs:
            lines = run.stderr.splitlines()
            self.assertTrue(lines[0].startswith("asyncio REPL 3.11"), run.stderr)
            self.assertEqual(lines[1:4], ['Use "await" directly instead of "asyncio.run()".',
                                          'Type "help", "copyright", "credits" or "license" for more information.',
                                          ">>> import asyncio"])
            for error in ["ZeroDivisionError: division by zero", "ValueError: deep"]:
                self.assertIn(error, lines)
        # The statement's own frames, and none of the loop's before them.
        start = mine.stderr.index("Traceback")
        self.assertEqual(mine.stderr[start:].splitlines()[:3], [
            "Traceback (most recent call last):", '  File "<console>", line 1, in <module>',
            "ZeroDivisionError: division by zero"])

    def test_ctrl_c_cancels_the_awaiting_statement(self):
        s = Session([GILVM, "-m", "asyncio"])
        for step in ["pass\n", ("print('zz'.upper()); await asyncio.sleep(30)\n", b"ZZ\r\n"), "SIGINT",
                     "await asyncio.sleep(0, 'after')\n", "len(asyncio.all_tasks())\n"]:
            s.send(step)
        s.send("\x04")
        status = s.finish()
        out = s.transcript()
        self.assertIn("KeyboardInterrupt", out)
        self.assertIn("'after'", out)
        self.assertIn("\n1\n", out)  # only the statement's own task
        self.assertTrue(os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, out)


class NotATerminal(unittest.TestCase):
    def test_stdin_runs_as_a_script(self):
        source = "x = 1\nif x:\n    print('one')\nprint('two')\nraise ValueError('bad')\n"
        mine = subprocess.run([GILVM], input=source, capture_output=True, text=True, timeout=60)
        theirs = subprocess.run([sys.executable], input=source, capture_output=True, text=True, timeout=60)
        self.assertEqual((mine.returncode, mine.stdout, mine.stderr),
                         (theirs.returncode, theirs.stdout, theirs.stderr))
        self.assertEqual(mine.returncode, 1)


if __name__ == "__main__":
    GILVM = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
