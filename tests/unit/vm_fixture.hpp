// A test fixture that boots the language core and gives the test thread a
// thread state, as the runtime does for every thread that runs Python.
#pragma once

#include <gtest/gtest.h>

#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/ops.hpp"
#include "vm/thread_state.hpp"
#include "vm/types.hpp"

namespace gilvm::testing {

class VmTest : public ::testing::Test {
 protected:
  void SetUp() override {
    bootstrap_vm();
    if (current_thread_state() == nullptr) {
      static ThreadState* state = new ThreadState();
      register_thread_state(state);
      set_current_thread_state(state);
    }
  }
  // The message of the exception that `f` raises, as "TypeName: text".
  template <class F>
  std::string raised(F f) {
    try {
      f();
    } catch (PyException&) {
      Value e = take_current_exception();
      return type_name(e) + ": " + str_string(e);
    }
    return "no exception";
  }
};

}  // namespace gilvm::testing
