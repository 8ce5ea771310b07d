// The company fare table (--fares FILE, docs/input.md "Company fares"): what a good file gives,
// and every bad row named by file, line and column, with nothing added.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "flyorcall/errors.hpp"
#include "flyorcall/flyorcall.hpp"
#include "io/fares_file.hpp"
#include "io/input_reader.hpp"
#include "network/network.hpp"
#include "network/world_data.hpp"

namespace flyorcall::io {
namespace {

using date::literals::operator""_y;

Input base_input() {
  Input in;
  in.horizon = {2027_y / 1 / 1, 2027_y / 3 / 31};
  return in;
}

/// The messages of the InputError `f` throws, one per line.
template <class F> std::string problems(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    std::string out;
    for (const auto& p : e.problems())
      out += (p.pointer.empty() ? "" : p.pointer + ": ") + p.message + "\n";
    return out;
  }
  return "no error";
}

TEST(FaresFile, RowsInAnyColumnOrderWithPlacesAsPeopleTypeThem) {
  Input in = base_input();
  add_fares_csv(in,
                "amount,cabin,to,from,trip,currency,valid_from,valid_to\n"
                "640,economy,NYC,FRA,,,,\n"
                "6400,business,JFK,Frankfurt,return,EUR,2027-01-01,2027-06-30\n"
                "1000,premium,São Paulo,ORD,one-way,USD,,\n",
                "fares.csv");
  ASSERT_EQ(in.network.fares.size(), 3u);
  const FareSpec& a = in.network.fares[0];
  EXPECT_EQ(a.from, "FRA");
  EXPECT_EQ(a.to, "NYC");
  EXPECT_EQ(a.cabin, Cabin::economy);
  EXPECT_FALSE(a.round_trip);
  EXPECT_EQ(a.amount, 640);
  EXPECT_EQ(a.currency, "");
  EXPECT_EQ(a.where, "fares.csv:2");
  const FareSpec& b = in.network.fares[1];
  EXPECT_EQ(b.from, "FRA"); // a city name
  EXPECT_EQ(b.to, "NYC");   // an airport code
  EXPECT_TRUE(b.round_trip);
  EXPECT_EQ(*b.valid_from, Date{2027_y / 1 / 1});
  EXPECT_EQ(*b.valid_to, Date{2027_y / 6 / 30});
  const FareSpec& c = in.network.fares[2];
  EXPECT_EQ(c.from, "CHI");
  EXPECT_EQ(c.to, "SAO");
  EXPECT_EQ(c.cabin, Cabin::premium);
  EXPECT_EQ(c.currency, "USD");
}

TEST(FaresFile, CompanyFaresPriceTheJourneyInTheDocumentCurrency) {
  Input in = base_input();
  in.currency = "EUR";
  add_fares_csv(in,
                "from,to,cabin,amount,trip,currency\n"
                "FRA,NYC,business,6400,return,EUR\n"
                "FRA,SIN,economy,1000,one-way,USD\n",
                "fares.csv");
  const auto net = network::Network::build(in);
  const int fra = *net.find("FRA");
  const int nyc = *net.find("NYC");
  const int sin = *net.find("SIN");
  // A return fare pays half each way, in either direction.
  EXPECT_EQ(*net.company_fare(fra, nyc, Cabin::business), money_from_units(3200));
  EXPECT_EQ(*net.company_fare(nyc, fra, Cabin::business), money_from_units(3200));
  EXPECT_FALSE(net.company_fare(fra, nyc, Cabin::economy).has_value());
  // USD through the euro reference rates.
  const double usd_per_eur = *network::eur_rate("USD");
  EXPECT_EQ(*net.company_fare(fra, sin, Cabin::economy), money_from_units(1000 / usd_per_eur));
}

TEST(FaresFile, FaresOutsideTheHorizonDoNotApplyAndTwoInsideClash) {
  Input in = base_input();
  add_fares_csv(in,
                "from,to,cabin,amount,valid_from,valid_to\n"
                "FRA,NYC,economy,500,2026-01-01,2026-12-31\n"
                "FRA,NYC,economy,600,2027-01-01,2027-12-31\n",
                "fares.csv");
  const auto net = network::Network::build(in);
  EXPECT_EQ(*net.company_fare(*net.find("FRA"), *net.find("NYC"), Cabin::economy),
            money_from_units(600));
  add_fares_csv(in, "from,to,cabin,amount\nNYC,FRA,economy,700\n", "more.csv");
  EXPECT_EQ(problems([&] { (void)network::Network::build(in); }),
            "more.csv:2: a second economy fare for NYC-FRA in the planning horizon (the first is "
            "fares.csv:3)\n");
}

TEST(FaresFile, SpreadsheetExportsWithAByteOrderMarkAndCrLf) {
  Input in = base_input();
  add_fares_csv(in,
                "\xEF\xBB\xBF"
                "from,to,cabin,amount\r\nFRA,NYC,economy,640\r\n",
                "x.csv");
  ASSERT_EQ(in.network.fares.size(), 1u);
  EXPECT_EQ(in.network.fares[0].to, "NYC");
}

TEST(FaresFile, EveryBadRowIsNamedAndNothingIsAdded) {
  Input in = base_input();
  const std::string text = "from,to,cabin,amount,trip,currency,valid_from,valid_to\n"
                           "FRA,XQZ,economy,640,,,,\n"
                           "FRA,FRA,economy,640,,,,\n"
                           "FRA,NYC,coach,640,,,,\n"
                           "FRA,NYC,economy,-5,,,,\n"
                           "FRA,NYC,economy,1e10,,,,\n"
                           "FRA,NYC,economy,six,,,,\n"
                           "FRA,NYC,economy,640,both,,,\n"
                           "FRA,NYC,economy,640,,EUX,,\n"
                           "FRA,NYC,economy,640,,,2027-02-30,\n"
                           "FRA,NYC,economy,640,,,2027-03-01,2027-02-01\n"
                           "FRA,NYC,economy\n"
                           "FRA,NYC,business,640,,,,\n";
  const std::string got = problems([&] { add_fares_csv(in, text, "f.csv"); });
  EXPECT_EQ(got,
            "f.csv:2: column \"to\": unknown city or airport \"XQZ\"; expected a city code (such "
            "as \"LON\"), an airport code (such as \"LHR\") or a city name\n"
            "f.csv:3: column \"to\": a fare must join two different cities; both ends are "
            "\"FRA\"\n"
            "f.csv:4: column \"cabin\": unknown cabin \"coach\": expected economy, premium, "
            "business or first\n"
            "f.csv:5: column \"amount\": expected an amount above 0 and at most 1e9, found \"-5\"\n"
            "f.csv:6: column \"amount\": expected an amount above 0 and at most 1e9, found "
            "\"1e10\"\n"
            "f.csv:7: column \"amount\": expected an amount above 0 and at most 1e9, found "
            "\"six\"\n"
            "f.csv:8: column \"trip\": expected one-way or return, found \"both\"\n"
            "f.csv:9: column \"currency\": unknown currency \"EUX\"; expected an ISO 4217 code "
            "with a reference rate\n"
            "f.csv:10: column \"valid_from\": " +
                std::get<std::string>(parse_iso_date("2027-02-30")) +
                "\n"
                "f.csv:11: column \"valid_to\": the fare's validity ends before it starts\n"
                "f.csv:12: expected 8 fields, found 3\n");
  EXPECT_TRUE(in.network.fares.empty());
}

TEST(FaresFile, BadHeadersAndFiles) {
  Input in = base_input();
  const auto error = [&](const std::string& text) {
    return problems([&] { add_fares_csv(in, text, "f.csv"); });
  };
  EXPECT_EQ(error(""), "f.csv: empty; expected a header line such as "
                       "\"from,to,cabin,trip,amount,currency\"\n");
  EXPECT_EQ(error("from,to,cabn,amount,amount\n"),
            "f.csv:1: unknown column \"cabn\" (did you mean \"cabin\"?)\n"
            "f.csv:1: column \"amount\" is given twice\n"
            "f.csv:1: missing column \"cabin\"\n");
  EXPECT_EQ(error("from,to,cabin,amount\nFRA,NYC,economy,\"64\n"),
            "f.csv:2: a quoted field is not closed (a '\"' is missing)\n");
  EXPECT_EQ(error("from,to,cabin,amount\nFRA,NYC,economy,6\xff\n"),
            "f.csv:2: not valid UTF-8 (byte 18 of the line)\n");
  EXPECT_TRUE(in.network.fares.empty());
}

} // namespace
} // namespace flyorcall::io
