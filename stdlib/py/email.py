"""The email package, as far as HTTP needs it: email.message.Message
(case-insensitive, multi-valued headers), email.parser and a few of
email.utils. MIME bodies, policies other than compat32's behaviour and
the generator's header folding are not there."""
__path__ = []


def message_from_string(s, *args, **kws):
    from email.parser import Parser
    return Parser(*args, **kws).parsestr(s)


def message_from_bytes(s, *args, **kws):
    from email.parser import BytesParser
    return BytesParser(*args, **kws).parsebytes(s)
