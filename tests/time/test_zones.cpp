#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "network/world_data.hpp"
#include "time/zones.hpp"

using namespace std::chrono_literals;
using flyorcall::Minutes;
namespace tz = flyorcall::timez;

namespace {

date::local_seconds local(date::year_month_day d, std::chrono::hours h, std::chrono::minutes m) {
  return date::local_days{d} + h + m;
}
date::sys_seconds utc(date::year_month_day d, std::chrono::hours h, std::chrono::minutes m) {
  return date::sys_days{d} + h + m;
}

// Sets TZ for the C library for the lifetime of the object, restoring the old value after.
class CZone {
public:
  explicit CZone(const std::string& name) {
    if (const char* old = std::getenv("TZ")) old_ = old;
    ::setenv("TZ", name.c_str(), 1);
    ::tzset();
  }
  ~CZone() {
    if (old_)
      ::setenv("TZ", old_->c_str(), 1);
    else
      ::unsetenv("TZ");
    ::tzset();
  }
  CZone(const CZone&) = delete;
  CZone& operator=(const CZone&) = delete;

private:
  std::optional<std::string> old_;
};

} // namespace

TEST(Zones, FindZoneKnowsIanaNamesAndRejectsOthers) {
  const auto* berlin = tz::find_zone("Europe/Berlin");
  ASSERT_NE(berlin, nullptr);
  EXPECT_EQ(berlin->name(), "Europe/Berlin");
  EXPECT_EQ(tz::find_zone("Europe/Berlin"), berlin); // cached: same object
  EXPECT_EQ(tz::find_zone("Mars/Olympus_Mons"), nullptr);
  EXPECT_EQ(tz::find_zone("Mars/Olympus_Mons"), nullptr); // misses are cached too
  EXPECT_EQ(tz::find_zone(""), nullptr);
}

TEST(Zones, OnlyIanaZoneAndLinkNamesAreZones) {
  // Files of the zoneinfo directory that are no IANA zone: "localtime" would make plans depend
  // on the host's settings.
  for (const char* name : {"localtime", "posixrules", "Factory", "posix/Europe/Berlin", "right/UTC",
                           "zone.tab", "tzdata.zi", "Europe/berlin", "/Europe/Berlin"})
    EXPECT_EQ(tz::find_zone(name), nullptr) << name;
  for (const char* name : {"UTC", "Etc/GMT+5", "EST5EDT", "US/Eastern", "GB-Eire",
                           "America/Argentina/Buenos_Aires", "Europe/Berlin"})
    EXPECT_NE(tz::find_zone(name), nullptr) << name;
}

TEST(Zones, FindZoneIsSafeFromManyThreads) {
  const std::vector<std::string> names = {"Asia/Tokyo", "America/New_York", "Europe/Paris",
                                          "Nowhere/City", "Asia/Kolkata"};
  std::vector<std::vector<const date::time_zone*>> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round)
        for (const auto& n : names) seen[t].push_back(tz::find_zone(n));
    });
  }
  for (auto& th : threads) th.join();
  for (std::size_t t = 1; t < seen.size(); ++t) EXPECT_EQ(seen[t], seen[0]);
  EXPECT_EQ(seen[0][3], nullptr);
  EXPECT_EQ(seen[0][0]->name(), "Asia/Tokyo");
}

