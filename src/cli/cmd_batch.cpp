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
#include "flyorcall/batch.hpp"
#include "io/files.hpp"
#include "io/output.hpp"

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

/// The inputs of the command line; the lines of a --jsonl file point into `jsonl_text`.
std::vector<BatchItem> collect_items(const BatchArgs& a, const std::string& jsonl_text) {
  if (!a.jsonl.empty()) return jsonl_items(jsonl_text, a.jsonl == "-" ? "<stdin>" : a.jsonl);
  std::vector<BatchItem> items;
  for (const auto& path : a.inputs)
    items.push_back(BatchItem{path == "-" ? "<stdin>" : path, {}, path, {}});
  return items;
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
    const std::vector<BatchItem> items = collect_items(a, jsonl_text);
    if (!a.fares.empty()) source = "";
    BatchOptions options;
    options.method = a.method;
    options.effort = a.effort;
    options.jobs = a.jobs;
    if (const auto fares = read_fares_file(a.fares))
      options.fares = CompanyFares{fares->path == "-" ? "<stdin>" : fares->path, fares->text};
    if (items.empty()) throw bad_input("no input document: the file holds only blank lines");

    // Lines are written in input order as soon as they are ready.
    std::optional<io::Output> file;
    if (!a.output.empty() && !io::is_standard_output(a.output)) file.emplace(a.output);
    std::unique_ptr<Progress> progress;
    if (::isatty(STDERR_FILENO) == 1) progress = std::make_unique<Progress>(items.size());
    const int code = plan_batch(
        items, options,
        [&](std::string_view line) {
          if (file)
            file->write(line);
          else
            print_data(line);
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
