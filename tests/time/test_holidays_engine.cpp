// Unit tests of the holiday engine: Easter, every rule kind, substitute days, tables, parsing.
#include <array>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "flyorcall/errors.hpp"
#include "time/holidays.hpp"

using flyorcall::Country;
using flyorcall::Date;
using flyorcall::DateRange;
using flyorcall::Error;
using flyorcall::ErrorCode;
using namespace flyorcall::timez;

namespace {

Date d(int y, unsigned m, unsigned day) {
  return Date{date::year{y} / m / day};
}

// Easter Sunday of 2000..2100 as month*100+day, produced independently of this code (Python
// dateutil, cross-checked with Gauss's algorithm).
constexpr std::array<int, 101> kWesternEaster{
    423, 415, 331, 420, 411, 327, 416, 408, 323, 412, 404, 424, 408, 331, 420, 405, 327,
    416, 401, 421, 412, 404, 417, 409, 331, 420, 405, 328, 416, 401, 421, 413, 328, 417,
    409, 325, 413, 405, 425, 410, 401, 421, 406, 329, 417, 409, 325, 414, 405, 418, 410,
    402, 421, 406, 329, 418, 402, 422, 414, 330, 418, 410, 326, 415, 406, 329, 411, 403,
    422, 414, 330, 419, 410, 326, 415, 407, 419, 411, 403, 423, 407, 330, 419, 404, 326,
    415, 331, 420, 411, 403, 416, 408, 330, 412, 404, 424, 415, 331, 420, 412, 328,
};
constexpr std::array<int, 101> kOrthodoxEaster{
    430, 415, 505, 427, 411, 501, 423, 408, 427, 419, 404, 424, 415, 505, 420, 412, 501,
    416, 408, 428, 419, 502, 424, 416, 505, 420, 412, 502, 416, 408, 428, 413, 502, 424,
    409, 429, 420, 405, 425, 417, 506, 421, 413, 503, 424, 409, 429, 421, 405, 425, 417,
    507, 421, 413, 503, 418, 409, 429, 414, 504, 425, 410, 430, 422, 413, 426, 418, 410,
    429, 414, 504, 419, 410, 430, 422, 407, 426, 418, 508, 423, 414, 504, 419, 411, 430,
    415, 407, 427, 418, 501, 423, 408, 427, 419, 411, 424, 415, 505, 427, 412, 502,
};

const std::vector<Country> kCountries{
    {"XA", "Sat-Sun land", flyorcall::kSatSun, std::nullopt},
    {"XF", "Fri-Sat land", static_cast<flyorcall::WeekdayMask>((1u << 5) | (1u << 6)),
     std::nullopt},
    {"XS", "Sunday land", static_cast<flyorcall::WeekdayMask>(1u << 0), std::nullopt},
    {"XW", "All-weekend land", static_cast<flyorcall::WeekdayMask>(0x7f), std::nullopt},
};

HolidayRules rules(const std::string& body) {
  // The parsed rules keep copies of what they need, so the text may go away after parse().
  const std::string text = "# flyorcall-data test\ncountry,name,rule,from,to,shift\n" + body;
  return HolidayRules::parse({{"test.csv", text}}, kCountries);
}

/// "YYYY-MM-DD name [S]" lines of a year, for compact comparisons.
std::vector<std::string> lines(const HolidayRules& r, const std::string& country, int year) {
  std::vector<std::string> out;
  const auto y = r.year(country, year);
  if (!y) return out;
  for (const auto& h : y->holidays)
    out.push_back(date::format("%F", h.date) + " " + h.name + (h.substitute ? " [S]" : ""));
  return out;
}

std::string parse_error(const std::string& body) {
  try {
    (void)rules(body);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::internal);
    return e.what();
  }
  return "(no error)";
}

} // namespace

