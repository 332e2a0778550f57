# Manager proxies (dict, list, Namespace, Queue, Lock, Value) passed to
# spawn and forkserver children, and a Pool in each context.
import multiprocessing as mp


def work(d, l, ns, q, lock, v, i):
    with lock:
        d[i] = i * i
        l.append(i)
        v.value += 1
    ns.last = i
    q.put(("done", i))


if __name__ == "__main__":
    for method in ("spawn", "forkserver"):
        ctx = mp.get_context(method)
        with ctx.Manager() as m:
            d, l, ns, q, lock, v = m.dict(), m.list(), m.Namespace(), m.Queue(), m.Lock(), m.Value("i", 0)
            ps = [ctx.Process(target=work, args=(d, l, ns, q, lock, v, i)) for i in range(3)]
            for p in ps: p.start()
            for p in ps: p.join()
            print(method, sorted(d.items()), sorted(l), v.value, sorted(q.get() for _ in range(3)), [p.exitcode for p in ps])
            with ctx.Pool(2) as pool:
                print(sorted(pool.map(abs, [-1, -2, 3])))
