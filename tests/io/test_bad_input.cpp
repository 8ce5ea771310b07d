// Bad input: every kind of problem the reader reports, with its exact pointer and message
// (docs/errors.md lists them; a change of wording must show up here).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "flyorcall/flyorcall.hpp"
#include "time/working_hours.hpp"

namespace flyorcall {

// Printed by GoogleTest when a comparison fails.
void PrintTo(const Problem& p, std::ostream* os) {
  *os << "{\"" << p.pointer << "\", \"" << p.message << "\"}";
}
bool operator==(const Problem& a, const Problem& b) {
  return a.pointer == b.pointer && a.message == b.message;
}

namespace {

std::vector<Problem> problems_of(const std::string& text) {
  try {
    (void)read_input(text);
  } catch (const InputError& e) {
    EXPECT_EQ(e.code(), ErrorCode::input);
    return e.problems();
  }
  ADD_FAILURE() << "the document was accepted:\n" << text;
  return {};
}

void expect_problem(const std::string& text, const std::string& pointer,
                    const std::string& message) {
  EXPECT_EQ(problems_of(text), (std::vector<Problem>{{pointer, message}})) << text;
}

/// A valid document with `client` as its only client (and an extra top-level member).
std::string with_client(const std::string& client, const std::string& extra = "") {
  return R"({"quarter": "2027-Q1", )" + extra +
         R"("travellers": [{"id": "anna", "home": "FRA", "cost_per_day": 500}, {"id": "ben", "home": "LON", "cost_per_day": 500}],
             "clients": [)" +
         client + "]}";
}

/// A valid document with `traveller` as its only traveller.
std::string with_traveller(const std::string& traveller) {
  return R"({"quarter": "2027-Q1", "travellers": [)" + traveller +
         R"(], "clients": [{"id": "c", "city": "PAR", "visit_value": 1000}]})";
}

/// `n` copies of `item` with "#" replaced by the copy's number, as a JSON array body.
std::string repeated(const std::string& item, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    std::string one = item;
    for (auto at = one.find('#'); at != std::string::npos; at = one.find('#'))
      one.replace(at, 1, std::to_string(i));
    out += (i ? "," : "") + one;
  }
  return out;
}

TEST(BadInput, EachListHasADocumentedMaximum) {
  const std::string traveller = R"({"id": "t#", "home": "FRA", "cost_per_day": 500})";
  const std::string client = R"({"id": "c#", "city": "PAR", "visit_value": 1000})";
  const std::string one_client = R"([{"id": "c", "city": "PAR", "visit_value": 1000}])";
  const std::string one_traveller = "[" + traveller + "]";
  const auto doc = [&](const std::string& travellers, const std::string& clients,
                       const std::string& extra = "") {
    return R"({"quarter": "2027-Q1", )" + extra + R"("travellers": )" + travellers +
           R"(, "clients": )" + clients + "}";
  };
  // At the limit: accepted.
  EXPECT_NO_THROW((void)read_input(doc("[" + repeated(traveller, 50) + "]", one_client)));
  expect_problem(doc("[" + repeated(traveller, 51) + "]", one_client), "/travellers",
                 "expected at most 50 items, found 51 (docs/input.md, Limits)");
  expect_problem(doc(one_traveller, "[" + repeated(client, 2001) + "]"), "/clients",
                 "expected at most 2000 items, found 2001 (docs/input.md, Limits)");
  const std::string event = R"({"kind": "news", "city": "PAR", "start": "2027-01-05",
                                "end": "2027-01-05", "title": "e#"})";
  expect_problem(doc(one_traveller, one_client, R"("events": [)" + repeated(event, 10001) + "],"),
                 "/events", "expected at most 10000 items, found 10001 (docs/input.md, Limits)");
  const std::string leg = R"({"from": "FRA", "to": "PAR"})";
  expect_problem(
      doc(one_traveller, one_client, R"("network": {"legs": [)" + repeated(leg, 50001) + "]},"),
      "/network/legs", "expected at most 50000 items, found 50001 (docs/input.md, Limits)");
  const std::string window = R"({"start": "2027-01-05", "end": "2027-01-06"})";
  expect_problem(doc(one_traveller, R"([{"id": "c", "city": "PAR", "visit_value": 1000,
                                         "availability": [)" +
                                        repeated(window, 367) + "]}]"),
                 "/clients/0/availability",
                 "expected at most 366 items, found 367 (docs/input.md, Limits)");
}

