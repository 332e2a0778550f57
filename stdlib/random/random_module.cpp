// The random module: the Random class (a Mersenne Twister seeded as CPython
// seeds it) and the algorithms of CPython's random.py, reproduced so that a
// seeded script draws exactly CPython's numbers: _randbelow by rejection
// on getrandbits, randrange, choice, shuffle, sample (with both of its
// strategies), choices, uniform, gauss, normalvariate, expovariate,
// triangular, lognormvariate, paretovariate, weibullvariate. The module's
// functions are the bound methods of one hidden instance, as in CPython.
#include <gmp.h>
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>

#include <cmath>
#include <algorithm>
#include <fstream>

#include "stdlib/random/mersenne_twister.hpp"
#include "stdlib/hashlib/digests.hpp"
#include "stdlib/stdlib.hpp"
#include "vm/errors.hpp"
#include "vm/heap/heap.hpp"
#include "vm/import.hpp"
#include "vm/native.hpp"
#include "vm/number_ops.hpp"
#include "vm/opcodes.hpp"
#include "vm/objects/dict.hpp"
#include "vm/objects/module.hpp"
#include "vm/objects/number.hpp"
#include "vm/objects/sequence.hpp"
#include "vm/objects/set.hpp"
#include "vm/objects/str.hpp"
#include "vm/ops.hpp"

namespace gilvm {

namespace {

// Fills `size` bytes from the operating system's entropy source.
void system_entropy(unsigned char* out, size_t size) {
  while (size > 0) {
    ssize_t n = getrandom(out, size, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      raise_os_error_errno(errno);
    }
    out += n;
    size -= static_cast<size_t>(n);
  }
}

// A Random, or a SystemRandom (`system`), whose draws come from the
// operating system instead of the twister. Every algorithm draws through
// random01 and getrandbits, so both kinds share them, as SystemRandom
// shares Random's methods in CPython by overriding just those two.
struct RandomObject : Object {
  MersenneTwister mt;
  Value gauss_next;  // null when there is none
  bool system = false;
  explicit RandomObject(Type* t) : Object(t) {}
  void trace(Tracer& tr) override { tr.visit(gauss_next); }

