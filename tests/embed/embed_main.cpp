// The embedding tests' main: one Interpreter for the whole executable (one
// per process is all gilvm allows), with its output captured so tests can
// check what scripts print.
#include <gtest/gtest.h>

#include <csignal>
#include <mutex>
#include <string>

#include "embed_fixture.hpp"

namespace gilvm_test {

namespace {
std::mutex output_mutex;
std::string captured_out;
std::string captured_err;
gilvm::Interpreter* the_interpreter = nullptr;
}  // namespace

gilvm::Interpreter& interp() { return *the_interpreter; }

SignalDispositions dispositions_before_interpreter;

SignalDispositions current_dispositions() {
  SignalDispositions d;
  struct sigaction current {};
  sigaction(SIGINT, nullptr, &current);
  d.sigint = current.sa_handler;
  sigaction(SIGPIPE, nullptr, &current);
  d.sigpipe = current.sa_handler;
  return d;
}

std::string take_output() {
  std::lock_guard<std::mutex> lock(output_mutex);
  return std::exchange(captured_out, "");
}

std::string take_error_output() {
  std::lock_guard<std::mutex> lock(output_mutex);
  return std::exchange(captured_err, "");
}

}  // namespace gilvm_test

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  gilvm::Config config;
  config.out = [](std::string_view s) {
    std::lock_guard<std::mutex> lock(gilvm_test::output_mutex);
    gilvm_test::captured_out += s;
  };
  config.err = [](std::string_view s) {
    std::lock_guard<std::mutex> lock(gilvm_test::output_mutex);
    gilvm_test::captured_err += s;
  };
  config.argv = {"host-program", "--flag"};
  config.module_path = {GILVM_EMBED_TEST_MODULES};
  config.switch_interval = 0.001;
  config.recursion_limit = 500;
  int status;
  gilvm_test::dispositions_before_interpreter = gilvm_test::current_dispositions();
  {
    gilvm::Interpreter interpreter(config);
    gilvm_test::the_interpreter = &interpreter;
    status = RUN_ALL_TESTS();
    gilvm_test::the_interpreter = nullptr;
  }
  return status;
}
