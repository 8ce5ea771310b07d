// UTF-8 checks shared by the layers that read text from users: the input reader (src/io) and the
// participant parser (src/time). Every message that quotes user text must itself be valid UTF-8
// and must not carry terminal controls, so both check text the same way.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "flyorcall/messages.hpp"

namespace flyorcall {

/// Offset of the first byte that does not start or continue a valid UTF-8 sequence (a stray
/// continuation byte, a truncated sequence, an overlong form, a surrogate U+D800-U+DFFF or a code
/// point above U+10FFFF), or std::string_view::npos when all of `s` is valid UTF-8.
[[nodiscard]] std::size_t first_invalid_utf8(std::string_view s);

/// A control character found in text: its code point and the bytes it takes.
struct ControlChar {
  unsigned code = 0;     ///< U+0000-U+001F, U+007F or U+0080-U+009F
  std::size_t bytes = 0; ///< 1, or 2 for U+0080-U+009F
};

/// The control character (Unicode category Cc: U+0000-U+001F, U+007F, U+0080-U+009F) that starts
/// at byte `i` (< s.size()) of valid UTF-8 text `s`, or nothing.
[[nodiscard]] std::optional<ControlChar> control_at(std::string_view s, std::size_t i);

/// Offset of the first control character (as control_at) of valid UTF-8 text, or npos.
[[nodiscard]] std::size_t first_control(std::string_view s);

/// Text as a JSON string literal for a message: quotes, backslashes and control characters
/// escaped (so a message can neither drive a terminal nor end its quotation early), cut after
/// `max_chars` characters with "..." and the length appended. `s` must be valid UTF-8.
[[nodiscard]] std::string quote_text(std::string_view s, std::size_t max_chars);

/// A key for matching names the way people type them: ASCII letters lower-cased, Latin letters
/// with diacritics reduced to their base letters ("São Paulo", "İstanbul", "Hà Nội", "București"
/// become "saopaulo", "istanbul", "hanoi", "bucuresti"; "ß" becomes "ss", "Æ" "ae"), and spaces,
/// hyphens, dots and apostrophes dropped; any other character is kept as it is. `s` must be valid
/// UTF-8.
[[nodiscard]] std::string fold_for_matching(std::string_view s);

/// The invisible format character (bidi embeddings, overrides, isolates and marks, zero-width
/// space, word joiner and invisible operators, soft hyphen, byte order mark, interlinear
/// annotation marks, tag characters, ...) that starts at byte `i` of `s`, or nothing. Such
/// characters can reorder or hide the text around them (U+202E makes "exe.txt" read "txt.exe"),
/// so no output shows them; nor a noncharacter (U+FDD0-U+FDEF, U+xFFFE and U+xFFFF of every
/// plane), which is never text and which HTML parsers report as an error. Zero-width joiner and
/// non-joiner (U+200C, U+200D) are not among them:
/// they shape letters in Persian, Indic scripts and emoji and cannot move or hide text.
[[nodiscard]] std::optional<ControlChar> invisible_at(std::string_view s, std::size_t i);

// terminal_text (text for a terminal) is declared in flyorcall/messages.hpp.

/// Text for a document (HTML, Markdown, CSV): invisible format characters removed, control
/// characters (line breaks and tabs too) and bytes that are not UTF-8 replaced by a space.
[[nodiscard]] std::string visible_text(std::string_view s);

} // namespace flyorcall
