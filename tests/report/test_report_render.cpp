// The trip report renderers on the default example's plan (read back from its plan JSON) and on
// a plan with hostile names: sections, escaping, CSV structure, Markdown tables, determinism.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "flyorcall/flyorcall.hpp"
#include "io/plan_reader.hpp"
#include "model/embedded_data.hpp"
#include "network/world_data.hpp"
#include "report/compare_format.hpp"
#include "report/report_format.hpp"
#include "report/report_totals.hpp"
#include "report/trip_report.hpp"
#include "support/markdown.hpp"

namespace flyorcall::report {
namespace {

using flyorcall::testing::md_cells;

using Json = nlohmann::ordered_json;

const Input& example_input() {
  static const Input input = read_input(data::default_json);
  return input;
}

/// The default example's plan JSON (planned once for the whole program).
const std::string& example_plan_json() {
  static const std::string text = plan_to_json(plan_quarter(example_input()));
  return text;
}

Report report_of(const std::string& plan_json, const Input* input = nullptr) {
  const auto& world = network::default_world();
  return make_report(io::read_plan(plan_json), world.cities, world.countries, input);
}

const std::string kHostileHtml = "<img src=x onerror=alert(1)>";
const std::string kHostilePipe = "Pipe | and\nnewline";
const std::string kHostileFormula = "=HYPERLINK(\"http://x\",\"y\")";
const std::string kHostileComma = "Comma, \"quoted\" name";

/// The example plan with hostile texts in names, reasons, notes and a briefing event.
std::string hostile_plan_json() {
  Json j = Json::parse(example_plan_json());
  auto& clients = j["clients"];
  clients[0]["name"] = kHostileHtml;
  clients[1]["name"] = kHostilePipe;
  clients[2]["name"] = kHostileFormula;
  clients[3]["name"] = kHostileComma;
  clients[4]["reason"] = "-2+3 @sum\ttab";
  clients[5]["break_even_value"] = -12.5;
  j["notes"].push_back("</title><script>alert(2)</script> [link](javascript:alert(3))");
  Json event;
  event["kind"] = "news";
  event["start"] = "2027-01-04";
  event["end"] = "2027-01-05";
  event["title"] = "# Heading | cell";
  event["note"] = "<b>bold</b>\r\nsecond line";
  j["trips"][0]["briefings"][0]["events"].push_back(event);
  j["trips"][0]["traveller"] = "<anna>";
  return j.dump(2);
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

std::size_t count_of(const std::string& s, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
  return n;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// ---- a tiny RFC 4180 reader --------------------------------------------------------------------

struct CsvParse {
  std::vector<std::vector<std::string>> records;
  bool ok = true;
  std::string error;
};

/// Records end with CRLF; fields are separated by commas; a quoted field may hold commas, CR, LF
/// and doubled quotes. Anything else (a bare LF, a quote inside an unquoted field) is an error.
CsvParse parse_csv(const std::string& text) {
  CsvParse out;
  std::vector<std::string> record;
  std::string field;
  std::size_t i = 0;
  const auto error = [&](const std::string& why) {
    out.ok = false;
    out.error = why + " at byte " + std::to_string(i);
    return out;
  };
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      while (true) {
        if (i >= text.size()) return error("unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        if (text[i] == '"') return error("quote inside an unquoted field");
        field += text[i++];
      }
    }
    if (i < text.size() && text[i] == ',') {
      record.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') {
      record.push_back(std::move(field));
      field.clear();
      out.records.push_back(std::move(record));
      record.clear();
      i += 2;
    } else {
      return error("expected a comma or CRLF");
    }
  }
  if (!record.empty() || !field.empty()) return error("last record without CRLF");
  return out;
}

/// Data rows of one CSV table (rows whose first field is `table` and second is a number).
std::vector<std::vector<std::string>> table_rows(const CsvParse& csv, const std::string& table) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : csv.records)
    if (r.size() > 1 && r[0] == table && r[1] != "columns") rows.push_back(r);
  return rows;
}

/// The field of a data row under the named column of its table.
std::string cell(const CsvParse& csv, const std::vector<std::string>& row,
                 const std::string& column) {
  for (const auto& r : csv.records)
    if (r.size() > 1 && r[0] == row[0] && r[1] == "columns")
      for (std::size_t i = 2; i < r.size(); ++i)
        if (r[i] == column) return row[i];
  ADD_FAILURE() << "no column " << column << " in table " << row[0];
  return {};
}

// ---- HTML --------------------------------------------------------------------------------------

TEST(ReportHtml, HasEverySectionAndNothingFetchedOrRun) {
  Report r = report_of(example_plan_json(), &example_input());
  // A note makes the notes section appear (the example's calendars are complete, so its plan
  // has none of its own).
  r.plan.notes.push_back("the public-holiday calendar of XX is incomplete for 2027");
  const std::string html = report_html(r);
  for (const std::string& id : html_section_ids())
    EXPECT_TRUE(contains(html, "<section id=\"" + id + "\">")) << id;
  const std::string l = lower(html);
  EXPECT_FALSE(contains(l, "http://"));
  EXPECT_FALSE(contains(l, "https://"));
  EXPECT_FALSE(contains(l, "<script"));
  EXPECT_FALSE(contains(l, "<link"));
  EXPECT_FALSE(contains(l, "@import"));
  EXPECT_FALSE(contains(l, "url("));
  EXPECT_FALSE(contains(l, "src="));
  EXPECT_TRUE(contains(html, "@media print"));
  EXPECT_TRUE(contains(html, "break-before:page"));
  EXPECT_TRUE(contains(html, "Content-Security-Policy"));
  EXPECT_EQ(count_of(html, "<article class=\"trip\""), r.plan.trips.size());
  // Elements are closed.
  for (const std::string tag : {"section", "table", "svg", "article", "figure", "ul", "g", "text"})
    EXPECT_EQ(count_of(html, "<" + tag + ">") + count_of(html, "<" + tag + " "),
              count_of(html, "</" + tag + ">"))
        << tag;
}

TEST(ReportHtml, EveryChartHasTitleDescAndTextAlternative) {
  const std::string html = report_html(report_of(example_plan_json(), &example_input()));
  const std::size_t charts = count_of(html, "<svg ");
  EXPECT_EQ(charts, 4u); // calendar, cost, value, map
  for (std::size_t at = html.find("<svg "); at != std::string::npos;
       at = html.find("<svg ", at + 1)) {
    const std::string head = html.substr(at, html.find("</desc>", at) - at);
    EXPECT_TRUE(contains(head, "role=\"img\"")) << head.substr(0, 80);
    EXPECT_TRUE(contains(head, "aria-label=\"")) << head.substr(0, 80);
    EXPECT_TRUE(contains(head, "<title>")) << head.substr(0, 80);
    EXPECT_TRUE(contains(head, "<desc>")) << head.substr(0, 80);
  }
  // Every header cell says what it heads.
  EXPECT_EQ(count_of(html, "<th>"), 0u);
  EXPECT_EQ(count_of(html, "<th "), count_of(html, "<th scope="));
}

TEST(ReportHtml, HeadlineFiguresAreThePlansTotals) {
  const Report r = report_of(example_plan_json());
  const std::string html = report_html(r);
  const Json plan = Json::parse(example_plan_json());
  const auto money_text = [](double units) { return amount(money_from_units(units)) + " EUR"; };
  EXPECT_TRUE(contains(html, "<div class=\"k\">Trips</div><div class=\"v\">" +
                                 std::to_string(plan["totals"]["trips"].get<int>()) + "</div>"));
  EXPECT_TRUE(contains(html, "<div class=\"k\">Net value</div><div class=\"v\">" +
                                 money_text(plan["totals"]["net"].get<double>()) + "</div>"));
  EXPECT_TRUE(contains(html, "<div class=\"k\">Trip cost</div><div class=\"v\">" +
                                 money_text(plan["totals"]["trip_cost"]["total"].get<double>()) +
                                 "</div>"));
  EXPECT_TRUE(contains(html, money_text(plan["budget"]["money"]["limit"].get<double>())));
}

TEST(ReportHtml, HostileTextRendersAsText) {
  const std::string html = report_html(report_of(hostile_plan_json()));
  EXPECT_FALSE(contains(html, kHostileHtml));
  EXPECT_TRUE(contains(html, "&lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_FALSE(contains(lower(html), "<script"));
  EXPECT_TRUE(contains(html, "&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
  EXPECT_FALSE(contains(html, "<anna>"));
  EXPECT_TRUE(contains(html, "&lt;anna&gt;"));
  EXPECT_FALSE(contains(html, "<b>bold</b>"));
  EXPECT_TRUE(contains(html, "&quot;quoted&quot;"));
}

// ---- Markdown ----------------------------------------------------------------------------------

/// Every table (a run of lines starting with '|'): the same cell count on every row.
void expect_regular_tables(const std::string& md, int& tables) {
  std::size_t pos = 0;
  std::size_t cells = 0;
  bool in_table = false;
  while (pos < md.size()) {
    const std::size_t nl = md.find('\n', pos);
    const std::string line = md.substr(pos, nl - pos);
    pos = nl == std::string::npos ? md.size() : nl + 1;
    if (!line.empty() && line.front() == '|') {
      if (!in_table) {
        cells = md_cells(line);
        ++tables;
      }
      EXPECT_EQ(md_cells(line), cells) << line;
      in_table = true;
    } else {
      in_table = false;
    }
  }
}

TEST(ReportMarkdown, TablesAreRegularAndNoHtml) {
  const Report r = report_of(example_plan_json(), &example_input());
  const std::string md = report_markdown(r);
  int tables = 0;
  expect_regular_tables(md, tables);
  EXPECT_GE(tables, 6 + 3 * static_cast<int>(r.plan.trips.size()));
  EXPECT_TRUE(contains(md, "# Quarterly trip report: 2027\\-Q1") ||
              contains(md, "# Quarterly trip report: 2027-Q1"));
  for (const char* heading :
       {"## Summary", "## Trip calendar", "## Trips and briefings", "## Clients: decisions and why",
        "## Remote call schedule", "## Cost breakdown per trip"})
    EXPECT_TRUE(contains(md, std::string("\n") + heading + "\n")) << heading;
  EXPECT_EQ(md.find('<'), std::string::npos);
}

TEST(ReportMarkdown, HostileTextIsEscaped) {
  const std::string md = report_markdown(report_of(hostile_plan_json()));
  int tables = 0;
  expect_regular_tables(md, tables);
  EXPECT_GT(tables, 0);
  // No unescaped '<' anywhere: no HTML can open.
  for (std::size_t i = md.find('<'); i != std::string::npos; i = md.find('<', i + 1))
    EXPECT_EQ(md[i - 1], '\\') << md.substr(i > 20 ? i - 20 : 0, 60);
  EXPECT_TRUE(contains(md, "\\<img src=x onerror=alert(1)\\>"));
  EXPECT_TRUE(contains(md, "Pipe \\| and newline"));
  EXPECT_TRUE(contains(md, "\\[link\\](javascript:alert(3))"));
  EXPECT_TRUE(contains(md, "\\# Heading \\| cell"));
  EXPECT_TRUE(contains(md, "\\<b\\>bold\\</b\\>  second line"));
}

TEST(ReportMarkdown, EscapeRules) {
  EXPECT_EQ(md_escape("a|b"), "a\\|b");
  EXPECT_EQ(md_escape("line\nnext"), "line next");
  EXPECT_EQ(md_escape("  # title"), "\\# title");
  EXPECT_EQ(md_escape("- item"), "\\- item");
  EXPECT_EQ(md_escape("12. June"), "12\\. June");
  EXPECT_EQ(md_escape("*x* _y_ `z` ~w~ &amp;"), "\\*x\\* \\_y\\_ \\`z\\` \\~w\\~ \\&amp;");
  EXPECT_EQ(md_escape("Maison Lefèvre (Paris)"), "Maison Lefèvre (Paris)");
}

// ---- CSV ---------------------------------------------------------------------------------------

TEST(ReportCsv, ParsesBackWithTheRightRows) {
  const Report r = report_of(example_plan_json(), &example_input());
  const std::string text = report_csv(r);
  const CsvParse csv = parse_csv(text);
  ASSERT_TRUE(csv.ok) << csv.error;
  // CRLF only: every LF ends a record (no field of the example holds one).
  EXPECT_EQ(count_of(text, "\n"), count_of(text, "\r\n"));
  ASSERT_FALSE(csv.records.empty());
  const std::size_t width = csv.records.front().size();
  EXPECT_EQ(width, 15u);
  for (const auto& rec : csv.records) EXPECT_EQ(rec.size(), width);
  EXPECT_EQ(csv.records.front()[0], "table");

  std::size_t legs = 0, stays = 0, visits = 0, briefings = 0, holidays = 0, slots = 0, shifts = 0;
  for (const Trip& t : r.plan.trips) {
    legs += t.legs.size();
    stays += t.stays.size();
    visits += t.visits.size();
    briefings += t.briefings.size();
    for (const Briefing& b : t.briefings) holidays += b.holidays.size();
  }
  for (const ClientDecision& c : r.plan.decisions)
    if (!c.visit && c.call_slot) {
      ++slots;
      shifts += c.call_slot->client_shifts.size();
    }
  EXPECT_EQ(table_rows(csv, "trip").size(), r.plan.trips.size());
  EXPECT_EQ(table_rows(csv, "leg").size(), legs);
  EXPECT_EQ(table_rows(csv, "stay").size(), stays);
  EXPECT_EQ(table_rows(csv, "visit").size(), visits);
  EXPECT_EQ(table_rows(csv, "briefing").size(), briefings);
  EXPECT_EQ(table_rows(csv, "holiday").size(), holidays);
  EXPECT_EQ(table_rows(csv, "client").size(), r.plan.decisions.size());
  EXPECT_EQ(table_rows(csv, "call").size(), slots);
  EXPECT_EQ(table_rows(csv, "call_shift").size(), shifts);
  EXPECT_EQ(table_rows(csv, "note").size(), r.plan.notes.size());
  EXPECT_EQ(table_rows(csv, "spend").size(), 8u);
  EXPECT_EQ(table_rows(csv, "calendar").size(), 14u * r.travellers.size()); // 2027-Q1: 14 weeks
  EXPECT_GT(shifts, 0u); // the example has clients whose call moves with daylight saving
}

TEST(ReportCsv, SummaryEqualsThePlansTotals) {
  const CsvParse csv = parse_csv(report_csv(report_of(example_plan_json())));
  ASSERT_TRUE(csv.ok) << csv.error;
  const Json totals = Json::parse(example_plan_json())["totals"];
  std::map<std::string, std::string> figures;
  for (const auto& row : table_rows(csv, "summary")) figures[row[2]] = row[3];
  EXPECT_EQ(figures["trips"], std::to_string(totals["trips"].get<int>()));
  EXPECT_EQ(figures["visits"], std::to_string(totals["visits"].get<int>()));
  EXPECT_EQ(figures["days_away"], std::to_string(totals["days_away"].get<int>()));
  EXPECT_DOUBLE_EQ(std::stod(figures["net"]), totals["net"].get<double>());
  EXPECT_DOUBLE_EQ(std::stod(figures["trip_cost"]), totals["trip_cost"]["total"].get<double>());
  EXPECT_DOUBLE_EQ(std::stod(figures["co2_kg"]), totals["co2_kg"].get<double>());
}

TEST(ReportCsv, HostileTextIsQuotedAndNeutralisedButNumbersStayNumeric) {
  const CsvParse csv = parse_csv(report_csv(report_of(hostile_plan_json())));
  ASSERT_TRUE(csv.ok) << csv.error;
  const auto clients = table_rows(csv, "client");
  ASSERT_GE(clients.size(), 6u);
  EXPECT_EQ(cell(csv, clients[0], "name"), kHostileHtml);
  // No control character reaches the file: the line feed became a space.
  EXPECT_EQ(cell(csv, clients[1], "name"), "Pipe | and newline");
  EXPECT_EQ(cell(csv, clients[2], "name"), "'" + kHostileFormula);
  EXPECT_EQ(cell(csv, clients[3], "name"), kHostileComma);
  EXPECT_EQ(cell(csv, clients[4], "reason"), "'-2+3 @sum tab");
  EXPECT_EQ(cell(csv, clients[5], "break_even_value"), "-12.50");
  // No text cell of the whole file starts a formula.
  for (const auto& rec : csv.records)
    for (const std::string& f : rec)
      if (!f.empty() && std::string_view("=+@\t\r").find(f.front()) != std::string_view::npos)
        ADD_FAILURE() << "formula-like cell " << f;
  const auto trips = table_rows(csv, "trip");
  EXPECT_EQ(cell(csv, trips[0], "traveller"), "<anna>");
}

TEST(ReportCsv, FieldRules) {
  EXPECT_EQ(csv_text("plain"), "plain");
  EXPECT_EQ(csv_text("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_text("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_text("two\r\nlines"), "two  lines"); // control characters become spaces
  EXPECT_EQ(csv_text("esc\x1b[31m bel\a nul" + std::string(1, '\0')), "esc [31m bel  nul ");
  EXPECT_EQ(csv_text("c1 \u0085 bidi \u202egnp.exe zw\u200bsp"), "c1   bidi gnp.exe zwsp");
  EXPECT_EQ(csv_text("=1+2"), "'=1+2");
  EXPECT_EQ(csv_text("+49 69"), "'+49 69");
  EXPECT_EQ(csv_text("-5"), "'-5");
  EXPECT_EQ(csv_text("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_text("\tx"), " x");
  EXPECT_EQ(csv_text("\rx"), " x");
  EXPECT_EQ(csv_text("=a,b"), "\"'=a,b\"");
  EXPECT_EQ(csv_number("-1234.50"), "-1234.50");
  EXPECT_EQ(csv_number("0"), "0");
  EXPECT_EQ(csv_number("-x"), "'-x"); // not a number: treated as text
  EXPECT_EQ(csv_number(""), "");
}

// ---- every hostile name of the reliability issue, in every format ---------------------------

/// Names that attack one format or another: HTML markup and attribute breaking, spreadsheet
/// formulas (= + - @, leading tab and CR), Markdown cells (pipe, line break) and quotes.
const std::vector<std::string> kHostileNames{"<img src=x onerror=alert(1)>",
                                             "=HYPERLINK(\"x\")",
                                             "+1",
                                             "-1",
                                             "@x",
                                             "\tlead tab",
                                             "\rlead cr",
                                             "a|b",
                                             "line\nbreak",
                                             "\" onmouseover=\"alert(4)",
                                             "it's"};

/// The example plan with client i named kHostileNames[i].
Json every_hostile_name_plan() {
  Json j = Json::parse(example_plan_json());
  EXPECT_GE(j["clients"].size(), kHostileNames.size());
  for (std::size_t i = 0; i < kHostileNames.size(); ++i) j["clients"][i]["name"] = kHostileNames[i];
  return j;
}

TEST(HostileNames, HtmlShowsEveryNameAsText) {
  const Json j = every_hostile_name_plan();
  const std::string html = report_html(report_of(j.dump()));
  EXPECT_FALSE(contains(html, "<img"));
  EXPECT_TRUE(contains(html, "&lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_FALSE(contains(html, "\" onmouseover"));
  EXPECT_TRUE(contains(html, "&quot; onmouseover=&quot;alert(4)"));
  EXPECT_TRUE(contains(html, "it&#39;s"));
  EXPECT_TRUE(contains(html, "=HYPERLINK(&quot;x&quot;)"));
  EXPECT_TRUE(contains(html, "a|b"));
  EXPECT_TRUE(contains(html, "line break")); // a line break is a space, controls are dropped
  EXPECT_TRUE(contains(html, "lead cr"));
  EXPECT_FALSE(contains(html, "\r"));
  // No name closes a quoted attribute value: every quote of a name is an entity.
  EXPECT_EQ(count_of(html, "onmouseover=&quot;alert(4)"), count_of(html, "onmouseover"));
}

TEST(HostileNames, CsvNeutralisesEveryFormulaStartAndKeepsTheText) {
  const Json j = every_hostile_name_plan();
  const CsvParse csv = parse_csv(report_csv(report_of(j.dump())));
  ASSERT_TRUE(csv.ok) << csv.error;
  const auto clients = table_rows(csv, "client");
  ASSERT_GE(clients.size(), kHostileNames.size());
  const std::vector<std::string> expected{"<img src=x onerror=alert(1)>",
                                          "'=HYPERLINK(\"x\")",
                                          "'+1",
                                          "'-1",
                                          "'@x",
                                          " lead tab",
                                          " lead cr",
                                          "a|b",
                                          "line break",
                                          "\" onmouseover=\"alert(4)",
                                          "it's"};
  for (std::size_t i = 0; i < kHostileNames.size(); ++i) {
    // Rows follow the plan's client order; find the row by its id.
    const std::string id = j["clients"][i]["id"];
    bool found = false;
    for (const auto& row : clients)
      if (cell(csv, row, "client") == id) {
        EXPECT_EQ(cell(csv, row, "name"), expected[i]) << id;
        found = true;
      }
    EXPECT_TRUE(found) << id;
  }
  for (const auto& rec : csv.records)
    for (const std::string& f : rec)
      if (!f.empty() && std::string_view("=+@\t\r").find(f.front()) != std::string_view::npos)
        ADD_FAILURE() << "formula-like cell " << f;
}

TEST(HostileNames, MarkdownKeepsEveryTableRegularAndEscapesEachName) {
  const Json j = every_hostile_name_plan();
  const std::string md = report_markdown(report_of(j.dump()));
  int tables = 0;
  expect_regular_tables(md, tables);
  EXPECT_GT(tables, 0);
  const auto shown = [&](std::size_t i, const std::string& escaped_name) {
    const std::string id = j["clients"][i]["id"];
    EXPECT_TRUE(contains(md, escaped_name + " (" + id + ")")) << escaped_name;
  };
  shown(0, "\\<img src=x onerror=alert(1)\\>");
  shown(1, "\\=HYPERLINK(\"x\")");
  shown(2, "\\+1");
  shown(3, "\\-1");
  shown(4, "@x");
  shown(5, "| lead tab"); // the tab is a space, dropped at the start of the cell
  shown(6, "| lead cr");
  shown(7, "a\\|b");
  shown(8, "line break");
  shown(9, "\" onmouseover=\"alert(4)");
  EXPECT_FALSE(contains(md, "line\nbreak"));
  EXPECT_FALSE(contains(md, "\r"));
  for (std::size_t i = md.find('<'); i != std::string::npos; i = md.find('<', i + 1))
    EXPECT_EQ(md[i - 1], '\\') << md.substr(i > 20 ? i - 20 : 0, 60);
}

// ---- the plan reader
// -----------------------------------------------------------------------------

std::vector<Problem> problems_of(const std::string& text) {
  try {
    (void)io::read_plan(text);
  } catch (const InputError& e) {
    return e.problems();
  }
  return {};
}

TEST(PlanReader, MalformedJsonNamesLineAndColumn) {
  const auto p = problems_of("{\n  \"trips\": [,]\n}");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].pointer, "");
  EXPECT_TRUE(contains(p[0].message, "malformed JSON at line 2, column 13")) << p[0].message;
  EXPECT_EQ(problems_of("")[0].message, "empty document: expected a plan (JSON object)");
  EXPECT_EQ(problems_of("[1]")[0].message, "expected a plan (JSON object)");
  EXPECT_EQ(problems_of("{\"totals\": 1e400}")[0].message,
            "malformed JSON: number overflow parsing '1e400'");
  EXPECT_TRUE(contains(problems_of(std::string(100, '[') + std::string(100, ']'))[0].message,
                       "levels of nested"));
}

TEST(PlanReader, WrongValuesAreNamedByTheirPointer) {
  Json j = Json::parse(example_plan_json());
  j["trips"][0]["depart"] = 5;
  j["trips"][1]["legs"][0]["depart_local"] = "2027-13-01T07:00";
  j["clients"][2]["value"] = "a lot";
  j["clients"][3]["decision"] = "maybe";
  j["totals"].erase("net");
  j.erase("currency");
  const auto p = problems_of(j.dump());
  std::vector<std::string> pointers;
  for (const Problem& x : p) pointers.push_back(x.pointer + ": " + x.message);
  const auto has = [&](const std::string& s) {
    return std::find(pointers.begin(), pointers.end(), s) != pointers.end();
  };
  EXPECT_TRUE(has("/trips/0/depart: expected a string")) << ::testing::PrintToString(pointers);
  EXPECT_TRUE(has("/trips/1/legs/0/depart_local: expected a local time YYYY-MM-DDTHH:MM, found "
                  "\"2027-13-01T07:00\""));
  EXPECT_TRUE(has("/clients/2/value: expected a number"));
  EXPECT_TRUE(has("/clients/3/decision: expected \"visit\" or \"remote\", found \"maybe\""));
  EXPECT_TRUE(has("/totals: missing required key \"net\""));
  EXPECT_TRUE(has(": missing required key \"currency\""));
}

TEST(PlanReader, OptionalSectionsMayBeMissingAndNewKeysAreIgnored) {
  Json j = Json::parse(example_plan_json());
  j.erase("notes");
  j.erase("budget");
  j.erase("horizon");
  for (auto& t : j["trips"]) t.erase("briefings");
  j["clients"][0]["explanation"] = {{"steps", Json::array({"a", "b"})}};
  j["future_section"] = Json::array({1, 2});
  const Plan d = io::read_plan(j.dump());
  EXPECT_TRUE(d.notes.empty());
  EXPECT_FALSE(d.budget);
  EXPECT_FALSE(d.horizon);
  EXPECT_EQ(d.trips.size(), Json::parse(example_plan_json())["trips"].size());
  const std::string html = report_html(report_of(j.dump()));
  EXPECT_FALSE(contains(html, "<section id=\"notes\">"));
  EXPECT_FALSE(contains(html, "Budget use"));
}

TEST(PlanReader, ReadsBackWhatTheWriterWrote) {
  const Plan d = io::read_plan(example_plan_json());
  const Json j = Json::parse(example_plan_json());
  EXPECT_EQ(d.label, "2027-Q1");
  EXPECT_EQ(d.currency, "EUR");
  ASSERT_TRUE(d.horizon);
  EXPECT_EQ(iso_date(d.horizon->first), j["horizon"]["start"]);
  ASSERT_FALSE(d.trips.empty());
  const Trip& t = d.trips.front();
  EXPECT_EQ(t.id, j["trips"][0]["id"]);
  EXPECT_EQ(to_units(t.cost.total()), j["trips"][0]["cost"]["total"].get<double>());
  ASSERT_TRUE(depart_local(t.legs.front()));
  EXPECT_EQ(local_text(*depart_local(t.legs.front())),
            j["trips"][0]["legs"][0]["depart_local"].get<std::string>().replace(10, 1, " "));
  EXPECT_EQ(d.decisions.size(), j["clients"].size());
  for (const ClientDecision& c : d.decisions) {
    if (c.visit) {
      EXPECT_FALSE(c.city.empty()) << c.client_id; // from the visit
    }
  }
}

// ---- briefings the report derives
// ----------------------------------------------------------------

/// A hand-made plan (independent of the planner): anna flies Frankfurt - Zurich on 4-5 January
/// 2027 and Frankfurt - New York on 6-8 January, with the plan's own briefings.
const std::string kTwoTripPlan = R"({
  "label": "2027-Q1", "horizon": {"start": "2027-01-01", "end": "2027-03-31"}, "currency": "EUR",
  "trips": [
    {"id": "T1", "traveller": "anna", "depart": "2027-01-04", "back": "2027-01-05", "days_away": 2,
     "legs": [
       {"from": "FRA", "to": "ZRH", "tz_from": "Europe/Berlin", "tz_to": "Europe/Zurich", "cabin": "economy", "depart_local": "2027-01-04T07:00", "depart_utc": "2027-01-04T06:00Z",
        "arrive_local": "2027-01-04T08:05", "arrive_utc": "2027-01-04T07:05Z", "km": 304.2, "fare": 93.46},
       {"from": "ZRH", "to": "FRA", "tz_from": "Europe/Zurich", "tz_to": "Europe/Berlin", "cabin": "economy", "depart_local": "2027-01-05T18:00", "depart_utc": "2027-01-05T17:00Z",
        "arrive_local": "2027-01-05T19:05", "arrive_utc": "2027-01-05T18:05Z", "km": 304.2, "fare": 93.46}],
     "stays": [{"city": "ZRH", "arrive": "2027-01-04", "depart": "2027-01-05", "hotel_nights": 1}],
     "visits": [{"client": "helvetia", "city": "ZRH", "date": "2027-01-04", "days": 2}],
     "briefings": [{"city": "ZRH", "country": "CH", "time_difference": "+00:00", "from": "2027-01-01",
                    "to": "2027-01-08", "holidays": [{"date": "2027-01-01", "name": "New Year's Day",
                    "substitute": false}], "events": [], "calendar_note": null}],
     "cost": {"flights": 186.92, "hotel": 180, "per_diem": 128, "traveller_time": 1600, "jetlag": 0,
              "carbon": 10.29, "total": 2105.21},
     "co2_kg": {"flights": 82.6, "hotel": 20.3, "total": 102.9}},
    {"id": "T2", "traveller": "anna", "depart": "2027-01-06", "back": "2027-01-08", "days_away": 3,
     "legs": [
       {"from": "FRA", "to": "NYC", "tz_from": "Europe/Berlin", "tz_to": "America/New_York", "cabin": "economy", "depart_local": "2027-01-06T07:00", "depart_utc": "2027-01-06T06:00Z",
        "arrive_local": "2027-01-06T10:00", "arrive_utc": "2027-01-06T15:00Z", "km": 6200, "fare": 650},
       {"from": "NYC", "to": "FRA", "tz_from": "America/New_York", "tz_to": "Europe/Berlin", "cabin": "economy", "depart_local": "2027-01-07T18:00", "depart_utc": "2027-01-07T23:00Z",
        "arrive_local": "2027-01-08T08:00", "arrive_utc": "2027-01-08T07:00Z", "km": 6200, "fare": 650}],
     "stays": [{"city": "NYC", "arrive": "2027-01-06", "depart": "2027-01-07", "hotel_nights": 1}],
     "visits": [{"client": "hudson", "city": "NYC", "date": "2027-01-07", "days": 1}],
     "briefings": [{"city": "NYC", "country": "US", "time_difference": "-06:00", "from": "2027-01-04",
                    "to": "2027-01-10", "holidays": [], "events": [{"kind": "fair", "start": "2027-01-05",
                    "end": "2027-01-09", "title": "Retail fair", "note": "book early"}],
                    "calendar_note": null}],
     "cost": {"flights": 1300, "hotel": 300, "per_diem": 150, "traveller_time": 2400, "jetlag": 800,
              "carbon": 0, "total": 4950},
     "co2_kg": {"flights": 1400, "hotel": 16.1, "total": 1416.1}}],
  "clients": [
    {"id": "helvetia", "name": "Helvetia Precision", "decision": "visit", "trip": "T1",
     "traveller": "anna", "value": 20000, "marginal_cost": 2105.21, "break_even_value": 3085.15},
    {"id": "hudson", "name": "Hudson Analytics", "decision": "visit", "trip": "T2",
     "traveller": "anna", "value": 66500, "marginal_cost": 4950, "break_even_value": 8000}],
  "totals": {"trips": 2, "visits": 2, "remote": 0, "days_away": 5,
             "trip_cost": {"flights": 1486.92, "hotel": 480, "per_diem": 278, "traveller_time": 4000,
                           "jetlag": 800, "carbon": 10.29, "total": 7055.21},
             "remote_cost": 0, "value": 86500, "net": 79444.79, "co2_kg": 1519}
})";

TEST(ReportBriefings, PlanBriefingsAreShown) {
  const Report r = report_of(kTwoTripPlan);
  const std::string html = report_html(r);
  EXPECT_TRUE(contains(html, "Briefing: Zurich (ZRH), Switzerland"));
  EXPECT_TRUE(contains(html, "Time difference: +00:00 (same time as home)"));
  EXPECT_TRUE(contains(html, "Briefing: New York (NYC), United States"));
  EXPECT_TRUE(contains(html, "Time difference: -06:00 (behind home)"));
  EXPECT_TRUE(contains(html, "<li>Fri 2027-01-01: New Year&#39;s Day</li>"));
  EXPECT_TRUE(contains(html, "<li>fair, 2027-01-05 to 2027-01-09: Retail fair — book early</li>"));
  EXPECT_FALSE(contains(html, "Derived by the report"));
  const std::string md = report_markdown(r);
  EXPECT_TRUE(contains(md, "- Time difference: -06:00 (behind home)\n"));
  EXPECT_TRUE(contains(md, "  - fair, 2027-01-05 to 2027-01-09: Retail fair — book early\n"));
}

TEST(ReportBriefings, DerivedFromLegTimesHolidayRulesAndInputEvents) {
  Json j = Json::parse(kTwoTripPlan);
  for (auto& t : j["trips"]) t.erase("briefings");
  Input input = example_input();
  input.events.clear();
  Event fair;
  fair.kind = EventKind::fair;
  fair.city = "NYC";
  fair.dates = {date::year{2027} / 1 / 5, date::year{2027} / 1 / 9};
  fair.title = "Retail fair";
  Event elsewhere = fair;
  elsewhere.city = "SIN";
  input.events = {fair, elsewhere};
  const Report r = report_of(j.dump(), &input);
  ASSERT_EQ(r.plan.trips.size(), 2u);
  const Trip& zurich = r.plan.trips[0];
  const Trip& new_york = r.plan.trips[1];
  ASSERT_EQ(zurich.briefings.size(), 1u);
  ASSERT_EQ(new_york.briefings.size(), 1u);
  const Briefing& zb = zurich.briefings[0];
  EXPECT_EQ(r.briefing_page(0, 0).source, BriefingSource::report);
  EXPECT_EQ(zb.country, "CH");
  ASSERT_TRUE(zb.time_difference);
  EXPECT_EQ(zb.time_difference->count(), 0);
  EXPECT_EQ(iso_date(zb.window.first), "2027-01-01"); // first visit day - 3
  EXPECT_EQ(iso_date(zb.window.last), "2027-01-08");  // leaving + 3
  ASSERT_FALSE(zb.holidays.empty());
  EXPECT_EQ(iso_date(zb.holidays.front().date), "2027-01-01");
  EXPECT_TRUE(zb.events.empty());
  const Briefing& nb = new_york.briefings[0];
  ASSERT_TRUE(nb.time_difference);
  EXPECT_EQ(nb.time_difference->count(), -6 * 60); // EST against CET in January
  ASSERT_EQ(nb.events.size(), 1u);                 // the Singapore event is elsewhere
  EXPECT_EQ(nb.events[0].title, "Retail fair");
  EXPECT_TRUE(contains(report_html(r), "Derived by the report"));
  // Without the input there are no events to brief, and the page says how to get them.
  const Report bare = report_of(j.dump());
  EXPECT_TRUE(bare.plan.trips[1].briefings[0].events.empty());
  EXPECT_TRUE(contains(report_html(bare), "give --input for the input's events"));
}

// ---- determinism and edge cases
// ------------------------------------------------------------------

TEST(Report, SamePlanGivesByteIdenticalOutput) {
  const Report a = report_of(example_plan_json(), &example_input());
  const Report b = report_of(example_plan_json(), &example_input());
  EXPECT_EQ(report_html(a), report_html(b));
  EXPECT_EQ(report_markdown(a), report_markdown(b));
  EXPECT_EQ(report_csv(a), report_csv(b));
}

TEST(Report, EmptyPlanRendersEverySection) {
  Json j = Json::parse(example_plan_json());
  j["trips"] = Json::array();
  j["clients"] = Json::array();
  j.erase("horizon");
  const Report r = report_of(j.dump());
  EXPECT_FALSE(r.horizon);
  const std::string html = report_html(r);
  for (const char* id : {"overview", "summary", "calendar", "trips", "clients", "calls", "costs",
                         "value-cost", "map"})
    EXPECT_TRUE(contains(html, "<section id=\"" + std::string(id) + "\">")) << id;
  EXPECT_TRUE(contains(html, "The plan has no trips"));
  const CsvParse csv = parse_csv(report_csv(r));
  EXPECT_TRUE(csv.ok) << csv.error;
  EXPECT_TRUE(contains(report_markdown(r), "No trips."));
}

// The first page: the answer in one paragraph with the plan's own figures, totals by traveller and
// by month that add up to the plan's, and a glossary defining every money term the report uses.
TEST(Report, FirstPageAnswersWithThePlansFiguresAndDefinesItsTerms) {
  const Report r = report_of(example_plan_json());
  const std::string html = report_html(r);
  const std::size_t start = html.find("<section id=\"overview\">");
  ASSERT_NE(start, std::string::npos);
  EXPECT_LT(start, html.find("<section id=\"summary\">")); // the first section
  const std::string page = html.substr(start, html.find("</section>", start) - start);
  const Totals& t = r.plan.totals;
  for (const Money m : {t.cash(), t.trip_cost.total(), t.net, t.value})
    EXPECT_TRUE(contains(page, amount(m) + " " + r.plan.currency)) << amount(m);
  EXPECT_TRUE(contains(page, std::to_string(t.visits) + " of " +
                                 std::to_string(r.plan.decisions.size()) + " clients"));
  // Totals by traveller and by month add up to the plan's.
  for (const auto& rows : {totals_by_traveller(r), totals_by_month(r)}) {
    CostBreakdown sum;
    int trips = 0;
    int days = 0;
    for (const GroupTotals& g : rows) {
      sum += g.cost;
      trips += g.trips;
      days += g.days_away;
      EXPECT_TRUE(contains(page, "<td>" + g.key + "</td>") || contains(page, ">" + g.key + "</th>"))
          << g.key;
    }
    EXPECT_EQ(sum.total(), t.trip_cost.total());
    EXPECT_EQ(sum.cash(), t.cash());
    EXPECT_EQ(trips, t.trips);
    EXPECT_EQ(days, t.days_away);
  }
  // Every money term of the summary cards and tables is defined on the first page.
  for (const char* term :
       {"Cash spend", "Imputed cost", "Trip cost", "Remote cost", "Value", "Net value",
        "Visit value", "Remote value", "Marginal cost", "Break-even value", "Traveller time",
        "Jet lag", "Carbon price", "CO2e", "Days away", "Off-hours"})
    EXPECT_TRUE(contains(page, "<dt>" + std::string(term) + "</dt>")) << term;
}

TEST(Report, UnknownCitiesAreListedNotPlaced) {
  Json j = Json::parse(example_plan_json());
  j["trips"][0]["legs"][0]["to"] = "QQQ";
  const Report r = report_of(j.dump());
  EXPECT_EQ(r.unplaced, std::vector<std::string>{"QQQ"});
  EXPECT_TRUE(contains(report_html(r), "Not on the map (no coordinates): QQQ."));
}

TEST(HostileNames, InvisibleFormatAndControlCharactersReachNoDocument) {
  Json j = every_hostile_name_plan();
  j["label"] = "2027-Q1 \u202Eevil";
  j["clients"][0]["name"] = "Acme \u202Egnp.exe\u2066iso\u2069 \u200Bzw \x1b[31m esc \u0085 c1";
  const Report r = report_of(j.dump());
  for (const auto& [format, text] : std::vector<std::pair<std::string, std::string>>{
           {"html", report_html(r)}, {"md", report_markdown(r)}, {"csv", report_csv(r)}}) {
    for (const std::string bad : {"\u202E", "\u2066", "\u2069", "\u200B", "\x1b", "\u0085"})
      EXPECT_FALSE(contains(text, bad)) << format << " holds U+" << std::hex
                                        << static_cast<int>(static_cast<unsigned char>(bad[0]));
    EXPECT_TRUE(contains(text, "gnp.exe")) << format; // the text itself stays
    EXPECT_TRUE(contains(text, "evil")) << format;
  }
}

} // namespace
} // namespace flyorcall::report
