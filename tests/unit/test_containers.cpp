// The dict and set tables: insertion order, deletion, and CPython's set
// slot order (the order scripts see when they print a set).
#include "tests/unit/vm_fixture.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/set.hpp"
#include "vm/objects/str.hpp"

namespace gilvm::testing {
namespace {

class ContainersTest : public VmTest {};

std::vector<int64_t> set_order(const SetTable& t) {
  std::vector<int64_t> out;
  for (size_t i = 0; i < t.capacity(); ++i)
    if (t.occupied(i)) out.push_back(t.key_at(i).small_int_value());
  return out;
}

std::vector<int64_t> dict_keys(const DictTable& t) {
  std::vector<int64_t> out;
  for (size_t i = 0; i < t.entry_capacity(); ++i)
    if (!t.entry_at(i).key.is_null()) out.push_back(t.entry_at(i).key.small_int_value());
  return out;
}

TEST_F(ContainersTest, DictKeepsInsertionOrderThroughDeletes) {
  DictTable d;
  for (int64_t k : {5, 3, 9, 1}) d.set(Value::small_int(k), Value::small_int(k * 10));
  EXPECT_EQ(dict_keys(d), (std::vector<int64_t>{5, 3, 9, 1}));
  EXPECT_EQ(d.remove(Value::small_int(3)).small_int_value(), 30);
  d.set(Value::small_int(3), Value::small_int(33));
  d.set(Value::small_int(5), Value::small_int(55));  // update keeps position
  EXPECT_EQ(dict_keys(d), (std::vector<int64_t>{5, 9, 1, 3}));
  EXPECT_EQ(d.get(Value::small_int(5)).small_int_value(), 55);
  EXPECT_TRUE(d.get(Value::small_int(4)).is_null());
  EXPECT_EQ(d.size(), 4u);
}

TEST_F(ContainersTest, DictGrowsAndFindsEveryKey) {
  DictTable d;
  for (int64_t k = 0; k < 10000; ++k) d.set(Value::small_int(k * 7919), Value::small_int(k));
  for (int64_t k = 0; k < 10000; k += 2) d.remove(Value::small_int(k * 7919));
  EXPECT_EQ(d.size(), 5000u);
  for (int64_t k = 1; k < 10000; k += 2) EXPECT_EQ(d.get(Value::small_int(k * 7919)).small_int_value(), k);
}

TEST_F(ContainersTest, StrKeysCompareByValue) {
  DictTable d;
  d.set(new_str("spam"), Value::small_int(1));
  EXPECT_EQ(d.get(new_str("spam")).small_int_value(), 1);
  EXPECT_EQ(d.get_str(intern("spam")).small_int_value(), 1);
}

TEST_F(ContainersTest, SetIteratesInCPythonsOrder) {
  SetTable a;
  for (int64_t k : {3, 1, 2}) a.add(Value::small_int(k));
  EXPECT_EQ(set_order(a), (std::vector<int64_t>{1, 2, 3}));

  SetTable b;  // CPython: list(set([100, 5, 37, 8, 64, 1000, 3, 17, 33, 9]))
  for (int64_t k : {100, 5, 37, 8, 64, 1000, 3, 17, 33, 9}) b.add(Value::small_int(k));
  EXPECT_EQ(set_order(b), (std::vector<int64_t>{64, 33, 3, 100, 37, 5, 8, 1000, 9, 17}));

  SetTable c;  // CPython: list(set(range(40, 0, -3)))
  for (int64_t k = 40; k > 0; k -= 3) c.add(Value::small_int(k));
  EXPECT_EQ(set_order(c), (std::vector<int64_t>{1, 34, 4, 37, 7, 40, 10, 13, 16, 19, 22, 25, 28, 31}));
}

TEST_F(ContainersTest, SetDiscardAndReuse) {
  SetTable s;
  EXPECT_TRUE(s.add(Value::small_int(8)));
  EXPECT_FALSE(s.add(Value::small_int(8)));
  EXPECT_TRUE(s.discard(Value::small_int(8)));
  EXPECT_FALSE(s.discard(Value::small_int(8)));
  EXPECT_FALSE(s.contains(Value::small_int(8)));
  EXPECT_TRUE(s.add(Value::small_int(16)));
  EXPECT_EQ(s.size(), 1u);
}

TEST_F(ContainersTest, UnhashableKeyRaises) {
  EXPECT_EQ(raised([] { hash_value(new_list()); }), "TypeError: unhashable type: 'list'");
}

}  // namespace
}  // namespace gilvm::testing
