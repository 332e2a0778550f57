# GIL hand-off latency at a 20 ms switch interval (see handoff_common.py).
from handoff_common import measure

measure(0.02)
