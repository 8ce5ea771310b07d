// The joint schedule of weekly call series (time/call_series.hpp): series of one owner never
// overlap, series of different owners may, the cheapest collision-free choice wins.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

#include "time/call_series.hpp"
#include "time/zones.hpp"

using flyorcall::Date;
using flyorcall::DateRange;
using flyorcall::WorkingHours;
namespace tz = flyorcall::timez;

namespace {

Date d(int y, unsigned m, unsigned day) {
  return Date{date::year{y} / m / day};
}

tz::CallParticipant party(const std::string& zone) {
  tz::CallParticipant p;
  p.name = zone;
  p.zone = tz::find_zone(zone);
  p.hours = WorkingHours::office_default();
  return p;
}

const DateRange kRange{d(2027, 1, 4), d(2027, 3, 26)};

// A series between Munich (the owner, anchoring) and Chicago, on its best slots by score.
tz::SeriesCandidates munich_chicago(std::size_t owner, std::size_t count = 40) {
  tz::SeriesCandidates s;
  s.owner = owner;
  s.slots =
      tz::rank_weekly_slots({party("Europe/Berlin"), party("America/Chicago")}, kRange, 60, count);
  for (const auto& slot : s.slots) s.cost.push_back(slot.score);
  return s;
}

} // namespace

TEST(CallSeries, OverlapIsByRealInstants) {
  const auto s = munich_chicago(0);
  ASSERT_GE(s.slots.size(), 2u);
  EXPECT_TRUE(tz::series_overlap(s.slots[0], s.slots[0]));
  // The same weekday an hour later overlaps nothing; 15 minutes later it does.
  for (const auto& other : s.slots) {
    if (other.weekday != s.slots[0].weekday) continue;
    const int gap = std::abs(other.anchor_start_min - s.slots[0].anchor_start_min);
    EXPECT_EQ(tz::series_overlap(s.slots[0], other), gap < 60) << gap;
  }
}

// Two clients in Chicago called by one traveller in Munich: each alone would take the same best
// slot; together they get distinct slots that never overlap, the first at the best one.
TEST(CallSeries, OneOwnersSeriesNeverOverlap) {
  const std::vector<tz::SeriesCandidates> series = {munich_chicago(0), munich_chicago(0),
                                                    munich_chicago(0)};
  const auto sched = tz::assign_series(series);
  ASSERT_EQ(sched.pick.size(), 3u);
  for (std::size_t a = 0; a < 3; ++a) {
    ASSERT_TRUE(sched.pick[a].has_value());
    for (std::size_t b = 0; b < a; ++b)
      EXPECT_FALSE(
          tz::series_overlap(series[a].slots[*sched.pick[a]], series[b].slots[*sched.pick[b]]))
          << "series " << a << " and " << b;
  }
  EXPECT_EQ(*sched.pick[0], 0u);
  // Deterministic: the same answer again.
  EXPECT_EQ(tz::assign_series(series).pick, sched.pick);
}

// Series of different owners (two travellers) may share a slot.
TEST(CallSeries, DifferentOwnersMayShareASlot) {
  const auto sched = tz::assign_series({munich_chicago(0), munich_chicago(1)});
  ASSERT_TRUE(sched.pick[0] && sched.pick[1]);
  EXPECT_EQ(*sched.pick[0], 0u);
  EXPECT_EQ(*sched.pick[1], 0u);
}

// The series with fewer choices goes first: a series that can only take the best slot keeps it
// and the flexible one moves, whatever their order.
TEST(CallSeries, TheHarderSeriesGoesFirst) {
  auto flexible = munich_chicago(0);
  auto rigid = munich_chicago(0, 1);
  const auto sched = tz::assign_series({flexible, rigid});
  ASSERT_TRUE(sched.pick[0] && sched.pick[1]);
  EXPECT_EQ(*sched.pick[1], 0u);
  EXPECT_NE(*sched.pick[0], 0u);
  EXPECT_FALSE(tz::series_overlap(flexible.slots[*sched.pick[0]], rigid.slots[0]));
}

namespace {

// Three mutually non-overlapping slots A, B, C of one series, the first three found by rank.
std::vector<tz::WeeklySlot> three_free_slots() {
  const auto base = munich_chicago(0, 200);
  std::vector<tz::WeeklySlot> out;
  for (const auto& slot : base.slots)
    if (out.size() < 3 && std::none_of(out.begin(), out.end(), [&](const tz::WeeklySlot& o) {
          return tz::series_overlap(o, slot);
        }))
      out.push_back(slot);
  return out;
}

} // namespace

// Of two series with as many choices, the one whose second choice costs more (higher regret)
// goes first and keeps the slot both want.
TEST(CallSeries, HigherRegretGoesFirst) {
  const auto abc = three_free_slots();
  ASSERT_EQ(abc.size(), 3u);
  const tz::SeriesCandidates s0{0, {abc[0], abc[1]}, {0.0, 100.0}};
  const tz::SeriesCandidates s1{0, {abc[0], abc[2]}, {0.0, 150.0}};
  const auto sched = tz::assign_series({s0, s1});
  ASSERT_TRUE(sched.pick[0] && sched.pick[1]);
  EXPECT_EQ(*sched.pick[0], 1u);
  EXPECT_EQ(*sched.pick[1], 0u);
  EXPECT_DOUBLE_EQ(sched.cost, 100.0);
}

// Local repair: the series with fewer choices goes first and takes A; the other then only finds
// the dear C. Moving the first to B frees A for the second at a lower total (100 instead of 150).
TEST(CallSeries, RepairMovesTheSeriesInTheWay) {
  const auto abc = three_free_slots();
  ASSERT_EQ(abc.size(), 3u);
  const tz::SeriesCandidates s0{0, {abc[0], abc[1]}, {0.0, 100.0}};
  const tz::SeriesCandidates s1{0, {abc[2], abc[0], abc[2]}, {150.0, 0.0, 150.0}};
  const auto sched = tz::assign_series({s0, s1});
  ASSERT_TRUE(sched.pick[0] && sched.pick[1]);
  EXPECT_EQ(*sched.pick[0], 1u);
  EXPECT_EQ(*sched.pick[1], 1u);
  EXPECT_DOUBLE_EQ(sched.cost, 100.0);
}

TEST(CallSeries, MismatchedCostsAreRejected) {
  auto s = munich_chicago(0);
  s.cost.pop_back();
  EXPECT_THROW((void)tz::assign_series({s}), std::invalid_argument);
}
