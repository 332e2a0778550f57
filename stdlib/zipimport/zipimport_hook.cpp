// Installs the import system's reader for zip archives on sys.path
// (vm/import.hpp's ArchiveReader) on top of stdlib/zipimport/zip_directory.
#include "stdlib/stdlib.hpp"
#include "stdlib/zipimport/zip_directory.hpp"
#include "vm/errors.hpp"
#include "vm/import.hpp"

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

}  // namespace

void install_zip_import() { set_archive_reader(read_for_import); }

}  // namespace gilvm