TEST(Easter, WesternAndOrthodoxMatchTheTableFor2000To2100) {
  for (int y = 2000; y <= 2100; ++y) {
    const auto i = static_cast<std::size_t>(y - 2000);
    const auto w = kWesternEaster[i];
    const auto o = kOrthodoxEaster[i];
    EXPECT_EQ(western_easter(y),
              d(y, static_cast<unsigned>(w / 100), static_cast<unsigned>(w % 100)))
        << y;
    EXPECT_EQ(orthodox_easter(y),
              d(y, static_cast<unsigned>(o / 100), static_cast<unsigned>(o % 100)))
        << y;
    EXPECT_EQ(date::weekday{western_easter(y)}, date::Sunday) << y;
    EXPECT_EQ(date::weekday{orthodox_easter(y)}, date::Sunday) << y;
  }
}

TEST(Easter, KnownDates) {
  EXPECT_EQ(western_easter(2024), d(2024, 3, 31));
  EXPECT_EQ(western_easter(2025), d(2025, 4, 20));
  EXPECT_EQ(western_easter(2027), d(2027, 3, 28));
  EXPECT_EQ(orthodox_easter(2024), d(2024, 5, 5));
  EXPECT_EQ(orthodox_easter(2025), d(2025, 4, 20));
  EXPECT_EQ(orthodox_easter(2027), d(2027, 5, 2));
  // 2100: the Julian calendar is 14 days behind from March 2100.
  EXPECT_EQ(orthodox_easter(2100), d(2100, 5, 2));
}

TEST(HolidayRules, EveryRuleKind) {
  const auto r = rules("XA,Fixed,03-05,,,\n"
                       "XA,Leap,02-29,,,\n"
                       "XA,Good Friday,easter-2,,,\n"
                       "XA,Whit Monday,easter+50,,,\n"
                       "XA,Orthodox Monday,orthodox+1,,,\n"
                       "XA,Labor Day,1 Mon 09,,,\n"
                       "XA,Fifth Friday,5 Fri 01,,,\n"
                       "XA,Memorial Day,last Mon 05,,,\n"
                       "XA,Midsummer Eve,Fri>=06-19,,,\n"
                       "XA,Victoria Day,Mon<=05-24,,,\n"
                       "XA,Festival,date 2024-02-10,,,\n"
                       "XA,Festival,date 2027-02-06,,,\n"
                       "XA,Make-up day,workday 2024-02-04,,,\n"
                       "XA,lunar holidays,table 2024-2027,,,\n");
  EXPECT_EQ(
      lines(r, "XA", 2024),
      (std::vector<std::string>{"2024-02-10 Festival", "2024-02-29 Leap", "2024-03-05 Fixed",
                                "2024-03-29 Good Friday", "2024-05-06 Orthodox Monday",
                                "2024-05-20 Whit Monday / Victoria Day", "2024-05-27 Memorial Day",
                                "2024-06-21 Midsummer Eve", "2024-09-02 Labor Day"}));
  const auto y2024 = r.year("XA", 2024);
  ASSERT_TRUE(y2024);
  EXPECT_EQ(y2024->workdays, std::vector<Date>{d(2024, 2, 4)});
  EXPECT_TRUE(y2024->complete);
  // 2027: no 29 February; January has five Fridays (1, 8, 15, 22, 29); 19 June is a Saturday.
  const auto l2027 = lines(r, "XA", 2027);
  EXPECT_NE(std::find(l2027.begin(), l2027.end(), "2027-01-29 Fifth Friday"), l2027.end());
  EXPECT_NE(std::find(l2027.begin(), l2027.end(), "2027-06-25 Midsummer Eve"), l2027.end());
  EXPECT_NE(std::find(l2027.begin(), l2027.end(), "2027-05-24 Victoria Day"), l2027.end());
  EXPECT_NE(std::find(l2027.begin(), l2027.end(), "2027-02-06 Festival"), l2027.end());
  for (const auto& l : l2027) EXPECT_EQ(l.find("Leap"), std::string::npos) << l;
  EXPECT_TRUE(r.year("XA", 2027)->workdays.empty());
}

