#include "model/utf8.hpp"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace flyorcall {
namespace {

constexpr auto npos = std::string_view::npos;

TEST(FirstInvalidUtf8, AcceptsValidTextOfEveryLength) {
  EXPECT_EQ(first_invalid_utf8(""), npos);
  EXPECT_EQ(first_invalid_utf8("client:Asia/Tokyo"), npos);
  EXPECT_EQ(first_invalid_utf8("Z\xC3\xBCrich"), npos);            // U+00FC, 2 bytes
  EXPECT_EQ(first_invalid_utf8("\xE6\x9D\xB1\xE4\xBA\xAC"), npos); // U+6771 U+4EAC, 3 bytes
  EXPECT_EQ(first_invalid_utf8("\xF0\x9F\x9B\xAB"), npos);         // U+1F6EB, 4 bytes
  // The edges of each length and of the ranges that are excluded.
  EXPECT_EQ(first_invalid_utf8("\x7F"), npos);                      // U+007F
  EXPECT_EQ(first_invalid_utf8("\xC2\x80"), npos);                  // U+0080
  EXPECT_EQ(first_invalid_utf8("\xDF\xBF"), npos);                  // U+07FF
  EXPECT_EQ(first_invalid_utf8("\xE0\xA0\x80"), npos);              // U+0800
  EXPECT_EQ(first_invalid_utf8("\xED\x9F\xBF"), npos);              // U+D7FF
  EXPECT_EQ(first_invalid_utf8("\xEE\x80\x80"), npos);              // U+E000
  EXPECT_EQ(first_invalid_utf8("\xEF\xBF\xBF"), npos);              // U+FFFF
  EXPECT_EQ(first_invalid_utf8("\xF0\x90\x80\x80"), npos);          // U+10000
  EXPECT_EQ(first_invalid_utf8("\xF4\x8F\xBF\xBF"), npos);          // U+10FFFF
  EXPECT_EQ(first_invalid_utf8(std::string_view("a\0b", 3)), npos); // NUL is valid UTF-8
}

TEST(FirstInvalidUtf8, StrayContinuationByte) {
  EXPECT_EQ(first_invalid_utf8("\x80"), 0u);
  EXPECT_EQ(first_invalid_utf8("ab\xBF"), 2u);
  // One continuation byte too many after a complete sequence.
  EXPECT_EQ(first_invalid_utf8("\xC3\xBC\xBC"), 2u);
}

TEST(FirstInvalidUtf8, BytesThatNeverStartASequence) {
  EXPECT_EQ(first_invalid_utf8("x\xF8\x88\x80\x80\x80"), 1u); // a 5-byte lead
  EXPECT_EQ(first_invalid_utf8("x\xFE"), 1u);
  EXPECT_EQ(first_invalid_utf8("x\xFF"), 1u);
}

TEST(FirstInvalidUtf8, TruncatedSequence) {
  // Cut by the end of the text: the offset is that of the lead byte.
  EXPECT_EQ(first_invalid_utf8("ab\xC3"), 2u);
  EXPECT_EQ(first_invalid_utf8("ab\xE6\x9D"), 2u);
  EXPECT_EQ(first_invalid_utf8("ab\xF0\x9F\x9B"), 2u);
  // Cut by a byte that is not a continuation.
  EXPECT_EQ(first_invalid_utf8("\xC3z"), 0u);
  EXPECT_EQ(first_invalid_utf8("ok\xE6\x9Dz"), 2u);
  EXPECT_EQ(first_invalid_utf8("\xF0\x9F\x9B\xC3\xBC"), 0u);
}

TEST(FirstInvalidUtf8, OverlongForms) {
  EXPECT_EQ(first_invalid_utf8("a\xC0\xAF"), 1u);         // "/" in 2 bytes
  EXPECT_EQ(first_invalid_utf8("a\xC1\xBF"), 1u);         // U+007F in 2 bytes
  EXPECT_EQ(first_invalid_utf8("a\xE0\x9F\xBF"), 1u);     // U+07FF in 3 bytes
  EXPECT_EQ(first_invalid_utf8("a\xE0\x80\xAF"), 1u);     // "/" in 3 bytes
  EXPECT_EQ(first_invalid_utf8("a\xF0\x8F\xBF\xBF"), 1u); // U+FFFF in 4 bytes
}

TEST(FirstInvalidUtf8, Surrogates) {
  EXPECT_EQ(first_invalid_utf8("a\xED\xA0\x80"), 1u); // U+D800
  EXPECT_EQ(first_invalid_utf8("a\xED\xBF\xBF"), 1u); // U+DFFF
  // A surrogate pair encoded as two 3-byte sequences (CESU-8) is not UTF-8 either.
  EXPECT_EQ(first_invalid_utf8("\xED\xA0\xBD\xED\xB8\x80"), 0u);
}

TEST(FirstInvalidUtf8, CodePointsAboveTheUnicodeRange) {
  EXPECT_EQ(first_invalid_utf8("a\xF4\x90\x80\x80"), 1u); // U+110000
  EXPECT_EQ(first_invalid_utf8("a\xF7\xBF\xBF\xBF"), 1u); // U+1FFFFF
}

TEST(FirstInvalidUtf8, ReportsTheFirstOfSeveralProblems) {
  EXPECT_EQ(first_invalid_utf8("\xC3\xBC ok \xED\xA0\x80 \x80"), 6u);
}

TEST(ControlAt, FindsC0C1AndDelete) {
  const std::string text = "a\tb\x7F\xC2\x85\xC2\xA0";
  EXPECT_FALSE(control_at(text, 0));
  const auto tab = control_at(text, 1);
  ASSERT_TRUE(tab);
  EXPECT_EQ(tab->code, 0x09u);
  EXPECT_EQ(tab->bytes, 1u);
  const auto del = control_at(text, 3);
  ASSERT_TRUE(del);
  EXPECT_EQ(del->code, 0x7Fu);
  EXPECT_EQ(del->bytes, 1u);
  const auto nel = control_at(text, 4); // U+0085 NEXT LINE
  ASSERT_TRUE(nel);
  EXPECT_EQ(nel->code, 0x85u);
  EXPECT_EQ(nel->bytes, 2u);
  EXPECT_FALSE(control_at(text, 6));   // U+00A0 NO-BREAK SPACE is not a control character
  EXPECT_FALSE(control_at("\xC2", 0)); // a lead byte at the end of the text
  const auto nul = control_at(std::string_view("\0", 1), 0);
  ASSERT_TRUE(nul);
  EXPECT_EQ(nul->code, 0u);
}

TEST(FirstControl, OffsetOfTheFirstControlCharacter) {
  EXPECT_EQ(first_control(""), npos);
  EXPECT_EQ(first_control("Z\xC3\xBCrich \xE6\x9D\xB1"), npos);
  EXPECT_EQ(first_control("line\nbreak"), 4u);
  EXPECT_EQ(first_control("ab\xC2\x9B[31m"), 2u); // U+009B, the 8-bit terminal escape
  EXPECT_EQ(first_control("\x1B[31m"), 0u);
}

} // namespace
} // namespace flyorcall

