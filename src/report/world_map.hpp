// Geography for the report's map: the coarse world outline of data/world_outline.csv, great-circle
// arcs sampled as polylines, and the split of a polyline where it crosses the antimeridian.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace flyorcall::report {

/// A point in degrees: longitude east (-180..180), latitude north (-90..90).
struct GeoPoint {
  double lon = 0;
  double lat = 0;
};

/// One closed shape of the outline: land, or water drawn over land (inland seas).
struct OutlineShape {
  std::string name;
  bool water = false;
  std::vector<GeoPoint> points; ///< the ring; the last point joins the first
};

/// Parses the text of world_outline.csv (format in data/README.md). Throws Error(internal) naming
/// the line of a malformed row, a shape split in two runs, or a shape with fewer than 3 points.
[[nodiscard]] std::vector<OutlineShape> parse_world_outline(std::string_view csv);

/// The embedded outline (parsed once, thread-safe).
[[nodiscard]] const std::vector<OutlineShape>& world_outline();

/// `segments` + 1 points along the shorter great circle from `a` to `b`, both ends included
/// (spherical interpolation; longitudes in -180..180).
[[nodiscard]] std::vector<GeoPoint> great_circle(GeoPoint a, GeoPoint b, int segments);

/// The polyline cut where a step crosses the antimeridian (a longitude jump of more than 180°):
/// each piece ends, or starts, at the crossing on its own side (lon exactly 180 or -180).
[[nodiscard]] std::vector<std::vector<GeoPoint>>
split_at_antimeridian(const std::vector<GeoPoint>& line);

/// True when `p` lies inside the ring (even-odd rule, longitude and latitude as plane axes).
[[nodiscard]] bool inside(const std::vector<GeoPoint>& ring, GeoPoint p);

} // namespace flyorcall::report
