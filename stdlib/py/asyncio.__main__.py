# `gilvm -m asyncio`: the interactive prompt with top-level `await`, as
# `python3 -m asyncio`. The REPL's namespace is this module's (so only
# `asyncio` and the usual dunders are in it); the loop lives in
# asyncio._interactive.
import asyncio._interactive

asyncio._interactive.main()
