// Spherical geometry (geo.hpp). Vectors are unit vectors in Earth-centred coordinates; arcs are
// minor great-circle arcs.
#include "network/geo.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <queue>

namespace flyorcall::network {
namespace {

constexpr double kRad = std::numbers::pi / 180.0;

Vec3 cross(const Vec3& a, const Vec3& b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}
double dot(const Vec3& a, const Vec3& b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
double norm(const Vec3& a) {
  return std::sqrt(dot(a, a));
}
Vec3 scaled(const Vec3& a, double k) {
  return {a[0] * k, a[1] * k, a[2] * k};
}
Vec3 plus(const Vec3& a, const Vec3& b) {
  return {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
}
Vec3 minus(const Vec3& a, const Vec3& b) {
  return {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
}
Vec3 unit(const Vec3& a) {
  return scaled(a, 1.0 / norm(a));
}

/// True when the minor arcs a-b and c-d cross; `n_ab` and `n_cd` are a x b and c x d.
bool arcs_cross(const Vec3& a, const Vec3& b, const Vec3& n_ab, const Vec3& c, const Vec3& d,
                const Vec3& n_cd) {
  // c and d must lie on opposite sides of the plane of a-b, and a and b on opposite sides of
  // the plane of c-d; then the two arcs cross unless they meet only at the antipode, which the
  // sign of the intersection direction against both arcs' midpoints rules out.
  const double sc = dot(n_ab, c);
  const double sd = dot(n_ab, d);
  if ((sc > 0) == (sd > 0) || sc == 0 || sd == 0) return false;
  const double sa = dot(n_cd, a);
  const double sb = dot(n_cd, b);
  if ((sa > 0) == (sb > 0) || sa == 0 || sb == 0) return false;
  const Vec3 l = cross(n_ab, n_cd);
  return dot(l, plus(a, b)) * dot(l, plus(c, d)) > 0;
}

/// The angle from `p` to the minor arc a-b (n = a x b).
double angle_to_arc(const Vec3& p, const Vec3& a, const Vec3& b, const Vec3& n) {
  const double nn = norm(n);
  if (nn < 1e-12) return arc_angle(p, a);
  const Vec3 un = scaled(n, 1.0 / nn);
  const Vec3 foot = minus(p, scaled(un, dot(p, un)));
  if (norm(foot) > 1e-12) {
    const Vec3 f = unit(foot);
    if (dot(cross(a, f), un) >= 0 && dot(cross(f, b), un) >= 0)
      return std::abs(std::asin(std::clamp(dot(p, un), -1.0, 1.0)));
  }
  return std::min(arc_angle(p, a), arc_angle(p, b));
}

bool inside(const Vec3& p, const std::vector<Vec3>& poly) {
  // Winding number: the signed angles the edges subtend at p, in p's tangent plane.
  double total = 0;
  for (std::size_t i = 0; i < poly.size(); ++i) {
    const Vec3& u = poly[i];
    const Vec3& v = poly[(i + 1) % poly.size()];
    const Vec3 tu = minus(u, scaled(p, dot(u, p)));
    const Vec3 tv = minus(v, scaled(p, dot(v, p)));
    total += std::atan2(dot(cross(tu, tv), p), dot(tu, tv));
  }
  return std::abs(total) > std::numbers::pi;
}

} // namespace

double great_circle_km(double lat1, double lon1, double lat2, double lon2) {
  const double dlat = (lat2 - lat1) * kRad;
  const double dlon = (lon2 - lon1) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

Vec3 to_vec(double lat, double lon) {
  const double la = lat * kRad;
  const double lo = lon * kRad;
  return {std::cos(la) * std::cos(lo), std::cos(la) * std::sin(lo), std::sin(la)};
}

double latitude(const Vec3& v) {
  return std::asin(std::clamp(v[2], -1.0, 1.0)) / kRad;
}

double longitude(const Vec3& v) {
  return std::atan2(v[1], v[0]) / kRad;
}

double arc_angle(const Vec3& a, const Vec3& b) {
  return std::atan2(norm(cross(a, b)), dot(a, b));
}

SphericalPolygon::SphericalPolygon(const std::vector<std::array<double, 2>>& lat_lon,
                                   double clearance_km) {
  for (const auto& p : lat_lon) vertices_.push_back(to_vec(p[0], p[1]));
  const std::size_t n = vertices_.size();
  const double eps = clearance_km / kEarthRadiusKm;
  for (std::size_t i = 0; i < n; ++i) {
    const Vec3& prev = vertices_[(i + n - 1) % n];
    const Vec3& cur = vertices_[i];
    const Vec3& next = vertices_[(i + 1) % n];
    normals_.push_back(cross(cur, next));
    // The bisector of the two edge normals points out of one side; take the side outside.
    const Vec3 n1 = unit(cross(cur, unit(minus(cur, prev))));
    const Vec3 n2 = unit(cross(cur, unit(minus(next, cur))));
    const Vec3 sum = plus(n1, n2);
    const Vec3 dir = norm(sum) > 1e-9 ? unit(sum) : n1;
    const Vec3 out = unit(plus(cur, scaled(dir, eps)));
    turns_.push_back(inside(out, vertices_) ? unit(minus(cur, scaled(dir, eps))) : out);
  }
  Vec3 sum{0, 0, 0};
  for (const auto& v : vertices_) sum = plus(sum, v);
  centre_ = unit(sum);
  for (const auto& v : vertices_) radius_ = std::max(radius_, arc_angle(centre_, v));
  cos_radius_ = std::cos(radius_);
}

bool SphericalPolygon::contains(const Vec3& p) const {
  if (dot(p, centre_) < cos_radius_) return false;
  // Crossing parity of the arc from p outward along the ray from the cap's centre through p, to a
  // point just beyond the cap (a minor arc: the cap is smaller than a hemisphere).
  Vec3 toward = minus(p, scaled(centre_, dot(p, centre_)));
  if (norm(toward) < 1e-12) toward = minus(vertices_.front(), centre_); // p is the centre
  const double beyond = radius_ + 0.01;
  const Vec3 far =
      unit(plus(scaled(centre_, std::cos(beyond)), scaled(unit(toward), std::sin(beyond))));
  const Vec3 n = cross(p, far);
  bool in = false;
  for (std::size_t i = 0; i < vertices_.size(); ++i)
    if (arcs_cross(p, far, n, vertices_[i], vertices_[(i + 1) % vertices_.size()], normals_[i]))
      in = !in;
  return in;
}

bool SphericalPolygon::blocks(const Vec3& a, const Vec3& b) const {
  const Vec3 n = cross(a, b);
  // Far from the cap that holds the outline: the arc cannot touch it.
  if (dot(a, centre_) < cos_radius_ && dot(b, centre_) < cos_radius_ &&
      angle_to_arc(centre_, a, b, n) > radius_)
    return false;
  for (std::size_t i = 0; i < vertices_.size(); ++i)
    if (arcs_cross(a, b, n, vertices_[i], vertices_[(i + 1) % vertices_.size()], normals_[i]))
      return true;
  // No edge crossed: the arc is all inside or all outside; its midpoint tells which.
  return contains(unit(plus(a, b)));
}

Obstacles::Obstacles(std::vector<const SphericalPolygon*> polygons)
    : polygons_(std::move(polygons)) {
  for (std::size_t k = 0; k < polygons_.size(); ++k)
    for (const auto& t : polygons_[k]->turn_points()) {
      turns_.push_back(t);
      owner_.push_back(k);
    }
  const std::size_t n = turns_.size();
  seen_.assign(n, std::vector<bool>(n, false));
  angle_.assign(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      const bool free = std::none_of(polygons_.begin(), polygons_.end(), [&](const auto* p) {
        return p->blocks(turns_[i], turns_[j]);
      });
      seen_[i][j] = seen_[j][i] = free;
      angle_[i][j] = angle_[j][i] = arc_angle(turns_[i], turns_[j]);
    }
}

/// The ends of a search and what is known of them: the polygons that apply (those that hold
/// neither end), and which turn points each end sees, tested once for all searches between them.
struct Obstacles::Ends {
  Vec3 a;
  Vec3 b;
  double min_cost_per_radian = 0;          ///< a lower bound of ArcCost per radian of arc
  std::vector<bool> active;                ///< per polygon
  std::vector<signed char> sees_a, sees_b; ///< per turn point: -1 untested, 0 or 1
  signed char direct = -1;                 ///< whether the great circle is free: -1 untested
  std::vector<double> from_a, to_b;        ///< per search node: the angle from a, to b
};

std::vector<Vec3> Obstacles::path(const Vec3& a, const Vec3& b) const {
  Ends ends{a, b, 1.0, {}, {}, {}, -1, {}, {}};
  return search(ends, nullptr);
}

std::vector<std::vector<Vec3>> Obstacles::paths(const Vec3& a, const Vec3& b,
                                                const std::vector<ArcCost>& costs,
                                                double min_cost_per_radian) const {
  Ends ends{a, b, min_cost_per_radian, {}, {}, {}, -1, {}, {}};
  std::vector<std::vector<Vec3>> out;
  for (const auto& cost : costs) out.push_back(search(ends, cost ? &cost : nullptr));
  return out;
}

std::vector<Vec3> Obstacles::search(Ends& ends, const ArcCost* cost) const {
  const Vec3& a = ends.a;
  const Vec3& b = ends.b;
  if (ends.active.empty()) {
    ends.active.resize(polygons_.size());
    for (std::size_t k = 0; k < polygons_.size(); ++k)
      ends.active[k] = !polygons_[k]->contains(a) && !polygons_[k]->contains(b);
    ends.sees_a.assign(turns_.size(), -1);
    ends.sees_b.assign(turns_.size(), -1);
  }
  const auto& active = ends.active;
  const auto free = [&](const Vec3& u, const Vec3& v) {
    for (std::size_t k = 0; k < polygons_.size(); ++k)
      if (active[k] && polygons_[k]->blocks(u, v)) return false;
    return true;
  };
  if (ends.direct < 0) ends.direct = free(a, b) ? 1 : 0;
  if (ends.direct == 1) return {a, b};
  // A search over {a, b, turn points of active polygons}; node 0 is a, node 1 is b, node k + 2 is
  // turn point k. Turn-to-turn visibility was computed once.
  const std::size_t t = turns_.size();
  const std::size_t n = t + 2;
  const auto point = [&](std::size_t i) -> const Vec3& {
    return i == 0 ? a : i == 1 ? b : turns_[i - 2];
  };
  const auto usable = [&](std::size_t i) { return i < 2 || active[owner_[i - 2]]; };
  // Angles from a and to b, once per node for all searches; between turn points from the table.
  if (ends.from_a.empty()) {
    ends.from_a.resize(n);
    ends.to_b.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      ends.from_a[i] = arc_angle(a, point(i));
      ends.to_b[i] = arc_angle(point(i), b);
    }
  }
  const auto& from_a = ends.from_a;
  const auto& to_b = ends.to_b;
  const auto angle = [&](std::size_t i, std::size_t j) {
    if (i == 0) return from_a[j];
    if (j == 1) return to_b[i];
    if (j == 0) return from_a[i];
    if (i == 1) return to_b[j];
    return angle_[i - 2][j - 2];
  };
  // An arc costs its angle, or what the cost function says: at least min_cost_per_radian of it.
  const double rate = cost != nullptr ? ends.min_cost_per_radian : 1.0;
  const auto arc_cost = [&](std::size_t i, std::size_t j) {
    if (cost == nullptr) return angle(i, j);
    return (*cost)(point(i), point(j), i >= 2 ? i - 2 : kNoTurn, j >= 2 ? j - 2 : kNoTurn);
  };
  const auto visible = [&](std::size_t i, std::size_t j) {
    if (i >= 2 && j >= 2) return static_cast<bool>(seen_[i - 2][j - 2]);
    // An arc from a or to b: tested once for all searches between the same ends.
    signed char* known = i == 0 && j >= 2   ? &ends.sees_a[j - 2]
                         : j == 1 && i >= 2 ? &ends.sees_b[i - 2]
                                            : nullptr;
    if (known == nullptr) return free(point(i), point(j));
    if (*known < 0) *known = free(point(i), point(j)) ? 1 : 0;
    return *known == 1;
  };
  // A*: the cost of the great circle to b bounds what is left from below (a consistent
  // heuristic), so the search settles only the nodes near the cheapest path; an arc is tested
  // (visibility, then cost) only when its lower bound could improve its end's distance.
  std::vector<double> dist(n, std::numeric_limits<double>::infinity());
  std::vector<std::size_t> prev(n, n);
  std::vector<bool> done(n, false);
  using Item = std::pair<double, std::size_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  dist[0] = 0;
  queue.push({rate * to_b[0], 0});
  while (!queue.empty()) {
    const std::size_t i = queue.top().second;
    queue.pop();
    if (done[i]) continue;
    done[i] = true;
    if (i == 1) break;
    const double d = dist[i];
    for (std::size_t j = 1; j < n; ++j) {
      if (done[j] || !usable(j) || d + rate * angle(i, j) >= dist[j] || !visible(i, j)) continue;
      const double nd = d + arc_cost(i, j);
      if (nd < dist[j]) {
        dist[j] = nd;
        prev[j] = i;
        queue.push({nd + rate * to_b[j], j});
      }
    }
  }
  if (prev[1] == n) return {a, b}; // no way around (cannot happen for open obstacles)
  std::vector<Vec3> path;
  for (std::size_t k = 1; k != n; k = prev[k]) path.push_back(point(k));
  std::reverse(path.begin(), path.end());
  return path;
}

double path_km(const std::vector<Vec3>& path) {
  double total = 0;
  for (std::size_t i = 1; i < path.size(); ++i) total += arc_angle(path[i - 1], path[i]);
  return total * kEarthRadiusKm;
}

} // namespace flyorcall::network
