// Strong unit types used throughout flyorcall: scaled integers with their own names so that
// minutes, money and CO2 cannot be mixed by accident.
#pragma once

#include <cmath>
#include <compare>
#include <cstdint>

namespace flyorcall {

/// A value of one physical or monetary unit; arithmetic only with the same unit.
template <class Tag, class Rep> class Quantity {
public:
  using rep = Rep;
  constexpr Quantity() = default;
  /// Wraps a raw count in the unit's base scale (minutes, cents, grams).
  constexpr explicit Quantity(Rep v) : v_(v) {}
  /// The raw count in the unit's base scale.
  [[nodiscard]] constexpr Rep count() const { return v_; }

  constexpr Quantity& operator+=(Quantity o) {
    v_ += o.v_;
    return *this;
  }
  constexpr Quantity& operator-=(Quantity o) {
    v_ -= o.v_;
    return *this;
  }
  friend constexpr Quantity operator+(Quantity a, Quantity b) { return Quantity(a.v_ + b.v_); }
  friend constexpr Quantity operator-(Quantity a, Quantity b) { return Quantity(a.v_ - b.v_); }
  friend constexpr Quantity operator-(Quantity a) { return Quantity(-a.v_); }
  friend constexpr Quantity operator*(Quantity a, Rep k) { return Quantity(a.v_ * k); }
  friend constexpr Quantity operator*(Rep k, Quantity a) { return Quantity(a.v_ * k); }
  friend constexpr auto operator<=>(Quantity, Quantity) = default;

private:
  Rep v_{};
};

/// Durations in whole minutes.
using Minutes = Quantity<struct MinutesTag, std::int64_t>;
/// Money in cents (1/100) of the input document's currency.
using Money = Quantity<struct MoneyTag, std::int64_t>;
/// Emissions in grams of CO2-equivalent.
using GramsCo2 = Quantity<struct Co2Tag, std::int64_t>;

/// Money from an amount in whole currency units (e.g. 12.5 -> 1250 cents), rounded to the cent.
[[nodiscard]] inline Money money_from_units(double units) {
  return Money(static_cast<std::int64_t>(std::llround(units * 100.0)));
}
/// The amount in whole currency units (1250 cents -> 12.5).
[[nodiscard]] constexpr double to_units(Money m) {
  return static_cast<double>(m.count()) / 100.0;
}
/// Money scaled by a real factor, rounded to the cent.
[[nodiscard]] inline Money scale(Money m, double k) {
  return Money(static_cast<std::int64_t>(std::llround(static_cast<double>(m.count()) * k)));
}
/// Grams of CO2e from kilograms, rounded to the gram.
[[nodiscard]] inline GramsCo2 co2_from_kg(double kg) {
  return GramsCo2(static_cast<std::int64_t>(std::llround(kg * 1000.0)));
}
/// Kilograms of CO2e.
[[nodiscard]] constexpr double to_kg(GramsCo2 g) {
  return static_cast<double>(g.count()) / 1000.0;
}
/// Hours as a real number.
[[nodiscard]] constexpr double to_hours(Minutes m) {
  return static_cast<double>(m.count()) / 60.0;
}

} // namespace flyorcall
