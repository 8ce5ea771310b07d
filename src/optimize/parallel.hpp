// Runs independent planning tasks on a small pool of std::threads. Results are stored by task
// index by the caller, so output order never depends on the number of threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>

namespace flyorcall::optimize {

/// The threads to use for `tasks` tasks: `requested`, or the hardware threads when it is 0;
/// at least 1 and never more than `tasks` (1 when there are no tasks).
[[nodiscard]] unsigned worker_count(unsigned requested, std::size_t tasks);

/// Runs task(i) exactly once for every i in [0, n) on worker_count(jobs, n) threads (the calling
/// thread alone when that is 1). `on_done(finished)` is called after each task, one call at a
/// time, with the number of tasks finished so far. If tasks throw, the exception of the lowest
/// index is rethrown after every thread has ended; tasks should catch their own errors.
void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& task,
                  const std::function<void(std::size_t)>& on_done = {});

/// Runs produce(i) for every i in [0, n) on worker_count(jobs, n) threads and hands each result to
/// consume(i, result) in index order, one call at a time, as soon as the results before it are
/// consumed. A task starts at most `window` (at least 1) indices after the first result not yet
/// consumed, so at most `window` results are held at once however long the list: memory follows
/// the number of threads, not the number of tasks. The first exception of produce or consume stops
/// the tasks not yet started and is rethrown after every thread has ended.
template <class T>
void parallel_ordered(std::size_t n, unsigned jobs, std::size_t window,
                      const std::function<T(std::size_t)>& produce,
                      const std::function<void(std::size_t, T&&)>& consume,
                      const std::function<void(std::size_t)>& on_done = {}) {
  window = window == 0 ? 1 : window;
  std::mutex m;
  std::condition_variable cv;
  std::size_t next_out = 0;
  std::map<std::size_t, T> ready;
  std::exception_ptr failed;
  parallel_for(
      n, jobs,
      [&](std::size_t i) {
        {
          std::unique_lock lock(m);
          // Tasks are claimed in index order, so the first unconsumed one is always running and
          // this wait ends.
          cv.wait(lock, [&] { return i < next_out + window || failed; });
          if (failed) return;
        }
        std::optional<T> result;
        try {
          result.emplace(produce(i));
        } catch (...) {
          const std::lock_guard lock(m);
          if (!failed) failed = std::current_exception();
          cv.notify_all();
          return;
        }
        const std::lock_guard lock(m);
        ready.emplace(i, std::move(*result));
        while (!failed && !ready.empty() && ready.begin()->first == next_out) {
          auto node = ready.extract(ready.begin());
          try {
            consume(next_out, std::move(node.mapped()));
          } catch (...) {
            failed = std::current_exception();
          }
          ++next_out;
        }
        cv.notify_all();
      },
      on_done);
  if (failed) std::rethrow_exception(failed);
}

} // namespace flyorcall::optimize
