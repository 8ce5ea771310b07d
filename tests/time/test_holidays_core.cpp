// Known public holidays of the core countries (data/holidays_core.csv). Every expectation is a
// published date (statutes, government lists), written here by hand, not produced by the engine.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "time/holidays.hpp"

using flyorcall::Date;
using namespace flyorcall::timez;

namespace {

struct Known {
  const char* country;
  const char* date; ///< YYYY-MM-DD
  const char* name; ///< a substring of the listed name
  bool substitute;
};

Date parse(const std::string& s) {
  return Date{date::year{std::stoi(s.substr(0, 4))} /
              static_cast<unsigned>(std::stoi(s.substr(5, 2))) /
              static_cast<unsigned>(std::stoi(s.substr(8, 2)))};
}

int year_of(const std::string& s) {
  return std::stoi(s.substr(0, 4));
}

const std::vector<Known> kKnown{
    // DE
    {"DE", "2019-04-19", "Good Friday", false},
    {"DE", "2019-06-10", "Whit Monday", false},
    {"DE", "2019-10-03", "German Unity", false},
    {"DE", "2017-10-31", "Reformation", false},
    {"DE", "2024-03-29", "Good Friday", false},
    {"DE", "2024-05-09", "Ascension", false},
    {"DE", "2024-12-26", "St Stephen", false},
    {"DE", "2027-03-26", "Good Friday", false},
    {"DE", "2027-05-06", "Ascension", false},
    {"DE", "2027-10-03", "German Unity", false},
    // GB (England and Wales)
    {"GB", "2019-05-06", "Early May", false},
    {"GB", "2019-05-27", "Spring bank", false},
    {"GB", "2019-08-26", "Summer bank", false},
    {"GB", "2020-05-08", "VE Day", false},
    {"GB", "2022-01-03", "New Year's Day (substitute day)", true},
    {"GB", "2022-06-02", "Spring bank", false},
    {"GB", "2022-06-03", "Platinum Jubilee", false},
    {"GB", "2022-09-19", "State Funeral", false},
    {"GB", "2023-05-08", "Coronation", false},
    {"GB", "2024-05-06", "Early May", false},
    {"GB", "2024-05-27", "Spring bank", false},
    {"GB", "2024-08-26", "Summer bank", false},
    {"GB", "2027-05-03", "Early May", false},
    {"GB", "2027-05-31", "Spring bank", false},
    {"GB", "2027-08-30", "Summer bank", false},
    {"GB", "2027-12-27", "Christmas Day (substitute day)", true},
    {"GB", "2027-12-28", "Boxing Day (substitute day)", true},
    // US (federal)
    {"US", "2019-01-21", "Martin Luther King", false},
    {"US", "2019-07-04", "Independence", false},
    {"US", "2019-11-28", "Thanksgiving", false},
    {"US", "2021-12-31", "New Year's Day (substitute day)", true},
    {"US", "2024-06-19", "Juneteenth", false},
    {"US", "2024-09-02", "Labor Day", false},
    {"US", "2024-11-28", "Thanksgiving", false},
    {"US", "2027-06-18", "Juneteenth", true},
    {"US", "2027-07-05", "Independence Day (substitute day)", true},
    {"US", "2027-11-25", "Thanksgiving", false},
    {"US", "2027-12-24", "Christmas Day (substitute day)", true},
    // FR
    {"FR", "2019-05-08", "Victory", false},
    {"FR", "2019-06-10", "Whit Monday", false},
    {"FR", "2019-07-14", "Bastille", false},
    {"FR", "2024-04-01", "Easter Monday", false},
    {"FR", "2024-05-09", "Ascension", false},
    {"FR", "2024-11-11", "Armistice", false},
    {"FR", "2027-03-29", "Easter Monday", false},
    {"FR", "2027-05-17", "Whit Monday", false},
    {"FR", "2027-08-15", "Assumption", false},
    // JP
    {"JP", "2019-05-01", "Enthronement", false},
    {"JP", "2019-05-06", "Children's Day (substitute day)", true},
    {"JP", "2019-09-23", "Autumnal Equinox", false},
    {"JP", "2019-10-22", "Enthronement Ceremony", false},
    {"JP", "2021-07-23", "Sports Day", false},
    {"JP", "2021-08-09", "Mountain Day (substitute day)", true},
    {"JP", "2024-01-08", "Coming of Age", false},
    {"JP", "2024-02-12", "National Foundation Day (substitute day)", true},
    {"JP", "2024-07-15", "Marine Day", false},
    {"JP", "2024-08-12", "Mountain Day (substitute day)", true},
    {"JP", "2024-09-23", "Autumnal Equinox Day (substitute day)", true},
    {"JP", "2026-09-22", "Citizens' Holiday", false},
    {"JP", "2027-01-11", "Coming of Age", false},
    {"JP", "2027-02-23", "Emperor's Birthday", false},
    {"JP", "2027-03-22", "Vernal Equinox Day (substitute day)", true},
    {"JP", "2027-07-19", "Marine Day", false},
    {"JP", "2027-10-11", "Sports Day", false},
    // CN
    {"CN", "2019-01-01", "New Year", false},
    {"CN", "2019-05-01", "Labour Day", false},
    {"CN", "2019-10-01", "National Day", false},
    {"CN", "2024-02-12", "Spring Festival", false},
    {"CN", "2024-06-10", "Dragon Boat", false},
    {"CN", "2024-10-07", "National Day", false},
    {"CN", "2025-01-28", "Spring Festival", false},
    {"CN", "2025-05-02", "Labour Day", false},
    {"CN", "2025-10-06", "Mid-Autumn", false},
    {"CN", "2026-02-17", "Spring Festival", false},
    {"CN", "2026-09-25", "Mid-Autumn", false},
    {"CN", "2026-10-07", "National Day", false},
    {"CN", "2027-01-01", "New Year", false},
    {"CN", "2027-05-01", "Labour Day", false},
    {"CN", "2027-10-03", "National Day", false},
    // 2027-2030: statutory lunar days from the Chinese calendar (New Year's Eve 5 February 2027,
    // Dragon Boat 9 June 2027; Spring Festival 13 February 2029, Mid-Autumn 22 September 2029).
    {"CN", "2027-02-05", "Spring Festival", false},
    {"CN", "2027-02-08", "Spring Festival", false},
    {"CN", "2027-04-05", "Qingming", false},
    {"CN", "2027-06-09", "Dragon Boat", false},
    {"CN", "2027-09-15", "Mid-Autumn", false},
    {"CN", "2028-10-03", "Mid-Autumn", false}, // merged with National Day
    {"CN", "2029-02-12", "Spring Festival", false},
    {"CN", "2029-02-15", "Spring Festival", false},
    {"CN", "2029-06-16", "Dragon Boat", false},
    {"CN", "2029-09-22", "Mid-Autumn", false},
    // IN
    {"IN", "2019-01-26", "Republic Day", false},
    {"IN", "2019-08-15", "Independence Day", false},
    {"IN", "2019-10-02", "Gandhi Jayanti", false},
    {"IN", "2024-03-25", "Holi", false},
    {"IN", "2024-04-11", "Id-ul-Fitr", false},
    {"IN", "2024-10-31", "Diwali", false},
    {"IN", "2025-10-02", "Dussehra", false},
    {"IN", "2025-10-20", "Diwali", false},
    // IN 2026: DoPT list for Delhi (O.M. of 3 July 2025).
    {"IN", "2026-03-04", "Holi", false},
    {"IN", "2026-03-26", "Ram Navami", false},
    {"IN", "2026-05-01", "Buddha Purnima", false},
    {"IN", "2026-10-20", "Dussehra", false},
    {"IN", "2026-11-08", "Diwali", false},
    {"IN", "2026-11-24", "Guru Nanak", false},
    // IN 2024 and 2025: the third Delhi day of the DoPT lists.
    {"IN", "2024-04-17", "Ram Navami", false},
    {"IN", "2025-02-26", "Maha Shivaratri", false},
    // IN 2027-2030: expected dates (Hindu calendar; Hijri calendar plus one day as in PK).
    {"IN", "2027-03-10", "Id-ul-Fitr", false},
    {"IN", "2027-10-09", "Dussehra", false},
    {"IN", "2027-10-29", "Diwali", false},
    {"IN", "2028-02-27", "Id-ul-Fitr", false},
    {"IN", "2028-03-11", "Holi", false},
    {"IN", "2028-10-17", "Diwali", false},
    {"IN", "2029-03-01", "Holi", false},
    {"IN", "2029-05-27", "Buddha Purnima", false},
    {"IN", "2029-11-05", "Diwali", false},
    {"IN", "2030-02-05", "Id-ul-Fitr", false},
    {"IN", "2030-10-26", "Diwali", false},
    {"IN", "2030-11-10", "Guru Nanak", false},
    {"IN", "2027-01-26", "Republic Day", false},
    {"IN", "2027-08-15", "Independence Day", false},
    {"IN", "2027-10-02", "Gandhi Jayanti", false},
    // AE
    {"AE", "2019-01-01", "New Year", false},
    {"AE", "2019-12-01", "Commemoration", false},
    {"AE", "2019-12-02", "National Day", false},
    {"AE", "2024-06-16", "Eid al-Adha", false},
    {"AE", "2024-12-02", "National Day", false},
    {"AE", "2024-12-03", "National Day", false},
    {"AE", "2025-03-31", "Eid al-Fitr", false},
    {"AE", "2025-06-05", "Arafat", false},
    {"AE", "2027-01-01", "New Year", false},
    {"AE", "2027-12-02", "National Day", false},
    {"AE", "2027-12-03", "National Day", false},
    // 2026-2030: the calculated Hijri calendar's expected dates.
    {"AE", "2027-03-09", "Eid al-Fitr", false},
    {"AE", "2027-05-15", "Arafat", false},
    {"AE", "2027-05-18", "Eid al-Adha", false},
    {"AE", "2027-06-06", "Islamic New Year", false},
    {"AE", "2029-02-16", "Eid al-Fitr", false},
    {"AE", "2029-04-23", "Arafat", false},
    {"AE", "2029-07-24", "Prophet", false},
    // BR
    {"BR", "2019-04-21", "Tiradentes", false},
    {"BR", "2019-09-07", "Independence", false},
    {"BR", "2019-11-15", "Republic", false},
    {"BR", "2024-03-29", "Good Friday", false},
    {"BR", "2024-10-12", "Aparecida", false},
    {"BR", "2024-11-20", "Black Consciousness", false},
    {"BR", "2027-03-26", "Good Friday", false},
    {"BR", "2027-04-21", "Tiradentes", false},
    {"BR", "2027-11-02", "All Souls", false},
    // AU
    {"AU", "2019-01-28", "Australia Day (substitute day)", true},
    {"AU", "2019-04-22", "Easter Monday", false},
    {"AU", "2019-04-25", "Anzac", false},
    {"AU", "2020-01-27", "Australia Day (substitute day)", true},
    {"AU", "2024-01-26", "Australia Day", false},
    {"AU", "2024-03-29", "Good Friday", false},
    {"AU", "2024-12-26", "Boxing Day", false},
    {"AU", "2027-03-26", "Good Friday", false},
    {"AU", "2027-12-27", "Christmas Day (substitute day)", true},
    {"AU", "2027-12-28", "Boxing Day (substitute day)", true},
    // SG
    {"SG", "2019-01-01", "New Year", false},
    {"SG", "2019-05-01", "Labour Day", false},
    {"SG", "2019-08-09", "National Day", false},
    {"SG", "2024-02-12", "Chinese New Year (substitute day)", true},
    {"SG", "2024-06-17", "Hari Raya Haji", false},
    {"SG", "2024-10-31", "Deepavali", false},
    {"SG", "2026-06-01", "Vesak Day (substitute day)", true},
    {"SG", "2026-08-10", "National Day (substitute day)", true},
    {"SG", "2026-11-09", "Deepavali (substitute day)", true},
    {"SG", "2027-01-01", "New Year", false},
    {"SG", "2027-08-09", "National Day", false},
    {"SG", "2027-12-25", "Christmas", false},
    // 2027-2030: the calendars' expected dates (Chinese New Year 6-7 February 2027, a Saturday and
    // a Sunday; Vesak Day on the 15th of the 4th lunar month, Sunday 27 May 2029).
    {"SG", "2027-02-07", "Chinese New Year", false},
    {"SG", "2027-02-08", "Chinese New Year (substitute day)", true},
    {"SG", "2027-05-20", "Vesak", false},
    {"SG", "2029-02-13", "Chinese New Year", false},
    {"SG", "2029-02-14", "Chinese New Year", false},
    {"SG", "2029-05-28", "Vesak Day (substitute day)", true},
    {"SG", "2029-11-05", "Deepavali", false},
    {"SG", "2030-02-05", "Chinese New Year (substitute day)", true},
    // CH
    {"CH", "2019-05-30", "Ascension", false},
    {"CH", "2019-06-10", "Whit Monday", false},
    {"CH", "2019-08-01", "National Day", false},
    {"CH", "2024-05-09", "Ascension", false},
    {"CH", "2024-05-20", "Whit Monday", false},
    {"CH", "2024-08-01", "National Day", false},
    {"CH", "2027-05-06", "Ascension", false},
    {"CH", "2027-05-17", "Whit Monday", false},
    {"CH", "2027-12-25", "Christmas", false},
    // NL
    {"NL", "2019-04-27", "King's Day", false},
    {"NL", "2019-05-30", "Ascension", false},
    {"NL", "2019-12-26", "Christmas", false},
    {"NL", "2024-04-27", "King's Day", false},
    {"NL", "2024-05-05", "Liberation", false},
    {"NL", "2024-05-20", "Whit Monday", false},
    {"NL", "2025-04-26", "King's Day", false},
    {"NL", "2027-04-27", "King's Day", false},
    {"NL", "2027-05-06", "Ascension", false},
    {"NL", "2027-05-17", "Whit Monday", false},
    // IT
    {"IT", "2019-04-25", "Liberation", false},
    {"IT", "2019-06-02", "Republic", false},
    {"IT", "2019-12-08", "Immaculate", false},
    {"IT", "2024-01-06", "Epiphany", false},
    {"IT", "2024-04-01", "Easter Monday", false},
    {"IT", "2024-08-15", "Assumption", false},
    {"IT", "2027-03-29", "Easter Monday", false},
    {"IT", "2027-06-02", "Republic", false},
    {"IT", "2027-12-26", "St Stephen", false},
    // ES
    {"ES", "2019-04-19", "Good Friday", false},
    {"ES", "2019-10-12", "National Day", false},
    {"ES", "2019-12-06", "Constitution", false},
    {"ES", "2024-01-06", "Epiphany", false},
    {"ES", "2024-03-29", "Good Friday", false},
    {"ES", "2024-08-15", "Assumption", false},
    {"ES", "2027-03-26", "Good Friday", false},
    {"ES", "2027-10-12", "National Day", false},
    {"ES", "2027-12-08", "Immaculate", false},
};

/// Dates a naive rule would list but the country does not.
const std::vector<std::pair<const char*, const char*>> kNotHolidays{
    {"DE", "2019-10-31"},                       // Reformation Day was nationwide in 2017 only
    {"DE", "2027-10-31"}, {"GB", "2020-05-04"}, // the early May bank holiday moved to Friday 8 May
    {"GB", "2022-05-30"},                       // the spring bank holiday moved to Thursday 2 June
    {"US", "2019-06-19"},                       // Juneteenth is federal from 2021
    {"US", "2027-06-21"}, // Saturday Juneteenth is observed on Friday, not Monday
    {"FR", "2027-03-26"}, // no Good Friday outside Alsace-Moselle
    {"JP", "2019-12-23"}, // no Emperor's Birthday in 2019
    {"JP", "2020-10-12"}, // Sports Day moved to 24 July in 2020
    {"JP", "2027-08-12"}, // Mountain Day 2027 is a Wednesday
    {"CN", "2024-02-18"}, // a make-up working Sunday
    {"CN", "2027-02-09"}, // only the statutory days are listed after 2026 (no bridge days)
    {"SG", "2027-02-09"}, // Saturday 6 February has no substitute, Sunday 7 gives Monday 8 only
    {"AU", "2027-04-26"}, // no national substitute for Anzac Day
    {"SG", "2025-05-05"}, // Polling Day 2025 was a Saturday without a substitute
    {"NL", "2025-04-27"}, // King's Day on a Sunday moves to the Saturday
    {"BR", "2023-11-20"}, // Black Consciousness Day is national from 2024
    {"IT", "2025-10-04"}, // St Francis of Assisi is a national holiday from 2026
};

} // namespace

