// The GIL mechanism: hand-off after a switch interval (drop request),
// forced switching, release around blocking calls, and the counters.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "runtime/gil.hpp"
#include "vm/eval_breaker.hpp"
#include "vm/thread_state.hpp"

namespace gilvm::testing {
namespace {

using namespace std::chrono_literals;

class GilTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gil().set_interval_microseconds(2000);
    clear_eval_breaker_bit(kGilDropRequested);
  }
  void TearDown() override {
    gil().set_interval_microseconds(5000);
    gil().retire_thread(&a_);
    gil().retire_thread(&b_);
  }
  ThreadState a_, b_;
};

TEST_F(GilTest, TakeAndDropCountAcquisitions) {
  uint64_t before = gil().stats().acquisitions;
  gil().take(&a_);
  EXPECT_TRUE(gil().held_by(&a_));
  gil().drop(&a_);
  EXPECT_FALSE(gil().held_by(&a_));
  EXPECT_EQ(gil().stats().acquisitions, before + 1);
  EXPECT_GE(gil().thread_stats(&a_).acquisitions, 1u);
}

TEST_F(GilTest, AWaiterRequestsADropAfterTheInterval) {
  gil().take(&a_);
  uint64_t requests = gil().stats().drop_requests;
  std::atomic<bool> b_has_it{false};
  std::thread waiter([&] {
    gil().take(&b_);
    b_has_it = true;
    gil().drop(&b_);
  });
  // The holder never yields by itself: the waiter must ask.
  auto deadline = std::chrono::steady_clock::now() + 5s;
  while ((eval_breaker.load() & kGilDropRequested) == 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(1ms);
  EXPECT_NE(eval_breaker.load() & kGilDropRequested, 0u);
  EXPECT_GT(gil().stats().drop_requests, requests);
  EXPECT_FALSE(b_has_it.load());
  // The holder answers at its "safepoint": forced switching hands the GIL
  // over and only then takes it back.
  uint64_t forced = gil().stats().forced_drops;
  gil().yield_for_switch(&a_);
  EXPECT_TRUE(b_has_it.load());
  EXPECT_TRUE(gil().held_by(&a_));
  EXPECT_EQ(gil().stats().forced_drops, forced + 1);
  EXPECT_EQ(eval_breaker.load() & kGilDropRequested, 0u);
  gil().drop(&a_);
  waiter.join();
  EXPECT_GT(gil().thread_stats(&b_).wait_seconds, 0.0);
}

TEST_F(GilTest, BlockingCallsReleaseTheGil) {
  ThreadState* previous = current_thread_state();
  set_current_thread_state(&a_);
  gil().take(&a_);
  std::atomic<int> ran{0};
  std::thread other([&] {
    gil().take(&b_);
    ++ran;
    gil().drop(&b_);
  });
  {
    GilRelease release;  // as time.sleep does around its wait
    auto deadline = std::chrono::steady_clock::now() + 5s;
    while (ran.load() == 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
  }
  EXPECT_EQ(ran.load(), 1);
  EXPECT_TRUE(gil().held_by(&a_));
  gil().drop(&a_);
  other.join();
  set_current_thread_state(previous);
}

TEST_F(GilTest, SwitchesCountChangesOfHolder) {
  uint64_t switches = gil().stats().switches;
  gil().take(&a_);
  gil().drop(&a_);
  gil().take(&a_);  // same holder again: not a switch
  gil().drop(&a_);
  std::thread t([&] {
    gil().take(&b_);
    gil().drop(&b_);
  });
  t.join();
  EXPECT_GE(gil().stats().switches, switches + 1);
  EXPECT_LE(gil().stats().switches, switches + 2);
}

TEST_F(GilTest, ARecordOutlivesItsThreadAndLateOnesAreFolded) {
  gil().name_thread(&a_, "worker-a");
  gil().take(&a_);
  gil().drop(&a_);
  gil().retire_thread(&a_);
  bool found = false;
  for (const GilThreadStats& row : gil().all_thread_stats())
    if (row.name == "worker-a") found = row.finished && row.acquisitions == 1;
  EXPECT_TRUE(found);
  // Enough ended threads that later ones must be folded into one row.
  for (size_t i = 0; i < Gil::kKeptFinishedThreads + 3; ++i) {
    ThreadState t;
    gil().take(&t);
    gil().drop(&t);
    gil().retire_thread(&t);
  }
  std::vector<GilThreadStats> rows = gil().all_thread_stats();
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.back().name, "(other threads)");
  EXPECT_GE(rows.back().threads, 3u);
  EXPECT_GE(rows.back().acquisitions, 3u);
  size_t finished = 0;
  for (const GilThreadStats& row : rows) finished += row.finished && row.threads == 1;
  EXPECT_EQ(finished, Gil::kKeptFinishedThreads);
}

TEST(GilShutdownTest, OtherThreadsParkOnceShutdownBegan) {
  // A private GIL, never destroyed: the parked thread waits on it forever.
  static Gil* private_gil = new Gil();
  static ThreadState survivor, daemon;
  private_gil->take(&survivor);
  private_gil->begin_shutdown(&survivor);
  static std::atomic<bool> daemon_ran{false};
  std::thread([] {
    private_gil->take(&daemon);
    daemon_ran = true;
  }).detach();
  // The survivor can still drop and take the GIL (as exit-time flushes do),
  // and the daemon never gets it, even while it is free.
  private_gil->drop(&survivor);
  std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(daemon_ran.load());
  private_gil->take(&survivor);
  EXPECT_TRUE(private_gil->held_by(&survivor));
  EXPECT_FALSE(daemon_ran.load());
}

}  // namespace
}  // namespace gilvm::testing
