// The input reader's JSON layer (src/io/input_reader*.cpp; internal to src/io): the list of
// problems found, text positions, the SAX handler that builds the document tree, the parser's
// messages and the document order of problems.
#pragma once

#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "flyorcall/errors.hpp"
#include "flyorcall/limits.hpp"
#include "io/input_reader.hpp"

namespace flyorcall::io::detail {

using Json = nlohmann::ordered_json;

// Nobody reads more problems than this; storing millions of them (a 64 MB list of empty
// objects) would exhaust memory long before the list is useful.
constexpr std::size_t kMaxListedProblems = 1000;
// Quoted text in a message is cut after this many characters: the message must stay readable
// and small even when the offending value is megabytes long.
constexpr std::size_t kMaxQuotedChars = 80;

/// Problems found so far: the first kMaxListedProblems are kept, the rest only counted.
struct ProblemList {
  std::vector<Problem> listed;
  std::size_t unlisted = 0;
  /// True when further problems will only be counted (so suggestions need not be computed).
  [[nodiscard]] bool full() const { return listed.size() >= kMaxListedProblems; }
  void add(std::string pointer, std::string message) {
    if (full())
      ++unlisted;
    else
      listed.push_back({std::move(pointer), std::move(message)});
  }
};

// ---------------------------------------------------------------------------------------------
// Text positions

struct LineColumn {
  std::size_t line = 1;
  std::size_t column = 1;
};

/// Line and column (both 1-based; columns count characters, not bytes) of a byte offset.
[[nodiscard]] LineColumn line_column(std::string_view text, std::size_t offset);

/// "line L, column C" of a byte offset, for a message.
[[nodiscard]] std::string at_line_column(std::string_view text, std::size_t offset);

/// A value quoted for a message, cut after kMaxQuotedChars characters.
[[nodiscard]] std::string dquote(std::string_view s);

// ---------------------------------------------------------------------------------------------
// Parsing: a SAX handler that builds an order-preserving DOM, reports duplicate keys (which
// nlohmann would silently merge) and keeps the byte offset of a syntax error.

class DomBuilder {
public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  DomBuilder(Json& root, ProblemList& problems) : root_(root), problems_(problems) {}

  bool null() { return put(Json(nullptr)), true; }
  bool boolean(bool v) { return put(Json(v)), true; }
  bool number_integer(number_integer_t v) { return put(Json(v)), true; }
  bool number_unsigned(number_unsigned_t v) { return put(Json(v)), true; }
  bool number_float(number_float_t v, const string_t& /*text*/) { return put(Json(v)), true; }
  bool string(string_t& v) {
    v.shrink_to_fit(); // the parser's buffer grew by doubling; the tree keeps only the text
    return put(Json(std::move(v))), true;
  }
  bool binary(binary_t& /*v*/) { return false; } // JSON text never produces binary values
  bool start_object(std::size_t /*size*/) {
    if (too_deep()) return false;
    stack_.push_back(Frame{put(Json::object()), {}, std::nullopt, {}});
    return true;
  }
  bool key(string_t& k) {
    auto& top = stack_.back();
    // A hash index, not the object's own lookup: ordered_json searches linearly, which made an
    // object of n members cost n^2.
    const auto [it, fresh] = top.members.try_emplace(k, Member{top.node->size(), false});
    if (!fresh && !it->second.reported) {
      it->second.reported = true; // a key given three times is still one problem
      problems_.add(pointer_to(k), "duplicate key " + dquote(k));
    }
    top.key = k;
    top.slot = fresh ? std::nullopt : std::optional<std::size_t>(it->second.index);
    return true;
  }
  bool end_object() {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t /*size*/) {
    if (too_deep()) return false;
    stack_.push_back(Frame{put(Json::array()), {}, std::nullopt, {}});
    return true;
  }
  bool end_array() {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& ex) {
    error_position = position;
    error_token = token;
    error_id = ex.id;
    error_what = ex.what();
    return false;
  }

  std::size_t error_position = 0; ///< characters read when the error was seen (1-based)
  std::string error_token;
  int error_id = 0;
  std::string error_what;
  std::optional<Problem> depth_problem; ///< set when the nesting limit stopped the parse

private:
  struct Member {
    std::size_t index; // position in the object
    bool reported;     // its duplicate was reported
  };
  struct Frame {
    Json* node;
    std::string key;                                      // current key of an object
    std::optional<std::size_t> slot;                      // position of a repeated key
    std::unordered_map<std::string, Member> members = {}; // keys seen in an object
  };

  // Pointers to open containers stay valid: a container is only modified while it is the
  // innermost open one, and then none of its children is open.
  Json* put(Json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    auto& top = stack_.back();
    if (top.node->is_array()) {
      top.node->push_back(std::move(v));
      return &top.node->back();
    }
    auto& members = top.node->get_ref<Json::object_t&>();
    if (top.slot) { // a repeated key: the last value wins, in the first one's place
      Json& slot = std::next(members.begin(), static_cast<std::ptrdiff_t>(*top.slot))->second;
      slot = std::move(v);
      return &slot;
    }
    members.Container::emplace_back(top.key, std::move(v));
    return &members.back().second;
  }

  // The schema nests five levels deep; a limit keeps hostile input from exhausting the stack of
  // the recursive steps that follow the parse.
  static constexpr std::size_t kMaxDepth = limits::kMaxDepth;
  bool too_deep() {
    if (stack_.size() < kMaxDepth) return false;
    const auto& top = stack_.back();
    const std::string last = top.node->is_array() ? std::to_string(top.node->size()) : top.key;
    depth_problem = Problem{pointer_to(last), "expected at most " + std::to_string(kMaxDepth) +
                                                  " levels of nested arrays and objects"};
    return true;
  }

  std::string pointer_to(const std::string& last_key) const {
    std::string p;
    for (std::size_t i = 0; i + 1 < stack_.size(); ++i) {
      const auto& f = stack_[i];
      p += '/';
      p +=
          f.node->is_array() ? std::to_string(f.node->size() - 1) : io::escape_pointer_token(f.key);
    }
    return p + "/" + io::escape_pointer_token(last_key);
  }

  Json& root_;
  ProblemList& problems_;
  std::vector<Frame> stack_;
};

/// nlohmann's message without its "[json.exception...] parse error at ...: syntax error while
/// parsing X - " prefix and its "; last read: ..." suffix (we give our own line and column).
[[nodiscard]] std::string clean_parse_message(const DomBuilder& b);

/// Byte offset where nlohmann gave up: the last byte it read (its position counts bytes read,
/// 1-based), or just after the input at its end. Its "last read" token is not used: it may
/// reach back over earlier tokens.
[[nodiscard]] std::size_t error_offset(const DomBuilder& b);

/// Sorts `problems` into the document order of their pointers into `doc`; problems at the same
/// place keep the order in which they were found.
void sort_into_document_order(std::vector<Problem>& problems, const Json& doc);

} // namespace flyorcall::io::detail