TEST(HolidayRules, FromAndToBoundTheYears) {
  const auto r = rules("XA,Reformation Day,10-31,2017,2017,\n"
                       "XA,Juneteenth,06-19,2021,,\n"
                       "XA,Old Day,05-05,,2010,\n");
  EXPECT_EQ(lines(r, "XA", 2016), (std::vector<std::string>{}));
  EXPECT_EQ(lines(r, "XA", 2017), (std::vector<std::string>{"2017-10-31 Reformation Day"}));
  EXPECT_EQ(lines(r, "XA", 2020), (std::vector<std::string>{}));
  EXPECT_EQ(lines(r, "XA", 2021), (std::vector<std::string>{"2021-06-19 Juneteenth"}));
  EXPECT_EQ(lines(r, "XA", 2010), (std::vector<std::string>{"2010-05-05 Old Day"}));
  EXPECT_EQ(lines(r, "XA", 2000), (std::vector<std::string>{"2000-05-05 Old Day"}));
  EXPECT_EQ(lines(r, "XA", 2100), (std::vector<std::string>{"2100-06-19 Juneteenth"}));
}

TEST(HolidayRules, NextGivesDistinctSubstituteDaysToAWeekendPair) {
  // 2021: Christmas on Saturday, Boxing Day on Sunday -> Monday 27 and Tuesday 28.
  const auto r = rules("XA,Christmas Day,12-25,,,next\nXA,Boxing Day,12-26,,,next\n");
  EXPECT_EQ(lines(r, "XA", 2021),
            (std::vector<std::string>{"2021-12-25 Christmas Day", "2021-12-26 Boxing Day",
                                      "2021-12-27 Christmas Day (substitute day) [S]",
                                      "2021-12-28 Boxing Day (substitute day) [S]"}));
  // 2022: Christmas on Sunday, Boxing Day on Monday -> Christmas substitute on Tuesday 27.
  EXPECT_EQ(lines(r, "XA", 2022),
            (std::vector<std::string>{"2022-12-25 Christmas Day", "2022-12-26 Boxing Day",
                                      "2022-12-27 Christmas Day (substitute day) [S]"}));
  // 2024: Wednesday and Thursday, no substitute.
  EXPECT_EQ(lines(r, "XA", 2024).size(), 2u);
}

TEST(HolidayRules, NextSkipsHolidaysWithoutShift) {
  // 2027: 1 May Saturday; the Monday 3 May is a holiday of its own -> substitute Tuesday 4 May.
  const auto r = rules("XA,Labour Day,05-01,,,next\nXA,Bank Holiday,1 Mon 05,,,\n");
  EXPECT_EQ(lines(r, "XA", 2027),
            (std::vector<std::string>{"2027-05-01 Labour Day", "2027-05-03 Bank Holiday",
                                      "2027-05-04 Labour Day (substitute day) [S]"}));
}

TEST(HolidayRules, NearestMovesSaturdayBackAndSundayForwardAcrossYears) {
  const auto r = rules("XA,New Year's Day,01-01,,,nearest\nXA,Independence Day,07-04,,,nearest\n");
  // 2021: 4 July is a Sunday -> Monday 5 July; 1 January 2022 is a Saturday -> Friday 31
  // December 2021, which belongs to the 2021 list.
  EXPECT_EQ(lines(r, "XA", 2021),
            (std::vector<std::string>{"2021-01-01 New Year's Day", "2021-07-04 Independence Day",
                                      "2021-07-05 Independence Day (substitute day) [S]",
                                      "2021-12-31 New Year's Day (substitute day) [S]"}));
  // 2026: 4 July is a Saturday -> Friday 3 July.
  EXPECT_EQ(lines(r, "XA", 2026),
            (std::vector<std::string>{"2026-01-01 New Year's Day",
                                      "2026-07-03 Independence Day (substitute day) [S]",
                                      "2026-07-04 Independence Day"}));
  EXPECT_EQ(lines(r, "XA", 2022),
            (std::vector<std::string>{"2022-01-01 New Year's Day", "2022-07-04 Independence Day"}));
}

