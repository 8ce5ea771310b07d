// Pricing a traveller's route exactly: the trip pricer memoises every feasible departure of each
// round trip, and split_route cuts a route into dated round trips by dynamic programming
// (docs/optimizer.md, "The quarter planner"). QuarterEvaluator is the optimizer core's view of it.
#include "optimize/route_split.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "flyorcall/limits.hpp"
#include "optimize/decisions.hpp"

namespace flyorcall::optimize {

namespace {

std::vector<std::size_t> as_clients(std::span<const int> stops) {
  std::vector<std::size_t> v;
  v.reserve(stops.size());
  for (int s : stops) v.push_back(static_cast<std::size_t>(s));
  return v;
}

std::int64_t score(const TripOption& o) {
  return o.cost - o.bonus;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Pricing

TripPricer::TripPricer(const Input& input, const network::Network& net, const Scheduler& sched,
                       std::vector<Money> base_value, std::size_t max_memo)
    : input_(&input), net_(&net), sched_(&sched), base_value_(std::move(base_value)),
      max_memo_(max_memo) {
  fair_at_.assign(input.clients.size(), 0);
  for (std::size_t i = 0; i < input.clients.size(); ++i) {
    const std::string& country = net.city(sched.client_city(i)).country;
    for (const Event& e : input.events)
      if (e.kind == EventKind::fair && event_at(e, input.clients[i].city, country)) fair_at_[i] = 1;
  }
}

Money TripPricer::fair_bonus(const Trip& trip, std::span<const int> stops) const {
  Money bonus{0};
  for (std::size_t k = 0; k < trip.visits.size() && k < stops.size(); ++k) {
    const auto i = static_cast<std::size_t>(stops[k]);
    if (fair_at_[i] == 0) continue; // no fair where the client is: no uplift on any date
    const Client& client = input_->clients[i];
    const std::string& country = net_->city(sched_->client_city(i)).country;
    const double uplift = fair_uplift(*input_, client, country, trip.visits[k]);
    if (uplift > 0) bonus += scale(base_value_[i], 1.0 + uplift) - base_value_[i];
  }
  return bonus;
}

static_assert(limits::kMaxClients <= 0xFFFF && limits::kMaxTravellers <= 0xFFFF,
              "a trip's memo key holds client and traveller indices in 16 bits");

std::array<std::uint64_t, 2> TripPricer::words(const Key& k) noexcept {
  static_assert(sizeof(Key) == 16, "a trip's memo key is two 64-bit words");
  std::array<std::uint64_t, 2> w{};
  std::memcpy(w.data(), k.data(), sizeof w);
  return w;
}

std::size_t TripPricer::KeyHash::operator()(const Key& k) const noexcept {
  // The two words mixed by multiplication and splitmix64's finaliser.
  const auto [a, b] = words(k);
  std::uint64_t h = a * 0x9e3779b97f4a7c15ULL ^ (b + 0x632be59bd9b4e019ULL) * 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 31;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 29;
  return static_cast<std::size_t>(h);
}

bool TripPricer::KeyEqual::operator()(const Key& a, const Key& b) const noexcept {
  return words(a) == words(b);
}

const std::vector<TripOption>& TripPricer::options(std::size_t traveller,
                                                   std::span<const int> stops) const {
  if (stops.size() > static_cast<std::size_t>(kMaxStopsPerTrip))
    throw std::logic_error("a round trip of more than kMaxStopsPerTrip clients was priced");
  Key key{};
  key[0] = static_cast<std::uint16_t>(traveller);
  key[1] = static_cast<std::uint16_t>(stops.size());
  for (std::size_t k = 0; k < stops.size(); ++k) key[2 + k] = static_cast<std::uint16_t>(stops[k]);
  if (const std::vector<TripOption>* memo = memoised(key)) return *memo;
  ++trips_priced_;
  std::vector<TripOption> opts;
  const std::vector<std::size_t> clients = as_clients(stops);
  const DateRange h = input_->horizon;
  // A stop appended to a trip only makes it end later, so the trip can depart only on the dates
  // its trip without the last stop can: when that trip is memoised, only its dates are tried.
  const std::vector<TripOption>* shorter = nullptr;
  if (stops.size() >= 2) {
    Key prefix = key;
    prefix[1] = static_cast<std::uint16_t>(stops.size() - 1);
    prefix[1 + stops.size()] = 0;
    shorter = memoised(prefix);
  }
  // When the trip without the last stop is the one priced last, each of its departures continues
  // from where it stood before its journey home instead of being scheduled from the start.
  Key prefix_key = key;
  prefix_key[1] = static_cast<std::uint16_t>(stops.size() - 1);
  prefix_key[1 + stops.size()] = 0;
  const bool resume = shorter != nullptr && last_.valid && last_.key == prefix_key &&
                      last_.count == shorter->size();
  std::size_t kept = 0; // states of this trip's options stored in building_
  Trip trip;
  cost::TripPlaces places;
  TripProgress progress;
  std::size_t next = 0; // the next of `shorter`'s departures to try
  for (Date d = h.first; d <= h.last; d += date::days{1}) {
    if (shorter != nullptr) {
      if (next == shorter->size()) break;
      d = (*shorter)[next++].depart;
    }
    const ScheduleFailure f =
        resume ? sched_->extend_unnamed(traveller, clients.back(), last_.states[next - 1].trip,
                                        last_.states[next - 1].places,
                                        last_.states[next - 1].progress, trip, places, &progress)
               : sched_->schedule_unnamed(traveller, clients, d, trip, places, &progress);
    if (f != ScheduleFailure::none) {
      // Routes do not depend on the date, and a later departure reaches every stop no earlier:
      // once a trip is unreachable, has no visit date left or ends past the horizon, so does
      // every later departure.
      if (f == ScheduleFailure::unreachable || f == ScheduleFailure::no_visit_date ||
          f == ScheduleFailure::past_horizon)
        break;
      continue;
    }
    TripOption o;
    o.depart = trip.depart;
    o.back = trip.back;
    o.cost = trip.cost.total().count();
    o.bonus = fair_bonus(trip, stops).count();
    o.days = trip.days_away;
    o.co2 = trip.co2().count();
    o.cash = trip.cost.cash().count();
    opts.push_back(o);
    if (building_.states.size() == kept) building_.states.emplace_back();
    // The lists change hands (the next trip scheduled reuses the buffers it receives).
    TripState& st = building_.states[kept++];
    st.trip.depart = trip.depart;
    st.trip.legs.swap(trip.legs);
    st.trip.stays.swap(trip.stays);
    st.trip.visits.swap(trip.visits);
    st.places.leg_to.swap(places.leg_to);
    st.places.stay_city.swap(places.stay_city);
    st.progress = progress;
  }
  std::swap(last_, building_);
  last_.valid = true;
  last_.key = key;
  last_.count = kept;
  building_.valid = false;
  // next_lower: the Pareto chain (later departure, lower cost − bonus) of every suffix.
  std::vector<int> stack;
  for (int k = static_cast<int>(opts.size()) - 1; k >= 0; --k) {
    while (!stack.empty() && score(opts[static_cast<std::size_t>(stack.back())]) >=
                                 score(opts[static_cast<std::size_t>(k)]))
      stack.pop_back();
    opts[static_cast<std::size_t>(k)].next_lower = stack.empty() ? -1 : stack.back();
    stack.push_back(k);
  }
  make_room(opts.size() + 1); // an infeasible trip still takes an entry
  stored_ += opts.size() + 1;
  recent_.push_front(key);
  return cache_.emplace(key, Memoised{std::move(opts), recent_.begin()}).first->second.options;
}

const std::vector<TripOption>* TripPricer::memoised(const Key& key) const {
  const auto it = cache_.find(key);
  if (it == cache_.end()) return nullptr;
  recent_.splice(recent_.begin(), recent_, it->second.recent);
  return &it->second.options;
}

void TripPricer::make_room(std::size_t options) const {
  while (!recent_.empty() && stored_ + options > max_memo_) {
    const auto it = cache_.find(recent_.back());
    stored_ -= it->second.options.size() + 1;
    cache_.erase(it);
    recent_.pop_back();
  }
}

Trip TripPricer::trip(std::size_t traveller, std::span<const int> stops, Date depart) const {
  ScheduleResult r = sched_->schedule(traveller, as_clients(stops), depart);
  if (!r.trip) throw std::logic_error("a priced trip no longer schedules: " + r.why);
  return std::move(*r.trip);
}

// ---------------------------------------------------------------------------------------------
// Splitting a route into dated trips

namespace {

using Label = SplitMemo::Label;

// Keeps `l` in `set` unless a label there is no worse on score, return and days; drops the
// labels it beats.
void add_label(std::vector<Label>& set, const Label& l) {
  for (const Label& o : set)
    if (o.score <= l.score && o.back <= l.back && o.days <= l.days) return;
  std::erase_if(set, [&](const Label& o) {
    return l.score <= o.score && l.back <= o.back && l.days <= o.days;
  });
  set.push_back(l);
}

// The split's penalty of one trip option. Prices and trip figures are never negative, so
// truncating x + 0.5 rounds like llround.
std::int64_t penalty(const SplitPrices& prices, const TripOption& o) {
  if (!prices.any()) return 0;
  return static_cast<std::int64_t>(prices.cost * static_cast<double>(o.cost) +
                                   prices.days * o.days + prices.co2 * static_cast<double>(o.co2) +
                                   prices.cash * static_cast<double>(o.cash) + 0.5);
}

// Extends every label at position i of `stops` by each trip stops[i, j), j from `first` to
// `last`, into labels[j]. Returns the first j whose trip has no feasible date (a trip with more
// stops appended has none either), or SplitMemo::kNone.
std::size_t push_trips(const TripPricer& pricer, std::size_t traveller, int max_days,
                       const SplitPrices& prices, const TripHops* hops, std::span<const int> stops,
                       std::size_t i, std::size_t first, std::size_t last,
                       std::vector<std::vector<Label>>& labels) {
  const bool priced = prices.any();
  // A hop the trip may not make ends it there, like a trip without a date.
  if (hops != nullptr)
    for (std::size_t q = i + 1; q + 1 < first; ++q)
      if (!hops->allows(stops[q - 1], stops[q])) return q + 1;
  for (std::size_t j = first; j <= last; ++j) {
    if (hops != nullptr && j >= i + 2 && !hops->allows(stops[j - 2], stops[j - 1])) return j;
    const std::vector<TripOption>& opts = pricer.options(traveller, stops.subspan(i, j - i));
    if (opts.empty()) return j;
    for (std::size_t li = 0; li < labels[i].size(); ++li) {
      const Label from = labels[i][li];
      auto it = std::upper_bound(opts.begin(), opts.end(), from.back,
                                 [](Date b, const TripOption& o) { return b < o.depart; });
      // Without prices, a later departure is worth trying only when it is cheaper (the
      // next_lower chain); with them, a dearer one may still cost fewer days or less CO2.
      for (int k = it == opts.end() ? -1 : static_cast<int>(it - opts.begin()); k >= 0;
           k = priced ? (k + 1 < static_cast<int>(opts.size()) ? k + 1 : -1)
                      : opts[static_cast<std::size_t>(k)].next_lower) {
        const TripOption& o = opts[static_cast<std::size_t>(k)];
        if (from.days + o.days > max_days) continue;
        Label l;
        l.score = from.score + score(o) + penalty(prices, o);
        l.back = o.back;
        l.days = from.days + o.days;
        l.cost = from.cost + o.cost;
        l.bonus = from.bonus + o.bonus;
        l.co2 = from.co2 + o.co2;
        l.cash = from.cash + o.cash;
        l.from_pos = i;
        l.from_label = static_cast<int>(li);
        l.depart = o.depart;
        add_label(labels[j], l);
      }
    }
  }
  return SplitMemo::kNone;
}

// The best of `end` by score, then days, then return; end.size() when it is empty.
std::size_t best_label(const std::vector<Label>& end) {
  if (end.empty()) return 0;
  std::size_t best = 0;
  for (std::size_t k = 1; k < end.size(); ++k) {
    const Label& a = end[k];
    const Label& b = end[best];
    if (a.score < b.score ||
        (a.score == b.score && (a.days < b.days || (a.days == b.days && a.back < b.back))))
      best = k;
  }
  return best;
}

} // namespace

RouteSplit split_route(const TripPricer& pricer, const Input& input, std::size_t traveller,
                       std::span<const int> stops, const SplitPrices& prices, SplitMemo* memo,
                       const TripHops* hops) {
  RouteSplit out;
  const std::size_t m = stops.size();
  if (m == 0) {
    out.feasible = true;
    return out;
  }
  const int max_days = input.travellers[traveller].max_days_away;
  SplitMemo scratch;
  SplitMemo& M = memo != nullptr ? *memo : scratch;
  // Labels at positions up to `kept` depend on the stops before them only: a route that starts
  // like the memo's keeps them, and the programme goes on from there.
  std::size_t kept = 0;
  if (M.valid && M.traveller == traveller && M.prices == prices) {
    const std::size_t n = std::min(m, M.stops.size());
    while (kept < n && M.stops[kept] == stops[kept]) ++kept;
  }
  M.valid = false; // until the labels below are complete
  M.traveller = traveller;
  M.prices = prices;
  M.stops.assign(stops.begin(), stops.end());
  M.labels.resize(m + 1);
  M.dead.resize(m + 1, SplitMemo::kNone);
  for (std::size_t j = kept + 1; j <= m; ++j) M.labels[j].clear();
  if (kept == 0) {
    Label start;
    start.back = input.horizon.first - date::days{1};
    M.labels[0].assign(1, start);
  }
  std::vector<std::vector<Label>>& labels = M.labels;

  const auto max_stops = static_cast<std::size_t>(kMaxStopsPerTrip);
  for (std::size_t i = kept + 1 > max_stops ? kept + 1 - max_stops : 0; i < m; ++i) {
    if (labels[i].empty()) continue;
    std::size_t first = i + 1;
    if (i <= kept) {
      // Its trips up to position `kept` are in place already; a trip of the same first stops
      // that could not be dated ends it here too.
      if (M.dead[i] <= kept) continue;
      first = kept + 1;
    }
    M.dead[i] = push_trips(pricer, traveller, max_days, prices, hops, stops, i, first,
                           std::min(m, i + max_stops), labels);
  }
  M.valid = true;
  const std::vector<Label>& end = labels[m];
  if (end.empty()) return out;
  const std::size_t best = best_label(end);
  const Label& b = end[best];
  out.feasible = true;
  out.cost = b.cost;
  out.bonus = b.bonus;
  out.days = b.days;
  out.co2 = b.co2;
  out.cash = b.cash;
  std::size_t pos = m;
  int li = static_cast<int>(best);
  while (pos > 0) {
    const Label& l = labels[pos][static_cast<std::size_t>(li)];
    const Label& f = labels[l.from_pos][static_cast<std::size_t>(l.from_label)];
    RouteSplit::Part part;
    part.first = l.from_pos;
    part.last = pos;
    part.depart = l.depart;
    part.back = l.back;
    part.days = l.days - f.days;
    part.cost = l.cost - f.cost;
    part.bonus = l.bonus - f.bonus;
    part.co2 = l.co2 - f.co2;
    part.cash = l.cash - f.cash;
    part.score = l.score - f.score;
    out.parts.push_back(part);
    li = l.from_label;
    pos = l.from_pos;
  }
  std::reverse(out.parts.begin(), out.parts.end());
  return out;
}

RouteSplit split_near(const TripPricer& pricer, const Input& input, std::size_t traveller,
                      std::span<const int> base_stops, const RouteSplit& base_split,
                      std::span<const int> stops, const SplitPrices& prices, const TripHops* hops) {
  const std::size_t m = base_stops.size();
  const std::size_t n = stops.size();
  const std::vector<RouteSplit::Part>& parts = base_split.parts;
  std::size_t same_front = 0;
  while (same_front < std::min(m, n) && base_stops[same_front] == stops[same_front]) ++same_front;
  std::size_t same_back = 0;
  while (same_back < std::min(m, n) - same_front &&
         base_stops[m - 1 - same_back] == stops[n - 1 - same_back])
    ++same_back;
  // Trips kept: those that end before the first stop that differs and those that start after
  // the last; the trips that hold or touch the change are split and dated again.
  std::size_t left = 0; // parts [0, left) kept
  while (left < parts.size() && parts[left].last < same_front) ++left;
  std::size_t right = parts.size(); // parts [right, end) kept
  while (right > left && parts[right - 1].first > m - same_back) --right;
  if (!base_split.feasible || (left == 0 && right == parts.size()))
    return split_route(pricer, input, traveller, stops, prices, nullptr, hops);

  const std::size_t from = left > 0 ? parts[left - 1].last : 0;
  const std::size_t to_base = right < parts.size() ? parts[right].first : m;
  const std::size_t to = n - (m - to_base); // the same stops after it in `stops`
  Label start;
  start.back = left > 0 ? parts[left - 1].back : input.horizon.first - date::days{1};
  for (std::size_t k = 0; k < left; ++k) {
    start.score += parts[k].score;
    start.days += parts[k].days;
    start.cost += parts[k].cost;
    start.bonus += parts[k].bonus;
    start.co2 += parts[k].co2;
    start.cash += parts[k].cash;
  }
  Label after; // the kept trips after the change, summed
  for (std::size_t k = right; k < parts.size(); ++k) {
    after.score += parts[k].score;
    after.days += parts[k].days;
    after.cost += parts[k].cost;
    after.bonus += parts[k].bonus;
    after.co2 += parts[k].co2;
    after.cash += parts[k].cash;
  }
  const int max_days = input.travellers[traveller].max_days_away;
  const std::span<const int> middle = stops.subspan(from, to - from);
  const std::size_t mm = middle.size();
  std::vector<std::vector<Label>> labels(mm + 1);
  labels[0].push_back(start);
  const auto max_stops = static_cast<std::size_t>(kMaxStopsPerTrip);
  for (std::size_t i = 0; i < mm; ++i)
    if (!labels[i].empty())
      push_trips(pricer, traveller, max_days - after.days, prices, hops, middle, i, i + 1,
                 std::min(mm, i + max_stops), labels);
  // The middle must be back home before the first kept trip after it leaves.
  std::erase_if(labels[mm], [&](const Label& l) {
    return right < parts.size() && l.back >= parts[right].depart;
  });
  RouteSplit out;
  if (labels[mm].empty()) return out;
  const Label& b = labels[mm][best_label(labels[mm])];
  out.feasible = true;
  out.cost = b.cost + after.cost;
  out.bonus = b.bonus + after.bonus;
  out.days = b.days + after.days;
  out.co2 = b.co2 + after.co2;
  out.cash = b.cash + after.cash;
  return out;
}

std::vector<int> QuarterEvaluator::clients_of(std::span<const int> visits) const {
  std::vector<int> clients;
  clients.reserve(visits.size());
  for (int n : visits) clients.push_back(n - static_cast<int>(qp_->travellers));
  return clients;
}

RouteSplit QuarterEvaluator::split(int vehicle, std::span<const int> visits) const {
  const std::vector<int> clients = clients_of(visits);
  if (memos_.size() < qp_->travellers) memos_.resize(qp_->travellers);
  return split_route(*pricer_, *input_, static_cast<std::size_t>(vehicle), clients, prices_,
                     &memos_[static_cast<std::size_t>(vehicle)], &hops_);
}

core::RouteEval route_eval_of(const RouteSplit& s) {
  core::RouteEval e;
  e.feasible = s.feasible;
  e.duration = s.days;
  e.cost = static_cast<double>(s.cost);
  e.bonus = static_cast<double>(s.bonus);
  e.load = static_cast<double>(s.co2);
  e.cash = static_cast<double>(s.cash);
  return e;
}

core::RouteEval QuarterEvaluator::evaluate(int vehicle, std::span<const int> visits) const {
  return route_eval_of(split(vehicle, visits));
}

const QuarterEvaluator::Base& QuarterEvaluator::base_of(int vehicle,
                                                        std::span<const int> base) const {
  if (bases_.size() < qp_->travellers) bases_.resize(qp_->travellers);
  Base& b = bases_[static_cast<std::size_t>(vehicle)];
  const std::vector<int> base_clients = clients_of(base);
  if (!b.valid || b.stops != base_clients || !(b.prices == prices_)) {
    b.split = split(vehicle, base);
    b.stops = base_clients;
    b.prices = prices_;
    b.valid = true;
  }
  return b;
}

std::vector<int> QuarterEvaluator::boundaries(int vehicle, std::span<const int> visits) const {
  std::vector<int> out;
  for (const RouteSplit::Part& part : base_of(vehicle, visits).split.parts)
    out.push_back(static_cast<int>(part.first));
  return out;
}

core::RouteEval QuarterEvaluator::evaluate_near(int vehicle, std::span<const int> base,
                                                std::span<const int> visits) const {
  const Base& b = base_of(vehicle, base);
  return route_eval_of(split_near(*pricer_, *input_, static_cast<std::size_t>(vehicle), b.stops,
                                  b.split, clients_of(visits), prices_, &hops_));
}

} // namespace flyorcall::optimize
