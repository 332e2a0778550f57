# faulthandler in child interpreters (sys.executable): the report a fatal
# signal writes, the watchdog of dump_traceback_later, register() on a user
# signal, and the ways to turn it on at start-up. Thread ids are masked.
import os
import re
import subprocess
import sys


def run(code, *options, env_extra=None):
    env = dict(os.environ)
    env.pop('PYTHONFAULTHANDLER', None)
    env.pop('PYTHONDEVMODE', None)
    if env_extra:
        env.update(env_extra)
    p = subprocess.run([sys.executable, *options, '-c', code], capture_output=True, text=True, env=env)
    err = re.sub(r'hread 0x[0-9a-f]+', 'hread 0x?', p.stderr)
    print('--- rc', p.returncode)
    if p.stdout:
        print(re.sub(r'hread 0x[0-9a-f]+', 'hread 0x?', p.stdout), end='')
    print(err, end='')


SEGV = '''
import faulthandler
faulthandler.enable()
def inner():
    faulthandler._sigsegv()
def outer():
    inner()
outer()
'''
run(SEGV)
run(SEGV.replace('enable()', 'enable(all_threads=False)'))
run(SEGV.replace('_sigsegv()', '_sigabrt()'))
run(SEGV.replace('_sigsegv()', '_read_null()'))
run(SEGV.replace('_sigsegv()', '_sigfpe()'))
# disable() puts back the default: no report.
run(SEGV.replace('enable()', 'enable(); print(faulthandler.disable(), faulthandler.disable())'))
# Another file descriptor.
run(SEGV.replace('faulthandler.enable()', 'import sys; faulthandler.enable(sys.stdout)'))
# At start-up.
run('import faulthandler; print(faulthandler.is_enabled())')
run('import faulthandler; print(faulthandler.is_enabled())', '-X', 'faulthandler')
run('import faulthandler; print(faulthandler.is_enabled())', env_extra={'PYTHONFAULTHANDLER': '1'})
run('import faulthandler; print(faulthandler.is_enabled())', '-E', env_extra={'PYTHONFAULTHANDLER': '1'})
run('import faulthandler\ndef f():\n    faulthandler._sigsegv()\nf()', '-X', 'faulthandler')

# The watchdog: exit=True ends the process after the dump.
run('''
import faulthandler, time
faulthandler.dump_traceback_later(0.05, exit=True)
def waiting():
    time.sleep(60)
waiting()
''')
run('''
import faulthandler, time
faulthandler.dump_traceback_later(30)
faulthandler.dump_traceback_later(20)
faulthandler.cancel_dump_traceback_later()
faulthandler.cancel_dump_traceback_later()
print("cancelled")
''')

# register() on a user signal; chain=True runs the previous handler too.
run('''
import faulthandler, os, signal
faulthandler.register(signal.SIGUSR1, all_threads=False)
def f():
    os.kill(os.getpid(), signal.SIGUSR1)
f()
print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))
''')
run('''
import faulthandler, os, signal, sys
signal.signal(signal.SIGUSR1, lambda *a: print("python handler"))
faulthandler.register(signal.SIGUSR1, chain=True)
os.kill(os.getpid(), signal.SIGUSR1)
print("after")
''')
