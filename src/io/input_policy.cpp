// The input reader's policy part (docs/input.md, "policy"): cost model settings, budgets and
// allowances.
#include "io/input_reader_impl.hpp"

#include <map>
#include <string>

#include "flyorcall/limits.hpp"

namespace flyorcall::io::detail {

void Reader::read_policy(const Json& j, const std::string& p) {
  auto& pol = in_.policy;
  const auto money_into = [&](Money& out) {
    return [&out, this](const Json& v, const std::string& q) {
      if (auto m = money(v, q)) out = *m;
    };
  };
  const auto number_into = [&](double& out, double lo, double hi) {
    return [&out, lo, hi, this](const Json& v, const std::string& q) {
      if (auto x = number(v, q, lo, hi)) out = *x;
    };
  };
  object(j, p,
         {{"carbon_price_per_t", money_into(pol.carbon_price_per_tonne)},
          {"radiative_forcing",
           [&](const Json& v, const std::string& q) {
             if (auto b = boolean(v, q)) pol.radiative_forcing = *b;
           }},
          {"budget",
           [&](const Json& v, const std::string& q) {
             object(v, q,
                    {{"money",
                      [&](const Json& b, const std::string& r) {
                        if (auto m = money(b, r)) pol.budget_money = *m;
                      }},
                     {"cash",
                      [&](const Json& b, const std::string& r) {
                        if (auto m = money(b, r)) pol.budget_cash = *m;
                      }},
                     {"days",
                      [&](const Json& b, const std::string& r) {
                        if (auto x = integer(b, r, 0, 100000)) pol.budget_days = *x;
                      }},
                     {"co2_kg", [&](const Json& b, const std::string& r) {
                        if (auto x = number(b, r, 0, 1e9)) pol.budget_co2 = co2_from_kg(*x);
                      }}});
           }},
          {"remote_effectiveness", number_into(pol.remote_effectiveness, 0, 1)},
          {"offhours_weight",
           [&](const Json& v, const std::string& q) {
             object(v, q,
                    {{"own", number_into(pol.offhours_weight_own, 0, 100)},
                     {"client", number_into(pol.offhours_weight_client, 0, 100)},
                     {"far", number_into(pol.offhours_far_factor, 1, 100)},
                     {"night", number_into(pol.offhours_night_factor, 1, 100)}});
           }},
          {"client_hour_cost", money_into(pol.client_hour_cost)},
          {"jetlag",
           [&](const Json& v, const std::string& q) {
             object(v, q,
                    {{"west_h_per_day", number_into(pol.jetlag_west_hours_per_day, 0.1, 24)},
                     {"east_h_per_day", number_into(pol.jetlag_east_hours_per_day, 0.1, 24)},
                     {"productivity_loss", number_into(pol.jetlag_productivity_loss, 0, 1)}});
           }},
          {"min_connection_min",
           [&](const Json& v, const std::string& q) {
             if (auto x = integer(v, q, 0, 1440)) pol.min_connection = Minutes(*x);
           }},
          {"connection_penalty", money_into(pol.connection_penalty)},
          {"visit_replaces_meetings",
           [&](const Json& v, const std::string& q) {
             if (auto x = integer(v, q, 0, 200)) pol.visit_replaces_meetings = *x;
           }},
          {"allowances",
           [&](const Json& v, const std::string& q) {
             if (auto i = choice(v, q, "allowance table", kAllowanceChoices))
               pol.allowances = static_cast<AllowanceTable>(*i);
           }},
          {"custom_allowances",
           [&](const Json& v, const std::string& q) {
             std::map<std::string, std::string> seen;
             array(
                 v, q,
                 [&](const Json& a, const std::string& r, std::size_t) {
                   CustomAllowance ca;
                   bool complete = true;
                   object(a, r,
                          {{"city",
                            [&](const Json& x, const std::string& w) {
                              if (auto c = city_ref(x, w)) {
                                unique(*c, w, seen, "custom allowance for city");
                                ca.city = *c;
                              } else {
                                complete = false;
                              }
                            },
                            true},
                           {"per_diem",
                            [&](const Json& x, const std::string& w) {
                              if (auto m = money(x, w))
                                ca.per_diem = *m;
                              else
                                complete = false;
                            },
                            true},
                           {"partial_day", [&](const Json& x, const std::string& w) {
                              if (auto m = money(x, w)) ca.partial_day = *m;
                            }}});
                   if (complete && !ca.city.empty()) pol.custom_allowances.push_back(ca);
                 },
                 limits::kMaxCities);
           }},
          {"effort", [&](const Json& v, const std::string& q) {
             if (auto x = integer(v, q, limits::kMinEffort, limits::kMaxEffort)) pol.effort = *x;
           }}});
}

} // namespace flyorcall::io::detail
