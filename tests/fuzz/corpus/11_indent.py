if a:
	pass
elif b:
    pass
else:
  x = (1 +
2)
