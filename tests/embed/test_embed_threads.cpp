// The GIL seen from the host: handles across collections and threads, the
// guards, host threads calling in while script threads run, natives that
// release the GIL, interrupt() and the time limit.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "embed_fixture.hpp"

using gilvm_test::interp;

namespace {

// Waits (without the GIL) until `done` holds or ten seconds pass; the
// bound only keeps a broken build from hanging, no test depends on it.
template <class F>
bool wait_until(F done) {
  for (int i = 0; i < 10000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return done();
}

std::atomic<int> inside{0};
std::atomic<int> most_inside{0};
std::atomic<bool> flag{false};

void define_thread_natives() {
  static bool done = [] {
    gilvm::Module m = interp().module("thr");
    // Holds the GIL's release until two callers are inside at once: only
    // possible if GilRelease really lets the other thread run.
    m.def("meet", [] {
      gilvm::GilRelease release;
      int now = ++inside;
      int seen = most_inside.load();
      while (now > seen && !most_inside.compare_exchange_weak(seen, now)) {
      }
      bool met = wait_until([] { return most_inside.load() >= 2; });
      --inside;
      return met;
    });
    m.def("wait_flag", [] {
      gilvm::GilRelease release;
      return wait_until([] { return flag.load(); });
    });
    m.def("set_flag", [] { flag = true; });
    m.def("started", [] { flag = true; });
    // Uses handles while the GIL is released: each use takes it briefly.
    m.def("sum_released", [](gilvm::Object list) {
      gilvm::GilRelease release;
      long total = 0;
      for (long v : list.cast<std::vector<long>>()) total += v;
      return total;
    });
    return true;
  }();
  (void)done;
}

}  // namespace

TEST(EmbedThreads, HandlesKeepValuesAliveAcrossCollections) {
  gilvm::Object kept = interp().eval("[str(i) * 3 for i in range(100)]");
  std::vector<gilvm::Object> many;
  for (int i = 0; i < 50; ++i) many.push_back(interp().eval("{'k': [" + std::to_string(i) + "] * 10}"));
  interp().exec("import gc\nfor _ in range(3):\n    junk = [[i] for i in range(20000)]\n    gc.collect()\n");
  EXPECT_EQ(kept.item(99).cast<std::string>(), "999999");
  for (int i = 0; i < 50; ++i) EXPECT_EQ(many[i].item("k").item(9).cast<int>(), i);
}

TEST(EmbedThreads, HandlesMadeOnHostThreadsSurviveCollectionsElsewhere) {
  std::vector<gilvm::Object> made(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&made, t] { made[t] = gilvm::cast(std::vector<int>(100, t)); });
  for (auto& th : threads) th.join();
  interp().exec("import gc\njunk = [[i] for i in range(20000)]\ngc.collect()\n");
  for (int t = 0; t < 4; ++t) EXPECT_EQ(made[t].cast<std::vector<int>>(), std::vector<int>(100, t));
  // Dropping handles needs no GIL, on any thread.
  std::thread dropper([&made] { made.clear(); });
  dropper.join();
}

TEST(EmbedThreads, GuardsAreReentrantAndMisuseIsAnError) {
  EXPECT_FALSE(gilvm::gil_held());
  try {
    gilvm::GilRelease release;
    FAIL() << "released a GIL this thread does not hold";
  } catch (const gilvm::Error& e) {
    EXPECT_EQ(e.type(), "RuntimeError");
    EXPECT_NE(std::string(e.what()).find("does not hold the GIL"), std::string::npos);
  }
  {
    gilvm::GilAcquire outer;
    EXPECT_TRUE(gilvm::gil_held());
    {
      gilvm::GilAcquire inner;
      EXPECT_TRUE(gilvm::gil_held());
      EXPECT_EQ(interp().eval("1 + 1").cast<int>(), 2);
    }
    EXPECT_TRUE(gilvm::gil_held());
    {
      gilvm::GilRelease release;
      EXPECT_FALSE(gilvm::gil_held());
    }
    EXPECT_TRUE(gilvm::gil_held());
  }
  EXPECT_FALSE(gilvm::gil_held());
  // A thread the VM never saw.
  bool held_inside = false;
  std::thread([&held_inside] {
    gilvm::GilAcquire gil;
    held_inside = gilvm::gil_held();
  }).join();
  EXPECT_TRUE(held_inside);
}

TEST(EmbedThreads, ReleasingNativesLetScriptThreadsRun) {
  define_thread_natives();
  flag = false;
  interp().exec(
      "import threading, thr\n"
      "setter = threading.Thread(target=thr.set_flag)\n"
      "setter.start()\n"
      "thr_seen = thr.wait_flag()\n"
      "setter.join()\n"
      "thr_sum = thr.sum_released(list(range(101)))\n");
  EXPECT_TRUE(interp().global<bool>("thr_seen"));
  EXPECT_EQ(interp().global<long>("thr_sum"), 5050);
}

