// Expectations for data/holidays_europe.csv: holiday dates of the 31 countries of the European
// group (EU and EEA members, Balkans, Turkey, Caucasus and Central Asia) as published in the
// official calendars and gazettes, written by hand, never produced by the engine.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "time/holidays.hpp"

using flyorcall::Date;
using flyorcall::timez::Holiday;
using flyorcall::timez::holiday_countries;
using flyorcall::timez::holidays_in_year;
using flyorcall::timez::HolidayYear;

namespace {

int number(std::string_view s) {
  return std::stoi(std::string(s));
}

Date parse(std::string_view iso) {
  return Date{date::year{number(iso.substr(0, 4))} /
              static_cast<unsigned>(number(iso.substr(5, 2))) /
              static_cast<unsigned>(number(iso.substr(8, 2)))};
}

const Holiday* find(const HolidayYear& hy, Date day) {
  const auto it = std::find_if(hy.holidays.begin(), hy.holidays.end(),
                               [&](const Holiday& h) { return h.date == day; });
  return it == hy.holidays.end() ? nullptr : &*it;
}

struct Expect {
  const char* country;
  const char* date;
  const char* name; ///< substring of the listed name ("" when only the day matters)
  bool substitute;
};

// At least three holidays in each of three years per country (2019, 2024, 2027 unless a comment
// says why not), with the substitute days of the countries that move weekend holidays.
const Expect kHolidays[] = {
    // Austria
    {"AT", "2019-06-20", "Corpus Christi", false},
    {"AT", "2019-10-26", "National Day", false},
    {"AT", "2019-12-08", "Immaculate Conception", false},
    {"AT", "2024-01-06", "Epiphany", false},
    {"AT", "2024-04-01", "Easter Monday", false},
    {"AT", "2024-05-30", "Corpus Christi", false},
    {"AT", "2027-05-06", "Ascension", false},
    {"AT", "2027-05-17", "Whit Monday", false},
    {"AT", "2027-12-26", "Stephen", false},
    // Belgium
    {"BE", "2019-05-30", "Ascension", false},
    {"BE", "2019-07-21", "National Day", false},
    {"BE", "2019-11-11", "Armistice", false},
    {"BE", "2024-04-01", "Easter Monday", false},
    {"BE", "2024-05-20", "Whit Monday", false},
    {"BE", "2024-08-15", "Assumption", false},
    {"BE", "2027-03-29", "Easter Monday", false},
    {"BE", "2027-05-17", "Whit Monday", false},
    {"BE", "2027-11-01", "All Saints", false},
    // Bulgaria: Orthodox Easter; weekend holidays move to the next working day
    {"BG", "2019-03-03", "Liberation", false},
    {"BG", "2019-03-04", "Liberation", true},
    {"BG", "2019-04-26", "Good Friday", false},
    {"BG", "2019-04-29", "Easter Monday", false},
    {"BG", "2019-05-24", "Slavonic Literature", false},
    {"BG", "2019-09-23", "Independence", true},
    {"BG", "2024-03-04", "Liberation", true},
    {"BG", "2024-05-03", "Good Friday", false},
    {"BG", "2024-05-06", "St. George", false},
    {"BG", "2024-05-06", "Easter Monday", false},
    {"BG", "2024-09-06", "Unification", false},
    {"BG", "2027-04-30", "Good Friday", false},
    {"BG", "2027-05-03", "Easter Monday", false},
    {"BG", "2027-09-22", "Independence", false},
    {"BG", "2027-12-27", "", true},
    {"BG", "2027-12-28", "", true},
    // Czechia
    {"CZ", "2019-04-19", "Good Friday", false},
    {"CZ", "2019-07-05", "Cyril and Methodius", false},
    {"CZ", "2019-10-28", "Czechoslovak", false},
    {"CZ", "2024-03-29", "Good Friday", false},
    {"CZ", "2024-05-08", "Liberation", false},
    {"CZ", "2024-09-28", "Statehood", false},
    {"CZ", "2027-03-26", "Good Friday", false},
    {"CZ", "2027-07-06", "Jan Hus", false},
    {"CZ", "2027-12-24", "Christmas Eve", false},
    // Denmark
    {"DK", "2019-04-18", "Maundy Thursday", false},
    {"DK", "2019-05-17", "General Prayer", false},
    {"DK", "2019-06-10", "Whit Monday", false},
    {"DK", "2024-03-28", "Maundy Thursday", false},
    {"DK", "2024-05-09", "Ascension", false},
    {"DK", "2024-05-20", "Whit Monday", false},
    {"DK", "2027-03-25", "Maundy Thursday", false},
    {"DK", "2027-03-26", "Good Friday", false},
    {"DK", "2027-12-26", "Second Day of Christmas", false},
    // Estonia
    {"EE", "2019-02-24", "Independence", false},
    {"EE", "2019-06-23", "Victory", false},
    {"EE", "2019-08-20", "Restoration", false},
    {"EE", "2024-03-29", "Good Friday", false},
    {"EE", "2024-05-19", "Whit Sunday", false},
    {"EE", "2024-12-24", "Christmas Eve", false},
    {"EE", "2027-02-24", "Independence", false},
    {"EE", "2027-03-26", "Good Friday", false},
    {"EE", "2027-06-24", "Midsummer", false},
    // Finland: Midsummer and All Saints' Day on Saturdays
    {"FI", "2019-06-21", "Midsummer Eve", false},
    {"FI", "2019-06-22", "Midsummer Day", false},
    {"FI", "2019-11-02", "All Saints", false},
    {"FI", "2024-01-06", "Epiphany", false},
    {"FI", "2024-06-21", "Midsummer Eve", false},
    {"FI", "2024-11-02", "All Saints", false},
    {"FI", "2027-06-25", "Midsummer Eve", false},
    {"FI", "2027-11-06", "All Saints", false},
    {"FI", "2027-12-06", "Independence", false},
    // Greece: Orthodox Easter cycle
    {"GR", "2019-03-11", "Clean Monday", false},
    {"GR", "2019-03-25", "Independence", false},
    {"GR", "2019-04-26", "Good Friday", false},
    {"GR", "2019-06-17", "Whit Monday", false},
    {"GR", "2024-03-18", "Clean Monday", false},
    {"GR", "2024-05-03", "Good Friday", false},
    {"GR", "2024-05-06", "Easter Monday", false},
    {"GR", "2024-06-24", "Whit Monday", false},
    {"GR", "2024-05-07", "Labour Day", false},
    {"GR", "2021-05-04", "Labour Day", false},
    {"GR", "2022-05-02", "Labour Day", false},
    {"GR", "2027-03-15", "Clean Monday", false},
    {"GR", "2027-05-03", "Easter Monday", false},
    {"GR", "2027-10-28", "Ochi", false},
    // Croatia: Statehood Day 25 June until 2019, 30 May since 2020
    {"HR", "2019-06-22", "Anti-Fascist", false},
    {"HR", "2019-06-25", "Statehood", false},
    {"HR", "2019-10-08", "Independence", false},
    {"HR", "2024-05-30", "Statehood", false},
    {"HR", "2024-05-30", "Corpus Christi", false},
    {"HR", "2024-08-05", "Victory", false},
    {"HR", "2024-11-18", "Remembrance", false},
    {"HR", "2027-05-27", "Corpus Christi", false},
    {"HR", "2027-05-30", "Statehood", false},
    {"HR", "2027-11-18", "Remembrance", false},
    // Hungary
    {"HU", "2019-03-15", "1848", false},
    {"HU", "2019-04-19", "Good Friday", false},
    {"HU", "2019-10-23", "1956", false},
    {"HU", "2024-03-29", "Good Friday", false},
    {"HU", "2024-05-20", "Whit Monday", false},
    {"HU", "2024-08-20", "St. Stephen", false},
    {"HU", "2027-03-15", "1848", false},
    {"HU", "2027-03-26", "Good Friday", false},
    {"HU", "2027-05-17", "Whit Monday", false},
    // Ireland: St Brigid's Day since 2023; weekend holidays observed on the next working day
    {"IE", "2019-03-18", "Patrick", true},
    {"IE", "2019-05-06", "May", false},
    {"IE", "2019-08-05", "August", false},
    {"IE", "2019-10-28", "October", false},
    {"IE", "2024-02-05", "Brigid", false},
    {"IE", "2024-03-17", "Patrick", false},
    {"IE", "2024-03-18", "Patrick", true},
    {"IE", "2024-06-03", "June", false},
    {"IE", "2027-02-01", "Brigid", false},
    {"IE", "2027-03-17", "Patrick", false},
    {"IE", "2027-05-03", "May", false},
    {"IE", "2027-12-27", "", true},
    {"IE", "2027-12-28", "", true},
    // Iceland
    {"IS", "2019-04-25", "First Day of Summer", false},
    {"IS", "2019-06-17", "National Day", false},
    {"IS", "2019-08-05", "Commerce", false},
    {"IS", "2024-03-28", "Maundy Thursday", false},
    {"IS", "2024-04-25", "First Day of Summer", false},
    {"IS", "2024-05-20", "Whit Monday", false},
    {"IS", "2027-04-22", "First Day of Summer", false},
    {"IS", "2027-06-17", "National Day", false},
    {"IS", "2027-08-02", "Commerce", false},
    // Lithuania
    {"LT", "2019-03-11", "Independence", false},
    {"LT", "2019-06-24", "St. John", false},
    {"LT", "2019-08-15", "Assumption", false},
    {"LT", "2024-02-16", "Restoration of the State", false},
    {"LT", "2024-04-01", "Easter Monday", false},
    {"LT", "2024-06-24", "St. John", false},
    {"LT", "2027-02-16", "Restoration of the State", false},
    {"LT", "2027-11-02", "All Souls", false},
    {"LT", "2027-12-24", "Christmas Eve", false},
    // Luxembourg: Europe Day since 2019
    {"LU", "2019-05-09", "Europe Day", false},
    {"LU", "2019-06-10", "Whit Monday", false},
    {"LU", "2019-06-23", "National Day", false},
    {"LU", "2024-05-09", "Europe Day", false},
    {"LU", "2024-05-09", "Ascension", false},
    {"LU", "2024-12-26", "Stephen", false},
    {"LU", "2027-05-06", "Ascension", false},
    {"LU", "2027-05-17", "Whit Monday", false},
    {"LU", "2027-06-23", "National Day", false},
    // Latvia: 4 May and 18 November move to Monday from a weekend
    {"LV", "2019-05-04", "Restoration of Independence", false},
    {"LV", "2019-05-06", "Restoration of Independence", true},
    {"LV", "2019-06-24", "Midsummer Day", false},
    {"LV", "2019-11-18", "Proclamation", false},
    {"LV", "2024-05-06", "Restoration of Independence", true},
    {"LV", "2024-06-24", "Midsummer Day", false},
    {"LV", "2024-12-31", "New Year's Eve", false},
    {"LV", "2027-03-26", "Good Friday", false},
    {"LV", "2027-05-04", "Restoration of Independence", false},
    {"LV", "2027-11-18", "Proclamation", false},
    // Malta
    {"MT", "2019-02-10", "Shipwreck", false},
    {"MT", "2019-03-19", "Joseph", false},
    {"MT", "2019-06-07", "Sette Giugno", false},
    {"MT", "2024-03-29", "Good Friday", false},
    {"MT", "2024-06-29", "Peter and St. Paul", false},
    {"MT", "2024-09-21", "Independence", false},
    {"MT", "2027-03-26", "Good Friday", false},
    {"MT", "2027-09-08", "Victory", false},
    {"MT", "2027-12-13", "Republic", false},
    // Norway
    {"NO", "2019-04-18", "Maundy Thursday", false},
    {"NO", "2019-05-17", "Constitution", false},
    {"NO", "2019-05-30", "Ascension", false},
    {"NO", "2024-03-28", "Maundy Thursday", false},
    {"NO", "2024-05-17", "Constitution", false},
    {"NO", "2024-05-20", "Whit Monday", false},
    {"NO", "2027-03-25", "Maundy Thursday", false},
    {"NO", "2027-05-17", "Constitution", false},
    {"NO", "2027-05-17", "Whit Monday", false},
    // Poland: Christmas Eve since 2025
    {"PL", "2019-05-03", "Constitution", false},
    {"PL", "2019-06-20", "Corpus Christi", false},
    {"PL", "2019-11-11", "Independence", false},
    {"PL", "2024-05-30", "Corpus Christi", false},
    {"PL", "2024-08-15", "Assumption", false},
    {"PL", "2024-11-01", "All Saints", false},
    {"PL", "2027-01-06", "Epiphany", false},
    {"PL", "2027-05-27", "Corpus Christi", false},
    {"PL", "2027-12-24", "Christmas Eve", false},
    // Portugal
    {"PT", "2019-04-25", "Freedom", false},
    {"PT", "2019-06-10", "Portugal Day", false},
    {"PT", "2019-06-20", "Corpus Christi", false},
    {"PT", "2024-03-29", "Good Friday", false},
    {"PT", "2024-05-30", "Corpus Christi", false},
    {"PT", "2024-11-01", "All Saints", false},
    {"PT", "2027-03-26", "Good Friday", false},
    {"PT", "2027-10-05", "Republic", false},
    {"PT", "2027-12-01", "Restoration of Independence", false},
    // Romania: Orthodox Easter and Pentecost
    {"RO", "2019-01-24", "Union", false},
    {"RO", "2019-04-26", "Good Friday", false},
    {"RO", "2019-06-17", "Whit Monday", false},
    {"RO", "2019-11-30", "Andrew", false},
    {"RO", "2024-01-06", "Epiphany", false},
    {"RO", "2024-01-07", "St. John", false},
    {"RO", "2024-05-06", "Easter Monday", false},
    {"RO", "2024-06-24", "Whit Monday", false},
    {"RO", "2027-04-30", "Good Friday", false},
    {"RO", "2027-06-21", "Whit Monday", false},
    {"RO", "2027-12-01", "National Day", false},
    // Serbia: a Sunday holiday moves to the next working day (not a Saturday one)
    {"RS", "2019-01-07", "Christmas", false},
    {"RS", "2019-02-15", "Statehood", false},
    {"RS", "2019-04-26", "Good Friday", false},
    {"RS", "2019-11-11", "Armistice", false},
    {"RS", "2021-05-04", "Labour Day", true},
    {"RS", "2022-01-03", "New Year", true},
    {"RS", "2024-01-02", "New Year", false},
    {"RS", "2024-02-16", "Statehood", false},
    {"RS", "2024-05-03", "Good Friday", false},
    {"RS", "2024-05-06", "Easter Monday", false},
    {"RS", "2027-04-30", "Good Friday", false},
    {"RS", "2027-05-03", "Easter Monday", false},
    {"RS", "2027-05-04", "Labour Day", true},
    {"RS", "2027-11-11", "Armistice", false},
    // Sweden
    {"SE", "2019-05-30", "Ascension", false},
    {"SE", "2019-06-06", "National Day", false},
    {"SE", "2019-06-21", "Midsummer Eve", false},
    {"SE", "2024-06-06", "National Day", false},
    {"SE", "2024-06-21", "Midsummer Eve", false},
    {"SE", "2024-12-24", "Christmas Eve", false},
    {"SE", "2027-06-25", "Midsummer Eve", false},
    {"SE", "2027-11-06", "All Saints", false},
    {"SE", "2027-12-31", "New Year's Eve", false},
    // Slovenia
    {"SI", "2019-01-02", "New Year", false},
    {"SI", "2019-02-08", "Preseren", false},
    {"SI", "2019-10-31", "Reformation", false},
    {"SI", "2024-04-01", "Easter Monday", false},
    {"SI", "2024-05-02", "Labour Day", false},
    {"SI", "2024-06-25", "Statehood", false},
    {"SI", "2027-02-08", "Preseren", false},
    {"SI", "2027-04-27", "Uprising", false},
    {"SI", "2027-06-25", "Statehood", false},
    // Slovakia: 8 May and 15 September are working days in 2026 only (Act 261/2025)
    {"SK", "2019-08-29", "National Uprising", false},
    {"SK", "2019-09-15", "Seven Sorrows", false},
    {"SK", "2019-11-17", "Freedom and Democracy", false},
    {"SK", "2024-01-06", "Epiphany", false},
    {"SK", "2024-07-05", "Cyril and Methodius", false},
    {"SK", "2024-08-29", "National Uprising", false},
    {"SK", "2027-03-26", "Good Friday", false},
    {"SK", "2027-08-29", "National Uprising", false},
    {"SK", "2027-12-24", "Christmas Eve", false},
    {"SK", "2025-09-15", "Seven Sorrows", false},
    {"SK", "2027-05-08", "Victory over Fascism", false},
    // Ukraine: pre-war calendar; a weekend holiday (and Easter, Trinity) gives the next working
    // day off. 2022 onwards is martial law (see kIncomplete), so 2020 and 2021 stand in.
    {"UA", "2019-01-07", "Christmas", false},
    {"UA", "2019-04-29", "Easter", true},
    {"UA", "2019-06-17", "Trinity", true},
    {"UA", "2019-08-26", "Independence", true},
    {"UA", "2019-10-14", "Defender", false},
    {"UA", "2020-03-09", "Women", true},
    {"UA", "2020-05-11", "Victory", true},
    {"UA", "2020-06-29", "Constitution", true},
    {"UA", "2021-05-03", "", true},
    {"UA", "2021-05-04", "", true},
    {"UA", "2021-12-27", "Catholic Christmas", true},
    // Turkey: Diyanet dates of Ramazan and Kurban Bayrami
    {"TR", "2019-06-04", "Ramazan", false},
    {"TR", "2019-08-14", "Kurban", false},
    {"TR", "2019-10-29", "Republic", false},
    {"TR", "2024-04-12", "Ramazan", false},
    {"TR", "2024-06-16", "Kurban", false},
    {"TR", "2024-07-15", "Democracy", false},
    {"TR", "2027-03-09", "Ramazan", false},
    {"TR", "2027-04-23", "Sovereignty", false},
    {"TR", "2027-05-19", "Kurban", false},
    // Georgia: Orthodox Easter
    {"GE", "2019-01-19", "Epiphany", false},
    {"GE", "2019-04-26", "Good Friday", false},
    {"GE", "2019-05-09", "Victory", false},
    {"GE", "2024-04-09", "National Unity", false},
    {"GE", "2024-05-06", "Easter Monday", false},
    {"GE", "2024-08-28", "Mariamoba", false},
    {"GE", "2027-04-30", "Good Friday", false},
    {"GE", "2027-05-12", "St. Andrew", false},
    {"GE", "2027-11-23", "Giorgoba", false},
    {"GE", "2027-05-17", "Family Sanctity", false},
    // Azerbaijan: weekend holidays move to the next working day
    {"AZ", "2019-03-25", "Novruz", true},
    {"AZ", "2019-03-26", "Novruz", true},
    {"AZ", "2019-06-05", "Ramazan", false},
    {"AZ", "2019-08-12", "Qurban", false},
    {"AZ", "2024-04-10", "Ramazan", false},
    {"AZ", "2024-06-18", "", true},
    {"AZ", "2024-06-19", "", true},
    {"AZ", "2024-11-08", "Victory", false},
    {"AZ", "2025-04-01", "Ramazan", true},
    {"AZ", "2026-03-20", "Ramazan", false},
    {"AZ", "2026-03-25", "", true},
    {"AZ", "2026-03-27", "coinciding with Novruz", false},
    {"AZ", "2026-03-30", "coinciding with Novruz", false},
    {"AZ", "2027-01-20", "Mourning", false},
    {"AZ", "2027-05-28", "Independence", false},
    {"AZ", "2027-11-09", "Flag", false},
    // 2027-2030: the calculated Hijri calendar's expected dates (Eid al-Fitr 9 March 2027 and
    // 14 February 2029, Eid al-Adha 16 May 2027 and 24 April 2029), two days each.
    {"AZ", "2027-03-10", "Ramazan", false},
    {"AZ", "2027-05-16", "Qurban", false},
    {"AZ", "2027-05-18", "Qurban", true}, // Sunday 16 May: the day off moves past Monday 17
    {"AZ", "2029-02-15", "Ramazan", false},
    {"AZ", "2029-04-24", "Qurban", false},
    {"AZ", "2030-04-16", "Qurban", true}, // Saturday 13 and Sunday 14 April
    // Kazakhstan
    {"KZ", "2019-03-22", "Nauryz", false},
    {"KZ", "2019-03-25", "Nauryz", true},
    {"KZ", "2019-07-08", "Capital", true},
    {"KZ", "2019-08-11", "Kurban", false},
    {"KZ", "2019-12-17", "Independence", false},
    {"KZ", "2024-03-25", "Nauryz", true},
    {"KZ", "2024-05-07", "Defender", false},
    {"KZ", "2024-06-16", "Kurban", false},
    {"KZ", "2024-10-25", "Republic", false},
    {"KZ", "2027-01-07", "Christmas", false},
    {"KZ", "2027-05-07", "Defender", false},
    {"KZ", "2027-10-25", "Republic", false},
    // Kyrgyzstan: the Labour Code of 2025 adds New Year and May holidays and ends substitutes
    {"KG", "2019-03-08", "Women", false},
    {"KG", "2019-03-21", "Nooruz", false},
    {"KG", "2019-11-07", "Ancestors", false},
    {"KG", "2024-04-10", "Orozo", false},
    {"KG", "2024-05-01", "Workers", false},
    {"KG", "2024-11-08", "Ancestors", false},
    {"KG", "2024-06-17", "Kurman", false},
    {"KG", "2024-09-02", "Independence", true},
    {"KG", "2027-01-07", "Christmas", false},
    {"KG", "2027-05-05", "Constitution", false},
    {"KG", "2027-08-31", "Independence", false},
    {"KG", "2027-01-05", "New Year", false},
    {"KG", "2027-05-04", "May Holidays", false},
    {"KG", "2027-03-09", "Orozo", false},
    {"KG", "2027-05-16", "Kurman", false},
    {"KG", "2029-02-14", "Orozo", false},
    {"KG", "2029-04-24", "Kurman", false},
    // Uzbekistan
    {"UZ", "2019-03-21", "Navruz", false},
    {"UZ", "2019-05-09", "Remembrance", false},
    {"UZ", "2019-10-01", "Teachers", false},
    {"UZ", "2024-04-10", "Ramazan", false},
    {"UZ", "2024-09-02", "Independence", true},
    {"UZ", "2024-10-01", "Teachers", false},
    {"UZ", "2027-03-08", "Women", false},
    {"UZ", "2027-09-01", "Independence", false},
    {"UZ", "2027-12-08", "Constitution", false},
    {"UZ", "2027-03-09", "Ramazan", false},
    {"UZ", "2027-05-16", "Qurbon", false},
    {"UZ", "2027-05-17", "Qurbon", true}, // Sunday 16 May
    {"UZ", "2029-02-14", "Ramazan", false},
    {"UZ", "2029-04-24", "Qurbon", false},
};

struct NotHoliday {
  const char* country;
  const char* date;
  const char* why;
};

// Days a naive or outdated rule would list.
const NotHoliday kNotHolidays[] = {
    {"AT", "2019-04-19", "Good Friday is no longer a holiday for some employees from 2019"},
    {"DK", "2024-04-26", "General Prayer Day was abolished from 2024"},
    {"GR", "2024-04-01", "Western Easter Monday; Greece follows the Orthodox Easter"},
    {"GR", "2024-05-01", "Labour Day 2024 was moved out of Holy Week to 7 May"},
    {"HR", "2024-06-25", "Statehood Day moved back to 30 May in 2020"},
    {"HR", "2024-10-08", "Independence Day stopped being a holiday in 2020"},
    {"HU", "2016-03-25", "Good Friday is a holiday only since 2017"},
    {"IE", "2024-03-29", "Good Friday is not a public holiday in Ireland"},
    {"IE", "2019-02-04", "St Brigid's Day holiday starts in 2023"},
    {"PL", "2024-12-24", "Christmas Eve is a day off only since 2025"},
    {"PT", "2014-06-19", "Corpus Christi was suspended 2013-2015"},
    {"PT", "2014-12-01", "Restoration of Independence Day was suspended 2013-2015"},
    {"RO", "2019-01-07", "St. John is a holiday only since 2024"},
    {"RS", "2024-01-08", "Orthodox Christmas on a Sunday has no substitute day"},
    {"RS", "2027-01-04", "2 January on a Saturday has no substitute day"},
    {"SE", "2019-06-10", "Whit Monday was replaced by National Day in 2005"},
    {"SK", "2025-09-01", "Constitution Day is a working day since 2024"},
    {"SK", "2025-11-17", "17 November is a working day since 2025"},
    {"SK", "2026-05-08", "8 May is a working day in 2026"},
    {"SK", "2026-09-15", "15 September is a working day in 2026"},
    {"SI", "2015-01-02", "2 January was a working day 2013-2016"},
    {"TR", "2024-06-15", "the eve of Kurban Bayrami is only a half day"},
    {"KZ", "2024-12-17", "Independence Day has one day since 2022"},
    {"KG", "2026-02-23", "Defender of the Fatherland Day is a working day since 2025"},
    {"KG", "2026-03-09", "no substitute for 8 March on a Sunday since 2025"},
    {"KG", "2027-11-08", "7-8 November are working days since 2025"},
    {"KG", "2027-05-17", "Kurman Ait on Sunday 16 May 2027 has no transfer since 2025"},
    {"UZ", "2029-02-15", "Ramazan Hayit is one day"},
    {"KZ", "2024-06-17", "Kurban Ait on a Sunday has no substitute day"},
    {"UA", "2024-08-24", "holidays are working days under martial law"},
    {"LV", "2024-11-19", "18 November 2024 is a Monday: no substitute day"},
};

struct Completeness {
  const char* country;
  int year;
  bool complete;
};

// Countries with dated (lunar) rows are complete only inside their `table` range.
const Completeness kCompleteness[] = {
    {"TR", 2018, false}, {"TR", 2019, true},  {"TR", 2027, true},  {"TR", 2030, true},
    {"TR", 2031, false}, {"KZ", 2027, true},  {"KZ", 2031, false}, {"AZ", 2024, true},
    {"AZ", 2027, true},  {"AZ", 2030, true},  {"AZ", 2031, false}, {"AZ", 2018, false},
    {"KG", 2024, true},  {"KG", 2025, true},  {"KG", 2023, false}, {"KG", 2027, true},
    {"KG", 2030, true},  {"KG", 2031, false}, {"UZ", 2026, true},  {"UZ", 2027, true},
    {"UZ", 2030, true},  {"UZ", 2031, false}, {"UZ", 2023, false}, {"UA", 2021, true},
    {"UA", 2022, false}, {"UA", 2027, false}, {"AT", 2027, true},  {"GR", 2100, true},
    {"SE", 2000, true},
};

const char* const kGroup[] = {"AT", "BE", "BG", "CZ", "DK", "EE", "FI", "GR", "HR", "HU", "IE",
                              "IS", "LT", "LU", "LV", "MT", "NO", "PL", "PT", "RO", "RS", "SE",
                              "SI", "SK", "UA", "TR", "GE", "AZ", "KZ", "KG", "UZ"};

} // namespace

