// Spherical geometry on the WGS84 mean sphere: great-circle distances, arcs, polygons, and the
// shortest path around polygons (the path a flight takes around airspace it may not use).
#pragma once

#include <array>
#include <functional>
#include <vector>

namespace flyorcall::network {

/// Mean Earth radius in km.
inline constexpr double kEarthRadiusKm = 6371.0;

/// Great-circle distance in km between two WGS84 points (haversine, mean Earth radius).
[[nodiscard]] double great_circle_km(double lat1, double lon1, double lat2, double lon2);

/// A point on the unit sphere (x towards 0°N 0°E, z towards the North Pole).
using Vec3 = std::array<double, 3>;

/// The unit vector of a position in degrees.
[[nodiscard]] Vec3 to_vec(double lat, double lon);
/// Latitude of a unit vector, degrees.
[[nodiscard]] double latitude(const Vec3& v);
/// Longitude of a unit vector, degrees in (-180, 180].
[[nodiscard]] double longitude(const Vec3& v);
/// The angle between two unit vectors, radians.
[[nodiscard]] double arc_angle(const Vec3& a, const Vec3& b);

/// A closed spherical polygon (vertices in order, the last joined to the first) with its vertices
/// also pushed a little outward, so that a path may run along its edges without crossing it.
class SphericalPolygon {
public:
  /// From vertices in degrees (lat, lon); `clearance_km` is how far paths keep from the outline.
  SphericalPolygon(const std::vector<std::array<double, 2>>& lat_lon, double clearance_km);
  /// True when `p` lies inside (winding number on the sphere).
  [[nodiscard]] bool contains(const Vec3& p) const;
  /// True when the minor great-circle arc from `a` to `b` crosses an edge or runs inside.
  [[nodiscard]] bool blocks(const Vec3& a, const Vec3& b) const;
  /// The outward-shifted vertices paths may turn at.
  [[nodiscard]] const std::vector<Vec3>& turn_points() const { return turns_; }

private:
  std::vector<Vec3> vertices_;
  std::vector<Vec3> normals_; ///< per edge: vertices_[i] x vertices_[i+1]
  std::vector<Vec3> turns_;
  Vec3 centre_{};         ///< centre of a cap that holds the polygon
  double radius_ = 0;     ///< the cap's angular radius, radians
  double cos_radius_ = 1; ///< its cosine
};

/// Polygons a path must go around, with the visibility between their turn points worked out once,
/// so that many paths can be found quickly.
class Obstacles {
public:
  /// Precomputes the visibility graph of the polygons' turn points (the polygons must outlive it).
  explicit Obstacles(std::vector<const SphericalPolygon*> polygons);
  /// The shortest path from `a` to `b` that crosses none of the polygons (a polygon containing `a`
  /// or `b` is ignored): the points where it turns, from `a` to `b` inclusive; just {a, b} when
  /// the great circle is free.
  [[nodiscard]] std::vector<Vec3> path(const Vec3& a, const Vec3& b) const;
  /// Marks an end of a search (`a` or `b`) where an ArcCost expects a turn point's index.
  static constexpr std::size_t kNoTurn = static_cast<std::size_t>(-1);
  /// The cost of flying the minor arc from `from` to `to` (positive; it may differ between the
  /// two directions). `from_turn` and `to_turn` are the points' indices in turn_points(), or
  /// kNoTurn for the ends of the search, so that costs between turn points can be kept.
  using ArcCost = std::function<double(const Vec3& from, const Vec3& to, std::size_t from_turn,
                                       std::size_t to_turn)>;
  /// Like path(a, b), but for each of `costs` the cheapest path by it among those turning only at
  /// the polygons' turn points (the fastest in given winds, say; an empty cost stands for the
  /// shortest path); {a, b} when the great circle is free. Every cost must be at least
  /// `min_cost_per_radian` times its arc's angle (it steers the search). The searches share their
  /// tests of which turn points `a` and `b` see.
  [[nodiscard]] std::vector<std::vector<Vec3>> paths(const Vec3& a, const Vec3& b,
                                                     const std::vector<ArcCost>& costs,
                                                     double min_cost_per_radian) const;
  /// Every polygon's turn points, in the order ArcCost indices refer to.
  [[nodiscard]] const std::vector<Vec3>& turn_points() const { return turns_; }
  /// True when the arc between turn points i and j crosses none of the polygons.
  [[nodiscard]] bool sees(std::size_t i, std::size_t j) const { return seen_[i][j]; }

private:
  struct Ends; ///< what a search knows of its ends (search)
  [[nodiscard]] std::vector<Vec3> search(Ends& ends, const ArcCost* cost) const;

  std::vector<const SphericalPolygon*> polygons_;
  std::vector<Vec3> turns_;                ///< every polygon's turn points
  std::vector<std::size_t> owner_;         ///< polygon index of each turn point
  std::vector<std::vector<bool>> seen_;    ///< turn point i sees turn point j
  std::vector<std::vector<double>> angle_; ///< angle between turn points i and j
};

/// Length in km of a path of turn points joined by great-circle arcs.
[[nodiscard]] double path_km(const std::vector<Vec3>& path);

} // namespace flyorcall::network
