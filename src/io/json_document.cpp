// The input reader's JSON layer (io/json_document.hpp): text positions, the parser's messages and
// the document order of problems.
#include "io/json_document.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/utf8.hpp"

namespace flyorcall::io::detail {

LineColumn line_column(std::string_view text, std::size_t offset) {
  LineColumn lc;
  const std::size_t end = std::min(offset, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if ((c & 0xC0u) != 0x80u) { // continuation bytes belong to the previous character
      ++lc.column;
    }
  }
  return lc;
}

std::string at_line_column(std::string_view text, std::size_t offset) {
  const auto lc = line_column(text, offset);
  return "line " + std::to_string(lc.line) + ", column " + std::to_string(lc.column);
}

std::string dquote(std::string_view s) {
  return quote_text(s, kMaxQuotedChars);
}

std::string clean_parse_message(const DomBuilder& b) {
  if (b.error_id == 406) return "number " + b.error_token + " is out of range";
  std::string m = b.error_what;
  if (const auto dash = m.find(" - "); dash != std::string::npos) {
    m = m.substr(dash + 3);
  } else if (const auto colon = m.find(": "); colon != std::string::npos) {
    m = m.substr(colon + 2);
  }
  if (const auto last = m.find("; last read:"); last != std::string::npos) m.resize(last);
  return m;
}

std::size_t error_offset(const DomBuilder& b) {
  // An out-of-range number is reported after it was read whole: point at its first digit.
  const std::size_t back = b.error_id == 406 ? std::max<std::size_t>(b.error_token.size(), 1) : 1;
  return b.error_position >= back ? b.error_position - back : 0;
}

// ---------------------------------------------------------------------------------------------
// Document order: a pointer's position is the list of member and element indices along its
// path, so comparing positions lexicographically is pre-order (an object before its members,
// members as written). Only the listed problems are located, so a huge document costs nothing
// beyond its own size.
namespace {

std::string unescape_pointer_token(std::string_view t) {
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '~' && i + 1 < t.size() && (t[i + 1] == '0' || t[i + 1] == '1')) {
      out += t[++i] == '0' ? '~' : '/';
    } else {
      out += t[i];
    }
  }
  return out;
}

/// The indices along `pointer`, stopping at the first token that names nothing: a pointer to a
/// missing member sorts with its nearest existing ancestor.
std::vector<std::size_t> document_position(const Json& doc, std::string_view pointer) {
  std::vector<std::size_t> pos;
  const Json* node = &doc;
  std::size_t at = 0;
  while (at < pointer.size()) {
    const std::size_t end = std::min(pointer.find('/', at + 1), pointer.size());
    const std::string token = unescape_pointer_token(pointer.substr(at + 1, end - at - 1));
    at = end;
    std::optional<std::size_t> index;
    if (node->is_object()) {
      const auto& members = node->get_ref<const Json::object_t&>();
      const auto it = std::find_if(members.begin(), members.end(),
                                   [&](const auto& m) { return m.first == token; });
      if (it != members.end()) index = static_cast<std::size_t>(it - members.begin());
    } else if (node->is_array() && !token.empty() && token.size() < 19 &&
               std::all_of(token.begin(), token.end(),
                           [](char c) { return c >= '0' && c <= '9'; })) {
      const auto k = static_cast<std::size_t>(std::stoull(token));
      if (k < node->size()) index = k;
    }
    if (!index) break;
    pos.push_back(*index);
    node = node->is_object() ? &std::next(node->get_ref<const Json::object_t&>().begin(),
                                          static_cast<std::ptrdiff_t>(*index))
                                    ->second
                             : &(*node)[*index];
  }
  return pos;
}

} // namespace

void sort_into_document_order(std::vector<Problem>& problems, const Json& doc) {
  std::vector<std::pair<std::vector<std::size_t>, std::size_t>> keyed;
  keyed.reserve(problems.size());
  for (std::size_t i = 0; i < problems.size(); ++i)
    keyed.emplace_back(document_position(doc, problems[i].pointer), i);
  // The emission index breaks ties, which keeps the order in which problems were found.
  std::sort(keyed.begin(), keyed.end());
  std::vector<Problem> sorted;
  sorted.reserve(problems.size());
  for (const auto& k : keyed) sorted.push_back(std::move(problems[k.second]));
  problems = std::move(sorted);
}

} // namespace flyorcall::io::detail
