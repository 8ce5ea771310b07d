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
  EXPECT_EQ(closest_match("XYZW", codes), std::nullopt);
  EXPECT_EQ(closest_match("XYZ", codes), std::nullopt);
  const std::vector<std::string> zones{"Europe/Berlin"};
  EXPECT_EQ(closest_match("Erope/Brelin", zones), "Europe/Berlin"); // 2 edits <= 12 / 3
  EXPECT_EQ(closest_match("Europe/Bern", zones), "Europe/Berlin");  // 2 edits <= 11 / 3
  EXPECT_EQ(closest_match("Eu/Berlin", zones), std::nullopt);       // 4 edits > 9 / 3
}

TEST(ClosestMatch, ShortWordsAllowTwoEditsWithTheSameFirstLetter) {
  const std::vector<std::string> codes{"FNC", "FRA", "FRU", "LON", "PAR"};
  // Two edits from FRA, FRU and FNC; FRA and FRU share the longer prefix, FRA comes first.
  EXPECT_EQ(closest_match("FRNK", codes), "FRA");
  EXPECT_EQ(closest_match("frnk", codes), "FRA");
  EXPECT_EQ(closest_match("LNDN", codes), "LON");
  // Two edits, but a different first letter: not suggested.
  EXPECT_EQ(closest_match("XRNA", codes), std::nullopt);
  // Three-letter words keep the one-edit limit.
  EXPECT_EQ(closest_match("FXX", codes), std::nullopt);
  // Three edits are too many even with the same first letter.
  EXPECT_EQ(closest_match("FXYZ", codes), std::nullopt);
}

TEST(ClosestMatch, LongerCommonPrefixBreaksTies) {
  // One edit from both; "parkx" shares four letters, "parts" three: the longer common prefix
  // decides before the order of the candidates.
  EXPECT_EQ(closest_match("parks", {"parts", "parkx"}), "parkx");
  EXPECT_EQ(closest_match("parks", {"parkx", "parts"}), "parkx");
}

TEST(ClosestMatch, KeyWithoutItsUnitSuffix) {
  const std::vector<std::string> keys{"quarter", "time_limit_s", "carbon_price_per_t", "hotel",
                                      "block_min"};
  EXPECT_EQ(closest_match("time_limit", keys), "time_limit_s");
  EXPECT_EQ(closest_match("carbon_price", keys), "carbon_price_per_t");
  EXPECT_EQ(closest_match("block", keys), "block_min");
  EXPECT_EQ(closest_match("hotel_night", keys), "hotel");
  // A suffix that does not start at an underscore is not a unit.
  EXPECT_EQ(closest_match("blockminxyz", keys), std::nullopt);
  // Too short to tell.
  EXPECT_EQ(closest_match("q", keys), std::nullopt);
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

TEST(ClosestMatchIndex, PointsAtTheFirstOfEqualCandidates) {
  EXPECT_EQ(closest_match_index("BOX", {"BOM", "BOS"}), 0u);
  EXPECT_EQ(closest_match_index("stay", {"stax", "stay", "stay"}), 1u);
  EXPECT_EQ(closest_match_index("time_limit", {"seed", "time_limit_s"}), 1u);
  EXPECT_EQ(closest_match_index("zzzz", {"USD", "EUR"}), std::nullopt);
}

TEST(DidYouMean, FormatsTheSuggestion) {
  EXPECT_EQ(did_you_mean("EUX", {"USD", "EUR", "GBP"}), " (did you mean \"EUR\"?)");
  EXPECT_EQ(did_you_mean("zzzz", {"USD", "EUR"}), "");
}

// A code is offered only what differs from it in letter case: near spellings of a code are other
// real things (the Saudi riyal is not the rand, XX is not Mexico).
TEST(DidYouMean, ACodeIsNeverCorrectedToAnotherCode) {
  const std::vector<std::string> currencies = {"USD", "EUR", "ZAR"};
  EXPECT_EQ(did_you_mean_code("usd", currencies), " (did you mean \"USD\"?)");
  EXPECT_EQ(did_you_mean_code("SAR", currencies), "");
  EXPECT_EQ(did_you_mean_code("EUX", currencies), "");
  EXPECT_EQ(did_you_mean_code("USD", currencies), "");
  EXPECT_EQ(did_you_mean_code("XX", {"MX", "DE"}), "");
}

TEST(DidYouMean, CodeOfANearName) {
  const std::vector<std::string> names = {"Frankfurt", "Singapore", "Sydney"};
  const std::vector<std::string> codes = {"FRA", "SIN", "SYD"};
  EXPECT_EQ(did_you_mean_code_of("Singapur", names, codes),
            " (did you mean \"SIN\", the code of Singapore?)");
  EXPECT_EQ(did_you_mean_code_of("Reykjavik", names, codes), "");
  // Three letters are a mistyped code, never a name ("Syd" is not offered "SYD").
  EXPECT_EQ(did_you_mean_code_of("Syd", {"Syd"}, {"SYD"}), "");
}

} // namespace
} // namespace flyorcall
