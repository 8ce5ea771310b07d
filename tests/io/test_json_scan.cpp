// The counting pass before any JSON tree is built (io/json_scan.hpp), through every reader of JSON:
// inputs, plans, merge patches and --set values reject a NUL byte (and what follows it), UTF-16
// and UTF-32 text by name, duplicate keys, and lists, objects, strings and documents over their
// limits, naming the place.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "flyorcall/flyorcall.hpp"
#include "flyorcall/limits.hpp"
#include "io/json_scan.hpp"
#include "io/plan_reader.hpp"
#include "io/scenario.hpp"

namespace flyorcall::io {
namespace {

const std::string kValid = R"({"quarter": "2027-Q1", "travellers": [{"id": "anna", "home": "FRA",
 "cost_per_day": 500}], "clients": [{"id": "c", "city": "PAR", "visit_value": 1000}]})";

std::vector<Problem> input_problems(const std::string& text) {
  try {
    (void)read_input(text);
  } catch (const InputError& e) {
    return e.problems();
  }
  ADD_FAILURE() << "accepted: " << text.substr(0, 200);
  return {};
}

std::vector<Problem> plan_problems(const std::string& text) {
  try {
    (void)read_plan(text);
  } catch (const InputError& e) {
    return e.problems();
  }
  ADD_FAILURE() << "accepted: " << text.substr(0, 200);
  return {};
}

void expect_one(const std::vector<Problem>& p, const std::string& pointer,
                const std::string& message) {
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].pointer, pointer);
  EXPECT_EQ(p[0].message, message);
}

std::string usage_message(const std::string& set) {
  try {
    (void)parse_assignment(set);
  } catch (const InputError& e) {
    return e.problems().front().message;
  }
  return "accepted";
}

TEST(JsonScan, TextAfterANulByteIsNotIgnored) {
  EXPECT_NO_THROW((void)read_input(kValid));
  const std::string nul = kValid + std::string("\0garbage", 8);
  expect_one(input_problems(nul), "",
             "invalid byte 0x00 (NUL) at line 2, column 86: expected JSON text");
  expect_one(plan_problems(std::string("{\"trips\": []}\0{", 15)), "",
             "invalid byte 0x00 (NUL) at line 1, column 14: expected JSON text");
  const Scenario s = apply_merge_patch(kValid, std::string("{\"seed\": 2}\0x", 13), "p");
  expect_one(s.problems, "", "invalid byte 0x00 (NUL) at line 1, column 12: expected JSON text");
  EXPECT_EQ(usage_message(std::string("/policy={\"x\": 1}\0{", 18)),
            "--set \"/policy={\"x\": 1}" + std::string(1, '\0') +
                "{\": invalid byte 0x00 (NUL) at line 1, column 9: expected JSON text");
  // Trailing text without a NUL was refused already, and still is.
  EXPECT_EQ(input_problems(kValid + " {}").front().message.rfind("malformed JSON at line 2", 0),
            0u);
  EXPECT_EQ(usage_message("/policy={\"x\": 1} {}"),
            "--set \"/policy={\"x\": 1} {}\": VALUE starts like JSON but is not valid JSON (write "
            "text without quotes, or as a JSON string)");
}

