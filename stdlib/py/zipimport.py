"""Importing Python modules from ZIP archives (CPython 3.11's zipimport names).

gilvm's import system searches a sys.path entry that is a zip archive (or a
folder inside one, as "app.zip/lib") itself, in C++
(stdlib/zipimport/zip_directory.cpp): `import` needs nothing from this
module. zipimporter is the object CPython puts in sys.path_importer_cache,
for code that asks an archive directly: get_data, get_source,
get_filename, is_package, get_code, find_loader, find_module and
load_module. Only source (.py) members are found: gilvm has no bytecode
cache, so .pyc members are ignored. Modules imported from an archive (and
a zip application's __main__) get a zipimporter as __loader__, without
__spec__.
"""
import os
import sys
import zipfile as _zipfile

__all__ = ['ZipImportError', 'zipimporter']

path_sep = '/'
alt_path_sep = ''

# The member names of each archive read, by archive path.
_zip_directory_cache = {}


class ZipImportError(ImportError):
    def __init__(self, *args, name=None, path=None):
        super().__init__(*args)
        self.name = name
        self.path = path


def _read_directory(archive):
    try:
        fp = open(archive, 'rb')
    except OSError:
        raise ZipImportError(f"can't open Zip file: {archive!r}", path=archive)
    with fp:
        try:
            with _zipfile.ZipFile(fp) as zf:
                return {info.filename: info for info in zf.infolist()}
        except (_zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise ZipImportError(f"can't read Zip file: {archive!r}", path=archive)


# The importers the import system gave as __loader__, by sys.path entry.
_importers = {}


def _importer_for(entry):
    """The zipimporter for a sys.path entry (made once), which gilvm's
    import system sets as __loader__ of the modules it reads from it."""
    importer = _importers.get(entry)
    if importer is None:
        importer = _importers[entry] = zipimporter(entry)
    return importer


class zipimporter:
    """zipimporter(archivepath): an importer for the archive at archivepath,
    which may go on into a folder of the archive ("app.zip/lib")."""

    def __init__(self, path):
        if not isinstance(path, str):
            raise TypeError(f"expected str, not {type(path)!r}")
        if not path:
            raise ZipImportError('archive path is empty', path=path)
        prefix = []
        while True:
            try:
                st = os.stat(path)
            except (OSError, ValueError):
                # A path into the archive: back up one element.
                dirname, basename = os.path.split(path)
                if dirname == path:
                    raise ZipImportError('not a Zip file', path=path)
                path = dirname
                prefix.append(basename)
            else:
                if (st.st_mode & 0o170000) != 0o100000:  # not a regular file
                    raise ZipImportError('not a Zip file', path=path)
                break
        try:
            files = _zip_directory_cache[path]
        except KeyError:
            files = _read_directory(path)
            _zip_directory_cache[path] = files
        self._files = files
        self.archive = path
        self.prefix = '/'.join(prefix[::-1])
        if self.prefix:
            self.prefix += path_sep

    def __repr__(self):
        return f'<zipimporter object "{self.archive}{path_sep}{self.prefix}">'

    def _module_path(self, fullname):
        return self.prefix + fullname.rpartition('.')[2]

    def _module_info(self, fullname):
        """True for a package, False for a module, None when absent."""
        path = self._module_path(fullname)
        if path + path_sep + '__init__.py' in self._files:
            return True
        if path + '.py' in self._files:
            return False
        return None

    def _source_path(self, fullname):
        info = self._module_info(fullname)
        if info is None:
            raise ZipImportError(f"can't find module {fullname!r}", name=fullname)
        path = self._module_path(fullname)
        return path + path_sep + '__init__.py' if info else path + '.py'

    def _read(self, member):
        with _zipfile.ZipFile(self.archive) as zf:
            return zf.read(member)

    def find_loader(self, fullname, path=None):
        """(self, []) when the archive holds fullname; (None, [folder]) for
        a folder without __init__.py (a namespace portion); else (None, [])."""
        if self._module_info(fullname) is not None:
            return self, []
        modpath = self._module_path(fullname)
        if modpath + path_sep in self._files:
            return None, [f'{self.archive}{path_sep}{modpath}']
        return None, []

    def find_module(self, fullname, path=None):
        """self when the archive holds fullname, else None (deprecated)."""
        import warnings
        warnings.warn("zipimporter.find_module() is deprecated and slated for removal in Python 3.12; "
                      "use find_spec() instead", DeprecationWarning)
        return self.find_loader(fullname, path)[0]

    def get_code(self, fullname):
        """The code object of the module fullname."""
        path = self._source_path(fullname)
        source = self._read(path).decode()
        return compile(source, f'{self.archive}{path_sep}{path}', 'exec', dont_inherit=True)

    def get_data(self, pathname):
        """The bytes of the member pathname (with or without the archive's
        path in front)."""
        key = pathname
        if pathname.startswith(self.archive + path_sep):
            key = pathname[len(self.archive + path_sep):]
        if key not in self._files:
            raise OSError(0, '', key)
        return self._read(key)

    def get_filename(self, fullname):
        """The __file__ the module fullname would have."""
        return f'{self.archive}{path_sep}{self._source_path(fullname)}'

    def get_source(self, fullname):
        """The source text of the module fullname."""
        return self._read(self._source_path(fullname)).decode()

    def is_package(self, fullname):
        """Whether fullname is a package in the archive."""
        info = self._module_info(fullname)
        if info is None:
            raise ZipImportError(f"can't find module {fullname!r}", name=fullname)
        return info

    def load_module(self, fullname):
        """Imports fullname from the archive and returns it (deprecated)."""
        import warnings
        warnings.warn("zipimport.zipimporter.load_module() is deprecated and slated for removal in "
                      "Python 3.12; use exec_module() instead", DeprecationWarning)
        code = self.get_code(fullname)
        module = sys.modules.get(fullname)
        if module is None or not isinstance(module, type(sys)):
            module = type(sys)(fullname)
            sys.modules[fullname] = module
        module.__loader__ = self
        try:
            if self.is_package(fullname):
                module.__path__ = [f'{self.archive}{path_sep}{self._module_path(fullname)}']
            module.__file__ = code.co_filename
            exec(code, module.__dict__)
        except BaseException:
            del sys.modules[fullname]
            raise
        return sys.modules[fullname]

    def invalidate_caches(self):
        """Reads the archive's directory again."""
        try:
            self._files = _read_directory(self.archive)
            _zip_directory_cache[self.archive] = self._files
        except ZipImportError:
            _zip_directory_cache.pop(self.archive, None)
            self._files = {}
