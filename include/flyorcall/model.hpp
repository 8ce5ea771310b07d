// The input model: plain data, no JSON and no graph. Filled by the reader in src/io (or by a
// library user directly) and checked semantically by validate_model().
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "flyorcall/units.hpp"

namespace flyorcall {

/// A calendar date (no time of day, no zone).
using Date = date::sys_days;

/// An inclusive range of calendar dates.
struct DateRange {
  Date first; ///< first day included
  Date last;  ///< last day included
  friend bool operator==(const DateRange&, const DateRange&) = default;
};

/// Days of the week as a bit set: bit i is weekday i in C encoding (0 = Sunday ... 6 = Saturday).
using WeekdayMask = std::uint8_t;
/// English three-letter weekday names in C encoding order (0 = "Sun").
inline constexpr std::array<std::string_view, 7> kWeekdayNames{"Sun", "Mon", "Tue", "Wed",
                                                               "Thu", "Fri", "Sat"};
/// The three-letter name of a weekday in C encoding (0 = Sunday; taken modulo 7).
[[nodiscard]] constexpr std::string_view weekday_name(int c_encoding) {
  return kWeekdayNames[static_cast<std::size_t>(((c_encoding % 7) + 7) % 7)];
}
/// Saturday and Sunday.
inline constexpr WeekdayMask kSatSun = (1u << 0) | (1u << 6);

/// One working interval of a day in local minutes after midnight; start == end means not working.
struct DayHours {
  int start_min = 0; ///< local minutes after midnight, 0..1440
  int end_min = 0;   ///< local minutes after midnight, start_min..1440
  /// True when this day has working time.
  [[nodiscard]] bool working() const { return end_min > start_min; }
};

/// Working hours of a person per weekday (index = C encoding, 0 = Sunday).
struct WorkingHours {
  std::array<DayHours, 7> days{};
  /// True when the text named the weekdays ("Sun-Thu 08:00-17:00"): a client is then visited
  /// only on those days. False for the one-range form ("09:00-17:30"), the default and "none",
  /// which leave the working week to the country's weekend (docs/input.md, Working hours).
  bool days_given = false;
  /// 09:00-17:30 Monday to Friday, the documented default.
  static WorkingHours office_default() {
    WorkingHours w;
    for (int d = 1; d <= 5; ++d) w.days[static_cast<std::size_t>(d)] = {9 * 60, 17 * 60 + 30};
    return w;
  }
};

/// Flight cabin classes, cheapest first.
enum class Cabin : std::uint8_t { economy = 0, premium = 1, business = 2, first = 3 };
/// Number of cabin classes.
inline constexpr std::size_t kCabinCount = 4;
/// Lower-case names of the cabins as used in JSON and on the command line, indexed by Cabin.
inline constexpr std::array<std::string_view, kCabinCount> kCabinNames{"economy", "premium",
                                                                       "business", "first"};
/// The lower-case name of a cabin ("economy", ...).
[[nodiscard]] constexpr std::string_view cabin_name(Cabin c) {
  return kCabinNames[static_cast<std::size_t>(c)];
}

/// Which cabin a traveller books on each leg.
struct CabinRule {
  Cabin base = Cabin::economy;          ///< cabin for legs up to the threshold
  Cabin upgraded = Cabin::business;     ///< cabin for legs whose block time exceeds the threshold
  std::optional<Minutes> upgrade_above; ///< no value: always `base`
  /// The cabin for a leg of the given block time.
  [[nodiscard]] Cabin for_block(Minutes block) const {
    return (upgrade_above && block > *upgrade_above) ? upgraded : base;
  }
};

/// A city of the network (default data or user-added).
struct City {
  std::string code;    ///< IATA metropolitan-area or airport code, 3 upper-case letters
  std::string name;    ///< English name
  std::string country; ///< ISO 3166-1 alpha-2
  std::string tz;      ///< IANA time-zone name
  double lat = 0;      ///< degrees north, WGS84
  double lon = 0;      ///< degrees east, WGS84
  std::string region;  ///< world region (see data/README.md)
  /// The city's own business-hotel night in the document currency; empty: the embedded lodging
  /// table's rate on the night's date (data/lodging.csv).
  std::optional<Money> hotel_night;
  /// The city's own per diem for a full day in the document currency (arrival and departure days
  /// too); empty: the traveller's allowance table (Policy::allowances).
  std::optional<Money> per_diem;
};

/// A country's calendar facts.
struct Country {
  std::string code;                   ///< ISO 3166-1 alpha-2
  std::string name;                   ///< English name
  WeekdayMask weekend = kSatSun;      ///< the country's weekend days
  std::optional<double> hotel_kg_co2; ///< kg CO2e per room-night, where a published factor exists
};

/// A flight leg given by the user (or listed in data): anything missing is modelled.
struct LegSpec {
  std::string from;                                     ///< city code
  std::string to;                                       ///< city code
  std::optional<Minutes> block;                         ///< gate-to-gate block time
  std::array<std::optional<Money>, kCabinCount> fare{}; ///< one-way fare per cabin
  bool both_ways = true; ///< the same leg exists in the other direction
  bool remove = false;   ///< remove this leg from the default network instead of adding it
};

/// A company's own fare for a city pair and cabin (network.fares or a --fares file): it replaces
/// the modelled fare of every journey between the two cities, in either direction.
struct FareSpec {
  std::string from; ///< city code
  std::string to;   ///< city code
  Cabin cabin = Cabin::economy;
  bool round_trip = false;        ///< the amount is a return fare (each direction pays half)
  double amount = 0;              ///< in `currency`
  std::string currency;           ///< ISO 4217; empty: the document currency
  std::optional<Date> valid_from; ///< first day it may be used; none: open
  std::optional<Date> valid_to;   ///< last day it may be used; none: open
  std::string where; ///< where it was given, for messages ("/network/fares/2", "fares.csv:3")
};

/// Network changes an input makes on top of the embedded default world network.
struct NetworkSpec {
  bool use_default = true;  ///< start from the embedded default world network
  std::vector<City> cities; ///< added cities, or overrides of default cities with the same code
  std::vector<Country> countries; ///< added or overridden countries
  std::vector<LegSpec> legs;      ///< added or overridden legs
  std::vector<FareSpec> fares;    ///< the company's own fares, over the modelled ones
};

/// Whether a traveller goes home over a weekend that falls inside a trip.
enum class WeekendRule : std::uint8_t { home, stay };

/// A person who travels.
struct Traveller {
  std::string id;
  std::string home; ///< city code
  WorkingHours hours = WorkingHours::office_default();
  Money cost_per_day;     ///< salary + overhead per working day
  int max_days_away = 30; ///< over the whole horizon
  int max_trip_days = 10; ///< door to door, including travel days
  WeekendRule weekend = WeekendRule::stay;
  CabinRule cabin;
};

/// A client that may be visited or kept remote.
struct Client {
  std::string id;
  std::string name;
  std::string city; ///< city code
  /// Value of an in-person visit this quarter; when absent it is derived from the fields below.
  std::optional<Money> visit_value;
  std::optional<Money> account_revenue;  ///< revenue of the account per quarter
  double in_person_uplift = 0.05;        ///< share of revenue a visit adds
  std::optional<int> months_since_visit; ///< raises the value (see docs/model.md)
  int remote_meetings = 6;               ///< remote meetings per quarter when not visited
  Minutes meeting_length{60};
  WorkingHours hours = WorkingHours::office_default(); ///< client's local working hours
  int attendees = 2;                   ///< client-side attendees of a remote meeting
  std::vector<DateRange> availability; ///< empty: the whole horizon
  bool must_visit = false;
  std::vector<std::string> travellers; ///< ids allowed to visit; empty: anyone
  int visit_days = 1;                  ///< business days on site
};

/// Kinds of dated, located context.
enum class EventKind : std::uint8_t { fair, strike, advisory, blackout, news };

/// Lower-case names of the event kinds as used in JSON, indexed by EventKind.
inline constexpr std::array<std::string_view, 5> kEventKindNames{"fair", "strike", "advisory",
                                                                 "blackout", "news"};
/// The lower-case name of an event kind ("fair", ...).
[[nodiscard]] constexpr std::string_view event_kind_name(EventKind k) {
  return kEventKindNames[static_cast<std::size_t>(k)];
}

/// Dated context at a city or in a country.
struct Event {
  EventKind kind = EventKind::news;
  std::string city;    ///< city code, or empty when `country` is given
  std::string country; ///< ISO country code, or empty when `city` is given
  DateRange dates;
  std::string title;
  std::string note;
  double value_uplift = 0; ///< fair: fraction added to the value of a visit during the event
};

/// Which per-diem table prices a traveller's days away (docs/model.md, "Per diem").
enum class AllowanceTable : std::uint8_t {
  home,         ///< by the traveller's home country: bmf for Germany, us-gsa-state elsewhere
  bmf,          ///< the German BMF table (for employers taxed in Germany)
  us_gsa_state, ///< US GSA (US cities) and State Department (abroad) M&IE
};
/// Names of the tables as used in JSON, indexed by AllowanceTable.
inline constexpr std::array<std::string_view, 3> kAllowanceTableNames{"home", "bmf",
                                                                      "us-gsa-state"};

/// A company's own per diem for a city, over every table.
struct CustomAllowance {
  std::string city;                 ///< city code
  Money per_diem;                   ///< a full day away
  std::optional<Money> partial_day; ///< an arrival or departure day; empty: per_diem
};

/// Planning policy: prices, budgets and model parameters.
struct Policy {
  Money carbon_price_per_tonne{0};   ///< internal carbon price per tonne CO2e
  bool radiative_forcing = true;     ///< DESNZ factors with RF uplift
  std::optional<Money> budget_money; ///< total cost over the horizon, cash and imputed
  /// Cash spend over the horizon: fares, hotel nights and per diem (not time, jet lag or carbon).
  std::optional<Money> budget_cash;
  std::optional<int> budget_days; ///< total days away over all travellers
  std::optional<GramsCo2> budget_co2;
  double remote_effectiveness = 0.4;   ///< fraction of a visit's value remote meetings deliver
  double offhours_weight_own = 1.0;    ///< extra weight of a traveller's off-hours minute
  double offhours_weight_client = 2.0; ///< extra weight of a client's off-hours minute
  /// An off-hours minute more than two hours from the working day counts this many times
  /// (docs/calls.md, "Scoring"): 21:00 weighs more than 08:00 or 19:00 for a 09:00-17:30 day.
  double offhours_far_factor = 2.0;
  /// An off-hours minute between 00:00 and 06:00 local counts this many times: nobody is asked
  /// to call at night when another slot exists.
  double offhours_night_factor = 6.0;
  Money client_hour_cost = money_from_units(80);    ///< value of one client attendee hour
  double jetlag_west_hours_per_day = 1.5;           ///< body-clock shift per day after flying west
  double jetlag_east_hours_per_day = 1.0;           ///< body-clock shift per day after flying east
  double jetlag_productivity_loss = 0.25;           ///< share of a day lost while not yet adapted
  Minutes min_connection{60};                       ///< minimum connection time between legs
  Money connection_penalty = money_from_units(50);  ///< generalised cost of one connection
  int visit_replaces_meetings = 1;                  ///< remote meetings a visit makes unnecessary
  AllowanceTable allowances = AllowanceTable::home; ///< per-diem table of every traveller
  std::vector<CustomAllowance> custom_allowances;   ///< per-city per diems over the table
  /// How much counted work the search does, 1 to 5 (docs/optimizer.md, "Effort"): each level
  /// up is about three times the work, two levels ten times; the plan depends on it, never on
  /// the machine's speed.
  int effort = 3;
};

/// The whole input document.
struct Input {
  std::string label;            ///< "2027-Q1" or "2027-01-04..2027-03-31"
  DateRange horizon;            ///< first and last planning day
  std::string currency = "EUR"; ///< ISO 4217; all money in the model is in this currency
  std::uint64_t seed = 1;
  /// Safety cap on planning time: a plan it cuts short says so in its notes (the counted work of
  /// policy.effort, not this, decides where the search ends).
  double time_limit_s = 60.0;
  NetworkSpec network;
  std::vector<Traveller> travellers;
  std::vector<Client> clients;
  std::vector<Event> events;
  Policy policy;
};

} // namespace flyorcall
