// The trip scheduler: dates and prices one traveller's round trip home -> stop 1 -> ... -> home
// for a given client order and departure date, on precomputed routes and the cost model (never
// on JSON). The rules are the model's assumptions, documented in docs/plan.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <date/tz.h>

#include "cost/trip_cost.hpp"
#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "network/network.hpp"
#include "network/routes.hpp"
#include "time/calendar.hpp"
#include "time/zones.hpp"

namespace flyorcall::optimize {

/// Local time of day a traveller leaves home on the departure date.
inline constexpr int kLeaveHomeMin = 7 * 60;
/// A stop's local arrival before this time lets the visit start the same day.
inline constexpr int kSameDayVisitBeforeMin = 12 * 60;
/// ... but only after a journey (door of the previous place to arrival) of at most this many
/// minutes: after a longer one, typically long-haul, the traveller rests a night first.
inline constexpr int kSameDayVisitMaxJourneyMin = 4 * 60;
/// A local arrival before this time of day needs a hotel room for the night of arrival too.
inline constexpr int kNightArrivalBeforeMin = 6 * 60;
/// Local time of day the traveller leaves a stop on its last visit day.
inline constexpr int kLeaveStopMin = 18 * 60;

/// The rule that blocks a round trip; `none` when it was scheduled.
enum class ScheduleFailure : std::uint8_t {
  none,
  unreachable,   ///< some route between consecutive stops does not exist
  no_visit_date, ///< no run of business days inside availability and horizon after arrival
  too_long,      ///< days away exceed the traveller's max_trip_days
  past_horizon,  ///< the traveller would come home after the horizon
  weekend_home,  ///< weekend rule "home" and a home weekend day falls inside the trip
  overlap,       ///< the trip overlaps another trip of the same traveller
};

/// Short name of a failure for messages, e.g. "max_trip_days".
[[nodiscard]] const char* failure_rule(ScheduleFailure f);

/// A dated, priced trip, or the rule that blocks it and why.
struct ScheduleResult {
  std::optional<Trip> trip;                        ///< set when scheduled
  ScheduleFailure failure = ScheduleFailure::none; ///< none when scheduled
  std::string why; ///< one clause naming the rule and its numbers; empty when scheduled
};

/// Where a round trip stands after its last stop, before the journey home: enough to continue
/// the same trip with one more stop (Scheduler::extend_unnamed).
struct TripProgress {
  Instant now{};        ///< leaving the last stop (UTC)
  int at = -1;          ///< network city of the last stop
  std::size_t legs = 0; ///< legs before the journey home
};

/// Zones, business calendars and per-traveller routes of one input; immutable after
/// construction, so one Scheduler may be shared by concurrent readers.
class Scheduler {
public:
  /// Resolves every city's zone, each client's and traveller's business calendar (weekend of the
  /// country + blackout/strike events at the city or country) and the best routes between each
  /// traveller's home and all client cities. `input` and `net` must outlive the scheduler.
  /// Throws InputError when a city needed by the input is unknown or its zone is not in the tz
  /// database.
  Scheduler(const Input& input, const network::Network& net);

  /// The round trip of traveller `traveller` (index into input.travellers) visiting the clients
  /// `stops` (indices into input.clients) in that order, leaving home on `depart`. Not priced
  /// against budgets or other trips; `why` names the first rule that fails (left empty when
  /// `explain` is false, which is faster).
  [[nodiscard]] ScheduleResult schedule(std::size_t traveller,
                                        const std::vector<std::size_t>& stops, Date depart,
                                        bool explain = true) const;

  /// schedule without the wording of a failure and without the trip's names (legs', stays' and
  /// visits' city codes and client ids stay empty), into `trip` and `places`, whose buffers are
  /// reused between calls: for pricing every departure date of a trip, where only its dates,
  /// costs and CO2 are read. Returns the failure; none when `trip` holds the scheduled trip.
  /// With `progress`, a scheduled trip also tells where it stood before the journey home.
  [[nodiscard]] ScheduleFailure schedule_unnamed(std::size_t traveller,
                                                 const std::vector<std::size_t>& stops, Date depart,
                                                 Trip& trip, cost::TripPlaces& places,
                                                 TripProgress* progress = nullptr) const;

  /// schedule_unnamed of the trip `prefix` (as schedule_unnamed scheduled it, with its `places`
  /// and `from` its progress) with client `stop` added as its last stop, on the same departure
  /// date: the same result as scheduling the longer trip from the start, without repeating the
  /// prefix's stops. The lists of `prefix` and `prefix_places` change hands (into `trip` and
  /// `places`, whose own buffers they receive): the prefix is consumed, which spares copying its
  /// legs, stays and visits.
  [[nodiscard]] ScheduleFailure extend_unnamed(std::size_t traveller, std::size_t stop,
                                               Trip& prefix, cost::TripPlaces& prefix_places,
                                               const TripProgress& from, Trip& trip,
                                               cost::TripPlaces& places,
                                               TripProgress* progress = nullptr) const;

  /// The cheapest feasible round trip over every departure date of the horizon that is not
  /// inside `busy` and does not overlap `busy` (ties: earliest). When none is feasible, the
  /// failure is the rule that rejected most departure dates.
  [[nodiscard]] ScheduleResult cheapest(std::size_t traveller,
                                        const std::vector<std::size_t>& stops,
                                        const std::vector<DateRange>& busy) const;

