"""The urllib package: its submodules are urllib.parse, urllib.error and
urllib.request (each a frozen module of its own)."""
__path__ = []