TEST(HolidayRules, SunNextOnlyForTheLastWeekendDay) {
  const auto r = rules("XA,Day A,05-04,,,sun-next\nXA,Day B,05-05,,,sun-next\n"
                       "XA,Day C,05-06,,,\nXA,Day D,10-10,,,sun-next\n");
  // 2025: 4 May Sunday, 5 May Monday (holiday), 6 May Tuesday (holiday) -> Wednesday 7 May.
  EXPECT_EQ(
      lines(r, "XA", 2025),
      (std::vector<std::string>{"2025-05-04 Day A", "2025-05-05 Day B", "2025-05-06 Day C",
                                "2025-05-07 Day A (substitute day) [S]", "2025-10-10 Day D"}));
  // 2026: 10 October is a Saturday -> no substitute with sun-next.
  EXPECT_EQ(lines(r, "XA", 2026),
            (std::vector<std::string>{"2026-05-04 Day A", "2026-05-05 Day B", "2026-05-06 Day C",
                                      "2026-10-10 Day D"}));
}

TEST(HolidayRules, FridaySaturdayWeekend) {
  const auto r = rules("XF,Next Day,01-01,,,next\nXF,Near Day,03-03,,,nearest\n"
                       "XF,Near Late,03-04,,,nearest\nXF,Sun Next,06-06,,,sun-next\n");
  // 2027: 1 January Friday -> Sunday 3 January (a working day here); 2028: 1 January
  // Saturday -> Sunday 2 January; 3 March 2028 is a Friday ->
  // Thursday 2 March; 4 March 2028 Saturday -> Sunday 5 March; 6 June 2026 Saturday -> Sunday.
  EXPECT_EQ(lines(r, "XF", 2027).at(1), "2027-01-03 Next Day (substitute day) [S]");
  EXPECT_EQ(
      lines(r, "XF", 2028),
      (std::vector<std::string>{"2028-01-01 Next Day", "2028-01-02 Next Day (substitute day) [S]",
                                "2028-03-02 Near Day (substitute day) [S]", "2028-03-03 Near Day",
                                "2028-03-04 Near Late", "2028-03-05 Near Late (substitute day) [S]",
                                "2028-06-06 Sun Next"}));
  EXPECT_EQ(lines(r, "XF", 2026).back(), "2026-06-07 Sun Next (substitute day) [S]");
  // Every day a weekend day: no substitute day can be found, and none is invented.
  const auto w = rules("XW,Day,03-07,,,next\nXW,Other,03-08,,,nearest\n");
  EXPECT_EQ(lines(w, "XW", 2027), (std::vector<std::string>{"2027-03-07 Day", "2027-03-08 Other"}));
  // A one-day weekend: nearest moves forward.
  const auto s = rules("XS,Day,03-07,,,nearest\n");
  EXPECT_EQ(lines(s, "XS", 2027),
            (std::vector<std::string>{"2027-03-07 Day", "2027-03-08 Day (substitute day) [S]"}));
}

TEST(HolidayRules, SameDateRulesMergeIntoOneEntryWithOneSubstitute) {
  // 2027: Easter Monday (29 March) ... and a Sunday pair on 28 March.
  const auto r = rules("XA,Easter Sunday,easter,,,next\nXA,Spring Day,03-28,,,next\n");
  EXPECT_EQ(
      lines(r, "XA", 2027),
      (std::vector<std::string>{"2027-03-28 Easter Sunday / Spring Day",
                                "2027-03-29 Easter Sunday / Spring Day (substitute day) [S]"}));
}

TEST(HolidayRules, RowsOfOneHolidayOnOneDateKeepOneName) {
  // A statutory day and the same day in an announced block, plus a different holiday.
  const auto r = rules("XA,Labour Day,05-01,,,\nXA,Labour Day,date 2026-05-01,,,\n"
                       "XA,Spring Day,05-01,2026,2026,\nXA,announced,table 2026-2026,,,\n");
  EXPECT_EQ(lines(r, "XA", 2026), (std::vector<std::string>{"2026-05-01 Labour Day / Spring Day"}));
}

