// The participant syntax of `flyorcall calls` (NAME:ZONE[#CC][@HOURS][*WEIGHT]): every part,
// the calendar chosen for each kind of zone, and the exact message of every kind of mistake.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "time/participants.hpp"
#include "time/working_hours.hpp"

namespace tz = flyorcall::timez;
using flyorcall::Date;
using flyorcall::DateRange;
using flyorcall::Problem;

namespace {

Date d(int y, unsigned m, unsigned day) {
  return Date{date::year{y} / m / day};
}

const DateRange kMarch{d(2027, 3, 1), d(2027, 3, 31)};

struct Parsed {
  std::optional<tz::ParsedParticipant> party;
  std::vector<Problem> problems;
};

Parsed parse(const std::string& text, std::size_t index = 0, DateRange range = kMarch) {
  Parsed p;
  p.party = tz::parse_participant(text, index, range, p.problems);
  return p;
}

/// The single problem's message of a text that must not parse.
std::string error_of(const std::string& text, std::size_t index = 0) {
  const Parsed p = parse(text, index);
  EXPECT_FALSE(p.party) << text;
  EXPECT_EQ(p.problems.size(), 1u) << text;
  if (p.problems.empty()) return "";
  EXPECT_EQ(p.problems[0].pointer, "") << text;
  return p.problems[0].message;
}

} // namespace

TEST(Participants, EveryPartIsRead) {
  const Parsed p = parse("client:Asia/Tokyo#jp@Mon-Thu 08:00-16:00,Fri 08:00-13:00*2.5");
  ASSERT_TRUE(p.party);
  EXPECT_TRUE(p.problems.empty());
  const auto& part = p.party->part;
  EXPECT_EQ(part.name, "client");
  ASSERT_NE(part.zone, nullptr);
  EXPECT_EQ(part.zone->name(), "Asia/Tokyo");
  EXPECT_EQ(part.weight, 2.5);
  EXPECT_EQ(part.hours.days[1].start_min, 8 * 60); // Monday
  EXPECT_EQ(part.hours.days[5].end_min, 13 * 60);  // Friday
  EXPECT_EQ(part.hours.days[6].end_min, 0);        // Saturday: not worked
  const auto& info = p.party->info;
  EXPECT_EQ(info.zone, "Asia/Tokyo");
  EXPECT_EQ(info.country, "JP"); // any case
  EXPECT_EQ(info.hours, "Mon-Thu 08:00-16:00,Fri 08:00-13:00");
  EXPECT_TRUE(info.holidays);
  EXPECT_TRUE(info.notes.empty()); // #CC given: no note about how the country was chosen
}

TEST(Participants, DefaultsAreOfficeHoursWeightOneAndTheZonesCountry) {
  const Parsed p = parse("me:Europe/Berlin");
  ASSERT_TRUE(p.party);
  EXPECT_EQ(p.party->part.weight, 1.0);
  EXPECT_EQ(p.party->info.hours, "09:00-17:30");
  EXPECT_EQ(p.party->info.country, "DE");
  EXPECT_TRUE(p.party->info.holidays);
  ASSERT_EQ(p.party->info.notes.size(), 1u);
  EXPECT_EQ(p.party->info.notes[0],
            "country DE from the zone (city Berlin); give #CC to choose another");
}

