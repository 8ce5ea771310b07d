// Every documented maximum of an input (docs/input.md, "Limits"; include/flyorcall/limits.hpp)
// that BadInput.EachListHasADocumentedMaximum does not cover, at the limit (accepted) and one
// past it (rejected with the pointer and the limit), and numbers that JSON or a field cannot
// hold: NaN, infinities, overflowing integers and absurd magnitudes, each with its place.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "flyorcall/flyorcall.hpp"
#include "flyorcall/limits.hpp"
#include "io/files.hpp"

namespace flyorcall {
namespace {

std::vector<Problem> problems_of(const std::string& text) {
  try {
    (void)read_input(text);
  } catch (const InputError& e) {
    EXPECT_EQ(e.code(), ErrorCode::input);
    return e.problems();
  }
  ADD_FAILURE() << "the document was accepted:\n" << text.substr(0, 400);
  return {};
}

void expect_problem(const std::string& text, const std::string& pointer,
                    const std::string& message) {
  const auto p = problems_of(text);
  ASSERT_EQ(p.size(), 1u) << text.substr(0, 400);
  EXPECT_EQ(p[0].pointer, pointer) << text.substr(0, 400);
  EXPECT_EQ(p[0].message, message) << text.substr(0, 400);
}

const std::string kTraveller = R"({"id": "anna", "home": "FRA", "cost_per_day": 500})";
const std::string kClient = R"({"id": "c", "city": "PAR", "visit_value": 1000})";

/// A valid document with extra top-level members, a traveller and a client (either replaced).
std::string doc(const std::string& extra, const std::string& traveller = kTraveller,
                const std::string& client = kClient) {
  return R"({"quarter": "2027-Q1", )" + extra + R"("travellers": [)" + traveller +
         R"(], "clients": [)" + client + "]}";
}

/// `n` JSON items made by `item(i)`, comma-separated.
template <typename F> std::string items(std::size_t n, F item) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i ? "," : "") + item(i);
  return out;
}

/// A three-letter code (AAA, AAB, ...) or a two-letter one for i < 676.
std::string code3(std::size_t i) {
  return {static_cast<char>('A' + i / 676 % 26), static_cast<char>('A' + i / 26 % 26),
          static_cast<char>('A' + i % 26)};
}
std::string code2(std::size_t i) {
  return {static_cast<char>('A' + i / 26 % 26), static_cast<char>('A' + i % 26)};
}

std::string limit_message(std::size_t max, std::size_t found) {
  return "expected at most " + std::to_string(max) + " items, found " + std::to_string(found) +
         " (docs/input.md, Limits)";
}

} // namespace

TEST(Limits, NetworkCitiesAndCountries) {
  const auto cities = [](std::size_t n) {
    return doc(R"("network": {"cities": [)" +
               items(n, [](std::size_t i) { return R"({"code": ")" + code3(i) + R"("})"; }) +
               "]}, ");
  };
  EXPECT_EQ(limits::kMaxCities, 2000u);
  expect_problem(cities(limits::kMaxCities + 1), "/network/cities",
                 limit_message(limits::kMaxCities, limits::kMaxCities + 1));
  // At the limit the list is read item by item (these codes are unknown new cities).
  const auto at_limit = problems_of(cities(limits::kMaxCities));
  ASSERT_FALSE(at_limit.empty());
  EXPECT_EQ(at_limit[0].pointer.rfind("/network/cities/", 0), 0u) << at_limit[0].pointer;

  const auto countries = [](std::size_t n) {
    return doc(R"("network": {"countries": [)" +
               items(n, [](std::size_t i) { return R"({"code": ")" + code2(i) + R"("})"; }) +
               "]}, ");
  };
  EXPECT_EQ(limits::kMaxCountries, 300u);
  expect_problem(countries(limits::kMaxCountries + 1), "/network/countries",
                 limit_message(limits::kMaxCountries, limits::kMaxCountries + 1));
  const auto countries_at_limit = problems_of(countries(limits::kMaxCountries));
  ASSERT_FALSE(countries_at_limit.empty());
  EXPECT_EQ(countries_at_limit[0].pointer.rfind("/network/countries/", 0), 0u);
}

TEST(Limits, AnyOtherListHoldsAHundredItems) {
  // A country's weekend may name a day twice, so a hundred items can be valid.
  const auto weekend = [](std::size_t n) {
    return doc(R"("network": {"countries": [{"code": "DE", "weekend": [)" +
               items(n, [](std::size_t) { return std::string("\"Sat\""); }) + "]}]}, ");
  };
  EXPECT_NO_THROW((void)read_input(weekend(100)));
  expect_problem(weekend(101), "/network/countries/0/weekend", limit_message(100, 101));
  const std::string travellers101 =
      R"({"id": "c", "city": "PAR", "visit_value": 1000, "travellers": [)" +
      items(101, [](std::size_t) { return std::string("\"anna\""); }) + "]}";
  expect_problem(doc("", kTraveller, travellers101), "/clients/0/travellers",
                 limit_message(100, 101));
}

