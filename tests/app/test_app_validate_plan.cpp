// validate_input and plan_input (flyorcall/validate.hpp, flyorcall/planning.hpp) through the public
// headers only: every problem with its pointer, where it was found, and the plan options.
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "cli_run.hpp"
#include "flyorcall/flyorcall.hpp"
#include "flyorcall/planning.hpp"
#include "flyorcall/validate.hpp"

namespace {

using namespace flyorcall;

const std::string kSmall = R"({
  "start": "2027-01-11", "end": "2027-03-26", "currency": "EUR",
  "travellers": [{"id": "sam", "home": "AMS", "cost_per_day": 600, "weekend": "home"}],
  "clients": [
    {"id": "thames", "name": "Thames", "city": "LON", "account_revenue": 700000},
    {"id": "lefevre", "name": "Lefevre", "city": "PAR", "visit_value": 12000}
  ]
})";

TEST(AppValidate, ValidInputGivesItsFigures) {
  const ValidationResult r = validate_input(kSmall);
  ASSERT_TRUE(r.valid());
  EXPECT_EQ(r.travellers, 1u);
  EXPECT_EQ(r.clients, 2u);
  EXPECT_EQ(r.events, 0u);
  EXPECT_EQ(r.currency, "EUR");
  EXPECT_EQ(validation_summary(r, "small.json"),
            "small.json: valid: " + r.label + ", 1 traveller, 2 clients, 0 events, currency EUR\n");
}

TEST(AppValidate, ReturnsEveryProblemWithItsPointer) {
  std::string text = kSmall;
  text.replace(text.find("\"LON\""), 5, "\"QQQ\"");
  text.replace(text.find("600"), 3, "-5");
  const ValidationResult r = validate_input(text);
  ASSERT_FALSE(r.valid());
  EXPECT_EQ(r.place, ProblemPlace::input);
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].pointer, "/travellers/0/cost_per_day");
  EXPECT_EQ(r.problems[1].pointer, "/clients/0/city");
  // The same problems read_input throws.
  try {
    (void)read_input(text);
    FAIL() << "read_input accepted an invalid input";
  } catch (const InputError& e) {
    ASSERT_EQ(e.problems().size(), r.problems.size());
    for (std::size_t i = 0; i < r.problems.size(); ++i) {
      EXPECT_EQ(e.problems()[i].pointer, r.problems[i].pointer);
      EXPECT_EQ(e.problems()[i].message, r.problems[i].message);
    }
  }
}

TEST(AppValidate, FareTableProblemsNameTheTable) {
  const FaresTable bad{"from,to,cabin,amount\nAMS,LON,economy,-3\n", "fares.csv"};
  const ValidationResult r = validate_input(kSmall, bad);
  ASSERT_FALSE(r.valid());
  EXPECT_EQ(r.place, ProblemPlace::fares);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].message.rfind("fares.csv:2:", 0), 0u) << r.problems[0].message;

  const FaresTable good{"from,to,cabin,amount\nAMS,LON,economy,99\n", "fares.csv"};
  EXPECT_TRUE(validate_input(kSmall, good).valid());
  EXPECT_EQ(read_input_with_fares(kSmall, good).network.fares.size(), 1u);
}

TEST(AppValidate, DefaultExampleIsValid) {
  const ValidationResult r = validate_input(default_example_json());
  EXPECT_TRUE(r.valid());
  EXPECT_GT(r.clients, 10u);
}

TEST(AppPlan, OptionsOverrideTheInput) {
  PlanOptions o;
  o.method = PlanMethod::greedy;
  o.seed = 42;
  o.effort = 1;
  o.time_limit_s = 30;
  const PlanResult r = plan_input(read_input(kSmall), o);
  EXPECT_EQ(r.input.seed, 42u);
  EXPECT_EQ(r.input.policy.effort, 1);
  EXPECT_EQ(r.input.time_limit_s, 30);
  // The same plan as the library's plan_quarter on the input with those values.
  Input in = read_input(kSmall);
  in.seed = 42;
  in.policy.effort = 1;
  in.time_limit_s = 30;
  EXPECT_EQ(plan_to_json(r.plan), plan_to_json(plan_quarter(in, PlanMethod::greedy)));
}

TEST(AppPlan, DefaultsKeepTheInputsValues) {
  const Input in = read_input(kSmall);
  const PlanResult r = plan_input(in);
  EXPECT_EQ(r.input.seed, in.seed);
  EXPECT_EQ(r.input.policy.effort, in.policy.effort);
  EXPECT_EQ(plan_to_json(r.plan), plan_to_json(plan_quarter(in)));
}

TEST(AppPlan, OutOfRangeOptionsAreInputErrorsWithPointers) {
  PlanOptions o;
  o.effort = 9;
  o.time_limit_s = 0.01;
  try {
    (void)plan_input(read_input(kSmall), o);
    FAIL() << "out-of-range options were accepted";
  } catch (const InputError& e) {
    ASSERT_EQ(e.problems().size(), 2u);
    EXPECT_EQ(e.problems()[0].pointer, "/policy/effort");
    EXPECT_EQ(e.problems()[1].pointer, "/time_limit_s");
  }
}

std::string source_file(const std::string& path) {
  return clitest::slurp(std::string(FLYORCALL_SOURCE_DIR) + "/" + path);
}

// An amount rounded to whole units with thousands separators, as the README writes it.
std::string whole_units(Money m) {
  std::string digits = std::to_string((m.count() + 50) / 100);
  for (int k = static_cast<int>(digits.size()) - 3; k > 0; k -= 3)
    digits.insert(static_cast<std::size_t>(k), ",");
  return digits;
}

// The README states what the default example nets by default and with --method greedy: the
// figures are the plans' own.
TEST(AppPlan, TheReadmeStatesTheDefaultExamplesNets) {
  const std::string readme = source_file("README.md");
  ASSERT_FALSE(readme.empty());
  const Input input = read_input(source_file("data/examples/default.json"));
  PlanOptions greedy;
  greedy.method = PlanMethod::greedy;
  const std::string search_net = whole_units(plan_input(input).plan.totals.net);
  const std::string greedy_net = whole_units(plan_input(input, greedy).plan.totals.net);
  EXPECT_NE(readme.find("it nets " + search_net + " EUR"), std::string::npos) << search_net;
  EXPECT_NE(readme.find("(" + greedy_net + " EUR on the default example)"), std::string::npos)
      << greedy_net;
}

} // namespace
