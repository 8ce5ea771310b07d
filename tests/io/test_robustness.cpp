// Broken input never crashes: every truncation of the examples and thousands of deterministic
// byte-level mutations of the default example either read cleanly or fail with an InputError
// whose problems each carry a message; whatever reads cleanly also plans and writes.
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "flyorcall/flyorcall.hpp"

namespace fs = std::filesystem;

namespace flyorcall {
namespace {

std::string example(const std::string& name) {
  std::ifstream in(fs::path(FLYORCALL_SOURCE_DIR) / "data" / "examples" / name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Reads `text`; on failure checks the error is a well-formed InputError. Returns the input when
// it was accepted. Any other exception fails the test with the text that caused it.
std::optional<Input> read_or_reject(const std::string& text) {
  try {
    return read_input(text);
  } catch (const InputError& e) {
    EXPECT_EQ(e.code(), ErrorCode::input);
    EXPECT_FALSE(e.problems().empty()) << text;
    for (const Problem& p : e.problems()) EXPECT_FALSE(p.message.empty()) << text;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "unexpected " << e.what() << " for:\n" << text;
  }
  return std::nullopt;
}

// Plans and writes an accepted input; a must-visit client that the mutation made unreachable is
// the one other documented outcome.
void plan_and_write(const Input& input, const std::string& text) {
  try {
    const Plan plan = plan_quarter(input, PlanMethod::greedy); // fast: many mutations
    EXPECT_FALSE(plan_to_json(plan).empty());
    EXPECT_FALSE(plan_summary(plan, input).empty());
  } catch (const InfeasibleError& e) {
    EXPECT_EQ(e.code(), ErrorCode::infeasible);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "unexpected " << e.what() << " while planning:\n" << text;
  }
}

TEST(Robustness, EveryTruncationOfEveryExampleIsRejected) {
  for (const char* name :
       {"default.json", "small.json", "two-travellers.json", "must-visit-infeasible.json"}) {
    const std::string text = example(name);
    ASSERT_GT(text.size(), 100u) << name;
    // The closing brace is the last significant byte: every shorter prefix is incomplete.
    const std::size_t end = text.find_last_of('}');
    for (std::size_t n = 0; n < end; ++n) {
      EXPECT_FALSE(read_or_reject(text.substr(0, n))) << name << " cut at " << n;
    }
    EXPECT_TRUE(read_or_reject(text)) << name;
  }
}

TEST(Robustness, MutationsOfTheDefaultExampleNeverCrash) {
  const std::string base = example("default.json");
  ASSERT_FALSE(base.empty());
  std::mt19937 rng(20270101);
  const std::string interesting = "{}[]\",:-0123456789.eE \n\\tfnu\x01\x7f\xc3\xff";
  int accepted = 0;
  int planned = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text = base;
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < edits && !text.empty(); ++k) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 5) {
      case 0: // replace with any byte
        text[at] = static_cast<char>(rng() % 256);
        break;
      case 1: // replace with a byte that means something to JSON
        text[at] = interesting[rng() % interesting.size()];
        break;
      case 2: // delete a short span
        text.erase(at, 1 + rng() % 8);
        break;
      case 3: // insert a byte that means something to JSON
        text.insert(at, 1, interesting[rng() % interesting.size()]);
        break;
      default: // duplicate a span somewhere else
        text.insert(rng() % text.size(), text.substr(at, 1 + rng() % 40));
        break;
      }
    }
    if (const auto input = read_or_reject(text)) {
      ++accepted;
      // Planning takes milliseconds; a sample of the accepted mutations keeps the test quick.
      if (accepted % 10 == 1) {
        plan_and_write(*input, text);
        ++planned;
      }
    }
    if (HasFailure()) break;
  }
  // Most single-byte edits land in a string or number and still read: both outcomes are tested.
  EXPECT_GT(accepted, 100);
  EXPECT_GT(planned, 10);
}

} // namespace
} // namespace flyorcall
