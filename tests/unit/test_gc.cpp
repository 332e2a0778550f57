// The collector: unreachable objects (cycles included) are freed; objects
// reachable from precise roots, native stacks and ValueVectors survive;
// allocation alone only requests a collection; memory goes back.
//
// Native stacks are scanned conservatively, so a test that expects garbage
// to be freed makes it in a function of its own (not inlined) and then
// scrubs the stack area that function used: otherwise a stale copy of a
// pointer in a dead stack slot could legitimately keep an object alive.
// A stale pointer can also sit in a callee-saved register, which no scrub
// reaches; tests that free a batch allow kStaleSurvivors of it to remain.
#include "tests/unit/vm_fixture.hpp"
#include "vm/eval_breaker.hpp"
#include "vm/heap/page.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/str.hpp"

namespace gilvm::testing {
namespace {

class GcTest : public VmTest {};

constexpr size_t kStaleSurvivors = 4;

[[gnu::noinline]] void scrub_stack() {
  volatile char area[64 * 1024];
  for (size_t i = 0; i < sizeof area; i += 8) area[i] = 0;
}

[[gnu::noinline]] void make_garbage_lists(int n) {
  for (int i = 0; i < n; ++i) new_list({Value::small_int(i)});
}

[[gnu::noinline]] void make_garbage_cycle() {
  List* a = new_list();
  List* b = new_list({a});
  a->items.push_back(b);
  a->items.push_back(a);
}

// Collects with nothing of the caller's live on the stack but what it keeps.
void collect_clean() {
  scrub_stack();
  heap().collect();
}

TEST_F(GcTest, UnreachableObjectsAreFreed) {
  collect_clean();
  size_t baseline = heap().object_count();
  make_garbage_lists(1000);
  EXPECT_EQ(heap().object_count(), baseline + 1000);
  collect_clean();
  EXPECT_LE(heap().object_count(), baseline + kStaleSurvivors);
}

TEST_F(GcTest, RootedObjectsAndWhatTheyReachSurvive) {
  collect_clean();
  size_t baseline = heap().object_count();
  Root keep(new_list());
  List* list = keep.get().as<List>();
  for (int i = 0; i < 100; ++i) list->items.push_back(new_str("item " + std::to_string(i)));
  collect_clean();
  EXPECT_EQ(heap().object_count(), baseline + 101);
  EXPECT_EQ(list->items[99].as<Str>()->data, "item 99");
}

TEST_F(GcTest, CyclesAreCollected) {
  collect_clean();
  size_t baseline = heap().object_count();
  for (int i = 0; i < 100; ++i) make_garbage_cycle();
  collect_clean();
  EXPECT_LE(heap().object_count(), baseline + kStaleSurvivors);
}

// A C++ local is a root without any rooting: the stack is scanned.
TEST_F(GcTest, ObjectsHeldOnlyByNativeLocalsSurvive) {
  List* local = new_list();
  for (int i = 0; i < 50; ++i) local->items.push_back(new_str("local " + std::to_string(i)));
  collect_clean();
  heap().collect();
  ASSERT_EQ(local->items.size(), 50u);
  EXPECT_EQ(local->items[49].as<Str>()->data, "local 49");
  EXPECT_EQ(type_of(local), types().list);
}

// A pointer into the middle of an object keeps it alive too.
[[gnu::noinline]] const char* interior_of_new_str(Str** out) {
  *out = new_str("interior pointer keeps me");
  return reinterpret_cast<const char*>(*out) + 8;
}

TEST_F(GcTest, InteriorPointersAreRoots) {
  Str* str = nullptr;
  volatile const char* inside = interior_of_new_str(&str);
  uintptr_t disguised = reinterpret_cast<uintptr_t>(str) ^ 1;  // not a pointer any more
  str = nullptr;
  collect_clean();
  Str* back = reinterpret_cast<Str*>(disguised ^ 1);
  EXPECT_EQ(back->data, "interior pointer keeps me");
  EXPECT_NE(inside, nullptr);
}

// Values in a ValueVector's heap buffer survive; the same Values in a plain
// std::vector would not be seen.
TEST_F(GcTest, ValueVectorBuffersAreRoots) {
  collect_clean();
  size_t baseline = heap().object_count();
  auto* kept = new ValueVector();
  for (int i = 0; i < 200; ++i) kept->push_back(new_str("kept " + std::to_string(i)));
  collect_clean();
  EXPECT_EQ(heap().object_count(), baseline + 200);
  EXPECT_EQ((*kept)[199].as<Str>()->data, "kept 199");
  delete kept;
  collect_clean();
  EXPECT_LE(heap().object_count(), baseline + kStaleSurvivors);
}

TEST_F(GcTest, ConservativeLookupFindsOnlyLiveObjects) {
  Root keep(new_str("looked up"));
  Object* o = keep.get().object();
  auto start = reinterpret_cast<uintptr_t>(o);
  EXPECT_EQ(heap().object_containing(start), o);
  EXPECT_EQ(heap().object_containing(start + sizeof(Object) - 1), o);
  EXPECT_EQ(heap().object_containing(0), nullptr);
  EXPECT_EQ(heap().object_containing(Value::small_int(12345).raw()), nullptr);
  EXPECT_EQ(heap().object_containing(reinterpret_cast<uintptr_t>(&keep)), nullptr);  // the C++ stack
  // A freed slot is no object, even though a stale pointer to it may remain.
  std::vector<uintptr_t> freed = [] {
    std::vector<uintptr_t> disguised;
    for (int i = 0; i < 100; ++i) disguised.push_back(reinterpret_cast<uintptr_t>(new_str("soon gone")) ^ 1);
    return disguised;
  }();
  collect_clean();
  size_t still_found = 0;
  for (uintptr_t p : freed) still_found += heap().object_containing(p ^ 1) != nullptr;
  EXPECT_LE(still_found, kStaleSurvivors);
}

// The page header's reciprocal replaces a division: it must agree with one
// for every slot size and every offset inside a page.
TEST(PageLayout, SlotIndexByReciprocalEqualsDivision) {
  using namespace heap_layout;
  for (size_t c = 0; c < kClassCount; ++c) {
    uint32_t size = kClassSizes[c];
    auto reciprocal = static_cast<uint32_t>(((uint64_t(1) << 32) + size - 1) / size);
    for (uint64_t offset = 0; offset < kPageBytes; ++offset)
      ASSERT_EQ((offset * reciprocal) >> 32, offset / size) << "size " << size << " offset " << offset;
  }
}

TEST(PageLayout, SizeClassesFitAndWasteLittle) {
  using namespace heap_layout;
  for (size_t bytes = 1; bytes <= kLargestSlot; ++bytes) {
    size_t slot = kClassSizes[size_class_for(bytes)];
    ASSERT_GE(slot, bytes);
    if (bytes >= kSmallestSlot) {
      ASSERT_LE(slot, bytes + bytes / 4 + 8) << bytes;
    }
  }
  EXPECT_EQ(sizeof(Object), kSmallestSlot);
}

[[gnu::noinline]] void make_big_garbage() {
  for (int i = 0; i < 500000; ++i) new_str("some garbage text");
  new_list(std::vector<Value>(1, Value::none()));
}

// After a peak, the pages the garbage occupied go back to the system, but
// for a reserve that the next allocation budget will use.
TEST_F(GcTest, EmptyPagesAreReturned) {
  collect_clean();
  size_t before = heap().mapped_bytes();
  make_big_garbage();
  size_t peak = heap().mapped_bytes();
  EXPECT_GT(peak, before + (24u << 20));
  collect_clean();
  // Under ASan freed slots sit in a quarantine scattered over the pages.
  if (heap().quarantined_bytes() > 0) GTEST_SKIP() << "pages hold quarantined slots";
  EXPECT_LE(heap().mapped_bytes(), before + heap().threshold() + (1u << 20));
}

// Large objects (beyond the biggest size class) live on mappings of their own.
struct Bulky : Object {
  char payload[5000];
  explicit Bulky(Type* t) : Object(t) { payload[4999] = 'z'; }
};

[[gnu::noinline]] std::vector<uintptr_t> make_bulky_garbage() {
  std::vector<uintptr_t> disguised;
  for (int i = 0; i < 20; ++i) disguised.push_back(reinterpret_cast<uintptr_t>(gc_new<Bulky>(types().object)) ^ 1);
  return disguised;
}

TEST_F(GcTest, LargeObjectsAreFoundAndFreed) {
  Root keep(gc_new<Bulky>(types().object));
  auto* bulky = static_cast<Bulky*>(keep.get().object());
  EXPECT_EQ(heap().object_containing(reinterpret_cast<uintptr_t>(&bulky->payload[4000])), bulky);
  std::vector<uintptr_t> gone = make_bulky_garbage();
  collect_clean();
  EXPECT_EQ(bulky->payload[4999], 'z');
  size_t still_found = 0;
  for (uintptr_t p : gone) still_found += heap().object_containing(p ^ 1) != nullptr;
  EXPECT_LE(still_found, kStaleSurvivors);
  // The freed mappings' addresses come back for new ones: what is made there
  // must be usable (under ASan, no poison left over from the dead objects,
  // once the quarantine has let them go).
  make_big_garbage();
  collect_clean();
  make_big_garbage();
  collect_clean();
  Root again(new_list());
  for (int i = 0; i < 20; ++i) again.get().as<List>()->items.push_back(gc_new<Bulky>(types().object));
  for (int i = 0; i < 20000; ++i) again.get().as<List>()->items.push_back(new_str("reused"));
  EXPECT_EQ(static_cast<Bulky*>(again.get().as<List>()->items[19].object())->payload[4999], 'z');
}

TEST_F(GcTest, DeepStructuresDoNotOverflowTheMarker) {
  Root head(new_list());
  List* tail = head.get().as<List>();
  for (int i = 0; i < 1000000; ++i) {
    List* next = new_list();
    tail->items.push_back(next);
    tail = next;
  }
  size_t before = heap().collections();
  heap().collect();
  EXPECT_EQ(heap().collections(), before + 1);
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

// A file dropped without close() is flushed as reference counting would:
// the precise query ignores what only the native stack holds.
TEST_F(GcTest, PreciseQueryIgnoresNativeStacks) {
  Root kept(new_list());
  List* only_on_stack = new_list();
  std::vector<Object*> candidates{kept.get().object(), only_on_stack};
  std::vector<Object*> unreachable = heap().unreachable_precisely(candidates);
  ASSERT_EQ(unreachable.size(), 1u);
  EXPECT_EQ(unreachable[0], only_on_stack);
  // The query frees nothing.
  EXPECT_EQ(type_of(only_on_stack), types().list);
}

// The weak-reference hook: cleared inside the collection that finds the
// referent unreachable, callback queued until run_finalizers.
struct WeakHolder : Object {
  Object* referent;
  bool called_back = false;
  WeakHolder(Type* t, Object* r) : Object(t), referent(r) {}
};

[[gnu::noinline]] void make_weakly_held_batch(std::vector<WeakHolder*>& holders) {
  for (int i = 0; i < 50; ++i) {
    auto* holder = gc_new<WeakHolder>(types().object, new_list());
    holders.push_back(holder);
    heap().add_weak_reference({holder->referent, holder,
                               [](Object* h) { static_cast<WeakHolder*>(h)->referent = nullptr; },
                               [](Object* h) { static_cast<WeakHolder*>(h)->called_back = true; }});
  }
}

TEST_F(GcTest, WeakReferencesAreClearedAndCalledBack) {
  Root keep(new_list());
  std::vector<WeakHolder*> holders;
  make_weakly_held_batch(holders);
  for (WeakHolder* h : holders) keep.get().as<List>()->items.push_back(h);
  collect_clean();
  size_t cleared = 0, called = 0;
  for (WeakHolder* h : holders) {
    cleared += h->referent == nullptr;
    called += h->called_back;
  }
  EXPECT_GE(cleared, holders.size() - kStaleSurvivors);
  EXPECT_EQ(called, 0u);  // callbacks wait for the safepoint
  heap().run_finalizers();
  called = 0;
  for (WeakHolder* h : holders) called += h->called_back;
  EXPECT_EQ(called, cleared);
}

// A weak-reference holder that is garbage itself, but which a finalizer
// resurrects, must not be left pointing at its freed referent: the
// collection clears it (without a callback, as CPython skips the callbacks
// of dead weak references) even though its holder looked dead.
struct HolderKeeper : Object {
  WeakHolder* holder;
  static inline size_t cleared_seen = 0;
  static inline size_t finalized = 0;
  HolderKeeper(Type* t, WeakHolder* h) : Object(t), holder(h) {}
  void trace(Tracer& t) override { t.visit(holder); }
  void finalize() override {
    ++finalized;
    cleared_seen += holder->referent == nullptr;
  }
};

[[gnu::noinline]] void make_resurrected_holders(int n) {
  for (int i = 0; i < n; ++i) {
    auto* holder = gc_new<WeakHolder>(types().object, new_list());
    heap().add_weak_reference({holder->referent, holder,
                               [](Object* h) { static_cast<WeakHolder*>(h)->referent = nullptr; },
                               [](Object* h) { static_cast<WeakHolder*>(h)->called_back = true; }});
    heap().register_finalizer(gc_new<HolderKeeper>(types().object, holder));
  }
}

TEST_F(GcTest, WeakReferencesHeldOnlyByResurrectedObjectsAreCleared) {
  HolderKeeper::cleared_seen = HolderKeeper::finalized = 0;
  make_resurrected_holders(40);
  collect_clean();
  heap().run_finalizers();
  EXPECT_GE(HolderKeeper::finalized, 40 - kStaleSurvivors);
  // A stale stack slot may keep a referent (and so its reference) alive.
  EXPECT_GE(HolderKeeper::cleared_seen + kStaleSurvivors, HolderKeeper::finalized);
  collect_clean();
  heap().run_finalizers();
}

// A native object's finalize() runs once, after the collection, with the
// objects it references still intact.
struct Finalizable : Object {
  List* payload;
  static inline size_t finalized = 0;
  static inline size_t payload_seen = 0;
  Finalizable(Type* t, List* p) : Object(t), payload(p) {}
  void trace(Tracer& t) override { t.visit(payload); }
  void finalize() override {
    ++finalized;
    payload_seen += payload->items.size();
  }
};

[[gnu::noinline]] void make_finalizable_garbage(int n) {
  for (int i = 0; i < n; ++i)
    heap().register_finalizer(gc_new<Finalizable>(types().object, new_list({Value::small_int(i)})));
}

TEST_F(GcTest, NativeFinalizersRunOnceWithIntactReferences) {
  Finalizable::finalized = Finalizable::payload_seen = 0;
  make_finalizable_garbage(40);
  collect_clean();
  EXPECT_EQ(Finalizable::finalized, 0u);  // not inside the collection
  heap().run_finalizers();
  EXPECT_GE(Finalizable::finalized, 40 - kStaleSurvivors);
  EXPECT_EQ(Finalizable::payload_seen, Finalizable::finalized);
  size_t after_first = Finalizable::finalized;
  collect_clean();
  heap().run_finalizers();
  collect_clean();
  heap().run_finalizers();
  EXPECT_LE(Finalizable::finalized, 40u);
  EXPECT_GE(Finalizable::finalized, after_first);
}

// A registration lapses once needs_finalization() says no: the object is
// then freed by the first collection that finds it dead, unfinalized.
struct LapsingFinalizable : Object {
  bool needed;
  static inline size_t finalized = 0;
  LapsingFinalizable(Type* t, bool n) : Object(t), needed(n) {}
  bool needs_finalization() const override { return needed; }
  void finalize() override { ++finalized; }
};

[[gnu::noinline]] void make_lapsing_garbage(int n, bool needed) {
  for (int i = 0; i < n; ++i) heap().register_finalizer(gc_new<LapsingFinalizable>(types().object, needed));
}

TEST_F(GcTest, LapsedFinalizerRegistrationsNeitherRunNorKeepObjects) {
  LapsingFinalizable::finalized = 0;
  heap().collect();
  heap().run_finalizers();
  size_t baseline = heap().object_count();
  make_lapsing_garbage(40, false);
  collect_clean();
  heap().run_finalizers();
  EXPECT_EQ(LapsingFinalizable::finalized, 0u);
  EXPECT_LE(heap().object_count(), baseline + kStaleSurvivors);  // freed at once, not kept a cycle
  make_lapsing_garbage(40, true);
  collect_clean();
  heap().run_finalizers();
  EXPECT_GE(LapsingFinalizable::finalized, 40 - kStaleSurvivors);
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