TEST(HolidaysEurope, EveryCountryOfTheGroupHasRules) {
  const std::vector<std::string> codes = holiday_countries();
  for (const char* code : kGroup) {
    SCOPED_TRACE(code);
    EXPECT_TRUE(std::binary_search(codes.begin(), codes.end(), std::string(code)));
  }
}

TEST(HolidaysEurope, KnownHolidaysAreListed) {
  for (const Expect& e : kHolidays) {
    SCOPED_TRACE(std::string(e.country) + " " + e.date);
    const Date day = parse(e.date);
    const auto hy = holidays_in_year(e.country, number(std::string_view(e.date).substr(0, 4)));
    if (!hy.has_value()) {
      ADD_FAILURE() << "no rules for the country";
      continue;
    }
    const Holiday* h = find(*hy, day);
    if (h == nullptr) {
      ADD_FAILURE() << "not listed";
      continue;
    }
    EXPECT_NE(h->name.find(e.name), std::string::npos) << "name: " << h->name;
    EXPECT_EQ(h->substitute, e.substitute) << "name: " << h->name;
  }
}

TEST(HolidaysEurope, DaysThatAreNotHolidays) {
  for (const NotHoliday& n : kNotHolidays) {
    SCOPED_TRACE(std::string(n.country) + " " + n.date + ": " + n.why);
    const auto hy = holidays_in_year(n.country, number(std::string_view(n.date).substr(0, 4)));
    if (!hy.has_value()) {
      ADD_FAILURE() << "no rules for the country";
      continue;
    }
    const Holiday* h = find(*hy, parse(n.date));
    EXPECT_EQ(h, nullptr) << "listed as: " << (h != nullptr ? h->name : std::string());
  }
}