TEST(BadInput, MalformedJsonGivesLineAndColumn) {
  expect_problem("{\n  \"quarter\": \"2027-Q1\",\n  \"seed\": tru\n}", "",
                 "malformed JSON at line 3, column 14: invalid literal");
  expect_problem("{\"quarter\" \"2027-Q1\"}", "",
                 "malformed JSON at line 1, column 20: unexpected string literal; expected ':'");
}

TEST(BadInput, ColumnsCountCharactersNotBytes) {
  expect_problem("{\"name\": \"Lefèvre\" x}", "",
                 "malformed JSON at line 1, column 20: invalid literal");
}

TEST(BadInput, TruncatedFile) {
  expect_problem("{\"quarter\": \"2027-Q1\",\n \"clients\": [", "",
                 "malformed JSON at line 2, column 14: unexpected end of input; expected '[', "
                 "'{', or a literal");
}

TEST(BadInput, TrailingGarbage) {
  expect_problem("{\"quarter\": \"2027-Q1\"}}", "",
                 "malformed JSON at line 1, column 23: unexpected '}'; expected end of input");
}

TEST(BadInput, EmptyDocument) {
  expect_problem("", "", "empty document: expected a JSON object");
  expect_problem(" \n\t\r\n", "", "empty document: expected a JSON object");
  // A byte order mark alone is an empty document too, not a syntax error.
  expect_problem("\xEF\xBB\xBF \n", "", "empty document: expected a JSON object");
}

TEST(BadInput, BinaryBytes) {
  expect_problem(std::string("{\"quarter\":\n \"20\xff\xfe\"}"), "",
                 "invalid UTF-8 byte 0xff at line 2, column 5: expected JSON text");
  // A truncated multi-byte sequence and an overlong encoding are not UTF-8 either.
  expect_problem(std::string("\"\xc3"), "",
                 "invalid UTF-8 byte 0xc3 at line 1, column 2: expected JSON text");
  expect_problem(std::string("{\xc0\xaf}"), "",
                 "invalid UTF-8 byte 0xc0 at line 1, column 2: expected JSON text");
}

TEST(BadInput, NestingIsLimited) {
  expect_problem(std::string(100000, '[') + std::string(100000, ']'),
                 "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0",
                 "expected at most 32 levels of nested arrays and objects");
  expect_problem(
      R"({"network": {"legs": [{"fare": {"economy": {"a": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}}]}})",
      "/network/legs/0/fare/economy/a/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0",
      "expected at most 32 levels of nested arrays and objects");
}

TEST(BadInput, TopLevelMustBeAnObject) {
  expect_problem("[1, 2]", "", "expected a JSON object at the top level, found array");
  expect_problem("\"2027-Q1\"", "", "expected a JSON object at the top level, found string");
}

TEST(BadInput, WrongType) {
  expect_problem(with_client(R"({"id": 42, "city": "PAR", "visit_value": 1})"), "/clients/0/id",
                 "expected a string, found number");
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": "1000"})"),
                 "/clients/0/visit_value", "expected an amount, found string");
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1, "must_visit": 1})"),
                 "/clients/0/must_visit", "expected true or false, found number");
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1, "availability": {}})"),
                 "/clients/0/availability", "expected an array, found object");
  expect_problem(with_client(R"(["c"])"), "/clients/0", "expected an object, found array");
}

TEST(BadInput, NegativeMoney) {
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": -5})"),
                 "/clients/0/visit_value", "expected a non-negative amount, found -5");
}

TEST(BadInput, AbsurdOrUnrepresentableNumbers) {
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1e15})"),
                 "/clients/0/visit_value", "expected an amount up to 1000000000000, found 1e+15");
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1e400})"), "",
                 "malformed JSON at line 2, column 68: number 1e400 is out of range");
  expect_problem(R"({"quarter": "2027-Q1", "seed": NaN})", "",
                 "malformed JSON at line 1, column 32: invalid literal");
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1, "attendees": 1000})"),
                 "/clients/0/attendees", "expected an integer from 1 to 100, found 1000");
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1, "visit_days": 1.5})"),
                 "/clients/0/visit_days", "expected an integer from 1 to 20, found 1.5");
  expect_problem(
      with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})", R"("time_limit_s": 0, )"),
      "/time_limit_s", "expected a number from 0.1 to 3600, found 0");
}

