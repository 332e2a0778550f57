PACKAGE_NAME = "mypkg"
from .shapes import area
