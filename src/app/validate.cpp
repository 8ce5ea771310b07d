// validate_input and the pieces every verb shares to get an input (flyorcall/validate.hpp).
#include "flyorcall/validate.hpp"

#include <sstream>
#include <utility>

#include "flyorcall/flyorcall.hpp"
#include "model/embedded_data.hpp"
#include "network/network.hpp"

namespace flyorcall {

std::string_view default_example_json() {
  return data::default_json;
}

Input read_input_with_fares(std::string_view json_text, const std::optional<FaresTable>& fares) {
  Input input = read_input(json_text);
  if (fares) add_fares_csv(input, fares->text, fares->name);
  return input;
}

namespace {

/// validate_input for a text read by `read` (which gives the text away when it can).
template <class Read> ValidationResult validate(Read read, const std::optional<FaresTable>& fares) {
  ValidationResult result;
  Input input;
  try {
    result.place = ProblemPlace::input;
    input = read();
    result.place = ProblemPlace::fares;
    if (fares) add_fares_csv(input, fares->text, fares->name);
    result.place = ProblemPlace::network;
    (void)network::Network::build(input);
  } catch (const InputError& e) {
    result.problems = e.problems();
    return result;
  }
  result.place = ProblemPlace::input;
  result.label = input.label;
  result.currency = input.currency;
  result.travellers = input.travellers.size();
  result.clients = input.clients.size();
  result.events = input.events.size();
  return result;
}

} // namespace

ValidationResult validate_input(std::string_view json_text,
                                const std::optional<FaresTable>& fares) {
  return validate([json_text] { return read_input(json_text); }, fares);
}

ValidationResult validate_input(std::string&& json_text, const std::optional<FaresTable>& fares) {
  return validate([&json_text] { return read_input(std::move(json_text)); }, fares);
}

ValidationResult validate_input(const char* json_text, const std::optional<FaresTable>& fares) {
  return validate_input(std::string_view(json_text), fares);
}

std::string validation_summary(const ValidationResult& r, std::string_view source_name) {
  std::ostringstream out;
  out << source_name << ": valid: " << r.label << ", " << r.travellers
      << (r.travellers == 1 ? " traveller, " : " travellers, ") << r.clients
      << (r.clients == 1 ? " client, " : " clients, ") << r.events
      << (r.events == 1 ? " event" : " events") << ", currency " << r.currency << '\n';
  return out.str();
}

} // namespace flyorcall
