// Shared by the embedding tests: the process's one Interpreter (made in
// embed_main.cpp) and what its scripts printed.
#pragma once

#include <string>

#include <gilvm/gilvm.hpp>

namespace gilvm_test {

gilvm::Interpreter& interp();
// What sys.stdout / sys.stderr received since the last call.
std::string take_output();
std::string take_error_output();

// SIGINT's and SIGPIPE's handlers, before the interpreter existed and now.
struct SignalDispositions {
  void (*sigint)(int) = nullptr;
  void (*sigpipe)(int) = nullptr;
};
extern SignalDispositions dispositions_before_interpreter;
SignalDispositions current_dispositions();

}  // namespace gilvm_test
