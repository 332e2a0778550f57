# A child forked while another thread of the parent waits on a lock can
# drop that lock and collect it: the inherited waiter does not exist there,
# and the collection must not wait for it.
import gc
import os
import threading
import time

box = [threading.Lock()]
box[0].acquire()


def wait_for_lock():
    box[0].acquire()  # blocks until the parent releases it below


waiter = threading.Thread(target=wait_for_lock)
waiter.start()
time.sleep(0.2)

pid = os.fork()
if pid == 0:
    box.clear()  # the lock's only reference in the child
    gc.collect()
    fresh = threading.Lock()
    with fresh:
        pass
    os._exit(0)

deadline = time.monotonic() + 20
while True:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        print("child exit code:", os.waitstatus_to_exitcode(status))
        break
    if time.monotonic() > deadline:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        print("child hung collecting the lock")
        break
    time.sleep(0.01)
box[0].release()
waiter.join()
print("parent done")
