#include "readers.hpp"

#include <charconv>
#include <cmath>
#include <sstream>

#include "flyorcall/errors.hpp"

namespace flyorcall::bench {
namespace {

[[noreturn]] void fail(const std::string& name, int line, const std::string& what) {
  throw Error(ErrorCode::input, name + ":" + std::to_string(line) + ": " + what);
}

std::vector<std::string> tokens(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream s(line);
  std::string t;
  while (s >> t) out.push_back(t);
  return out;
}

bool to_double(const std::string& t, double& v) {
  const char* b = t.data();
  const char* e = b + t.size();
  if (b != e && *b == '+') ++b;
  const auto r = std::from_chars(b, e, v);
  return r.ec == std::errc() && r.ptr == e && std::isfinite(v);
}

/// Largest magnitude of any number in either format: beyond it distances and their roundings
/// would overflow (and no real instance comes near it).
constexpr double kMaxMagnitude = 1e9;
/// Most points (OP) or nodes (TSPLIB DIMENSION) read: the runners build a full distance matrix.
constexpr std::size_t kMaxPoints = 5000;

double number(const std::string& t, const std::string& name, int line, const std::string& what) {
  double v = 0;
  if (!to_double(t, v)) fail(name, line, what + " must be a number, got '" + t + "'");
  if (!(v >= -kMaxMagnitude && v <= kMaxMagnitude))
    fail(name, line, what + " must be between -1e9 and 1e9, got '" + t + "'");
  return v;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

long long nint(double x) {
  return static_cast<long long>(x + 0.5);
}

double geo_radians(double x) {
  constexpr double pi = 3.141592;
  const double deg = static_cast<double>(static_cast<long long>(x));
  const double min = x - deg;
  return pi * (deg + 5.0 * min / 3.0) / 180.0;
}

} // namespace

OpFile read_op(std::istream& in, const std::string& name) {
  OpFile op;
  std::string line;
  int ln = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++ln;
    const std::vector<std::string> t = tokens(line);
    if (t.empty()) continue;
    if (!header) {
      if (t.size() != 2)
        fail(name, ln,
             "first line must be 'Tmax P', found " + std::to_string(t.size()) + " fields");
      op.tmax = number(t[0], name, ln, "Tmax");
      if (op.tmax < 0) fail(name, ln, "Tmax must be >= 0");
      const double paths = number(t[1], name, ln, "P");
      if (paths != 1) fail(name, ln, "only one path is supported (P = 1), got " + t[1]);
      header = true;
      continue;
    }
    if (t.size() != 3)
      fail(name, ln, "expected 'x y score', found " + std::to_string(t.size()) + " fields");
    if (op.x.size() == kMaxPoints)
      fail(name, ln, "more than " + std::to_string(kMaxPoints) + " points");
    op.x.push_back(number(t[0], name, ln, "x"));
    op.y.push_back(number(t[1], name, ln, "y"));
    const double s = number(t[2], name, ln, "score");
    if (s < 0) fail(name, ln, "score must be >= 0, got " + t[2]);
    op.score.push_back(s);
  }
  if (!header) fail(name, ln + 1, "empty file: expected 'Tmax P'");
  if (op.x.size() < 2)
    fail(name, ln + 1,
         "at least 2 points are needed (start and end), found " + std::to_string(op.x.size()));
  return op;
}

Eigen::MatrixXd op_distances(const OpFile& op) {
  const auto n = static_cast<Eigen::Index>(op.x.size());
  Eigen::MatrixXd d(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) {
      const auto a = static_cast<std::size_t>(i);
      const auto b = static_cast<std::size_t>(j);
      d(i, j) = std::hypot(op.x[a] - op.x[b], op.y[a] - op.y[b]);
    }
  return d;
}

long long tsplib_distance(EdgeWeightType type, double xi, double yi, double xj, double yj) {
  const double dx = xi - xj;
  const double dy = yi - yj;
  switch (type) {
  case EdgeWeightType::euc_2d:
    return nint(std::sqrt(dx * dx + dy * dy));
  case EdgeWeightType::ceil_2d:
    return static_cast<long long>(std::ceil(std::sqrt(dx * dx + dy * dy)));
  case EdgeWeightType::att: {
    const double r = std::sqrt((dx * dx + dy * dy) / 10.0);
    const long long t = nint(r);
    return static_cast<double>(t) < r ? t + 1 : t;
  }
  case EdgeWeightType::geo: {
    constexpr double rrr = 6378.388;
    const double lat_i = geo_radians(xi);
    const double lon_i = geo_radians(yi);
    const double lat_j = geo_radians(xj);
    const double lon_j = geo_radians(yj);
    const double q1 = std::cos(lon_i - lon_j);
    const double q2 = std::cos(lat_i - lat_j);
    const double q3 = std::cos(lat_i + lat_j);
    return static_cast<long long>(rrr * std::acos(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)) + 1.0);
  }
  case EdgeWeightType::explicit_matrix:
    break;
  }
  return 0;
}

