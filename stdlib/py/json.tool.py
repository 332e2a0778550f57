"""`python -m json.tool`: validate and pretty-print JSON from a file or stdin.

gilvm has no argparse, so the few options are parsed here by hand, in the
order and with the messages CPython 3.11's argparse gives this tool:
options may be abbreviated to an unambiguous prefix, `--opt=value` works,
the first run of plain words fills infile and outfile (later plain words
are "unrecognized arguments"), the indent options exclude each other, and
a usage error prints the usage and `python -m json.tool: error: ...` to
stderr and exits 2. Invalid JSON prints the decoder's message and exits 1.
"""
import json
import re
import sys

_PROG = "python -m json.tool"

_USAGE = """\
usage: python -m json.tool [-h] [--sort-keys] [--no-ensure-ascii]
                           [--json-lines]
                           [--indent INDENT | --tab | --no-indent | --compact]
                           [infile] [outfile]
"""

# As argparse lays it out at its default width of 80 columns.
_HELP = _USAGE + """
A simple command line interface for json module to validate and pretty-print
JSON objects.

positional arguments:
  infile             a JSON file to be validated or pretty-printed
  outfile            write the output of infile to outfile

options:
  -h, --help         show this help message and exit
  --sort-keys        sort the output of dictionaries alphabetically by key
  --no-ensure-ascii  disable escaping of non-ASCII characters
  --json-lines       parse input using the JSON Lines format. Use with --no-
                     indent or --compact to produce valid JSON Lines output.
  --indent INDENT    separate items with newlines and use this number of
                     spaces for indentation
  --tab              separate items with newlines and use tabs for indentation
  --no-indent        separate items with spaces rather than newlines
  --compact          suppress all whitespace separation (most compact)
"""

# Option string -> the name argparse reports it under. Insertion order is
# the order of "could match" in the ambiguity message.
_OPTIONS = {
    "-h": "-h/--help",
    "--help": "-h/--help",
    "--sort-keys": "--sort-keys",
    "--no-ensure-ascii": "--no-ensure-ascii",
    "--json-lines": "--json-lines",
    "--indent": "--indent",
    "--tab": "--tab",
    "--no-indent": "--no-indent",
    "--compact": "--compact",
}
_EXCLUSIVE = ("--indent", "--tab", "--no-indent", "--compact")
_NEGATIVE_NUMBER = re.compile(r"^-\d+$|^-\d*\.\d+$")


class _UsageError(Exception):
    pass


def _fail(message):
    sys.stderr.write(_USAGE)
    sys.stderr.write(_PROG + ": error: " + message + "\n")
    sys.exit(2)


def _classify(word):
    """(option name, explicit value) for an option word, (None, None) for an
    unknown option, or None for a plain word (a positional argument)."""
    if not word or word[0] != "-" or word == "-":
        return None
    if word in _OPTIONS:
        return word, None
    if "=" in word:
        name, value = word.split("=", 1)
        if name in _OPTIONS:
            return name, value
    # Unambiguous prefixes of the long options; a single dash followed by
    # more letters is "-h" with the rest as its (refused) value.
    matches = []
    if word.startswith("--"):
        prefix, value = word.split("=", 1) if "=" in word else (word, None)
        matches = [(o, value) for o in _OPTIONS if o.startswith(prefix)]
    else:
        for o in _OPTIONS:
            if o == word[:2]:
                matches.append((o, word[2:]))
            elif o.startswith(word):
                matches.append((o, None))
    if len(matches) > 1:
        raise _UsageError("ambiguous option: %s could match %s" % (word, ", ".join(o for o, _ in matches)))
    if len(matches) == 1:
        return matches[0]
    if _NEGATIVE_NUMBER.match(word) or " " in word:
        return None
    return None, None


def _parse(words):
    try:
        kinds = []
        after_dashes = False
        for word in words:
            if after_dashes:
                kinds.append(None)
            elif word == "--":
                after_dashes = True
                kinds.append("--")
            else:
                kinds.append(_classify(word))
    except _UsageError as e:
        _fail(str(e))

    options = {"sort_keys": False, "ensure_ascii": True, "json_lines": False, "indent": 4, "compact": False,
               "infile": sys.stdin, "outfile": None}
    extras = []
    seen = []  # exclusive options given a value other than the default
    positionals_done = False
    i = 0
    while i < len(words):
        kind = kinds[i]
        if kind is None or kind == "--":
            # A run of plain words (and "--", which is dropped).
            j = i
            while j < len(words) and (kinds[j] is None or kinds[j] == "--"):
                j += 1
            plain = [w for w, k in zip(words[i:j], kinds[i:j]) if k is None]
            if positionals_done:
                extras.extend(plain)
            else:
                positionals_done = True
                if plain:
                    name = plain.pop(0)
                    if name == "-":
                        options["infile"] = sys.stdin
                    else:
                        try:
                            options["infile"] = open(name, encoding="utf-8")
                        except OSError as e:
                            _fail("argument infile: can't open '%s': %s" % (name, e))
                if plain:
                    options["outfile"] = plain.pop(0)
                extras.extend(plain)
            i = j
            continue
        name, explicit = kind
        i += 1
        if name is None:
            extras.append(words[i - 1])
            continue
        label = _OPTIONS[name]
        if name == "--indent":
            if explicit is not None:
                text = explicit
            elif i < len(words) and kinds[i] is None:
                text = words[i]
                i += 1
            else:
                _fail("argument --indent: expected one argument")
            try:
                value = int(text)
            except (TypeError, ValueError):
                _fail("argument --indent: invalid int value: %r" % text)
            options["indent"] = value
            # argparse counts the option as given only when its value is not
            # the default object itself, which a 4 (a cached int) is.
            if value == 4:
                continue
        elif explicit is not None:
            _fail("argument %s: ignored explicit argument %r" % (label, explicit))
        elif name in ("-h", "--help"):
            sys.stdout.write(_HELP)
            sys.exit(0)
        elif name == "--sort-keys":
            options["sort_keys"] = True
        elif name == "--no-ensure-ascii":
            options["ensure_ascii"] = False
        elif name == "--json-lines":
            options["json_lines"] = True
        elif name == "--tab":
            options["indent"] = "\t"
        elif name == "--no-indent":
            options["indent"] = None
        elif name == "--compact":
            options["compact"] = True
        if name in _EXCLUSIVE:
            for other in seen:
                if other != name:
                    _fail("argument %s: not allowed with argument %s" % (name, other))
            if name not in seen:
                seen.append(name)
    if extras:
        _fail("unrecognized arguments: " + " ".join(extras))
    return options


def main():
    options = _parse(sys.argv[1:])
    dump_args = {"sort_keys": options["sort_keys"], "indent": options["indent"],
                 "ensure_ascii": options["ensure_ascii"]}
    if options["compact"]:
        dump_args["indent"] = None
        dump_args["separators"] = ",", ":"
    with options["infile"] as infile:
        try:
            if options["json_lines"]:
                objs = (json.loads(line) for line in infile)
            else:
                objs = (json.load(infile),)
            if options["outfile"] is None:
                out = sys.stdout
            else:
                out = open(options["outfile"], "w", encoding="utf-8")
            with out as outfile:
                for obj in objs:
                    json.dump(obj, outfile, **dump_args)
                    outfile.write("\n")
        except ValueError as e:
            raise SystemExit(e)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError as exc:
        sys.exit(exc.errno)