TEST(BadInput, EffortIsALevelFromOneToFive) {
  const std::string client = R"({"id": "c", "city": "PAR", "visit_value": 1})";
  expect_problem(with_client(client, R"("policy": {"effort": 0}, )"), "/policy/effort",
                 "expected an integer from 1 to 5, found 0");
  expect_problem(with_client(client, R"("policy": {"effort": 2.5}, )"), "/policy/effort",
                 "expected an integer from 1 to 5, found 2.5");
  expect_problem(with_client(client, R"("policy": {"efort": 2}, )"), "/policy/efort",
                 "unknown key \"efort\" (did you mean \"effort\"?)");
}

TEST(BadInput, OffHoursCurveWeightsAreFromOneToAHundred) {
  const std::string client = R"({"id": "c", "city": "PAR", "visit_value": 1})";
  expect_problem(with_client(client, R"("policy": {"offhours_weight": {"night": 0.5}}, )"),
                 "/policy/offhours_weight/night", "expected a number from 1 to 100, found 0.5");
  expect_problem(with_client(client, R"("policy": {"offhours_weight": {"far": "x"}}, )"),
                 "/policy/offhours_weight/far", "expected a number, found string");
}

TEST(BadInput, SeedIsAnIntegerOfSixtyFourBits) {
  const auto seed = [](const std::string& v) {
    return with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})", "\"seed\": " + v + ", ");
  };
  const std::string range = "expected an integer from 0 to 18446744073709551615, found ";
  expect_problem(seed("-1"), "/seed", range + "-1");
  expect_problem(seed("1.5"), "/seed", range + "1.5");
  expect_problem(seed("18446744073709551616"), "/seed", range + "1.8446744073709552e+19");
  expect_problem(seed("\"7\""), "/seed", "expected an integer, found string");
}

TEST(BadInput, UnknownKeyWithSuggestion) {
  EXPECT_EQ(
      problems_of(
          R"({"quarter": "2027-Q1", "travellers": [{"id": "a", "home": "FRA", "cost_per_day": 500}],
                            "cleints": []})"),
      (std::vector<Problem>{{"", "missing required key \"clients\""},
                            {"/cleints", "unknown key \"cleints\" (did you mean \"clients\"?)"}}));
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_vale": 1, "visit_value": 1})"),
                 "/clients/0/visit_vale",
                 "unknown key \"visit_vale\" (did you mean \"visit_value\"?)");
  // Without a near match there is no suggestion; keys are escaped in the pointer.
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1, "a/b~c": 1})"),
                 "/clients/0/a~1b~0c", "unknown key \"a/b~c\"");
}

TEST(BadInput, UnknownPlaceIsNeverAnotherCityBySpelling) {
  const std::string expected =
      "; expected a city code (such as \"LON\"), an airport code (such as \"LHR\") or a city name";
  expect_problem(with_client(R"({"id": "c", "city": "XQZ", "visit_value": 1})"), "/clients/0/city",
                 "unknown city or airport \"XQZ\"" + expected);
  expect_problem(with_client(R"({"id": "c", "city": "XQXQ", "visit_value": 1})"), "/clients/0/city",
                 "unknown city or airport \"XQXQ\"" + expected);
  // A code one letter away from another city's code is not that city: no suggestion.
  expect_problem(with_client(R"({"id": "c", "city": "FRNK", "visit_value": 1})"), "/clients/0/city",
                 "unknown city or airport \"FRNK\"" + expected);
  // A misspelt name is the same place.
  expect_problem(with_traveller(R"({"id": "a", "home": "singapur", "cost_per_day": 500})"),
                 "/travellers/0/home",
                 "unknown city or airport \"singapur\"" + expected +
                     " (did you mean \"Singapore\", city \"SIN\"?)");
  expect_problem(with_traveller(R"({"id": "a", "home": "Sao Paolo", "cost_per_day": 500})"),
                 "/travellers/0/home",
                 "unknown city or airport \"Sao Paolo\"" + expected +
                     " (did you mean \"Sao Paulo\", city \"SAO\"?)");
}

