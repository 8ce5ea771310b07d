#include "optimize/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace flyorcall::optimize {

unsigned worker_count(unsigned requested, std::size_t tasks) {
  unsigned n = requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
  if (tasks < n) n = static_cast<unsigned>(std::max<std::size_t>(tasks, 1));
  return n;
}

void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& task,
                  const std::function<void(std::size_t)>& on_done) {
  std::vector<std::exception_ptr> errors(n);
  std::atomic<std::size_t> next{0};
  std::mutex done_mutex;
  std::size_t finished = 0;
  const auto work = [&] {
    // Each worker takes the next unclaimed index until none is left.
    for (std::size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) {
      try {
        task(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
      const std::lock_guard lock(done_mutex);
      ++finished;
      if (on_done) {
        try {
          on_done(finished);
        } catch (...) {
          // Progress display is best effort; it never stops the work.
        }
      }
    }
  };
  const unsigned threads = worker_count(jobs, n);
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
  } // jthreads join here
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

} // namespace flyorcall::optimize