TEST(EmbedThreads, NativesReleasingTheGilRunInParallel) {
  define_thread_natives();
  inside = 0;
  most_inside = 0;
  interp().exec(
      "import threading, thr\n"
      "thr_met = []\n"
      "ts = [threading.Thread(target=lambda: thr_met.append(thr.meet())) for _ in range(2)]\n"
      "for t in ts: t.start()\n"
      "for t in ts: t.join()\n");
  EXPECT_EQ(interp().global<std::vector<bool>>("thr_met"), (std::vector<bool>{true, true}));
  EXPECT_EQ(most_inside.load(), 2);
}

TEST(EmbedThreads, HostThreadsCallScriptsWhileScriptThreadsRun) {
  interp().exec(
      "import threading\n"
      "hts_lock = threading.Lock()\n"
      "hts_items = []\n"
      "hts_stop = threading.Event()\n"
      "hts_spins = [0, 0]\n"
      "def hts_spin(k):\n"
      "    while not hts_stop.is_set():\n"
      "        hts_spins[k] += 1\n"
      "        junk = [k] * 10\n"
      "def hts_add(i):\n"
      "    with hts_lock:\n"
      "        hts_items.append(i)\n"
      "    return i * 2\n"
      "hts_threads = [threading.Thread(target=hts_spin, args=(k,)) for k in range(2)]\n"
      "for t in hts_threads: t.start()\n");
  gilvm::Object add = interp().global("hts_add");
  std::vector<std::thread> hosts;
  std::atomic<long> doubled{0};
  for (int h = 0; h < 4; ++h) {
    hosts.emplace_back([&, h] {
      auto add_fn = add.cast<std::function<int(int)>>();
      for (int i = 0; i < 50; ++i) doubled += add_fn(h * 50 + i);
      interp().exec("hts_spins[0] += 0");
    });
  }
  for (auto& t : hosts) t.join();
  interp().exec("hts_stop.set()\nfor t in hts_threads: t.join()\n");
  EXPECT_EQ(interp().eval("len(hts_items)").cast<int>(), 200);
  EXPECT_EQ(interp().eval("sorted(hts_items) == list(range(200))").cast<bool>(), true);
  EXPECT_EQ(doubled.load(), 2 * (199 * 200 / 2));
}

TEST(EmbedThreads, InterruptStopsARunawayScript) {
  define_thread_natives();
  flag = false;
  std::thread watchdog([] {
    wait_until([] { return flag.load(); });
    interp().interrupt();
  });
  try {
    interp().exec("import thr\nthr.started()\nwhile True:\n    pass\n");
    FAIL() << "not interrupted";
  } catch (const gilvm::Error& e) {
    EXPECT_EQ(e.type(), "KeyboardInterrupt");
  }
  watchdog.join();
  // The interpreter goes on working afterwards.
  EXPECT_EQ(interp().eval("2 + 2").cast<int>(), 4);
}

TEST(EmbedThreads, TimeLimitInterruptsLongCalls) {
  interp().set_time_limit(0.05);
  try {
    interp().exec("while True:\n    pass\n");
    FAIL() << "not interrupted";
  } catch (const gilvm::Error& e) {
    EXPECT_EQ(e.type(), "KeyboardInterrupt");
  }
  EXPECT_EQ(interp().eval("3 * 3").cast<int>(), 9);
  interp().set_time_limit(0);
}

// A script that swallows the KeyboardInterrupt is terminated after the
// grace period: its handlers stop running, and the host gets the call back.
TEST(EmbedThreads, TimeLimitTerminatesScriptsThatSwallowTheInterrupt) {
  interp().set_time_limit(0.05);
  interp().exec("swallowed = 0\nhandlers_after = []\n");
  try {
    interp().exec(
        "while True:\n"
        "    try:\n"
        "        while True:\n"
        "            pass\n"
        "    except BaseException:\n"
        "        swallowed += 1\n"
        "    finally:\n"
        "        handlers_after.append(swallowed)\n");
    FAIL() << "not terminated";
  } catch (const gilvm::Error& e) {
    EXPECT_EQ(e.type(), "KeyboardInterrupt");
  }
  EXPECT_GE(interp().eval("swallowed").cast<int>(), 1);
  // Once terminating, no handler ran: the count the finally blocks saw is
  // the count the except blocks reached.
  EXPECT_EQ(interp().eval("handlers_after[-1] == swallowed").cast<bool>(), true);
  // Handlers work again in the next call.
  EXPECT_EQ(interp().eval("[1 for _ in [0]]").cast<std::vector<int>>(), std::vector<int>{1});
  interp().exec("try:\n    raise ValueError\nexcept ValueError:\n    caught = True\n");
  EXPECT_EQ(interp().eval("caught").cast<bool>(), true);
  interp().set_time_limit(0);
}