TEST(HolidayRules, MakeUpWorkdaysOpenAWeekendDay) {
  const auto r = rules("XA,Festival,date 2026-02-16,,,\n"
                       "XA,Make-up day,workday 2026-02-14,,,\n"
                       "XA,Weekend Day,02-15,,,next\n"
                       "XA,announced holidays,table 2026-2026,,,\n");
  // The make-up Saturday is a working day, so it is not a weekend day for substitution either:
  // the Sunday holiday moves to Tuesday 17 February (Monday is the festival).
  const auto y = r.year("XA", 2026);
  ASSERT_TRUE(y);
  EXPECT_EQ(y->workdays, std::vector<Date>{d(2026, 2, 14)});
  EXPECT_EQ(lines(r, "XA", 2026),
            (std::vector<std::string>{"2026-02-15 Weekend Day", "2026-02-16 Festival",
                                      "2026-02-17 Weekend Day (substitute day) [S]"}));
  const auto cal = r.calendar("XA", DateRange{d(2026, 2, 1), d(2026, 2, 28)}, {d(2026, 2, 20)});
  ASSERT_TRUE(cal);
  EXPECT_TRUE(cal->complete);
  EXPECT_TRUE(cal->calendar.is_business_day(d(2026, 2, 14)));  // make-up Saturday
  EXPECT_FALSE(cal->calendar.is_business_day(d(2026, 2, 15))); // Sunday holiday
  EXPECT_FALSE(cal->calendar.is_business_day(d(2026, 2, 16))); // festival
  EXPECT_FALSE(cal->calendar.is_business_day(d(2026, 2, 17))); // substitute day
  EXPECT_TRUE(cal->calendar.is_business_day(d(2026, 2, 18)));
  EXPECT_FALSE(cal->calendar.is_business_day(d(2026, 2, 20))); // extra closed
  EXPECT_FALSE(cal->calendar.is_business_day(d(2026, 2, 21))); // ordinary Saturday
}

TEST(HolidayRules, YearsOutsideTheTableAreIncomplete) {
  const auto r = rules("XA,New Year,01-01,,,\n"
                       "XA,Eid,date 2026-03-20,,,\n"
                       "XA,lunar and announced holidays,table 2025-2026,,,\n");
  const auto in = r.year("XA", 2026);
  ASSERT_TRUE(in);
  EXPECT_TRUE(in->complete);
  EXPECT_EQ(in->note, "");
  const auto out = r.year("XA", 2027);
  ASSERT_TRUE(out);
  EXPECT_FALSE(out->complete);
  EXPECT_EQ(out->note, "lunar and announced holidays are listed for 2025-2026 only");
  EXPECT_EQ(lines(r, "XA", 2027), (std::vector<std::string>{"2027-01-01 New Year"}));
  const auto cal = r.calendar("XA", DateRange{d(2026, 12, 1), d(2027, 1, 31)});
  ASSERT_TRUE(cal);
  EXPECT_FALSE(cal->complete);
  EXPECT_EQ(cal->note, "2027: lunar and announced holidays are listed for 2025-2026 only");
  // A country without a table is always complete.
  const auto plain = rules("XA,New Year,01-01,,,\n");
  EXPECT_TRUE(plain.year("XA", 2099)->complete);
}

TEST(HolidayRules, UnknownCountryAndYearOutOfRange) {
  const auto r = rules("XA,New Year,01-01,,,\n");
  EXPECT_EQ(r.year("XF", 2027), std::nullopt); // known country without rules
  EXPECT_EQ(r.year("ZZ", 2027), std::nullopt);
  EXPECT_EQ(r.calendar("ZZ", DateRange{d(2027, 1, 1), d(2027, 1, 2)}), std::nullopt);
  EXPECT_THROW((void)r.year("XA", 1999), std::out_of_range);
  EXPECT_THROW((void)r.year("XA", 2101), std::out_of_range);
  EXPECT_THROW((void)r.calendar("XA", DateRange{d(2100, 12, 1), d(2101, 1, 1)}), std::out_of_range);
  EXPECT_NO_THROW((void)r.year("XA", 2000));
  EXPECT_NO_THROW((void)r.year("XA", 2100));
  EXPECT_EQ(r.countries(), std::vector<std::string>{"XA"});
}

