// UTF-8 validation as RFC 3629 defines it: the shortest form only, no surrogates, nothing above
// U+10FFFF. A byte offset (not a character count) is returned so that callers can point at the
// place in their own terms (line and column, or character of an argument).
#include "model/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace flyorcall {

std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80u) {
      ++i;
      continue;
    }
    // Sequence length, the lead byte's payload and the smallest code point of that length.
    std::size_t len = 0;
    std::uint32_t cp = 0;
    std::uint32_t min = 0;
    if ((c & 0xE0u) == 0xC0u) {
      len = 2;
      cp = c & 0x1Fu;
      min = 0x80;
    } else if ((c & 0xF0u) == 0xE0u) {
      len = 3;
      cp = c & 0x0Fu;
      min = 0x800;
    } else if ((c & 0xF8u) == 0xF0u) {
      len = 4;
      cp = c & 0x07u;
      min = 0x10000;
    } else {
      return i; // a continuation byte without a lead, or a byte UTF-8 never uses
    }
    if (i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0u) != 0x80u) return i;
      cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::optional<ControlChar> control_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x20u || c == 0x7Fu) return ControlChar{c, 1};
  // U+0080-U+009F are encoded as C2 80 .. C2 9F.
  if (c == 0xC2u && i + 1 < s.size()) {
    const auto d = static_cast<unsigned char>(s[i + 1]);
    if (d >= 0x80u && d <= 0x9Fu) return ControlChar{d, 2};
  }
  return std::nullopt;
}

std::size_t first_control(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if (control_at(s, i)) return i;
  return std::string_view::npos;
}

namespace {

std::string u_escape(unsigned code) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04x", code);
  return buf;
}

bool starts_char(char c) {
  return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
}

} // namespace

std::string quote_text(std::string_view s, std::size_t max_chars) {
  std::string out = "\"";
  std::size_t chars = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    if (starts_char(s[i]) && chars++ == max_chars) break;
    if (const auto ctl = control_at(s, i)) {
      switch (ctl->code) {
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += u_escape(ctl->code);
      }
      i += ctl->bytes;
      continue;
    }
    if (s[i] == '"' || s[i] == '\\') out += '\\';
    out += s[i++];
  }
  out += '"';
  if (i < s.size()) {
    const auto total = static_cast<std::size_t>(std::count_if(s.begin(), s.end(), starts_char));
    out.insert(out.size() - 1, "...");
    out += " (" + std::to_string(total) + " characters)";
  }
  return out;
}

namespace {

// Base letters of U+00C0-U+017F ('?' marks the few that become two letters, '-' the two signs
// that are not letters); Latin-1 Supplement then Latin Extended-A.
constexpr std::string_view kLatinBase =
    "aaaaaa?ceeeeiiiidnooooo-ouuuuy??"
    "aaaaaa?ceeeeiiiidnooooo-ouuuuy?y"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkk"
    "llllllllllnnnnnnnnnoooooo??rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Appends the folded form of code point `cp` (>= 0x80); false when it has none.
bool fold_latin(std::uint32_t cp, std::string& out) {
  if (cp >= 0xC0 && cp <= 0x17F) {
    const char c = kLatinBase[cp - 0xC0];
    if (c == '-') return false;
    if (c != '?') {
      out += c;
      return true;
    }
    switch (cp) {
    case 0xC6:
    case 0xE6:
      out += "ae";
      return true;
    case 0xDE:
    case 0xFE:
      out += "th";
      return true;
    case 0xDF:
      out += "ss";
      return true;
    case 0x132:
    case 0x133:
      out += "ij";
      return true;
    default:
      out += "oe";
      return true; // U+0152, U+0153
    }
  }
  // Vietnamese and Romanian letters outside those blocks.
  if (cp == 0x1A0 || cp == 0x1A1) return out += 'o', true;
  if (cp == 0x1AF || cp == 0x1B0) return out += 'u', true;
  if (cp >= 0x218 && cp <= 0x219) return out += 's', true;
  if (cp >= 0x21A && cp <= 0x21B) return out += 't', true;
  if (cp >= 0x1EA0 && cp <= 0x1EB7) return out += 'a', true;
  if (cp >= 0x1EB8 && cp <= 0x1EC7) return out += 'e', true;
  if (cp >= 0x1EC8 && cp <= 0x1ECB) return out += 'i', true;
  if (cp >= 0x1ECC && cp <= 0x1EE3) return out += 'o', true;
  if (cp >= 0x1EE4 && cp <= 0x1EF1) return out += 'u', true;
  if (cp >= 0x1EF2 && cp <= 0x1EF9) return out += 'y', true;
  return false;
}

} // namespace

