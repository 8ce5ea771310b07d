// DESNZ 2025 air-travel factors: every published figure, the derived no-RF figures, the haul
// boundary and the distance uplift.
#include <gtest/gtest.h>

#include "network/emissions.hpp"

namespace flyorcall::network {
namespace {

constexpr double kShort = 1000.0;
constexpr double kLong = 9000.0;

TEST(Emissions, PublishedFactorsWithRadiativeForcing) {
  EXPECT_DOUBLE_EQ(kg_per_pkm(kShort, Cabin::economy, true), 0.12576);
  EXPECT_DOUBLE_EQ(kg_per_pkm(kShort, Cabin::business, true), 0.18863);
  EXPECT_DOUBLE_EQ(kg_per_pkm(kLong, Cabin::economy, true), 0.11704);
  EXPECT_DOUBLE_EQ(kg_per_pkm(kLong, Cabin::premium, true), 0.18726);
  EXPECT_DOUBLE_EQ(kg_per_pkm(kLong, Cabin::business, true), 0.3394);
  EXPECT_DOUBLE_EQ(kg_per_pkm(kLong, Cabin::first, true), 0.46814);
}

TEST(Emissions, ShortHaulPremiumAndFirstUseShortHaulBusiness) {
  EXPECT_DOUBLE_EQ(kg_per_pkm(kShort, Cabin::premium, true), 0.18863);
  EXPECT_DOUBLE_EQ(kg_per_pkm(kShort, Cabin::first, true), 0.18863);
  EXPECT_DOUBLE_EQ(kg_per_pkm(kShort, Cabin::first, false),
                   kg_per_pkm(kShort, Cabin::business, false));
}

TEST(Emissions, PublishedFactorsWithoutRadiativeForcing) {
  EXPECT_DOUBLE_EQ(kg_per_pkm(kShort, Cabin::economy, false), 0.07435);
  EXPECT_DOUBLE_EQ(kg_per_pkm(kLong, Cabin::economy, false), 0.06926);
  EXPECT_DOUBLE_EQ(kg_per_pkm(kLong, Cabin::business, false), 0.20083);
}

TEST(Emissions, UnpublishedNoRfFactorsDivideByTheHaulsRfRatio) {
  EXPECT_NEAR(kg_per_pkm(kShort, Cabin::business, false), 0.18863 * 0.07435 / 0.12576, 1e-12);
  EXPECT_NEAR(kg_per_pkm(kLong, Cabin::premium, false), 0.18726 * 0.06926 / 0.11704, 1e-12);
  EXPECT_NEAR(kg_per_pkm(kLong, Cabin::first, false), 0.46814 * 0.06926 / 0.11704, 1e-12);
  // The published long-haul business pair has the same ratio, which justifies the derivation.
  EXPECT_NEAR(0.3394 / 0.20083, 0.11704 / 0.06926, 1e-3);
  for (const auto cabin : {Cabin::economy, Cabin::premium, Cabin::business, Cabin::first})
    for (const double km : {kShort, kLong})
      EXPECT_LT(kg_per_pkm(km, cabin, false), kg_per_pkm(km, cabin, true));
}

TEST(Emissions, HaulBoundaryIsAt3700Km) {
  EXPECT_DOUBLE_EQ(kg_per_pkm(3699.9, Cabin::economy, true), 0.12576);
  EXPECT_DOUBLE_EQ(kg_per_pkm(3700.0, Cabin::economy, true), 0.11704);
  EXPECT_DOUBLE_EQ(kg_per_pkm(3699.9, Cabin::business, true), 0.18863);
  EXPECT_DOUBLE_EQ(kg_per_pkm(3700.0, Cabin::business, true), 0.3394);
}

TEST(Emissions, LegCo2AppliesTheDistanceUplift) {
  // 1000 km x 1.08 x 0.12576 kg = 135.8208 kg
  EXPECT_EQ(leg_co2(1000.0, Cabin::economy, true), GramsCo2(135821));
  // 10000 km x 1.08 x 0.3394 kg = 3665.52 kg
  EXPECT_EQ(leg_co2(10000.0, Cabin::business, true), GramsCo2(3665520));
  // 10000 km x 1.08 x 0.06926 kg = 748.008 kg
  EXPECT_EQ(leg_co2(10000.0, Cabin::economy, false), GramsCo2(748008));
  EXPECT_EQ(leg_co2(0.0, Cabin::first, true), GramsCo2(0));
}

} // namespace
} // namespace flyorcall::network
