z = 1j + 2.5J - 1e3j * 0j + 1_0.5e-1j
match z:
    case 1+2j | -1j | -1.5-0.5j:
        pass
