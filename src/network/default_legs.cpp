// The embedded default legs, carriers and airspace (default_legs.hpp); formats in data/README.md.
#include "network/default_legs.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "flyorcall/errors.hpp"
#include "model/csv.hpp"
#include "model/embedded_data.hpp"
#include "network/world_data.hpp"

namespace flyorcall::network {
namespace {

constexpr std::string_view kLegsFile = "data/legs.csv";
constexpr std::string_view kCarriersFile = "data/carriers.csv";
constexpr std::string_view kAirspaceFile = "data/airspace.csv";
// How far a flown path keeps from a closed zone's outline: the outlines are coarse, and airlines
// keep clear of a border (EASA's conflict-zone bulletins add 100-200 NM along Ukraine's).
constexpr double kZoneClearanceKm = 150.0;

[[noreturn]] void fail(std::string_view file, std::size_t line, const std::string& what) {
  throw Error(ErrorCode::internal, std::string(file) + ":" + std::to_string(line) + ": " + what);
}

bool upper_code(std::string_view s, std::size_t n, bool digits) {
  return s.size() == n && std::all_of(s.begin(), s.end(), [&](char c) {
           return (c >= 'A' && c <= 'Z') || (digits && c >= '0' && c <= '9');
         });
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

double degrees(const std::string& s, double limit, std::string_view file, std::size_t line) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !(std::abs(v) <= limit))
    fail(file, line, "expected degrees, found \"" + s + "\"");
  return v;
}

struct Carriers {
  std::map<std::string, std::string, std::less<>> country;
};

const Carriers& carriers() {
  static const Carriers table = [] {
    Carriers c;
    const auto t = csv::read_data_table(data::carriers_csv, kCarriersFile, "code,name,country");
    for (const auto& r : t.rows) {
      if (!upper_code(r.fields[0], 2, true))
        fail(kCarriersFile, r.line, "code: expected a two-character IATA code");
      if (!upper_code(r.fields[2], 2, false))
        fail(kCarriersFile, r.line, "country: expected an ISO code");
      if (!c.country.emplace(r.fields[0], r.fields[2]).second)
        fail(kCarriersFile, r.line, "code \"" + r.fields[0] + "\" is listed twice");
    }
    return c;
  }();
  return table;
}

/// The closing zones as polygons, and the obstacle map of every subset of them (bit k of the
/// index is closing zone k), built once: a few zones give a handful of subsets. The corridor
/// zones, open to all, are kept apart as plain outlines.
struct ZoneMaps {
  std::vector<std::size_t> closing;       ///< indices in airspace_zones() of the closing zones
  std::vector<SphericalPolygon> polygons; ///< per closing zone
  std::vector<Obstacles> subsets;
  std::vector<SphericalPolygon> corridors; ///< the corridor zones' outlines
};

const ZoneMaps& zone_maps() {
  static const ZoneMaps maps = [] {
    ZoneMaps m;
    const auto& zones = airspace_zones();
    for (std::size_t z = 0; z < zones.size(); ++z) {
      if (zones[z].corridors) {
        m.corridors.emplace_back(zones[z].outline, 0.0);
        continue;
      }
      m.closing.push_back(z);
      m.polygons.emplace_back(zones[z].outline, kZoneClearanceKm);
    }
    if (m.closing.size() > 8)
      throw Error(ErrorCode::internal, "data/airspace.csv: at most 8 closing zones");
    for (std::size_t mask = 0; mask < (std::size_t{1} << m.closing.size()); ++mask) {
      std::vector<const SphericalPolygon*> chosen;
      for (std::size_t k = 0; k < m.closing.size(); ++k)
        if (mask & (std::size_t{1} << k)) chosen.push_back(&m.polygons[k]);
      m.subsets.emplace_back(std::move(chosen));
    }
    return m;
  }();
  return maps;
}

} // namespace