TspFile read_tsplib(std::istream& in, const std::string& name) {
  TspFile f;
  std::string line;
  int ln = 0;
  bool have_type = false;
  bool have_weight_type = false;
  bool have_coords = false;
  bool have_weights = false;
  int weights_line = 0;
  std::vector<double> x;
  std::vector<double> y;
  std::vector<double> weights;
  auto need_dimension = [&](const std::string& section) {
    if (f.dimension <= 0) fail(name, ln, section + " before DIMENSION");
  };
  while (std::getline(in, line)) {
    ++ln;
    const std::string s = trim(line);
    if (s.empty()) continue;
    std::string key = s;
    std::string value;
    if (const auto colon = s.find(':'); colon != std::string::npos) {
      key = trim(s.substr(0, colon));
      value = trim(s.substr(colon + 1));
    }
    if (key == "EOF") break;
    if (key == "NAME") {
      f.name = value;
    } else if (key == "COMMENT" || key == "DISPLAY_DATA_TYPE" || key == "NODE_COORD_TYPE") {
      // informative only
    } else if (key == "TYPE") {
      if (value != "TSP") fail(name, ln, "TYPE " + value + " is not supported (only TSP)");
      have_type = true;
    } else if (key == "DIMENSION") {
      if (f.dimension > 0) fail(name, ln, "DIMENSION given twice");
      const double d = number(value, name, ln, "DIMENSION");
      if (d < 2 || d != std::floor(d) || d > static_cast<double>(kMaxPoints))
        fail(name, ln, "DIMENSION must be an integer from 2 to 5000, got " + value);
      f.dimension = static_cast<int>(d);
    } else if (key == "EDGE_WEIGHT_TYPE") {
      if (value == "EUC_2D")
        f.type = EdgeWeightType::euc_2d;
      else if (value == "CEIL_2D")
        f.type = EdgeWeightType::ceil_2d;
      else if (value == "ATT")
        f.type = EdgeWeightType::att;
      else if (value == "GEO")
        f.type = EdgeWeightType::geo;
      else if (value == "EXPLICIT")
        f.type = EdgeWeightType::explicit_matrix;
      else
        fail(name, ln,
             "EDGE_WEIGHT_TYPE " + value +
                 " is not supported (EUC_2D, CEIL_2D, ATT, GEO, EXPLICIT)");
      have_weight_type = true;
    } else if (key == "EDGE_WEIGHT_FORMAT") {
      if (value != "FULL_MATRIX" && value != "UPPER_ROW" && value != "LOWER_ROW" &&
          value != "UPPER_DIAG_ROW" && value != "LOWER_DIAG_ROW" && value != "FUNCTION")
        fail(name, ln,
             "EDGE_WEIGHT_FORMAT " + value +
                 " is not supported (FULL_MATRIX, UPPER_ROW, LOWER_ROW, "
                 "UPPER_DIAG_ROW, LOWER_DIAG_ROW)");
      f.format = value;
    } else if (key == "NODE_COORD_SECTION") {
      need_dimension(key);
      for (int i = 0; i < f.dimension; ++i) {
        if (!std::getline(in, line))
          fail(name, ln + 1,
               "file ends after " + std::to_string(i) + " of " + std::to_string(f.dimension) +
                   " coordinates");
        ++ln;
        const std::vector<std::string> t = tokens(line);
        if (t.size() != 3)
          fail(name, ln, "expected 'node x y', found " + std::to_string(t.size()) + " fields");
        const double id = number(t[0], name, ln, "node number");
        if (id != i + 1) fail(name, ln, "expected node " + std::to_string(i + 1) + ", got " + t[0]);
        x.push_back(number(t[1], name, ln, "x"));
        y.push_back(number(t[2], name, ln, "y"));
      }
      have_coords = true;
    } else if (key == "DISPLAY_DATA_SECTION") {
      need_dimension(key);
      for (int i = 0; i < f.dimension && std::getline(in, line); ++i) ++ln;
    } else if (key == "EDGE_WEIGHT_SECTION") {
      need_dimension(key);
      weights_line = ln;
      if (f.format.empty()) fail(name, ln, "EDGE_WEIGHT_SECTION before EDGE_WEIGHT_FORMAT");
      const long long n = f.dimension;
      long long count = n * n;
      if (f.format == "UPPER_ROW" || f.format == "LOWER_ROW") count = n * (n - 1) / 2;
      if (f.format == "UPPER_DIAG_ROW" || f.format == "LOWER_DIAG_ROW") count = n * (n + 1) / 2;
      while (static_cast<long long>(weights.size()) < count) {
        if (!std::getline(in, line))
          fail(name, ln + 1,
               "file ends after " + std::to_string(weights.size()) + " of " +
                   std::to_string(count) + " edge weights");
        ++ln;
        for (const std::string& t : tokens(line)) {
          if (static_cast<long long>(weights.size()) == count)
            fail(name, ln,
                 "more edge weights than " + f.format + " of dimension " + std::to_string(n) +
                     " holds");
          const double w = number(t, name, ln, "edge weight");
          if (w < 0) fail(name, ln, "edge weight must be >= 0, got " + t);
          weights.push_back(w);
        }
      }
      have_weights = true;
    } else {
      fail(name, ln, "unknown keyword '" + key + "'");
    }
  }
  ++ln;
  if (!have_type) fail(name, ln, "missing TYPE (expected TYPE: TSP)");
  if (f.dimension <= 0) fail(name, ln, "missing DIMENSION");
  if (!have_weight_type) fail(name, ln, "missing EDGE_WEIGHT_TYPE");
  const auto n = static_cast<Eigen::Index>(f.dimension);
  f.dist.resize(n, n);
  if (f.type == EdgeWeightType::explicit_matrix) {
    if (!have_weights) fail(name, ln, "missing EDGE_WEIGHT_SECTION");
    if (f.format == "FUNCTION" || f.format.empty())
      fail(name, ln, "EXPLICIT needs a matrix EDGE_WEIGHT_FORMAT");
    // The header may be repeated or reordered after the section (a fuzzer found this): the
    // weights read must still be exactly what the final DIMENSION and format need.
    std::size_t expected = static_cast<std::size_t>(n * n);
    if (f.format == "UPPER_ROW" || f.format == "LOWER_ROW")
      expected = static_cast<std::size_t>(n * (n - 1) / 2);
    if (f.format == "UPPER_DIAG_ROW" || f.format == "LOWER_DIAG_ROW")
      expected = static_cast<std::size_t>(n * (n + 1) / 2);
    if (weights.size() != expected)
      fail(name, weights_line,
           "EDGE_WEIGHT_SECTION holds " + std::to_string(weights.size()) + " weights but " +
               f.format + " of dimension " + std::to_string(n) + " needs " +
               std::to_string(expected));
    std::size_t k = 0;
    f.dist.setZero();
    for (Eigen::Index i = 0; i < n; ++i) {
      Eigen::Index from = 0;
      Eigen::Index to = n;
      if (f.format == "UPPER_ROW") from = i + 1;
      if (f.format == "UPPER_DIAG_ROW") from = i;
      if (f.format == "LOWER_ROW") to = i;
      if (f.format == "LOWER_DIAG_ROW") to = i + 1;
      for (Eigen::Index j = from; j < to; ++j) {
        const double w = weights[k++];
        f.dist(i, j) = w;
        if (f.format != "FULL_MATRIX") f.dist(j, i) = w;
      }
    }
    for (Eigen::Index i = 0; i < n; ++i) f.dist(i, i) = 0;
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = i + 1; j < n; ++j)
        if (f.dist(i, j) != f.dist(j, i))
          fail(name, weights_line,
               "FULL_MATRIX is not symmetric: d(" + std::to_string(i + 1) + "," +
                   std::to_string(j + 1) + ") = " + std::to_string(std::llround(f.dist(i, j))) +
                   " but d(" + std::to_string(j + 1) + "," + std::to_string(i + 1) +
                   ") = " + std::to_string(std::llround(f.dist(j, i))) + " (TYPE TSP)");
  } else {
    if (!have_coords) fail(name, ln, "missing NODE_COORD_SECTION");
    if (x.size() != static_cast<std::size_t>(n))
      fail(name, ln,
           "NODE_COORD_SECTION holds " + std::to_string(x.size()) + " nodes but DIMENSION is " +
               std::to_string(n));
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < n; ++j) {
        const auto a = static_cast<std::size_t>(i);
        const auto b = static_cast<std::size_t>(j);
        f.dist(i, j) =
            i == j ? 0.0 : static_cast<double>(tsplib_distance(f.type, x[a], y[a], x[b], y[b]));
      }
  }
  return f;
}

} // namespace flyorcall::bench