TEST(BadInput, AirportOutsideTheNetworkNamesTheNearestCity) {
  expect_problem(with_client(R"({"id": "c", "city": "FLL", "visit_value": 1})"), "/clients/0/city",
                 "\"FLL\" is the airport of Fort Lauderdale (US), which is not a city of the "
                 "network; the nearest network city is \"MIA\" (Miami, 35 km away)");
  // Hahn is marketed as Frankfurt's but lies 110 km away: it stays a place of its own.
  expect_problem(with_client(R"({"id": "c", "city": "HHN", "visit_value": 1})"), "/clients/0/city",
                 "\"HHN\" is the airport of Hahn (DE), which is not a city of the network; the "
                 "nearest network city is \"LUX\" (Luxembourg, 90 km away)");
}

TEST(BadInput, AmbiguousNamesNeedTheCodeOrTheCountry) {
  expect_problem(with_client(R"({"id": "c", "city": "San Jose", "visit_value": 1})"),
                 "/clients/0/city",
                 "\"San Jose\" is ambiguous: San Jose in Costa Rica (SJO) or San Jose in "
                 "California (airport SJC; not in the network); write the city code or add the "
                 "country (\"San Jose, <country>\")");
  expect_problem(with_client(R"({"id": "c", "city": "Valencia, VE", "visit_value": 1})"),
                 "/clients/0/city", "no network city \"Valencia\" in VE");
  expect_problem(with_client(R"({"id": "c", "city": "Paris, Texas", "visit_value": 1})"),
                 "/clients/0/city",
                 "unknown country \"Texas\" in \"Paris, Texas\"; expected an ISO country code or "
                 "an English country name");
}

TEST(BadInput, AirportOfACityOutsideThisNetwork) {
  expect_problem(with_client(R"({"id": "c", "city": "CDG", "visit_value": 1})",
                             R"("network": {"use_default": false, "cities": [
      {"code": "FRA", "name": "Frankfurt", "country": "DE", "tz": "Europe/Berlin", "lat": 50.1,
       "lon": 8.7, "region": "europe", "hotel": 130, "per_diem": 28},
      {"code": "LON", "name": "London", "country": "GB", "tz": "Europe/London", "lat": 51.5,
       "lon": -0.1, "region": "europe", "hotel": 160, "per_diem": 66}]}, )"),
                 "/clients/0/city",
                 "\"CDG\" is an airport of Paris (city \"PAR\"), which is not a city of this "
                 "network");
}

TEST(BadInput, CitiesOfTheDefaultNetworkAreGoneWhenItIsOff) {
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})",
                             R"("network": {"use_default": false, "cities": [
      {"code": "FRA", "name": "Frankfurt", "country": "DE", "tz": "Europe/Berlin", "lat": 50.1,
       "lon": 8.7, "region": "europe", "hotel": 130, "per_diem": 28},
      {"code": "LON", "name": "London", "country": "GB", "tz": "Europe/London", "lat": 51.5,
       "lon": -0.1, "region": "europe", "hotel": 160, "per_diem": 66}]}, )"),
                 "/clients/0/city",
                 "unknown city or airport \"PAR\"; expected a city code (such as \"LON\"), an "
                 "airport code (such as \"LHR\") or a city name");
}

TEST(BadInput, UnknownTimeZoneWithSuggestion) {
  const auto city = [](const std::string& tz) {
    return with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})",
                       R"("network": {"cities": [{"code": "XAA", "name": "Alpha", "country": "DE",
       "tz": ")" + tz + R"(", "lat": 50, "lon": 8, "region": "europe", "hotel": 100,
       "per_diem": 30}]}, )");
  };
  expect_problem(city("Europe/Frankfurt"), "/network/cities/0/tz",
                 "unknown time zone \"Europe/Frankfurt\" (did you mean \"Europe/Berlin\"?)");
  expect_problem(city("Europe/Berln"), "/network/cities/0/tz",
                 "unknown time zone \"Europe/Berln\" (did you mean \"Europe/Berlin\"?)");
  expect_problem(city("Mars/Olympus"), "/network/cities/0/tz",
                 "unknown time zone \"Mars/Olympus\"");
  // Files of the zoneinfo directory, not IANA zones ("localtime" is the host's own zone).
  for (const std::string name : {"localtime", "posixrules", "Factory"})
    expect_problem(city(name), "/network/cities/0/tz", "unknown time zone \"" + name + "\"");
}