TEST(HolidayRules, ParseErrorsNameFileAndLine) {
  EXPECT_EQ(parse_error("XA,Bad,13-01,,,\n"), "test.csv:3: rule \"13-01\": not a valid MM-DD date");
  EXPECT_EQ(parse_error("XA,Bad,02-30,,,\n"), "test.csv:3: rule \"02-30\": not a valid MM-DD date");
  EXPECT_EQ(parse_error("# comment\nXA,Bad,easter+x,,,\n"),
            "test.csv:4: rule \"easter+x\": unknown rule (expected MM-DD, easter[+-N], "
            "orthodox[+-N], \"N WKD MM\", \"last WKD MM\", WKD>=MM-DD, WKD<=MM-DD, \"date "
            "YYYY-MM-DD\", \"workday YYYY-MM-DD\" or \"table YYYY-YYYY\")");
  EXPECT_EQ(parse_error("XA,Bad,1 mon 09,,,\n"),
            "test.csv:3: rule \"1 mon 09\": unknown weekday \"mon\" (did you mean \"Mon\"?) "
            "(expected Mon Tue Wed Thu Fri Sat Sun)");
  EXPECT_EQ(parse_error("XA,Bad,Frx>=06-19,,,\n"),
            "test.csv:3: rule \"Frx>=06-19\": unknown weekday \"Frx\" (did you mean \"Fri\"?) "
            "(expected Mon Tue Wed Thu Fri Sat Sun)");
  EXPECT_EQ(parse_error("xa,Bad,01-01,,,\n"),
            "test.csv:3: country: \"xa\" is not in data/countries.csv (did you mean \"XA\"?)");
  EXPECT_EQ(parse_error("XA,Bad,01-01,,,nxt\n"),
            "test.csv:3: shift: expected nothing, \"next\", \"nearest\" or \"sun-next\", found "
            "\"nxt\" (did you mean \"next\"?)");
  EXPECT_EQ(parse_error("XA,Bad,6 Mon 09,,,\n"), "test.csv:3: rule \"6 Mon 09\": N must be 1..5");
  EXPECT_EQ(parse_error("XA,Bad,last Mon 9,,,\n"),
            "test.csv:3: rule \"last Mon 9\": expected a two-digit month 01..12, found \"9\"");
  EXPECT_EQ(
      parse_error("XA,Bad,date 2027-02-29,,,\n"),
      "test.csv:3: rule \"date 2027-02-29\": expected a valid date YYYY-MM-DD after \"date\"");
  EXPECT_EQ(parse_error("XA,Bad,Fri>=06-31,,,\n"),
            "test.csv:3: rule \"Fri>=06-31\": expected a valid MM-DD after the weekday");
  EXPECT_EQ(parse_error("DE,Bad,01-01,,,\n"),
            "test.csv:3: country: \"DE\" is not in data/countries.csv");
  EXPECT_EQ(parse_error("XA,,01-01,,,\n"), "test.csv:3: name: must not be empty");
  EXPECT_EQ(parse_error("XA,Bad,01-01,,\n"),
            "test.csv:3: expected 6 fields (country,name,rule,from,to,shift), found 5");
  EXPECT_EQ(parse_error("XA,Bad,01-01,1999,,\n"),
            "test.csv:3: from: expected a year 2000..2100 or nothing, found \"1999\"");
  EXPECT_EQ(parse_error("XA,Bad,01-01,2020,2019,\n"), "test.csv:3: from/to: 2020 is after 2019");
  EXPECT_EQ(parse_error("XA,Bad,01-01,,,monday\n"),
            "test.csv:3: shift: expected nothing, \"next\", \"nearest\" or \"sun-next\", found "
            "\"monday\"");
  EXPECT_EQ(parse_error("XA,Bad,01-01,,,sat-prev-sun-next\n"),
            "test.csv:3: shift: \"sat-prev-sun-next\" is an alias; write \"nearest\"");
  EXPECT_EQ(parse_error("XA,Eid,date 2027-03-10,,,\n"),
            "test.csv:3: country \"XA\" has date/workday rows but no \"table YYYY-YYYY\" row");
  EXPECT_EQ(parse_error("XA,Eid,date 2027-03-10,,,\nXA,lunar,table 2025-2026,,,\n"),
            "test.csv:3: 2027 is outside the table range 2025-2026 of \"XA\" (test.csv:4)");
  EXPECT_EQ(parse_error("XA,t,table 2025-2026,,,\nXA,t,table 2027-2028,,,\n"),
            "test.csv:4: country \"XA\" already has a table row (test.csv:3)");
  EXPECT_EQ(parse_error("XA,t,table 2026-2025,,,\n"),
            "test.csv:3: rule \"table 2026-2025\": the years must be increasing within 2000..2100");
  EXPECT_EQ(parse_error("XA,Eid,date 2027-03-10,2027,,\n"),
            "test.csv:3: from/to: must be empty for a date, workday or table row");
  EXPECT_EQ(parse_error("XA,w,workday 2027-03-10,,,\nXA,t,table 2027-2027,,,\n"),
            "test.csv:3: rule \"workday 2027-03-10\": a workday must be one of the country's "
            "weekend days");
  EXPECT_EQ(parse_error("XA,w,workday 2027-03-13,,,next\n"),
            "test.csv:3: shift: must be empty for a workday or table row");
  // Whole-file problems.
  EXPECT_THROW(
      (void)HolidayRules::parse({{"x.csv", "country,name,rule,from,to,shift\n"}}, kCountries),
      Error);
  try {
    (void)HolidayRules::parse({{"x.csv", "# flyorcall-data 1\ncountry,name,rule\n"}}, kCountries);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "x.csv:2: expected the header \"country,name,rule,from,to,shift\"");
  }
}

