# decimal: __format__ with every presentation type and option.
from decimal import Decimal, localcontext, ROUND_DOWN

nums = ['0', '-0', '1', '-1', '0.5', '123.456', '-123.456', '1E+3', '1.5E-7',
        '0.000001234', '0.0000001234', '12345', '1234567.891', '-0.001', '9.999',
        '99.95', '0E-5', '0E+3', 'inf', '-inf', 'nan', '-nan12', 'snan', '1.000',
        '100', '1E+30', '-5E-30', '0.00012345678901234567890', '2.5', '0.125']
specs = ['', 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n', '.0e', '.3e', '.0f', '.2f',
         '.10f', '.0g', '.3g', '.3', '.1%', '+.2f', ' .2f', '10', '<10', '^11.2f',
         '*>12,.2f', '015,.2f', '010', '_f', '012_.3f', '=+12.3e', 'z.1f', 'z.2',
         '#.0f', '.3n', ',g', ',', '08,', '-^9', 'x<12e', ',.0f', '0=10.1%', '.50f',
         '.20e', '.40g', 'q', '.f', '10.2.3f', ',n', '\u00e9^9.1f', 'z.1F', 'z', 'ze',
         'z.1%', '+z08.2f', 'z.0g', '<05', '=05', 'x<05', '0=5', '0>5', '^018E',
         '*<-z018,.0E']
for n in nums:
    d = Decimal(n)
    out = []
    for spec in specs:
        try:
            out.append(format(d, spec))
        except Exception as e:
            out.append('%s: %s' % (type(e).__name__, e))
    print(n, out)
print('{:.2f} and {:>8.3e} and {:,}'.format(Decimal('3.14159'), Decimal('-0.000123'),
                                          Decimal('1234567.5')))
print(f"{Decimal('2.5'):.0f} {Decimal('3.5'):.0f} {Decimal('-2.5'):.0f}")
with localcontext() as ctx:
    ctx.rounding = ROUND_DOWN
    print(format(Decimal('2.99'), '.1f'), format(Decimal('-2.99'), '.1e'))
    ctx.capitals = 0
    print(format(Decimal('1.5E+20'), ''), str(Decimal('1.5E+20')))
