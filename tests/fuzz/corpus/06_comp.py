x = [i for i in range(10) if i % 2]
y = {k: v for k, v in d.items()}
z = (a async for a in b)
