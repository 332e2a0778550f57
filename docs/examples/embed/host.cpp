// A complete gilvm host: it exposes a module of natives and a class to
// scripts, runs a script, reads its results, and shows the other half of
// the GIL story: CPU work in a native that releases the GIL runs in
// parallel, so two script threads calling it finish in about half the time
// one thread needs for the same total work (why numpy scales with threads),
// while the same loop written in Python gains nothing from a second thread.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>

#include <gilvm/gilvm.hpp>

namespace {

// CPU-bound work with no Python values: safe without the GIL.
double integrate(long steps) {
  double sum = 0;
  for (long i = 0; i < steps; ++i) {
    double x = (static_cast<double>(i) + 0.5) / static_cast<double>(steps);
    sum += 4.0 / (1.0 + x * x);
  }
  return sum / static_cast<double>(steps);
}

struct Account {
  explicit Account(std::string owner) : owner(std::move(owner)) {}
  void deposit(double amount) {
    if (amount <= 0) throw std::invalid_argument("deposit must be positive");
    balance += amount;
  }
  std::string owner;
  double balance = 0;
};

}  // namespace

int main() {
  gilvm::Config config;
  config.argv = {"host"};
  gilvm::Interpreter interp(config);

  gilvm::Module m = interp.module("host");
  m.def("greeting", [](const std::string& name, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += "hello " + name + "! ";
    return out;
  }, gilvm::arg("name"), gilvm::arg("times") = 1);
  // The GIL is released for the loop: other Python threads run meanwhile.
  m.def("pi", [](long steps) {
    gilvm::GilRelease release;
    return integrate(steps);
  });
  gilvm::class_<Account>(m, "Account")
      .def(gilvm::init<std::string>())
      .def("deposit", &Account::deposit)
      .def_readwrite("balance", &Account::balance)
      .def_readonly("owner", &Account::owner);

  interp.exec(R"(
import host
print(host.greeting("gilvm", times=2))
acct = host.Account("ada")
acct.deposit(10.5)
try:
    acct.deposit(-1)
except ValueError as e:
    print("refused:", e)
summary = {"owner": acct.owner, "balance": acct.balance}
)");
  auto summary = interp.global<std::map<std::string, gilvm::Object>>("summary");
  std::printf("%s has %.2f\n", summary["owner"].cast<std::string>().c_str(), summary["balance"].cast<double>());

  try {
    interp.exec("1 / 0", "<host>");
  } catch (const gilvm::Error& e) {
    std::printf("caught %s: %s\n", e.type().c_str(), e.message().c_str());
  }

  // One thread doing all the work, then two threads doing half each.
  interp.exec(R"(
import threading, time, host
STEPS = 100_000_000
PY_STEPS = 2_000_000
def py_work(steps):  # the same kind of loop in Python: holds the GIL
    total = 0.0
    for i in range(steps):
        x = (i + 0.5) / steps
        total += 4.0 / (1.0 + x * x)
    return total / steps
def run(threads, work=host.pi, steps=STEPS):
    start, cpu_start = time.perf_counter(), time.process_time()
    ts = [threading.Thread(target=work, args=(steps // threads,)) for _ in range(threads)]
    for t in ts: t.start()
    for t in ts: t.join()
    wall = time.perf_counter() - start
    # CPU seconds per wall second: how many cores the work kept busy.
    return wall, (time.process_time() - cpu_start) / wall
one, one_busy = run(1)
two, two_busy = run(2)
py_one, _ = run(1, py_work, PY_STEPS)
py_two, _ = run(2, py_work, PY_STEPS)
)");
  double one = interp.global<double>("one");
  double two = interp.global<double>("two");
  std::printf("native pi, 1 thread: %.3f s (%.2f cores busy); 2 threads: %.3f s (%.2f cores busy); speed-up %.2fx\n",
              one, interp.global<double>("one_busy"), two, interp.global<double>("two_busy"), one / two);
  double py_one = interp.global<double>("py_one");
  double py_two = interp.global<double>("py_two");
  std::printf("Python loop, 1 thread: %.3f s; 2 threads: %.3f s; speed-up %.2fx\n", py_one, py_two, py_one / py_two);
  return 0;
}
