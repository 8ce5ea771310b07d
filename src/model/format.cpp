// Money, CO2, duration and clock texts (docs in format.hpp).
#include "model/format.hpp"

#include <cmath>
#include <cstdio>

namespace flyorcall::format {

namespace {

// |v| without overflow for the most negative value.
std::uint64_t magnitude(std::int64_t v) {
  return v < 0 ? static_cast<std::uint64_t>(-(v + 1)) + 1u : static_cast<std::uint64_t>(v);
}

void two_digits(std::string& s, std::uint64_t v) {
  s += static_cast<char>('0' + (v / 10) % 10);
  s += static_cast<char>('0' + v % 10);
}

// Sign and |v| / scale with `decimals` digits, no grouping.
std::string plain_fixed(std::int64_t v, std::uint64_t scale, std::size_t decimals) {
  const std::uint64_t a = magnitude(v);
  std::string out = v < 0 ? "-" : "";
  out += std::to_string(a / scale);
  if (decimals > 0) {
    const std::string frac = std::to_string(a % scale);
    out += '.';
    out += std::string(decimals - frac.size(), '0') + frac;
  }
  return out;
}

} // namespace

std::string plain_money(Money m) {
  return plain_fixed(m.count(), 100, 2);
}

std::string money(Money m, const std::string& currency) {
  return plain_money(m) + " " + currency;
}

std::string grouped_decimal(std::int64_t v, std::uint64_t scale, bool plus) {
  const std::uint64_t a = magnitude(v);
  // Built front to back with append only: GCC 12 warns falsely (-Wrestrict) on insert here.
  const std::string digits = std::to_string(a / scale);
  std::string s;
  if (v < 0) s.push_back('-');
  if (v > 0 && plus) s.push_back('+');
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s.push_back(',');
    s.push_back(digits[i]);
  }
  s.push_back('.');
  std::uint64_t frac = a % scale;
  if (scale == 100) {
    s.push_back(static_cast<char>('0' + frac / 10));
    frac %= 10;
  }
  s.push_back(static_cast<char>('0' + frac));
  return s;
}

std::string grouped_money(Money m) {
  return grouped_decimal(m.count(), 100);
}

GramsCo2 co2_as_written(GramsCo2 g) {
  return GramsCo2(std::llround(static_cast<double>(g.count()) / 100.0) * 100);
}

double one_decimal(double x) {
  return std::round(x * 10.0) / 10.0;
}

std::string plain_kg(GramsCo2 g) {
  // Grams to tenths of a kilogram, half away from zero (as the plan writes CO2).
  const std::int64_t c = g.count();
  const std::int64_t tenths = c >= 0 ? (c + 50) / 100 : -((-c + 50) / 100);
  return plain_fixed(tenths, 10, 1);
}

std::string kg_co2e(GramsCo2 g) {
  return plain_kg(g) + " kg CO2e";
}

std::string kg_fixed(GramsCo2 g) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f kg", static_cast<double>(g.count()) / 1000.0);
  return buf;
}

std::string clock(std::int64_t minutes_of_day) {
  const auto m = static_cast<std::uint64_t>(minutes_of_day < 0 ? 0 : minutes_of_day);
  std::string s;
  two_digits(s, m / 60);
  s += ':';
  two_digits(s, m % 60);
  return s;
}

std::string hours_minutes(std::int64_t minutes) {
  const std::uint64_t a = magnitude(minutes);
  std::string s = minutes < 0 ? "-" : "";
  s += std::to_string(a / 60) + "h";
  two_digits(s, a % 60);
  return s;
}

std::string signed_clock(std::int64_t minutes) {
  const std::uint64_t a = magnitude(minutes);
  std::string s = minutes < 0 ? "-" : "+";
  if (a / 60 < 10) s += '0';
  s += std::to_string(a / 60);
  s += ':';
  two_digits(s, a % 60);
  return s;
}

} // namespace flyorcall::format
