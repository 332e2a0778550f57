// The builtins module's functions called from C++ (the differential scripts
// in tests/scripts/builtins_*.py cover them from Python).
#include <cstdio>
#include <fstream>
#include <string>

#include "stdlib/builtins_module.hpp"
#include "tests/unit/vm_fixture.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"

namespace gilvm::testing {
namespace {

class BuiltinsTest : public VmTest {
 protected:
  void SetUp() override {
    VmTest::SetUp();
    static Dict* ns = nullptr;
    if (ns == nullptr) {
      ns = new_dict();
      keep_ = new Root(Value(ns));
      install_builtin_functions(ns);
    }
    ns_ = ns;
  }
  Value fn(const char* name) {
    Value f = ns_->table.get_str(intern(name));
    EXPECT_FALSE(f.is_null()) << name;
    return f;
  }
  // repr, spelled out for lists and tuples (whose own repr may not exist yet).
  std::string r(Value v) {
    const std::vector<Value>* items = nullptr;
    std::string open, close;
    if (is_type(v, types().list)) {
      items = &v.as<List>()->items;
      open = "[";
      close = "]";
    } else if (is_type(v, types().tuple)) {
      items = &v.as<Tuple>()->items;
      open = "(";
      close = items->size() == 1 ? ",)" : ")";
    }
    if (items == nullptr) return repr_string(v);
    std::string out = open;
    for (size_t i = 0; i < items->size(); ++i) out += (i ? ", " : "") + r((*items)[i]);
    return out + close;
  }
  Value ints(std::initializer_list<int64_t> xs) {
    std::vector<Value> v;
    for (int64_t x : xs) v.push_back(Value::small_int(x));
    return Value(new_list(v));
  }
  Dict* ns_ = nullptr;
  static inline Root* keep_ = nullptr;
};

TEST_F(BuiltinsTest, SortedMinMaxSum) {
  EXPECT_EQ(r(call(fn("sorted"), {ints({3, 1, 2})})), "[1, 2, 3]");
  EXPECT_EQ(r(call(fn("max"), {ints({3, 1, 2})})), "3");
  EXPECT_EQ(r(call(fn("min"), {Value::small_int(4), Value::small_int(-1)})), "-1");
  EXPECT_EQ(r(call(fn("sum"), {ints({3, 1, 2})})), "6");
  EXPECT_EQ(raised([&] { call(fn("max"), {ints({})}); }), "ValueError: max() arg is an empty sequence");
  std::vector<Value> big;
  for (int64_t i = 0; i < 1000; ++i) big.push_back(Value::small_int((i * 7919) % 1000));
  Value s = call(fn("sorted"), {Value(new_list(big))});
  auto& items = s.as<List>()->items;
  for (size_t i = 0; i < items.size(); ++i) EXPECT_EQ(items[i].small_int_value(), int64_t(i));
}

TEST_F(BuiltinsTest, Numbers) {
  EXPECT_EQ(r(call(fn("hex"), {Value::small_int(255)})), "'0xff'");
  EXPECT_EQ(r(call(fn("bin"), {Value::small_int(-5)})), "'-0b101'");
  EXPECT_EQ(r(call(fn("round"), {make_float(2.675), Value::small_int(2)})), "2.67");
  EXPECT_EQ(r(call(fn("round"), {make_float(2.5)})), "2");
  EXPECT_EQ(r(call(fn("round"), {make_float(125.0), Value::small_int(-1)})), "120.0");
  EXPECT_EQ(r(call(fn("round"), {Value::small_int(1250), Value::small_int(-2)})), "1200");
  EXPECT_EQ(r(call(fn("divmod"), {Value::small_int(-7), Value::small_int(2)})), "(-4, 1)");
  EXPECT_EQ(r(call(fn("pow"), {Value::small_int(3), Value::small_int(-1), Value::small_int(7)})), "5");
  EXPECT_EQ(r(call(fn("chr"), {Value::small_int(65)})), "'A'");
  EXPECT_EQ(r(call(fn("ord"), {Value(new_str("\xe2\x98\xba"))})), "9786");
  EXPECT_EQ(raised([&] { call(fn("chr"), {Value::small_int(-1)}); }), "ValueError: chr() arg not in range(0x110000)");
}

TEST_F(BuiltinsTest, Iterators) {
  Value z = call(fn("zip"), {ints({1, 2}), ints({3, 4})});
  EXPECT_EQ(r(Value(new_list(collect_iterable(z)))), "[(1, 3), (2, 4)]");
  Value e = call(fn("enumerate"), {ints({7})});
  EXPECT_EQ(r(Value(new_list(collect_iterable(e)))), "[(0, 7)]");
  Value rv = call(fn("reversed"), {ints({1, 2, 3})});
  EXPECT_EQ(r(Value(new_list(collect_iterable(rv)))), "[3, 2, 1]");
  Value m = call(fn("map"), {fn("abs"), ints({-1, 2})});
  EXPECT_EQ(r(Value(new_list(collect_iterable(m)))), "[1, 2]");
  Value f = call(fn("filter"), {Value::none(), ints({0, 1, 0, 2})});
  EXPECT_EQ(r(Value(new_list(collect_iterable(f)))), "[1, 2]");
}

TEST_F(BuiltinsTest, FilesWriteAndRead) {
  const char* path = "/tmp/gilvm_unit_builtins_file.txt";
  Value f = call(fn("open"), {Value(new_str(path)), Value(new_str("w"))});
  EXPECT_EQ(r(call_method(f, "write", {Value(new_str("a\r\nb\n"))})), "5");
  call_method(f, "close", {});
  Value g = call(fn("open"), {Value(new_str(path))});
  EXPECT_EQ(r(call_method(g, "readline", {})), "'a\\n'");
  EXPECT_EQ(r(call_method(g, "read", {})), "'b\\n'");
  call_method(g, "close", {});
  EXPECT_EQ(raised([&] { call_method(g, "read", {}); }), "ValueError: I/O operation on closed file.");
  std::remove(path);
  EXPECT_EQ(raised([&] { call(fn("open"), {Value(new_str("/tmp/gilvm_no_such_file.txt"))}); }),
            "FileNotFoundError: [Errno 2] No such file or directory: '/tmp/gilvm_no_such_file.txt'");
}

}  // namespace
}  // namespace gilvm::testing
