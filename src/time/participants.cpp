#include "time/participants.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <variant>

#include "model/suggest.hpp"
#include "model/utf8.hpp"
#include "network/places.hpp"
#include "network/world_data.hpp"
#include "time/holidays.hpp"
#include "time/working_hours.hpp"
#include "time/zones.hpp"

namespace flyorcall::timez {
namespace {

std::string quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  out += s;
  out += '"';
  return out;
}

} // namespace

std::string zone_hint(std::string_view given_text) {
  const std::string given(given_text);
  std::vector<std::string> zones;
  for (const auto& z : date::get_tzdb().zones)
    if (is_zone_name(z.name())) zones.push_back(std::string(z.name()));
  std::string hint = did_you_mean(given, zones);
  if (!hint.empty()) return hint;
  auto place = given.substr(given.rfind('/') + 1);
  std::replace(place.begin(), place.end(), '_', ' ');
  std::vector<std::string> names;
  std::vector<std::string> tzs;
  for (const auto& c : network::default_world().cities) {
    names.push_back(c.name);
    tzs.push_back(c.tz);
    names.push_back(c.name.substr(0, c.name.find(' ')));
    tzs.push_back(c.tz);
  }
  if (const auto i = closest_match_index(place, names))
    return " (did you mean " + quote(tzs[*i]) + "?)";
  return "";
}

