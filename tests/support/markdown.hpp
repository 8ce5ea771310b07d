// Reading the Markdown the report and compare commands write, for tests.
#pragma once

#include <cstddef>
#include <string>

namespace flyorcall::testing {

/// Cells of a pipe-table row: unescaped pipes separate cells ("| a | b\|c |" has 2).
inline std::size_t md_cells(const std::string& line) {
  std::size_t pipes = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
      continue;
    }
    pipes += line[i] == '|';
  }
  return pipes - 1;
}

} // namespace flyorcall::testing