TEST(Participants, ACityStandsForItsZoneAndCountry) {
  const Parsed mike = parse("mike:CHI");
  ASSERT_TRUE(mike.party);
  EXPECT_EQ(mike.party->info.zone, "America/Chicago");
  EXPECT_EQ(mike.party->info.country, "US");
  ASSERT_EQ(mike.party->info.notes.size(), 1u);
  EXPECT_EQ(mike.party->info.notes[0], "zone America/Chicago and country US from city CHI "
                                       "(Chicago); give #CC to choose another");
  // The city, not the tz database's old alias "Singapore".
  const Parsed wei = parse("wei:Singapore@08:00-17:00");
  ASSERT_TRUE(wei.party);
  EXPECT_EQ(wei.party->info.zone, "Asia/Singapore");
  EXPECT_EQ(wei.party->info.country, "SG");
  // An airport code and a name with accents; #CC still chooses the calendar.
  const Parsed ana = parse("ana:GRU#PT");
  ASSERT_TRUE(ana.party);
  EXPECT_EQ(ana.party->info.zone, "America/Sao_Paulo");
  EXPECT_EQ(ana.party->info.country, "PT");
  const Parsed zu = parse("zu:Zürich");
  ASSERT_TRUE(zu.party);
  EXPECT_EQ(zu.party->info.zone, "Europe/Zurich");
  // A word that is no place stays a zone name.
  const Parsed utc = parse("u:UTC");
  ASSERT_TRUE(utc.party);
  EXPECT_EQ(utc.party->info.zone, "UTC");
  EXPECT_EQ(error_of("y:Nowhere"),
            "participant 1 \"y:Nowhere\": unknown time zone or city \"Nowhere\" at character 3: "
            "unknown city or airport \"Nowhere\"; expected a city code (such as \"LON\"), an "
            "airport code (such as \"LHR\") or a city name, or an IANA time zone such as "
            "\"Europe/Berlin\"");
}

TEST(Participants, TheCountryClosesItsHolidaysInTheRangeAndItsWeekend) {
  // 26 March 2027 is Good Friday, a German public holiday; 27 March is a Saturday.
  const Parsed de = parse("me:Europe/Berlin#DE");
  ASSERT_TRUE(de.party);
  EXPECT_FALSE(de.party->part.calendar.is_business_day(d(2027, 3, 26)));
  EXPECT_FALSE(de.party->part.calendar.is_business_day(d(2027, 3, 27)));
  EXPECT_TRUE(de.party->part.calendar.is_business_day(d(2027, 3, 25)));
  // The calendar reaches three days past the range: 29 March (Easter Monday) is closed too.
  const Parsed late = parse("me:Europe/Berlin#DE", 0, DateRange{d(2027, 3, 1), d(2027, 3, 26)});
  ASSERT_TRUE(late.party);
  EXPECT_FALSE(late.party->part.calendar.is_business_day(d(2027, 3, 29)));
  // Saudi Arabia's weekend is Friday-Saturday.
  const Parsed sa = parse("x:Asia/Riyadh");
  ASSERT_TRUE(sa.party);
  EXPECT_EQ(sa.party->info.country, "SA");
  EXPECT_TRUE(sa.party->part.calendar.is_business_day(d(2027, 3, 7)));  // Sunday
  EXPECT_FALSE(sa.party->part.calendar.is_business_day(d(2027, 3, 5))); // Friday
}

TEST(Participants, AZoneWithoutACityIsWeekendOnlyWithANote) {
  const Parsed p = parse("x:Etc/GMT+5");
  ASSERT_TRUE(p.party);
  EXPECT_EQ(p.party->info.country, "");
  EXPECT_FALSE(p.party->info.holidays);
  ASSERT_EQ(p.party->info.notes.size(), 1u);
  EXPECT_EQ(p.party->info.notes[0],
            "no country known for zone Etc/GMT+5: weekend Sat-Sun, no public holidays (give #CC)");
  EXPECT_TRUE(p.party->part.calendar.is_business_day(d(2027, 3, 26)));
  EXPECT_FALSE(p.party->part.calendar.is_business_day(d(2027, 3, 27)));
}

TEST(Participants, NameMayHoldAnythingButAColon) {
  const Parsed p = parse("Dr. Müller & Co <GmbH> | *@#:Europe/Vienna");
  ASSERT_TRUE(p.party);
  EXPECT_EQ(p.party->part.name, "Dr. Müller & Co <GmbH> | *@#");
  EXPECT_EQ(p.party->info.country, "AT");
  // A later colon belongs to the working hours.
  const Parsed h = parse("a:Asia/Tokyo@09:00-18:00");
  ASSERT_TRUE(h.party);
  EXPECT_EQ(h.party->info.hours, "09:00-18:00");
}

