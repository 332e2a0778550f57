# An asyncio echo server (streams) under 1 client connection(s) x 20000 round trips
# from a python3 load generator (asyncio_echo_common.py).
import asyncio_echo_common

asyncio_echo_common.run("streams", 1, 20000)
