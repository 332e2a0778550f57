# GIL hand-off latency at a 5 ms switch interval (see handoff_common.py).
from handoff_common import measure

measure(0.005)
