// Readers of the public benchmark formats flyorcall-bench runs: the orienteering text format
// (Tsiligirides / Chao sets) and TSPLIB symmetric TSP files, with TSPLIB's distance rules.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include <Eigen/Core>

namespace flyorcall::bench {

/// An orienteering instance: point 0 is the start, point 1 the end.
struct OpFile {
  double tmax = 0;           ///< length budget of the path
  std::vector<double> x;     ///< x coordinate per point
  std::vector<double> y;     ///< y coordinate per point
  std::vector<double> score; ///< prize per point
};

/// Reads the orienteering format: first line "Tmax P" (P = 1), then "x y score" per point.
/// Throws flyorcall::Error (code input) with "<name>:<line>: <problem>" on bad input.
[[nodiscard]] OpFile read_op(std::istream& in, const std::string& name);

/// Real Euclidean distances between the points of `op` (never rounded).
[[nodiscard]] Eigen::MatrixXd op_distances(const OpFile& op);

/// TSPLIB distance rules supported.
enum class EdgeWeightType { euc_2d, ceil_2d, att, geo, explicit_matrix };

/// A symmetric TSP instance read from TSPLIB.
struct TspFile {
  std::string name;  ///< NAME, or "" when absent
  int dimension = 0; ///< number of nodes
  EdgeWeightType type = EdgeWeightType::euc_2d;
  std::string format;   ///< EDGE_WEIGHT_FORMAT for EXPLICIT, else ""
  Eigen::MatrixXd dist; ///< integer distances by TSPLIB's rules, dimension x dimension
};

/// Reads a TSPLIB file (TYPE TSP; EUC_2D, CEIL_2D, ATT, GEO, or EXPLICIT with FULL_MATRIX,
/// UPPER_ROW, LOWER_ROW, UPPER_DIAG_ROW, LOWER_DIAG_ROW). Throws flyorcall::Error (code input)
/// with "<name>:<line>: <problem>" on bad input.
[[nodiscard]] TspFile read_tsplib(std::istream& in, const std::string& name);

/// TSPLIB distance between two coordinate nodes under `type` (not EXPLICIT): EUC_2D rounds to
/// the nearest integer, CEIL_2D rounds up, ATT is pseudo-Euclidean, GEO reads DDD.MM degrees.
[[nodiscard]] long long tsplib_distance(EdgeWeightType type, double xi, double yi, double xj,
                                        double yj);

} // namespace flyorcall::bench