TEST(JsonScan, WideEncodingsAreNamed) {
  const auto widen = [](const std::string& s, int width, bool big, bool bom) {
    std::string out;
    const auto put = [&](unsigned cp) {
      for (int k = 0; k < width; ++k) {
        const int shift = 8 * (big ? width - 1 - k : k);
        out += static_cast<char>((cp >> shift) & 0xFFu);
      }
    };
    if (bom) put(0xFEFF);
    for (const char c : s) put(static_cast<unsigned char>(c));
    return out;
  };
  for (const bool bom : {true, false}) {
    expect_one(input_problems(widen(kValid, 2, false, bom)), "",
               "UTF-16 (little-endian) text is not supported: expected UTF-8 JSON text");
    expect_one(input_problems(widen(kValid, 2, true, bom)), "",
               "UTF-16 (big-endian) text is not supported: expected UTF-8 JSON text");
    expect_one(input_problems(widen(kValid, 4, false, bom)), "",
               "UTF-32 (little-endian) text is not supported: expected UTF-8 JSON text");
    expect_one(input_problems(widen(kValid, 4, true, bom)), "",
               "UTF-32 (big-endian) text is not supported: expected UTF-8 JSON text");
    expect_one(plan_problems(widen("{}", 2, false, bom)), "",
               "UTF-16 (little-endian) text is not supported: expected UTF-8 JSON text");
  }
  EXPECT_EQ(wide_encoding("\xEF\xBB\xBF{}"), std::nullopt); // a UTF-8 byte order mark is fine
  EXPECT_EQ(wide_encoding("{}"), std::nullopt);
}

TEST(JsonScan, DuplicateKeysAreRejectedEverywhere) {
  const Scenario patch = apply_merge_patch(kValid, R"({"policy": {"x": 1, "x": 2}})", "p");
  expect_one(patch.problems, "/policy/x", "duplicate key \"x\"");
  EXPECT_EQ(usage_message(R"(/policy={"carbon_price_per_t": 1, "carbon_price_per_t": 2})"),
            R"(--set "/policy={"carbon_price_per_t": 1, "carbon_price_per_t": 2}": )"
            R"(/carbon_price_per_t: duplicate key "carbon_price_per_t")");
  expect_one(plan_problems(R"({"currency": "EUR", "currency": "USD"})"), "/currency",
             "duplicate key \"currency\"");
  // The input reader reports them itself, in document order with its other problems.
  expect_one(
      input_problems(R"({"quarter": "2027-Q1", "quarter": "2027-Q2", "travellers": [{"id": "anna",
   "home": "FRA", "cost_per_day": 500}], "clients": [{"id": "c", "city": "PAR",
   "visit_value": 1000}]})"),
      "/quarter", "duplicate key \"quarter\"");
}

TEST(JsonScan, ListsObjectsStringsAndValuesAreCountedBeforeATreeIsBuilt) {
  std::string clients = R"({"quarter": "2027-Q1", "travellers": [], "clients": [)";
  for (int i = 0; i < 2500; ++i) clients += i ? ",{}" : "{}";
  expect_one(input_problems(clients + "]}"), "/clients",
             "expected at most 2000 items, found 2500 (docs/input.md, Limits)");
  std::string members = R"({"quarter": "2027-Q1", "policy": {)";
  for (int i = 0; i < 101; ++i)
    members += (i ? "," : "") + std::string("\"k") + std::to_string(i) + "\": 0";
  expect_one(input_problems(members + "}}"), "/policy",
             "expected at most 100 members, found 101 (docs/input.md, Limits)");
  const std::string long_name = R"({"clients": [{"name": ")" + std::string(65537, 'x') + "\"}]}";
  expect_one(input_problems(long_name), "",
             "a string longer than 65536 bytes at line 1, column 23 (docs/input.md, Limits)");
  // A million values and one: 200 clients of 5000 nulls would be within every list's limit if
  // the lists were shorter; here the document's total stops the count.
  std::string values = R"({"events": [)";
  for (int e = 0; e < 10000; ++e) {
    values += e ? ",[" : "[";
    for (int v = 0; v < 99; ++v) values += v ? ",0" : "0";
    values += "]";
  }
  expect_one(input_problems(values + "]}"), "",
             "expected at most 1000000 values (strings, numbers, arrays, objects, ...) in the "
             "document (docs/input.md, Limits)");
  std::string trips = R"({"trips": [)";
  for (std::size_t i = 0; i <= kMaxPlanTrips; ++i) trips += i ? ",{}" : "{}";
  expect_one(plan_problems(trips + "]}"), "/trips",
             "expected at most 5000 items, found 5001 (docs/plan.md, Limits)");
}

} // namespace
} // namespace flyorcall::io
