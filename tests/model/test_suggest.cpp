#include "model/suggest.hpp"

#include <gtest/gtest.h>

namespace flyorcall {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("", "abcd"), 4u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("clients", "client"), 1u);
  EXPECT_EQ(edit_distance("FRA", "FRNK"), 2u);
}

TEST(EditDistance, AdjacentTranspositionCostsOne) {
  EXPECT_EQ(edit_distance("cleints", "clients"), 1u);
  EXPECT_EQ(edit_distance("ab", "ba"), 1u);
  // Optimal string alignment: a transposed pair is not edited again ("ca" -> "abc" is 3, not 2).
  EXPECT_EQ(edit_distance("ca", "abc"), 3u);
}

TEST(EditDistance, IgnoresAsciiCase) {
  EXPECT_EQ(edit_distance("fra", "FRA"), 0u);
  EXPECT_EQ(edit_distance("Europe/berlin", "europe/Berlin"), 0u);
  EXPECT_EQ(edit_distance("Lon", "LIS"), 2u);
}

TEST(EditDistance, IsSymmetric) {
  EXPECT_EQ(edit_distance("travellers", "travelers"), edit_distance("travelers", "travellers"));
  EXPECT_EQ(edit_distance("policy", "polcy"), 1u);
}

TEST(ClosestMatch, FindsTheNearestCandidate) {
  const std::vector<std::string> keys{"quarter", "start", "end", "currency", "clients"};
  EXPECT_EQ(closest_match("cleints", keys), "clients");
  EXPECT_EQ(closest_match("curency", keys), "currency");
  EXPECT_EQ(closest_match("CLIENTS", keys), "clients");
}

TEST(ClosestMatch, RespectsTheThreshold) {
  // |word| / 3 edits are allowed, but at least one.
  const std::vector<std::string> codes{"FRA", "LON", "PAR"};
  EXPECT_EQ(closest_match("FRX", codes), "FRA");
  EXPECT_EQ(closest_match("FRNK", codes), std::nullopt); // two edits for a four-letter word
  EXPECT_EQ(closest_match("XYZ", codes), std::nullopt);
  const std::vector<std::string> zones{"Europe/Berlin"};
  EXPECT_EQ(closest_match("Erope/Brelin", zones), "Europe/Berlin"); // 2 edits <= 12 / 3
  EXPECT_EQ(closest_match("Europe/Bern", zones), "Europe/Berlin");  // 2 edits <= 11 / 3
  EXPECT_EQ(closest_match("Eu/Berlin", zones), std::nullopt);       // 4 edits > 9 / 3
}

TEST(ClosestMatch, TiesGoToTheFirstCandidate) {
  EXPECT_EQ(closest_match("BOX", {"BOS", "BOM"}), "BOS");
  EXPECT_EQ(closest_match("BOX", {"BOM", "BOS"}), "BOM");
  // A strictly closer later candidate still wins.
  EXPECT_EQ(closest_match("stay", {"stax", "stay"}), "stay");
}

TEST(ClosestMatch, EmptyCandidatesGiveNothing) {
  EXPECT_EQ(closest_match("anything", {}), std::nullopt);
}

TEST(DidYouMean, FormatsTheSuggestion) {
  EXPECT_EQ(did_you_mean("EUX", {"USD", "EUR", "GBP"}), " (did you mean \"EUR\"?)");
  EXPECT_EQ(did_you_mean("zzzz", {"USD", "EUR"}), "");
}

} // namespace
} // namespace flyorcall
