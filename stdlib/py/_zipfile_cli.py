"""The command line of zipfile (`python -m zipfile -l/-t/-e/-c`), kept
apart from the archive code: its options, help and usage errors are those
of CPython 3.11's argparse parser for that module."""
import argparse
import os
import sys

from zipfile import ZIP_DEFLATED, ZipFile

def _build_parser():
    """CPython 3.11's parser for this command line, so that its help and
    usage errors are python3's."""
    parser = argparse.ArgumentParser(description='A simple command-line interface for zipfile module.')
    command = parser.add_mutually_exclusive_group(required=True)
    command.add_argument('-l', '--list', metavar='<zipfile>', help='Show listing of a zipfile')
    command.add_argument('-e', '--extract', nargs=2, metavar=('<zipfile>', '<output_dir>'),
                         help='Extract zipfile into target dir')
    command.add_argument('-c', '--create', nargs='+', metavar=('<name>', '<file>'),
                         help='Create zipfile from sources')
    command.add_argument('-t', '--test', metavar='<zipfile>', help='Test if a zipfile is valid')
    parser.add_argument('--metadata-encoding', metavar='<encoding>',
                        help='Specify encoding of member names for -l, -e and -t')
    return parser


def _parse_command_line(args):
    """(command letter, its operands, metadata encoding)."""
    options = _build_parser().parse_args(args)
    encoding = options.metadata_encoding
    if options.test is not None:
        return '-t', [options.test], encoding
    if options.list is not None:
        return '-l', [options.list], encoding
    if options.extract is not None:
        return '-e', options.extract, encoding
    if encoding:
        sys.exit("Non-conforming encodings not supported with -c.")
    return '-c', options.create, encoding


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
