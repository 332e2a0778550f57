import cmath
z = complex("1+2j") * 2.5J - 1e3j
print(z, z.real, z.imag, z.conjugate(), abs(z), hash(1 + 0j), format(z, ".2f"), (-8) ** 0.5)
print(cmath.sqrt(-1), cmath.exp(1j * cmath.pi), cmath.polar(1j), cmath.log(z, 2), 1j ** 1j)
match z:
    case 1+2j | -1j:
        print("literal")
    case complex(real=r):
        print("real", r)
