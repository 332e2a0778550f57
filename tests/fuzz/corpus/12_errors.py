f() = 1
print "x"
(a b)
x = [1,