TEST(BadInput, EndBeforeStart) {
  expect_problem(R"({"start": "2027-03-31", "end": "2027-01-01",
    "travellers": [{"id": "a", "home": "FRA", "cost_per_day": 500}], "clients": [{"id": "c", "city": "PAR",
    "visit_value": 1}]})",
                 "/end", "end 2027-01-01 is before start 2027-03-31");
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1,
    "availability": [{"from": "2027-02-10", "to": "2027-02-01"}]})"),
                 "/clients/0/availability/0/to", "to 2027-02-01 is before from 2027-02-10");
}

TEST(BadInput, HorizonLongerThanAYear) {
  expect_problem(R"({"start": "2027-01-01", "end": "2028-03-31",
    "travellers": [{"id": "a", "home": "FRA", "cost_per_day": 500}], "clients": [{"id": "c", "city": "PAR",
    "visit_value": 1}]})",
                 "/end", "horizon 2027-01-01..2028-03-31 is 456 days long, expected at most 366");
}

TEST(BadInput, DuplicateIds) {
  EXPECT_EQ(problems_of(with_client(R"({"id": "acme", "city": "PAR", "visit_value": 1},
                                      {"id": "beta", "city": "PAR", "visit_value": 1},
                                      {"id": "acme", "city": "LON", "visit_value": 1})")),
            (std::vector<Problem>{
                {"/clients/2/id", "duplicate client id \"acme\" (first at /clients/0/id)"}}));
  expect_problem(
      with_traveller(
          R"({"id": "a", "home": "FRA", "cost_per_day": 500}, {"id": "a", "home": "PAR", "cost_per_day": 500})"),
      "/travellers/1/id", "duplicate traveller id \"a\" (first at /travellers/0/id)");
}

TEST(BadInput, DuplicateKey) {
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1, "city": "LON"})"),
                 "/clients/0/city", "duplicate key \"city\"");
}

TEST(BadInput, DuplicateKeyIsReportedOnce) {
  expect_problem(
      with_client(R"({"id": "c", "city": "PAR", "visit_value": 1, "name": "a", "name": "b",
                      "name": "c"})"),
      "/clients/0/name", "duplicate key \"name\"");
}

TEST(BadInput, QuotedTextIsEscapedLikeJson) {
  // Control characters would reach the terminal raw; a quote would end the quotation early.
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1, "ci\"ty": 1})"),
                 "/clients/0/ci\"ty", "unknown key \"ci\\\"ty\" (did you mean \"city\"?)");
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1, "x\u001b[31m\\": 1})"),
                 "/clients/0/x\x1b[31m\\", "unknown key \"x\\u001b[31m\\\\\"");
  expect_problem(with_client(R"({"id": "c", "city": "P\u0000R", "visit_value": 1})"),
                 "/clients/0/city",
                 "expected a string without control characters, found \"P\\u0000R\"");
}

TEST(BadInput, ControlCharactersOnlyInNotes) {
  expect_problem(with_client(R"({"id": "c\u0007", "city": "PAR", "visit_value": 1})"),
                 "/clients/0/id",
                 "expected a string without control characters, found \"c\\u0007\"");
  expect_problem(
      with_client(R"({"id": "c", "name": "Acme\nLtd", "city": "PAR", "visit_value": 1})"),
      "/clients/0/name", "expected a string without control characters, found \"Acme\\nLtd\"");
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})",
                             R"("events": [{"kind": "news", "city": "PAR", "from": "2027-01-05",
                                            "note": "line 1\nline 2\u0000"}], )"),
                 "/events/0/note",
                 "expected a string without control characters other than tab, line feed "
                 "and carriage return, found \"line 1\\nline 2\\u0000\"");
  EXPECT_NO_THROW((void)read_input(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})",
                                               R"("events": [{"kind": "news", "city": "PAR",
                                 "from": "2027-01-05", "note": "line 1\n\tline 2"}], )")));
}