std::string fold_for_matching(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80u) {
      ++i;
      if (c == ' ' || c == '-' || c == '.' || c == '\'' || c == '_') continue;
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      continue;
    }
    const std::size_t len = (c & 0xE0u) == 0xC0u ? 2 : (c & 0xF0u) == 0xE0u ? 3 : 4;
    std::uint32_t cp = len == 2 ? c & 0x1Fu : len == 3 ? c & 0x0Fu : c & 0x07u;
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    if (cp == 0x2019) { // a typographic apostrophe, as in "Xi’an"
      i += len;
      continue;
    }
    if (!fold_latin(cp, out)) out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

namespace {

/// The code point and length of the valid UTF-8 sequence at `i`, or nothing.
std::optional<ControlChar> decode_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = c < 0x80u              ? 1
                    : (c & 0xE0u) == 0xC0u ? 2
                    : (c & 0xF0u) == 0xE0u ? 3
                    : (c & 0xF8u) == 0xF0u ? 4
                                           : 0;
  if (len == 0 || i + len > s.size()) return std::nullopt;
  if (first_invalid_utf8(s.substr(i, len)) != std::string_view::npos) return std::nullopt;
  std::uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1Fu : len == 3 ? c & 0x0Fu : c & 0x07u;
  for (std::size_t k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  return ControlChar{cp, len};
}

bool invisible(std::uint32_t cp) {
  return cp == 0x00AD || cp == 0x061C || cp == 0x180E || cp == 0x200B || cp == 0x200E ||
         cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
         (cp >= 0x2066 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
         (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A) || cp == 0xE0001 ||
         (cp >= 0xE0020 && cp <= 0xE007F) ||
         // Noncharacters: never text, and an HTML parser reports each one as an error.
         (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFEu) == 0xFFFEu;
}

} // namespace

std::optional<ControlChar> invisible_at(std::string_view s, std::size_t i) {
  // Every one of them is encoded with a lead byte C2, D8, E1, E2, EF or F0/F3.
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0xC2u) return std::nullopt;
  const auto d = decode_at(s, i);
  if (!d || !invisible(d->code)) return std::nullopt;
  return d;
}

std::string terminal_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  char buf[16];
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || c == '\t') {
      out += s[i++];
    } else if (const auto ctl = control_at(s, i)) {
      std::snprintf(buf, sizeof buf, "\\u%04x", ctl->code);
      out += buf;
      i += ctl->bytes;
    } else if (const auto f = invisible_at(s, i)) {
      std::snprintf(buf, sizeof buf, f->code > 0xFFFF ? "\\U%08x" : "\\u%04x", f->code);
      out += buf;
      i += f->bytes;
    } else if (const auto d = decode_at(s, i)) {
      out.append(s.substr(i, d->bytes));
      i += d->bytes;
    } else {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
      ++i;
    }
  }
  return out;
}

std::string visible_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (const auto ctl = control_at(s, i)) {
      out += ' ';
      i += ctl->bytes;
    } else if (const auto f = invisible_at(s, i)) {
      i += f->bytes;
    } else if (const auto d = decode_at(s, i)) {
      out.append(s.substr(i, d->bytes));
      i += d->bytes;
    } else {
      out += ' ';
      ++i;
    }
  }
  return out;
}

} // namespace flyorcall