  double random01() {
    if (!system) return mt.random();
    unsigned char bytes[7];
    system_entropy(bytes, sizeof bytes);
    uint64_t x = 0;
    for (unsigned char b : bytes) x = x << 8 | b;
    return static_cast<double>(x >> 3) * 0x1.0p-53;
  }
  void getrandbits(uint64_t k, mpz_t out) {
    if (!system) return mt.getrandbits(k, out);
    size_t size = static_cast<size_t>((k + 7) / 8);
    check_allocation_size(static_cast<double>(size));
    std::string bytes(size, '\0');
    system_entropy(reinterpret_cast<unsigned char*>(bytes.data()), size);
    mpz_import(out, size, 1, 1, 0, 0, bytes.data());
    mpz_fdiv_q_2exp(out, out, size * 8 - k);
  }
};

Type* random_type = nullptr;
Type* system_random_type = nullptr;

RandomObject* self_random(const CallArgs& a) {
  if (a.count == 0 || !isinstance(a[0], random_type)) raise_type_error("descriptor requires a 'Random' object");
  return a[0].as<RandomObject>();
}

void seed_from(RandomObject* r, Value a) {
  r->gauss_next = Value::null();
  Mpz n;
  if (a.is_null() || a.is_none()) {
    std::vector<uint32_t> key(MersenneTwister::kN);
    std::ifstream urandom("/dev/urandom", std::ios::binary);
    urandom.read(reinterpret_cast<char*>(key.data()), static_cast<std::streamsize>(key.size() * 4));
    if (!urandom) key = {static_cast<uint32_t>(getpid()), static_cast<uint32_t>(time(nullptr))};
    r->mt.seed_words(key);
    return;
  }
  if (is_int_value(a)) {
    int_to_mpz(a, n.v);
  } else if (isinstance(a, types().str) || isinstance(a, types().bytes)) {
    // Version 2: int.from_bytes(text + sha512(text).digest(), 'big').
    std::string bytes = isinstance(a, types().str) ? a.as<Str>()->data : a.as<Bytes>()->data;
    std::unique_ptr<Digest> sha512 = new_digest("sha512");
    sha512->update(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    bytes += sha512->digest(0);
    mpz_import(n.v, bytes.size(), 1, 1, 0, 0, bytes.data());
  } else {
    // Other hashable objects seed with their hash, as an unsigned number.
    int64_t h = hash_value(a);
    mpz_set_ui(n.v, static_cast<unsigned long>(static_cast<uint64_t>(h)));
  }
  r->mt.seed_mpz(n.v);
}

Value random_construct(Type* type, const CallArgs& args) {
  check_arg_count(args, "Random", 0, 1);
  auto* r = gc_new<RandomObject>(type);
  seed_from(r, args.count == 1 ? args[0] : Value::none());
  return r;
}
Value system_random_construct(Type* type, const CallArgs& args) {
  check_arg_count(args, "SystemRandom", 0, 1);
  auto* r = gc_new<RandomObject>(type);
  r->system = true;
  return r;
}

Value random_init(const CallArgs&) { return Value::none(); }

Value m_seed(const CallArgs& a) {
  ArgParser p(a, "seed", {"a", "version"});
  RandomObject* r = self_random(a);
  if (r->system) return Value::none();  // nothing to seed
  seed_from(r, p.get(0, Value::none()));
  return Value::none();
}
Value m_random(const CallArgs& a) {
  check_arg_count(a, "random", 1, 1);
  return make_float(self_random(a)->random01());
}
Value m_getrandbits(const CallArgs& a) {
  check_arg_count(a, "getrandbits", 2, 2);
  int64_t k = index_value(a[1]);
  if (k < 0) raise_value_error("number of bits must be non-negative");
  Mpz out;
  self_random(a)->getrandbits(static_cast<uint64_t>(k), out.v);
  return make_int(out.v);
}

// _randbelow(n): getrandbits(n.bit_length()) until it is below n.
void randbelow(RandomObject* r, const mpz_t n, mpz_t out) {
  if (mpz_sgn(n) == 0) {
    mpz_set_ui(out, 0);
    return;
  }
  uint64_t k = mpz_sizeinbase(n, 2);
  do {
    r->getrandbits(k, out);
  } while (mpz_cmp(out, n) >= 0);
}
int64_t randbelow64(RandomObject* r, int64_t n) {
  Mpz bound, out;
  mpz_set_si(bound.v, n);
  randbelow(r, bound.v, out.v);
  return mpz_get_si(out.v);
}

Value int_arg(Value v) {
  if (is_int_value(v)) return v;
  if (!lookup_in_mro(type_of(v), intern("__index__")).is_null()) return call_method(v, "__index__", {});
  raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
}

Value m_randrange(const CallArgs& a) {
  ArgParser p(a, "randrange", {"start", "stop", "step"}, 1);
  RandomObject* r = self_random(a);
  Mpz start, stop, step, width, n, pick;
  int_to_mpz(int_arg(p.get(0)), start.v);
  if (!p.given(1) || p.get(1).is_none()) {
    if (p.given(2)) raise_type_error("Missing a non-None stop argument");
    if (mpz_sgn(start.v) > 0) {
      randbelow(r, start.v, pick.v);
      return make_int(pick.v);
    }
    raise_value_error("empty range for randrange()");
  }
  int_to_mpz(int_arg(p.get(1)), stop.v);
  mpz_sub(width.v, stop.v, start.v);
  if (p.given(2)) int_to_mpz(int_arg(p.get(2)), step.v);
  else mpz_set_ui(step.v, 1);
  if (mpz_cmp_ui(step.v, 1) == 0) {
    if (mpz_sgn(width.v) > 0) {
      randbelow(r, width.v, pick.v);
      mpz_add(pick.v, pick.v, start.v);
      return make_int(pick.v);
    }
    raise_value_error("empty range for randrange() (" + int_repr(make_int(start.v)) + ", " +
                      int_repr(make_int(stop.v)) + ", " + int_repr(make_int(width.v)) + ")");
  }
  if (mpz_sgn(step.v) > 0) {
    mpz_add(n.v, width.v, step.v);
    mpz_sub_ui(n.v, n.v, 1);
  } else if (mpz_sgn(step.v) < 0) {
    mpz_add(n.v, width.v, step.v);
    mpz_add_ui(n.v, n.v, 1);
  } else {
    raise_value_error("zero step for randrange()");
  }
  mpz_fdiv_q(n.v, n.v, step.v);
  if (mpz_sgn(n.v) <= 0) raise_value_error("empty range for randrange()");
  randbelow(r, n.v, pick.v);
  mpz_mul(pick.v, pick.v, step.v);
  mpz_add(pick.v, pick.v, start.v);
  return make_int(pick.v);
}
Value m_randint(const CallArgs& a) {
  check_arg_count(a, "randint", 3, 3);
  Value stop = binary_op(a[2], Value::small_int(1), kAdd);
  Value args[3] = {a[0], a[1], stop};
  return m_randrange(CallArgs{args, 3});
}
Value m_choice(const CallArgs& a) {
  check_arg_count(a, "choice", 2, 2);
  int64_t n = length(a[1]);
  if (n == 0) raise_index_error("Cannot choose from an empty sequence");
  return get_item(a[1], make_int(randbelow64(self_random(a), n)));
}
Value m_shuffle(const CallArgs& a) {
  check_arg_count(a, "shuffle", 2, 2);
  RandomObject* r = self_random(a);
  Value x = a[1];
  for (int64_t i = length(x) - 1; i > 0; --i) {
    int64_t j = randbelow64(r, i + 1);
    Value vi = get_item(x, make_int(i)), vj = get_item(x, make_int(j));
    set_item(x, make_int(i), vj);
    set_item(x, make_int(j), vi);
  }
  return Value::none();
}
Value m_sample(const CallArgs& a) {
  ArgParser p(a, "sample", {"population", "k", "counts"}, 2, true, 2);
  RandomObject* r = self_random(a);
  Value population = p.get(0);
  if (is_set_like(population) || isinstance(population, types().dict) ||
      lookup_in_mro(type_of(population), intern("__getitem__")).is_null() ||
      lookup_in_mro(type_of(population), intern("__len__")).is_null())
    raise_type_error("Population must be a sequence.  For dicts or sets, use sorted(d).");
  if (p.given(2)) raise_error(exc().NotImplementedError, "sample() counts= is not supported by gilvm yet");
  int64_t n = length(population);
  int64_t k = index_value(p.get(1));
  if (k < 0 || k > n) raise_value_error("Sample larger than population or is negative");
  ValueVector result(static_cast<size_t>(k));
  // CPython picks a pool copy for small populations and a "selected" set
  // for large ones; the choice changes the draws, so it is reproduced.
  int64_t setsize = 21;
  if (k > 5) setsize += static_cast<int64_t>(std::pow(4.0, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0))));
  if (n <= setsize) {
    ValueVector pool = collect_iterable(population);
    for (int64_t i = 0; i < k; ++i) {
      int64_t j = randbelow64(r, n - i);
      result[i] = pool[j];
      pool[j] = pool[n - i - 1];
    }
  } else {
    std::vector<bool> selected;
    std::vector<int64_t> picked;
    for (int64_t i = 0; i < k; ++i) {
      int64_t j = randbelow64(r, n);
      while (std::find(picked.begin(), picked.end(), j) != picked.end()) j = randbelow64(r, n);
      picked.push_back(j);
      result[i] = get_item(population, make_int(j));
    }
  }
  return new_list(std::move(result));
}
Value m_choices(const CallArgs& a) {
  ArgParser p(a, "choices", {"population", "weights", "cum_weights", "k"}, 1, true, 2);
  RandomObject* r = self_random(a);
  ValueVector population = collect_iterable(p.get(0));
  int64_t k = index_value(p.get(3, Value::small_int(1)));
  double n = static_cast<double>(population.size());
  ValueVector out;
  Value weights = p.get(1, Value::none()), cum = p.get(2, Value::none());
  if (cum.is_none()) {
    if (weights.is_none()) {
      for (int64_t i = 0; i < k; ++i) {
        if (population.empty()) raise_index_error("list index out of range");
        out.push_back(population[static_cast<size_t>(std::floor(r->random01() * n))]);
      }
      return new_list(std::move(out));
    }
    ValueVector w = collect_iterable(weights);
    ValueVector running;
    Value total = Value::small_int(0);
    for (Value x : w) {
      total = binary_op(total, x, kAdd);
      running.push_back(total);
    }
    cum = new_list(std::move(running));
  } else if (!weights.is_none()) {
    raise_type_error("Cannot specify both weights and cumulative weights");
  }
  ValueVector cw = collect_iterable(cum);
  if (cw.size() != population.size()) raise_value_error("The number of weights does not match the population");
  // CPython reads cum_weights[-1]: an empty population fails there.
  if (cw.empty()) raise_index_error("list index out of range");
  double total = to_double(cw.back());
  if (total <= 0.0) raise_value_error("Total of weights must be greater than zero");
  if (!std::isfinite(total)) raise_value_error("Total of weights must be finite");
  size_t hi = population.size() - 1;
  for (int64_t i = 0; i < k; ++i) {
    double x = r->random01() * total;
    // bisect_right over cum_weights[0:hi]
    size_t lo = 0, h = hi;
    while (lo < h) {
      size_t mid = (lo + h) / 2;
      if (x < to_double(cw[mid])) h = mid;
      else lo = mid + 1;
    }
    out.push_back(population[lo]);
  }
  return new_list(std::move(out));
}
Value m_uniform(const CallArgs& a) {
  check_arg_count(a, "uniform", 3, 3);
  double lo = to_double(a[1]), hi = to_double(a[2]);
  return make_float(lo + (hi - lo) * self_random(a)->random01());
}
Value m_gauss(const CallArgs& a) {
  ArgParser p(a, "gauss", {"mu", "sigma"});
  RandomObject* r = self_random(a);
  double mu = to_double(p.get(0, make_float(0.0))), sigma = to_double(p.get(1, make_float(1.0)));
  double z;
  if (!r->gauss_next.is_null()) {
    z = float_value(r->gauss_next);
    r->gauss_next = Value::null();
  } else {
    double x2pi = r->random01() * 2.0 * M_PI;
    double g2rad = std::sqrt(-2.0 * std::log(1.0 - r->random01()));
    z = std::cos(x2pi) * g2rad;
    r->gauss_next = make_float(std::sin(x2pi) * g2rad);
  }
  return make_float(mu + z * sigma);
}
double normal(RandomObject* r, double mu, double sigma) {
  const double kMagic = 4 * std::exp(-0.5) / std::sqrt(2.0);
  double z;
  for (;;) {
    double u1 = r->random01();
    double u2 = 1.0 - r->random01();
    z = kMagic * (u1 - 0.5) / u2;
    double zz = z * z / 4.0;
    if (zz <= -std::log(u2)) break;
  }
  return mu + z * sigma;
}
Value m_normalvariate(const CallArgs& a) {
  ArgParser p(a, "normalvariate", {"mu", "sigma"});
  return make_float(normal(self_random(a), to_double(p.get(0, make_float(0.0))), to_double(p.get(1, make_float(1.0)))));
}
Value m_lognormvariate(const CallArgs& a) {
  check_arg_count(a, "lognormvariate", 3, 3);
  return make_float(std::exp(normal(self_random(a), to_double(a[1]), to_double(a[2]))));
}
Value m_expovariate(const CallArgs& a) {
  ArgParser p(a, "expovariate", {"lambd"}, 1);
  double lambd = to_double(p.get(0));
  if (lambd == 0.0) raise_zero_division("float division by zero");
  return make_float(-std::log(1.0 - self_random(a)->random01()) / lambd);
}
Value m_triangular(const CallArgs& a) {
  ArgParser p(a, "triangular", {"low", "high", "mode"});
  double low = to_double(p.get(0, make_float(0.0))), high = to_double(p.get(1, make_float(1.0)));
  double u = self_random(a)->random01();
  double c;
  if (p.get(2, Value::none()).is_none()) {
    c = 0.5;
  } else {
    if (high - low == 0.0) return make_float(low);
    c = (to_double(p.get(2)) - low) / (high - low);
  }
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    std::swap(low, high);
  }
  return make_float(low + (high - low) * std::sqrt(u * c));
}
Value m_paretovariate(const CallArgs& a) {
  check_arg_count(a, "paretovariate", 2, 2);
  double u = 1.0 - self_random(a)->random01();
  return make_float(1.0 / std::pow(u, 1.0 / to_double(a[1])));
}
Value m_weibullvariate(const CallArgs& a) {
  check_arg_count(a, "weibullvariate", 3, 3);
  double u = 1.0 - self_random(a)->random01();
  return make_float(to_double(a[1]) * std::pow(-std::log(u), 1.0 / to_double(a[2])));
}
// randbytes(n): getrandbits(n * 8) as n little-endian bytes, as CPython
// draws them (SystemRandom: n bytes of entropy).
Value m_randbytes(const CallArgs& a) {
  check_arg_count(a, "randbytes", 2, 2);
  RandomObject* r = self_random(a);
  int64_t n = index_value(a[1]);
  if (n < 0) raise_value_error(r->system ? "negative argument not allowed" : "number of bits must be non-negative");
  check_allocation_size(static_cast<double>(n));
  std::string out(static_cast<size_t>(n), '\0');
  if (r->system) {
    system_entropy(reinterpret_cast<unsigned char*>(out.data()), out.size());
    return new_bytes(out);
  }
  Mpz bits;
  r->getrandbits(static_cast<uint64_t>(n) * 8, bits.v);
  size_t written = 0;
  mpz_export(out.data(), &written, -1, 1, 0, 0, bits.v);
  return new_bytes(out);
}

