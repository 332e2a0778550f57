"""unittest: CPython 3.11's testing framework (TestCase, suites, loaders,
the text runner, unittest.main and unittest.mock). A package of frozen
submodules; see docs/language.md for what differs."""
__path__ = []

__all__ = ['TestResult', 'TestCase', 'IsolatedAsyncioTestCase', 'TestSuite',
           'TextTestRunner', 'TestLoader', 'FunctionTestCase', 'main',
           'defaultTestLoader', 'SkipTest', 'skip', 'skipIf', 'skipUnless',
           'expectedFailure', 'TextTestResult', 'installHandler',
           'registerResult', 'removeResult', 'removeHandler',
           'addModuleCleanup', 'doModuleCleanups', 'enterModuleContext',
           'getTestCaseNames', 'makeSuite', 'findTestCases']

__unittest = True

from unittest.result import TestResult
from unittest.case import (addModuleCleanup, TestCase, FunctionTestCase, SkipTest, skip,
                           skipIf, skipUnless, expectedFailure, doModuleCleanups,
                           enterModuleContext)
from unittest.suite import BaseTestSuite, TestSuite
from unittest.loader import TestLoader, defaultTestLoader, makeSuite, getTestCaseNames, findTestCases
from unittest.main import main
from unittest.runner import TextTestRunner, TextTestResult
from unittest.signals import installHandler, registerResult, removeResult, removeHandler
from unittest import case, suite, loader, runner, result, util, signals

_TextTestResult = TextTestResult


def __getattr__(name):
    # IsolatedAsyncioTestCase loads asyncio, so only when asked for.
    if name == 'IsolatedAsyncioTestCase':
        global IsolatedAsyncioTestCase
        from unittest.async_case import IsolatedAsyncioTestCase
        return IsolatedAsyncioTestCase
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return globals().keys() | {'IsolatedAsyncioTestCase'}
