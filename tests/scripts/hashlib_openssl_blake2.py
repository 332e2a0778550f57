# hashlib on OpenSSL (md5, SHA-1/2/3, shake) and its own BLAKE2 with every
# parameter, pbkdf2_hmac, scrypt, file_digest, and the messages of bad calls.
import hashlib, hmac, secrets, random, threading
def t(f,*a,**k):
    try: print(repr(f(*a,**k)))
    except Exception as e: print(type(e).__name__+':', e)
print(sorted(hashlib.algorithms_guaranteed), hashlib.algorithms_guaranteed <= hashlib.algorithms_available)
print(sorted(set(hashlib.__all__)), type(hashlib.algorithms_available).__name__)
data = bytes((i * 131 + 7) % 256 for i in range(700))
for name in sorted(hashlib.algorithms_guaranteed):
    for n in (0, 1, 63, 64, 65, 127, 128, 129, 255, 256, 700):
        h = hashlib.new(name, data[:n])
        print(name, n, h.hexdigest(20) if name.startswith('shake') else h.hexdigest())
    h = hashlib.new(name)
    for i in range(0, 700, 13): h.update(data[i:i+13])
    print(name, h.name, h.digest_size, h.block_size, (h.hexdigest(9) if name.startswith('shake') else h.hexdigest()))
for ds in (1, 20, 32, 64):
    print(hashlib.blake2b(b'abc', digest_size=ds, key=b'key', salt=b'salt', person=b'me').hexdigest())
print(hashlib.blake2s(b'abc', key=b'k'*32, digest_size=32, salt=b's'*8, person=b'p'*8, fanout=2, depth=3, leaf_size=4096, node_offset=5, node_depth=1, inner_size=32, last_node=True).hexdigest())
print(hashlib.blake2b(data, key=b'k'*64, fanout=0, depth=255, leaf_size=2**32-1, node_offset=2**40, node_depth=7, inner_size=64, last_node=True).hexdigest())
print(hashlib.blake2b(b'x'*128, key=b'q').hexdigest(), hashlib.blake2s(b'x'*64, key=b'q').hexdigest())
print(hashlib.scrypt(b'pw', salt=b's', n=16, r=1, p=1).hex())
s=hashlib.shake_128(b'abc')
t(s.digest); t(s.hexdigest); t(s.hexdigest, 10); t(s.hexdigest, 'a'); t(hashlib.new('sha256').digest, 1)
t(hashlib.blake2b, digest_size=65); t(hashlib.blake2b, digest_size=0); t(hashlib.blake2b, key=b'x'*65)
t(hashlib.blake2b, salt=b'x'*17); t(hashlib.blake2b, person=b'x'*17); t(hashlib.blake2b, fanout=256); t(hashlib.blake2b, depth=0)
t(hashlib.blake2b, leaf_size=2**32); t(hashlib.blake2b, node_depth=256); t(hashlib.blake2b, inner_size=65)
t(hashlib.blake2s, digest_size=33); t(hashlib.blake2s, node_offset=2**48); t(hashlib.blake2b, 'x'); t(hashlib.blake2b, b'a', b'b');t(hashlib.blake2b, key='k')
t(hashlib.blake2b, fanout=-1); t(hashlib.blake2b, leaf_size=-1); t(hashlib.blake2b, node_offset=-1); t(hashlib.blake2b, data=b'x'); t(hashlib.blake2b, foo=1)
print(hashlib.blake2b.SALT_SIZE, hashlib.blake2b.PERSON_SIZE, hashlib.blake2b.MAX_KEY_SIZE, hashlib.blake2b.MAX_DIGEST_SIZE, hashlib.blake2s.SALT_SIZE, hashlib.blake2s.MAX_KEY_SIZE)
t(hashlib.scrypt, b'p', salt=b's', n=15, r=1, p=1); t(hashlib.scrypt, b'pw', n=16,r=1,p=1); t(hashlib.scrypt, b'p', salt=b's', n=2, r=1, p=1, dklen=0)
t(hashlib.scrypt, b'p', salt=b's', r=1, p=1);t(hashlib.scrypt, b'p', salt=b's', n=4, p=1); t(hashlib.scrypt, b'p', b's', n=4, r=1, p=1); t(hashlib.scrypt, 'p', salt=b's', n=4, r=1, p=1)
t(hashlib.new, 'foo'); t(hashlib.new, 'BLAKE2B'); t(hashlib.md5, 'abc'); t(hashlib.sha3_256().update, 'x')
print(type(hashlib.sha3_256()).__name__, type(hashlib.shake_256()).__name__, type(hashlib.blake2s()).__module__, type(hashlib.shake_256()).__mro__[1].__name__)
print(repr(hashlib.shake_128()).startswith('<shake_128 _hashlib.HASHXOF object @ 0x'), repr(hashlib.blake2b()).startswith('<_blake2.blake2b object at 0x'))
import io
print(hashlib.file_digest(io.BytesIO(data), 'sha256').hexdigest(), hashlib.file_digest(io.BytesIO(data), hashlib.md5).hexdigest())
big = bytes(range(256)) * 4096
print(hashlib.sha256(big).hexdigest(), hashlib.blake2b(big).hexdigest()[:20], hashlib.sha3_512(bytearray(big)).hexdigest()[:20])
c = hashlib.blake2b(b'ab'); d = c.copy(); d.update(b'c'); print(c.hexdigest() == hashlib.blake2b(b'ab').hexdigest(), d.hexdigest() == hashlib.blake2b(b'abc').hexdigest())

# Threads hashing large inputs (the GIL is released while each hashes).
results = {}
def work(name, seed):
    payload = bytes((seed * i) % 251 for i in range(1 << 16)) * 8
    h = hashlib.new(name)
    for _ in range(4):
        h.update(payload)
    results[name, seed] = h.hexdigest()
threads = [threading.Thread(target=work, args=(n, s)) for n in ('sha256', 'sha3_256', 'blake2b') for s in (3, 5)]
for th in threads: th.start()
for th in threads: th.join()
for key in sorted(results): print(key, results[key])

