"""The GIL's command-line switches and the gil module (gilvm-only, so not
differential): run as `python3 test_gil_cli.py PATH_TO_GILVM`."""
import os
import re
import subprocess
import sys
import unittest

GILVM = None

TWO_COUNTERS = """
import threading
N = 3_000_000  # tens of milliseconds: many switch intervals, whatever the scheduler does
def count(n):
    while n > 0:
        n -= 1
workers = [threading.Thread(target=count, args=(N,), name=f"counter-{i}") for i in range(2)]
for w in workers: w.start()
for w in workers: w.join()
print("done")
"""


def run(*args, stdin=None):
    return subprocess.run([GILVM, *args], input=stdin, capture_output=True, text=True, timeout=60)


class SwitchIntervalOption(unittest.TestCase):
    def test_sets_the_interval_scripts_see(self):
        r = run("--switch-interval", "0.001", "-c", "import sys; print(sys.getswitchinterval())")
        self.assertEqual((r.returncode, r.stdout), (0, "0.001\n"))

    def test_equals_form_and_truncation_to_microseconds(self):
        r = run("--switch-interval=0.0000015", "-c", "import sys; print(sys.getswitchinterval())")
        self.assertEqual(r.stdout, "1e-06\n")

    def test_default_is_five_milliseconds(self):
        self.assertEqual(run("-c", "import sys; print(sys.getswitchinterval())").stdout, "0.005\n")

    def test_bad_values_are_usage_errors(self):
        for value in ("abc", "0", "-1", "", "nan"):
            r = run("--switch-interval", value, "-c", "print('ran')")
            self.assertEqual(r.returncode, 2, value)
            self.assertEqual(r.stdout, "", value)
            self.assertIn("--switch-interval", r.stderr, value)

    def test_missing_value(self):
        r = run("--switch-interval")
        self.assertEqual(r.returncode, 2)
        self.assertIn("Argument expected for the --switch-interval option", r.stderr)


class GilStatsOption(unittest.TestCase):
    def table(self, *extra):
        r = run("--gil-stats", *extra, "-c", TWO_COUNTERS)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "done\n")
        return r.stderr

    def rows(self, table):
        found = {}
        for line in table.splitlines():
            m = re.match(r"\s+(\S.*?)\s+(\d+)\s+(\d+)\s+(\d+\.\d+)$", line)
            if m:
                found[m.group(1)] = (int(m.group(2)), int(m.group(3)), float(m.group(4)))
        return found

    def test_a_row_per_thread_by_name_and_a_total(self):
        table = self.table()
        self.assertTrue(table.startswith("GIL statistics (switch interval 0.005 s"), table)
        rows = self.rows(table)
        self.assertEqual(set(rows), {"MainThread", "counter-0", "counter-1", "total"}, table)
        for name in ("counter-0", "counter-1"):
            self.assertGreaterEqual(rows[name][0], 1)
        self.assertEqual(rows["total"][0], sum(v[0] for k, v in rows.items() if k != "total"))
        self.assertRegex(table, r"switches \d+, drop requests \d+, forced drops \d+")

    def test_a_short_interval_forces_more_switches(self):
        rows = self.rows(self.table("--switch-interval", "0.0001"))
        self.assertGreaterEqual(rows["total"][1], 2)

    def test_without_the_option_nothing_is_printed(self):
        r = run("-c", TWO_COUNTERS)
        self.assertEqual((r.stdout, r.stderr), ("done\n", ""))

    def test_printed_after_an_uncaught_exception_too(self):
        r = run("--gil-stats", "-c", "raise ValueError('x')")
        self.assertEqual(r.returncode, 1)
        self.assertIn("ValueError: x", r.stderr)
        self.assertIn("GIL statistics", r.stderr)


class GilModule(unittest.TestCase):
    def test_counters_grow_and_threads_are_listed(self):
        script = TWO_COUNTERS + """
import gil
before = gil.stats()
print(sorted(before))
t = threading.Thread(target=count, args=(1000,), name="late")
t.start(); t.join()
after = gil.stats()
print(after["acquisitions"] > before["acquisitions"], after["switches"] > before["switches"])
rows = gil.thread_stats()
print([r["name"] for r in rows])
print(sorted(rows[0]))
print(all(r["finished"] for r in rows[1:]), rows[0]["finished"])
print(gil.report().splitlines()[0].startswith("GIL statistics"))
"""
        r = run("-c", script)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.splitlines(), [
            "done",
            "['acquisitions', 'drop_requests', 'forced_drops', 'switches']",
            "True True",
            "['MainThread', 'counter-0', 'counter-1', 'late']",
            "['acquisitions', 'finished', 'forced_drops', 'name', 'threads', 'wait_seconds']",
            "True False",
            "True",
        ])

    def test_renaming_a_running_thread_renames_its_row_and_os_thread(self):
        script = """
import threading, gil, os
def work():
    threading.current_thread().name = "renamed-worker-with-a-long-name"
    with open(f"/proc/self/task/{threading.get_native_id()}/comm") as f:
        print(repr(f.read().strip()))
t = threading.Thread(target=work)
t.start(); t.join()
print([r["name"] for r in gil.thread_stats()][1])
"""
        r = run("-c", script)
        self.assertEqual(r.stdout, "'renamed-worker-'\nrenamed-worker-with-a-long-name\n", r.stderr)

    def test_bad_arguments(self):
        r = run("-c", "import gil\ntry:\n    gil.stats(1)\nexcept TypeError as e:\n    print(e)")
        self.assertEqual(r.stdout, "stats() takes no arguments (1 given)\n")


if __name__ == "__main__":
    GILVM = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
