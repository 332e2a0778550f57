// Installs the import system's reader for zip archives on sys.path
// (vm/import.hpp's ArchiveReader) on top of stdlib/zipimport/zip_directory.
#include "stdlib/stdlib.hpp"
#include "stdlib/zipimport/zip_directory.hpp"
#include "vm/errors.hpp"
#include "vm/import.hpp"
#include "vm/names.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

bool read_for_import(const std::string& entry, const std::string& member, std::string* text) {
  if (entry.empty()) return false;
  std::string archive;
  std::string prefix;
  if (!split_zip_path_entry(entry, &archive, &prefix)) return false;
  ZipRead result = read_zip_member(archive, prefix + member, text);
  if (result == ZipRead::Corrupt) raise_error(exc().ImportError, *text);
  return result == ZipRead::Found;
}

// zipimport._importer_for(entry): the zipimporter that becomes __loader__,
// as CPython's import system gives. A failure only leaves __loader__ out:
// the module was read already.
Value loader_for(const std::string& entry) {
  std::string archive;
  std::string prefix;
  if (entry.empty() || !split_zip_path_entry(entry, &archive, &prefix)) return Value::null();
  try {
    Value zipimport = import_module(intern("zipimport"), nullptr, Value::none(), 0);
    return call_method(zipimport, "_importer_for", {new_str(entry)});
  } catch (PyException&) {
    take_current_exception();
    return Value::null();
  }
}

}  // namespace

void install_zip_import() { set_archive_reader(read_for_import, loader_for); }

}  // namespace gilvm
