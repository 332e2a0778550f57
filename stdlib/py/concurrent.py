"""The concurrent package (its submodule futures is concurrent.futures)."""
__path__ = []
