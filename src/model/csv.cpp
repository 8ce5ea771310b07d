// RFC 4180 reader and the embedded data files' conventions (docs in csv.hpp and data/README.md).
#include "model/csv.hpp"

#include "flyorcall/errors.hpp"

namespace flyorcall::csv {
namespace {

constexpr std::string_view kVersionPrefix = "# flyorcall-data ";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

} // namespace

std::variant<std::vector<Record>, SyntaxError> parse(std::string_view text, bool comments) {
  std::vector<Record> out;
  std::size_t line = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  const auto at_line_end = [&](std::size_t k) {
    return k >= n || text[k] == '\n' || (text[k] == '\r' && k + 1 < n && text[k + 1] == '\n');
  };
  const auto skip_line_end = [&](std::size_t& k) {
    if (k < n && text[k] == '\r') ++k;
    if (k < n && text[k] == '\n') {
      ++k;
      ++line;
    }
  };
  while (i < n) {
    if (at_line_end(i)) { // an empty line
      skip_line_end(i);
      continue;
    }
    if (comments && text[i] == '#') {
      while (!at_line_end(i)) ++i;
      skip_line_end(i);
      continue;
    }
    Record rec;
    rec.line = line;
    for (;;) {
      std::string field;
      if (i < n && text[i] == '"') {
        const std::size_t opened = line;
        ++i;
        for (;;) {
          if (i >= n)
            return SyntaxError{opened, "a quoted field is not closed (a '\"' is missing)"};
          if (text[i] == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          field += text[i++];
        }
        if (!at_line_end(i) && text[i] != ',')
          return SyntaxError{line, "unexpected text after the closing '\"' of a quoted field"};
      } else {
        const std::size_t start = i;
        while (!at_line_end(i) && text[i] != ',') {
          if (text[i] == '"')
            return SyntaxError{line, "a '\"' inside an unquoted field (enclose the field in "
                                     "quotes and write the quote as \"\")"};
          if (text[i] == '\r') return SyntaxError{line, "a carriage return inside a field"};
          ++i;
        }
        field.assign(text.substr(start, i - start));
      }
      rec.fields.push_back(std::move(field));
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      skip_line_end(i);
      break;
    }
    out.push_back(std::move(rec));
  }
  return out;
}

DataTable read_data_table(std::string_view text, std::string_view file, std::string_view header,
                          bool name_columns) {
  const auto fail = [&](std::size_t line, const std::string& what) -> void {
    throw Error(ErrorCode::internal, std::string(file) + ":" + std::to_string(line) + ": " + what);
  };
  DataTable t;
  const auto first_end = text.find('\n');
  auto first = trim(text.substr(0, first_end));
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  if (!first.starts_with(kVersionPrefix) || trim(first.substr(kVersionPrefix.size())).empty())
    fail(1, "expected the first line \"# flyorcall-data <version>\"");
  t.version = std::string(trim(first.substr(kVersionPrefix.size())));
  auto parsed = parse(text, true);
  if (auto* e = std::get_if<SyntaxError>(&parsed)) fail(e->line, e->what);
  auto& records = std::get<std::vector<Record>>(parsed);
  for (auto& r : records)
    for (auto& f : r.fields) f = std::string(trim(f));
  if (records.empty()) fail(1, "missing header \"" + std::string(header) + "\"");
  std::string got;
  for (std::size_t k = 0; k < records.front().fields.size(); ++k)
    got += (k ? "," : "") + records.front().fields[k];
  if (got != header)
    fail(records.front().line, "expected the header \"" + std::string(header) + "\"");
  const std::size_t columns = records.front().fields.size();
  for (std::size_t k = 1; k < records.size(); ++k) {
    if (records[k].fields.size() != columns)
      fail(records[k].line, "expected " + std::to_string(columns) + " fields" +
                                (name_columns ? " (" + std::string(header) + ")" : std::string()) +
                                ", found " + std::to_string(records[k].fields.size()));
    t.rows.push_back(std::move(records[k]));
  }
  return t;
}

std::string quoted(std::string_view field) {
  return "\"" + std::string(field) + "\"";
}

} // namespace flyorcall::csv
