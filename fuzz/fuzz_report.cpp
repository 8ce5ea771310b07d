// libFuzzer harness: the trip report's writers (docs/report.md). The input drives a random plan —
// trips, legs, stays, visits, briefings, clients, notes, any bytes in every text, sizes beyond a
// page's limits — which is written as HTML, Markdown and CSV, and each output is read back:
// - HTML by an HTML5 parser (gumbo): no parse error, only the elements and attributes the writer
//   uses, no event-handler attribute, no script, the nine sections;
// - CSV by RFC 4180: quoted fields well formed, records ending in CRLF, 15 fields each, no control
//   character or invisible format character in any field, rows numbered per table;
// - Markdown: every pipe table has the same number of cells in each row as in its header, no
//   control character but line feeds;
// - the tidy CSV tables by RFC 4180: each file's rows have its header's number of fields;
// - the calendar (RFC 5545): one VCALENDAR, CRLF lines folded to 75 octets, no control character
//   but HTAB;
// - the Excel workbook: written (a zip file);
// and neither page is larger than kMaxPageBytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fuzzer/FuzzedDataProvider.h>
#include <gumbo.h>

#include "flyorcall/errors.hpp"
#include "model/utf8.hpp"
#include "network/world_data.hpp"
#include "report/report_ics.hpp"
#include "report/report_page.hpp"
#include "report/trip_report.hpp"
#include "support/markdown.hpp"

namespace fr = flyorcall::report;
using flyorcall::Date;

namespace {

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_report: %s\n", what);
  std::abort();
}

// ---- a random plan ------------------------------------------------------------------------------

/// A text: usually short, sometimes hostile (markup, quotes, controls, bidi, invalid UTF-8), now
/// and then longer than a page shows.
std::string text(FuzzedDataProvider& in) {
  static const char* const kPieces[] = {"<script>alert(1)</script>",
                                        "\" onmouseover=\"x",
                                        "&amp;",
                                        "|",
                                        "\\",
                                        "\n",
                                        "\r\n",
                                        "\t",
                                        "\x1b[31m",
                                        "\u202e",
                                        "\u2066",
                                        "\u200b",
                                        "\xc2\x85",
                                        "=SUM(A1)",
                                        "-1",
                                        "'",
                                        "\xff",
                                        "\xe2\x82",
                                        "]]>",
                                        "<!--",
                                        "`",
                                        "*",
                                        "#",
                                        "1.",
                                        "FRA",
                                        "Europe/Berlin"};
  std::string s;
  const int parts = in.ConsumeIntegralInRange(0, 4);
  for (int i = 0; i < parts; ++i) {
    if (in.ConsumeBool())
      s += kPieces[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kPieces) - 1)];
    else
      s += in.ConsumeRandomLengthString(40);
  }
  if (in.ConsumeIntegralInRange(0, 50) == 0) s += std::string(300, s.empty() ? 'x' : s[0]);
  return s;
}

Date day(FuzzedDataProvider& in) {
  return Date{date::year{2027} / 1 / 1} + date::days{in.ConsumeIntegralInRange(0, 120)};
}

flyorcall::Money money(FuzzedDataProvider& in) {
  return flyorcall::Money{in.ConsumeIntegralInRange<std::int64_t>(-100000000, 100000000000)};
}

/// A city code: a real one (so the map draws it) or any text.
std::string city(FuzzedDataProvider& in) {
  const auto& cities = flyorcall::network::default_world().cities;
  if (in.ConsumeBool())
    return cities[in.ConsumeIntegralInRange<std::size_t>(0, cities.size() - 1)].code;
  return text(in);
}

std::size_t count(FuzzedDataProvider& in, std::size_t page_limit) {
  // Mostly small; sometimes just over what a page shows.
  return in.ConsumeIntegralInRange(0, 8) == 0
             ? page_limit + in.ConsumeIntegralInRange<std::size_t>(0, 3)
             : in.ConsumeIntegralInRange<std::size_t>(0, 3);
}

