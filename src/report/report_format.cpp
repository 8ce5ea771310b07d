#include "report/report_format.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "model/format.hpp"
#include "model/utf8.hpp"

namespace flyorcall::report {

std::string conversion_text(const CurrencyConversion& c) {
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.6g", c.rate);
  return "converted from " + c.from + " at " + rate + " " + c.to + " per " + c.from + " (" +
         c.source + "), each amount rounded to the cent";
}

namespace {

bool is_plain_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  bool digits = false;
  bool dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') {
      digits = true;
    } else if (s[i] == '.' && !dot && digits) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits && s.back() != '.';
}

} // namespace

std::string iso_date(Date d) {
  return date::format("%F", d);
}

std::string weekday_date(Date d) {
  return std::string(weekday_name(static_cast<int>(date::weekday{d}.c_encoding()))) + " " +
         iso_date(d);
}

std::string short_date(Date d) {
  static constexpr std::array<std::string_view, 12> kMonths{
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const date::year_month_day ymd{d};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         std::string(kMonths[static_cast<unsigned>(ymd.month()) - 1]);
}

std::string local_text(LocalTime t) {
  const auto day = date::floor<date::days>(t);
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(t - day).count();
  return iso_date(Date{day.time_since_epoch()}) + " " + clock_text(static_cast<int>(minutes));
}

std::string clock_text(int minutes_of_day) {
  return format::clock(minutes_of_day);
}

std::string offset_text(Minutes m) {
  return format::signed_clock(m.count());
}

std::string time_difference_text(Minutes m) {
  return offset_text(m) + (m.count() == 0  ? " (same time as home)"
                           : m.count() > 0 ? " (ahead of home)"
                                           : " (behind home)");
}

std::string duration_text(int minutes) {
  return format::hours_minutes(minutes);
}

std::string plain_money(Money m) {
  return format::plain_money(m);
}

std::string plain_kg(GramsCo2 g) {
  return format::plain_kg(g);
}

std::string plain_one_decimal(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f", std::round(v * 10.0) / 10.0);
  return std::string(buf) == "-0.0" ? "0.0" : buf;
}

std::string percent_text(double used, double limit) {
  if (!(limit > 0)) return "";
  return std::to_string(std::llround(100.0 * used / limit)) + "%";
}

std::string truncate_text(std::string_view s, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0u) == 0x80u) continue;
    if (chars == max_chars) return std::string(s.substr(0, i)) + "\u2026";
    ++chars;
  }
  return std::string(s);
}

std::string md_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  // Invisible format characters (bidi overrides, ...) removed, control characters made spaces.
  for (const char ch : visible_text(s)) {
    const auto c = static_cast<unsigned char>(ch);
    const char plain = (c < 0x20 || c == 0x7F) ? ' ' : ch;
    if (plain == ' ' && out.empty()) continue; // leading blanks could start a code block
    if (std::string_view("\\`*_[]<>|~&").find(plain) != std::string_view::npos) out += '\\';
    out += plain;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && std::string_view("#+-=").find(out.front()) != std::string_view::npos)
    out.insert(0, "\\");
  // "12. text" or "3) text" at the start would open an ordered list.
  std::size_t digits = 0;
  while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9') ++digits;
  if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')'))
    out.insert(digits, "\\");
  return out;
}

std::string csv_text(std::string_view s) {
  // No control character reaches the file (ESC, BEL and NUL would reach a terminal or a
  // spreadsheet as they are; line breaks become spaces), nor an invisible format character.
  std::string cell = visible_text(s);
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos)
    cell.insert(0, "'");
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (const char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_number(std::string_view s) {
  return is_plain_number(s) ? std::string(s) : csv_text(s);
}

} // namespace flyorcall::report