TEST(HolidaysCore, KnownDates) {
  for (const auto& k : kKnown) {
    const auto y = holidays_in_year(k.country, year_of(k.date));
    ASSERT_TRUE(y) << k.country;
    const auto d = parse(k.date);
    const auto it = std::find_if(y->holidays.begin(), y->holidays.end(),
                                 [&](const Holiday& h) { return h.date == d; });
    ASSERT_NE(it, y->holidays.end()) << k.country << " " << k.date << " " << k.name;
    EXPECT_NE(it->name.find(k.name), std::string::npos)
        << k.country << " " << k.date << ": " << it->name;
    EXPECT_EQ(it->substitute, k.substitute) << k.country << " " << k.date;
  }
}

TEST(HolidaysCore, NotHolidays) {
  for (const auto& [country, day] : kNotHolidays) {
    const auto y = holidays_in_year(country, year_of(day));
    ASSERT_TRUE(y) << country;
    const auto d = parse(day);
    for (const auto& h : y->holidays)
      EXPECT_NE(h.date, d) << country << " " << day << " " << h.name;
  }
}

TEST(HolidaysCore, EveryCoreCountryHasRules) {
  const auto codes = holiday_countries();
  for (const char* c :
       {"DE", "GB", "US", "FR", "JP", "CN", "IN", "AU", "AE", "BR", "SG", "CH", "NL", "IT", "ES"})
    EXPECT_TRUE(std::binary_search(codes.begin(), codes.end(), std::string(c))) << c;
}

