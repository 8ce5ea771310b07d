#include "optimize/schedule.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "cost/trip_cost.hpp"
#include "flyorcall/errors.hpp"
#include "time/holidays.hpp"
#include "time/zones.hpp"

namespace flyorcall::optimize {

namespace {

using std::chrono::hours;
using std::chrono::minutes;

date::local_days as_local(Date d) {
  return date::local_days{d.time_since_epoch()};
}
Date as_date(date::local_days d) {
  return Date{d.time_since_epoch()};
}

bool within(Date d, const DateRange& r) {
  return r.first <= d && d <= r.last;
}

std::string fmt_date(Date d) {
  return date::format("%F", d);
}

// Empties `trip` like Trip{}, keeping the buffers of its lists; its legs, stays and visits are
// left to the caller when `lists` is false.
void reset_trip(Trip& trip, bool lists = true) {
  trip.id.clear();
  trip.traveller_id.clear();
  trip.depart = Date{};
  trip.back = Date{};
  trip.days_away = 0;
  if (lists) {
    trip.legs.clear();
    trip.stays.clear();
    trip.visits.clear();
  }
  trip.briefings.clear();
  trip.cost = CostBreakdown{};
  trip.co2_flights = GramsCo2{};
  trip.co2_hotel = GramsCo2{};
}

ScheduleResult failed(ScheduleFailure f, std::string why) {
  ScheduleResult r;
  r.failure = f;
  r.why = std::move(why);
  return r;
}

// Availability windows are inclusive; a visit must fit entirely inside one of them so that a
// client who is away between two windows is never visited across the gap.
bool inside_availability(const Client& c, Date first, Date last) {
  if (c.availability.empty()) return true;
  return std::any_of(c.availability.begin(), c.availability.end(),
                     [&](const DateRange& w) { return w.first <= first && last <= w.last; });
}

} // namespace

const char* failure_rule(ScheduleFailure f) {
  switch (f) {
  case ScheduleFailure::none:
    return "none";
  case ScheduleFailure::unreachable:
    return "route";
  case ScheduleFailure::no_visit_date:
    return "business days and availability";
  case ScheduleFailure::too_long:
    return "max_trip_days";
  case ScheduleFailure::past_horizon:
    return "horizon";
  case ScheduleFailure::weekend_home:
    return "weekend rule home";
  case ScheduleFailure::overlap:
    return "non-overlapping trips";
  }
  return "unknown";
}

bool overlaps(const std::vector<DateRange>& busy, Date first, Date last) {
  return std::any_of(busy.begin(), busy.end(),
                     [&](const DateRange& b) { return first <= b.last && b.first <= last; });
}

bool event_at(const Event& e, const std::string& city, const std::string& country) {
  return (!e.city.empty() && e.city == city) ||
         (e.city.empty() && !e.country.empty() && e.country == country);
}

std::vector<Date> closed_dates(const Input& input, const std::string& city,
                               const std::string& country) {
  std::vector<Date> out;
  for (const Event& e : input.events) {
    if (e.kind != EventKind::blackout && e.kind != EventKind::strike) continue;
    if (!event_at(e, city, country)) continue;
    const Date from = std::max(e.dates.first, input.horizon.first);
    const Date to = std::min(e.dates.last, input.horizon.last);
    for (Date d = from; d <= to; d += date::days{1}) out.push_back(d);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

PublicHolidays public_holidays(const std::string& country, DateRange range) {
  PublicHolidays out;
  const auto year_of = [](Date d) { return static_cast<int>(date::year_month_day{d}.year()); };
  const int first = std::max(year_of(range.first), timez::kFirstHolidayYear);
  const int last = std::min(year_of(range.last), timez::kLastHolidayYear);
  std::string incomplete;
  for (int y = first; y <= last; ++y) {
    const auto year = timez::holidays_in_year(country, y);
    if (!year) {
      out.note = "no public-holiday rules for country " + country +
                 ": only its weekend and the input's blackout and strike events close days";
      return out;
    }
    if (!year->complete && incomplete.empty())
      incomplete = "the public-holiday calendar of " + country + " is incomplete for " +
                   std::to_string(y) + " (" + year->note + ")";
    for (const timez::Holiday& d : year->holidays)
      if (within(d.date, range)) out.closed.push_back(d.date);
    for (const Date d : year->workdays)
      if (within(d, range)) out.open.push_back(d);
  }
  if (!incomplete.empty()) out.note = incomplete;
  return out;
}

WeekdayMask client_days_off(const Client& client) {
  if (!client.hours.days_given) return 0;
  WeekdayMask off = 0;
  for (unsigned d = 0; d < 7; ++d)
    if (!client.hours.days[d].working()) off = static_cast<WeekdayMask>(off | (1u << d));
  return off;
}

namespace {

// `own_week`: the weekdays off of a person's own week, which replace the country's weekend.
timez::BusinessCalendar calendar_at(const Input& input, const network::Network& net, int city,
                                    std::optional<WeekdayMask> own_week,
                                    std::optional<std::string>* note) {
  if (city < 0) return timez::BusinessCalendar(own_week.value_or(kSatSun), {});
  const Country* country = net.country_of(city);
  const City& c = net.city(city);
  PublicHolidays h = public_holidays(c.country, input.horizon);
  if (note != nullptr) *note = h.note;
  std::vector<Date> closed = closed_dates(input, c.code, c.country);
  closed.insert(closed.end(), h.closed.begin(), h.closed.end());
  // A person's own week replaces the country's weekend; make-up days only open the country's
  // weekend days, so they do not apply to it.
  if (own_week) return timez::BusinessCalendar(*own_week, std::move(closed));
  return timez::BusinessCalendar(country ? country->weekend : kSatSun, std::move(closed),
                                 std::move(h.open));
}

} // namespace

timez::BusinessCalendar client_business_calendar(const Input& input, const network::Network& net,
                                                 std::size_t client, int city,
                                                 std::optional<std::string>* note) {
  const Client& c = input.clients[client];
  return calendar_at(input, net, city,
                     c.hours.days_given ? std::optional(client_days_off(c)) : std::nullopt, note);
}

timez::BusinessCalendar place_business_calendar(const Input& input, const network::Network& net,
                                                int city, std::optional<std::string>* note) {
  return calendar_at(input, net, city, std::nullopt, note);
}

Scheduler::Scheduler(const Input& input, const network::Network& net) : input_(&input), net_(&net) {
  const auto& cities = net.cities();
  zones_.reserve(cities.size());
  for (const City& c : cities) zones_.push_back(timez::find_zone(c.tz));
  // Trips run from the horizon's first day to its last (a schedule that runs past it is
  // rejected); the clocks cover a margin either side and fall back to the tz database outside.
  const date::sys_seconds span_from{(input.horizon.first - date::days{2}).time_since_epoch()};
  const date::sys_seconds span_to{(input.horizon.last + date::days{40}).time_since_epoch()};
  clocks_.reserve(cities.size());
  for (const date::time_zone* z : zones_)
    clocks_.emplace_back(z != nullptr ? z : date::locate_zone("Etc/UTC"), span_from, span_to);

  std::vector<Problem> problems;
  auto place = [&](const std::string& code, const std::string& pointer) -> int {
    const auto idx = net.find(code);
    if (!idx) {
      problems.push_back({pointer, "unknown city \"" + code + "\""});
      return -1;
    }
    if (zones_[static_cast<std::size_t>(*idx)] == nullptr) {
      problems.push_back({pointer, "the time zone \"" + net.city(*idx).tz + "\" of city " + code +
                                       " is not in the tz database"});
      return -1;
    }
    return *idx;
  };
  std::set<std::string> noted; // countries whose calendar caveat is already in notes_
  auto add_note = [&](int city, const std::optional<std::string>& note) {
    if (note && noted.insert(net.city(city).country).second) notes_.push_back(*note);
  };
  for (std::size_t i = 0; i < input.clients.size(); ++i) {
    const int city = place(input.clients[i].city, "/clients/" + std::to_string(i) + "/city");
    client_city_.push_back(city);
    std::optional<std::string> note;
    client_cal_.push_back(client_business_calendar(input, net, i, city, &note));
    if (city >= 0) add_note(city, note);
  }
  for (std::size_t i = 0; i < input.travellers.size(); ++i) {
    const int city = place(input.travellers[i].home, "/travellers/" + std::to_string(i) + "/home");
    home_city_.push_back(city);
    std::optional<std::string> note;
    traveller_cal_.push_back(place_business_calendar(input, net, city, &note));
    allowances_.push_back(cost::allowance_table(input.travellers[i], input.policy, net));
    if (city >= 0) add_note(city, note);
  }
  if (!problems.empty()) throw InputError(std::move(problems));

  // One Dijkstra per source city per group of travellers who price routes alike (same cabin rule
  // and hourly value), done once: the date search then only reads. A group's matrices cover
  // every client city and the homes of its travellers.
  std::vector<int> stops(client_city_.begin(), client_city_.end());
  using GroupKey = std::tuple<int, int, long long, std::int64_t>;
  std::map<GroupKey, std::size_t> group_of;
  std::vector<network::RouteParams> group_params;
  std::vector<std::vector<int>> group_cities;
  for (std::size_t t = 0; t < input.travellers.size(); ++t) {
    const Traveller& tr = input.travellers[t];
    network::RouteParams params;
    params.cabin = tr.cabin;
    params.time_value_per_hour = cost::time_value_per_hour(tr);
    params.connection_penalty = input.policy.connection_penalty;
    params.min_connection = input.policy.min_connection;
    params.carbon_price_per_tonne = input.policy.carbon_price_per_tonne;
    params.radiative_forcing = input.policy.radiative_forcing;
    const GroupKey key{static_cast<int>(tr.cabin.base), static_cast<int>(tr.cabin.upgraded),
                       tr.cabin.upgrade_above ? tr.cabin.upgrade_above->count() : -1,
                       params.time_value_per_hour.count()};
    const auto [it, added] = group_of.emplace(key, group_params.size());
    if (added) {
      group_params.push_back(params);
      group_cities.push_back(stops);
    }
    group_cities[it->second].push_back(home_city_[t]);
    route_group_.push_back(it->second);
  }
  for (std::size_t g = 0; g < group_params.size(); ++g) {
    TravellerRoutes tr_routes;
    tr_routes.cities = std::move(group_cities[g]);
    std::sort(tr_routes.cities.begin(), tr_routes.cities.end());
    tr_routes.cities.erase(std::unique(tr_routes.cities.begin(), tr_routes.cities.end()),
                           tr_routes.cities.end());
    const network::RouteFinder finder(net, group_params[g]);
    tr_routes.matrices = finder.matrices(tr_routes.cities);
    tr_routes.position.assign(cities.size(), -1);
    for (std::size_t k = 0; k < tr_routes.cities.size(); ++k)
      tr_routes.position[static_cast<std::size_t>(tr_routes.cities[k])] = static_cast<int>(k);
    routes_.push_back(std::move(tr_routes));
  }

  // Business days are asked for every departure date of every trip: each client's are looked up
  // once over the horizon.
  const auto horizon_days =
      static_cast<std::size_t>((input.horizon.last - input.horizon.first).count() + 1);
  next_business_.reserve(client_cal_.size());
  for (const timez::BusinessCalendar& cal : client_cal_) {
    std::vector<int> next(horizon_days, -1);
    int ahead = -1;
    for (std::size_t k = horizon_days; k-- > 0;) {
      if (cal.is_business_day(input.horizon.first + date::days{static_cast<int>(k)}))
        ahead = 0;
      else if (ahead >= 0)
        ++ahead;
      next[k] = ahead;
    }
    next_business_.push_back(std::move(next));
  }
}

std::optional<Date> Scheduler::next_business_day(std::size_t client, Date d) const {
  const DateRange h = input_->horizon;
  if (d > h.last) return std::nullopt;
  if (d < h.first) return client_cal_[client].next_business_day(d, h.last);
  const int ahead = next_business_[client][static_cast<std::size_t>((d - h.first).count())];
  if (ahead < 0) return std::nullopt;
  return d + date::days{ahead};
}

const timez::BusinessCalendar& Scheduler::client_calendar(std::size_t client) const {
  return client_cal_[client];
}

const timez::BusinessCalendar& Scheduler::traveller_calendar(std::size_t traveller) const {
  return traveller_cal_[traveller];
}

const date::time_zone* Scheduler::zone(int city) const {
  return zones_[static_cast<std::size_t>(city)];
}

const network::Route* Scheduler::route(std::size_t traveller, int from, int to) const {
  const TravellerRoutes& r = routes_[route_group_[traveller]];
  const int i = r.position[static_cast<std::size_t>(from)];
  const int j = r.position[static_cast<std::size_t>(to)];
  if (i < 0 || j < 0) return nullptr;
  return &r.matrices.route(i, j);
}

ScheduleResult Scheduler::schedule(std::size_t traveller, const std::vector<std::size_t>& stops,
                                   Date depart, bool explain) const {
  Trip trip;
  cost::TripPlaces places;
  std::string why;
  const ScheduleFailure f =
      run(traveller, stops, depart, true, trip, places, explain ? &why : nullptr, nullptr);
  if (f != ScheduleFailure::none) return failed(f, std::move(why));
  ScheduleResult ok;
  ok.trip = std::move(trip);
  return ok;
}

ScheduleFailure Scheduler::schedule_unnamed(std::size_t traveller,
                                            const std::vector<std::size_t>& stops, Date depart,
                                            Trip& trip, cost::TripPlaces& places,
                                            TripProgress* progress) const {
  return run(traveller, stops, depart, false, trip, places, nullptr, progress);
}

ScheduleFailure Scheduler::run(std::size_t traveller, const std::vector<std::size_t>& stops,
                               Date depart, bool named, Trip& trip, cost::TripPlaces& places,
                               std::string* why, TripProgress* progress) const {
  const Input& in = *input_;
  const Traveller& tr = in.travellers[traveller];
  const int home = home_city_[traveller];

  // `trip` and `places` may hold an earlier trip: reset, keeping the buffers of its lists.
  reset_trip(trip);
  if (named) trip.traveller_id = tr.id;
  trip.depart = depart;
  start_places(traveller, places);
  trip.visits.reserve(stops.size());
  trip.stays.reserve(stops.size());
  trip.legs.reserve(2 * (stops.size() + 1)); // most journeys take one or two legs

  TripProgress p;
  p.now = zone_clock(home).to_utc(as_local(depart) + minutes(kLeaveHomeMin));
  p.at = home;
  for (const std::size_t stop : stops)
    if (const ScheduleFailure f = visit_stop(traveller, stop, named, trip, places, p, why);
        f != ScheduleFailure::none)
      return f;
  return finish(traveller, named, trip, places, p, why, progress);
}

ScheduleFailure Scheduler::extend_unnamed(std::size_t traveller, std::size_t stop, Trip& prefix,
                                          cost::TripPlaces& prefix_places, const TripProgress& from,
                                          Trip& trip, cost::TripPlaces& places,
                                          TripProgress* progress) const {
  reset_trip(trip, false);
  trip.depart = prefix.depart;
  // The prefix's lists change hands (no copy of its legs' names), less its journey home.
  trip.legs.swap(prefix.legs);
  trip.legs.resize(from.legs);
  trip.stays.swap(prefix.stays);
  trip.visits.swap(prefix.visits);
  start_places(traveller, places);
  places.leg_to.swap(prefix_places.leg_to);
  places.leg_to.resize(from.legs);
  places.stay_city.swap(prefix_places.stay_city);
  TripProgress p = from;
  if (const ScheduleFailure f = visit_stop(traveller, stop, false, trip, places, p, nullptr);
      f != ScheduleFailure::none)
    return f;
  return finish(traveller, false, trip, places, p, nullptr, progress);
}

void Scheduler::start_places(std::size_t traveller, cost::TripPlaces& places) const {
  places.home = home_city_[traveller];
  places.zones = &zones_;
  places.clocks = &clocks_;
  places.allowances = allowances_[traveller];
  places.leg_to.clear();
  places.stay_city.clear();
}

// Legs of a route follow each other after the minimum connection; there are no overnight
// layovers in this model.
bool Scheduler::fly(std::size_t traveller, int to, bool named, Trip& trip, cost::TripPlaces& places,
                    TripProgress& p) const {
  if (to == p.at) return true;
  const network::Route* r = route(traveller, p.at, to);
  if (r == nullptr || !r->reachable || r->legs.empty()) return false;
  const network::Network& net = *net_;
  bool first = true;
  for (const network::RouteLeg& leg : r->legs) {
    if (!first) p.now += minutes(input_->policy.min_connection.count());
    first = false;
    PlannedLeg& pl = trip.legs.emplace_back();
    if (named) {
      pl.from = net.city(leg.from).code;
      pl.to = net.city(leg.to).code;
    }
    pl.depart = p.now;
    pl.arrive = p.now + minutes(leg.block.count());
    pl.block = leg.block;
    pl.km = leg.km;
    pl.cabin = leg.cabin;
    pl.fare = leg.fare;
    pl.co2 = leg.co2;
    p.now = pl.arrive;
    places.leg_to.push_back(leg.to);
  }
  p.at = to;
  return true;
}

ScheduleFailure Scheduler::visit_stop(std::size_t traveller, std::size_t stop, bool named,
                                      Trip& trip, cost::TripPlaces& places, TripProgress& p,
                                      std::string* why) const {
  const Input& in = *input_;
  const network::Network& net = *net_;
  const Traveller& tr = in.travellers[traveller];
  const bool explain = why != nullptr;
  auto fail = [&](ScheduleFailure f, std::string text) {
    if (why != nullptr) *why = std::move(text);
    return f;
  };
  const Client& client = in.clients[stop];
  const int city = client_city_[stop];
  const Instant journey_start = p.now;
  if (!fly(traveller, city, named, trip, places, p))
    return fail(ScheduleFailure::unreachable,
                !explain ? std::string()
                         : "no route from " + net.city(p.at).code + " to " + net.city(city).code);

  const date::local_seconds arrival = zone_clock(city).to_local(p.now);
  const date::local_days arrival_day = date::floor<date::days>(arrival);
  Date earliest = as_date(arrival_day);
  if (arrival - arrival_day >= minutes(kSameDayVisitBeforeMin) ||
      p.now - journey_start > minutes(kSameDayVisitMaxJourneyMin))
    earliest += date::days{1};

  // The visit starts on the first business day from `earliest` on which `visit_days`
  // consecutive business days fit inside one availability window and the horizon.
  const Date limit = in.horizon.last;
  std::optional<std::pair<Date, Date>> visit;
  for (Date s = std::max(earliest, in.horizon.first); s <= limit && !visit;) {
    const auto first = next_business_day(stop, s);
    if (!first) break;
    Date last = *first;
    bool complete = true;
    for (int k = 1; k < client.visit_days; ++k) {
      const auto next = next_business_day(stop, last + date::days{1});
      if (!next) {
        complete = false;
        break;
      }
      last = *next;
    }
    if (!complete) break;
    if (inside_availability(client, *first, last)) visit = std::make_pair(*first, last);
    s = *first + date::days{1};
  }
  if (!visit)
    return fail(ScheduleFailure::no_visit_date,
                !explain ? std::string()
                         : "client " + client.id + " has no " +
                               (client.visit_days == 1 ? std::string("business day")
                                                       : std::to_string(client.visit_days) +
                                                             " consecutive business days") +
                               " inside its availability and the horizon from " +
                               fmt_date(earliest) + " on");

  // Built in place: a Visit or Stay moved into the list would move its (empty) names too.
  Visit& v = trip.visits.emplace_back();
  if (named) {
    v.client_id = client.id;
    v.city = net.city(city).code;
  }
  v.date = visit->first;
  v.days = client.visit_days;

  Stay& st = trip.stays.emplace_back();
  if (named) st.city = net.city(city).code;
  st.arrive = as_date(arrival_day);
  st.depart = visit->second;
  // Nights at home are spent at home, not in a hotel.
  // A night arrival (e.g. 02:00) needs the room from the night before the arrival date.
  const bool night_arrival = arrival - arrival_day < minutes(kNightArrivalBeforeMin);
  st.hotel_nights = city == places.home ? 0
                                        : static_cast<int>((st.depart - st.arrive).count()) +
                                              (night_arrival ? 1 : 0);
  places.stay_city.push_back(city);

  p.now = zone_clock(city).to_utc(as_local(visit->second) + minutes(kLeaveStopMin));
  // Already longer than the trip may last once this stop is done: no need to go on (the
  // journey home only adds days).
  if (const int so_far = static_cast<int>((visit->second - trip.depart).count()) + 1;
      so_far > tr.max_trip_days)
    return fail(ScheduleFailure::too_long,
                !explain ? std::string()
                         : "the trip would last at least " + std::to_string(so_far) +
                               " days, more than max_trip_days " +
                               std::to_string(tr.max_trip_days) + " of " + tr.id);
  return ScheduleFailure::none;
}

ScheduleFailure Scheduler::finish(std::size_t traveller, bool named, Trip& trip,
                                  cost::TripPlaces& places, TripProgress& p, std::string* why,
                                  TripProgress* progress) const {
  const Input& in = *input_;
  const network::Network& net = *net_;
  const Traveller& tr = in.travellers[traveller];
  const int home = home_city_[traveller];
  const bool explain = why != nullptr;
  auto fail = [&](ScheduleFailure f, std::string text) {
    if (why != nullptr) *why = std::move(text);
    return f;
  };
  if (progress != nullptr) {
    *progress = p;
    progress->legs = trip.legs.size();
  }
  if (!fly(traveller, home, named, trip, places, p))
    return fail(ScheduleFailure::unreachable,
                !explain ? std::string()
                         : "no route from " + net.city(p.at).code + " to " + net.city(home).code);

  trip.back = as_date(date::floor<date::days>(zone_clock(home).to_local(p.now)));
  trip.days_away = static_cast<int>((trip.back - trip.depart).count()) + 1;

  if (trip.days_away > tr.max_trip_days)
    return fail(ScheduleFailure::too_long,
                !explain ? std::string()
                         : "the trip would last " + std::to_string(trip.days_away) +
                               " days, more than max_trip_days " +
                               std::to_string(tr.max_trip_days) + " of " + tr.id);
  if (trip.back > in.horizon.last)
    return fail(ScheduleFailure::past_horizon,
                !explain ? std::string()
                         : "the trip would end on " + fmt_date(trip.back) +
                               ", after the horizon ends on " + fmt_date(in.horizon.last));
  if (tr.weekend == WeekendRule::home) {
    const WeekdayMask weekend = traveller_cal_[traveller].weekend();
    for (Date d = trip.depart + date::days{1}; d < trip.back; d += date::days{1}) {
      if (timez::in_mask(weekend, date::weekday{d}))
        return fail(ScheduleFailure::weekend_home,
                    !explain ? std::string()
                             : "the trip would keep " + tr.id + " away over the weekend day " +
                                   fmt_date(d) + " (weekend rule \"home\")");
    }
  }

  cost::price_trip(trip, net, tr, in.policy, places);
  return ScheduleFailure::none;
}

ScheduleResult Scheduler::cheapest(std::size_t traveller, const std::vector<std::size_t>& stops,
                                   const std::vector<DateRange>& busy) const {
  const DateRange h = input_->horizon;
  constexpr std::size_t kinds = static_cast<std::size_t>(ScheduleFailure::overlap) + 1;
  std::array<int, kinds> count{};
  std::array<std::string, kinds> example;
  int tried = 0;
  ScheduleResult best;
  for (Date d = h.first; d <= h.last; d += date::days{1}) {
    if (std::any_of(busy.begin(), busy.end(), [&](const DateRange& b) { return within(d, b); }))
      continue;
    ++tried;
    // Without the wording first (much faster); a failure is worded once, for its example.
    ScheduleResult r = schedule(traveller, stops, d, false);
    if (!r.trip && count[static_cast<std::size_t>(r.failure)] == 0)
      r = schedule(traveller, stops, d);
    if (r.trip && overlaps(busy, r.trip->depart, r.trip->back)) {
      r = failed(ScheduleFailure::overlap, "the trip " + fmt_date(d) + ".." +
                                               fmt_date(r.trip->back) + " would overlap another " +
                                               "trip of " + input_->travellers[traveller].id);
    }
    if (!r.trip) {
      const auto k = static_cast<std::size_t>(r.failure);
      if (count[k]++ == 0) example[k] = r.why;
      // Routes do not depend on the date: every other departure would fail the same way.
      if (r.failure == ScheduleFailure::unreachable) return r;
      continue;
    }
    // Strictly cheaper only, so the earliest of equally cheap dates is kept.
    if (!best.trip || r.trip->cost.total() < best.trip->cost.total()) best = std::move(r);
  }
  if (best.trip) return best;
  if (tried == 0)
    return failed(ScheduleFailure::overlap, "every departure date is inside another trip of " +
                                                input_->travellers[traveller].id);
  std::size_t worst = 1;
  for (std::size_t k = 1; k < kinds; ++k)
    if (count[k] > count[worst]) worst = k;
  return failed(static_cast<ScheduleFailure>(worst),
                example[worst] + " (" + std::to_string(count[worst]) + " of " +
                    std::to_string(tried) + " departure dates fail this way)");
}

} // namespace flyorcall::optimize
