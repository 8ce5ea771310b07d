// Many inputs planned in parallel, one JSON line per input in input order: what `flyorcall
// batch` writes (docs/batch.md; docs/library.md, "Network, routes, holidays, calls, compare and
// batch"). A stream of inputs becomes a stream of result lines; batch_line makes one line alone,
// the same bytes, so that a caller can shard a batch over processes or machines. Plain C++ types
// only.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flyorcall/company_fares.hpp"
#include "flyorcall/flyorcall.hpp"

namespace flyorcall {

/// One input of a batch: a file read when its turn comes, or a document given as text.
struct BatchItem {
  std::string source;              ///< what the line names as its source (a path, "<stdin>")
  std::optional<std::size_t> line; ///< its line in a JSON Lines file (1-based), if it is one
  std::string path;                ///< the file to read; "" when `text` is the document
  std::string_view text;           ///< the document (must outlive the call) when `path` is ""
};

/// How every input of a batch is planned.
struct BatchOptions {
  PlanMethod method = PlanMethod::search;
  std::optional<int> effort;         ///< overrides each input's policy.effort
  std::optional<CompanyFares> fares; ///< added to every input
  unsigned jobs = 0;                 ///< inputs planned at once; 0: hardware threads
};

/// One result line (without its newline) and its exit code: 0 planned, 2 input, 3 infeasible,
/// 4 time limit, 1 internal.
struct BatchLine {
  std::string text;
  int code = 0;
};

/// The line of input number `index` (0-based) of a batch: exactly the line `flyorcall batch`
/// writes for it. Never throws for a bad input: the line reports it.
[[nodiscard]] BatchLine batch_line(const BatchItem& item, std::size_t index,
                                   const BatchOptions& options);

/// The documents of a JSON Lines text, one per non-blank line (a trailing "\r" is dropped),
/// pointing into `text`; each names `source` and its line number.
[[nodiscard]] std::vector<BatchItem> jsonl_items(std::string_view text, const std::string& source);

/// Plans every item with options.jobs threads and hands each line, newline included, to
/// `write` in input order as soon as it and the lines before it are ready (a few lines are held
/// while an earlier one is planned). `progress(done)` is called after each input. Returns the
/// exit code of the whole batch: 1 if any line is internal, else the highest code.
int plan_batch(const std::vector<BatchItem>& items, const BatchOptions& options,
               const std::function<void(std::string_view line)>& write,
               const std::function<void(std::size_t done)>& progress = {});

} // namespace flyorcall