TEST(HolidaysCore, ChinaMakeUpDaysAndTableRange) {
  const auto y2026 = holidays_in_year("CN", 2026);
  ASSERT_TRUE(y2026);
  EXPECT_TRUE(y2026->complete);
  // State Council notice for 2026: make-up working days.
  EXPECT_EQ(y2026->workdays,
            (std::vector<Date>{parse("2026-01-04"), parse("2026-02-14"), parse("2026-02-28"),
                               parse("2026-05-09"), parse("2026-09-20"), parse("2026-10-10")}));
  // 2027-2030: statutory lunar days only; the State Council's make-up days are not known yet.
  const auto y2027 = holidays_in_year("CN", 2027);
  ASSERT_TRUE(y2027);
  EXPECT_TRUE(y2027->complete);
  EXPECT_TRUE(y2027->workdays.empty());
  const auto y2031 = holidays_in_year("CN", 2031);
  ASSERT_TRUE(y2031);
  EXPECT_FALSE(y2031->complete);
  EXPECT_NE(y2031->note.find("2024-2030 only"), std::string::npos) << y2031->note;
  // Business calendar: the make-up Saturday is open, the Spring Festival closed.
  const auto cal = country_calendar("CN", {parse("2026-02-01"), parse("2026-03-01")});
  ASSERT_TRUE(cal);
  EXPECT_TRUE(cal->complete);
  EXPECT_TRUE(cal->calendar.is_business_day(parse("2026-02-14")));
  EXPECT_FALSE(cal->calendar.is_business_day(parse("2026-02-16")));
  EXPECT_TRUE(cal->calendar.is_business_day(parse("2026-02-24")));
}

