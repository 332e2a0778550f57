// printf-style formatting of str, bytes and bytearray: the `format % args`
// operator (PEP 461 for the bytes kinds).
//
// percent_format parses the format string and lays out every conversion
//   %[(key)][flags][width|*][.precision|*][h|l|L]type
// with types d i u o x X e E f F g G c r s a (and b for bytes) and the
// literal %%. In bytes mode the format and result are raw bytes, widths and
// precisions count bytes, and %c makes one byte. It knows
// nothing of Python objects: the VM passes a PercentArgs that hands out the
// arguments and converts them (str(), int(), float(), ...), while all
// parsing, numeric layout and the format-level errors happen here, with
// CPython 3.11's messages.
#pragma once

#include <gmp.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gilvm::text {

// An argument as the VM identifies it, typically its object pointer.
using PercentArg = const void*;

// An integer handed over by the VM: `big` when set (valid for the duration
// of the percent_format call), else `small`.
struct PercentInt {
  std::int64_t small = 0;
  mpz_srcptr big = nullptr;
};

// The VM's side of percent_format. Methods that convert an argument throw
// the VM's own exception (or NativeError) with the messages given below.
class PercentArgs {
 public:
  virtual ~PercentArgs() = default;

  // The positional arguments: the items of a tuple right operand, or the
  // right operand itself when it is not a tuple (count 1).
  virtual std::size_t positional_count() = 0;
  virtual PercentArg positional(std::size_t index) = 0;

  // True when the right operand is a mapping in CPython's sense (not a
  // tuple or str, and has __getitem__: dicts but also lists). Enables
  // %(key)s and disables the "not all arguments converted" check.
  virtual bool is_mapping() = 0;
  // right_operand[key]; the mapping raises its own KeyError.
  virtual PercentArg lookup(std::string_view key) = 0;

  // Append str(arg), repr(arg), ascii(arg) as UTF-8 (%s, %r, %a). In
  // bytes mode %r and %a both append ascii(arg).
  virtual void append_str(std::string& out, PercentArg arg) = 0;
  // Bytes mode's %s and %b: the bytes of a bytes-like arg or of
  // arg.__bytes__(), else TypeError "%b requires a bytes-like object, or an
  // object that implements __bytes__, not 'str'".
  virtual void append_bytes(std::string& out, PercentArg arg) = 0;
  virtual void append_repr(std::string& out, PercentArg arg) = 0;
  virtual void append_ascii(std::string& out, PercentArg arg) = 0;

  // The integer for a conversion (`conversion` is the type character):
  //  d i u: int(arg) of any real number (floats truncate, bool is 0/1), else
  //         TypeError "%d format: a real number is required, not str";
  //  o x X: operator.index(arg), else
  //         TypeError "%x format: an integer is required, not float".
  virtual PercentInt to_int(PercentArg arg, char conversion) = 0;
  // float(arg) for e E f F g G, else TypeError "must be real number, not str"
  // (an int too large: OverflowError "int too large to convert to float").
  virtual double to_float(PercentArg arg) = 0;
  // %c: the code point of a one-character str, or the value of an int (any
  // size: the range check is done here); else TypeError
  // "%c requires int or char". In bytes mode: the byte of a one-byte bytes
  // or bytearray, or an int; else TypeError
  // "%c requires an integer in range(256) or a single byte".
  virtual PercentInt char_code(PercentArg arg) = 0;
  // '*' width or precision: the int value, or nullopt when arg is not an
  // int (percent_format then raises TypeError "* wants int").
  virtual std::optional<PercentInt> star_int(PercentArg arg) = 0;
};

enum class PercentMode { kStr, kBytes };

// Formats `format` (UTF-8, or any bytes in bytes mode) with `args`. Errors
// (NativeError):
//   TypeError  "not enough arguments for format string"
//   TypeError  "not all arguments converted during string formatting"
//     ("... during bytes formatting" in bytes mode)
//   TypeError  "format requires a mapping"
//   TypeError  "* wants int"
//   ValueError "unsupported format character 'y' (0x79) at index 3"
//   ValueError "incomplete format", "incomplete format key"
//   ValueError "width too big", "precision too big"
//   OverflowError "%c arg not in range(0x110000)" ("range(256)" for bytes),
//     "character argument not in range(0x110000)" (bytes mode: a format
//     character >= 0x80, which CPython reports this way),
//     "Python int too large to convert to C ssize_t" (a '*' width),
//     "Python int too large to convert to C int" (a '*' precision)
std::string percent_format(std::string_view format, PercentArgs& args, PercentMode mode = PercentMode::kStr);

}  // namespace gilvm::text