TEST(Participants, NoneMeansNoWorkingTime) {
  const Parsed p = parse("night:America/New_York@none*0.5");
  ASSERT_TRUE(p.party);
  EXPECT_EQ(p.party->info.hours, "none");
  EXPECT_EQ(p.party->part.weight, 0.5);
  for (const auto& day : p.party->part.hours.days) EXPECT_EQ(day.end_min, day.start_min);
}

TEST(Participants, ErrorsNameTheParticipantAndTheCharacter) {
  EXPECT_EQ(error_of("nocolon", 2), "participant 3 \"nocolon\": expected "
                                    "NAME:ZONE[#CC][@HOURS][*WEIGHT], e.g. "
                                    "\"client:Asia/Tokyo@09:00-18:00*3\"");
  EXPECT_EQ(error_of(":Europe/Berlin"), "participant 1 \":Europe/Berlin\": empty name at "
                                        "character 1");
  EXPECT_EQ(error_of("a:"), "participant 1 \"a:\": expected a time zone such as "
                            "\"Europe/Berlin\" at character 3");
  EXPECT_EQ(error_of("a:#DE"), "participant 1 \"a:#DE\": expected a time zone such as "
                               "\"Europe/Berlin\" at character 3");
  EXPECT_EQ(error_of("client:Asia/Tokio"),
            "participant 1 \"client:Asia/Tokio\": unknown time zone \"Asia/Tokio\" at character 8 "
            "(did you mean \"Asia/Tokyo\"?)");
  EXPECT_EQ(error_of("me:Europe/Frankfurt"),
            "participant 1 \"me:Europe/Frankfurt\": unknown time zone \"Europe/Frankfurt\" at "
            "character 4 (did you mean \"Europe/Berlin\"?)");
  // A country's name is offered its code; a code is never "corrected" to a near code (XX is not
  // MX, Mexico).
  EXPECT_EQ(error_of("a:Europe/Berlin#Germany"),
            "participant 1 \"a:Europe/Berlin#Germany\": unknown country \"Germany\" at character "
            "17 (did you mean \"DE\", the code of Germany?); expected an ISO 3166 code such as DE");
  EXPECT_EQ(error_of("a:Europe/Berlin#XX"),
            "participant 1 \"a:Europe/Berlin#XX\": unknown country \"XX\" at character 17; "
            "expected an ISO 3166 code such as DE");
  EXPECT_EQ(error_of("a:Europe/Berlin*2@09:00-17:00"),
            "participant 1 \"a:Europe/Berlin*2@09:00-17:00\": \"@HOURS\" must come before "
            "\"*WEIGHT\" at character 18");
  EXPECT_EQ(error_of("b:Asia/Tokyo#DEU"),
            "participant 1 \"b:Asia/Tokyo#DEU\": unknown country \"DEU\" at character 14; "
            "expected an ISO 3166 code such as DE");
}

TEST(Participants, WorkingHoursErrorsCountInTheParticipantsText) {
  const std::string text = "b:Asia/Tokyo@09:00-25:00";
  const std::string msg = error_of(text, 1);
  EXPECT_EQ(msg.rfind("participant 2 \"b:Asia/Tokyo@09:00-25:00\": working hours "
                      "\"09:00-25:00\": ",
                      0),
            0u)
      << msg;
  // The hours' own position 7 (the "25:00") moves by the 13 characters before them.
  EXPECT_NE(msg.find(" at character 20"), std::string::npos) << msg;
  EXPECT_EQ(text.substr(19, 5), "25:00");
  const auto hours = tz::parse_working_hours("09:00-25:00");
  const auto* direct = std::get_if<std::string>(&hours);
  ASSERT_NE(direct, nullptr);
  EXPECT_NE(direct->find(" at character 7"), std::string::npos) << *direct;
}

