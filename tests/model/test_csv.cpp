// The one CSV reader: RFC 4180 quoting and line ends, and the embedded data conventions on top.
#include "model/csv.hpp"

#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "flyorcall/errors.hpp"

namespace flyorcall::csv {
namespace {

std::vector<Record> ok(std::string_view text, bool comments = false) {
  auto parsed = parse(text, comments);
  if (auto* e = std::get_if<SyntaxError>(&parsed)) {
    ADD_FAILURE() << "line " << e->line << ": " << e->what;
    return {};
  }
  return std::get<std::vector<Record>>(parsed);
}

SyntaxError bad(std::string_view text) {
  auto parsed = parse(text, false);
  EXPECT_TRUE(std::holds_alternative<SyntaxError>(parsed)) << text;
  return std::holds_alternative<SyntaxError>(parsed) ? std::get<SyntaxError>(parsed)
                                                     : SyntaxError{};
}

TEST(CsvParse, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  const auto rows = ok("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"last", "", ""}));
  EXPECT_EQ(rows[2].line, 4u); // the quoted line break counts
}

TEST(CsvParse, EmptyLinesAndOptionalCommentsAreSkipped) {
  const auto rows = ok("\n# note\na,b\n\nc,d", true);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"c", "d"}));
  EXPECT_EQ(rows[1].line, 5u);
  EXPECT_EQ(ok("#a,b\n").front().fields, (std::vector<std::string>{"#a", "b"}));
}

TEST(CsvParse, MalformedQuotingNamesTheLine) {
  EXPECT_EQ(bad("a,b\n\"open,c\n").line, 2u);
  EXPECT_EQ(bad("a,b\n\"open,c\n").what, "a quoted field is not closed (a '\"' is missing)");
  EXPECT_EQ(bad("a,\"b\"x\n").what, "unexpected text after the closing '\"' of a quoted field");
  EXPECT_EQ(bad("a,b\nc,d\"e\n").what, "a '\"' inside an unquoted field (enclose the field in "
                                       "quotes and write the quote as \"\")");
  EXPECT_EQ(bad("a\rb\n").what, "a carriage return inside a field");
}

std::string internal_error(std::string_view text) {
  try {
    (void)read_data_table(text, "data/x.csv", "a,b");
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::internal);
    return e.what();
  }
  return "accepted";
}

TEST(ReadDataTable, VersionHeaderAndFieldCountAreChecked) {
  const auto t = read_data_table("# flyorcall-data 2026.1\n# c\na,b\n x ,\"y, z\"\n", "f", "a,b");
  EXPECT_EQ(t.version, "2026.1");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].fields, (std::vector<std::string>{"x", "y, z"}));
  EXPECT_EQ(t.rows[0].line, 4u);
  EXPECT_EQ(internal_error("a,b\n"),
            "data/x.csv:1: expected the first line \"# flyorcall-data <version>\"");
  EXPECT_EQ(internal_error("# flyorcall-data 1\na,c\n"),
            "data/x.csv:2: expected the header \"a,b\"");
  EXPECT_EQ(internal_error("# flyorcall-data 1\na,b\n1,2,3\n"),
            "data/x.csv:3: expected 2 fields, found 3");
  EXPECT_EQ(internal_error("# flyorcall-data 1\n"), "data/x.csv:1: missing header \"a,b\"");
}

TEST(ReadDataTable, NameColumnsPutsTheHeaderInTheWidthMessage) {
  // The holiday rule files word a row of the wrong width with the columns it should have.
  try {
    (void)read_data_table("# flyorcall-data 1\na,b\n1\n", "h.csv", "a,b", true);
    ADD_FAILURE() << "accepted";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "h.csv:3: expected 2 fields (a,b), found 1");
  }
}

} // namespace
} // namespace flyorcall::csv
