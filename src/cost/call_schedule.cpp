#include "cost/call_schedule.hpp"

#include <map>
#include <stdexcept>

#include "time/call_series.hpp"

namespace flyorcall::cost {

namespace {

constexpr int kDayMin = 24 * 60;

// How many ranked slots a series needs so that a free one is always among them: each other
// series of the traveller, held weekly, blocks the starts that overlap it in the traveller's
// week (its length plus this one's, in grid steps, and a margin of an hour either side).
std::size_t candidates_needed(const std::vector<CallSeries>& series,
                              const std::vector<std::size_t>& group, std::size_t self) {
  constexpr int kGrid = 15; // best_weekly_slot's grid
  const int own = static_cast<int>(series[self].client->meeting_length.count());
  std::size_t n = 1;
  for (const std::size_t j : group) {
    if (j == self) continue;
    const int other = static_cast<int>(series[j].client->meeting_length.count());
    n += static_cast<std::size_t>((own + other + 2 * 60) / kGrid + 1);
  }
  return std::min<std::size_t>(n, 7 * kDayMin / kGrid);
}

bool any_overlap(const std::vector<CallSeries>& series, const std::vector<std::size_t>& group) {
  for (std::size_t a = 0; a < group.size(); ++a)
    for (std::size_t b = 0; b < a; ++b) {
      const auto& sa = series[group[a]].remote.slot;
      const auto& sb = series[group[b]].remote.slot;
      if (sa && sb && timez::series_overlap(*sa, *sb)) return true;
    }
  return false;
}

} // namespace

CallSchedule schedule_calls(const std::vector<CallSeries>& series, const network::Network& net,
                            const Policy& policy, DateRange horizon) {
  CallSchedule result;
  std::vector<RemoteCost>& out = result.remote;
  out.reserve(series.size());
  std::map<std::size_t, std::vector<std::size_t>> by_traveller;
  for (std::size_t i = 0; i < series.size(); ++i) {
    const CallSeries& s = series[i];
    if (!s.client || !s.traveller || !s.client_calendar || !s.traveller_calendar)
      throw std::invalid_argument("a call series needs its client, traveller and calendars");
    out.push_back(s.remote);
    if (s.remote.slot) by_traveller[s.traveller_index].push_back(i);
  }
  for (const auto& [traveller, group] : by_traveller) {
    if (group.size() > kMaxJointSeries) {
      result.crowded.push_back(traveller);
      continue;
    }
    if (group.size() < 2 || !any_overlap(series, group)) continue;
    std::vector<timez::SeriesCandidates> cands;
    for (const std::size_t i : group) {
      const CallSeries& s = series[i];
      const auto parts = call_participants(*s.client, *s.traveller, net, policy, *s.client_calendar,
                                           *s.traveller_calendar);
      timez::SeriesCandidates c;
      c.owner = traveller;
      c.slots = timez::rank_weekly_slots(parts, horizon,
                                         static_cast<int>(s.client->meeting_length.count()),
                                         candidates_needed(series, group, i));
      for (const auto& slot : c.slots)
        c.cost.push_back(static_cast<double>(
            remote_cost_at(*s.client, *s.traveller, policy, slot).total().count()));
      cands.push_back(std::move(c));
    }
    const timez::SeriesSchedule schedule = timez::assign_series(cands);
    for (std::size_t g = 0; g < group.size(); ++g) {
      const CallSeries& s = series[group[g]];
      const auto& pick = schedule.pick[g];
      out[group[g]] = remote_cost_at(*s.client, *s.traveller, policy,
                                     pick ? std::optional(cands[g].slots[*pick]) : std::nullopt);
    }
  }
  return result;
}

} // namespace flyorcall::cost
