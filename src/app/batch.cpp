// The batch verb of the library: many inputs planned in parallel, one JSON line each, in input
// order (include/flyorcall/batch.hpp, docs/batch.md).
#include "flyorcall/batch.hpp"

#include <algorithm>
#include <utility>

#include "io/compare_json.hpp"
#include "io/fares_file.hpp"
#include "io/files.hpp"
#include "optimize/parallel.hpp"

namespace flyorcall {
namespace {

/// The exit code of a whole run: an internal error wins, then the highest code.
int worse(int a, int b) {
  if (a == 1 || b == 1) return 1;
  return std::max(a, b);
}

BatchLine error_line(const BatchItem& item, std::size_t index, ErrorCode code,
                     const std::string& kind, const std::vector<Problem>& problems) {
  const int c = static_cast<int>(code);
  return {io::batch_error_line(index, item.source, item.line, c, kind, problems), c};
}

} // namespace

void add_company_fares(Input& input, const CompanyFares& fares) {
  io::add_fares_csv(input, fares.csv, fares.source);
}

BatchLine batch_line(const BatchItem& item, std::size_t index, const BatchOptions& options) {
  std::string text;
  if (!item.path.empty()) {
    try {
      text = io::read_text_file(item.path);
    } catch (const InputError& e) {
      return error_line(item, index, ErrorCode::input, "input", e.problems());
    }
  }
  try {
    Input input = item.path.empty() ? read_input(item.text) : read_input(std::move(text));
    if (options.effort) input.policy.effort = *options.effort;
    if (options.fares) add_company_fares(input, *options.fares);
    const Plan plan = plan_quarter(input, options.method);
    return {io::batch_plan_line(index, item.source, item.line, plan_to_json(plan),
                                plan.time_limit_reached),
            0};
  } catch (const InputError& e) {
    return error_line(item, index, ErrorCode::input, "input", e.problems());
  } catch (const InfeasibleError& e) {
    return error_line(item, index, ErrorCode::infeasible, "infeasible", {{e.pointer(), e.what()}});
  } catch (const TimeLimitError& e) {
    return error_line(item, index, ErrorCode::time_limit, "time_limit", {{"", e.what()}});
  } catch (const std::exception& e) {
    return error_line(item, index, ErrorCode::internal, "internal", {{"", e.what()}});
  }
}

std::vector<BatchItem> jsonl_items(std::string_view text, const std::string& source) {
  std::vector<BatchItem> items;
  std::size_t line = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    ++line;
    std::string_view doc = text.substr(pos, end - pos);
    if (!doc.empty() && doc.back() == '\r') doc.remove_suffix(1);
    pos = end + 1;
    if (doc.find_first_not_of(" \t") == std::string_view::npos) continue; // blank lines
    items.push_back(BatchItem{source, line, {}, doc});
  }
  return items;
}

int plan_batch(const std::vector<BatchItem>& items, const BatchOptions& options,
               const std::function<void(std::string_view line)>& write,
               const std::function<void(std::size_t done)>& progress) {
  int code = 0;
  optimize::parallel_ordered<BatchLine>(
      items.size(), options.jobs, 2 * optimize::worker_count(options.jobs, items.size()),
      [&](std::size_t i) {
        BatchLine r = batch_line(items[i], i, options);
        r.text += '\n';
        return r;
      },
      [&](std::size_t, BatchLine&& r) {
        write(r.text);
        code = worse(code, r.code);
      },
      [&](std::size_t done) {
        if (progress) progress(done);
      });
  return code;
}

} // namespace flyorcall
