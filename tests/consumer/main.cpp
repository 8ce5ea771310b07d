// Plans a tiny quarter through the installed library's public API only.
#include <iostream>

#include <flyorcall/flyorcall.hpp>

int main() {
  const char* doc = R"({
    "quarter": "2027-Q2",
    "travellers": [{"id": "ana", "home": "FRA", "cost_per_day": 600}],
    "clients": [{"id": "c1", "name": "Client One", "city": "LON", "visit_value": 20000}]
  })";
  try {
    const flyorcall::Input input = flyorcall::read_input(doc);
    const flyorcall::Plan plan = flyorcall::plan_quarter(input);
    std::cout << "flyorcall " << flyorcall::kVersion << ": " << plan.decisions.size()
              << " decision(s), " << plan.trips.size() << " trip(s)\n";
    return plan.decisions.size() == 1 ? 0 : 1;
  } catch (const flyorcall::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
}