TEST(Limits, HorizonAndTimeLimit) {
  // 2028 is a leap year: 366 days is the limit, one more is too long.
  const std::string body =
      R"("travellers": [)" + kTraveller + R"(], "clients": [)" + kClient + "]}";
  EXPECT_NO_THROW((void)read_input(R"({"start": "2028-01-01", "end": "2028-12-31", )" + body));
  expect_problem(R"({"start": "2028-01-01", "end": "2029-01-01", )" + body, "/end",
                 "horizon 2028-01-01..2029-01-01 is 367 days long, expected at most 366");
  EXPECT_NO_THROW((void)read_input(doc(R"("time_limit_s": 3600, )")));
  expect_problem(doc(R"("time_limit_s": 3600.5, )"), "/time_limit_s",
                 "expected a number from 0.1 to 3600, found 3600.5");
  EXPECT_EQ(limits::kMaxTimeLimitSeconds, 3600.0);
}

TEST(Limits, FileSizeIsCheckedWhileReading) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("flyorcall-limits-" + std::to_string(::getpid()) + ".json");
  {
    std::ofstream out(path, std::ios::binary);
    const std::string block(1 << 20, ' ');
    for (std::size_t i = 0; i < limits::kMaxInputBytes / block.size(); ++i) out << block;
  }
  EXPECT_EQ(io::read_text_file(path.string()).size(), limits::kMaxInputBytes); // at the limit
  std::ofstream(path, std::ios::binary | std::ios::app) << ' ';
  try {
    (void)io::read_text_file(path.string());
    ADD_FAILURE() << "a file one byte over the limit was read";
  } catch (const InputError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].pointer, "");
    EXPECT_EQ(e.problems()[0].message,
              "cannot read " + path.string() + ": larger than the limit of 67108864 bytes");
  }
  std::filesystem::remove(path);
}

// ---- numbers JSON or a field cannot hold ---------------------------------------------------

TEST(AbsurdNumbers, NanAndInfinitiesAreNotJsonAndNameTheirLineAndColumn) {
  for (const std::string v : {"NaN", "nan", "Infinity", "-Infinity", "inf"}) {
    const std::string text = "{\"quarter\": \"2027-Q1\",\n \"seed\": " + v + "}";
    const auto p = problems_of(text);
    ASSERT_EQ(p.size(), 1u) << v;
    EXPECT_EQ(p[0].pointer, "") << v;
    EXPECT_EQ(p[0].message.rfind("malformed JSON at line 2, column ", 0), 0u) << p[0].message;
  }
  // Deep inside the document the position still says where.
  const auto p =
      problems_of(doc("", kTraveller, R"({"id": "c", "city": "PAR", "visit_value": -Infinity})"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message.rfind("malformed JSON at line 1, column ", 0), 0u) << p[0].message;
}

TEST(AbsurdNumbers, OverflowingAndHugeNumbersAreNamedByTheirPointer) {
  struct Case {
    std::string client; ///< the client object
    std::string pointer;
    std::string message;
  };
  const std::vector<Case> cases{
      {R"({"id": "c", "city": "PAR", "visit_value": 1e300})", "/clients/0/visit_value",
       "expected an amount up to 1000000000000, found 1e+300"},
      {R"({"id": "c", "city": "PAR", "visit_value": -1e300})", "/clients/0/visit_value",
       "expected a non-negative amount, found -1e+300"},
      {R"({"id": "c", "city": "PAR", "visit_value": 1, "attendees": 18446744073709551616})",
       "/clients/0/attendees", "expected an integer from 1 to 100, found 1.8446744073709552e+19"},
      {R"({"id": "c", "city": "PAR", "visit_value": 1, "attendees": -9223372036854775809})",
       "/clients/0/attendees", "expected an integer from 1 to 100, found -9.223372036854776e+18"},
      {R"({"id": "c", "city": "PAR", "visit_value": 1, "visit_days": 4294967297})",
       "/clients/0/visit_days", "expected an integer from 1 to 20, found 4294967297"},
      {R"({"id": "c", "city": "PAR", "visit_value": 1, "visit_days": 1e308})",
       "/clients/0/visit_days", "expected an integer from 1 to 20, found 1e+308"},
  };
  for (const Case& c : cases) expect_problem(doc("", kTraveller, c.client), c.pointer, c.message);
  expect_problem(doc("", R"({"id": "anna", "home": "FRA", "cost_per_day": 1e19})"),
                 "/travellers/0/cost_per_day",
                 "expected an amount up to 1000000000000, found 1e+19");
  expect_problem(doc(R"("seed": 1e300, )"), "/seed",
                 "expected an integer from 0 to 18446744073709551615, found 1e+300");
  expect_problem(doc(R"("time_limit_s": 1e300, )"), "/time_limit_s",
                 "expected a number from 0.1 to 3600, found 1e+300");
  expect_problem(doc(R"("time_limit_s": 1e-300, )"), "/time_limit_s",
                 "expected a number from 0.1 to 3600, found 1e-300");
  // Past a double's range the number cannot even be read: the JSON position names it.
  const auto p = problems_of(doc(R"("time_limit_s": -1e400, )"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].pointer, "");
  EXPECT_EQ(p[0].message, "malformed JSON at line 1, column 40: number -1e400 is out of range");
}

} // namespace flyorcall
