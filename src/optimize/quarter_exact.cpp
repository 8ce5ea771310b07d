#include "optimize/quarter_exact.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>

#include "flyorcall/errors.hpp"

namespace flyorcall::optimize {

namespace {

// Keeps `item` in `set` unless an element dominates it, and drops the elements it dominates.
template <class T, class Dominates>
void keep_undominated(std::vector<T>& set, const T& item, Dominates dominates) {
  for (const T& o : set)
    if (dominates(o, item)) return;
  std::erase_if(set, [&](const T& o) { return dominates(item, o); });
  set.push_back(item);
}

} // namespace

QuarterExact::QuarterExact(const QuarterProblem& qp, const TripPricer& pricer, const Input& input,
                           core::Deadline deadline)
    : qp_(&qp), pricer_(&pricer), input_(&input), deadline_(deadline) {
  const core::RoutingProblem& p = qp.problem;
  const std::vector<int> cands = p.candidates();
  n_ = cands.size();
  if (n_ > kQuarterExactMaxClients)
    throw std::invalid_argument("the exact quarter solver takes at most " +
                                std::to_string(kQuarterExactMaxClients) + " clients");
  for (std::size_t k = 0; k < n_; ++k)
    if (cands[k] != qp.client_node(k))
      throw std::logic_error("the quarter problem's candidates are not its clients in order");
  if (p.cost_weight != 1.0)
    throw std::logic_error("the exact quarter solver needs a cost weight of 1");
  horizon_days_ = static_cast<int>((input.horizon.last - input.horizon.first).count()) + 1;
  track_cost_ = std::isfinite(p.budgets.max_total_cost);
  track_co2_ = std::isfinite(p.budgets.max_total_load);
  track_cash_ = std::isfinite(p.budgets.max_total_cash);
  const std::uint32_t sets = 1u << n_;
  prize_.assign(sets, 0.0);
  for (std::uint32_t mask = 1; mask < sets; ++mask) {
    const int k = std::countr_zero(mask);
    prize_[mask] =
        prize_[mask & (mask - 1)] +
        p.nodes[static_cast<std::size_t>(qp.client_node(static_cast<std::size_t>(k)))].prize;
  }
  for (std::size_t k = 0; k < n_; ++k)
    if (p.nodes[static_cast<std::size_t>(qp.client_node(k))].mandatory) mandatory_ |= 1u << k;
  travellers_.resize(qp.travellers);
  for (std::size_t t = 0; t < qp.travellers; ++t) solve_traveller(t);
  combine();
}

void QuarterExact::check_deadline() const {
  if (!deadline_.expired()) return;
  std::ostringstream limit;
  limit << input_->time_limit_s;
  throw TimeLimitError("method exact reached its time limit (time_limit_s " + limit.str() +
                       " s) before it had a complete plan: the exact solver has none until it "
                       "ends; raise time_limit_s, or plan with method search");
}

bool QuarterExact::dominates(const Use& a, const Use& b) const {
  return a.score <= b.score && a.days <= b.days && (!track_cost_ || a.cost <= b.cost) &&
         (!track_co2_ || a.co2 <= b.co2) && (!track_cash_ || a.cash <= b.cash);
}

void QuarterExact::solve_traveller(std::size_t t) {
  const core::RoutingProblem& p = qp_->problem;
  const core::Budgets& budgets = p.budgets;
  Traveller& tr = travellers_[t];
  const int max_days = input_->travellers[t].max_days_away;
  const auto h = static_cast<std::size_t>(horizon_days_);
  const std::uint32_t sets = 1u << n_;
  std::vector<int> allowed;
  std::uint32_t allowed_mask = 0;
  for (std::size_t k = 0; k < n_; ++k)
    if (p.allowed(static_cast<int>(t), qp_->client_node(k))) {
      allowed.push_back(static_cast<int>(k));
      allowed_mask |= 1u << k;
    }
  // A route's limits that one traveller's labels must already keep.
  auto within = [&](std::int64_t cost, std::int64_t co2, int days, std::int64_t cash) {
    return days <= max_days && budgets.hold(static_cast<double>(cost), days,
                                            static_cast<double>(co2), static_cast<double>(cash));
  };
  auto choice_dominates = [&](const TripChoice& a, const TripChoice& b) {
    return a.back <= b.back && dominates({a.cost - a.bonus, a.days, a.cost, a.co2, a.cash},
                                         {b.cost - b.bonus, b.days, b.cost, b.co2, b.cash});
  };

  // ---- every trip: per set of clients and departure day, the orders no other order beats ----
  std::vector<std::vector<std::vector<TripChoice>>> by_day(sets);
  std::vector<int> seq;
  std::function<void(std::uint32_t)> grow = [&](std::uint32_t used) {
    if (seq.size() == static_cast<std::size_t>(kMaxStopsPerTrip)) return;
    for (const int k : allowed) {
      if (used & (1u << k)) continue;
      check_deadline();
      seq.push_back(k);
      const std::vector<TripOption>& opts = pricer_->options(t, seq);
      // A trip that cannot be dated stays impossible with more clients appended.
      if (!opts.empty()) {
        ++trips_priced_;
        const std::uint32_t mask = used | (1u << k);
        const int id = static_cast<int>(tr.seqs.size());
        tr.seqs.push_back(seq);
        std::vector<std::vector<TripChoice>>& days = by_day[mask];
        if (days.empty()) days.resize(h);
        for (const TripOption& o : opts) {
          TripChoice c;
          c.depart = static_cast<int>((o.depart - input_->horizon.first).count());
          c.back = static_cast<int>((o.back - input_->horizon.first).count());
          c.days = o.days;
          c.seq = id;
          c.cost = o.cost;
          c.bonus = o.bonus;
          c.co2 = o.co2;
          c.cash = o.cash;
          if (!within(c.cost, c.co2, c.days, c.cash)) continue;
          keep_undominated(days[static_cast<std::size_t>(c.depart)], c, choice_dominates);
        }
        grow(mask);
      }
      seq.pop_back();
    }
  };
  grow(0);
  std::vector<std::vector<TripChoice>> choices(sets); // by departure day
  std::vector<std::uint32_t> trip_sets;
  for (std::uint32_t mask = 1; mask < sets; ++mask) {
    for (std::vector<TripChoice>& day : by_day[mask])
      choices[mask].insert(choices[mask].end(), day.begin(), day.end());
    by_day[mask] = {};
    if (!choices[mask].empty()) trip_sets.push_back(mask);
  }

  // ---- routes: trips appended in date order, over sets of clients in increasing order ----
  // Labels waiting for their set, by return day + 1 (so that the start, day -1, is bucket 0).
  std::vector<std::vector<std::vector<Label>>> waiting(sets);
  auto label_dominates = [&](const Label& a, const Label& b) {
    return dominates({a.cost - a.bonus, a.days, a.cost, a.co2, a.cash},
                     {b.cost - b.bonus, b.days, b.cost, b.co2, b.cash});
  };
  tr.set.assign(sets, {});
  tr.front.assign(sets, {});
  waiting[0].resize(h + 1);
  waiting[0][0].push_back(Label{});
  std::vector<std::vector<int>> front_at(h); // per departure day: labels back before it
  for (std::uint32_t mask = 0; mask < sets; ++mask) {
    if ((mask & ~allowed_mask) != 0 || waiting[mask].empty()) continue;
    check_deadline();
    // Settle the set's labels in date order: a label another beats with an earlier or equal
    // return is dropped; front_at[d] is what no earlier label beats among returns before d.
    std::vector<Label>& labels = tr.set[mask];
    std::vector<int> current;
    for (std::size_t b = 0; b <= h; ++b) {
      if (b >= 1) front_at[b - 1] = current;
      for (const Label& l : waiting[mask][b]) {
        if (std::any_of(current.begin(), current.end(), [&](int c) {
              return label_dominates(labels[static_cast<std::size_t>(c)], l);
            }))
          continue;
        std::erase_if(current, [&](int c) {
          return label_dominates(l, labels[static_cast<std::size_t>(c)]);
        });
        current.push_back(static_cast<int>(labels.size()));
        labels.push_back(l);
      }
    }
    tr.front[mask] = current;
    waiting[mask] = {};
    // Append every trip through clients not yet in the set.
    for (const std::uint32_t s : trip_sets) {
      if ((s & mask) != 0) continue;
      std::vector<std::vector<Label>>& into = waiting[mask | s];
      for (const TripChoice& c : choices[s]) {
        for (const int li : front_at[static_cast<std::size_t>(c.depart)]) {
          const Label& from = labels[static_cast<std::size_t>(li)];
          Label l;
          l.cost = from.cost + c.cost;
          l.bonus = from.bonus + c.bonus;
          l.co2 = from.co2 + c.co2;
          l.cash = from.cash + c.cash;
          l.days = from.days + c.days;
          if (!within(l.cost, l.co2, l.days, l.cash)) continue;
          l.back = c.back;
          l.prev = li;
          l.seq = c.seq;
          l.depart = c.depart;
          if (into.empty()) into.resize(h + 1);
          keep_undominated(into[static_cast<std::size_t>(c.back + 1)], l, label_dominates);
        }
      }
    }
  }
}

void QuarterExact::combine() {
  const core::Budgets& budgets = qp_->problem.budgets;
  const std::uint32_t sets = 1u << n_;
  auto combo_dominates = [&](const Combo& a, const Combo& b) {
    return dominates({a.score, a.days, a.cost, a.co2, a.cash},
                     {b.score, b.days, b.cost, b.co2, b.cash});
  };
  combos_.assign(travellers_.size(), std::vector<std::vector<Combo>>(sets));
  for (std::size_t t = 0; t < travellers_.size(); ++t) {
    const Traveller& tr = travellers_[t];
    for (std::uint32_t mask = 0; mask < sets; ++mask) {
      check_deadline();
      std::vector<Combo>& out = combos_[t][mask];
      // The traveller's part is `part`, the earlier travellers' is mask ^ part.
      for (std::uint32_t part = mask;; part = (part - 1) & mask) {
        const std::uint32_t rest = mask ^ part;
        const std::vector<int>& front = tr.front[part];
        const std::size_t from_count = t == 0 ? (rest == 0 ? 1 : 0) : combos_[t - 1][rest].size();
        for (std::size_t f = 0; f < from_count; ++f) {
          const Combo before = t == 0 ? Combo{} : combos_[t - 1][rest][f];
          for (const int li : front) {
            const Label& l = tr.set[part][static_cast<std::size_t>(li)];
            Combo c;
            c.score = before.score + l.cost - l.bonus;
            c.cost = before.cost + l.cost;
            c.co2 = before.co2 + l.co2;
            c.cash = before.cash + l.cash;
            c.days = before.days + l.days;
            if (!budgets.hold(static_cast<double>(c.cost), c.days, static_cast<double>(c.co2),
                              static_cast<double>(c.cash)))
              continue;
            c.part = part;
            c.from = t == 0 ? -1 : static_cast<int>(f);
            c.label = li;
            keep_undominated(out, c, combo_dominates);
          }
        }
        if (part == 0) break;
      }
    }
  }
}

std::optional<ExactPlan> QuarterExact::best(std::optional<std::size_t> flip_client,
                                            bool flip_visit) const {
  std::uint32_t required = mandatory_;
  std::uint32_t forbidden = 0;
  if (flip_client) {
    const std::uint32_t bit = 1u << *flip_client;
    if (flip_visit) {
      required |= bit;
    } else {
      required &= ~bit;
      forbidden |= bit;
    }
  }
  const std::uint32_t sets = 1u << n_;
  if (travellers_.empty()) return std::nullopt;
  const std::vector<std::vector<Combo>>& last = combos_.back();
  std::optional<std::pair<std::uint32_t, std::size_t>> pick;
  double best_obj = 0;
  int best_days = 0;
  for (std::uint32_t mask = 0; mask < sets; ++mask) {
    if ((mask & required) != required || (mask & forbidden) != 0) continue;
    for (std::size_t k = 0; k < last[mask].size(); ++k) {
      const Combo& c = last[mask][k];
      const double obj = prize_[mask] - static_cast<double>(c.score);
      if (!pick || obj > best_obj + 1e-6 || (obj > best_obj - 1e-6 && c.days < best_days)) {
        pick = {mask, k};
        best_obj = obj;
        best_days = c.days;
      }
    }
  }
  if (!pick) return std::nullopt;

  ExactPlan plan;
  plan.objective = best_obj;
  plan.days = best_days;
  plan.routes.assign(travellers_.size(), {});
  plan.splits.assign(travellers_.size(), {});
  std::uint32_t mask = pick->first;
  int at = static_cast<int>(pick->second);
  for (std::size_t t = travellers_.size(); t-- > 0;) {
    const Combo& c = combos_[t][mask][static_cast<std::size_t>(at)];
    const Traveller& tr = travellers_[t];
    // The traveller's trips, last first.
    std::vector<const Label*> trips;
    std::uint32_t set = c.part;
    for (const Label* l = &tr.set[set][static_cast<std::size_t>(c.label)]; l->seq >= 0;) {
      trips.push_back(l);
      for (const int k : tr.seqs[static_cast<std::size_t>(l->seq)]) set &= ~(1u << k);
      l = &tr.set[set][static_cast<std::size_t>(l->prev)];
    }
    RouteSplit& split = plan.splits[t];
    split.feasible = true;
    std::vector<int>& route = plan.routes[t];
    for (auto it = trips.rbegin(); it != trips.rend(); ++it) {
      const Label& l = **it;
      RouteSplit::Part part;
      part.first = route.size();
      for (const int k : tr.seqs[static_cast<std::size_t>(l.seq)])
        route.push_back(qp_->client_node(static_cast<std::size_t>(k)));
      part.last = route.size();
      part.depart = input_->horizon.first + date::days{l.depart};
      split.parts.push_back(part);
    }
    if (!trips.empty()) {
      const Label& l = *trips.front();
      split.cost = l.cost;
      split.bonus = l.bonus;
      split.days = l.days;
      split.co2 = l.co2;
      split.cash = l.cash;
    }
    mask ^= c.part;
    at = c.from;
  }
  return plan;
}

} // namespace flyorcall::optimize