std::vector<DefaultLeg> parse_default_legs(std::string_view text) {
  const auto t =
      csv::read_data_table(text, kLegsFile, "from,to,dirs,carriers,season,basis,source,flag");
  std::vector<DefaultLeg> out;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& r : t.rows) {
    const auto& f = r.fields;
    if (!upper_code(f[0], 3, false) || !upper_code(f[1], 3, false))
      fail(kLegsFile, r.line, "from and to must be city codes");
    if (f[0] >= f[1]) fail(kLegsFile, r.line, "a pair is listed once, with from before to");
    if (!seen.insert({f[0], f[1]}).second)
      fail(kLegsFile, r.line, f[0] + "-" + f[1] + " is listed twice");
    DefaultLeg leg;
    leg.carriers = words(f[3]);
    if (leg.carriers.empty()) fail(kLegsFile, r.line, "carriers: at least one operating carrier");
    for (const auto& c : leg.carriers)
      if (carrier_country(c).empty())
        fail(kLegsFile, r.line, "carrier \"" + c + "\" is not in data/carriers.csv");
    if (f[4] == "summer")
      leg.season = LegSeason::summer;
    else if (f[4] == "winter")
      leg.season = LegSeason::winter;
    else if (!f[4].empty())
      fail(kLegsFile, r.line, "season: expected nothing, summer or winter");
    if (f[5] != "openflights-2014" && f[5] != "added")
      fail(kLegsFile, r.line, "basis: expected openflights-2014 or added");
    if (f[6].empty()) fail(kLegsFile, r.line, "source: expected a source id or review");
    if (f[5] == "added" && f[6] == "review") fail(kLegsFile, r.line, "an added leg needs a source");
    if (!f[7].empty() && f[7] != "unsure" && f[7] != "weak-source")
      fail(kLegsFile, r.line, "flag: expected nothing, unsure or weak-source");
    leg.basis = f[5];
    leg.source = f[6];
    leg.flag = f[7];
    const bool forward = f[2] == "both" || f[2] == "forward";
    const bool backward = f[2] == "both" || f[2] == "backward";
    if (!forward && !backward) fail(kLegsFile, r.line, "dirs: expected both, forward or backward");
    if (forward) {
      leg.from = f[0];
      leg.to = f[1];
      out.push_back(leg);
    }
    if (backward) {
      leg.from = f[1];
      leg.to = f[0];
      out.push_back(leg);
    }
  }
  return out;
}

std::vector<AirspaceZone> parse_airspace(std::string_view text) {
  const auto t = csv::read_data_table(text, kAirspaceFile, "zone,closed_to,lat,lon");
  std::vector<AirspaceZone> out;
  std::set<std::string> finished;
  for (const auto& r : t.rows) {
    const auto& f = r.fields;
    if (f[0].empty()) fail(kAirspaceFile, r.line, "zone: must not be empty");
    if (out.empty() || out.back().name != f[0]) {
      if (!finished.insert(f[0]).second)
        fail(kAirspaceFile, r.line, "zone " + f[0] + " continues after another zone");
      AirspaceZone z;
      z.name = f[0];
      z.closed_to_all = f[1] == "all";
      z.corridors = f[1] == "none";
      if (!z.closed_to_all && !z.corridors) z.closed_to = words(f[1]);
      for (const auto& c : z.closed_to)
        if (!upper_code(c, 2, false))
          fail(kAirspaceFile, r.line, "closed_to: expected all, none or ISO country codes");
      if (!z.closed_to_all && !z.corridors && z.closed_to.empty())
        fail(kAirspaceFile, r.line, "closed_to: expected all, none or ISO country codes");
      out.push_back(std::move(z));
    } else {
      const bool same = (f[1] == "all") == out.back().closed_to_all &&
                        (f[1] == "none") == out.back().corridors &&
                        (f[1] == "all" || f[1] == "none" || words(f[1]) == out.back().closed_to);
      if (!same) fail(kAirspaceFile, r.line, "closed_to differs within zone " + f[0]);
    }
    out.back().outline.push_back(
        {degrees(f[2], 90, kAirspaceFile, r.line), degrees(f[3], 180, kAirspaceFile, r.line)});
  }
  for (const auto& z : out)
    if (z.outline.size() < 3) fail(kAirspaceFile, 1, "zone " + z.name + " has fewer than 3 points");
  return out;
}

