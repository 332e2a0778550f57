"""The command line of zipfile (`python -m zipfile -l/-t/-e/-c`), kept
apart from the archive code: its options and usage errors are those of
CPython 3.11's argparse parser for that module."""
import os
import sys

from zipfile import ZIP_DEFLATED, ZipFile

_USAGE = """usage: zipfile.py [-h]
                  (-l <zipfile> | -e <zipfile> <output_dir> | -c <name> [<file> ...] | -t <zipfile>)
                  [--metadata-encoding <encoding>]"""

_COMMANDS = {'-l': ('--list', 1), '-e': ('--extract', 2), '-c': ('--create', -1), '-t': ('--test', 1)}


def _usage_error(message):
    print(_USAGE + "\nzipfile.py: error: " + message, file=sys.stderr)
    sys.exit(2)


def _parse_command_line(args):
    """(command letter, its operands, metadata encoding), parsed as
    CPython's argparse parser for this module does."""
    command = None
    operands = []
    encoding = None
    unknown = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == '--metadata-encoding' or arg.startswith('--metadata-encoding='):
            if '=' in arg:
                encoding = arg.split('=', 1)[1]
            elif i + 1 < len(args):
                i += 1
                encoding = args[i]
            else:
                _usage_error("argument --metadata-encoding: expected one argument")
        elif arg in ('-h', '--help'):
            print(_USAGE)
            sys.exit(0)
        else:
            letter = next((k for k, (long, _) in _COMMANDS.items() if arg in (k, long)), None)
            if letter is None:
                unknown.append(arg)
                i += 1
                continue
            if command is not None:
                _usage_error("argument %s/%s: not allowed with argument %s/%s"
                             % (letter, _COMMANDS[letter][0], command, _COMMANDS[command][0]))
            command = letter
            wanted = _COMMANDS[letter][1]
            while i + 1 < len(args) and not args[i + 1].startswith('-') and (wanted < 0 or len(operands) < wanted):
                i += 1
                operands.append(args[i])
            if wanted < 0 and not operands:
                _usage_error("argument %s/%s: expected at least one argument" % (letter, _COMMANDS[letter][0]))
            if wanted > 0 and len(operands) != wanted:
                _usage_error("argument %s/%s: expected %s" % (letter, _COMMANDS[letter][0],
                             "one argument" if wanted == 1 else "%d arguments" % wanted))
        i += 1
    if command is None:
        _usage_error("one of the arguments -l/--list -e/--extract -c/--create -t/--test is required")
    if unknown:
        _usage_error("unrecognized arguments: " + " ".join(unknown))
    if encoding and command == '-c':
        sys.exit("Non-conforming encodings not supported with -c.")
    return command, operands, encoding


def main(args=None):
    """Runs the command line args (default: sys.argv[1:])."""
    command, operands, encoding = _parse_command_line(sys.argv[1:] if args is None else args)
    if command == '-t':
        with ZipFile(operands[0], 'r', metadata_encoding=encoding) as zf:
            badfile = zf.testzip()
        if badfile:
            print("The following enclosed file is corrupted: {!r}".format(badfile))
        print("Done testing")
    elif command == '-l':
        with ZipFile(operands[0], 'r', metadata_encoding=encoding) as zf:
            zf.printdir()
    elif command == '-e':
        with ZipFile(operands[0], 'r', metadata_encoding=encoding) as zf:
            zf.extractall(operands[1])
    else:
        zip_name, files = operands[0], operands[1:]

        def add_to_zip(zf, path, zippath):
            if os.path.isfile(path):
                zf.write(path, zippath, ZIP_DEFLATED)
            elif os.path.isdir(path):
                if zippath:
                    zf.write(path, zippath)
                for nm in sorted(os.listdir(path)):
                    add_to_zip(zf, os.path.join(path, nm), os.path.join(zippath, nm))

        with ZipFile(zip_name, 'w') as zf:
            for path in files:
                zippath = os.path.basename(path)
                if not zippath:
                    zippath = os.path.basename(os.path.dirname(path))
                if zippath in ('', os.curdir, os.pardir):
                    zippath = ''
                add_to_zip(zf, path, zippath)
