# The two commands the README promises: `make demo` and `make test`.
# Both install missing Debian packages first (when run as root), so they work
# on a fresh machine.

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
TSAN_BUILD ?= build-tsan
JOBS       ?= 2
PACKAGES   := cmake make g++ clang libclang-rt-14-dev libgmp-dev \
              libreadline-dev libgtest-dev libpcre2-dev libboost-dev libssl-dev openssl zlib1g-dev python3

.PHONY: all deps build demo test test-release test-embed-example test-asan test-tsan test-fuzz bench clean

all: build

deps:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing packages:$$missing (run as root, or install them)"; exit 1; \
	  fi; \
	fi

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j$(JOBS)

# The language tour, the CPU-bound comparison (one thread, two threads, two
# processes) with the thread halves of two more experiments, then threads on
# I/O-bound downloads from a local HTTP server.
demo: build
	./$(BUILD)/gilvm docs/examples/demo.py
	./$(BUILD)/gilvm docs/examples/thread_halves.py
	./$(BUILD)/gilvm docs/examples/download.py

test-release: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# ASan + UBSan with clang: every unit test and every differential script.
# -O1 (with assertions on) as ASan recommends: several times faster than -O0.
test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
	  -DCMAKE_CXX_COMPILER=clang++ -DGILVM_SANITIZE=address,undefined
	cmake --build $(ASAN_BUILD) -j$(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j$(JOBS)

# ThreadSanitizer with clang (g++'s -Wtsan trips -Werror): the unit tests and
# the differential scripts. The GC-stress twins are left out: they test
# roots, not threads, and are slow under TSan.
test-tsan: deps
	cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=clang++ -DGILVM_SANITIZE=thread
	cmake --build $(TSAN_BUILD) -j$(JOBS)
	# TSan refuses to start threads in a child forked from a threaded process
	# unless told (os.fork, multiprocessing): die_after_fork=0.
	cd $(TSAN_BUILD) && TSAN_OPTIONS="die_after_fork=0 $$TSAN_OPTIONS" ctest --output-on-failure -j$(JOBS) -E '^gcstress'

# The fuzz targets (libFuzzer, clang): the parser, the interpreter and pickle.loads, each
# run for a bounded time.
test-fuzz: deps
	@if [ -f tests/fuzz/CMakeLists.txt ]; then \
	  cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ -DGILVM_FUZZ=ON && \
	  cmake --build $(FUZZ_BUILD) -j$(JOBS) --target fuzz_parser fuzz_interp fuzz_pickle && \
	  cd $(FUZZ_BUILD) && ctest -R '^fuzz' --output-on-failure; \
	else echo "no fuzz targets yet"; fi

# The embedding example as an outside project would build it: install the
# release build into a temporary prefix, find_package(gilvm) from there,
# build docs/examples/embed and run it.
test-embed-example: build
	@prefix=$$(mktemp -d) && \
	cmake --install $(BUILD) --prefix $$prefix >/dev/null && \
	cmake -S docs/examples/embed -B $$prefix/host-build -DCMAKE_PREFIX_PATH=$$prefix >/dev/null && \
	cmake --build $$prefix/host-build -j$(JOBS) >/dev/null && \
	$$prefix/host-build/host && \
	rm -rf $$prefix

test: test-release test-embed-example test-asan test-tsan test-fuzz

bench: build
	python3 tests/bench/run.py --gilvm ./$(BUILD)/gilvm

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) $(FUZZ_BUILD)
