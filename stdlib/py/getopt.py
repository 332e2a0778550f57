"""Command-line option parsing in the style of C's getopt (CPython 3.11's getopt)."""
import os

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]


class GetoptError(Exception):
    opt = ""
    msg = ""

    def __init__(self, msg, opt=""):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError


def getopt(args, shortopts, longopts=[]):
    """Parse options until the first non-option; returns (options, rest)."""
    opts = []
    longopts = [longopts] if isinstance(longopts, str) else list(longopts)
    while args and args[0].startswith("-") and args[0] != "-":
        if args[0] == "--":
            args = args[1:]
            break
        if args[0].startswith("--"):
            opts, args = _do_longs(opts, args[0][2:], longopts, args[1:])
        else:
            opts, args = _do_shorts(opts, args[0][1:], shortopts, args[1:])
    return opts, args


def gnu_getopt(args, shortopts, longopts=[]):
    """getopt that also takes options after non-option arguments (unless
    shortopts starts with "+" or POSIXLY_CORRECT is set)."""
    opts = []
    prog_args = []
    longopts = [longopts] if isinstance(longopts, str) else list(longopts)
    if shortopts.startswith("+"):
        shortopts = shortopts[1:]
        all_options_first = True
    else:
        all_options_first = bool(os.environ.get("POSIXLY_CORRECT"))
    while args:
        if args[0] == "--":
            prog_args += args[1:]
            break
        if args[0][:2] == "--":
            opts, args = _do_longs(opts, args[0][2:], longopts, args[1:])
        elif args[0][:1] == "-" and args[0] != "-":
            opts, args = _do_shorts(opts, args[0][1:], shortopts, args[1:])
        elif all_options_first:
            prog_args += args
            break
        else:
            prog_args.append(args[0])
            args = args[1:]
    return opts, prog_args


def _do_longs(opts, opt, longopts, args):
    optarg = None
    if "=" in opt:
        opt, optarg = opt.split("=", 1)
    has_arg, opt = _long_has_args(opt, longopts)
    if has_arg:
        if optarg is None:
            if not args:
                raise GetoptError("option --%s requires argument" % opt, opt)
            optarg, args = args[0], args[1:]
    elif optarg is not None:
        raise GetoptError("option --%s must not have an argument" % opt, opt)
    opts.append(("--" + opt, optarg or ""))
    return opts, args


def _long_has_args(opt, longopts):
    candidates = [o for o in longopts if o.startswith(opt)]
    if not candidates:
        raise GetoptError("option --%s not recognized" % opt, opt)
    if opt in candidates:
        return False, opt
    if opt + "=" in candidates:
        return True, opt
    if len(candidates) > 1:
        raise GetoptError("option --%s not a unique prefix" % opt, opt)
    match = candidates[0]
    if match.endswith("="):
        return True, match[:-1]
    return False, match


def _do_shorts(opts, optstring, shortopts, args):
    while optstring != "":
        opt, optstring = optstring[0], optstring[1:]
        if _short_has_arg(opt, shortopts):
            if optstring == "":
                if not args:
                    raise GetoptError("option -%s requires argument" % opt, opt)
                optstring, args = args[0], args[1:]
            optarg, optstring = optstring, ""
        else:
            optarg = ""
        opts.append(("-" + opt, optarg))
    return opts, args


def _short_has_arg(opt, shortopts):
    for i, c in enumerate(shortopts):
        if opt == c != ":":
            return shortopts.startswith(":", i + 1)
    raise GetoptError("option -%s not recognized" % opt, opt)
