with (open(a) as f, open(b) as g):
    pass
if (n := len(a)) > 10: pass
