// A joint schedule of weekly call series: one slot per series, chosen together so that no two
// series of one owner (a traveller) ever hold calls at the same time (docs/calls.md, "Several
// series").
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "time/calls.hpp"

namespace flyorcall::timez {

/// One weekly series to place: the slots it may take and what each costs. All slots of one
/// owner's series are anchored in the owner's zone (participant 0).
struct SeriesCandidates {
  std::size_t owner = 0;         ///< series of one owner must never overlap
  std::vector<WeeklySlot> slots; ///< candidate weekly slots, best first
  std::vector<double> cost;      ///< per slot, what holding the series there costs (lower wins)
};

/// The chosen slot of every series.
struct SeriesSchedule {
  std::vector<std::optional<std::size_t>> pick; ///< per series; nullopt when every slot collides
  double cost = 0;                              ///< summed cost of the placed series
};

/// True when two weekly slots anchored in the same participant's zone (the owner's) overlap in
/// that participant's week: same or adjacent weekday, start times less than a call apart.
[[nodiscard]] bool series_overlap(const WeeklySlot& a, const WeeklySlot& b);

/// Places every series jointly: the owner's series go greedily in order of difficulty (fewest
/// candidates first, then the highest regret: how much the second-best slot costs more than the
/// best), each on its cheapest slot that overlaps no series already placed; then a local repair
/// moves a series to a cheaper slot, alone or by moving the one series in its way to that
/// series' cheapest free slot, while the summed cost falls (at most 20 million minutes of the
/// week looked at per owner, counted, so a very full week stops repairing early). Equal costs go to
/// the earlier candidate and series. Deterministic. Throws std::invalid_argument when a series'
/// slots and costs differ in number.
[[nodiscard]] SeriesSchedule assign_series(const std::vector<SeriesCandidates>& series);

} // namespace flyorcall::timez