  /// Business days of a client's place (index into input.clients).
  [[nodiscard]] const timez::BusinessCalendar& client_calendar(std::size_t client) const;
  /// Business days at a traveller's home (index into input.travellers).
  [[nodiscard]] const timez::BusinessCalendar& traveller_calendar(std::size_t traveller) const;
  /// Network city index of a client's city.
  [[nodiscard]] int client_city(std::size_t client) const { return client_city_[client]; }
  /// Network city index of a traveller's home.
  [[nodiscard]] int home_city(std::size_t traveller) const { return home_city_[traveller]; }
  /// The tz-database zone of a network city index.
  [[nodiscard]] const date::time_zone* zone(int city) const;
  /// Caveats about the calendars: countries without holiday rules or with an incomplete
  /// holiday calendar for a year of the horizon (one note per country, in input order).
  [[nodiscard]] const std::vector<std::string>& notes() const { return notes_; }

private:
  struct TravellerRoutes {
    std::vector<int> cities;   // sorted network indices covered by `matrices`
    std::vector<int> position; // per network city: its index in `cities`, or -1
    network::TravelMatrices matrices;
  };
  [[nodiscard]] const network::Route* route(std::size_t traveller, int from, int to) const;
  // Schedules into `trip` (cleared first) and `places`; words a failure into `why` when given.
  [[nodiscard]] ScheduleFailure run(std::size_t traveller, const std::vector<std::size_t>& stops,
                                    Date depart, bool named, Trip& trip, cost::TripPlaces& places,
                                    std::string* why, TripProgress* progress) const;
  // The steps of run: the places' fields of a traveller; flying on to city `to`; one stop's
  // journey, visit and stay; the journey home, the trip's rules and its price.
  void start_places(std::size_t traveller, cost::TripPlaces& places) const;
  [[nodiscard]] bool fly(std::size_t traveller, int to, bool named, Trip& trip,
                         cost::TripPlaces& places, TripProgress& p) const;
  [[nodiscard]] ScheduleFailure visit_stop(std::size_t traveller, std::size_t stop, bool named,
                                           Trip& trip, cost::TripPlaces& places, TripProgress& p,
                                           std::string* why) const;
  [[nodiscard]] ScheduleFailure finish(std::size_t traveller, bool named, Trip& trip,
                                       cost::TripPlaces& places, TripProgress& p, std::string* why,
                                       TripProgress* progress) const;
  // The first business day of client `client` from `d` to the horizon's end.
  [[nodiscard]] std::optional<Date> next_business_day(std::size_t client, Date d) const;

  const Input* input_;
  const network::Network* net_;
  std::vector<const date::time_zone*> zones_; // by network city index, nullptr when not needed
  // By network city index: conversions over the horizon (a copy of zones_ when not needed).
  std::vector<timez::ZoneClock> clocks_;
  [[nodiscard]] const timez::ZoneClock& zone_clock(int city) const {
    return clocks_[static_cast<std::size_t>(city)];
  }
  std::vector<int> client_city_;
  std::vector<int> home_city_;
  std::vector<timez::BusinessCalendar> client_cal_;
  // Per client, per day of the horizon: days to its next business day inside the horizon, or -1.
  std::vector<std::vector<int>> next_business_;
  std::vector<timez::BusinessCalendar> traveller_cal_;
  std::vector<AllowanceTable> allowances_; // per traveller: the per-diem table of its days
  std::vector<TravellerRoutes> routes_;    // one per group of travellers with equal route params
  std::vector<std::size_t> route_group_;   // per traveller: index into routes_
  std::vector<std::string> notes_;
};

/// Whether any of the inclusive date ranges `busy` shares a day with first..last (inclusive).
[[nodiscard]] bool overlaps(const std::vector<DateRange>& busy, Date first, Date last);

/// Whether event `e` applies at `city` of `country`: its city is that city, or it names no city
/// and its country is that country.
[[nodiscard]] bool event_at(const Event& e, const std::string& city, const std::string& country);

/// A country's public holidays over a date range, as the scheduler's calendars use them.
struct PublicHolidays {
  std::vector<Date> closed;        ///< holidays and substitute days inside the range
  std::vector<Date> open;          ///< official working weekend days (make-up days) in the range
  std::optional<std::string> note; ///< set when the country has no rules or an incomplete year
};

/// The embedded public holidays of `country` (ISO code) inside `range` (years outside
/// 2000..2100 are skipped). A country without rules gets no dates and a note.
[[nodiscard]] PublicHolidays public_holidays(const std::string& country, DateRange range);

/// The weekdays a client does not work by its own working hours: none (0) when its
/// `working_hours` do not name weekdays (the one-range form leaves the week to the country).
[[nodiscard]] WeekdayMask client_days_off(const Client& client);

/// The days a visit to client `client` (index into input.clients) may use. When its working
/// hours name weekdays, those weekdays are its week (they replace the country's weekend, and
/// the country's make-up days do not apply); otherwise its city's country's weekend with
/// make-up days open. Public holidays of the country and blackout and strike events at the city
/// or country close days either way. `city` is the network index of the client's city; `note`
/// receives the holiday calendar's caveat, if any.
[[nodiscard]] timez::BusinessCalendar
client_business_calendar(const Input& input, const network::Network& net, std::size_t client,
                         int city, std::optional<std::string>* note = nullptr);

/// Business days of a network city over the input's horizon: the country's weekend, public
/// holidays (make-up days open), blackout and strike events; `note` as above.
[[nodiscard]] timez::BusinessCalendar
place_business_calendar(const Input& input, const network::Network& net, int city,
                        std::optional<std::string>* note = nullptr);

/// Closed dates of a place from the input's events: blackout and strike events at `city` or in
/// `country`, clipped to the horizon.
[[nodiscard]] std::vector<Date> closed_dates(const Input& input, const std::string& city,
                                             const std::string& country);

} // namespace flyorcall::optimize
