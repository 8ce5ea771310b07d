// The plan checker's trip rules (docs/check.md): visits (client, city, days, who, business days,
// availability, horizon), the legs' chain from home back home, stays and the arrival and leaving
// rules, connections, trip dates and days away, the weekend rule, the order and overlaps of trips,
// and each trip's cost and CO2 as the cost model prices them.
#include "check/plan_check_impl.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "cost/trip_cost.hpp"
#include "flyorcall/limits.hpp"
#include "model/format.hpp"
#include "model/suggest.hpp"
#include "time/zones.hpp"

namespace flyorcall::check::detail {

namespace {

// The model's timing rules (docs/plan.md, section 1). They are the checker's own copy on purpose:
// a change of the planner's constants must show up here as violations, not silently pass.
constexpr int kLeaveHomeMin = 7 * 60;
constexpr int kSameDayVisitBeforeMin = 12 * 60;
constexpr int kSameDayVisitMaxJourneyMin = 4 * 60;
constexpr int kNightArrivalBeforeMin = 6 * 60;
constexpr int kLeaveStopMin = 18 * 60;

} // namespace

VisitInfo Checker::resolve_visit(const Visit& v, const std::string& p, const Traveller& tr) {
  VisitInfo vi;
  vi.first = v.date;
  vi.last = v.date;
  vi.client = client_index(v.client_id);
  if (vi.client < 0) {
    add(p + "/client", "visit",
        "unknown client \"" + v.client_id + "\"" + did_you_mean(v.client_id, client_ids_));
    return vi;
  }
  const Client& c = in_.clients[static_cast<std::size_t>(vi.client)];
  if (v.city != c.city)
    add(p + "/city", "visit city",
        "client " + c.id + " is in " + c.city + ", not in \"" + v.city + "\"");
  if (v.days != c.visit_days)
    add(p + "/days", "visit_days",
        "a visit of " + std::to_string(v.days) + " days, but client " + c.id + " takes " +
            std::to_string(c.visit_days));
  if (!c.travellers.empty() &&
      std::find(c.travellers.begin(), c.travellers.end(), tr.id) == c.travellers.end()) {
    std::string who;
    for (const std::string& id : c.travellers) who += (who.empty() ? "" : ", ") + id;
    add(p, "travellers", "client " + c.id + " may be visited only by " + who + ", not by " + tr.id);
  }
  const DateRange& h = in_.horizon;
  if (v.date < h.first || v.date > h.last) {
    add(p + "/date", "horizon",
        "the visit on " + fmt_date(v.date) + " is outside the horizon " + fmt_date(h.first) + ".." +
            fmt_date(h.last));
    return vi;
  }
  const auto cix = static_cast<std::size_t>(vi.client);
  const timez::BusinessCalendar& cal = client_calendar(cix);
  if (!cal.is_business_day(v.date))
    add(p + "/date", "business days",
        fmt_weekday_date(v.date) + " is not a business day of client " + c.id + " in " + c.city +
            ": " + why_closed(cix, v.date));
  // visit_days consecutive business days of the client's place from the first day on.
  for (int k = 1; k < c.visit_days; ++k) {
    const auto next = cal.next_business_day(vi.last + date::days{1}, h.last);
    if (!next) {
      add(p + "/date", "horizon",
          "the " + std::to_string(c.visit_days) + " business days on site from " +
              fmt_date(v.date) + " do not end by the horizon's last day " + fmt_date(h.last));
      break;
    }
    vi.last = *next;
  }
  if (!c.availability.empty() &&
      std::none_of(c.availability.begin(), c.availability.end(),
                   [&](const DateRange& w) { return w.first <= vi.first && vi.last <= w.last; })) {
    std::string windows;
    for (const DateRange& w : c.availability)
      windows += (windows.empty() ? "" : ", ") + fmt_date(w.first) + ".." + fmt_date(w.last);
    add(p + "/date", "availability",
        "the visit " + fmt_date(vi.first) + ".." + fmt_date(vi.last) +
            " is not inside one availability window of client " + c.id + " (" + windows + ")");
  }
  return vi;
}

void Checker::check_trip(std::size_t i) {
  const Trip& t = doc_.trips[i];
  const std::string P = "/trips/" + str(i);
  TripInfo& info = trips_[i];
  info.depart = t.depart;
  info.back = t.back;
  info.days_away = t.days_away;
  info.cost = t.cost;
  info.co2_flights = t.co2_flights;
  info.co2_hotel = t.co2_hotel;
  info.co2_total = format::co2_as_written(t.co2()); // the total the plan states

  info.traveller = traveller_index(t.traveller_id);
  if (info.traveller < 0) {
    add(P + "/traveller", "traveller",
        "unknown traveller \"" + t.traveller_id + "\"" +
            did_you_mean(t.traveller_id, traveller_ids_));
    return;
  }
  const auto tix = static_cast<std::size_t>(info.traveller);
  const Traveller& tr = in_.travellers[tix];
  const int home = city_of(tr.home);
  const date::time_zone* home_zone = zone(home);

  std::vector<LegInfo> legs;
  bool cities_known = true;
  // Every leg has its UTC times (the reader requires them); the local rules need the home zone.
  const bool timed = home_zone != nullptr;
  for (std::size_t k = 0; k < t.legs.size(); ++k) {
    legs.push_back(resolve_leg(t.legs[k], P + "/legs/" + str(k)));
    cities_known = cities_known && legs.back().from >= 0 && legs.back().to >= 0;
  }
  const std::size_t L = legs.size();

  const std::vector<bool> too_early = check_leg_chain(i, tr, legs, timed);
  check_visits(i, tr);

  // The trip leaves home with its first flight, or starts with a client in the home city (then
  // its departure date is the plan's choice); it is back home when the last flight lands, or
  // at 18:00 of the last visit day of a client in the home city that ends it.
  const bool starts_at_home = !t.stays.empty() && t.stays.front().city == tr.home;
  const bool ends_at_home = !t.stays.empty() && t.stays.back().city == tr.home;
  std::optional<Date> depart_flight;
  std::optional<Date> back_flight;
  if (timed && L > 0) {
    const date::local_seconds leave = timez::to_local(legs.front().depart, home_zone);
    if (!starts_at_home) {
      depart_flight = local_date(leave);
      if (minute_of_day(leave) < kLeaveHomeMin)
        add(P + "/legs/0/depart_utc", "leave home 07:00",
            "the first flight leaves " + tr.home + " at " + format::clock(minute_of_day(leave)) +
                " local, before the traveller leaves home at 07:00");
    }
    if (!ends_at_home) back_flight = local_date(timez::to_local(legs.back().arrive, home_zone));
  }
  info.depart = depart_flight.value_or(t.depart);
  info.back = back_flight.value_or(t.back);

  // Stops: stays, the traveller's presence on the visit days, connections, cabins.
  std::vector<Stay> stays;
  std::optional<Date> back_stop;
  const bool stops_ok =
      cities_known && timed && check_stops(i, tr, home, legs, too_early, stays, back_stop);
  if (ends_at_home && back_stop) info.back = *back_stop;
  const int days = check_trip_dates(i, tr, home);

  // Cost and CO2: the trip rebuilt from the plan's legs, the derived stays and dates, priced by
  // the cost model.
  // A trip longer than any horizon (legs dated years apart) is already a violation; pricing it
  // day by day would only take time.
  if (!stops_ok || days > limits::kMaxHorizonDays) return;
  // Nor are stays that end before they start or last longer than any horizon (a leg dated
  // years away in the middle of a trip).
  if (std::any_of(stays.begin(), stays.end(), [](const Stay& s) {
        return s.hotel_nights < 0 || s.hotel_nights > limits::kMaxHorizonDays;
      }))
    return;
  check_trip_cost(i, tr, legs, std::move(stays), days);
}

std::vector<bool> Checker::check_leg_chain(std::size_t i, const Traveller& tr,
                                           const std::vector<LegInfo>& legs, bool timed) {
  const Trip& t = doc_.trips[i];
  const std::string P = "/trips/" + str(i);
  const std::size_t L = legs.size();

  // The legs chain in space, from home back home.
  if (L > 0) {
    if (t.legs.front().from != tr.home)
      add(P + "/legs/0/from", "home",
          "the trip leaves from " + t.legs.front().from + ", but " + tr.id + "'s home is " +
              tr.home);
    for (std::size_t k = 1; k < L; ++k)
      if (t.legs[k].from != t.legs[k - 1].to)
        add(P + "/legs/" + str(k) + "/from", "legs chain",
            "the leg leaves from " + t.legs[k].from + ", but the previous leg arrived in " +
                t.legs[k - 1].to);
    if (t.legs.back().to != tr.home)
      add(P + "/legs/" + str(L - 1) + "/to", "home",
          "the trip ends in " + t.legs.back().to + ", but " + tr.id + "'s home is " + tr.home);
  }
  // ... and in time.
  std::vector<bool> too_early(L, false);
  if (timed)
    for (std::size_t k = 1; k < L; ++k)
      if (legs[k].depart < legs[k - 1].arrive) {
        too_early[k] = true;
        add(P + "/legs/" + str(k) + "/depart_utc", "legs chain",
            "the leg departs " + date::format("%FT%RZ", legs[k].depart) +
                ", before the previous leg arrives " + date::format("%FT%RZ", legs[k - 1].arrive));
      }
  return too_early;
}

void Checker::check_visits(std::size_t i, const Traveller& tr) {
  const Trip& t = doc_.trips[i];
  const std::string P = "/trips/" + str(i);
  TripInfo& info = trips_[i];

  // Visits on their own: client, city, days, who, business days, availability, horizon.
  for (std::size_t k = 0; k < t.visits.size(); ++k)
    info.visits.push_back(resolve_visit(t.visits[k], P + "/visits/" + str(k), tr));
  for (std::size_t k = 1; k < info.visits.size(); ++k)
    for (std::size_t j = 0; j < k; ++j)
      if (info.visits[k].first <= info.visits[j].last &&
          info.visits[j].first <= info.visits[k].last) {
        add(P + "/visits/" + str(k) + "/date", "visit days overlap",
            "the visit " + fmt_date(info.visits[k].first) + ".." + fmt_date(info.visits[k].last) +
                " shares a day with visit " + str(j) + " (" + fmt_date(info.visits[j].first) +
                ".." + fmt_date(info.visits[j].last) + ")");
        break;
      }
}

int Checker::check_trip_dates(std::size_t i, const Traveller& tr, int home) {
  const Trip& t = doc_.trips[i];
  const std::string P = "/trips/" + str(i);
  TripInfo& info = trips_[i];
  const Date depart = info.depart;
  const Date back = info.back;
  if (t.depart != depart)
    add(P + "/depart", "trip dates",
        "departs " + fmt_date(t.depart) + ", but the first flight leaves " + tr.home + " on " +
            fmt_date(depart) + " local");
  if (t.back != back)
    add(P + "/back", "trip dates",
        "back " + fmt_date(t.back) + ", but the traveller is back home in " + tr.home + " on " +
            fmt_date(back) + " local");
  const int days = static_cast<int>((back - depart).count()) + 1;
  info.days_away = days;
  if (t.days_away != days)
    add(P + "/days_away", "days_away",
        std::to_string(t.days_away) + " days away, but " + fmt_date(depart) + ".." +
            fmt_date(back) + " is " + std::to_string(days) + " days (back - depart + 1)");
  if (days > tr.max_trip_days)
    add(P + "/days_away", "max_trip_days",
        "the trip lasts " + std::to_string(days) + " days, more than max_trip_days " +
            std::to_string(tr.max_trip_days) + " of " + tr.id);
  if (depart < in_.horizon.first)
    add(P + "/depart", "horizon",
        "the trip leaves on " + fmt_date(depart) + ", before the horizon starts on " +
            fmt_date(in_.horizon.first));
  if (back > in_.horizon.last)
    add(P + "/back", "horizon",
        "the trip ends on " + fmt_date(back) + ", after the horizon ends on " +
            fmt_date(in_.horizon.last));
  if (tr.weekend == WeekendRule::home) {
    const Country* country = net_.country_of(home);
    const WeekdayMask weekend = country ? country->weekend : kSatSun;
    for (Date d = depart + date::days{1}; d < back; d += date::days{1})
      if (timez::in_mask(weekend, date::weekday{d})) {
        add(P, "weekend rule home",
            "the trip keeps " + tr.id + " away over the weekend day " + fmt_weekday_date(d) +
                " (weekend rule \"home\")");
        break;
      }
  }
  return days;
}

void Checker::check_trip_cost(std::size_t i, const Traveller& tr, const std::vector<LegInfo>& legs,
                              std::vector<Stay> stays, int days) {
  const Trip& t = doc_.trips[i];
  const std::string P = "/trips/" + str(i);
  TripInfo& info = trips_[i];
  const Date depart = info.depart;
  const Date back = info.back;
  Trip trip;
  trip.traveller_id = tr.id;
  trip.depart = depart;
  trip.back = back;
  trip.days_away = days;
  for (const LegInfo& l : legs) trip.legs.push_back(l.priced);
  trip.stays = std::move(stays);
  cost::price_trip(trip, net_, tr, in_.policy);
  info.priced = true;
  info.cost = trip.cost;
  info.co2_flights = trip.co2_flights;
  info.co2_hotel = trip.co2_hotel;
  info.co2_total = trip.co2();
  const auto money_field = [&](const char* key, Money written, Money derived) {
    if (written != derived)
      add(P + "/cost/" + key, "trip cost",
          std::string(key) + " " + format::money(written, cur()) + ", but the cost model prices " +
              format::money(derived, cur()) + " for this trip");
  };
  money_field("flights", t.cost.flights, trip.cost.flights);
  money_field("hotel", t.cost.hotel, trip.cost.hotel);
  money_field("per_diem", t.cost.per_diem, trip.cost.per_diem);
  money_field("traveller_time", t.cost.traveller_time, trip.cost.traveller_time);
  money_field("jetlag", t.cost.jetlag, trip.cost.jetlag);
  money_field("carbon", t.cost.carbon, trip.cost.carbon);
  const auto co2_field = [&](const char* key, GramsCo2 written, GramsCo2 derived) {
    if (written != format::co2_as_written(derived))
      add(P + "/co2_kg/" + key, "trip co2",
          std::string(key) + " " + format::kg_fixed(written) + ", but the trip emits " +
              format::kg_fixed(format::co2_as_written(derived)));
  };
  co2_field("flights", format::co2_as_written(t.co2_flights), trip.co2_flights);
  co2_field("hotel", format::co2_as_written(t.co2_hotel), trip.co2_hotel);
  co2_field("total", format::co2_as_written(t.co2()), trip.co2());
}

bool Checker::check_stops(std::size_t i, const Traveller& tr, int home, std::vector<LegInfo>& legs,
                          const std::vector<bool>& too_early, std::vector<Stay>& derived,
                          std::optional<Date>& back_at_home) {
  const Trip& t = doc_.trips[i];
  const std::string P = "/trips/" + str(i);
  TripInfo& info = trips_[i];
  const std::size_t L = legs.size();
  const std::size_t S = t.stays.size();

  const std::vector<std::vector<std::size_t>> visits_at = visits_by_stay(i);

  std::vector<std::pair<std::size_t, std::size_t>> journeys; // [first, last) leg ranges
  std::size_t p = 0;
  int at = home;
  Date previous_last{};
  for (std::size_t j = 0; j < S; ++j) {
    const Stay& s = t.stays[j];
    const std::string SP = P + "/stays/" + str(j);
    const int city = city_of(s.city);
    if (city < 0) {
      add(SP + "/city", "stays", unknown_city(s.city));
      return false;
    }
    const date::time_zone* z = zone(city);
    if (z == nullptr) return false;
    Date arrive;
    Date earliest;
    bool night = false;
    std::string arrival_text;
    if (city != at) {
      const std::size_t start = p;
      while (p < L && legs[p].to != city) ++p;
      if (p == L) {
        add(SP, "stays", "no flight of the trip arrives in " + s.city + " for this stay");
        return false;
      }
      journeys.emplace_back(start, p + 1);
      const date::local_seconds local = timez::to_local(legs[p].arrive, z);
      const auto journey = std::chrono::duration_cast<minutes>(legs[p].arrive - legs[start].depart);
      arrive = local_date(local);
      const std::int64_t tod = minute_of_day(local);
      night = tod < kNightArrivalBeforeMin;
      const bool same_day =
          tod < kSameDayVisitBeforeMin && journey.count() <= kSameDayVisitMaxJourneyMin;
      earliest = arrive + date::days{same_day ? 0 : 1};
      arrival_text = "the traveller lands in " + s.city + " at " + fmt_local(local) +
                     " after a journey of " + format::hours_minutes(journey.count());
      ++p;
    } else if (j == 0) {
      // The first stop is the home city itself: the traveller starts there at 07:00.
      arrive = info.depart;
      earliest = info.depart;
      arrival_text = "the traveller starts at home in " + s.city + " on " + fmt_date(arrive);
    } else {
      // Another client in the same city: the traveller is there from 18:00 of the previous
      // stop's last visit day.
      arrive = previous_last;
      earliest = previous_last + date::days{1};
      arrival_text = "the traveller is free in " + s.city + " from 18:00 on " + fmt_date(arrive);
    }
    if (s.arrive != arrive)
      add(SP + "/arrive", "stays",
          "arrives " + fmt_date(s.arrive) + ", but " + arrival_text + " (" + fmt_date(arrive) +
              ")");

    const Date last = check_stay_visits(i, j, visits_at, arrive, earliest, arrival_text);

    // Leaving: by the next flight, unless the next stay is in the same city.
    const bool stays_in_city = j + 1 < S && t.stays[j + 1].city == s.city;
    Date leave_date = last;
    if (!stays_in_city && p < L) {
      const date::local_seconds leave = timez::to_local(legs[p].depart, z);
      leave_date = local_date(leave);
      bool before_visit = false;
      for (const std::size_t k : visits_at[j])
        if (info.visits[k].last > leave_date) {
          before_visit = true;
          add(P + "/visits/" + str(k) + "/date", "traveller there",
              "the visit lasts until " + fmt_date(info.visits[k].last) +
                  ", but the traveller leaves " + s.city + " at " + fmt_local(leave));
        }
      if (!before_visit && !visits_at[j].empty() && leave < as_local(last) + minutes(kLeaveStopMin))
        add(P + "/legs/" + str(p) + "/depart_utc", "leave stop 18:00",
            "the traveller leaves " + s.city + " at " + fmt_local(leave) +
                " local, before 18:00 of the last visit day " + fmt_date(last));
    }
    if (s.depart != leave_date)
      add(SP + "/depart", "stays",
          "departs " + fmt_date(s.depart) + ", but the traveller leaves " + s.city + " on " +
              fmt_date(leave_date));
    const int nights =
        city == home ? 0 : static_cast<int>((leave_date - arrive).count()) + (night ? 1 : 0);
    if (s.hotel_nights != nights)
      add(SP + "/hotel_nights", "hotel nights",
          std::to_string(s.hotel_nights) + " hotel nights, but " + fmt_date(arrive) + ".." +
              fmt_date(leave_date) + " in " + s.city + " is " + std::to_string(nights) +
              (city == home ? " (no hotel at home)"
               : night      ? " (a night arrival before 06:00 needs the room from the "
                              "night before)"
                            : ""));
    Stay st;
    st.city = s.city;
    st.arrive = arrive;
    st.depart = leave_date;
    st.hotel_nights = nights;
    derived.push_back(std::move(st));
    if (city == home) back_at_home = leave_date;
    at = city;
    previous_last = last;
  }
  if (at != home) {
    if (p == L) {
      add(P + "/legs", "home", "no flight brings " + tr.id + " home to " + tr.home);
      return false;
    }
    journeys.emplace_back(p, L);
  } else if (p < L) {
    add(P + "/legs/" + str(p), "stays",
        "a flight after the trip's last stop without a stay to " + doc_.trips[i].legs[p].to);
    return false;
  }

  check_journeys(i, tr, legs, too_early, journeys);
  return true;
}

std::vector<std::vector<std::size_t>> Checker::visits_by_stay(std::size_t i) {
  const Trip& t = doc_.trips[i];
  const std::string P = "/trips/" + str(i);
  const TripInfo& info = trips_[i];
  const std::size_t S = t.stays.size();

  // Each visit belongs to a stay in its city: the one whose stated dates contain it, else the
  // first one in that city; visits and stays go forward together.
  std::vector<std::vector<std::size_t>> visits_at(S);
  std::size_t from_stay = 0;
  for (std::size_t k = 0; k < t.visits.size(); ++k) {
    const VisitInfo& v = info.visits[k];
    std::optional<std::size_t> at;
    for (std::size_t j = from_stay; j < S; ++j) {
      if (t.stays[j].city != t.visits[k].city) continue;
      if (!at) at = j;
      if (t.stays[j].arrive <= v.first && v.last <= t.stays[j].depart) {
        at = j;
        break;
      }
    }
    if (!at) {
      add(P + "/visits/" + str(k), "traveller there",
          "the trip has no stay in " + t.visits[k].city + " for this visit");
      continue;
    }
    visits_at[*at].push_back(k);
    from_stay = *at;
  }
  return visits_at;
}

Date Checker::check_stay_visits(std::size_t i, std::size_t j,
                                const std::vector<std::vector<std::size_t>>& visits_at, Date arrive,
                                Date earliest, const std::string& arrival_text) {
  const Stay& s = doc_.trips[i].stays[j];
  const std::string P = "/trips/" + str(i);
  const std::string SP = P + "/stays/" + str(j);
  const TripInfo& info = trips_[i];
  Date last = s.depart;
  if (visits_at[j].empty()) {
    add(SP, "stays", "no visit takes place during this stay in " + s.city);
  } else {
    last = info.visits[visits_at[j].front()].last;
    for (const std::size_t k : visits_at[j]) {
      const VisitInfo& v = info.visits[k];
      last = std::max(last, v.last);
      if (v.first < arrive)
        add(P + "/visits/" + str(k) + "/date", "traveller there",
            "the visit starts " + fmt_date(v.first) + ", but " + arrival_text);
      else if (v.first < earliest)
        add(P + "/visits/" + str(k) + "/date", "arrival rule",
            "the visit starts " + fmt_date(v.first) + ", but " + arrival_text +
                ", so it can start on " + fmt_date(earliest) +
                " at the earliest (the same day only after arriving before 12:00 from a "
                "journey of at most 4 h)");
    }
  }
  return last;
}

void Checker::check_journeys(std::size_t i, const Traveller& tr, std::vector<LegInfo>& legs,
                             const std::vector<bool>& too_early,
                             const std::vector<std::pair<std::size_t, std::size_t>>& journeys) {
  const Trip& t = doc_.trips[i];
  const std::string P = "/trips/" + str(i);

  // Connections inside a journey, and one cabin per journey by the traveller's cabin rule.
  const Minutes min_connection = in_.policy.min_connection;
  for (const auto& [first, end] : journeys) {
    for (std::size_t k = first + 1; k < end; ++k) {
      if (too_early[k]) continue;
      const auto gap = std::chrono::duration_cast<minutes>(legs[k].depart - legs[k - 1].arrive);
      if (gap.count() < min_connection.count())
        add(P + "/legs/" + str(k) + "/depart_utc", "min_connection",
            "a connection of " + std::to_string(gap.count()) + " min in " + t.legs[k].from +
                ", less than min_connection " + std::to_string(min_connection.count()) + " min");
    }
    check_cabins(i, tr, legs, first, end);
    check_fares(i, legs, first, end);
  }
}

void Checker::check_trip_order() {
  for (std::size_t i = 0; i < doc_.trips.size(); ++i) {
    const std::string want = "T" + str(i + 1);
    if (doc_.trips[i].id != want)
      add("/trips/" + str(i) + "/id", "trip ids",
          "trip " + str(i + 1) + " has id \"" + doc_.trips[i].id + "\", expected \"" + want + "\"");
    if (i == 0) continue;
    const TripInfo& a = trips_[i - 1];
    const TripInfo& b = trips_[i];
    const auto key = [](const TripInfo& x, const std::string& who) {
      return std::make_tuple(x.depart, x.back, who);
    };
    if (key(b, doc_.trips[i].traveller_id) < key(a, doc_.trips[i - 1].traveller_id))
      add("/trips/" + str(i) + "/depart", "trip ids",
          "trips are listed in date order (departure, return, traveller), but this one (" +
              fmt_date(b.depart) + ".." + fmt_date(b.back) + ") comes after " +
              doc_.trips[i - 1].id + " (" + fmt_date(a.depart) + ".." + fmt_date(a.back) + ")");
  }
}

void Checker::check_overlaps() {
  for (std::size_t t = 0; t < in_.travellers.size(); ++t) {
    std::vector<std::size_t> mine;
    for (std::size_t i = 0; i < trips_.size(); ++i)
      if (trips_[i].traveller == static_cast<int>(t)) mine.push_back(i);
    std::stable_sort(mine.begin(), mine.end(), [&](std::size_t a, std::size_t b) {
      return std::tie(trips_[a].depart, trips_[a].back) <
             std::tie(trips_[b].depart, trips_[b].back);
    });
    std::optional<std::size_t> latest; // the trip ending last so far
    int days = 0;
    bool over = false;
    const Traveller& tr = in_.travellers[t];
    for (const std::size_t i : mine) {
      if (latest && trips_[i].depart <= trips_[*latest].back)
        add("/trips/" + str(i) + "/depart", "non-overlapping trips",
            "the trip " + fmt_date(trips_[i].depart) + ".." + fmt_date(trips_[i].back) +
                " overlaps " + doc_.trips[*latest].id + " (" + fmt_date(trips_[*latest].depart) +
                ".." + fmt_date(trips_[*latest].back) + ") of " + tr.id);
      if (!latest || trips_[i].back > trips_[*latest].back) latest = i;
      days += trips_[i].days_away;
      if (!over && days > tr.max_days_away) {
        over = true;
        add("/trips/" + str(i) + "/days_away", "max_days_away",
            tr.id + " is away " + std::to_string(days) + " days up to this trip, more than " +
                "max_days_away " + std::to_string(tr.max_days_away));
      }
    }
  }
}

} // namespace flyorcall::check::detail
