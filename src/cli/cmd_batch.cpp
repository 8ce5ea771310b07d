// `flyorcall batch`: plans many inputs in parallel and writes one JSON line per input, in input
// order (docs/batch.md).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "io/compare_json.hpp"
#include "io/files.hpp"
#include "io/output.hpp"
#include "optimize/parallel.hpp"

namespace flyorcall::cli {

namespace {

struct BatchArgs {
  std::string fares;
  std::vector<std::string> inputs;
  std::string jsonl;
  std::string output;
  unsigned jobs = 0;
  PlanMethod method = PlanMethod::search;
  std::optional<int> effort;
};

/// One input to plan and where it came from: a file, read only when its turn comes (so memory
/// follows --jobs, not the sizes of the files), or a line of the --jsonl file.
struct Job {
  std::string source;
  std::optional<std::size_t> line;
  std::string path;      ///< the file to read; "" for a --jsonl line
  std::string_view text; ///< the --jsonl line (inside the text that file was read into)
};

/// The exit code of a whole run: an internal error wins, then the highest code.
int worse(int a, int b) {
  if (a == 1 || b == 1) return 1;
  return std::max(a, b);
}

/// Plans one job; returns its output line and sets `code`.
std::string run_job(const Job& job, std::size_t index, PlanMethod method, std::optional<int> effort,
                    const std::optional<FaresFile>& fares, int& code) {
  std::string text;
  if (!job.path.empty()) {
    try {
      text = io::read_text_file(job.path);
    } catch (const InputError& e) {
      code = static_cast<int>(ErrorCode::input);
      return io::batch_error_line(index, job.source, job.line, code, "input", e.problems());
    }
  }
  try {
    Input input = job.path.empty() ? read_input(job.text) : read_input(std::move(text));
    if (effort) input.policy.effort = *effort;
    apply_fares(input, fares);
    const Plan plan = plan_quarter(input, method);
    code = 0;
    return io::batch_plan_line(index, job.source, job.line, plan_to_json(plan, input),
                               plan.time_limit_reached);
  } catch (const InputError& e) {
    code = static_cast<int>(ErrorCode::input);
    return io::batch_error_line(index, job.source, job.line, code, "input", e.problems());
  } catch (const InfeasibleError& e) {
    code = static_cast<int>(ErrorCode::infeasible);
    return io::batch_error_line(index, job.source, job.line, code, "infeasible",
                                {{e.pointer(), e.what()}});
  } catch (const TimeLimitError& e) {
    code = static_cast<int>(ErrorCode::time_limit);
    return io::batch_error_line(index, job.source, job.line, code, "time_limit", {{"", e.what()}});
  } catch (const std::exception& e) {
    code = static_cast<int>(ErrorCode::internal);
    return io::batch_error_line(index, job.source, job.line, code, "internal", {{"", e.what()}});
  }
}

/// A one-line progress bar redrawn on a terminal's stderr: done/total, rate, time left.
class Progress {
public:
  explicit Progress(std::size_t total)
      : total_(total), start_(std::chrono::steady_clock::now()), last_(start_) {}

  void update(std::size_t done) {
    const auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
    const double left = rate > 0 ? static_cast<double>(total_ - done) / rate : 0.0;
    constexpr std::size_t kBar = 30;
    const std::size_t filled = total_ ? done * kBar / total_ : kBar;
    std::string bar(filled, '#');
    bar.append(kBar - filled, '.');
    const auto secs = static_cast<long>(left + 0.5);
    std::fprintf(stderr, "\r[%s] %zu/%zu  %.1f inputs/s  %ld:%02ld left ", bar.c_str(), done,
                 total_, rate, secs / 60, secs % 60);
    if (done == total_) std::fputc('\n', stderr);
    std::fflush(stderr);
  }

private:
  std::size_t total_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

/// The jobs of the command line; the lines of a --jsonl file point into `jsonl_text`.
std::vector<Job> collect_jobs(const BatchArgs& a, const std::string& jsonl_text) {
  std::vector<Job> jobs;
  if (!a.jsonl.empty()) {
    const std::string source = a.jsonl == "-" ? "<stdin>" : a.jsonl;
    const std::string_view text = jsonl_text;
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
      jobs.push_back(Job{source, line, {}, doc});
    }
    return jobs;
  }
  for (const auto& path : a.inputs)
    jobs.push_back(Job{path == "-" ? "<stdin>" : path, {}, path, {}});
  return jobs;
}

int run_batch(const BatchArgs& a, const CommonOptions& opt) {
  std::string source = "flyorcall batch";
  try {
    if (a.inputs.empty() == a.jsonl.empty())
      throw bad_input("give either INPUT files or --jsonl FILE (one document per line)");
    for (const auto& in : a.inputs) check_output_path(a.output, in);
    check_output_path(a.output, a.jsonl);
    if (a.fares == "-" &&
        (a.jsonl == "-" || std::find(a.inputs.begin(), a.inputs.end(), "-") != a.inputs.end()))
      throw bad_input("INPUT and --fares cannot both be read from stdin");
    if (!a.jsonl.empty()) source = a.jsonl;
    const std::string jsonl_text = a.jsonl.empty() ? std::string() : io::read_text_file(a.jsonl);
    const std::vector<Job> jobs = collect_jobs(a, jsonl_text);
    if (!a.fares.empty()) source = "";
    const auto fares = read_fares_file(a.fares);
    if (jobs.empty()) throw bad_input("no input document: the file holds only blank lines");

    // Lines are written in input order as soon as they are ready; a few are held while an
    // earlier one is still planned.
    std::optional<io::Output> file;
    if (!a.output.empty() && !io::is_standard_output(a.output)) file.emplace(a.output);
    std::unique_ptr<Progress> progress;
    if (::isatty(STDERR_FILENO) == 1) progress = std::make_unique<Progress>(jobs.size());
    int code = 0;
    using Result = std::pair<std::string, int>;
    optimize::parallel_ordered<Result>(
        jobs.size(), a.jobs, 2 * optimize::worker_count(a.jobs, jobs.size()),
        [&](std::size_t i) {
          Result r;
          r.first = run_job(jobs[i], i, a.method, a.effort, fares, r.second);
          r.first += '\n';
          return r;
        },
        [&](std::size_t, Result&& r) {
          if (file)
            file->write(r.first);
          else
            print_data(r.first);
          code = worse(code, r.second);
        },
        [&](std::size_t done) {
          if (progress) progress->update(done);
        });
    if (file) file->commit();
    return code;
  } catch (const Error& e) {
    return report_error(e, source, opt);
  }
}

} // namespace

Command add_batch_command(CLI::App& app, CommonOptions& opt) {
  auto args = std::make_shared<BatchArgs>();
  CLI::App* sub = app.add_subcommand(
      "batch", "Plan many inputs in parallel: one JSON line per input, in input order");
  sub->add_option("INPUT", args->inputs, "Input documents (JSON, docs/input.md)");
  sub->add_option("--jsonl", args->jsonl,
                  "Read the inputs from this file instead, one JSON document per line ('-' reads "
                  "stdin)");
  add_output_option(sub, args->output,
                    "Write the JSON lines to this file (docs/cli.md, Destinations); default or "
                    "'-': stdout");
  sub->add_option("--jobs", args->jobs, "Inputs planned in parallel (default: hardware threads)")
      ->check(CLI::Range(1u, 1024u));
  add_method_option(sub, args->method, args->effort);
  add_fares_option(sub, args->fares);
  add_error_format(sub, opt);
  return Command{sub, [args, &opt] { return run_batch(*args, opt); }};
}

} // namespace flyorcall::cli