TEST(BadInput, LongTextIsShortenedInMessages) {
  const std::string key(5000, 'k');
  const std::string quoted = "\"" + std::string(80, 'k') + "...\" (5000 characters)";
  expect_problem(
      with_client(R"({"id": "c", "city": "PAR", "visit_value": 1, ")" + key + R"(": 1})"),
      "/clients/0/" + key, "unknown key " + quoted);
  // Characters, not bytes: a multi-byte character is never cut.
  std::string city;
  for (int i = 0; i < 100; ++i) city += "\xC3\xA9";
  std::string first80;
  for (int i = 0; i < 80; ++i) first80 += "\xC3\xA9";
  expect_problem(with_client(R"({"id": "c", "city": ")" + city + R"(", "visit_value": 1})"),
                 "/clients/0/city",
                 "unknown city or airport \"" + first80 +
                     "...\" (100 characters); expected a city code (such as \"LON\"), an airport "
                     "code (such as \"LHR\") or a city name");
}

TEST(BadInput, ProblemsBeyondTheLimitAreCounted) {
  std::string clients;
  for (int i = 0; i < 600; ++i) clients += std::string(i ? "," : "") + "{}";
  const auto problems = problems_of(
      R"({"quarter": "2027-Q1", "travellers": [{"id": "a", "home": "FRA", "cost_per_day": 5}],
          "clients": [)" +
      clients + "]}");
  // Three missing keys per client: 1800 found, the first 1000 listed in document order.
  ASSERT_EQ(problems.size(), 1001u);
  EXPECT_EQ(problems[0], (Problem{"/clients/0", "missing required key \"id\""}));
  EXPECT_EQ(problems[999], (Problem{"/clients/333", "missing required key \"id\""}));
  EXPECT_EQ(problems[1000],
            (Problem{"", "800 more problems not listed (at most 1000 are listed)"}));
}

TEST(BadInput, HugeObjectsAndArraysStayReadable) {
  // Hundreds of thousands of members: refused by the count before the tree is built (once, the
  // duplicate-key checks and the document-order sort scanned the whole object for every member).
  std::string keys;
  for (int i = 0; i < 300000; ++i) keys += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
  keys += ",\"k7\":2";
  const auto problems = problems_of(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})",
                                                R"("policy": {)" + keys + "}, "));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], (Problem{"/policy", "expected at most 100 members, found 300001 "
                                             "(docs/input.md, Limits)"}));
  // At the limit the members are read, each problem listed in document order.
  std::string hundred;
  for (int i = 0; i < 99; ++i) hundred += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
  hundred += ",\"k7\":2";
  const auto listed = problems_of(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})",
                                              R"("policy": {)" + hundred + "}, "));
  ASSERT_EQ(listed.size(), 100u);
  EXPECT_EQ(listed[0], (Problem{"/policy/k0", "unknown key \"k0\""}));
  EXPECT_EQ(listed[7], (Problem{"/policy/k7", "duplicate key \"k7\""}));
  EXPECT_EQ(listed[8], (Problem{"/policy/k7", "unknown key \"k7\""}));
}

TEST(BadInput, EmptyLists) {
  expect_problem(with_client(""), "/clients", "at least one client is required");
  expect_problem(with_traveller(""), "/travellers", "at least one traveller is required");
}

TEST(BadInput, MissingRequiredKey) {
  EXPECT_EQ(problems_of(with_traveller(R"({"id": "a"})")),
            (std::vector<Problem>{{"/travellers/0", "missing required key \"home\""},
                                  {"/travellers/0", "missing required key \"cost_per_day\""}}));
  expect_problem(with_client(R"({"id": "c", "city": "PAR"})"), "/clients/0",
                 "missing required key \"visit_value\" (or \"account_revenue\")");
  expect_problem(
      R"({"travellers": [{"id": "a", "home": "FRA", "cost_per_day": 500}], "clients": [{"id": "c",
    "city": "PAR", "visit_value": 1}]})",
      "", "missing required key \"quarter\" (or \"start\" and \"end\")");
  expect_problem(
      R"({"start": "2027-01-01", "travellers": [{"id": "a", "home": "FRA", "cost_per_day": 500}],
    "clients": [{"id": "c", "city": "PAR", "visit_value": 1}]})",
      "", "missing required key \"end\"");
}

TEST(BadInput, DateOutsideHorizon) {
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1,
    "availability": [{"from": "2027-03-20", "to": "2027-05-02"}]})"),
                 "/clients/0/availability/0/to",
                 "date 2027-05-02 is outside the horizon 2027-01-01..2027-03-31");
}

