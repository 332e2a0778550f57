# The failure messages of TestCase's assert* methods, with msg= and
# longMessage, and the context-manager and callable forms.
import logging
import unittest
import warnings


class T(unittest.TestCase):
    def runTest(self):
        pass


t = T()


def show(function, *args, **kwargs):
    try:
        function(*args, **kwargs)
    except AssertionError as e:
        print("FAIL:", e)
    except Exception as e:
        print("%s: %s" % (type(e).__name__, e))
    else:
        print("ok")


show(t.assertEqual, 1, 1)
show(t.assertEqual, 1, 2)
show(t.assertEqual, 1, 2, "note")
show(t.assertEqual, "a", "b")
show(t.assertEqual, "a" * 100, "a" * 99 + "b")
show(t.assertEqual, "one\ntwo\n", "one\nTwo\n")
show(t.assertEqual, [1, 2], [1, 2, 3])
show(t.assertEqual, [1, 2, 3], [1, 2])
show(t.assertEqual, (1, "x"), (1, "y"))
show(t.assertEqual, {1: 2}, {1: 3})
show(t.assertEqual, {1, 2}, {2, 3})
show(t.assertEqual, frozenset([1]), frozenset())
show(t.assertEqual, list(range(30)), list(range(29)) + [99])
show(t.assertEqual, [1], (1,))
show(t.assertSequenceEqual, [1, 2], (1, 2))
show(t.assertSequenceEqual, [1, 2], (1, 3))
show(t.assertListEqual, [1], (1,))
show(t.assertTupleEqual, (1,), [1])
show(t.assertEqual, 1.0, 1)
show(t.assertNotEqual, 1, 1)
show(t.assertNotEqual, 1, 1, msg="custom")
show(t.assertTrue, 0)
show(t.assertTrue, [])
show(t.assertFalse, 1)
show(t.assertFalse, "text")
show(t.assertIs, 1, None)
show(t.assertIsNot, None, None)
show(t.assertIsNone, 0)
show(t.assertIsNotNone, None)
show(t.assertIn, 3, [1, 2])
show(t.assertNotIn, 1, [1, 2])
show(t.assertIsInstance, 1, str)
show(t.assertNotIsInstance, 1, int)
show(t.assertGreater, 1, 2)
show(t.assertGreaterEqual, 1, 2)
show(t.assertLess, 2, 1)
show(t.assertLessEqual, 2, 1)
show(t.assertAlmostEqual, 1.0, 1.00000001)
show(t.assertAlmostEqual, 1.0, 1.1)
show(t.assertAlmostEqual, 1.0, 1.1, places=3)
show(t.assertAlmostEqual, 1.0, 1.5, delta=0.1)
show(t.assertAlmostEqual, 1.0, 1.5, places=1, delta=0.1)
show(t.assertNotAlmostEqual, 1.0, 1.00000001)
show(t.assertNotAlmostEqual, 1.0, 1.05, delta=0.1)
show(t.assertCountEqual, [1, 2, 2], [2, 1, 2])
show(t.assertCountEqual, [1, 2, 2], [1, 1, 2])
show(t.assertCountEqual, [[1], [2]], [[2], [2]])
show(t.assertRegex, "hello", "^h.*o$")
show(t.assertRegex, "hello", "^x")
show(t.assertNotRegex, "hello", "l+")
show(t.assertMultiLineEqual, "a\nb\n", "a\nc\n")
show(t.assertMultiLineEqual, 1, "a")
show(t.assertDictEqual, {}, [])
show(t.assertSetEqual, {1}, [1])
show(t.fail)
show(t.fail, "explicit")

t.longMessage = False
show(t.assertEqual, 1, 2, "only the message")
show(t.assertEqual, 1, 2)
t.longMessage = True

# assertRaises and friends
with t.assertRaises(ValueError) as cm:
    int("x")
print(type(cm.exception).__name__, cm.exception, cm.exception.__traceback__)
show(t.assertRaises, ValueError, int, "5")
show(t.assertRaises, (ValueError, TypeError), int, "5")


def no_raise():
    with t.assertRaises(KeyError):
        pass


show(no_raise)


def wrong_type():
    with t.assertRaises(KeyError):
        raise IndexError("other")


show(wrong_type)


def with_msg():
    with t.assertRaises(KeyError, msg="extra"):
        pass


show(with_msg)
show(t.assertRaises, 5)
show(t.assertRaises, ValueError, msg="x", other=1)
show(t.assertRaisesRegex, ValueError, "invalid literal", int, "x")
show(t.assertRaisesRegex, ValueError, "^nothing", int, "x")


def regex_cm():
    with t.assertRaisesRegex(ZeroDivisionError, "by zero"):
        1 / 0


show(regex_cm)


def warns():
    with t.assertWarns(DeprecationWarning) as cm:
        warnings.warn("old stuff", DeprecationWarning)
    print("warned:", cm.warning, type(cm.warning).__name__, cm.lineno)


show(warns)


def warns_missing():
    with t.assertWarns(UserWarning):
        pass


show(warns_missing)
show(t.assertWarnsRegex, UserWarning, "abc", warnings.warn, "xyz")
show(t.assertWarns, UserWarning, lambda: None)


def logs():
    with t.assertLogs("app", level="INFO") as cm:
        logging.getLogger("app").info("hello %s", "there")
        logging.getLogger("app.sub").warning("deeper")
        logging.getLogger("app").debug("not captured")
    print(cm.output, [r.getMessage() for r in cm.records])


show(logs)


def no_logs():
    with t.assertLogs("quiet"):
        pass


show(no_logs)


def no_logs_expected():
    with t.assertNoLogs("chatty"):
        logging.getLogger("chatty").error("oops")


show(no_logs_expected)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    t.assertEquals(1, 1)
    t.failUnless(True)
print([str(w.message) for w in caught])


class Custom(unittest.TestCase):
    failureException = RuntimeError

    def runTest(self):
        pass


show(Custom().assertEqual, 1, 2)


class WithEquality(unittest.TestCase):
    def setUp(self):
        self.addTypeEqualityFunc(complex if False else float, self.close_enough)

    def close_enough(self, a, b, msg=None):
        if abs(a - b) > 0.5:
            raise self.failureException("far apart: %r %r" % (a, b))

    def runTest(self):
        pass


w = WithEquality()
w.setUp()
show(w.assertEqual, 1.0, 1.2)
show(w.assertEqual, 1.0, 2.0)
