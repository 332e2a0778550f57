// libFuzzer target: parse arbitrary bytes in every mode. Any outcome but a
// tree or a SyntaxErrorInfo (a crash, a sanitizer report, another
// exception, a hang) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vm/ast.hpp"
#include "vm/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  for (gilvm::ParseMode mode : {gilvm::ParseMode::Exec, gilvm::ParseMode::Eval,
                                gilvm::ParseMode::Single}) {
    try {
      gilvm::ParseResult result = gilvm::parse(source, "fuzz.py", mode);
      // Dumping walks the whole tree and exercises every node's fields.
      std::string text = gilvm::ast_dump(result.mod);
      if (text.empty()) __builtin_trap();
    } catch (const gilvm::SyntaxErrorInfo& e) {
      if (e.msg.empty() || e.kind.empty()) __builtin_trap();
    }
  }
  return 0;
}
