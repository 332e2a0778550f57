// Natives and classes a host defines, and exceptions crossing both ways.
#include <gtest/gtest.h>

#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "embed_fixture.hpp"

using gilvm_test::interp;

namespace {

struct Counter {
  explicit Counter(int start) : count(start) {}
  int bump(int by) {
    count += by;
    return count;
  }
  std::string label() const { return "counter at " + std::to_string(count); }
  int count;
};

void define_natives() {
  static bool done = [] {
    gilvm::Module m = interp().module("nat");
    m.def("add", [](int a, int b) { return a + b; }, gilvm::arg("a"), gilvm::arg("b") = 10);
    m.def("join", [](const std::vector<std::string>& parts, const std::string& sep) {
      std::string out;
      for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
      return out;
    });
    m.def("nothing", [] {});
    m.def("fail", [](const std::string& kind) {
      if (kind == "invalid") throw std::invalid_argument("not valid");
      if (kind == "range") throw std::out_of_range("too far");
      if (kind == "alloc") throw std::bad_alloc();
      if (kind == "gilvm") throw gilvm::Error("KeyError", "host key");
      if (kind == "other") throw std::logic_error("broken logic");
      throw 42;
    });
    m.def("call_back", [](gilvm::Object f) { return f(1).cast<int>(); });
    m.def("apply", [](std::function<int(int)> f, int x) { return f(x); });
    gilvm::class_<Counter>(m, "Counter")
        .def(gilvm::init<int>())
        .def("bump", &Counter::bump, gilvm::arg("by") = 1)
        .def("label", &Counter::label)
        .def_readwrite("count", &Counter::count)
        .def_property("doubled", [](const Counter& c) { return 2 * c.count; });
    m.def("make_counter", [](int n) { return Counter(n); });
    m.def("peek", [](const Counter& c) { return c.count; });
    m.def("reset", [](Counter& c) { c.count = 0; });
    return true;
  }();
  (void)done;
}

std::string error_type_of(const std::string& code) {
  try {
    interp().exec(code);
  } catch (const gilvm::Error& e) {
    return e.type() + ": " + e.message();
  }
  return "no error";
}

}  // namespace

TEST(EmbedNatives, DeducedSignaturesConvertArguments) {
  define_natives();
  interp().exec("import nat\nnat_r = (nat.add(1, 2), nat.add(5), nat.add(b=1, a=2), nat.join(['a', 'b'], '-'))");
  EXPECT_EQ((interp().global<std::tuple<int, int, int, std::string>>("nat_r")),
            std::make_tuple(3, 15, 3, std::string("a-b")));
  EXPECT_TRUE(interp().eval("nat.nothing()").is_none());
}

TEST(EmbedNatives, BadCallsRaiseTypeError) {
  define_natives();
  interp().exec("import nat");
  EXPECT_EQ(error_type_of("nat.add()"), "TypeError: add() missing 1 required positional argument: 'a'");
  EXPECT_EQ(error_type_of("nat.add(1, 2, 3)"), "TypeError: add() takes 2 positional arguments but 3 were given");
  EXPECT_EQ(error_type_of("nat.add(1, c=2)"), "TypeError: add() got an unexpected keyword argument 'c'");
  EXPECT_EQ(error_type_of("nat.add(1, a=2)"), "TypeError: add() got multiple values for argument 'a'");
  EXPECT_EQ(error_type_of("nat.add('x')"), "TypeError: 'str' object cannot be interpreted as an integer");
}

TEST(EmbedNatives, CppExceptionsBecomePythonExceptions) {
  define_natives();
  interp().exec(
      "import nat\n"
      "nat_caught = []\n"
      "for kind, cls in [('invalid', ValueError), ('range', IndexError), ('alloc', MemoryError),\n"
      "                  ('gilvm', KeyError), ('other', RuntimeError), ('int', RuntimeError)]:\n"
      "    try:\n"
      "        nat.fail(kind)\n"
      "    except cls as e:\n"
      "        nat_caught.append(type(e).__name__)\n");
  EXPECT_EQ(interp().global<std::vector<std::string>>("nat_caught"),
            (std::vector<std::string>{"ValueError", "IndexError", "MemoryError", "KeyError", "RuntimeError",
                                      "RuntimeError"}));
  EXPECT_EQ(error_type_of("nat.fail('invalid')"), "ValueError: not valid");
}

TEST(EmbedNatives, ScriptExceptionsCrossNativesUnchanged) {
  define_natives();
  interp().exec(
      "import nat\n"
      "class NatOwn(Exception):\n"
      "    pass\n"
      "def nat_raiser(x):\n"
      "    raise NatOwn('from script')\n"
      "try:\n"
      "    nat.call_back(nat_raiser)\n"
      "except NatOwn as e:\n"
      "    nat_own = str(e)\n");
  EXPECT_EQ(interp().global<std::string>("nat_own"), "from script");
  EXPECT_EQ(interp().eval("nat.apply(lambda v: v * 7, 6)").cast<int>(), 42);
}

TEST(EmbedNatives, ClassesWithConstructorsMethodsAndProperties) {
  define_natives();
  interp().exec(
      "import nat\n"
      "c = nat.Counter(5)\n"
      "c.bump()\n"
      "c.bump(by=3)\n"
      "c.count = c.count + 1\n"
      "nat_c = (c.count, c.doubled, c.label(), type(c).__name__, isinstance(c, nat.Counter))\n");
  EXPECT_EQ((interp().global<std::tuple<int, int, std::string, std::string, bool>>("nat_c")),
            std::make_tuple(10, 20, std::string("counter at 10"), std::string("Counter"), true));
  EXPECT_EQ(interp().eval("nat.peek(nat.make_counter(4))").cast<int>(), 4);
  interp().exec("nat_k = nat.Counter(3)\nnat.reset(nat_k)");
  EXPECT_EQ(interp().eval("nat_k.count").cast<int>(), 0);
  Counter& direct = interp().global("nat_k").cast<Counter&>();
  direct.count = 11;
  EXPECT_EQ(interp().eval("nat_k.doubled").cast<int>(), 22);
  EXPECT_EQ(error_type_of("nat.peek(3)"), "TypeError: expected a Counter instance, got int");
  EXPECT_EQ(error_type_of("nat.Counter(1).doubled = 3").substr(0, 16), "AttributeError: ");
}
