"""unittest.main (TestProgram): the command line of a test script and of
`python -m unittest`. gilvm has no argparse, so the options are parsed
here with argparse's behaviour and messages for what unittest declares."""
import os
import sys

from unittest import loader, runner
from unittest.signals import installHandler

__unittest = True

MAIN_EXAMPLES = """\
Examples:
  %(prog)s test_module               - run tests from test_module
  %(prog)s module.TestClass          - run tests from module.TestClass
  %(prog)s module.Class.test_method  - run specified test method
  %(prog)s path/to/test_file.py      - run tests from test_file.py
"""

MODULE_EXAMPLES = """\
Examples:
  %(prog)s                           - run default set of tests
  %(prog)s MyTestSuite               - run suite 'MyTestSuite'
  %(prog)s MyTestCase.testSomething  - run MyTestCase.testSomething
  %(prog)s MyTestCase                - run all 'test*' test methods
                                       in MyTestCase
"""

_MAIN_OPTIONS = """\
options:
  -h, --help           show this help message and exit
  -v, --verbose        Verbose output
  -q, --quiet          Quiet output
  --locals             Show local variables in tracebacks
  -f, --failfast       Stop on first fail or error
  -c, --catch          Catch Ctrl-C and display results so far
  -b, --buffer         Buffer stdout and stderr during tests
  -k TESTNAMEPATTERNS  Only run tests which match the given substring
"""

_MAIN_POSITIONALS = """\
positional arguments:
  tests                a list of any number of test modules, classes and test
                       methods.
"""

_DISCOVERY_OPTIONS = """\
options:
  -h, --help            show this help message and exit
  -v, --verbose         Verbose output
  -q, --quiet           Quiet output
  --locals              Show local variables in tracebacks
  -f, --failfast        Stop on first fail or error
  -c, --catch           Catch Ctrl-C and display results so far
  -b, --buffer          Buffer stdout and stderr during tests
  -k TESTNAMEPATTERNS   Only run tests which match the given substring
  -s START, --start-directory START
                        Directory to start discovery ('.' default)
  -p PATTERN, --pattern PATTERN
                        Pattern to match tests ('test*.py' default)
  -t TOP, --top-level-directory TOP
                        Top level directory of project (defaults to start
                        directory)

For test discovery all test modules must be importable from the top level
directory of the project.
"""


def _convert_name(name):
    # A path to a .py file under the current folder becomes a module name.
    if os.path.isfile(name) and name.lower().endswith('.py'):
        if os.path.isabs(name):
            rel_path = os.path.relpath(name, os.getcwd())
            if os.path.isabs(rel_path) or rel_path.startswith(os.pardir):
                return name
            name = rel_path
        return os.path.normpath(name)[:-3].replace('\\', '.').replace('/', '.')
    return name


def _convert_names(names):
    return [_convert_name(name) for name in names]


def _convert_select_pattern(pattern):
    if '*' not in pattern:
        pattern = '*%s*' % pattern
    return pattern


def _usage_lines(prog, optional_parts, positional_parts):
    # argparse's usage line, wrapped at the terminal's width as it does.
    try:
        width = int(os.environ['COLUMNS'])
    except (KeyError, ValueError):
        width = 80
    text_width = width - 2
    prefix = 'usage: '
    whole = ' '.join([prog] + optional_parts + positional_parts)
    if len(prefix) + len(whole) <= text_width:
        return [prefix + whole]

    def get_lines(parts, indent, first_prefix=None):
        lines = []
        line = []
        line_len = len(first_prefix) - 1 if first_prefix is not None else len(indent) - 1
        for part in parts:
            if line_len + 1 + len(part) > text_width and line:
                lines.append(indent + ' '.join(line))
                line = []
                line_len = len(indent) - 1
            line.append(part)
            line_len += len(part) + 1
        if line:
            lines.append(indent + ' '.join(line))
        if first_prefix is not None:
            lines[0] = lines[0][len(indent):]
        return lines

    if len(prefix) + len(prog) <= 0.75 * text_width:
        indent = ' ' * (len(prefix) + len(prog) + 1)
        lines = get_lines([prog] + optional_parts, indent, prefix)
        lines.extend(get_lines(positional_parts, indent))
    else:
        indent = ' ' * len(prefix)
        lines = get_lines(optional_parts + positional_parts, indent)
        lines = [prog] + lines
    lines[0] = prefix + lines[0]
    return lines


class _UsageError(Exception):
    pass