TEST(Zones, AgreeWithTheCLibraryAcrossZonesAndYears) {
  const std::vector<std::string> zones = {
      "Europe/Berlin", "America/New_York",    "Asia/Tokyo",        "Australia/Sydney",
      "Asia/Kolkata",  "Asia/Kathmandu",      "America/Sao_Paulo", "Pacific/Auckland",
      "Europe/London", "America/Los_Angeles", "Asia/Singapore",    "America/St_Johns"};
  int checked = 0;
  for (const auto& name : zones) {
    const auto* zone = tz::find_zone(name);
    ASSERT_NE(zone, nullptr) << name;
    CZone c(name);
    // A step that is not a whole number of days or hours visits every time of day and both
    // sides of each DST change.
    for (date::sys_seconds t = utc(date::year{2026} / 1 / 1, 0h, 0min);
         t < utc(date::year{2028} / 12 / 31, 0h, 0min); t += date::days{3} + 7h + 13min) {
      const std::time_t tt = std::chrono::system_clock::to_time_t(t);
      std::tm tm{};
      ASSERT_NE(::localtime_r(&tt, &tm), nullptr);
      const date::local_seconds loc = tz::to_local(t, zone);
      const auto day = date::floor<date::days>(loc);
      const date::year_month_day ymd{day};
      const date::hh_mm_ss hms{loc - day};
      ASSERT_EQ(int(ymd.year()), tm.tm_year + 1900) << name << " " << date::format("%F %T", t);
      ASSERT_EQ(unsigned(ymd.month()), unsigned(tm.tm_mon + 1)) << name;
      ASSERT_EQ(unsigned(ymd.day()), unsigned(tm.tm_mday)) << name;
      ASSERT_EQ(hms.hours().count(), tm.tm_hour) << name << " " << date::format("%F %T", t);
      ASSERT_EQ(hms.minutes().count(), tm.tm_min) << name;
      ASSERT_EQ(tz::utc_offset(t, zone).count(), tm.tm_gmtoff / 60) << name;
      // Back to UTC: exact outside overlaps; in an overlap the earlier instant is chosen.
      const date::sys_seconds back = tz::to_utc(loc, zone);
      ASSERT_LE(back, t) << name;
      ASSERT_EQ(tz::to_local(back, zone), loc) << name;
      if (zone->get_info(loc).result == date::local_info::unique) {
        ASSERT_EQ(back, t) << name;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 2000);
}

TEST(Zones, NewYorkSpringForwardGapMovesForwardByTheGap) {
  const auto* ny = tz::find_zone("America/New_York");
  // 2027-03-14 02:00 EST -> 03:00 EDT; 02:30 does not exist.
  const auto gap = local(date::year{2027} / 3 / 14, 2h, 30min);
  ASSERT_EQ(ny->get_info(gap).result, date::local_info::nonexistent);
  EXPECT_EQ(tz::to_utc(gap, ny), utc(date::year{2027} / 3 / 14, 7h, 30min));
  EXPECT_EQ(tz::format_local(tz::to_local(tz::to_utc(gap, ny), ny)), "2027-03-14T03:30");
  EXPECT_EQ(tz::to_utc(local(date::year{2027} / 3 / 14, 1h, 59min), ny),
            utc(date::year{2027} / 3 / 14, 6h, 59min));
  EXPECT_EQ(tz::to_utc(local(date::year{2027} / 3 / 14, 3h, 0min), ny),
            utc(date::year{2027} / 3 / 14, 7h, 0min));
  EXPECT_EQ(tz::utc_offset(utc(date::year{2027} / 3 / 14, 6h, 59min), ny), Minutes(-300));
  EXPECT_EQ(tz::utc_offset(utc(date::year{2027} / 3 / 14, 7h, 0min), ny), Minutes(-240));
}

TEST(Zones, BerlinFallBackOverlapTakesTheEarlierInstant) {
  const auto* berlin = tz::find_zone("Europe/Berlin");
  // 2027-10-31 03:00 CEST -> 02:00 CET; 02:30 happens twice (00:30 and 01:30 UTC).
  const auto twice = local(date::year{2027} / 10 / 31, 2h, 30min);
  ASSERT_EQ(berlin->get_info(twice).result, date::local_info::ambiguous);
  const auto chosen = tz::to_utc(twice, berlin);
  EXPECT_EQ(chosen, utc(date::year{2027} / 10 / 31, 0h, 30min));
  EXPECT_EQ(tz::utc_offset(chosen, berlin), Minutes(120));
  EXPECT_EQ(tz::utc_offset(chosen + 1h, berlin), Minutes(60));
  EXPECT_EQ(tz::to_local(chosen + 1h, berlin), twice); // the later instant, same wall time
  EXPECT_EQ(tz::format_in_zone(chosen, berlin), "2027-10-31T02:30+02:00");
  EXPECT_EQ(tz::format_in_zone(chosen + 1h, berlin), "2027-10-31T02:30+01:00");
}

TEST(Zones, SydneyAutumnChangeInApril2027) {
  const auto* sydney = tz::find_zone("Australia/Sydney");
  // 2027-04-04 03:00 AEDT (+11) -> 02:00 AEST (+10), i.e. at 2027-04-03 16:00 UTC.
  const auto twice = local(date::year{2027} / 4 / 4, 2h, 30min);
  ASSERT_EQ(sydney->get_info(twice).result, date::local_info::ambiguous);
  EXPECT_EQ(tz::to_utc(twice, sydney), utc(date::year{2027} / 4 / 3, 15h, 30min));
  EXPECT_EQ(tz::utc_offset(utc(date::year{2027} / 4 / 3, 15h, 59min), sydney), Minutes(660));
  EXPECT_EQ(tz::utc_offset(utc(date::year{2027} / 4 / 3, 16h, 0min), sydney), Minutes(600));
  EXPECT_EQ(tz::to_utc(local(date::year{2027} / 4 / 4, 12h, 0min), sydney),
            utc(date::year{2027} / 4 / 4, 2h, 0min));
}

TEST(Zones, HalfAndQuarterHourOffsets) {
  const auto* kolkata = tz::find_zone("Asia/Kolkata");
  const auto* kathmandu = tz::find_zone("Asia/Kathmandu");
  const auto noon = utc(date::year{2027} / 1 / 15, 12h, 0min);
  EXPECT_EQ(tz::utc_offset(noon, kolkata), Minutes(330));
  EXPECT_EQ(tz::utc_offset(noon, kathmandu), Minutes(345));
  EXPECT_EQ(tz::format_in_zone(noon, kolkata), "2027-01-15T17:30+05:30");
  EXPECT_EQ(tz::format_in_zone(noon, kathmandu), "2027-01-15T17:45+05:45");
  EXPECT_EQ(tz::to_utc(local(date::year{2027} / 7 / 1, 9h, 0min), kathmandu),
            utc(date::year{2027} / 7 / 1, 3h, 15min));
  EXPECT_EQ(tz::format_in_zone(noon, tz::find_zone("America/New_York")), "2027-01-15T07:00-05:00");
  EXPECT_EQ(tz::format_in_zone(noon, tz::find_zone("America/St_Johns")), "2027-01-15T08:30-03:30");
}

TEST(Zones, NullZoneIsRejected) {
  EXPECT_THROW((void)tz::to_utc(local(date::year{2027} / 1 / 1, 0h, 0min), nullptr),
               std::invalid_argument);
  EXPECT_THROW((void)tz::utc_offset(utc(date::year{2027} / 1 / 1, 0h, 0min), nullptr),
               std::invalid_argument);
}

namespace {

// Local wall time as the C library sees it (broken down, then counted as if UTC).
date::local_seconds c_local(const std::tm& tm) {
  const date::year_month_day ymd{date::year{tm.tm_year + 1900},
                                 date::month{static_cast<unsigned>(tm.tm_mon + 1)},
                                 date::day{static_cast<unsigned>(tm.tm_mday)}};
  return date::local_days{ymd} + std::chrono::hours{tm.tm_hour} + std::chrono::minutes{tm.tm_min} +
         std::chrono::seconds{tm.tm_sec};
}

// The C library's answer for a local wall time (mktime with tm_isdst = -1: "find out").
date::sys_seconds c_mktime(date::local_seconds local) {
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss hms{local - day};
  std::tm tm{};
  tm.tm_year = int(ymd.year()) - 1900;
  tm.tm_mon = static_cast<int>(unsigned(ymd.month())) - 1;
  tm.tm_mday = static_cast<int>(unsigned(ymd.day()));
  tm.tm_hour = static_cast<int>(hms.hours().count());
  tm.tm_min = static_cast<int>(hms.minutes().count());
  tm.tm_sec = static_cast<int>(hms.seconds().count());
  tm.tm_isdst = -1;
  const std::time_t t = ::mktime(&tm);
  return date::sys_seconds{std::chrono::seconds{t}};
}

// The instants 2000..2037 at which `zone`'s UTC offset changes.
std::vector<date::sys_seconds> offset_changes(const date::time_zone* zone) {
  std::vector<date::sys_seconds> out;
  const auto end = utc(date::year{2038} / 1 / 1, 0h, 0min);
  date::sys_seconds t = utc(date::year{2000} / 1 / 1, 0h, 0min);
  date::sys_info info = zone->get_info(t);
  while (info.end < end) {
    const date::sys_info next = zone->get_info(info.end);
    if (next.offset != info.offset) out.push_back(info.end);
    info = next;
  }
  return out;
}

} // namespace

TEST(Zones, EveryZoneOfTheDefaultNetworkAgreesWithTheCLibrary2000To2037) {
  // Each zone of data/cities.csv: 1,000 instants, namely two seconds on each side of every
  // offset change (and the change itself), then seeded pseudo-random instants from 2000 to 2037.
  // Local times on both sides of each change go back through to_utc and mktime.
  std::set<std::string> names;
  for (const auto& c : flyorcall::network::default_world().cities) names.insert(c.tz);
  ASSERT_GT(names.size(), 50u);
  const auto lo = utc(date::year{2000} / 1 / 1, 0h, 0min);
  const auto hi = utc(date::year{2037} / 12 / 31, 0h, 0min);
  std::uint64_t seed = 2027;
  long instants = 0;
  long gaps = 0;
  long overlaps = 0;
  long gaps_agreeing = 0;
  for (const auto& name : names) {
    const auto* zone = tz::find_zone(name);
    ASSERT_NE(zone, nullptr) << name;
    CZone c(":" + name);
    std::vector<date::sys_seconds> when;
    const auto changes = offset_changes(zone);
    for (const auto t : changes)
      for (const auto d : {-2s, -1s, 0s, 1s, 2s}) when.push_back(t + d);
    ASSERT_LE(when.size(), 1000u) << name;
    while (when.size() < 1000) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      const auto span = static_cast<std::uint64_t>((hi - lo).count());
      when.push_back(lo + std::chrono::seconds{static_cast<std::int64_t>((seed >> 11) % span)});
    }
    for (const auto t : when) {
      const std::time_t tt = std::chrono::system_clock::to_time_t(t);
      std::tm tm{};
      ASSERT_NE(::localtime_r(&tt, &tm), nullptr);
      const date::local_seconds loc = tz::to_local(t, zone);
      ASSERT_EQ(loc, c_local(tm)) << name << " " << date::format("%F %T", t);
      ASSERT_EQ(tz::utc_offset(t, zone).count(), tm.tm_gmtoff / 60) << name;
      // Back to UTC: both agree where the wall time is unique; an overlap gives the earlier
      // instant, which is `t` or an hour (the change) before it.
      const auto info = zone->get_info(loc);
      const auto back = tz::to_utc(loc, zone);
      if (info.result == date::local_info::unique) {
        ASSERT_EQ(back, t) << name;
        ASSERT_EQ(c_mktime(loc), t) << name << " " << date::format("%F %T", loc);
      } else {
        ASSERT_EQ(info.result, date::local_info::ambiguous) << name;
        ASSERT_EQ(back, date::sys_seconds{loc.time_since_epoch() - info.first.offset});
        ASSERT_LE(back, t);
      }
      ++instants;
    }
    // Wall times inside each change: half-way through a gap, half-way through an overlap.
    for (const auto t : changes) {
      const auto before = zone->get_info(t - 1s).offset;
      const auto after = zone->get_info(t).offset;
      const date::local_seconds mid{t.time_since_epoch() + (before + after) / 2};
      const auto info = zone->get_info(mid);
      const auto mk = c_mktime(mid);
      if (after > before) {
        // Gap: moved forward by the gap, i.e. read with the offset before the change. glibc's
        // mktime does the same when the change starts daylight-saving time; when it ends one
        // (Morocco's Ramadan time, where the summer offset is the standard one) glibc reads the
        // wall time with the new offset instead, an hour earlier.
        ASSERT_EQ(info.result, date::local_info::nonexistent) << name;
        const date::sys_seconds forward{mid.time_since_epoch() - before};
        ASSERT_EQ(tz::to_utc(mid, zone), forward);
        ASSERT_EQ(tz::to_local(forward, zone), mid + (after - before));
        if (zone->get_info(t).save != std::chrono::minutes{0}) {
          ASSERT_EQ(mk, forward) << name << " " << date::format("%F %T", mid);
          ++gaps_agreeing;
        } else {
          ASSERT_TRUE(mk == forward || mk == date::sys_seconds{mid.time_since_epoch() - after})
              << name << " " << date::format("%F %T", mid);
        }
        ++gaps;
      } else {
        // Overlap: the earlier of the two instants; mktime may answer either of them.
        ASSERT_EQ(info.result, date::local_info::ambiguous) << name;
        const date::sys_seconds earlier{mid.time_since_epoch() - before};
        const date::sys_seconds later{mid.time_since_epoch() - after};
        ASSERT_EQ(tz::to_utc(mid, zone), earlier) << name;
        ASSERT_TRUE(mk == earlier || mk == later) << name << " " << date::format("%F %T", mid);
        ++overlaps;
      }
    }
  }
  EXPECT_EQ(instants, 1000L * static_cast<long>(names.size()));
  EXPECT_GT(gaps, 500);
  EXPECT_GT(gaps_agreeing, 500);
  EXPECT_GT(overlaps, 500);
}

TEST(Zones, NewYorkBerlinDifferenceInMarch2027) {
  // US clocks change on 14 March 2027, EU clocks on 28 March: six hours apart before and after,
  // five hours in between.
  const auto* ny = tz::find_zone("America/New_York");
  const auto* berlin = tz::find_zone("Europe/Berlin");
  const auto difference = [&](date::year_month_day d) {
    const auto t = utc(d, 12h, 0min);
    return (tz::to_local(t, berlin) - tz::to_local(t, ny));
  };
  EXPECT_EQ(difference(date::year{2027} / 3 / 13), 6h);
  EXPECT_EQ(difference(date::year{2027} / 3 / 14), 5h);
  EXPECT_EQ(difference(date::year{2027} / 3 / 27), 5h);
  EXPECT_EQ(difference(date::year{2027} / 3 / 28), 6h);
  // The same wall time, New York 09:00, is Berlin 15:00, then 14:00, then 15:00 again.
  EXPECT_EQ(tz::format_in_zone(tz::to_utc(local(date::year{2027} / 3 / 12, 9h, 0min), ny), berlin),
            "2027-03-12T15:00+01:00");
  EXPECT_EQ(tz::format_in_zone(tz::to_utc(local(date::year{2027} / 3 / 15, 9h, 0min), ny), berlin),
            "2027-03-15T14:00+01:00");
  EXPECT_EQ(tz::format_in_zone(tz::to_utc(local(date::year{2027} / 3 / 29, 9h, 0min), ny), berlin),
            "2027-03-29T15:00+02:00");
  // Berlin's own gap on 28 March: 02:00 CET -> 03:00 CEST.
  const auto gap = local(date::year{2027} / 3 / 28, 2h, 30min);
  ASSERT_EQ(berlin->get_info(gap).result, date::local_info::nonexistent);
  EXPECT_EQ(tz::format_in_zone(tz::to_utc(gap, berlin), berlin), "2027-03-28T03:30+02:00");
}

TEST(Zones, ZoneClockGivesWhatToUtcAndToLocalGive) {
  // Every 15 minutes over a span with a spring-forward gap and a fall-back overlap (and around
  // its ends, where the clock falls back to the tz database), in zones with DST in either
  // hemisphere and with half- and quarter-hour offsets.
  using namespace std::chrono;
  const date::sys_seconds from{date::sys_days{date::year{2027} / 3 / 1}};
  const date::sys_seconds to{date::sys_days{date::year{2027} / 11 / 15}};
  int checked = 0;
  for (const char* name : {"America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata",
                           "Asia/Kathmandu", "Australia/Lord_Howe", "UTC"}) {
    const date::time_zone* z = tz::find_zone(name);
    ASSERT_NE(z, nullptr) << name;
    const tz::ZoneClock clock(z, from, to);
    for (date::sys_seconds t = from - days{3}; t <= to + days{3}; t += minutes{15}) {
      ASSERT_EQ(clock.to_local(t), tz::to_local(t, z)) << name;
      const date::local_seconds wall{t.time_since_epoch()};
      ASSERT_EQ(clock.to_utc(wall), tz::to_utc(wall, z)) << name << " " << tz::format_local(wall);
      ++checked;
    }
  }
  EXPECT_GT(checked, 100000);
}