std::optional<ParsedParticipant> parse_participant(std::string_view text_view, std::size_t index,
                                                   DateRange range,
                                                   std::vector<Problem>& problems) {
  const std::string text(text_view);
  const auto at = [](std::size_t pos) { return " at character " + std::to_string(pos + 1); };
  // Checked first: the messages below quote the text, and every message must be valid UTF-8.
  if (const auto bad = first_invalid_utf8(text); bad != std::string::npos) {
    problems.push_back(
        {"", "participant " + std::to_string(index + 1) + ": not valid UTF-8" + at(bad)});
    return std::nullopt;
  }
  const std::string where = "participant " + std::to_string(index + 1) + " " + quote(text) + ": ";
  const auto fail = [&](const std::string& what) {
    problems.push_back({"", where + what});
    return std::nullopt;
  };
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos)
    return fail(
        "expected NAME:ZONE[#CC][@HOURS][*WEIGHT], e.g. \"client:Asia/Tokyo@09:00-18:00*3\"");
  if (colon == 0) return fail("empty name" + at(0));
  // A name is printed in tables and terminals: no line breaks, tabs or terminal controls.
  if (const auto ctl = first_control(text.substr(0, colon)); ctl != std::string::npos)
    return fail("control character in the name" + at(ctl));
  const std::size_t star = text.find('*', colon);
  const std::size_t at_sign = text.find('@', colon);
  const std::size_t end_hours = star == std::string::npos ? text.size() : star;
  if (at_sign != std::string::npos && at_sign > end_hours)
    return fail("\"@HOURS\" must come before \"*WEIGHT\"" + at(at_sign));
  const std::size_t end_zone = std::min({at_sign, star, text.size()});
  const std::size_t hash = text.find('#', colon);
  const bool has_country = hash != std::string::npos && hash < end_zone;
  const std::size_t zone_end = has_country ? hash : end_zone;

  ParsedParticipant party;
  party.part.name = text.substr(0, colon);
  const std::string zone = text.substr(colon + 1, zone_end - colon - 1);
  if (zone.empty()) return fail("expected a time zone such as \"Europe/Berlin\"" + at(colon + 1));
  // A city instead of a zone ("mike:CHI", "wei:Singapore"): its zone and its country's calendar.
  // A word without '/' is a place first: "Singapore" is the city, not the tz database's old
  // alias of the same name; "UTC" names no place and stays a zone.
  const City* city = nullptr;
  if (zone.find('/') == std::string::npos) {
    if (const auto match = network::default_places().resolve(zone); match.city) {
      for (const auto& c : network::default_world().cities)
        if (c.code == *match.city) city = &c;
      party.part.zone = find_zone(city->tz);
    } else if ((party.part.zone = find_zone(zone)) == nullptr) {
      return fail("unknown time zone or city " + quote(zone) + at(colon + 1) + ": " + match.error +
                  ", or an IANA time zone such as \"Europe/Berlin\"");
    }
  } else if ((party.part.zone = find_zone(zone)) == nullptr) {
    return fail("unknown time zone " + quote(zone) + at(colon + 1) + zone_hint(zone));
  }
  party.info.zone = std::string(party.part.zone->name());

  // Working hours: the working-hours syntax, its positions moved to the participant's text.
  if (at_sign != std::string::npos) {
    const std::string hours = text.substr(at_sign + 1, end_hours - at_sign - 1);
    auto parsed = parse_working_hours(hours);
    if (auto* err = std::get_if<std::string>(&parsed)) {
      // " at character N" counts inside the hours; shift N to the participant's text.
      std::string msg = *err;
      static constexpr std::string_view kAt = " at character ";
      if (const auto p = msg.find(kAt); p != std::string::npos) {
        const auto digits = p + kAt.size();
        auto end = digits;
        while (end < msg.size() && std::isdigit(static_cast<unsigned char>(msg[end]))) ++end;
        if (end > digits && end - digits < 10) {
          const auto shifted = std::stoul(msg.substr(digits, end - digits)) + at_sign + 1;
          msg = msg.substr(0, digits) + std::to_string(shifted) + msg.substr(end);
        }
      }
      return fail("working hours " + quote(hours) + ": " + msg);
    }
    party.part.hours = std::get<WorkingHours>(parsed);
  } else {
    party.part.hours = WorkingHours::office_default();
  }
  party.info.hours = format_working_hours(party.part.hours);

  if (star != std::string::npos) {
    const std::string w = text.substr(star + 1);
    double weight = 0;
    const auto [ptr, ec] = std::from_chars(w.data(), w.data() + w.size(), weight);
    if (w.empty() || ec != std::errc{} || ptr != w.data() + w.size() || !std::isfinite(weight) ||
        weight <= 0 || weight > kMaxParticipantWeight)
      return fail("weight " + quote(w) + at(star + 1) + ": expected a number above 0 and at most " +
                  std::to_string(static_cast<int>(kMaxParticipantWeight)));
    party.part.weight = weight;
  }

  // The calendar: the given country, else the country of a city in this zone, else Sat-Sun.
  const auto& world = network::default_world();
  std::string country;
  if (has_country) {
    std::string code = text.substr(hash + 1, end_zone - hash - 1);
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::vector<std::string> codes;
    std::vector<std::string> names;
    for (const auto& c : world.countries) {
      codes.push_back(c.code);
      names.push_back(c.name);
    }
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
      // Only a country's name is offered its code: a code's near spellings are other countries.
      const std::string given = text.substr(hash + 1, end_zone - hash - 1);
      return fail("unknown country " + quote(given) + at(hash + 1) +
                  did_you_mean_code_of(given, names, codes) +
                  "; expected an ISO 3166 code such as DE");
    }
    country = code;
  } else if (city != nullptr) {
    country = city->country;
    party.info.notes.push_back("zone " + party.info.zone + " and country " + country +
                               " from city " + city->code + " (" + city->name +
                               "); give #CC to choose another");
  } else {
    // The city the zone is named after (Asia/Tokyo: Tokyo), else the first city in the zone.
    std::string place = party.info.zone.substr(party.info.zone.rfind('/') + 1);
    std::replace(place.begin(), place.end(), '_', ' ');
    const City* from = nullptr;
    for (const auto& c : world.cities) {
      if (c.tz != party.info.zone) continue;
      if (from == nullptr || c.name == place) from = &c;
      if (c.name == place) break;
    }
    if (from != nullptr) {
      country = from->country;
      party.info.notes.push_back("country " + country + " from the zone (city " + from->name +
                                 "); give #CC to choose another");
    }
  }
  // Dates a participant can have on the anchor's range reach two days either side.
  const DateRange wide{range.first - date::days{3}, range.last + date::days{3}};
  if (country.empty()) {
    party.part.calendar = BusinessCalendar(kSatSun, {});
    party.info.notes.push_back("no country known for zone " + party.info.zone +
                               ": weekend Sat-Sun, no public holidays (give #CC)");
    return party;
  }
  party.info.country = country;
  const auto cal = country_calendar(country, wide);
  if (!cal) {
    WeekdayMask weekend = kSatSun;
    for (const auto& c : world.countries)
      if (c.code == country) weekend = c.weekend;
    party.part.calendar = BusinessCalendar(weekend, {});
    party.info.notes.push_back("no public-holiday rules for " + country + ": weekend only");
    return party;
  }
  party.part.calendar = cal->calendar;
  party.info.holidays = true;
  party.info.complete = cal->complete;
  if (!cal->complete) party.info.notes.push_back("incomplete holiday list: " + cal->note);
  return party;
}

} // namespace flyorcall::timez