flyorcall::Trip trip(FuzzedDataProvider& in, std::size_t k) {
  flyorcall::Trip t;
  t.id = in.ConsumeBool() ? "T" + std::to_string(k + 1) : text(in);
  t.traveller_id = in.ConsumeBool() ? "anna" : text(in);
  t.depart = day(in);
  t.back = t.depart + date::days{in.ConsumeIntegralInRange(0, 20)};
  t.days_away = in.ConsumeIntegralInRange(0, 30);
  t.cost.flights = money(in);
  t.cost.hotel = money(in);
  t.co2_flights = flyorcall::GramsCo2{in.ConsumeIntegralInRange<std::int64_t>(0, 10000000000)};
  t.co2_hotel = flyorcall::GramsCo2{in.ConsumeIntegralInRange<std::int64_t>(0, 10000000)};
  for (std::size_t i = count(in, fr::kPageTripRows); i > 0 && in.remaining_bytes() > 0; --i) {
    flyorcall::PlannedLeg l;
    l.from = city(in);
    l.to = city(in);
    // A zone the tz database knows, or any text (then the leg's times are shown in UTC).
    l.tz_from = in.ConsumeBool() ? "Europe/Berlin" : text(in);
    l.tz_to = in.ConsumeBool() ? "Asia/Singapore" : text(in);
    l.depart = date::sys_days{day(in).time_since_epoch()} +
               std::chrono::minutes{in.ConsumeIntegralInRange(0, 1439)};
    l.block = flyorcall::Minutes{in.ConsumeIntegralInRange(0, 2000)};
    l.arrive = l.depart + std::chrono::minutes{l.block.count()};
    l.km = in.ConsumeFloatingPointInRange(0.0, 20000.0);
    l.cabin = static_cast<flyorcall::Cabin>(
        in.ConsumeIntegralInRange<std::size_t>(0, flyorcall::kCabinCount - 1));
    l.fare = money(in);
    t.legs.push_back(l);
  }
  for (std::size_t i = count(in, fr::kPageTripRows); i > 0 && in.remaining_bytes() > 0; --i)
    t.stays.push_back({city(in), day(in), day(in), in.ConsumeIntegralInRange(0, 30)});
  for (std::size_t i = count(in, fr::kPageTripRows); i > 0 && in.remaining_bytes() > 0; --i)
    t.visits.push_back({text(in), city(in), day(in), in.ConsumeIntegralInRange(1, 20)});
  for (std::size_t i = count(in, fr::kPageBriefings); i > 0 && in.remaining_bytes() > 0; --i) {
    flyorcall::Briefing b;
    b.city = city(in);
    b.country = in.ConsumeBool() ? "DE" : text(in);
    if (in.ConsumeBool())
      b.time_difference = flyorcall::Minutes{in.ConsumeIntegralInRange(-900, 900)};
    b.window = flyorcall::DateRange{day(in), day(in)};
    for (std::size_t h = count(in, fr::kPageBriefingItems); h > 0 && in.remaining_bytes() > 0; --h)
      b.holidays.push_back({day(in), text(in), in.ConsumeBool()});
    for (std::size_t e = count(in, fr::kPageBriefingItems); e > 0 && in.remaining_bytes() > 0; --e)
      b.events.push_back({static_cast<flyorcall::EventKind>(in.ConsumeIntegralInRange<std::size_t>(
                              0, flyorcall::kEventKindNames.size() - 1)),
                          {day(in), day(in)},
                          text(in),
                          text(in)});
    if (in.ConsumeBool()) b.calendar_note = text(in);
    t.briefings.push_back(std::move(b));
  }
  return t;
}

fr::Report random_report(FuzzedDataProvider& in) {
  flyorcall::Plan p;
  p.label = text(in);
  p.currency = in.ConsumeBool() ? "EUR" : text(in);
  p.method = text(in);
  p.flyorcall_version = text(in);
  if (in.ConsumeBool()) p.horizon = flyorcall::DateRange{day(in), day(in)};
  if (in.ConsumeBool()) p.seed = in.ConsumeIntegral<std::uint64_t>();
  for (std::size_t i = count(in, 4); i > 0 && in.remaining_bytes() > 0; --i)
    p.notes.push_back(text(in));
  const std::size_t trips = in.ConsumeIntegralInRange(0, 40) == 0
                                ? fr::kPageTrips + in.ConsumeIntegralInRange<std::size_t>(0, 3)
                                : in.ConsumeIntegralInRange<std::size_t>(0, 6);
  for (std::size_t k = 0; k < trips && in.remaining_bytes() > 0; ++k)
    p.trips.push_back(trip(in, k));
  for (std::size_t i = in.ConsumeIntegralInRange(0, 8); i > 0 && in.remaining_bytes() > 0; --i) {
    flyorcall::ClientDecision c;
    c.client_id = text(in);
    c.name = text(in);
    c.visit = in.ConsumeBool();
    if (in.ConsumeBool()) c.trip_id = text(in);
    if (in.ConsumeBool()) c.traveller_id = text(in);
    c.value = money(in);
    c.marginal_cost = money(in);
    c.break_even_defined = in.ConsumeBool();
    if (c.break_even_defined) c.break_even_value = money(in);
    c.reason = text(in);
    c.city = city(in);
    if (in.ConsumeBool()) {
      flyorcall::CallSlotSummary s;
      s.weekday = in.ConsumeIntegralInRange(0, 6);
      s.traveller_local_min = in.ConsumeIntegralInRange(0, 1439);
      s.client_local_min = in.ConsumeIntegralInRange(0, 1439);
      c.call_slot = s;
    }
    p.decisions.push_back(std::move(c));
  }
  p.totals.trips = static_cast<int>(p.trips.size());
  p.totals.net = money(in);
  if (in.ConsumeBool()) {
    flyorcall::BudgetUse b;
    b.money = money(in);
    if (in.ConsumeBool()) b.money_limit = money(in);
    p.budget = b;
  }
  const auto& world = flyorcall::network::default_world();
  fr::Report r = fr::make_report(std::move(p), world.cities, world.countries, nullptr);
  // Briefings the plan carries, or ones the report derived: both are rendered.
  for (fr::TripPage& page : r.trip_pages)
    for (fr::BriefingPage& b : page.briefings)
      if (in.ConsumeBool()) b.source = fr::BriefingSource::report;
  return r;
}

