"""struct and array in a hot loop: pack and unpack records with a Struct,
fill and read a byte array and a double array, as binary-format readers
and image writers do (pyflate, raytrace)."""
import array
import struct
import time

record = struct.Struct("<IhBd")
int2byte = struct.Struct(">B").pack


def run(n):
    total = 0
    pixels = array.array("B", [0] * 3 * 256)
    samples = array.array("d", [0.0] * 256)
    chunks = []
    for i in range(n):
        data = record.pack(i, i % 30000 - 15000, i & 255, i * 0.5)
        a, b, c, d = record.unpack(data)
        total += a + b + c + int(d)
        j = i & 255
        pixels[3 * j] = c
        pixels[3 * j + 1] = (c * 7) & 255
        pixels[3 * j + 2] = pixels[3 * j] ^ pixels[3 * j + 1]
        samples[j] = samples[j] * 0.5 + d
        if i % 64 == 0:
            chunks.append(int2byte(c))
            total += struct.unpack_from(">H", data, 4)[0]
    total += sum(pixels) + int(sum(samples)) + len(b"".join(chunks))
    return total


start = time.perf_counter()
result = run(200000)
print("measure:", time.perf_counter() - start)
print(result)
