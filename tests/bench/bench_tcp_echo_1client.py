# A threaded TCP echo server with one client process connection (see tcp_echo_common.py).
from tcp_echo_common import measure

measure(clients=1, rounds=20_000)
