// The report map's geography: the embedded world outline (land where cities are, sea where
// oceans are), great-circle sampling and the split at the antimeridian.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include "cli_run.hpp"
#include "flyorcall/errors.hpp"
#include "flyorcall/flyorcall.hpp"
#include "io/plan_reader.hpp"
#include "network/network.hpp"
#include "report/report_charts.hpp"
#include "report/trip_report.hpp"
#include "report/world_map.hpp"

namespace flyorcall::report {
namespace {

bool on_land(GeoPoint p) {
  bool land = false;
  for (const OutlineShape& s : world_outline())
    if (inside(s.points, p)) land = !s.water;
  return land;
}

TEST(WorldOutline, IsCoarseButComplete) {
  const auto& shapes = world_outline();
  std::size_t points = 0;
  for (const OutlineShape& s : shapes) {
    EXPECT_GE(s.points.size(), 3u) << s.name;
    points += s.points.size();
    for (const GeoPoint& p : s.points) {
      EXPECT_LE(std::abs(p.lon), 180.0) << s.name;
      EXPECT_LE(std::abs(p.lat), 90.0) << s.name;
    }
  }
  EXPECT_GE(shapes.size(), 40u);
  EXPECT_GE(points, 300u);
  EXPECT_LE(points, 1500u);
}

TEST(WorldOutline, InlandCitiesAreOnLand) {
  struct City {
    const char* name;
    double lon, lat;
  };
  for (const City c : {City{"Frankfurt", 8.68, 50.11},
                       {"Madrid", -3.70, 40.42},
                       {"Moscow", 37.62, 55.76},
                       {"Warsaw", 21.01, 52.23},
                       {"Denver", -104.99, 39.74},
                       {"Chicago", -87.63, 41.88},
                       {"Mexico City", -99.13, 19.43},
                       {"Brasilia", -47.88, -15.79},
                       {"Johannesburg", 28.05, -26.20},
                       {"Nairobi", 36.82, -1.29},
                       {"Riyadh", 46.72, 24.71},
                       {"Delhi", 77.21, 28.61},
                       {"Beijing", 116.41, 39.90},
                       {"Almaty", 76.95, 43.24},
                       {"Alice Springs", 133.88, -23.70},
                       {"Nuuk inland", -45.0, 70.0},
                       {"Tokyo", 139.69, 35.69},
                       {"Baku", 49.87, 40.41}})
    EXPECT_TRUE(on_land({c.lon, c.lat})) << c.name;
}

TEST(WorldOutline, OceansAndInlandSeasAreWater) {
  struct Spot {
    const char* name;
    double lon, lat;
  };
  for (const Spot s : {Spot{"North Atlantic", -35, 35},
                       {"South Atlantic", -20, -30},
                       {"Pacific", -150, 0},
                       {"North Pacific", 170, 35},
                       {"Indian Ocean", 80, -20},
                       {"Mediterranean", 18, 35},
                       {"Black Sea", 34, 43.3},
                       {"Caspian Sea", 51, 42},
                       {"Gulf of Mexico", -90, 25},
                       {"Hudson Bay", -85, 60},
                       {"Baltic", 19, 57},
                       {"Red Sea", 38, 20},
                       {"Persian Gulf", 51, 27},
                       {"Bay of Bengal", 88, 15},
                       {"Tasman Sea", 160, -38},
                       {"Sea of Japan", 135, 40}})
    EXPECT_FALSE(on_land({s.lon, s.lat})) << s.name;
}

TEST(WorldOutline, MalformedDataIsRejectedWithItsLine) {
  const auto message = [](const std::string& csv) {
    try {
      (void)parse_world_outline(csv);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message("shape,kind,lon,lat\na,land,0,0\na,land,1,0\n"),
            "world_outline.csv line 3: shape a has fewer than 3 points");
  EXPECT_EQ(message("shape,kind,lon,lat\na,land,0,0\na,land,1,0\na,land,1,1\nb,land,5,5\n"
                    "b,land,6,5\nb,land,6,6\na,land,9,9\n"),
            "world_outline.csv line 8: shape a continues after another shape");
  EXPECT_EQ(message("# c\nshape,kind,lon,lat\na,land,190,0\n"),
            "world_outline.csv line 3: bad longitude \"190\"");
  EXPECT_EQ(message("shape,kind,lon,lat\na,lake,0,0\n"),
            "world_outline.csv line 2: kind must be land or water");
  EXPECT_EQ(message("lon,lat\n"),
            "world_outline.csv line 1: expected the header shape,kind,lon,lat");
}

TEST(GreatCircle, FollowsTheSphere) {
  const auto quarter = great_circle({0, 0}, {90, 0}, 2);
  ASSERT_EQ(quarter.size(), 3u);
  EXPECT_NEAR(quarter[1].lon, 45, 1e-9);
  EXPECT_NEAR(quarter[1].lat, 0, 1e-9);
  // Frankfurt to Singapore bends north of the straight line on the map.
  const auto arc = great_circle({8.68, 50.11}, {103.82, 1.35}, 8);
  EXPECT_EQ(arc.front().lon, 8.68);
  EXPECT_EQ(arc.back().lat, 1.35);
  EXPECT_GT(arc[4].lat, (50.11 + 1.35) / 2 + 5);
}

TEST(GreatCircle, SplitsWhereItCrossesTheAntimeridian) {
  // Tokyo to Los Angeles crosses 180°; the arc bends towards the pole.
  const auto arc = great_circle({139.69, 35.69}, {-118.24, 34.05}, 32);
  const auto pieces = split_at_antimeridian(arc);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0].back().lon, 180.0);
  EXPECT_EQ(pieces[1].front().lon, -180.0);
  EXPECT_EQ(pieces[0].back().lat, pieces[1].front().lat);
  EXPECT_GT(pieces[0].back().lat, 40.0);
  EXPECT_EQ(pieces[0].size() + pieces[1].size(), arc.size() + 2);
  for (const auto& piece : pieces)
    for (std::size_t i = 1; i < piece.size(); ++i)
      EXPECT_LE(std::abs(piece[i].lon - piece[i - 1].lon), 180.0);
  // Westward across the line as well, and a line that stays on one side is not cut.
  EXPECT_EQ(split_at_antimeridian(great_circle({-170, -15}, {175, -40}, 16)).size(), 2u);
  EXPECT_EQ(split_at_antimeridian(great_circle({8.68, 50.11}, {-74, 40.7}, 16)).size(), 1u);
}

/// A city label of the map as the SVG draws it: its code and the box the renderer keeps clear
/// (7 px text: 9 units tall, about 4.9 units per letter, 1 unit of padding each side).
struct DrawnLabel {
  std::string code;
  double x0, y0, x1, y1;
};

std::vector<DrawnLabel> map_labels(const std::string& svg) {
  std::vector<DrawnLabel> out;
  static const std::regex label(
      R"re(<g class="city-label"><title>[^<]*</title>(?:<line[^>]*/>)?<text x="([-0-9.]+)" y="([-0-9.]+)" class="city">([^<]*)</text></g>)re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), label); it != std::sregex_iterator();
       ++it) {
    const double x = std::stod((*it)[1]) - 1.0;
    const double y = std::stod((*it)[2]) + 2.0;
    const std::string code = (*it)[3];
    out.push_back({code, x, y - 9.0, x + 4.9 * static_cast<double>(code.size()) + 2.0, y});
  }
  return out;
}

/// Every city on the map has a label inside the map, no two labels overlap, and the map has a
/// legend; on the default example and on a world-wide example of 40 clients (Cairo next to Tel
/// Aviv, Riyadh next to Dubai, Auckland at the map's edge).
TEST(MapLabels, NeverOverlapNorClipAndEveryCityHasOne) {
  for (const std::string name : {"default", "world"}) {
    SCOPED_TRACE(name);
    const Input input = read_input(flyorcall::clitest::slurp(std::string(FLYORCALL_SOURCE_DIR) +
                                                             "/data/examples/" + name + ".json"));
    const Plan plan = plan_quarter(input, PlanMethod::greedy);
    const network::Network net = network::Network::build(input);
    const Report r =
        make_report(io::read_plan(plan_to_json(plan)), net.cities(), net.countries(), &input);
    const std::string svg = map_svg(r);
    const std::vector<DrawnLabel> labels = map_labels(svg);
    std::size_t dots = 0;
    for (std::size_t at = svg.find("<circle class="); at != std::string::npos;
         at = svg.find("<circle class=", at + 1))
      ++dots;
    const std::size_t legend_dots = 3;
    EXPECT_EQ(labels.size() + legend_dots, dots) << "a city without its label";
    EXPECT_GE(labels.size(), name == "world" ? 40u : 20u);
    EXPECT_NE(svg.find("<g class=\"legend\">"), std::string::npos);
    for (std::size_t i = 0; i < labels.size(); ++i) {
      const DrawnLabel& a = labels[i];
      EXPECT_TRUE(a.x0 >= -0.05 && a.y0 >= -0.05 && a.x1 <= 720.05 && a.y1 <= 290.05)
          << a.code << " is clipped at " << a.x0 << "," << a.y0;
      for (std::size_t j = i + 1; j < labels.size(); ++j) {
        const DrawnLabel& b = labels[j];
        EXPECT_FALSE(a.x0 < b.x1 - 0.05 && b.x0 < a.x1 - 0.05 && a.y0 < b.y1 - 0.05 &&
                     b.y0 < a.y1 - 0.05)
            << a.code << " overlaps " << b.code;
      }
    }
  }
}

} // namespace
} // namespace flyorcall::report