class TestProgram(object):
    """Runs the tests of a module, or those named on the command line."""
    module = None
    verbosity = 1
    failfast = catchbreak = buffer = progName = warnings = testNamePatterns = None

    def __init__(self, module='__main__', defaultTest=None, argv=None, testRunner=None,
                 testLoader=loader.defaultTestLoader, exit=True, verbosity=1, failfast=None,
                 catchbreak=None, buffer=None, warnings=None, *, tb_locals=False):
        if isinstance(module, str):
            self.module = __import__(module)
            for part in module.split('.')[1:]:
                self.module = getattr(self.module, part)
        else:
            self.module = module
        if argv is None:
            argv = sys.argv
        self.exit = exit
        self.failfast = failfast
        self.catchbreak = catchbreak
        self.verbosity = verbosity
        self.buffer = buffer
        self.tb_locals = tb_locals
        if warnings is None and not sys.warnoptions:
            self.warnings = 'default'
        else:
            self.warnings = warnings
        self.defaultTest = defaultTest
        self.testRunner = testRunner
        self.testLoader = testLoader
        self.progName = os.path.basename(argv[0])
        self.parseArgs(argv)
        self.runTests()

    def usageExit(self, msg=None):
        if msg:
            print(msg)
        self._print_help(discovery=self.module is None and False)
        sys.exit(2)

    # --- the command line --------------------------------------------------

    def _optional_parts(self, discovery):
        parts = ['[-h]', '[-v]', '[-q]', '[--locals]']
        if self.failfast is None or self._failfast_from_args:
            parts.append('[-f]')
        if self.catchbreak is None or self._catchbreak_from_args:
            parts.append('[-c]')
        if self.buffer is None or self._buffer_from_args:
            parts.append('[-b]')
        parts.append('[-k TESTNAMEPATTERNS]')
        if discovery:
            parts += ['[-s START]', '[-p PATTERN]', '[-t TOP]']
        return parts

    def _prog(self, discovery):
        return self.progName + (' discover' if discovery else '')

    def _usage(self, discovery):
        positional = [] if discovery else ['[tests ...]']
        return '\n'.join(_usage_lines(self._prog(discovery), self._optional_parts(discovery), positional)) + '\n'

    def _print_help(self, discovery):
        text = self._usage(discovery) + '\n'
        if discovery:
            text += _DISCOVERY_OPTIONS
        else:
            options = _MAIN_OPTIONS.splitlines(keepends=True)
            hidden = []
            if not self._failfast_from_args:
                hidden.append('  -f, ')
            if not self._catchbreak_from_args:
                hidden.append('  -c, ')
            if not self._buffer_from_args:
                hidden.append('  -b, ')
            options = [line for line in options if not line.startswith(tuple(hidden) or ('\0',))]
            text += _MAIN_POSITIONALS + '\n' + ''.join(options) + '\n'
            examples = MODULE_EXAMPLES if self.module is not None else MAIN_EXAMPLES
            text += examples % {'prog': self.progName} + '\n'
        sys.stdout.write(text)

    def _error(self, discovery, message):
        sys.stderr.write(self._usage(discovery))
        sys.stderr.write('%s: error: %s\n' % (self._prog(discovery), message))
        sys.exit(2)

    def _parse(self, args, discovery):
        """Sets attributes from args as unittest's argparse parsers do."""
        flags = {'-v': 'verbose', '--verbose': 'verbose', '-q': 'quiet', '--quiet': 'quiet',
                 '--locals': 'locals', '-h': 'help', '--help': 'help'}
        if self.failfast is None or self._failfast_from_args:
            flags.update({'-f': 'failfast', '--failfast': 'failfast'})
        if self.catchbreak is None or self._catchbreak_from_args:
            flags.update({'-c': 'catch', '--catch': 'catch'})
        if self.buffer is None or self._buffer_from_args:
            flags.update({'-b': 'buffer', '--buffer': 'buffer'})
        valued = {'-k': 'k'}
        if discovery:
            valued.update({'-s': 'start', '--start-directory': 'start', '-p': 'pattern',
                           '--pattern': 'pattern', '-t': 'top', '--top-level-directory': 'top'})
        metavars = {'k': '-k', 'start': '-s/--start-directory', 'pattern': '-p/--pattern',
                    'top': '-t/--top-level-directory'}
        positionals = []
        unrecognized = []
        only_positionals = False
        i = 0
        while i < len(args):
            arg = args[i]
            i += 1
            if only_positionals or arg == '-' or not arg.startswith('-'):
                positionals.append(arg)
                continue
            if arg == '--':
                only_positionals = True
                continue
            if arg.startswith('--'):
                name, eq, value = arg.partition('=')
                matches = [o for o in list(flags) + list(valued) if o.startswith('--') and o.startswith(name)]
                if name in flags or name in valued:
                    matches = [name]
                if len(matches) > 1:
                    self._error(discovery, 'ambiguous option: %s could match %s' % (name, ', '.join(matches)))
                if not matches:
                    unrecognized.append(arg)
                    continue
                option = matches[0]
                if option in flags:
                    if eq:
                        self._error(discovery, 'argument %s: ignored explicit argument %r' % (
                            self._flag_label(option), value))
                    self._apply_flag(flags[option], discovery)
                else:
                    if not eq:
                        if i >= len(args) or (args[i].startswith('-') and args[i] != '-'):
                            self._error(discovery, 'argument %s: expected one argument' % metavars[valued[option]])
                        value = args[i]
                        i += 1
                    self._apply_value(valued[option], value)
                continue
            # Short options, possibly bundled (-vf) or with a value (-kfoo).
            j = 1
            while j < len(arg):
                option = '-' + arg[j]
                j += 1
                if option in flags:
                    self._apply_flag(flags[option], discovery)
                elif option in valued:
                    value = arg[j:]
                    if value.startswith('='):
                        value = value[1:]
                    if not value:
                        if i >= len(args) or (args[i].startswith('-') and args[i] != '-'):
                            self._error(discovery, 'argument %s: expected one argument' % metavars[valued[option]])
                        value = args[i]
                        i += 1
                    self._apply_value(valued[option], value)
                    break
                else:
                    if j == 2:
                        unrecognized.append(arg)
                    else:
                        self._error(discovery, 'argument %s: ignored explicit argument %r' % (
                            self._flag_label('-' + arg[j - 2]), arg[j - 1:]))
                    break
        if discovery:
            names = ['start', 'pattern', 'top']
            for value in positionals[:3]:
                setattr(self, names.pop(0), value)
            unrecognized += positionals[3:]
        else:
            self.tests = positionals
        if unrecognized:
            self._error(discovery, 'unrecognized arguments: %s' % ' '.join(unrecognized))

    def _flag_label(self, option):
        labels = {'verbose': '-v/--verbose', 'quiet': '-q/--quiet', 'locals': '--locals',
                  'failfast': '-f/--failfast', 'catch': '-c/--catch', 'buffer': '-b/--buffer',
                  'help': '-h/--help'}
        for short, name in (('-v', 'verbose'), ('-q', 'quiet'), ('-f', 'failfast'), ('-c', 'catch'),
                            ('-b', 'buffer'), ('-h', 'help')):
            if option in (short, '--' + name):
                return labels[name]
        return labels.get(option.lstrip('-'), option)

    def _apply_flag(self, name, discovery):
        if name == 'help':
            self._print_help(discovery)
            sys.exit(0)
        elif name == 'verbose':
            self.verbosity = 2
        elif name == 'quiet':
            self.verbosity = 0
        elif name == 'locals':
            self.tb_locals = True
        elif name == 'failfast':
            self.failfast = True
        elif name == 'catch':
            self.catchbreak = True
        elif name == 'buffer':
            self.buffer = True

    def _apply_value(self, name, value):
        if name == 'k':
            if self.testNamePatterns is None:
                self.testNamePatterns = []
            self.testNamePatterns.append(_convert_select_pattern(value))
        else:
            setattr(self, name, value)

    def parseArgs(self, argv):
        # Options the caller fixed (failfast=..., ...) are not offered.
        self._failfast_from_args = self._catchbreak_from_args = self._buffer_from_args = False
        preset = (self.failfast, self.catchbreak, self.buffer)
        self._failfast_from_args = preset[0] is None
        self._catchbreak_from_args = preset[1] is None
        self._buffer_from_args = preset[2] is None
        if self.module is None:
            if len(argv) > 1 and argv[1].lower() == 'discover':
                self._do_discovery(argv[2:])
                return
            self._parse(argv[1:], False)
            if not self.tests:
                self._do_discovery([])
                return
        else:
            self._parse(argv[1:], False)
        if self.tests:
            self.testNames = _convert_names(self.tests)
        elif self.defaultTest is None:
            self.testNames = None
        elif isinstance(self.defaultTest, str):
            self.testNames = (self.defaultTest,)
        else:
            self.testNames = list(self.defaultTest)
        self.createTests()

    def createTests(self, from_discovery=False, Loader=None):
        if self.testNamePatterns:
            self.testLoader.testNamePatterns = self.testNamePatterns
        if from_discovery:
            loader = self.testLoader if Loader is None else Loader()
            self.test = loader.discover(self.start, self.pattern, self.top)
        elif self.testNames is None:
            self.test = self.testLoader.loadTestsFromModule(self.module)
        else:
            self.test = self.testLoader.loadTestsFromNames(self.testNames, self.module)

    def _do_discovery(self, argv, Loader=None):
        self.start = '.'
        self.pattern = 'test*.py'
        self.top = None
        if argv is not None:
            self._parse(argv, True)
        self.createTests(from_discovery=True, Loader=Loader)

    def runTests(self):
        if self.catchbreak:
            installHandler()
        if self.testRunner is None:
            self.testRunner = runner.TextTestRunner
        if isinstance(self.testRunner, type):
            try:
                try:
                    testRunner = self.testRunner(verbosity=self.verbosity, failfast=self.failfast,
                                                 buffer=self.buffer, warnings=self.warnings,
                                                 tb_locals=self.tb_locals)
                except TypeError:
                    testRunner = self.testRunner(verbosity=self.verbosity, failfast=self.failfast,
                                                 buffer=self.buffer, warnings=self.warnings)
            except TypeError:
                testRunner = self.testRunner()
        else:
            testRunner = self.testRunner
        self.result = testRunner.run(self.test)
        if self.exit:
            sys.exit(not self.result.wasSuccessful())


main = TestProgram