TEST(HolidaysCore, IncompleteYearsOfDatedTables) {
  // IN's central government festival list is dated for 2024-2030 (expected from 2027).
  for (const auto& [c, year] : std::vector<std::pair<const char*, int>>{
           {"IN", 2023}, {"IN", 2031}, {"AE", 2031}, {"SG", 2031}, {"CN", 2031}, {"CN", 2023}}) {
    const auto y = holidays_in_year(c, year);
    ASSERT_TRUE(y) << c;
    EXPECT_FALSE(y->complete) << c << " " << year;
    EXPECT_FALSE(y->note.empty()) << c << " " << year;
  }
  for (const char* c : {"AE", "SG", "CN"})
    for (const int year : {2025, 2027, 2029, 2030}) {
      const auto y = holidays_in_year(c, year);
      ASSERT_TRUE(y) << c;
      EXPECT_TRUE(y->complete) << c << " " << year;
      EXPECT_TRUE(y->note.empty()) << c << " " << year;
    }
  for (const int year : {2024, 2025, 2026, 2027, 2030}) {
    const auto y = holidays_in_year("IN", year);
    ASSERT_TRUE(y);
    EXPECT_TRUE(y->complete) << "IN " << year;
    EXPECT_TRUE(y->note.empty()) << "IN " << year;
  }
  for (const char* c : {"DE", "GB", "US", "JP"}) EXPECT_TRUE(holidays_in_year(c, 2027)->complete);
  EXPECT_FALSE(holidays_in_year("JP", 2031)->complete);
}
