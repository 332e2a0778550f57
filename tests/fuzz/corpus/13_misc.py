s = '''multi
line''' 'a' \
  'b'
@dec(x)
class C: ...