TEST(BadInput, InvalidDate) {
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1,
    "availability": [{"from": "2027-02-30"}]})"),
                 "/clients/0/availability/0/from",
                 "invalid date \"2027-02-30\": no such day in the calendar");
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1,
    "availability": [{"from": "2027/02/03"}]})"),
                 "/clients/0/availability/0/from",
                 "expected a date YYYY-MM-DD, found \"2027/02/03\"");
  expect_problem(R"({"start": "1999-12-01", "end": "2000-01-31",
    "travellers": [{"id": "a", "home": "FRA", "cost_per_day": 500}], "clients": [{"id": "c", "city": "PAR",
    "visit_value": 1}]})",
                 "/start", "invalid date \"1999-12-01\": expected a year from 2000 to 2100");
}

TEST(BadInput, BadQuarter) {
  const auto doc = [](const std::string& q) {
    return R"({"quarter": ")" + q +
           R"(", "travellers": [{"id": "a", "home": "FRA", "cost_per_day": 500}],
      "clients": [{"id": "c", "city": "PAR", "visit_value": 1}]})";
  };
  expect_problem(doc("2027-Q5"), "/quarter",
                 "invalid quarter \"2027-Q5\": expected YYYY-Q1 to YYYY-Q4");
  expect_problem(doc("Q1 2027"), "/quarter",
                 "invalid quarter \"Q1 2027\": expected YYYY-Q1 to YYYY-Q4");
  expect_problem(doc("3027-Q1"), "/quarter",
                 "invalid quarter \"3027-Q1\": expected a year from 2000 to 2100");
}

TEST(BadInput, UnknownCurrency) {
  expect_problem(
      with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})", R"("currency": "EUX", )"),
      "/currency", "unknown currency \"EUX\"; expected an ISO 4217 code with a reference rate");
  // A real currency without a reference rate is not "corrected" to a near spelling: the Saudi
  // riyal is not the rand.
  expect_problem(
      with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})", R"("currency": "SAR", )"),
      "/currency", "unknown currency \"SAR\"; expected an ISO 4217 code with a reference rate");
  expect_problem(
      with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})", R"("currency": "eur", )"),
      "/currency",
      "unknown currency \"eur\"; expected an ISO 4217 code with a reference rate (did you mean "
      "\"EUR\"?)");
}

TEST(BadInput, UnknownTravellerReference) {
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1,
                                 "travellers": ["anna", "bne"]})"),
                 "/clients/0/travellers/1", "unknown traveller \"bne\" (did you mean \"ben\"?)");
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1,
                                 "travellers": ["zed"]})"),
                 "/clients/0/travellers/0", "unknown traveller \"zed\"");
}

TEST(BadInput, MalformedWorkingHours) {
  const std::string text = "25:00-17:00";
  const auto parsed = timez::parse_working_hours(text);
  ASSERT_TRUE(std::holds_alternative<std::string>(parsed));
  expect_problem(
      with_traveller(R"({"id": "a", "home": "FRA", "cost_per_day": 500, "working_hours": ")" +
                     text + R"("})"),
      "/travellers/0/working_hours",
      "invalid working hours \"" + text + "\": " + std::get<std::string>(parsed));
}

TEST(BadInput, QuarterAndStartTogether) {
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})",
                             R"("start": "2027-01-04", "end": "2027-03-26", )"),
                 "", "expected either \"quarter\" or \"start\" and \"end\", found both");
}

TEST(BadInput, ExclusiveAndDependentKeys) {
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1,
                                 "account_revenue": 100000})"),
                 "/clients/0",
                 "expected either \"visit_value\" or \"account_revenue\", found both");
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1,
                                 "in_person_uplift": 0.1})"),
                 "/clients/0/in_person_uplift",
                 "\"in_person_uplift\" applies only with \"account_revenue\"");
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})",
                             R"("events": [{"kind": "news", "city": "PAR", "country": "FR",
                                            "from": "2027-01-05"}], )"),
                 "/events/0", "expected either \"city\" or \"country\", found both");
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})",
                             R"("events": [{"kind": "strike", "city": "PAR", "from": "2027-01-05",
                                            "value_uplift": 0.2}], )"),
                 "/events/0/value_uplift",
                 "\"value_uplift\" applies only to events of kind \"fair\"");
  expect_problem(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})",
                             R"("network": {"legs": [{"from": "FRA", "to": "PAR", "remove": true,
                                            "block_min": 70}]}, )"),
                 "/network/legs/0/block_min", "\"block_min\" does not apply to a removed leg");
}

