// The input's JSON Schema (data/schema/input.schema.json) against the reader: every object of a
// document that holds every key the schema names must be checked by the reader, and the keys
// the reader allows there must be exactly the schema's properties. So neither can gain or lose
// a key without the other (the Python test tests/schema/test_schema.py checks values and shapes
// with an independent validator).

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "io/input_reader_impl.hpp"
#include "io/json_document.hpp"

namespace {

using flyorcall::io::detail::Json;
using flyorcall::io::detail::Reader;

Json load_schema() {
  std::ifstream in(std::string(FLYORCALL_SOURCE_DIR) + "/data/schema/input.schema.json");
  EXPECT_TRUE(in.good());
  return Json::parse(in);
}

/// The node a local `$ref` ("#/$defs/name") names, or the node itself.
const Json& resolve(const Json& root, const Json& node) {
  if (const auto r = node.find("$ref"); r != node.end()) {
    const std::string target = r->get<std::string>();
    const std::string prefix = "#/$defs/";
    EXPECT_TRUE(target.starts_with(prefix)) << target;
    return root.at("$defs").at(target.substr(prefix.size()));
  }
  return node;
}

/// A value for `node` holding every property of every object below it: an example where the
/// schema gives one, else the first enum value, false, or an array of one sample item.
Json sample(const Json& root, const Json& in) {
  const Json& node = resolve(root, in);
  if (const auto p = node.find("properties"); p != node.end()) {
    Json o = Json::object();
    for (const auto& [key, sub] : p->items()) o[key] = sample(root, sub);
    return o;
  }
  if (const auto e = node.find("examples"); e != node.end()) return e->front();
  if (const auto e = in.find("examples"); e != in.end()) return e->front();
  if (const auto e = node.find("enum"); e != node.end()) return e->front();
  const std::string type = node.value("type", "");
  if (type == "boolean") return false;
  if (type == "array") return Json::array({sample(root, node.at("items"))});
  ADD_FAILURE() << "no sample for schema node " << node.dump();
  return nullptr;
}

/// The pointers of every object in `doc`.
void objects_of(const Json& doc, const std::string& ptr, std::vector<std::string>& out) {
  if (doc.is_object()) {
    out.push_back(ptr);
    for (const auto& [key, v] : doc.items()) objects_of(v, ptr + "/" + key, out);
  } else if (doc.is_array()) {
    for (std::size_t i = 0; i < doc.size(); ++i)
      objects_of(doc[i], ptr + "/" + std::to_string(i), out);
  }
}

/// The schema's properties of the object at `ptr` (tokens are keys or array indices).
std::set<std::string> schema_keys_at(const Json& root, const std::string& ptr) {
  const Json* node = &root;
  std::istringstream tokens(ptr);
  std::string token;
  std::getline(tokens, token, '/'); // the empty text before the first slash
  while (std::getline(tokens, token, '/')) {
    const Json& n = resolve(root, *node);
    if (n.contains("items"))
      node = &n.at("items");
    else
      node = &n.at("properties").at(token);
  }
  std::set<std::string> keys;
  for (const auto& [key, sub] : resolve(root, *node).at("properties").items()) keys.insert(key);
  return keys;
}

std::string listing(const std::set<std::string>& keys) {
  std::string s;
  for (const auto& k : keys) s += (s.empty() ? "" : ", ") + k;
  return s.empty() ? "none" : s;
}

TEST(InputSchema, EveryObjectAllowsExactlyTheKeysTheReaderAllows) {
  const Json schema = load_schema();
  const Json doc = sample(schema, schema);
  flyorcall::io::detail::ProblemList problems;
  Reader reader(problems);
  std::vector<Reader::KeysAllowed> log;
  reader.record_keys(&log);
  (void)reader.read(doc);

  // No key of the schema is unknown to the reader.
  for (const auto& p : problems.listed)
    EXPECT_EQ(p.message.find("unknown key"), std::string::npos) << p.pointer << ": " << p.message;

  // An object may be checked twice (an event's dates are checked again as a window of its own,
  // with the event's "from" and "to" only): its keys are those of every check.
  std::map<std::string, std::set<std::string>> allowed;
  for (const auto& [pointer, keys] : log) allowed[pointer].insert(keys.begin(), keys.end());
  std::set<std::string> checked;
  for (const auto& [pointer, reader_keys] : allowed) {
    checked.insert(pointer);
    const std::set<std::string> schema_keys = schema_keys_at(schema, pointer);
    std::set<std::string> only_reader;
    std::set<std::string> only_schema;
    std::set_difference(reader_keys.begin(), reader_keys.end(), schema_keys.begin(),
                        schema_keys.end(), std::inserter(only_reader, only_reader.end()));
    std::set_difference(schema_keys.begin(), schema_keys.end(), reader_keys.begin(),
                        reader_keys.end(), std::inserter(only_schema, only_schema.end()));
    EXPECT_TRUE(only_reader.empty() && only_schema.empty())
        << "at \"" << pointer << "\": keys only the reader allows: " << listing(only_reader)
        << "; only the schema: " << listing(only_schema);
  }
  // Every object of the document was checked by the reader.
  std::vector<std::string> objects;
  objects_of(doc, "", objects);
  for (const auto& p : objects) EXPECT_TRUE(checked.contains(p)) << "not checked: \"" << p << "\"";
  EXPECT_GE(objects.size(), 15u);
}

} // namespace
