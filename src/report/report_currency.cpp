// A display currency for the report (docs/report.md, "Display currency"): every amount of the plan
// converted at the embedded reference rates.
#include <cmath>
#include <string>
#include <vector>

#include "flyorcall/errors.hpp"
#include "network/world_data.hpp"
#include "report/trip_report.hpp"

namespace flyorcall::report {

namespace {

class Converter {
public:
  explicit Converter(double rate) : rate_(rate) {}
  void operator()(Money& m) const {
    m = Money{std::llround(static_cast<double>(m.count()) * rate_)};
  }
  void operator()(std::optional<Money>& m) const {
    if (m) (*this)(*m);
  }
  void operator()(CostBreakdown& c) const {
    for (Money* m : {&c.flights, &c.hotel, &c.per_diem, &c.traveller_time, &c.jetlag, &c.carbon})
      (*this)(*m);
  }

private:
  double rate_;
};

} // namespace

void convert_currency(Report& r, const std::string& currency) {
  if (currency.empty() || currency == r.plan.currency) return;
  const auto to = network::eur_rate(currency);
  if (!to) {
    // A code in lower case is the same currency; a code one letter away is another one.
    std::string upper = currency;
    for (char& c : upper)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    std::string known;
    for (const std::string& c : network::known_currencies())
      known += (known.empty() ? "" : ", ") + c;
    throw InputError(
        std::vector<Problem>{{"", "--currency: unknown currency \"" + currency + "\"" +
                                      (upper != currency && network::eur_rate(upper)
                                           ? " (did you mean \"" + upper + "\"?)"
                                           : std::string()) +
                                      "; the reference rates (data/fx.csv) know " + known}});
  }
  const auto from = network::eur_rate(r.plan.currency);
  if (!from)
    throw InputError(std::vector<Problem>{
        {"/currency", "the plan's currency \"" + r.plan.currency +
                          "\" has no reference rate, so it cannot be converted"}});
  const double rate = *to / *from;
  const Converter convert(rate);
  Plan& p = r.plan;
  for (Trip& t : p.trips) {
    for (PlannedLeg& l : t.legs) convert(l.fare);
    convert(t.cost);
  }
  for (ClientDecision& c : p.decisions) {
    convert(c.value);
    convert(c.remote_value);
    convert(c.remote_cost);
    convert(c.marginal_cost);
    convert(c.break_even_value);
  }
  convert(p.totals.trip_cost);
  convert(p.totals.remote_cost);
  convert(p.totals.value);
  convert(p.totals.net);
  if (p.budget) {
    convert(p.budget->money);
    convert(p.budget->cash);
    convert(p.budget->money_limit);
    convert(p.budget->cash_limit);
  }
  r.conversion = CurrencyConversion{p.currency, currency, rate, network::kFxRatesSource};
  p.currency = currency;
}

} // namespace flyorcall::report
