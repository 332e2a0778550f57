"""json.decoder: the decoder names of the json package (defined in json)."""
from json import JSONDecoder, JSONDecodeError, scanstring

__all__ = ["JSONDecoder", "JSONDecodeError"]
