#include "stdlib/zipimport/zip_directory.hpp"

#include <sys/stat.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>

namespace gilvm {

namespace {

struct MemberInfo {
  uint16_t flags = 0;
  uint16_t method = 0;
  uint32_t crc = 0;
  uint32_t compressed_size = 0;
  uint32_t file_size = 0;
  uint64_t header_offset = 0;  // of the local header, in the file
};

// One archive's central directory, remembered with the file's size and
// modification time so that a rewritten archive is read again.
struct Directory {
  bool is_zip = false;
  off_t size = 0;
  struct timespec mtime {};
  std::map<std::string, MemberInfo> members;
};

constexpr uint32_t kEndSignature = 0x06054b50;
constexpr uint32_t kCentralSignature = 0x02014b50;
constexpr uint32_t kLocalSignature = 0x04034b50;
constexpr size_t kEndSize = 22;
constexpr size_t kCentralSize = 46;
constexpr size_t kLocalSize = 30;

uint16_t u16(const std::string& s, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(s[at]) | static_cast<unsigned char>(s[at + 1]) << 8);
}

uint32_t u32(const std::string& s, size_t at) { return u16(s, at) | static_cast<uint32_t>(u16(s, at + 2)) << 16; }

bool read_at(std::ifstream& in, uint64_t offset, size_t n, std::string* out) {
  out->assign(n, '\0');
  in.clear();
  in.seekg(static_cast<std::streamoff>(offset));
  if (!in) return false;
  in.read(out->data(), static_cast<std::streamsize>(n));
  return static_cast<size_t>(in.gcount()) == n;
}

// Fills dir->members from the file, or leaves is_zip false.
void read_directory(const std::string& path, off_t file_size, Directory* dir) {
  std::ifstream in(path, std::ios::binary);
  if (!in || file_size < static_cast<off_t>(kEndSize)) return;
  size_t tail_size = static_cast<size_t>(std::min<off_t>(file_size, kEndSize + 0xFFFF));
  std::string tail;
  uint64_t tail_start = static_cast<uint64_t>(file_size) - tail_size;
  if (!read_at(in, tail_start, tail_size, &tail)) return;
  size_t end = std::string::npos;
  for (size_t at = tail_size - kEndSize + 1; at-- > 0;) {
    if (u32(tail, at) == kEndSignature) {
      end = at;
      break;
    }
  }
  if (end == std::string::npos) return;
  uint64_t end_offset = tail_start + end;
  uint32_t central_size = u32(tail, end + 12);
  uint32_t central_offset = u32(tail, end + 16);
  uint16_t count = u16(tail, end + 10);
  if (central_size > end_offset || central_offset > end_offset - central_size) return;
  // Bytes before the archive proper (a #! line) shift every offset.
  uint64_t shift = end_offset - central_size - central_offset;
  std::string central;
  if (!read_at(in, central_offset + shift, central_size, &central)) return;
  size_t at = 0;
  for (uint16_t i = 0; i < count; ++i) {
    if (at + kCentralSize > central.size() || u32(central, at) != kCentralSignature) return;
    MemberInfo info;
    info.flags = u16(central, at + 8);
    info.method = u16(central, at + 10);
    info.crc = u32(central, at + 16);
    info.compressed_size = u32(central, at + 20);
    info.file_size = u32(central, at + 24);
    size_t name_size = u16(central, at + 28);
    size_t extra_size = u16(central, at + 30);
    size_t comment_size = u16(central, at + 32);
    info.header_offset = u32(central, at + 42) + shift;
    if (at + kCentralSize + name_size > central.size()) return;
    dir->members[central.substr(at + kCentralSize, name_size)] = info;
    at += kCentralSize + name_size + extra_size + comment_size;
  }
  dir->is_zip = true;
}

// The directory of the regular file at path, or null when it is not a zip
// archive (or not a regular file).
const Directory* directory_of(const std::string& path) {
  static auto* cache = new std::map<std::string, std::unique_ptr<Directory>>();
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return nullptr;
  auto& slot = (*cache)[path];
  if (!slot || slot->size != st.st_size || slot->mtime.tv_sec != st.st_mtim.tv_sec ||
      slot->mtime.tv_nsec != st.st_mtim.tv_nsec) {
    slot = std::make_unique<Directory>();
    slot->size = st.st_size;
    slot->mtime = st.st_mtim;
    read_directory(path, st.st_size, slot.get());
  }
  return slot->is_zip ? slot.get() : nullptr;
}

bool inflate_raw(const std::string& compressed, size_t expected, std::string* out) {
  z_stream stream{};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return false;
  // One spare byte: a stream longer than the directory says fails below.
  out->assign(expected + 1, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  stream.next_out = reinterpret_cast<Bytef*>(out->data());
  stream.avail_out = static_cast<uInt>(expected + 1);
  int err = inflate(&stream, Z_FINISH);
  bool ok = err == Z_STREAM_END && stream.total_out == expected;
  inflateEnd(&stream);
  out->resize(expected);
  return ok;
}

}  // namespace

bool split_zip_path_entry(const std::string& entry, std::string* archive, std::string* prefix) {
  std::string path = entry;
  std::string inner;
  while (!path.empty()) {
    struct stat st;
    if (::stat(path.c_str(), &st) == 0) {
      if (!S_ISREG(st.st_mode) || directory_of(path) == nullptr) return false;
      *archive = path;
      *prefix = inner;
      return true;
    }
    // A missing path (or one through a file): back up one element.
    size_t slash = path.find_last_of('/');
    if (slash == std::string::npos || slash == 0) return false;
    std::string last = path.substr(slash + 1);
    if (!last.empty()) inner = last + "/" + inner;
    path = path.substr(0, slash);
  }
  return false;
}

bool zip_has_member(const std::string& archive, const std::string& member) {
  const Directory* dir = directory_of(archive);
  return dir != nullptr && dir->members.count(member) != 0;
}

ZipRead read_zip_member(const std::string& archive, const std::string& member, std::string* data) {
  const Directory* dir = directory_of(archive);
  if (dir == nullptr) return ZipRead::Missing;
  auto found = dir->members.find(member);
  if (found == dir->members.end()) return ZipRead::Missing;
  const MemberInfo& info = found->second;
  auto corrupt = [&](const std::string& why) {
    *data = why;
    return ZipRead::Corrupt;
  };
  if (info.flags & 1) return corrupt("encrypted member '" + member + "' in Zip file: " + archive);
  std::ifstream in(archive, std::ios::binary);
  std::string header;
  if (!in || !read_at(in, info.header_offset, kLocalSize, &header) || u32(header, 0) != kLocalSignature)
    return corrupt("bad local file header: '" + archive + "'");
  uint64_t data_offset = info.header_offset + kLocalSize + u16(header, 26) + u16(header, 28);
  // Sizes a damaged directory claims are checked before anything that
  // large is allocated: the data lies inside the file, and deflate expands
  // by at most about 1032 to 1.
  if (data_offset + info.compressed_size > static_cast<uint64_t>(dir->size))
    return corrupt("bad local file header: '" + archive + "'");
  if (info.method == Z_DEFLATED && info.file_size > uint64_t{info.compressed_size} * 1032 + 1024)
    return corrupt("can't decompress data: '" + member + "'");
  std::string raw;
  if (!read_at(in, data_offset, info.compressed_size, &raw)) return corrupt("zipimport: can't read data");
  if (info.method == 0) {
    if (info.compressed_size != info.file_size) return corrupt("bad stored member size: '" + member + "'");
    *data = std::move(raw);
  } else if (info.method == Z_DEFLATED) {
    std::string out;
    if (!inflate_raw(raw, info.file_size, &out)) return corrupt("can't decompress data: '" + member + "'");
    *data = std::move(out);
  } else {
    return corrupt("can't decompress data; compression method " + std::to_string(info.method) +
                   " is not supported");
  }
  uint32_t crc = static_cast<uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(data->data()), static_cast<uInt>(data->size())));
  if (crc != info.crc) return corrupt("Bad CRC-32 for file '" + member + "' in Zip file: " + archive);
  return ZipRead::Found;
}

}  // namespace gilvm