// ---- reading the outputs back -------------------------------------------------------------------

void walk(const GumboNode* n, std::set<std::string>& sections) {
  if (n->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& e = n->v.element;
  static const std::set<std::string> kAllowed = {
      "html",     "head",   "meta",       "title",  "style",   "body",  "header", "h1",   "h2",
      "h3",       "h4",     "p",          "nav",    "ul",      "li",    "a",      "main", "section",
      "article",  "div",    "span",       "table",  "caption", "thead", "tbody",  "tr",   "th",
      "td",       "figure", "figcaption", "svg",    "desc",    "g",     "rect",   "text", "line",
      "polyline", "path",   "circle",     "footer", "strong",  "dl",    "dt",     "dd"};
  std::string tag = gumbo_normalized_tagname(e.tag);
  if (e.tag == GUMBO_TAG_UNKNOWN) { // SVG's <text>, <polyline>, ...: the name as written
    const std::string_view raw(e.original_tag.data, e.original_tag.length);
    const std::size_t from = raw.starts_with('<') ? 1 : 0;
    tag = std::string(raw.substr(from, raw.find_first_of(" \t\n/>", from) - from));
  }
  if (!kAllowed.count(tag)) {
    std::fprintf(stderr, "element <%s>\n", tag.c_str());
    fail("an element the writer never writes");
  }
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    const std::string_view name = a->name;
    if (name.size() >= 2 && (name[0] == 'o' || name[0] == 'O') &&
        (name[1] == 'n' || name[1] == 'N'))
      fail("an event-handler attribute");
    if (std::string_view(a->value).find("javascript:") != std::string_view::npos)
      fail("a javascript: value");
    if (tag == "section" && name == "id") sections.insert(a->value);
  }
  for (unsigned i = 0; i < e.children.length; ++i)
    walk(static_cast<const GumboNode*>(e.children.data[i]), sections);
}

void check_html(const std::string& html, bool has_notes) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 10;
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  if (out->errors.length != 0) {
    // GumboError is internal to gumbo; its first fields are public types.
    struct ErrorHead {
      int type;
      GumboSourcePosition position;
    };
    const auto* err = static_cast<const ErrorHead*>(out->errors.data[0]);
    const std::size_t at = err->position.offset;
    std::fprintf(stderr, "gumbo error %d at line %u, column %u: ...%s...\n", err->type,
                 err->position.line, err->position.column,
                 html.substr(at < 120 ? 0 : at - 120, 240).c_str());
    fail("the HTML has parse errors");
  }
  std::set<std::string> sections;
  walk(out->root, sections);
  gumbo_destroy_output(&options, out);
  // Every section of the page once; `notes` only when the plan has notes.
  if (sections.size() != fr::html_section_ids().size() - (has_notes ? 0u : 1u))
    fail("sections missing or repeated");
}