[[noreturn]] void raise_no_state() { raise_exception(new_exception(exc().NotImplementedError, "System entropy source does not have state.")); }

Value m_getstate(const CallArgs& a) {
  RandomObject* r = self_random(a);
  if (r->system) raise_no_state();
  ValueVector words;
  for (uint32_t w : r->mt.state()) words.push_back(make_int(static_cast<int64_t>(w)));
  words.push_back(make_int(r->mt.index()));
  return new_tuple({Value::small_int(3), new_tuple(std::move(words)),
                    r->gauss_next.is_null() ? Value::none() : r->gauss_next});
}
Value m_setstate(const CallArgs& a) {
  check_arg_count(a, "setstate", 2, 2);
  RandomObject* r = self_random(a);
  if (r->system) raise_no_state();
  ValueVector state = collect_iterable(a[1]);
  if (state.size() != 3 || !values_equal(state[0], Value::small_int(3)))
    raise_value_error("state with version " + (state.empty() ? std::string("?") : repr_string(state[0])) +
                      " passed to Random.setstate() of version 3");
  ValueVector words = collect_iterable(state[1]);
  if (words.size() != MersenneTwister::kN + 1) raise_value_error("state vector is the wrong size");
  std::array<uint32_t, MersenneTwister::kN> mt{};
  for (int i = 0; i < MersenneTwister::kN; ++i) mt[i] = static_cast<uint32_t>(index_value(words[i]));
  int64_t index = index_value(words.back());
  if (index < 0 || index > MersenneTwister::kN) raise_value_error("invalid state");
  r->mt.set_state(mt, static_cast<int>(index));
  r->gauss_next = state[2].is_none() ? Value::null() : state[2];
  return Value::none();
}

