// Reading members out of a zip archive for the import system and for
// running zip applications (`gilvm app.zip`), as CPython's zipimport does.
//
// Contract: plain C++ with no Values, so it may run before the VM exists
// (the command line asks whether a file is a zip application first). The
// caller holds the GIL whenever the VM is up: the directory cache is only
// touched under it. Archives are read with the end-of-central-directory
// record found within the last 64 KiB + 22 bytes; data prepended to the
// archive (a `#!` line, as zipapp writes) is allowed. ZIP64 and encrypted
// members are not supported, as in CPython 3.11's zipimport.
#pragma once

#include <string>

namespace gilvm {

// The archive and the folder inside it that a sys.path entry names:
// "app.zip" -> ("app.zip", ""), "app.zip/lib" -> ("app.zip", "lib/").
// False when no prefix of `entry` is a regular file that is a zip archive.
bool split_zip_path_entry(const std::string& entry, std::string* archive, std::string* prefix);

enum class ZipRead { Found, Missing, Corrupt };

// Reads `member` (a name inside the archive, '/'-separated) of the archive
// at `archive`, decompressing and checking its CRC. Corrupt leaves an
// explanation in *data.
ZipRead read_zip_member(const std::string& archive, const std::string& member, std::string* data);

// True when the archive has a member of that name.
bool zip_has_member(const std::string& archive, const std::string& member);

}  // namespace gilvm
