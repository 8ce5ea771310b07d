// When a search must stop, and the random numbers it draws: both explicit so that every search is
// reproducible for a seed and bounded in time.
#pragma once

#include <chrono>
#include <cstdint>

namespace flyorcall::optimize::core {

/// A point in (steady) time after which a search returns its best solution so far.
class Deadline {
public:
  using Clock = std::chrono::steady_clock; ///< monotonic, unaffected by clock changes

  /// A deadline that never expires.
  Deadline() : at_(Clock::time_point::max()) {}
  /// A deadline at the given instant.
  explicit Deadline(Clock::time_point at) : at_(at) {}
  /// A deadline `ms` milliseconds from now (<= 0: already expired).
  [[nodiscard]] static Deadline after_ms(long long ms) {
    return Deadline(Clock::now() + std::chrono::milliseconds(ms));
  }
  /// A deadline that has already passed.
  [[nodiscard]] static Deadline expired_now() { return Deadline(Clock::time_point::min()); }
  /// True once the deadline has passed.
  [[nodiscard]] bool expired() const {
    return at_ != Clock::time_point::max() && Clock::now() >= at_;
  }

private:
  Clock::time_point at_;
};

/// A small, fast, platform-independent random generator (SplitMix64): the same seed gives the
/// same sequence everywhere, unlike the standard distributions.
class Rng {
public:
  /// A generator seeded with `seed`.
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  /// The next 64 random bits.
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// A uniform integer in [0, n) (n > 0).
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  /// A uniform integer in [lo, hi] (lo <= hi).
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
  /// A uniform real in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
  std::uint64_t state_;
};

/// How long a search may run and how it draws its random numbers. The counted limits
/// (iterations, stagnation, evaluations) decide where a search ends, so a seed gives the same
/// result on any machine; the deadline is a safety cap, and a search it cuts says so.
struct SearchLimits {
  std::uint64_t seed = 1;        ///< same seed, same limits (without a time cut) → same result
  Deadline deadline;             ///< safety cap: stop when this passes (checked between moves)
  long long max_iterations = -1; ///< stop after this many improvement iterations; < 0: no cap
  long long stagnation = -1;     ///< stop after this many iterations without a new best; < 0: auto
  /// The general search's work budget: it stops once it has priced this many routes (counted
  /// evaluator calls), wherever it is, as it does at the deadline; < 0: no budget.
  long long max_evaluations = -1;
  /// The general search's moves inside a route (reversal, swap, relocation) span at most this
  /// many positions; < 0: any (the default). Keeps the descent's cost linear in a long route's
  /// length when only nearby positions matter (e.g. a traveller's chronological visits).
  int move_window = -1;
};

} // namespace flyorcall::optimize::core
