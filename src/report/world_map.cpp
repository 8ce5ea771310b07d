#include "report/world_map.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <numbers>
#include <set>

#include "flyorcall/errors.hpp"
#include "model/embedded_data.hpp"

namespace flyorcall::report {

namespace {

[[noreturn]] void bad_row(std::size_t line, const std::string& why) {
  throw Error(ErrorCode::internal, "world_outline.csv line " + std::to_string(line) + ": " + why);
}

double parse_degrees(std::string_view field, double limit, std::size_t line, const char* what) {
  double v = 0;
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), v);
  if (ec != std::errc() || end != field.data() + field.size() || !(std::abs(v) <= limit))
    bad_row(line, std::string("bad ") + what + " \"" + std::string(field) + "\"");
  return v;
}

constexpr double kRad = std::numbers::pi / 180.0;

} // namespace

std::vector<OutlineShape> parse_world_outline(std::string_view csv) {
  std::vector<OutlineShape> shapes;
  std::set<std::string, std::less<>> closed;
  std::size_t line_no = 0;
  bool header = false;
  while (!csv.empty()) {
    const std::size_t nl = csv.find('\n');
    std::string_view line = csv.substr(0, nl);
    csv = nl == std::string_view::npos ? std::string_view{} : csv.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (!header) {
      if (line != "shape,kind,lon,lat") bad_row(line_no, "expected the header shape,kind,lon,lat");
      header = true;
      continue;
    }
    std::string_view f[4];
    for (int i = 0; i < 4; ++i) {
      const std::size_t comma = line.find(',');
      if ((comma == std::string_view::npos) != (i == 3)) bad_row(line_no, "expected 4 fields");
      f[i] = line.substr(0, comma);
      line = comma == std::string_view::npos ? std::string_view{} : line.substr(comma + 1);
    }
    if (f[0].empty()) bad_row(line_no, "empty shape name");
    if (f[1] != "land" && f[1] != "water") bad_row(line_no, "kind must be land or water");
    const GeoPoint p{parse_degrees(f[2], 180, line_no, "longitude"),
                     parse_degrees(f[3], 90, line_no, "latitude")};
    if (shapes.empty() || shapes.back().name != f[0]) {
      if (!shapes.empty()) {
        if (shapes.back().points.size() < 3)
          bad_row(line_no, "shape " + shapes.back().name + " has fewer than 3 points");
        closed.insert(shapes.back().name);
      }
      if (closed.contains(f[0]))
        bad_row(line_no, "shape " + std::string(f[0]) + " continues after another shape");
      shapes.push_back({std::string(f[0]), f[1] == "water", {}});
    } else if ((f[1] == "water") != shapes.back().water) {
      bad_row(line_no, "shape " + shapes.back().name + " changes its kind");
    }
    shapes.back().points.push_back(p);
  }
  if (!header) bad_row(line_no, "no header");
  if (!shapes.empty() && shapes.back().points.size() < 3)
    bad_row(line_no, "shape " + shapes.back().name + " has fewer than 3 points");
  return shapes;
}

const std::vector<OutlineShape>& world_outline() {
  static const std::vector<OutlineShape> shapes = parse_world_outline(data::world_outline_csv);
  return shapes;
}

std::vector<GeoPoint> great_circle(GeoPoint a, GeoPoint b, int segments) {
  if (segments < 1) segments = 1;
  const auto vec = [](GeoPoint p) {
    const double lat = p.lat * kRad;
    const double lon = p.lon * kRad;
    return std::array<double, 3>{std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon),
                                 std::sin(lat)};
  };
  const auto u = vec(a);
  const auto v = vec(b);
  const double dot = std::clamp(u[0] * v[0] + u[1] * v[1] + u[2] * v[2], -1.0, 1.0);
  const double omega = std::acos(dot);
  std::vector<GeoPoint> out;
  out.reserve(static_cast<std::size_t>(segments) + 1);
  for (int i = 0; i <= segments; ++i) {
    const double t = static_cast<double>(i) / segments;
    if (i == 0) {
      out.push_back(a);
      continue;
    }
    if (i == segments) {
      out.push_back(b);
      continue;
    }
    // Nearly identical or antipodal ends have no unique circle: interpolate the angles.
    if (omega < 1e-9 || std::abs(omega - std::numbers::pi) < 1e-9) {
      out.push_back({a.lon + (b.lon - a.lon) * t, a.lat + (b.lat - a.lat) * t});
      continue;
    }
    const double s = std::sin(omega);
    const double ka = std::sin((1 - t) * omega) / s;
    const double kb = std::sin(t * omega) / s;
    const double x = ka * u[0] + kb * v[0];
    const double y = ka * u[1] + kb * v[1];
    const double z = ka * u[2] + kb * v[2];
    out.push_back({std::atan2(y, x) / kRad, std::atan2(z, std::hypot(x, y)) / kRad});
  }
  return out;
}

std::vector<std::vector<GeoPoint>> split_at_antimeridian(const std::vector<GeoPoint>& line) {
  std::vector<std::vector<GeoPoint>> pieces;
  if (line.empty()) return pieces;
  pieces.push_back({line.front()});
  for (std::size_t i = 1; i < line.size(); ++i) {
    const GeoPoint p = line[i - 1];
    const GeoPoint q = line[i];
    if (std::abs(q.lon - p.lon) > 180) {
      // Unwrap q next to p, find where the step meets p's edge, and restart on the other edge.
      const double edge = p.lon > 0 ? 180.0 : -180.0;
      const double q_lon = q.lon + (p.lon > 0 ? 360.0 : -360.0);
      const double t = (edge - p.lon) / (q_lon - p.lon);
      const double lat = p.lat + (q.lat - p.lat) * t;
      pieces.back().push_back({edge, lat});
      pieces.push_back({{-edge, lat}});
    }
    pieces.back().push_back(q);
  }
  return pieces;
}

bool inside(const std::vector<GeoPoint>& ring, GeoPoint p) {
  bool in = false;
  if (ring.empty()) return false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const GeoPoint a = ring[i];
    const GeoPoint b = ring[j];
    if ((a.lat > p.lat) != (b.lat > p.lat) &&
        p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
      in = !in;
  }
  return in;
}

} // namespace flyorcall::report
