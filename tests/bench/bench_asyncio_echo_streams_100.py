# An asyncio echo server (streams) under 100 client connection(s) x 200 round trips
# from a python3 load generator (asyncio_echo_common.py).
import asyncio_echo_common

asyncio_echo_common.run("streams", 100, 200)