TEST(HolidaysEurope, LunarTablesBoundCompleteness) {
  for (const Completeness& c : kCompleteness) {
    SCOPED_TRACE(std::string(c.country) + " " + std::to_string(c.year));
    const auto hy = holidays_in_year(c.country, c.year);
    if (!hy.has_value()) {
      ADD_FAILURE() << "no rules for the country";
      continue;
    }
    EXPECT_EQ(hy->complete, c.complete);
    EXPECT_EQ(hy->note.empty(), c.complete) << "note: " << hy->note;
  }
}

TEST(HolidaysEurope, TurkishFestivalsHaveTheirFullLength) {
  // Ramazan Bayrami lasts three days and Kurban Bayrami four (Law 2429).
  const auto hy = holidays_in_year("TR", 2027);
  ASSERT_TRUE(hy.has_value());
  int ramazan = 0;
  int kurban = 0;
  for (const Holiday& h : hy->holidays) {
    ramazan += h.name.find("Ramazan") != std::string::npos ? 1 : 0;
    kurban += h.name.find("Kurban") != std::string::npos ? 1 : 0;
  }
  EXPECT_EQ(ramazan, 3);
  EXPECT_EQ(kurban, 4);
}

TEST(HolidaysEurope, CountriesWithoutSubstitutesListNone) {
  // Holidays on weekends in 2027 (e.g. Christmas on a Saturday) give no extra day off here.
  for (const char* code : {"AT", "BE", "CZ", "DK", "FI", "GR", "HU", "NO", "PL", "SE", "SK"}) {
    SCOPED_TRACE(code);
    const auto hy = holidays_in_year(code, 2027);
    ASSERT_TRUE(hy.has_value());
    for (const Holiday& h : hy->holidays) {
      EXPECT_FALSE(h.substitute) << h.name;
    }
  }
}

TEST(HolidaysEurope, ListsAreSortedWithoutDuplicateDates) {
  for (const char* code : kGroup) {
    for (const int year : {2000, 2019, 2027, 2100}) {
      SCOPED_TRACE(std::string(code) + " " + std::to_string(year));
      const auto hy = holidays_in_year(code, year);
      ASSERT_TRUE(hy.has_value());
      // Ukraine lists no days off after 2021 (martial law, marked incomplete).
      EXPECT_EQ(hy->holidays.empty(), std::string_view(code) == "UA" && year > 2021);
      for (std::size_t i = 1; i < hy->holidays.size(); ++i) {
        EXPECT_LT(hy->holidays[i - 1].date, hy->holidays[i].date);
      }
    }
  }
}
