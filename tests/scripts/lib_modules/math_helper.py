"""A helper module imported from a folder put on sys.path."""
calls = 0

def multiply(a, b):
    global calls
    calls += 1
    return a * b

if __name__ == "__main__":
    print("never printed on import")
