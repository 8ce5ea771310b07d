#include "report/compare_format.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "model/format.hpp"
#include "model/utf8.hpp"

namespace flyorcall::report {

namespace {

// The one grouped-number writer (model/format.hpp).
std::string fixed(std::int64_t v, std::uint64_t scale, bool plus = false) {
  return format::grouped_decimal(v, scale, plus);
}

std::int64_t tenths_of_kg(GramsCo2 g) {
  // Grams to tenths of a kilogram, half away from zero.
  const std::int64_t c = g.count();
  return c >= 0 ? (c + 50) / 100 : -((-c + 50) / 100);
}

} // namespace

std::string amount(Money m) {
  return fixed(m.count(), 100);
}

std::string signed_amount(Money m) {
  return fixed(m.count(), 100, true);
}

std::string signed_count(int n) {
  std::string s;
  if (n > 0) s.push_back('+');
  s.append(std::to_string(n));
  return s;
}

std::string kilograms(GramsCo2 g) {
  return fixed(tenths_of_kg(g), 10);
}

std::string signed_kilograms(GramsCo2 g) {
  return fixed(tenths_of_kg(g), 10, true);
}

std::string number(double v) {
  char buf[64];
  if (std::abs(v) < 1e15 && v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

std::string printable(std::string_view s) {
  std::string out;
  for (unsigned char ch : s) {
    if (ch < 0x20 || ch == 0x7F) {
      static const char* hex = "0123456789abcdef";
      out += "\\u00";
      out += hex[ch >> 4];
      out += hex[ch & 15];
    } else {
      out += static_cast<char>(ch);
    }
  }
  return out;
}

std::string markdown_escape(std::string_view s) {
  std::string out;
  // Invisible format characters (bidi overrides, ...) removed, control characters made spaces.
  for (unsigned char ch : visible_text(s)) {
    if (ch < 0x20 || ch == 0x7F) {
      out += ' ';
    } else if (std::string_view("\\`*_{}[]<>()#+!|~&").find(static_cast<char>(ch)) !=
               std::string_view::npos) {
      out += '\\';
      out += static_cast<char>(ch);
    } else {
      out += static_cast<char>(ch);
    }
  }
  return out;
}

std::string html_escape(std::string_view s) {
  std::string out;
  // Stripped, not isolated: a <bdi> cannot go into an attribute or an SVG <title>, and a bidi
  // override in a name would reorder the text around it ("U+202E" makes "gpj.exe" read "exe.jpg").
  for (unsigned char ch : visible_text(s)) {
    switch (ch) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      if (ch >= 0x20 && ch != 0x7F)
        out += static_cast<char>(ch);
      else if (ch == '\t' || ch == '\n')
        out += ' ';
    }
  }
  return out;
}

std::string readable_pointer(std::string_view pointer) {
  std::string out;
  std::size_t at = pointer.starts_with('/') ? 1 : 0;
  bool first = true;
  while (at <= pointer.size()) {
    std::size_t end = pointer.find('/', at);
    if (end == std::string_view::npos) end = pointer.size();
    std::string token;
    for (std::size_t i = at; i < end; ++i) {
      if (pointer[i] == '~' && i + 1 < end && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
        token += pointer[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        token += pointer[i];
      }
    }
    const bool index = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
    if (first && token == "policy" && end < pointer.size()) {
      // The policy's keys are known by their own names.
    } else if (index && !out.empty()) {
      out += "[" + token + "]";
    } else {
      out += (out.empty() ? "" : ".") + token;
    }
    first = false;
    at = end + 1;
  }
  return out;
}

std::string readable_scenario_name(std::string_view name) {
  if (!name.starts_with('/')) return std::string(name); // a file name, or a sweep point's text
  // Texts of --set joined by a space (--group): each starts with "/" after a space.
  std::vector<std::string_view> parts;
  std::size_t from = 0;
  for (std::size_t i = 1; i + 1 < name.size(); ++i)
    if (name[i] == ' ' && name[i + 1] == '/') {
      parts.push_back(name.substr(from, i - from));
      from = i + 1;
    }
  parts.push_back(name.substr(from));
  std::string out;
  for (const std::string_view part : parts) {
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos) return std::string(name);
    out += (out.empty() ? "" : ", ") + readable_pointer(part.substr(0, eq)) + " = " +
           std::string(part.substr(eq + 1));
  }
  return out;
}

} // namespace flyorcall::report
