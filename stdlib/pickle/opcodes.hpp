// The pickle opcodes of protocols 0 to 5, as pickletools documents them,
// and the constants of framing.
//
// Framing (protocol 4 on): after PROTO, the stream is cut into frames, each
// announced by FRAME and an 8-byte little-endian length. A frame holds whole
// opcodes; the pickler closes one once it passes kFrameSizeTarget bytes at an
// opcode boundary, and writes no header for a frame shorter than
// kFrameSizeMin (its opcodes then stand unframed). A bytes or str payload of
// kFrameSizeTarget bytes or more is written outside any frame. The
// unpickler only needs frames when it reads from a file: a frame's length
// says how much it may read at once.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gilvm::pickle {

inline constexpr int kHighestProtocol = 5;
inline constexpr int kDefaultProtocol = 4;
inline constexpr size_t kFrameSizeTarget = 64 * 1024;
inline constexpr size_t kFrameSizeMin = 4;
inline constexpr size_t kFrameHeaderSize = 9;  // FRAME + 8 length bytes
// Lists, dicts and sets are written in batches of this many items (one
// MARK ... APPENDS each), as CPython does, so its bytes are ours.
inline constexpr size_t kBatchSize = 1000;

namespace op {
// Protocol 0 and 1.
inline constexpr uint8_t MARK = '(';
inline constexpr uint8_t STOP = '.';
inline constexpr uint8_t POP = '0';
inline constexpr uint8_t POP_MARK = '1';
inline constexpr uint8_t DUP = '2';
inline constexpr uint8_t FLOAT = 'F';
inline constexpr uint8_t INT = 'I';
inline constexpr uint8_t BININT = 'J';
inline constexpr uint8_t BININT1 = 'K';
inline constexpr uint8_t LONG = 'L';
inline constexpr uint8_t BININT2 = 'M';
inline constexpr uint8_t NONE = 'N';
inline constexpr uint8_t PERSID = 'P';
inline constexpr uint8_t BINPERSID = 'Q';
inline constexpr uint8_t REDUCE = 'R';
inline constexpr uint8_t STRING = 'S';
inline constexpr uint8_t BINSTRING = 'T';
inline constexpr uint8_t SHORT_BINSTRING = 'U';
inline constexpr uint8_t UNICODE = 'V';
inline constexpr uint8_t BINUNICODE = 'X';
inline constexpr uint8_t APPEND = 'a';
inline constexpr uint8_t BUILD = 'b';
inline constexpr uint8_t GLOBAL = 'c';
inline constexpr uint8_t DICT = 'd';
inline constexpr uint8_t EMPTY_DICT = '}';
inline constexpr uint8_t APPENDS = 'e';
inline constexpr uint8_t GET = 'g';
inline constexpr uint8_t BINGET = 'h';
inline constexpr uint8_t INST = 'i';
inline constexpr uint8_t LONG_BINGET = 'j';
inline constexpr uint8_t LIST = 'l';
inline constexpr uint8_t EMPTY_LIST = ']';
inline constexpr uint8_t OBJ = 'o';
inline constexpr uint8_t PUT = 'p';
inline constexpr uint8_t BINPUT = 'q';
inline constexpr uint8_t LONG_BINPUT = 'r';
inline constexpr uint8_t SETITEM = 's';
inline constexpr uint8_t TUPLE = 't';
inline constexpr uint8_t EMPTY_TUPLE = ')';
inline constexpr uint8_t SETITEMS = 'u';
inline constexpr uint8_t BINFLOAT = 'G';
// Protocol 2.
inline constexpr uint8_t PROTO = 0x80;
inline constexpr uint8_t NEWOBJ = 0x81;
inline constexpr uint8_t EXT1 = 0x82;
inline constexpr uint8_t EXT2 = 0x83;
inline constexpr uint8_t EXT4 = 0x84;
inline constexpr uint8_t TUPLE1 = 0x85;
inline constexpr uint8_t TUPLE2 = 0x86;
inline constexpr uint8_t TUPLE3 = 0x87;
inline constexpr uint8_t NEWTRUE = 0x88;
inline constexpr uint8_t NEWFALSE = 0x89;
inline constexpr uint8_t LONG1 = 0x8a;
inline constexpr uint8_t LONG4 = 0x8b;
// Protocol 3.
inline constexpr uint8_t BINBYTES = 'B';
inline constexpr uint8_t SHORT_BINBYTES = 'C';
// Protocol 4.
inline constexpr uint8_t SHORT_BINUNICODE = 0x8c;
inline constexpr uint8_t BINUNICODE8 = 0x8d;
inline constexpr uint8_t BINBYTES8 = 0x8e;
inline constexpr uint8_t EMPTY_SET = 0x8f;
inline constexpr uint8_t ADDITEMS = 0x90;
inline constexpr uint8_t FROZENSET = 0x91;
inline constexpr uint8_t NEWOBJ_EX = 0x92;
inline constexpr uint8_t STACK_GLOBAL = 0x93;
inline constexpr uint8_t MEMOIZE = 0x94;
inline constexpr uint8_t FRAME = 0x95;
// Protocol 5.
inline constexpr uint8_t BYTEARRAY8 = 0x96;
inline constexpr uint8_t NEXT_BUFFER = 0x97;
inline constexpr uint8_t READONLY_BUFFER = 0x98;
}  // namespace op

}  // namespace gilvm::pickle
