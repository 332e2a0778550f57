# The asyncio REPL's event loop (gilvm -m asyncio). The prompt itself is the
# C++ REPL (repl/repl.cpp, reached through the native `_interactive`): it
# compiles each statement with top-level await allowed, makes it a
# coroutine, and calls run_statement, which runs it as a task of one event
# loop kept for the whole session and returns what it raised, if anything.
import sys

import asyncio
import _interactive


def main():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    def run_statement(coroutine):
        task = loop.create_task(coroutine)
        try:
            loop.run_until_complete(task)
        except KeyboardInterrupt as interrupt:
            # Ctrl-C while the loop waited: the statement is cancelled.
            if not task.done():
                task.cancel()
                try:
                    loop.run_until_complete(task)
                except BaseException:
                    pass
            if task.done() and not task.cancelled():
                task.exception()
            return interrupt
        except BaseException as raised:
            if task.done() and not task.cancelled():
                task.exception()  # retrieved: no "never retrieved" report later
            return raised
        return None

    banner = (
        "asyncio REPL %s on %s\n" % (sys.version, sys.platform)
        + 'Use "await" directly instead of "asyncio.run()".\n'
        + 'Type "help", "copyright", "credits" or "license" for more information.\n'
        + "%simport asyncio" % getattr(sys, "ps1", ">>> ")
    )
    try:
        status = _interactive.interact(run_statement, banner)
    finally:
        loop.close()
    if status is None:
        sys.stderr.write("exiting asyncio REPL...\n")
    elif status:
        raise SystemExit(status)