const std::vector<DefaultLeg>& default_legs() {
  static const std::vector<DefaultLeg> legs = parse_default_legs(data::legs_csv);
  return legs;
}

const std::vector<AirspaceZone>& airspace_zones() {
  static const std::vector<AirspaceZone> zones = parse_airspace(data::airspace_csv);
  return zones;
}

bool in_corridor_airspace(const Vec3& p) {
  const auto& corridors = zone_maps().corridors;
  return std::any_of(corridors.begin(), corridors.end(),
                     [&](const SphericalPolygon& z) { return z.contains(p); });
}

std::string_view carrier_country(std::string_view code) {
  const auto& table = carriers().country;
  const auto it = table.find(code);
  return it == table.end() ? std::string_view() : std::string_view(it->second);
}

const std::vector<FlownPaths>& default_leg_paths() {
  static const std::vector<FlownPaths> paths = [] {
    std::map<std::string, Vec3, std::less<>> at;
    for (const auto& c : default_world().cities) at.emplace(c.code, to_vec(c.lat, c.lon));
    std::vector<FlownPaths> out;
    out.reserve(default_legs().size());
    for (const auto& leg : default_legs()) {
      const auto a = at.find(leg.from);
      const auto b = at.find(leg.to);
      if (a == at.end() || b == at.end())
        throw Error(ErrorCode::internal, std::string(kLegsFile) + ": " + leg.from + "-" + leg.to +
                                             " names a city that is not in data/cities.csv");
      out.push_back(flown_paths(a->second, b->second, leg.carriers));
    }
    return out;
  }();
  return paths;
}

std::vector<Vec3> flown_path(const Vec3& from, const Vec3& to,
                             const std::vector<std::string>& carrier_codes) {
  std::vector<std::string> countries;
  for (const auto& c : carrier_codes) countries.emplace_back(carrier_country(c));
  return flown_path_by_countries(from, to, countries);
}

namespace {

std::vector<std::string> countries_of(const std::vector<std::string>& carrier_codes) {
  std::vector<std::string> countries;
  for (const auto& c : carrier_codes) countries.emplace_back(carrier_country(c));
  return countries;
}

/// The index in zone_maps().subsets of the zones closed to carriers of all the given countries.
std::size_t mask_for(const std::vector<std::string>& countries) {
  const auto& zones = airspace_zones();
  const auto& closing = zone_maps().closing;
  std::size_t mask = 0;
  for (std::size_t k = 0; k < closing.size(); ++k) {
    const AirspaceZone& zone = zones[closing[k]];
    const auto closed = [&](const std::string& country) {
      return zone.closed_to_all || std::find(zone.closed_to.begin(), zone.closed_to.end(),
                                             country) != zone.closed_to.end();
    };
    // A user's leg names no carrier: only zones closed to every carrier apply to it.
    const bool applies = countries.empty()
                             ? zone.closed_to_all
                             : std::all_of(countries.begin(), countries.end(), closed);
    if (applies) mask |= std::size_t{1} << k;
  }
  return mask;
}

/// A lower bound of cruise_hours per radian of arc: at cruise speed with the strongest tailwind
/// the model's jets can give, and no extra distance in corridor airspace (or the least).
double min_hours_per_radian(const BlockModel& m) {
  const double north = (std::abs(m.jet_kmh) + std::hypot(m.jet_cos_kmh, m.jet_sin_kmh) +
                        std::hypot(m.jet_cos2_kmh, m.jet_sin2_kmh)) *
                       (1.0 + std::abs(m.jet_seasonal));
  const double south = std::abs(m.south_jet_kmh) * (1.0 + std::abs(m.jet_seasonal));
  return kEarthRadiusKm * std::min(1.0, 1.0 + m.airway_share) /
         (m.cruise_kmh + std::max(north, south));
}

/// The two seasons whose fastest ways round closed zones a flight may take (flown_paths).
constexpr std::array<double, 2> kSeasons{1.0, -1.0};

/// Hours at cruise between every two turn points of a subset of zones that see each other, in the
/// winds of each of kSeasons with kBlockModel's constants: worked out once per subset, when a
/// flight first needs them (thread-safe), so that each flight's search only integrates the arcs
/// from and to its own ends.
class TurnHours {
public:
  [[nodiscard]] const std::vector<double>& of(std::size_t mask, std::size_t season) const {
    Entry& e = entries_[mask][season];
    std::call_once(e.once, [&] {
      const Obstacles& obstacles = zone_maps().subsets[mask];
      const auto& turns = obstacles.turn_points();
      const std::size_t n = turns.size();
      e.hours.assign(n * n, 0.0);
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
          if (i != j && obstacles.sees(i, j))
            e.hours[i * n + j] = cruise_hours(turns[i], turns[j], kSeasons[season], kBlockModel);
    });
    return e.hours;
  }

private:
  struct Entry {
    std::once_flag once;
    std::vector<double> hours; ///< [i * n + j]: from turn point i to turn point j
  };
  mutable std::vector<std::array<Entry, kSeasons.size()>> entries_ =
      std::vector<std::array<Entry, kSeasons.size()>>(zone_maps().subsets.size());
};

const TurnHours& turn_hours() {
  static const TurnHours table;
  return table;
}

} // namespace

