// The benchmark readers of flyorcall-bench: the orienteering format and TSPLIB, each distance
// rule on tiny literal files, and the exact error messages for bad files.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "bench/readers.hpp"
#include "flyorcall/errors.hpp"

namespace flyorcall::bench {
namespace {

OpFile op(const std::string& text) {
  std::istringstream in(text);
  return read_op(in, "op.txt");
}

TspFile tsp(const std::string& text) {
  std::istringstream in(text);
  return read_tsplib(in, "t.tsp");
}

std::string op_error(const std::string& text) {
  try {
    (void)op(text);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::input);
    return e.what();
  }
  return "no error";
}

std::string tsp_error(const std::string& text) {
  try {
    (void)tsp(text);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::input);
    return e.what();
  }
  return "no error";
}

TEST(OpReader, ReadsPointsAndRealDistances) {
  const OpFile f = op("7.5\t1\n0\t0\t0\n3\t4\t0\n1 1 10\n\n");
  EXPECT_DOUBLE_EQ(f.tmax, 7.5);
  ASSERT_EQ(f.x.size(), 3u);
  EXPECT_DOUBLE_EQ(f.score[2], 10);
  const Eigen::MatrixXd d = op_distances(f);
  EXPECT_DOUBLE_EQ(d(0, 1), 5);
  EXPECT_DOUBLE_EQ(d(0, 2), std::sqrt(2.0)); // never rounded
  EXPECT_DOUBLE_EQ(d(2, 1), std::sqrt(13.0));
}

TEST(OpReader, BadFilesNameTheLine) {
  EXPECT_EQ(op_error(""), "op.txt:1: empty file: expected 'Tmax P'");
  EXPECT_EQ(op_error("10 1 5\n"), "op.txt:1: first line must be 'Tmax P', found 3 fields");
  EXPECT_EQ(op_error("10 2\n0 0 0\n1 1 0\n"),
            "op.txt:1: only one path is supported (P = 1), got 2");
  EXPECT_EQ(op_error("ten 1\n"), "op.txt:1: Tmax must be a number, got 'ten'");
  EXPECT_EQ(op_error("10 1\n0 0 0\n1 1\n"), "op.txt:3: expected 'x y score', found 2 fields");
  EXPECT_EQ(op_error("10 1\n0 0 0\n1 1 0\n2 2 x\n"), "op.txt:4: score must be a number, got 'x'");
  EXPECT_EQ(op_error("10 1\n0 0 0\n1 1 -3\n"), "op.txt:3: score must be >= 0, got -3");
  EXPECT_EQ(op_error("10 1\n0 0 0\n"),
            "op.txt:3: at least 2 points are needed (start and end), found 1");
}

std::string coords(const std::string& type, const std::string& lines) {
  return "NAME: t\nTYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: " + type + "\nNODE_COORD_SECTION\n" +
         lines + "EOF\n";
}

TEST(TsplibReader, Euc2dRoundsToNearest) {
  EXPECT_EQ(tsp(coords("EUC_2D", "1 0 0\n2 3 4.4\n")).dist(0, 1), 5);  // 5.32
  EXPECT_EQ(tsp(coords("EUC_2D", "1 0 0\n2 1 1.5\n")).dist(1, 0), 2);  // 1.80
  EXPECT_EQ(tsplib_distance(EdgeWeightType::euc_2d, 0, 0, 0, 2.5), 3); // half rounds up
}

TEST(TsplibReader, Ceil2dRoundsUp) {
  EXPECT_EQ(tsp(coords("CEIL_2D", "1 0 0\n2 1 1\n")).dist(0, 1), 2); // 1.41
  EXPECT_EQ(tsp(coords("CEIL_2D", "1 0 0\n2 3 4\n")).dist(0, 1), 5);
}

TEST(TsplibReader, AttIsPseudoEuclidean) {
  // r = sqrt((100 + 0) / 10) = 3.162: nint 3 < r, so 4.
  EXPECT_EQ(tsp(coords("ATT", "1 0 0\n2 10 0\n")).dist(0, 1), 4);
  // r = sqrt(2500 / 10) = 15.81: nint 16 >= r, so 16.
  EXPECT_EQ(tsp(coords("ATT", "1 0 0\n2 30 40\n")).dist(0, 1), 16);
}

TEST(TsplibReader, GeoReadsDegreesAndMinutes) {
  // burma14 nodes 1 and 2: both at 16°47'N, 96°10'E and 94°44'E. 1.4333° of longitude at
  // 16.783° latitude is 152.8 km on the TSPLIB sphere (RRR 6378.388), so (int)(152.8 + 1) = 153.
  EXPECT_EQ(tsp(coords("GEO", "1 16.47 96.10\n2 16.47 94.44\n")).dist(0, 1), 153);
  EXPECT_EQ(tsplib_distance(EdgeWeightType::geo, 16.47, 96.10, 25.23, 97.24), 966);
  EXPECT_EQ(tsplib_distance(EdgeWeightType::geo, 16.53, 97.38, 14.05, 98.12), 318);
}

