#include "vm/text/int_digits_limit.hpp"

#include <atomic>
#include <string>

#include "vm/native_error.hpp"

namespace gilvm::text {

namespace {
// Atomic because a thread may change it while another formats; relaxed
// suffices, as for CPython's interpreter-wide setting.
std::atomic<int> limit{kDefaultIntMaxStrDigits};

const char kAdvice[] = "; use sys.set_int_max_str_digits() to increase the limit";
}  // namespace

int int_max_str_digits() { return limit.load(std::memory_order_relaxed); }
void set_int_max_str_digits(int value) { limit.store(value, std::memory_order_relaxed); }

void check_int_to_str_digits(std::size_t digits) {
  int max = int_max_str_digits();
  if (max > 0 && digits > static_cast<std::size_t>(max))
    throw_native(ErrorKind::ValueError,
                 "Exceeds the limit (" + std::to_string(max) + " digits) for integer string conversion" + kAdvice);
}

void check_str_to_int_digits(std::size_t digits) {
  int max = int_max_str_digits();
  if (max > 0 && digits > static_cast<std::size_t>(max))
    throw_native(ErrorKind::ValueError, "Exceeds the limit (" + std::to_string(max) +
                                            " digits) for integer string conversion: value has " +
                                            std::to_string(digits) + " digits" + kAdvice);
}

}  // namespace gilvm::text
