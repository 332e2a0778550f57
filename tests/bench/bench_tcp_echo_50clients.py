# A threaded TCP echo server with 50 connections from a client process (see tcp_echo_common.py).
from tcp_echo_common import measure

measure(clients=50, rounds=400)
