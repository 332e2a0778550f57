# Float math on instance attributes: 3-D vectors rotated and normalized
# (the shape of nbody, raytrace and float-style programs).
import math
import time


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def rotate(self, angle):
        c, s = math.cos(angle), math.sin(angle)
        return Vec(self.x * c - self.y * s, self.x * s + self.y * c, self.z)

    def norm(self):
        return math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)


start = time.perf_counter()
vs = [Vec(i * 0.5, i * 0.25 + 1.0, 2.0 - i * 0.125) for i in range(2000)]
total = 0.0
for step in range(60):
    vs = [v.rotate(0.01 * step) for v in vs]
    total += sum(v.norm() for v in vs)
print(f"measure: {time.perf_counter() - start:.6f}")
print(round(total, 3))