TEST(Participants, WeightIsANumberAboveZeroAndAtMostAThousand) {
  for (const std::string w : {"0", "-1", "", "abc", "1e400", "nan", "inf", "1000.5", "2x", " 2"}) {
    const std::string text = "a:Europe/Berlin*" + w;
    EXPECT_EQ(error_of(text), "participant 1 \"" + text + "\": weight \"" + w +
                                  "\" at character 17: expected a number above 0 and at most 1000")
        << w;
  }
  for (const std::string w : {"1000", "0.001", "3", "1e2"}) {
    const Parsed p = parse("a:Europe/Berlin*" + w);
    ASSERT_TRUE(p.party) << w;
    EXPECT_EQ(p.party->part.weight, std::stod(w));
  }
  EXPECT_EQ(tz::kMaxParticipantWeight, 1000.0);
}

TEST(Participants, ProblemsAreAppendedToThoseAlreadyFound) {
  std::vector<Problem> problems{{"/x", "earlier"}};
  EXPECT_FALSE(tz::parse_participant("bad", 4, kMarch, problems));
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].message, "earlier");
  EXPECT_EQ(problems[1].message.rfind("participant 5 \"bad\": ", 0), 0u);
  EXPECT_TRUE(tz::parse_participant("ok:UTC", 5, kMarch, problems));
  EXPECT_EQ(problems.size(), 2u);
}

TEST(Participants, ZoneHintPrefersANearZoneThenACityName) {
  EXPECT_EQ(tz::zone_hint("Asia/Tokio"), " (did you mean \"Asia/Tokyo\"?)");
  EXPECT_EQ(tz::zone_hint("Europe/Frankfurt"), " (did you mean \"Europe/Berlin\"?)");
  EXPECT_EQ(tz::zone_hint("Qqqqqqqqqqqq/Zzzzzzzzzzzzzzz"), "");
}

TEST(Participants, TextThatIsNotUtf8IsRejectedWithoutQuotingIt) {
  // Found by fuzz_participant: a name starting with byte 0xFF was accepted, and the JSON writer
  // of `calls --json` then threw on it (an internal error, exit 1).
  const std::string found("\xff"
                          "eAsia/\x02\x00"
                          "cnient:Asia/Tokyo@09:00-18:00*3",
                          40);
  EXPECT_EQ(error_of(found, 1), "participant 2: not valid UTF-8 at character 1");
  EXPECT_EQ(error_of("a:Europe/Berlin#D\xc3"), "participant 1: not valid UTF-8 at character 18");
  EXPECT_EQ(error_of("\xed\xa0\x80:UTC"), "participant 1: not valid UTF-8 at character 1");
  EXPECT_EQ(error_of("\xc0\xaf:UTC"), "participant 1: not valid UTF-8 at character 1");
  const Parsed ok = parse("Zoë 東京 😀:UTC");
  ASSERT_TRUE(ok.party);
  EXPECT_EQ(ok.party->part.name, "Zoë 東京 😀");
}

TEST(Participants, ControlCharactersInTheNameAreRejected) {
  EXPECT_EQ(error_of("\tx:UTC"), "participant 1 \"\tx:UTC\": control character in the name at "
                                 "character 1");
  EXPECT_EQ(error_of("\rx:UTC"), "participant 1 \"\rx:UTC\": control character in the name at "
                                 "character 1");
  EXPECT_EQ(error_of("a\nb:UTC"), "participant 1 \"a\nb:UTC\": control character in the name at "
                                  "character 2");
  EXPECT_EQ(error_of("red\x1b[31m:UTC"), "participant 1 \"red\x1b[31m:UTC\": control character "
                                         "in the name at character 4");
  EXPECT_EQ(error_of("c1\xc2\x9b:UTC"), "participant 1 \"c1\xc2\x9b:UTC\": control character in "
                                        "the name at character 3");
  const std::string nul = std::string("nul") + '\0' + ":UTC";
  EXPECT_EQ(error_of(nul), "participant 1 \"" + nul +
                               "\": control character in the name at "
                               "character 4");
  // Printable hostile names are names like any other.
  for (const std::string name : {"<img src=x onerror=alert(1)>", "=HYPERLINK(\"x\")", "+1", "-1",
                                 "@x", "a|b", "\"quoted\" 'name'", "back\\slash"}) {
    const Parsed p = parse(name + ":Europe/Paris");
    ASSERT_TRUE(p.party) << name;
    EXPECT_EQ(p.party->part.name, name);
  }
}
