// Flight CO2: the DESNZ 2025 factors by category and cabin, checked against the published table
// (data/reference/desnz_2025_air.csv) to the digit, and DESNZ's categories by country.
#include "network/emissions.hpp"

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "model/csv.hpp"

namespace flyorcall::network {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Emissions, EveryFactorInUseIsThePublishedOneToTheDigit) {
  const auto path = std::string(FLYORCALL_SOURCE_DIR) + "/data/reference/desnz_2025_air.csv";
  const auto table = csv::read_data_table(slurp(path), "data/reference/desnz_2025_air.csv",
                                          "category,cabin,rf,kg_co2e_per_pkm,cell");
  int checked = 0;
  std::ostringstream errors;
  for (const auto& row : table.rows) {
    const auto& f = row.fields;
    std::optional<FlightCategory> category;
    for (std::size_t k = 0; k < kFlightCategoryNames.size(); ++k)
      if (f[0] == kFlightCategoryNames[k]) category = static_cast<FlightCategory>(k);
    ASSERT_TRUE(category) << f[0];
    std::optional<Cabin> cabin;
    for (std::size_t k = 0; k < kCabinCount; ++k)
      if (f[1] == kCabinNames[k]) cabin = static_cast<Cabin>(k);
    ASSERT_TRUE(cabin || f[1] == "average") << f[1];
    const bool rf = f[2] == "yes";
    const double published = std::stod(f[3]);
    const auto used = published_factor(*category, cabin, rf);
    if (!used || *used != published)
      errors << f[0] << " " << f[1] << " rf=" << f[2] << ": model "
             << (used ? std::to_string(*used) : "none") << ", published " << f[3] << " (" << f[4]
             << ")\n";
    if (cabin) {
      EXPECT_EQ(kg_per_pkm(*category, *cabin, rf), published) << f[0] << " " << f[1];
    }
    ++checked;
  }
  EXPECT_EQ(checked, 28); // all 14 published rows, with and without RF
  EXPECT_EQ(errors.str(), "") << "factors that differ from DESNZ 2025:\n" << errors.str();
}

TEST(Emissions, CabinsWithoutAPublishedFactorUseTheDocumentedStandIn) {
  for (const bool rf : {true, false}) {
    const double domestic = *published_factor(FlightCategory::domestic_uk, std::nullopt, rf);
    for (std::size_t k = 0; k < kCabinCount; ++k)
      EXPECT_EQ(kg_per_pkm(FlightCategory::domestic_uk, static_cast<Cabin>(k), rf), domestic);
    const double business = kg_per_pkm(FlightCategory::short_haul_uk, Cabin::business, rf);
    EXPECT_EQ(kg_per_pkm(FlightCategory::short_haul_uk, Cabin::premium, rf), business);
    EXPECT_EQ(kg_per_pkm(FlightCategory::short_haul_uk, Cabin::first, rf), business);
  }
}

TEST(Emissions, CategoriesFollowTheCountriesNotTheDistance) {
  EXPECT_EQ(flight_category("GB", "GB"), FlightCategory::domestic_uk);
  EXPECT_EQ(flight_category("GB", "DE"), FlightCategory::short_haul_uk);
  EXPECT_EQ(flight_category("TR", "GB"), FlightCategory::short_haul_uk); // Turkey is Europe here
  EXPECT_EQ(flight_category("GB", "EG"), FlightCategory::short_haul_uk); // North Africa too
  EXPECT_EQ(flight_category("GB", "UA"), FlightCategory::long_haul_uk);  // Ukraine is not
  EXPECT_EQ(flight_category("GB", "IL"), FlightCategory::long_haul_uk);
  EXPECT_EQ(flight_category("GB", "US"), FlightCategory::long_haul_uk);
  EXPECT_EQ(flight_category("DE", "FR"), FlightCategory::international);
  EXPECT_EQ(flight_category("US", "SG"), FlightCategory::international);
}

TEST(Emissions, LegCo2IsGreatCircleTimesFactorWithoutAnotherUplift) {
  // 1000 km x 0.10916 = 109.16 kg: DESNZ's 8 % uplift is inside the factor already.
  EXPECT_EQ(leg_co2(1000.0, FlightCategory::international, Cabin::economy, true), GramsCo2(109160));
  EXPECT_EQ(leg_co2(10000.0, FlightCategory::long_haul_uk, Cabin::business, true),
            GramsCo2(3394000));
  EXPECT_EQ(leg_co2(10000.0, FlightCategory::long_haul_uk, Cabin::economy, false),
            GramsCo2(692600));
  EXPECT_EQ(leg_co2(0.0, FlightCategory::international, Cabin::first, true), GramsCo2(0));
  for (std::size_t c = 0; c < 4; ++c)
    for (std::size_t k = 0; k < kCabinCount; ++k)
      EXPECT_LT(kg_per_pkm(static_cast<FlightCategory>(c), static_cast<Cabin>(k), false),
                kg_per_pkm(static_cast<FlightCategory>(c), static_cast<Cabin>(k), true));
}

} // namespace
} // namespace flyorcall::network