TEST(TsplibReader, EveryExplicitFormatGivesTheSameMatrix) {
  // 3 nodes: d(0,1) = 1, d(0,2) = 2, d(1,2) = 3.
  const std::string head = "TYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EXPLICIT\n";
  const std::string formats[][2] = {
      {"FULL_MATRIX", "0 1 2\n1 0 3\n2 3 0"},
      {"UPPER_ROW", "1 2\n3"},
      {"LOWER_ROW", "1\n2 3"},
      {"UPPER_DIAG_ROW", "0 1 2 0\n3 0"},
      {"LOWER_DIAG_ROW", "0 1 0 2 3 0"},
  };
  for (const auto& f : formats) {
    const TspFile t =
        tsp(head + "EDGE_WEIGHT_FORMAT: " + f[0] + "\nEDGE_WEIGHT_SECTION\n" + f[1] + "\nEOF\n");
    EXPECT_EQ(t.dist(0, 1), 1) << f[0];
    EXPECT_EQ(t.dist(2, 0), 2) << f[0];
    EXPECT_EQ(t.dist(1, 2), 3) << f[0];
    EXPECT_EQ(t.dist(2, 1), 3) << f[0];
    EXPECT_EQ(t.dist(1, 1), 0) << f[0];
  }
}

TEST(TsplibReader, BadFilesNameTheLine) {
  EXPECT_EQ(tsp_error("TYPE: ATSP\n"), "t.tsp:1: TYPE ATSP is not supported (only TSP)");
  EXPECT_EQ(tsp_error("TYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: MAN_2D\n"),
            "t.tsp:3: EDGE_WEIGHT_TYPE MAN_2D is not supported (EUC_2D, CEIL_2D, ATT, GEO, "
            "EXPLICIT)");
  EXPECT_EQ(tsp_error("TYPE: TSP\nDIMENSIONS: 2\n"), "t.tsp:2: unknown keyword 'DIMENSIONS'");
  EXPECT_EQ(tsp_error("TYPE: TSP\nDIMENSION: two\n"),
            "t.tsp:2: DIMENSION must be a number, got 'two'");
  EXPECT_EQ(tsp_error("TYPE: TSP\nNODE_COORD_SECTION\n"),
            "t.tsp:2: NODE_COORD_SECTION before DIMENSION");
  EXPECT_EQ(tsp_error(coords("EUC_2D", "1 0 0\n2 1 y\n")), "t.tsp:7: y must be a number, got 'y'");
  EXPECT_EQ(tsp_error(coords("EUC_2D", "1 0 0\n3 1 1\n")), "t.tsp:7: expected node 2, got 3");
  EXPECT_EQ(tsp_error("TYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n"
                      "1 0 0\n"),
            "t.tsp:6: file ends after 1 of 3 coordinates");
  EXPECT_EQ(tsp_error("TYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: "
                      "UPPER_ROW\nEDGE_WEIGHT_SECTION\n1 2\n"),
            "t.tsp:7: file ends after 2 of 3 edge weights");
  EXPECT_EQ(tsp_error("DIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\n"),
            "t.tsp:3: missing TYPE (expected TYPE: TSP)");
  EXPECT_EQ(tsp_error("TYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\nEOF\n"),
            "t.tsp:5: missing NODE_COORD_SECTION");
  EXPECT_EQ(tsp_error("TYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: "
                      "FULL_MATRIX\nEDGE_WEIGHT_SECTION\n0 1\n2 0\n"),
            "t.tsp:5: FULL_MATRIX is not symmetric: d(1,2) = 1 but d(2,1) = 2 (TYPE TSP)");
}

// Found by fuzz_bench_readers: a coordinate of 4.7e81 overflowed the rounding to an integer
// distance (undefined behaviour). Numbers are bounded, and so are the matrix sizes.
TEST(BenchReaders, HugeNumbersAndSizesAreRejected) {
  EXPECT_EQ(tsp_error(coords("EUC_2D", "1 0 0\n2 1 -4666666666666666666666666666666\n")),
            "t.tsp:7: y must be between -1e9 and 1e9, got '-4666666666666666666666666666666'");
  EXPECT_EQ(op_error("1e10 1\n"), "op.txt:1: Tmax must be between -1e9 and 1e9, got '1e10'");
  EXPECT_EQ(tsp_error("NAME: t\nTYPE: TSP\nDIMENSION: 5001\n"),
            "t.tsp:3: DIMENSION must be an integer from 2 to 5000, got 5001");
  std::string many = "100 1\n";
  for (int i = 0; i < 5001; ++i) many += "1 1 1\n";
  EXPECT_EQ(op_error(many), "op.txt:5002: more than 5000 points");
}

// Found by fuzz_bench_readers: a second DIMENSION after EDGE_WEIGHT_SECTION made the matrix
// larger than the weights read (heap overflow). A header that changes after the data is rejected.
TEST(BenchReaders, HeaderChangedAfterTheDataIsRejected) {
  EXPECT_EQ(tsp_error("TYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: "
                      "UPPER_ROW\nEDGE_WEIGHT_SECTION\n3\nDIMENSION: 3\n"),
            "t.tsp:7: DIMENSION given twice");
  EXPECT_EQ(tsp_error("TYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: "
                      "UPPER_ROW\nEDGE_WEIGHT_SECTION\n1 2 3\nEDGE_WEIGHT_FORMAT: FULL_MATRIX\n"),
            "t.tsp:5: EDGE_WEIGHT_SECTION holds 3 weights but FULL_MATRIX of dimension 3 needs 9");
}

} // namespace
} // namespace flyorcall::bench