TEST(HolidayRules, EveryEmbeddedFileParses) {
  EXPECT_NO_THROW((void)default_holiday_rules());
  const auto codes = holiday_countries();
  EXPECT_TRUE(std::is_sorted(codes.begin(), codes.end()));
  for (const auto& c : codes) {
    for (const int y : {2000, 2019, 2024, 2027, 2100}) {
      const auto h = holidays_in_year(c, y);
      ASSERT_TRUE(h) << c;
      EXPECT_TRUE(
          std::is_sorted(h->holidays.begin(), h->holidays.end(),
                         [](const Holiday& a, const Holiday& b) { return a.date < b.date; }))
          << c << " " << y;
      EXPECT_EQ(h->complete, h->note.empty()) << c << " " << y;
    }
  }
  EXPECT_EQ(holidays_in_year("ZZ", 2027), std::nullopt);
  EXPECT_THROW((void)holidays_in_year("DE", 2101), std::out_of_range);
}

TEST(HolidayRules, SubstituteDayIsNamedOnlyAfterTheRulesThatHaveOne) {
  // 1 May 2027 is a Saturday: Labour Day moves to Monday, the day it shares with Holy Saturday
  // (no substitute practice) keeps both names, the substitute names Labour Day alone.
  const auto r = rules("XA,Holy Saturday,orthodox-1,,,\n"
                       "XA,Labour Day,05-01,,,next\n");
  EXPECT_EQ(lines(r, "XA", 2027),
            (std::vector<std::string>{"2027-05-01 Holy Saturday / Labour Day",
                                      "2027-05-03 Labour Day (substitute day) [S]"}));
}

TEST(HolidayRules, OneYearTableSaysItsYearOnce) {
  const auto r = rules("XA,Festival,date 2024-02-10,,,\n"
                       "XA,lunar holidays,table 2024-2024,,,\n");
  EXPECT_EQ(r.year("XA", 2025)->note, "lunar holidays are listed for 2024 only");
}
