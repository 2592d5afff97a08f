#pragma once
// A minimal fork-join loop: the only source of threads (engine, request, audit).

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace chartproof::support {

/// Number of workers for `jobs` (0 = one per core), never more than the work items.
inline unsigned worker_count(unsigned jobs, std::size_t items) {
  unsigned n = jobs == 0 ? std::max(1U, std::thread::hardware_concurrency()) : jobs;
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(n, items)));
}

/// Calls fn(i) for every i in [0, n) on `jobs` threads; items are claimed one at a time, so
/// uneven items balance. The first exception thrown by any fn is rethrown here.
template <typename Fn>
void parallel_for(std::size_t n, unsigned jobs, Fn&& fn) {
  unsigned workers = worker_count(jobs, n);
  if (workers <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    try {
      for (std::size_t i = next++; i < n; i = next++) fn(i);
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = n;
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(workers - 1);
  for (unsigned t = 1; t < workers; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace chartproof::support
