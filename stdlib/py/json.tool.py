"""`python -m json.tool`: validate and pretty-print JSON from a file or stdin.

The command line is CPython 3.11's, defined with argparse so that the help
text, the usage errors (exit 2) and their wording are python3's. Invalid
JSON prints the decoder's message and exits 1.
"""
import argparse
import json
import sys


def _build_parser():
    parser = argparse.ArgumentParser(
        prog='python -m json.tool',
        description='A simple command line interface for json module to validate and pretty-print '
                    'JSON objects.')
    parser.add_argument('infile', nargs='?', type=argparse.FileType(encoding='utf-8'), default=sys.stdin,
                        help='a JSON file to be validated or pretty-printed')
    # Only opened once the input has parsed, so a bad input leaves no file.
    parser.add_argument('outfile', nargs='?', default=None, help='write the output of infile to outfile')
    parser.add_argument('--sort-keys', action='store_true', default=False,
                        help='sort the output of dictionaries alphabetically by key')
    parser.add_argument('--no-ensure-ascii', dest='ensure_ascii', action='store_false',
                        help='disable escaping of non-ASCII characters')
    parser.add_argument('--json-lines', action='store_true', default=False,
                        help='parse input using the JSON Lines format. Use with --no-indent or --compact '
                             'to produce valid JSON Lines output.')
    # The layout options share the `indent` destination and exclude each
    # other (an explicit `--indent 4` is the default and so excludes nothing).
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument('--indent', default=4, type=int,
                        help='separate items with newlines and use this number of spaces for indentation')
    layout.add_argument('--tab', action='store_const', dest='indent', const='\t',
                        help='separate items with newlines and use tabs for indentation')
    layout.add_argument('--no-indent', action='store_const', dest='indent', const=None,
                        help='separate items with spaces rather than newlines')
    layout.add_argument('--compact', action='store_true',
                        help='suppress all whitespace separation (most compact)')
    return parser


def main():
    options = _build_parser().parse_args()
    dump_args = {'sort_keys': options.sort_keys, 'indent': options.indent,
                 'ensure_ascii': options.ensure_ascii}
    if options.compact:
        dump_args['indent'] = None
        dump_args['separators'] = ',', ':'
    with options.infile as infile:
        try:
            if options.json_lines:
                objs = (json.loads(line) for line in infile)
            else:
                objs = (json.load(infile),)
            if options.outfile is None:
                out = sys.stdout
            else:
                out = open(options.outfile, 'w', encoding='utf-8')
            with out as outfile:
                for obj in objs:
                    json.dump(obj, outfile, **dump_args)
                    outfile.write('\n')
        except ValueError as e:
            raise SystemExit(e)


if __name__ == '__main__':
    try:
        main()
    except BrokenPipeError as exc:
        sys.exit(exc.errno)
