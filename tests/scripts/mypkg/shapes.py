import math_helper

def area(w, h):
    return math_helper.multiply(w, h)
