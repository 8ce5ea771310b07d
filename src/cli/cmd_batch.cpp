// `flyorcall batch`: plans many inputs in parallel and writes one JSON line per input, in input
// order (docs/batch.md).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "io/compare_json.hpp"
#include "io/files.hpp"
#include "optimize/parallel.hpp"

namespace flyorcall::cli {

namespace {

struct BatchArgs {
  std::vector<std::string> inputs;
  std::string jsonl;
  std::string output;
  unsigned jobs = 0;
  PlanMethod method = PlanMethod::search;
  std::optional<int> effort;
};

/// One input to plan: its text (or why it could not be read) and where it came from.
struct Job {
  std::string source;
  std::optional<std::size_t> line;
  std::string text;
  std::vector<Problem> read_problems;
};

/// The exit code of a whole run: an internal error wins, then the highest code.
int worse(int a, int b) {
  if (a == 1 || b == 1) return 1;
  return std::max(a, b);
}

/// Plans one job; returns its output line and sets `code`.
std::string run_job(const Job& job, std::size_t index, PlanMethod method, std::optional<int> effort,
                    int& code) {
  if (!job.read_problems.empty()) {
    code = static_cast<int>(ErrorCode::input);
    return io::batch_error_line(index, job.source, job.line, code, "input", job.read_problems);
  }
  try {
    Input input = read_input(job.text);
    if (effort) input.policy.effort = *effort;
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

std::vector<Job> collect_jobs(const BatchArgs& a) {
  std::vector<Job> jobs;
  if (!a.jsonl.empty()) {
    const std::string source = a.jsonl == "-" ? "<stdin>" : a.jsonl;
    const std::string text = io::read_text_file(a.jsonl);
    std::size_t line = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      ++line;
      std::string doc = text.substr(pos, end - pos);
      if (!doc.empty() && doc.back() == '\r') doc.pop_back();
      pos = end + 1;
      if (doc.find_first_not_of(" \t") == std::string::npos) continue; // blank lines
      jobs.push_back(Job{source, line, std::move(doc), {}});
    }
    return jobs;
  }
  for (const auto& path : a.inputs) {
    Job job{path == "-" ? "<stdin>" : path, std::nullopt, {}, {}};
    try {
      job.text = io::read_text_file(path);
    } catch (const InputError& e) {
      job.read_problems = e.problems();
    }
    jobs.push_back(std::move(job));
  }
  return jobs;
}

int run_batch(const BatchArgs& a, const CommonOptions& opt) {
  std::string source = "flyorcall batch";
  try {
    if (a.inputs.empty() == a.jsonl.empty())
      throw bad_input("give either INPUT files or --jsonl FILE (one document per line)");
    for (const auto& in : a.inputs) check_output_path(a.output, in);
    check_output_path(a.output, a.jsonl);
    if (!a.jsonl.empty()) source = a.jsonl;
    const std::vector<Job> jobs = collect_jobs(a);
    if (jobs.empty()) throw bad_input("no input document: the file holds only blank lines");

    std::vector<std::string> lines(jobs.size());
    std::vector<int> codes(jobs.size(), 0);
    std::unique_ptr<Progress> progress;
    if (::isatty(STDERR_FILENO) == 1) progress = std::make_unique<Progress>(jobs.size());
    optimize::parallel_for(
        jobs.size(), a.jobs,
        [&](std::size_t i) { lines[i] = run_job(jobs[i], i, a.method, a.effort, codes[i]); },
        [&](std::size_t done) {
          if (progress) progress->update(done);
        });

    std::string text;
    int code = 0;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      text += lines[i];
      text += '\n';
      code = worse(code, codes[i]);
    }
    if (!a.output.empty())
      io::write_file_atomically(a.output, text);
    else
      std::cout << text << std::flush;
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
  sub->add_option("-o,--output", args->output, "Write the JSON lines to this file (atomically)");
  sub->add_option("--jobs", args->jobs, "Inputs planned in parallel (default: hardware threads)")
      ->check(CLI::Range(1u, 1024u));
  add_method_option(sub, args->method, args->effort);
  add_error_format(sub, opt);
  return Command{sub, [args, &opt] { return run_batch(*args, opt); }};
}

} // namespace flyorcall::cli