namespace flyorcall {
namespace {

TEST(FoldForMatching, IgnoresCaseAccentsAndSeparators) {
  EXPECT_EQ(fold_for_matching("São Paulo"), "saopaulo");
  EXPECT_EQ(fold_for_matching("SAO-PAULO"), "saopaulo");
  EXPECT_EQ(fold_for_matching("İstanbul"), "istanbul");
  EXPECT_EQ(fold_for_matching("Hà Nội"), "hanoi");
  EXPECT_EQ(fold_for_matching("București"), "bucuresti");
  EXPECT_EQ(fold_for_matching("Kraków"), "krakow");
  EXPECT_EQ(fold_for_matching("Washington D.C."), "washingtondc");
  EXPECT_EQ(fold_for_matching("Straße Æro Œuvre"), "strasseaerooeuvre");
  EXPECT_EQ(fold_for_matching("Xi’an"), "xian");
  EXPECT_EQ(fold_for_matching("東京"), "東京"); // other scripts are kept as they are
}

TEST(QuoteText, EscapesControlsAndCutsLongText) {
  EXPECT_EQ(quote_text("a\"b\\c\n\x1b", 80), "\"a\\\"b\\\\c\\n\\u001b\"");
  EXPECT_EQ(quote_text("abcdef", 3), "\"abc...\" (6 characters)");
  EXPECT_EQ(quote_text("\xC3\xA9\xC3\xA9\xC3\xA9", 2), "\"\xC3\xA9\xC3\xA9...\" (3 characters)");
}

} // namespace
} // namespace flyorcall

TEST(VisibleText, DropsInvisibleFormatCharactersAndNoncharactersAndSpacesControls) {
  // fuzz_report found U+FFFFF in a client name: an HTML parser reports every noncharacter.
  EXPECT_EQ(flyorcall::visible_text("a\u202Eb\u2066c\u200Bd\u00ADe\uFEFFf"), "abcdef");
  EXPECT_EQ(flyorcall::visible_text("x\xF3\xBF\xBF\xBFy\uFDD0z\uFFFE\uFFFF."), "xyz.");
  EXPECT_EQ(flyorcall::visible_text("tab\there\nesc\x1b" + std::string("\xC2\x85", 2)),
            "tab here esc  ");
  EXPECT_EQ(flyorcall::visible_text("kept \u200D\u200C joiners, \u05D0 \u0627"),
            "kept \u200D\u200C joiners, \u05D0 \u0627");
  EXPECT_EQ(flyorcall::visible_text("bad \xFF byte"), "bad   byte");
}

TEST(TerminalText, EscapesWhatCouldDriveOrReorderATerminal) {
  EXPECT_EQ(flyorcall::terminal_text("a\x1b[31m\u202Eb\n\tc"), "a\\u001b[31m\\u202eb\n\tc");
  EXPECT_EQ(flyorcall::terminal_text("\xF3\xBF\xBF\xBF \xFF"), "\\U000fffff \\xff");
}
