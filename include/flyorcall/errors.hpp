// The one error hierarchy of flyorcall. Codes are fixed, documented in docs/errors.md, used as the
// process exit code and as the JSON `code`, and only ever appended.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace flyorcall {

/// Fixed error codes; the numeric value is the CLI exit code.
enum class ErrorCode : int {
  ok = 0,
  internal = 1,   ///< a bug or an environment failure (e.g. an output file cannot be written)
  input = 2,      ///< bad input document or bad command-line usage
  infeasible = 3, ///< the input is valid but no plan satisfies its rules
  time_limit = 4, ///< the time limit (time_limit_s) passed before the planner had any plan
};

/// One problem found in an input, located by a JSON Pointer (RFC 6901) into the document.
struct Problem {
  std::string pointer; ///< e.g. "/clients/3/city"; "" means the whole document
  std::string message; ///< what was found and what was expected
};

/// Base of all flyorcall errors.
class Error : public std::runtime_error {
public:
  /// An error with a fixed code and a one-line message.
  Error(ErrorCode code, const std::string& what) : std::runtime_error(what), code_(code) {}
  /// The fixed code (also the exit code).
  [[nodiscard]] ErrorCode code() const { return code_; }

private:
  ErrorCode code_;
};

/// Bad input: carries every problem found, not just the first.
class InputError : public Error {
public:
  /// An input error listing all problems (at least one).
  explicit InputError(std::vector<Problem> problems)
      : Error(ErrorCode::input, summarize(problems)), problems_(std::move(problems)) {}
  /// Every problem, in document order.
  [[nodiscard]] const std::vector<Problem>& problems() const { return problems_; }

private:
  static std::string summarize(const std::vector<Problem>& p) {
    if (p.empty()) return "invalid input";
    std::string s = p.front().pointer + ": " + p.front().message;
    if (p.size() > 1) s += " (and " + std::to_string(p.size() - 1) + " more)";
    return s;
  }
  std::vector<Problem> problems_;
};

/// A valid input that cannot be planned: names the rule that blocks it.
class InfeasibleError : public Error {
public:
  /// An infeasibility located at `pointer` (e.g. the must-visit client).
  InfeasibleError(std::string pointer, const std::string& what)
      : Error(ErrorCode::infeasible, what), pointer_(std::move(pointer)) {}
  /// JSON Pointer to the input element that cannot be satisfied.
  [[nodiscard]] const std::string& pointer() const { return pointer_; }

private:
  std::string pointer_;
};

/// The time limit (time_limit_s) passed before the planner had any complete plan to return (the
/// exact solver has none until its dynamic programme ends); a planner that has one returns it,
/// marked cut, instead.
class TimeLimitError : public Error {
public:
  /// The message says which planner stopped, at which limit, and what to do instead.
  explicit TimeLimitError(const std::string& what) : Error(ErrorCode::time_limit, what) {}
};

} // namespace flyorcall
