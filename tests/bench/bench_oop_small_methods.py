# Object-oriented code with many small methods, properties, inheritance and
# super() calls (the shape of richards and of typical application code).
import time


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0.0

    def describe(self):
        return self.name


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    @property
    def square(self):
        return self.w == self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)

    def describe(self):
        return "square:" + super().describe()


start = time.perf_counter()
total = 0.0
shapes = [Rect(i % 7 + 1, i % 5 + 1) if i % 3 else Square(i % 4 + 1) for i in range(3000)]
for _ in range(40):
    for s in shapes:
        total += s.area()
        if s.square:
            total += len(s.describe())
print(f"measure: {time.perf_counter() - start:.6f}")
print(total)
