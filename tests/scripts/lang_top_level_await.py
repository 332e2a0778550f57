# compile()'s top-level await flag (ast.PyCF_ALLOW_TOP_LEVEL_AWAIT), what the
# asyncio REPL uses, and the SyntaxErrors for async constructs where none may be.
import asyncio
PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000
async def seven():
    await asyncio.sleep(0)
    return 7
g = {'asyncio': asyncio, 'seven': seven}
code = compile("x = await seven()\nprint('x is', x)", "<tla>", "exec", flags=PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(bool(code.co_flags & 0x80))
coro = eval(code, g)
print(type(coro).__name__)
print(asyncio.run(coro), g['x'])
plain = compile("y = 1", "<tla>", "exec", flags=PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(bool(plain.co_flags & 0x80), eval(plain, g), g['y'])
e = compile("await seven() * 2", "<tla>", "eval", flags=PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(asyncio.run(eval(e, g)))
async def agen():
    for i in range(3):
        yield i
g['agen'] = agen
for src in ["async for i in agen(): print('got', i)",
            "r = [i async for i in agen()]\nprint(r)",
            "class C:\n    v = 1\nprint(C.v)"]:
    c = compile(src, "<tla>", "exec", flags=PyCF_ALLOW_TOP_LEVEL_AWAIT)
    r = eval(c, g)
    if r is not None:
        asyncio.run(r)
for src in ["await x", "async for i in y: pass", "async with y: pass", "[x async for x in y]",
            "def f():\n    [x async for x in y]", "def f():\n    await x", "def f():\n    async with y: pass",
            "class C:\n    await x", "lambda: await x", "def f():\n    return [await x for x in y]",
            "async def f():\n    return [await x for x in y]\nprint('ok')",
            "def f():\n    return (await x for x in y)\nprint('genexp ok')",
            "def f():\n    return [[x async for x in y] for z in w]"]:
    for flags in (0, PyCF_ALLOW_TOP_LEVEL_AWAIT):
        try:
            c = compile(src, "<s>", "exec", flags=flags)
            print(repr(src), flags, 'compiles', bool(c.co_flags & 0x80))
        except SyntaxError as e:
            print(repr(src), flags, e.msg, e.lineno, e.offset, e.end_offset)
