"""`-m json.tool` as python3's: input from a file or stdin, output to a file
or stdout, the formatting options, JSON errors (exit 1) and argparse-style
usage errors (exit 2). python3's output is the expectation throughout.
Run as `python3 test_json_tool.py GILVM`."""
import os
import subprocess
import sys
import tempfile
import unittest

GILVM = None


def run(interpreter, *args, stdin=b"", cwd=None, columns=80):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["COLUMNS"] = str(columns)  # argparse's help layout follows the width
    r = subprocess.run([interpreter, "-m", "json.tool", *args], input=stdin, capture_output=True, env=env,
                       cwd=cwd, timeout=60)
    return r.returncode, r.stdout, r.stderr


class JsonTool(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp()
        self.write("in.json", '{"b": 1, "a": [1, 2.5, "\\u00e9x", {"z": null, "y": true}], "c": {}}'.encode())
        self.write("lines.json", b'{"a": 1}\n[2, 3]\n"x\xc3\xa9"\n')
        self.write("bad.json", b"[1,\n 2")
        self.write("badline.json", b'{"a": 1}\n\n[3]\n')
        self.write("latin1.json", b'["\xff"]')

    def write(self, name, data):
        with open(os.path.join(self.folder, name), "wb") as f:
            f.write(data)

    def same(self, *args, stdin=b"", columns=80):
        mine = run(GILVM, *args, stdin=stdin, cwd=self.folder, columns=columns)
        theirs = run(sys.executable, *args, stdin=stdin, cwd=self.folder, columns=columns)
        self.assertEqual(mine, theirs, args)
        return mine

    def test_formatting_options(self):
        for options in ([], ["--sort-keys"], ["--no-ensure-ascii"], ["--tab"], ["--no-indent"], ["--compact"],
                        ["--indent", "0"], ["--indent=1", "--sort-keys"], ["--indent", "-1"],
                        ["--indent", " 2"], ["--sort", "--no-e"], ["--indent", "4", "--tab"],
                        ["--tab", "--tab"], ["--tab", "--indent", "4"]):
            rc, out, err = self.same(*options, "in.json")
            self.assertEqual((rc, err), (0, b""))

    def test_stdin_and_outfile(self):
        with open(os.path.join(self.folder, "in.json"), "rb") as f:
            data = f.read()
        self.assertEqual(self.same(stdin=data)[0], 0)
        self.assertEqual(self.same("-", stdin=data)[0], 0)
        self.assertEqual(self.same("--", "in.json")[0], 0)
        results = []
        for interpreter in (GILVM, sys.executable):
            target = os.path.join(self.folder, "out.json")
            results.append(run(interpreter, "--sort-keys", "in.json", target, cwd=self.folder))
            with open(target, "rb") as f:
                results.append(f.read())
            os.remove(target)
        self.assertEqual(results[0], (0, b"", b""))
        self.assertEqual(results[:2], results[2:])

    def test_json_lines(self):
        self.assertEqual(self.same("--json-lines", "lines.json")[0], 0)
        self.assertEqual(self.same("--json-lines", "--compact", "lines.json")[0], 0)
        self.assertEqual(self.same("--json-lines", "--no-indent", "--no-ensure-ascii", "lines.json")[0], 0)
        # Objects before the bad line are written, then the error.
        rc, out, err = self.same("--json-lines", "badline.json")
        self.assertEqual((rc, err), (1, b"Expecting value: line 2 column 1 (char 1)\n"))
        self.assertTrue(out.startswith(b"{"))

    def test_invalid_json(self):
        self.assertEqual(self.same(stdin=b""), (1, b"", b"Expecting value: line 1 column 1 (char 0)\n"))
        self.same("bad.json")
        self.same("lines.json")
        self.same(stdin=b'{"a" 1}')
        self.same(stdin=b"[1, 2] x")
        self.same(stdin=b'{1: 2}')
        self.same("latin1.json")

    def test_usage_errors(self):
        cases = (["--foo"], ["--foo=bar", "in.json"], ["-x", "in.json"], ["in.json", "out2.json", "--foo", "x"],
                 ["in.json", "--sort-keys", "out3.json"], ["--no", "in.json"], ["--no=3"],
                 ["--sort-keys=1"], ["--json-lines="], ["-hx"], ["--indent"], ["--indent", "--tab"],
                 ["--indent", "x"], ["--indent="], ["--indent", "5", "--tab"], ["--compact", "--no-indent"],
                 ["--tab", "--compact"], ["nofile"], ["a", "b", "c"])
        for args in cases:
            rc, out, err = self.same(*args)
            self.assertEqual(rc, 2, args)
            self.assertTrue(err.startswith(b"usage: python -m json.tool [-h]"), err)
        self.assertFalse(os.path.exists(os.path.join(self.folder, "out3.json")))

    def test_help(self):
        for args in (["-h"], ["--help"], ["--h"], ["--foo", "-h"], ["-h", "--foo"]):
            rc, out, err = self.same(*args)
            self.assertEqual((rc, err), (0, b""))
            self.assertIn(b"--json-lines       parse input", out)

    def test_layout_follows_columns(self):
        # The help and usage are wrapped to the terminal's width, as
        # argparse does it.
        for columns in (40, 60, 120):
            rc, out, err = self.same("--help", columns=columns)
            self.assertEqual((rc, err), (0, b""))
            rc, out, err = self.same("--bogus", columns=columns)
            self.assertEqual(rc, 2)


if __name__ == "__main__":
    GILVM = sys.argv.pop(1)
    unittest.main()
