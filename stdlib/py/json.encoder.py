"""json.encoder: the encoder names of the json package (defined in json)."""
from json import JSONEncoder, encode_basestring, encode_basestring_ascii, INFINITY

py_encode_basestring = encode_basestring
py_encode_basestring_ascii = encode_basestring_ascii
c_encode_basestring = encode_basestring
c_encode_basestring_ascii = encode_basestring_ascii
