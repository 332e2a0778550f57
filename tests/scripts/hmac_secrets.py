# hmac over hashlib digests, compare_digest, secrets, random.SystemRandom
# and randbytes.
import hashlib, hmac, secrets, random, threading
def t(f,*a,**k):
    try: print(repr(f(*a,**k)))
    except Exception as e: print(type(e).__name__+':', e)
s = None
print(hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 1000).hex(), hashlib.pbkdf2_hmac('SHA1', b'p', b's', 2, 50).hex())
h = hmac.new(b'k', b'm', 'sha256'); print(h.name, h.digest_size, h.block_size, h.hexdigest(), h.copy().hexdigest())
print(hmac.new(b'k'*200, b'm', hashlib.sha512).hexdigest(), hmac.digest(b'k', b'm', 'md5'), hmac.new(b'key', digestmod=hashlib.blake2b).hexdigest())
t(hmac.new, b'k'); t(hmac.new, 'k', b'', 'md5'); t(hmac.new, b'k', digestmod='nope'); t(hmac.new, b'k', 'msg', 'md5')
t(hmac.compare_digest, 'a', b'a'); t(hmac.compare_digest, 'a', 'é'); t(hmac.compare_digest, 1, 2); t(hmac.compare_digest, b'a', 1)
t(hmac.compare_digest, 'ab', 'ab'); t(hmac.compare_digest, bytearray(b'ab'), memoryview(b'ab')); t(hmac.compare_digest, b'ab', b'abc')
t(hashlib.pbkdf2_hmac,'sha256', b'pw', b'salt', 0); t(hashlib.pbkdf2_hmac,'nope', b'pw', b'salt', 1);t(hashlib.pbkdf2_hmac,'sha256', 'pw', b'salt', 1)
t(hashlib.pbkdf2_hmac, 'sha1', b'p', b's', 2**31); t(hashlib.pbkdf2_hmac, 'sha1', b'p', b's', 1, -1); t(hashlib.pbkdf2_hmac, 'sha1', b'p', b's', 1, 2**31)
t(hashlib.pbkdf2_hmac, b'sha1', b'p', b's', 1); t(hashlib.pbkdf2_hmac, 'sha1', b'p', b's', 1.0)
print(len(secrets.token_bytes()), len(secrets.token_bytes(5)), len(secrets.token_hex(7)), len(secrets.token_urlsafe(9)), 0 <= secrets.randbelow(10) < 10, secrets.choice('x'), secrets.randbits(0))
t(secrets.randbelow, 0); print(secrets.compare_digest is hmac.compare_digest)
s = random.SystemRandom(); print(s.seed(3), 0 <= s.random() < 1, 0 <= s.randrange(5) < 5, len(s.randbytes(4)), s.getrandbits(0), s.getrandbits(3) < 8)
t(s.getstate); t(s.setstate, 1); t(s.randbytes, -1); print(isinstance(s, random.Random), random.SystemRandom.__module__)
r = random.Random(5); print(r.randbytes(5), random.randbytes(0)); t(r.randbytes, -1)
random.seed(1); print(random.randbytes(9))
