// Runs independent planning tasks on a small pool of std::threads. Results are stored by task
// index by the caller, so output order never depends on the number of threads.
#pragma once

#include <cstddef>
#include <functional>

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

} // namespace flyorcall::optimize
