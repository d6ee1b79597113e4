#include "expected_results.hpp"

#include <fstream>
#include <sstream>

namespace weft::cli {

Result<ExpectedResults> read_expected(const std::string& path) {
  std::ifstream in(path);
  if (!in) return ExpectedResults{};  // a new list
  ExpectedResults results;
  std::string line;
  uint32_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name;
    Counts c;
    if (!(fields >> name >> c.passed >> c.failed >> c.skipped)) {
      return Error{ErrorKind::Io, path + ":" + std::to_string(number) +
                                      ": expected \"NAME passed failed skipped\""};
    }
    results[name] = c;
  }
  return results;
}

Result<void> write_expected(const std::string& path, const ExpectedResults& results) {
  std::string header;
  {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line) && !line.empty() && line[0] == '#') header += line + "\n";
  }
  if (header.empty()) {
    header =
        "# Expected `weft wast` results per script: NAME passed failed skipped.\n"
        "# A difference in either direction fails the test; update with --write-expected.\n";
  }
  std::ofstream out(path, std::ios::trunc);
  if (!out) return Error{ErrorKind::Io, path + ": cannot write"};
  out << header;
  for (const auto& [name, c] : results) {
    out << name << ' ' << c.passed << ' ' << c.failed << ' ' << c.skipped << '\n';
  }
  if (!out) return Error{ErrorKind::Io, path + ": write error"};
  return {};
}

}  // namespace weft::cli