std::vector<Vec3> flown_path_by_countries(const Vec3& from, const Vec3& to,
                                          const std::vector<std::string>& countries) {
  return zone_maps().subsets[mask_for(countries)].path(from, to);
}

FlownPaths flown_paths_by_countries(const Vec3& from, const Vec3& to,
                                    const std::vector<std::string>& countries,
                                    const BlockModel& model) {
  const std::size_t mask = mask_for(countries);
  const Obstacles& obstacles = zone_maps().subsets[mask];
  // The model in use keeps its hours between turn points; another one (a calibration's trial
  // constants) has them worked out for each search. The hours from `from` and to `to` are worked
  // out for both seasons at once, when the first search needs them; nothing is worked out when
  // the great circle is free.
  const bool kept = &model == &kBlockModel;
  const std::size_t n = obstacles.turn_points().size();
  std::array<std::vector<double>, kSeasons.size()> from_start, to_end;
  std::vector<Obstacles::ArcCost> costs{Obstacles::ArcCost{}}; // the shortest path first
  for (std::size_t s = 0; s < kSeasons.size(); ++s)
    costs.emplace_back([&, s](const Vec3& a, const Vec3& b, std::size_t i, std::size_t j) {
      if (i != Obstacles::kNoTurn && j != Obstacles::kNoTurn)
        return kept ? turn_hours().of(mask, s)[i * n + j] : cruise_hours(a, b, kSeasons[s], model);
      auto* known = i == Obstacles::kNoTurn && j != Obstacles::kNoTurn   ? &from_start
                    : j == Obstacles::kNoTurn && i != Obstacles::kNoTurn ? &to_end
                                                                         : nullptr;
      if (known == nullptr) return cruise_hours(a, b, kSeasons[s], model);
      const std::size_t k = i == Obstacles::kNoTurn ? j : i;
      if ((*known)[s].empty())
        for (auto& v : *known) v.assign(n, -1.0);
      if ((*known)[s][k] < 0) {
        const auto both = cruise_hours(a, b, kSeasons, model);
        for (std::size_t t = 0; t < kSeasons.size(); ++t) (*known)[t][k] = both[t];
      }
      return (*known)[s][k];
    });
  FlownPaths out;
  for (auto& path : obstacles.paths(from, to, costs, min_hours_per_radian(model)))
    if (std::find(out.begin(), out.end(), path) == out.end()) out.push_back(std::move(path));
  return out;
}

FlownPaths flown_paths(const Vec3& from, const Vec3& to, const std::vector<std::string>& carriers) {
  return flown_paths_by_countries(from, to, countries_of(carriers));
}

} // namespace flyorcall::network
