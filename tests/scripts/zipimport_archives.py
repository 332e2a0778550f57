# Importing from zip archives on sys.path (modules, packages, a folder inside
# an archive), and the zipimport.zipimporter object. The archives are made
# with zipfile here, except zip_data/cpython_made.zip, made by CPython.
import os
import shutil
import sys
import tempfile
import traceback
import zipfile
import zipimport

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'zip_data')
work = tempfile.mkdtemp()
os.chdir(work)


def short(path):
    return path.replace(work + '/', '') if isinstance(path, str) else path


with zipfile.ZipFile('lib.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('zmod.py', 'NAME = __name__\nFILE = __file__\ndef twice(x):\n    return 2 * x\n')
    z.writestr('zpkg/__init__.py', 'from . import inner\nPKG = __package__\n')
    z.writestr('zpkg/inner.py', 'from .deep import value\n')
    z.writestr('zpkg/deep.py', 'value = "deep value"\n')
    z.writestr('zpkg/sub/__init__.py', '')
    z.writestr('zpkg/sub/leaf.py', 'def where():\n    return __name__, __package__\n')
    z.writestr('broken.py', 'def f():\n    raise KeyError("from the archive")\n')
    z.writestr('lib/inlib.py', 'IN_LIB = True\n')
    z.writestr('data/resource.txt', 'a resource\n')

sys.path.insert(0, 'lib.zip')
import zmod
print(zmod.NAME, short(zmod.FILE), zmod.twice(21))
import zpkg
print(zpkg.PKG, short(zpkg.__file__), [short(p) for p in zpkg.__path__], zpkg.inner.value)
from zpkg.sub import leaf
print(leaf.where(), short(leaf.__file__))
import zpkg.deep
print(zpkg.deep is sys.modules['zpkg.deep'], short(zpkg.deep.__file__))
import broken
try:
    broken.f()
except KeyError as e:
    print('KeyError', e, 'lib.zip/broken.py", line 2, in f' in traceback.format_exc())
try:
    import not_in_archive
except ImportError as e:
    print(type(e).__name__, e)

# A folder inside an archive as a sys.path entry.
sys.path.insert(0, os.path.join('lib.zip', 'lib'))
import inlib
print(inlib.IN_LIB, short(inlib.__file__))
# The import system's zipimporter per sys.path entry is each module's __loader__.
print(type(zmod.__loader__).__name__, zmod.__loader__.archive, zmod.__loader__ is zpkg.deep.__loader__,
      repr(inlib.__loader__.prefix), zmod.__loader__.get_data('data/resource.txt'))

# An archive CPython made.
sys.path.append(os.path.join(DATA, 'cpython_made.zip'))
import zipapp_mod
print(zipapp_mod.VALUE, zipapp_mod.hello(), zipapp_mod.__file__.endswith('cpython_made.zip/zipapp_mod.py'))

print('-- zipimporter')


def inner_source(name):
    return zipimport.zipimporter('lib.zip/zpkg').get_source(name)


importer = zipimport.zipimporter('lib.zip')
print(repr(importer), importer.archive, repr(importer.prefix))
print(importer.is_package('zpkg'), importer.is_package('zmod'))
print(importer.get_filename('zmod'), importer.get_filename('zpkg'))
print(repr(importer.get_source('zmod')), repr(inner_source('deep')))
print(importer.get_data('data/resource.txt'), importer.get_data('lib.zip/data/resource.txt'))
print(importer.find_loader('zmod')[0] is importer, importer.find_loader('nothing'))
print(importer.find_loader('data'))
code = importer.get_code('zmod')
print(type(code).__name__, code.co_filename)
inner = zipimport.zipimporter('lib.zip/zpkg')
print(repr(inner), repr(inner.prefix), inner.is_package('sub'), inner.get_filename('inner'))
for call in (lambda: importer.get_source('nothing'), lambda: importer.is_package('nothing'),
             lambda: importer.get_filename('nothing'), lambda: importer.get_code('nothing')):
    try:
        call()
    except zipimport.ZipImportError as e:
        print('ZipImportError', e, e.name)
try:
    importer.get_data('data/missing.txt')
except OSError as e:
    print('OSError', e.errno, e.filename)
with open('plain.txt', 'w') as f:
    f.write('not an archive')
os.mkdir('folder')
for path in ('plain.txt', 'folder', 'missing.zip', 'folder/missing.zip', ''):
    try:
        zipimport.zipimporter(path)
    except zipimport.ZipImportError as e:
        print('ZipImportError', e, e.path)
try:
    zipimport.zipimporter(b'lib.zip')
except TypeError as e:
    print('TypeError', e)
print(issubclass(zipimport.ZipImportError, ImportError))

os.chdir(DATA)
shutil.rmtree(work)
print('done')
