"""json.scanner: make_scanner of the json package (defined in json)."""
from json import make_scanner

__all__ = ["make_scanner"]
