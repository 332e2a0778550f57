// The floor under bench_mp_process_start_join: a plain C++ process that
// forks a child which exits at once, and waits for it, N times in a row.
// No interpreter, no pipes, no bookkeeping: what the kernel's fork, exit
// and waitpid cost for a small process. Prints the seconds per start+join.
//
//   fork_exit_wait [N]        (default 200, the benchmark's count)
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 200;
  if (n <= 0) n = 200;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    pid_t pid = ::fork();
    if (pid < 0) {
      std::perror("fork");
      return 1;
    }
    if (pid == 0) ::_exit(0);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::fprintf(stderr, "child %d ended badly\n", static_cast<int>(pid));
      return 1;
    }
  }
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  std::printf("%.9f\n", elapsed.count() / n);
  return 0;
}
