set(FLYORCALL_OPTIMIZE_SOURCES
  src/optimize/schedule.cpp
  src/optimize/decisions.cpp
  src/optimize/greedy.cpp
  src/optimize/plan_quarter.cpp
  src/optimize/plan_head.cpp
  src/optimize/quarter.cpp
  src/optimize/quarter_construct.cpp
  src/optimize/quarter_resolve.cpp
  src/optimize/quarter_explain.cpp
  src/optimize/quarter_budgets.cpp
  src/optimize/route_split.cpp
  src/optimize/quarter_exact.cpp
  src/optimize/briefing.cpp
  src/optimize/core/problem.cpp src/optimize/core/tsp.cpp src/optimize/core/op.cpp src/optimize/core/op_polish.cpp src/optimize/core/solver.cpp src/optimize/core/exact.cpp
  src/optimize/parallel.cpp)
