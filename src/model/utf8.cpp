// UTF-8 validation as RFC 3629 defines it: the shortest form only, no surrogates, nothing above
// U+10FFFF. A byte offset (not a character count) is returned so that callers can point at the
// place in their own terms (line and column, or character of an argument).
#include "model/utf8.hpp"

#include <cstdint>

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

} // namespace flyorcall