const std::pair<const char*, NativeFn> kMethods[] = {
    {"seed", m_seed},
    {"random", m_random},
    {"getrandbits", m_getrandbits},
    {"randrange", m_randrange},
    {"randint", m_randint},
    {"choice", m_choice},
    {"shuffle", m_shuffle},
    {"sample", m_sample},
    {"choices", m_choices},
    {"uniform", m_uniform},
    {"gauss", m_gauss},
    {"normalvariate", m_normalvariate},
    {"lognormvariate", m_lognormvariate},
    {"expovariate", m_expovariate},
    {"triangular", m_triangular},
    {"paretovariate", m_paretovariate},
    {"weibullvariate", m_weibullvariate},
    {"randbytes", m_randbytes},
    {"getstate", m_getstate},
    {"setstate", m_setstate},
};

void init_random(Module* m) {
  if (random_type == nullptr) {
    random_type = new_builtin_type("Random", types().object, random_construct);
    random_type->qualname = "Random";
    random_type->instances_have_dict = true;
    add_type_attr(random_type, "__module__", intern("random"));
    add_method(random_type, "__init__", random_init);
    for (const auto& [name, fn] : kMethods) add_method(random_type, name, fn);
    system_random_type = new_builtin_type("SystemRandom", random_type, system_random_construct);
    system_random_type->qualname = "SystemRandom";
    system_random_type->instances_have_dict = true;
    add_type_attr(system_random_type, "__module__", intern("random"));
  }
  m->dict()->table.set(intern("SystemRandom"), system_random_type);
  DictTable& d = m->dict()->table;
  d.set(intern("Random"), random_type);
  Value instance = random_construct(random_type, CallArgs{nullptr, 0});
  d.set(intern("_inst"), instance);
  for (const auto& [name, fn] : kMethods) d.set(intern(name), get_attr(instance, name));
}

}  // namespace

void register_random_module() { register_builtin_module("random", init_random); }

}  // namespace gilvm
