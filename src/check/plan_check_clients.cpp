// The plan checker's client rules and totals (docs/check.md): one decision per client in input
// order, visit or remote as the trips say, remote values and costs, visit values with a fair's
// uplift, the totals and the budgets.
#include "check/plan_check_impl.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cost/call_schedule.hpp"
#include "cost/remote_cost.hpp"
#include "cost/value.hpp"
#include "model/format.hpp"
#include "model/suggest.hpp"
#include "optimize/schedule.hpp"

namespace flyorcall::check::detail {

double Checker::fair_uplift(const Client& c, const std::string& country, Date d) const {
  double best = 0;
  for (const Event& e : in_.events)
    if (e.kind == EventKind::fair && optimize::event_at(e, c.city, country) && e.dates.first <= d &&
        d <= e.dates.last)
      best = std::max(best, e.value_uplift);
  return best;
}

void Checker::build_client_model() {
  model_.resize(in_.clients.size());
  std::vector<cost::CallSeries> series; // the remote clients' calls, for the joint schedule
  std::vector<std::size_t> series_client;
  for (std::size_t i = 0; i < trips_.size(); ++i)
    for (std::size_t k = 0; k < trips_[i].visits.size(); ++k)
      if (trips_[i].visits[k].client >= 0)
        model_[static_cast<std::size_t>(trips_[i].visits[k].client)].visits.emplace_back(i, k);
  for (std::size_t c = 0; c < in_.clients.size(); ++c) {
    const Client& client = in_.clients[c];
    ClientModel& m = model_[c];
    const int city = city_of(client.city);
    m.base_value = cost::visit_value(client);
    m.remote_value = cost::remote_value(client, in_.policy);
    // The calls are run by the allowed traveller with the lowest remote cost (ties: input
    // order).
    std::optional<cost::CallSeries> calls;
    for (std::size_t t = 0; t < in_.travellers.size(); ++t) {
      const Traveller& tr = in_.travellers[t];
      if (!client.travellers.empty() &&
          std::find(client.travellers.begin(), client.travellers.end(), tr.id) ==
              client.travellers.end())
        continue;
      const cost::RemoteCost rc = cost::remote_cost(client, tr, net_, in_.policy, in_.horizon,
                                                    client_calendar(c), calendar(city_of(tr.home)));
      if (!m.remote_traveller || rc.total() < m.remote_cost) {
        m.remote_traveller = t;
        m.remote_cost = rc.total();
        calls = cost::CallSeries{&client, &tr, t, &calendar(city), &calendar(city_of(tr.home)), rc};
      }
    }
    if (calls && m.visits.empty()) {
      series.push_back(*calls);
      series_client.push_back(c);
    }
    const int meetings = client.remote_meetings;
    const int left = std::max(0, meetings - in_.policy.visit_replaces_meetings);
    m.remote_left =
        meetings > 0 ? scale(m.remote_cost, static_cast<double>(left) / meetings) : Money{0};
    m.value = m.base_value;
    if (!m.visits.empty()) {
      const auto [ti, vk] = m.visits.front();
      m.value = scale(m.base_value, 1.0 + fair_uplift(client, net_.city(city).country,
                                                      trips_[ti].visits[vk].first));
    }
  }
  // Remote clients' calls are scheduled jointly (no traveller has two calls at once) and priced
  // at the slot they get.
  const auto scheduled = cost::schedule_calls(series, net_, in_.policy, in_.horizon);
  for (std::size_t k = 0; k < series.size(); ++k)
    model_[series_client[k]].remote_cost = scheduled.remote[k].total();
  for (const std::size_t t : scheduled.crowded) crowded_.insert(in_.travellers[t].id);
}

void Checker::check_call_overlaps() {
  // Weekly series of one traveller, in the traveller's local week: [start, start + length).
  constexpr int kWeek = 7 * 24 * 60;
  struct Series {
    std::size_t decision;
    int start;
    int length;
  };
  std::map<std::string, std::vector<Series>> by_traveller;
  for (std::size_t i = 0; i < doc_.decisions.size(); ++i) {
    const ClientDecision& d = doc_.decisions[i];
    const int c = client_index(d.client_id);
    if (d.visit || !d.call_slot || !d.traveller_id || c < 0 || crowded_.count(*d.traveller_id))
      continue;
    const int start = d.call_slot->weekday * 24 * 60 + d.call_slot->traveller_local_min;
    const int length =
        static_cast<int>(in_.clients[static_cast<std::size_t>(c)].meeting_length.count());
    auto& list = by_traveller[*d.traveller_id];
    for (const Series& s : list) {
      // Either order around the week circle.
      const int gap = ((start - s.start) % kWeek + kWeek) % kWeek;
      if (gap < s.length || kWeek - gap < length)
        add("/clients/" + str(i) + "/call_slot", "call overlap",
            "the weekly calls with client " + d.client_id + " overlap those with client " +
                doc_.decisions[s.decision].client_id + ", both run by " + *d.traveller_id);
    }
    list.push_back({i, start, length});
  }
}

void Checker::check_clients() {
  build_client_model();
  if (doc_.decisions.size() != in_.clients.size())
    add("/clients", "clients",
        "the plan has " + str(doc_.decisions.size()) + " client decisions for the input's " +
            str(in_.clients.size()) + " clients");
  // A client visited more than once.
  for (std::size_t c = 0; c < in_.clients.size(); ++c)
    for (std::size_t n = 1; n < model_[c].visits.size(); ++n) {
      const auto [ti, vk] = model_[c].visits[n];
      const auto [t0, v0] = model_[c].visits.front();
      add("/trips/" + str(ti) + "/visits/" + str(vk) + "/client", "visit",
          "client " + in_.clients[c].id + " is already visited on " + doc_.trips[t0].id +
              (t0 == ti ? " (visit " + str(v0) + ")" : std::string()));
    }
  for (std::size_t i = 0; i < doc_.decisions.size(); ++i) {
    const ClientDecision& d = doc_.decisions[i];
    const std::string P = "/clients/" + str(i);
    const int c = client_index(d.client_id);
    if (c < 0) {
      add(P + "/id", "clients",
          "unknown client \"" + d.client_id + "\"" + did_you_mean(d.client_id, client_ids_));
      continue;
    }
    if (static_cast<std::size_t>(c) != i)
      add(P + "/id", "clients",
          "decisions follow the input's client order: expected \"" +
              (i < in_.clients.size() ? in_.clients[i].id : std::string("(none)")) +
              "\" here, found \"" + d.client_id + "\"");
    if (!d.name.empty() && d.name != in_.clients[static_cast<std::size_t>(c)].name)
      add(P + "/name", "clients",
          "name \"" + d.name + "\", but the input calls client " + d.client_id + " \"" +
              in_.clients[static_cast<std::size_t>(c)].name + "\"");
    for (std::size_t j = 0; j < i; ++j)
      if (doc_.decisions[j].client_id == d.client_id) {
        add(P + "/id", "clients", "a second decision for client " + d.client_id);
        break;
      }
    check_decision(static_cast<std::size_t>(c), d, P);
  }
  for (std::size_t c = 0; c < in_.clients.size(); ++c)
    if (std::none_of(doc_.decisions.begin(), doc_.decisions.end(),
                     [&](const ClientDecision& d) { return d.client_id == in_.clients[c].id; }))
      add("/clients", "clients", "no decision for client " + in_.clients[c].id);
  check_call_overlaps();
}

void Checker::check_decision(std::size_t c, const ClientDecision& d, const std::string& P) {
  const Client& client = in_.clients[c];
  const ClientModel& m = model_[c];
  if (d.visit) {
    if (m.visits.empty()) {
      add(P + "/decision", "visit",
          "the decision is visit, but no trip of the plan visits client " + client.id);
    } else {
      const std::size_t ti = m.visits.front().first;
      const Trip& trip = doc_.trips[ti];
      if (d.trip_id != trip.id)
        add(P + "/trip", "visit",
            "the decision names trip " + d.trip_id.value_or("null") + ", but client " + client.id +
                " is visited on " + trip.id);
      if (d.traveller_id != trip.traveller_id)
        add(P + "/traveller", "visit",
            "the decision names traveller " + d.traveller_id.value_or("null") + ", but " + trip.id +
                " is " + trip.traveller_id + "'s trip");
    }
  } else {
    if (!m.visits.empty())
      add(P + "/decision", "visit",
          "the decision is remote, but client " + client.id + " is visited on " +
              doc_.trips[m.visits.front().first].id);
    if (d.trip_id)
      add(P + "/trip", "visit", "a remote client has no trip, found \"" + *d.trip_id + "\"");
    if (m.remote_traveller) {
      const std::string& who = in_.travellers[*m.remote_traveller].id;
      if (d.traveller_id != who)
        add(P + "/traveller", "remote cost",
            "the calls are run by the allowed traveller with the lowest remote cost, " + who +
                ", not " + d.traveller_id.value_or("null"));
    }
  }
  if (client.must_visit && m.visits.empty())
    add(P + "/decision", "must_visit", "client " + client.id + " must be visited");
  if (d.remote_value != m.remote_value)
    add(P + "/remote_value", "remote value",
        "remote value " + format::money(d.remote_value, cur()) + ", but remote_effectiveness x " +
            "visit value is " + format::money(m.remote_value, cur()));
  if (d.remote_cost != m.remote_cost)
    add(P + "/remote_cost", "remote cost",
        "remote cost " + format::money(d.remote_cost, cur()) + ", but the cost model prices " +
            format::money(m.remote_cost, cur()) + " for the quarter's calls");
  if (!m.visits.empty()) {
    if (d.value != m.value)
      add(P + "/value", "value",
          "value " + format::money(d.value, cur()) + ", but the visit is worth " +
              format::money(m.value, cur()) +
              (m.value != m.base_value ? " with the fair's uplift on its first day" : ""));
  } else {
    // A remote client's value is its visit value, possibly with the uplift of a fair its best
    // rejected trip would have met: any fair at its place during the horizon.
    std::set<std::int64_t> allowed{m.base_value.count()};
    const std::string& country = net_.city(city_of(client.city)).country;
    for (const Event& e : in_.events)
      if (e.kind == EventKind::fair && optimize::event_at(e, client.city, country) &&
          e.dates.first <= in_.horizon.last && in_.horizon.first <= e.dates.last)
        allowed.insert(scale(m.base_value, 1.0 + e.value_uplift).count());
    if (!allowed.count(d.value.count()))
      add(P + "/value", "value",
          "value " + format::money(d.value, cur()) + ", but a visit to client " + client.id +
              " is worth " + format::money(m.base_value, cur()) +
              (allowed.size() > 1 ? " (or more during a fair at its place)" : ""));
  }
}

void Checker::check_totals() {
  const Totals& w = doc_.totals;
  int visits = 0;
  int remote = 0;
  Money value{0};
  Money remote_cost{0};
  for (std::size_t c = 0; c < in_.clients.size(); ++c) {
    const ClientModel& m = model_[c];
    if (!m.visits.empty()) {
      ++visits;
      value += m.value;
      remote_cost += m.remote_left;
    } else {
      ++remote;
      value += m.remote_value;
      remote_cost += m.remote_cost;
    }
  }
  int days = 0;
  CostBreakdown trip_cost;
  GramsCo2 co2{0};
  for (const TripInfo& t : trips_) {
    days += t.days_away;
    trip_cost += t.cost;
    co2 += t.co2_total;
  }
  const Money net = value - trip_cost.total() - remote_cost;

  const auto count = [&](const char* key, int written, int derived, const std::string& what) {
    if (written != derived)
      add(std::string("/totals/") + key, "totals",
          std::to_string(written) + ", but " + what + " is " + std::to_string(derived));
  };
  const auto money = [&](const std::string& key, Money written, Money derived,
                         const std::string& what) {
    if (written != derived)
      add("/totals/" + key, "totals",
          format::money(written, cur()) + ", but " + what + " is " + format::money(derived, cur()));
  };
  count("trips", w.trips, static_cast<int>(doc_.trips.size()), "the number of trips");
  count("visits", w.visits, visits, "the number of visited clients");
  count("remote", w.remote, remote, "the number of clients kept remote");
  count("days_away", w.days_away, days, "the sum of the trips' days away");
  money("trip_cost/flights", w.trip_cost.flights, trip_cost.flights, "the trips' sum");
  money("trip_cost/hotel", w.trip_cost.hotel, trip_cost.hotel, "the trips' sum");
  money("trip_cost/per_diem", w.trip_cost.per_diem, trip_cost.per_diem, "the trips' sum");
  money("trip_cost/traveller_time", w.trip_cost.traveller_time, trip_cost.traveller_time,
        "the trips' sum");
  money("trip_cost/jetlag", w.trip_cost.jetlag, trip_cost.jetlag, "the trips' sum");
  money("trip_cost/carbon", w.trip_cost.carbon, trip_cost.carbon, "the trips' sum");
  money("remote_cost", w.remote_cost, remote_cost,
        "the remote cost of remote clients plus what visits leave of visited ones");
  money("value", w.value, value, "visit values of visited clients plus remote values");
  money("net", w.net, net, "value - trip cost - remote cost");
  if (w.co2 != format::co2_as_written(co2))
    add("/totals/co2_kg", "totals",
        format::kg_fixed(w.co2) + ", but the trips emit " +
            format::kg_fixed(format::co2_as_written(co2)));

  const Policy& pol = in_.policy;
  if (!doc_.budget) {
    add("/budget", "totals", "missing: the plan must state its budget use");
  } else {
    const BudgetUse& b = *doc_.budget;
    if (b.money != trip_cost.total())
      add("/budget/money/used", "totals",
          format::money(b.money, cur()) + ", but the trips cost " +
              format::money(trip_cost.total(), cur()));
    if (b.money_limit != pol.budget_money)
      add("/budget/money/limit", "plan input", "the limit is not the input's policy.budget.money");
    if (b.cash != trip_cost.cash())
      add("/budget/cash/used", "totals",
          format::money(b.cash, cur()) + ", but the trips' cash spend is " +
              format::money(trip_cost.cash(), cur()));
    if (b.cash_limit != pol.budget_cash)
      add("/budget/cash/limit", "plan input", "the limit is not the input's policy.budget.cash");
    if (b.days != days)
      add("/budget/days/used", "totals",
          std::to_string(b.days) + ", but the trips take " + std::to_string(days) + " days away");
    if (b.days_limit != pol.budget_days)
      add("/budget/days/limit", "plan input", "the limit is not the input's policy.budget.days");
    if (b.co2 != format::co2_as_written(co2))
      add("/budget/co2_kg/used", "totals",
          format::kg_fixed(b.co2) + ", but the trips emit " +
              format::kg_fixed(format::co2_as_written(co2)));
    const std::optional<GramsCo2> co2_limit =
        pol.budget_co2 ? std::optional<GramsCo2>(format::co2_as_written(*pol.budget_co2))
                       : std::nullopt;
    if (b.co2_limit != co2_limit)
      add("/budget/co2_kg/limit", "plan input",
          "the limit is not the input's policy.budget.co2_kg");
  }
  if (pol.budget_money && trip_cost.total() > *pol.budget_money)
    add("/budget/money/used", "money budget",
        "the trips cost " + format::money(trip_cost.total(), cur()) + ", more than the budget " +
            format::money(*pol.budget_money, cur()));
  if (pol.budget_cash && trip_cost.cash() > *pol.budget_cash)
    add("/budget/cash/used", "cash budget",
        "the trips' cash spend is " + format::money(trip_cost.cash(), cur()) +
            ", more than the budget " + format::money(*pol.budget_cash, cur()));
  if (pol.budget_days && days > *pol.budget_days)
    add("/budget/days/used", "days budget",
        "the trips take " + std::to_string(days) + " days away, more than the budget " +
            std::to_string(*pol.budget_days));
  if (pol.budget_co2 && co2 > *pol.budget_co2)
    add("/budget/co2_kg/used", "co2 budget",
        "the trips emit " + format::kg_fixed(co2) + ", more than the budget " +
            format::kg_fixed(*pol.budget_co2));
}

} // namespace flyorcall::check::detail