// The records of an RFC 4180 text: quoted fields well formed, every record ended by CRLF, no
// control character or invisible format character in any field.
std::vector<std::vector<std::string>> csv_records(const std::string& csv) {
  std::vector<std::vector<std::string>> records;
  std::size_t i = 0;
  while (i < csv.size()) {
    std::vector<std::string> fields(1);
    for (;;) { // one record
      if (i < csv.size() && csv[i] == '"') {
        ++i;
        for (;;) {
          if (i >= csv.size()) fail("an unterminated quoted field");
          if (csv[i] == '"') {
            if (i + 1 < csv.size() && csv[i + 1] == '"') {
              fields.back() += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          fields.back() += csv[i++];
        }
      } else {
        while (i < csv.size() && csv[i] != ',' && csv[i] != '\r' && csv[i] != '\n') {
          if (csv[i] == '"') fail("a quote inside an unquoted field");
          fields.back() += csv[i++];
        }
      }
      if (i < csv.size() && csv[i] == ',') {
        ++i;
        fields.emplace_back();
        continue;
      }
      if (csv.compare(i, 2, "\r\n") == 0) {
        i += 2;
        break;
      }
      fail("a record not ended by CRLF");
    }
    for (const std::string& f : fields)
      for (std::size_t k = 0; k < f.size(); ++k)
        if (flyorcall::control_at(f, k) || flyorcall::invisible_at(f, k))
          fail("a control or invisible format character in a field");
    records.push_back(std::move(fields));
  }
  return records;
}

// The stacked CSV: 15 fields a record, rows numbered per table after its columns.
void check_csv(const std::string& csv) {
  std::string table;
  long expected_row = 0;
  const auto records = csv_records(csv);
  for (std::size_t r = 0; r < records.size(); ++r) {
    const auto& fields = records[r];
    if (fields.size() != 15) fail("a record without 15 fields");
    if (r == 0) continue; // the file header
    if (fields[1] == "columns") {
      table = fields[0];
      expected_row = 1;
    } else if (fields[0] != table || fields[1] != std::to_string(expected_row++)) {
      fail("rows not numbered 1, 2, ... after their table's columns");
    }
  }
}

// The tidy CSV tables: each file a header of column names and rows of as many fields.
void check_tidy_csv(const std::vector<fr::CsvFile>& files) {
  if (files.empty()) fail("no tidy CSV table");
  for (const fr::CsvFile& f : files) {
    const auto records = csv_records(f.text);
    if (records.empty()) fail("a tidy CSV table without its header");
    for (const auto& fields : records)
      if (fields.size() != records.front().size()) fail("a tidy CSV row unlike its header");
  }
}

// The calendar (RFC 5545): one VCALENDAR, lines ended by CRLF and folded to at most 75 octets,
// no control character but HTAB (which TEXT values may hold); an offending line is printed.
void check_ics(const std::string& ics) {
  if (!ics.starts_with("BEGIN:VCALENDAR\r\n") || !ics.ends_with("END:VCALENDAR\r\n"))
    fail("a calendar that is not one VCALENDAR");
  std::size_t start = 0;
  while (start < ics.size()) {
    const std::size_t end = ics.find("\r\n", start);
    if (end == std::string::npos) fail("a calendar line not ended by CRLF");
    if (end - start > 75) fail("a calendar line longer than 75 octets");
    for (std::size_t k = start; k < end; ++k) {
      const auto c = static_cast<unsigned char>(ics[k]);
      if ((c < 0x20 && c != '\t') || c == 0x7f) { // HTAB is allowed in TEXT (RFC 5545 WSP)
        for (std::size_t j = start; j < end; ++j) {
          const auto o = static_cast<unsigned char>(ics[j]);
          if (o < 0x20 || o == 0x7f)
            std::fprintf(stderr, "\\x%02x", o);
          else
            std::fputc(o, stderr);
        }
        std::fputc('\n', stderr);
        fail("a control character in the calendar");
      }
    }
    start = end + 2;
  }
}

void check_markdown(const std::string& md) {
  std::size_t start = 0;
  std::size_t header_cells = 0;
  bool in_table = false;
  while (start < md.size()) {
    std::size_t end = md.find('\n', start);
    if (end == std::string::npos) end = md.size();
    const std::string line = md.substr(start, end - start);
    start = end + 1;
    for (std::size_t k = 0; k < line.size(); ++k)
      if (flyorcall::control_at(line, k) || flyorcall::invisible_at(line, k))
        fail("a control or invisible format character in the Markdown");
    if (line.empty() || line[0] != '|') {
      in_table = false;
      continue;
    }
    const std::size_t cells = flyorcall::testing::md_cells(line);
    if (!in_table) {
      in_table = true;
      header_cells = cells;
    } else if (cells != header_cells) {
      fail("a table row with another number of cells than its header");
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const fr::Report r = random_report(in);
  const std::string html = fr::report_html(r);
  const std::string md = fr::report_markdown(r);
  if (html.size() > fr::kMaxPageBytes || md.size() > fr::kMaxPageBytes) fail("a page too large");
  check_html(html, !r.plan.notes.empty());
  check_csv(fr::report_csv(r));
  check_tidy_csv(fr::report_csv_tables(r));
  check_markdown(md);
  check_ics(fr::report_ics(r, {}, std::nullopt));
  if (!fr::report_xlsx(r).starts_with("PK\x03\x04")) fail("a workbook that is not a zip file");
  return 0;
}
