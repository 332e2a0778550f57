// The collector: unreachable objects (cycles included) are freed, rooted
// ones survive, and allocation alone only requests a collection.
#include "tests/unit/vm_fixture.hpp"
#include "vm/eval_breaker.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"

namespace gilvm::testing {
namespace {

class GcTest : public VmTest {};

TEST_F(GcTest, UnreachableObjectsAreFreed) {
  heap().collect();
  size_t baseline = heap().object_count();
  for (int i = 0; i < 1000; ++i) new_list({Value::small_int(i)});
  EXPECT_EQ(heap().object_count(), baseline + 1000);
  heap().collect();
  EXPECT_EQ(heap().object_count(), baseline);
}

TEST_F(GcTest, RootedObjectsAndWhatTheyReachSurvive) {
  heap().collect();
  size_t baseline = heap().object_count();
  Root keep(new_list());
  List* list = keep.get().as<List>();
  for (int i = 0; i < 100; ++i) list->items.push_back(new_str("item " + std::to_string(i)));
  heap().collect();
  EXPECT_EQ(heap().object_count(), baseline + 101);
  EXPECT_EQ(list->items[99].as<Str>()->data, "item 99");
}

TEST_F(GcTest, CyclesAreCollected) {
  heap().collect();
  size_t baseline = heap().object_count();
  {
    List* a = new_list();
    List* b = new_list({a});
    a->items.push_back(b);
    a->items.push_back(a);
  }
  heap().collect();
  EXPECT_EQ(heap().object_count(), baseline);
}

TEST_F(GcTest, DeepStructuresDoNotOverflowTheMarker) {
  Root head(new_list());
  List* tail = head.get().as<List>();
  for (int i = 0; i < 1000000; ++i) {
    List* next = new_list();
    tail->items.push_back(next);
    tail = next;
  }
  heap().collect();
  SUCCEED() << "marking a million-deep chain completed";
  head.set(Value::none());
  heap().collect();
}

TEST_F(GcTest, AllocationRequestsButNeverPerformsCollection) {
  heap().collect();
  clear_eval_breaker_bit(kGcRequested);
  size_t collections = heap().collections();
  heap().set_threshold(1024);
  for (int i = 0; i < 200; ++i) new_list();
  EXPECT_EQ(heap().collections(), collections);
  EXPECT_NE(eval_breaker.load() & kGcRequested, 0u);
  handle_eval_breaker(current_thread_state());  // the safepoint
  EXPECT_EQ(heap().collections(), collections + 1);
  EXPECT_EQ(eval_breaker.load() & kGcRequested, 0u);
}

// One big container is one object but a lot of marking: the allocation
// budget until the next collection must grow with it, or a loop that keeps
// a large dict alive while making garbage spends its time re-marking it.
TEST_F(GcTest, BudgetGrowsWithTheReferencesALiveContainerHolds) {
  heap().collect();
  size_t small_heap_budget = heap().threshold();
  Root keep(new_dict());
  DictTable& table = keep.get().as<Dict>()->table;
  for (int i = 0; i < 1000000; ++i) table.set(Value::small_int(i), Value::small_int(i));
  heap().collect();
  EXPECT_GE(heap().threshold(), 2000000u * 8);
  EXPECT_GT(heap().threshold(), small_heap_budget);
}

}  // namespace
}  // namespace gilvm::testing