TEST(BadInput, UnknownNamesOfFixedSets) {
  expect_problem(
      with_traveller(
          R"({"id": "a", "home": "FRA", "cost_per_day": 500, "cabin": {"base": "buisness"}})"),
      "/travellers/0/cabin/base", "unknown cabin \"buisness\" (did you mean \"business\"?)");
  expect_problem(
      with_traveller(R"({"id": "a", "home": "FRA", "cost_per_day": 500, "weekend": "away"})"),
      "/travellers/0/weekend", "unknown weekend rule \"away\": expected home or stay");
  expect_problem(
      with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})",
                  R"("events": [{"kind": "fiar", "city": "PAR", "from": "2027-01-05"}], )"),
      "/events/0/kind", "unknown event kind \"fiar\" (did you mean \"fair\"?)");
}

TEST(BadInput, NewCityNeedsEveryFieldInItsForm) {
  EXPECT_EQ(
      problems_of(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})",
                              R"("network": {"cities": [{"code": "XAA", "name": "Alpha",
       "country": "Germany", "tz": "Europe/Berlin", "lat": 50, "lon": 8, "region": "europa",
       "hotel": 100}, {"code": "xa"}]}, )")),
      (std::vector<Problem>{
          {"/network/cities/0", "missing required key \"per_diem\""},
          {"/network/cities/0/country",
           "expected an ISO 3166 country code of two upper-case letters, found \"Germany\""},
          {"/network/cities/0/region", "unknown region \"europa\" (did you mean \"europe\"?)"},
          {"/network/cities/1/code",
           "expected a city code of three upper-case letters, found \"xa\""},
      }));
  // Overriding a default city needs only the fields that change.
  EXPECT_NO_THROW((void)read_input(with_client(R"({"id": "c", "city": "PAR", "visit_value": 1})",
                                               R"("network": {"cities": [{"code": "PAR",
                                               "per_diem": 70}]}, )")));
}

TEST(BadInput, AllProblemsInDocumentOrder) {
  // Emitted in reading order (currency, horizon, network, travellers, clients), reported in the
  // order of the document, which differs.
  const auto problems = problems_of(R"({
    "clients": [
      {"id": "acme", "city": "FRNK", "visit_value": -1, "travellers": ["bob"]},
      {"id": "acme", "city": "PAR", "visit_value": 5}
    ],
    "travellers": [{"id": "anna", "home": "FRA", "cost_per_day": 500, "max_trip_days": 0}],
    "quarter": "2027-Q9",
    "currency": "EUX",
    "polcy": {}
  })");
  EXPECT_EQ(problems,
            (std::vector<Problem>{
                {"/clients/0/city", "unknown city or airport \"FRNK\"; expected a city code (such "
                                    "as \"LON\"), an airport code (such as \"LHR\") or a city "
                                    "name"},
                {"/clients/0/visit_value", "expected a non-negative amount, found -1"},
                {"/clients/0/travellers/0", "unknown traveller \"bob\""},
                {"/clients/1/id", "duplicate client id \"acme\" (first at /clients/0/id)"},
                {"/travellers/0/max_trip_days", "expected an integer from 1 to 90, found 0"},
                {"/quarter", "invalid quarter \"2027-Q9\": expected YYYY-Q1 to YYYY-Q4"},
                {"/currency",
                 "unknown currency \"EUX\"; expected an ISO 4217 code with a reference rate"},
                {"/polcy", "unknown key \"polcy\" (did you mean \"policy\"?)"},
            }));
}

TEST(BadInput, ErrorSummaryNamesTheFirstProblemAndTheCount) {
  try {
    (void)read_input(with_client(R"({"id": "c", "city": "PAR", "visit_value": -1,
                                    "attendees": 0})"));
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "/clients/0/visit_value: expected a non-negative amount, found -1 (and 1 more)");
  }
}

} // namespace
} // namespace flyorcall
