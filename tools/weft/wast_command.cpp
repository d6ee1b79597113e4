#include <cstdio>
#include <filesystem>
#include <string>

#include "commands.hpp"
#include "expected_results.hpp"
#include "load_module.hpp"
#include "wast_runner.hpp"

namespace weft::cli {
namespace {

void print_help() {
  std::printf(
      "usage: weft wast [options] FILE.wast...\n\n"
      "Runs WebAssembly test scripts and prints a line per file, then\n"
      "`N passed, N failed, N skipped`. Exits 1 if any command failed.\n\n"
      "options:\n"
      "  -v, --verbose            also list skipped commands and message mismatches, and print\n"
      "                           what spectest's print functions are called with\n"
      "  --expected LIST          compare each file's counts with LIST (see tests/spec/) and exit\n"
      "                           1 on any difference, better or worse, instead of on failures\n"
      "  --write-expected LIST    record each file's counts in LIST\n"
      "  --root DIR               name files in LIST by their path relative to DIR (default:\n"
      "                           by file name)\n");
}

std::string key_for(const std::string& path, const std::string& root) {
  if (root.empty()) return std::filesystem::path(path).filename().string();
  return std::filesystem::relative(path, root).generic_string();
}

}  // namespace

int wast_command(std::span<const std::string_view> args) {
  RunOptions options;
  std::string expected_path, write_path, root;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = std::string(args[++i]);
      return true;
    };
    if (a == "-h" || a == "--help") {
      print_help();
      return 0;
    } else if (a == "-v" || a == "--verbose") {
      options.verbose = true;
    } else if (a == "--expected") {
      if (!value(expected_path)) return print_help(), 2;
    } else if (a == "--write-expected") {
      if (!value(write_path)) return print_help(), 2;
    } else if (a == "--root") {
      if (!value(root)) return print_help(), 2;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "weft wast: unknown option '%.*s'\n", int(a.size()), a.data());
      return 2;
    } else {
      files.emplace_back(a);
    }
  }
  if (files.empty()) {
    print_help();
    return 2;
  }

  ExpectedResults expected, written;
  if (!expected_path.empty() || !write_path.empty()) {
    Result<ExpectedResults> list = read_expected(!write_path.empty() ? write_path : expected_path);
    if (!list) {
      std::fprintf(stderr, "error: %s\n", list.error().message.c_str());
      return 2;
    }
    (!write_path.empty() ? written : expected) = std::move(*list);
  }

  Counts total;
  bool mismatch = false;
  for (const std::string& path : files) {
    Result<std::string> source = read_file(path);
    ScriptResult r;
    if (!source) r.fatal = source.error().message;
    else r = run_script(*source, options);
    if (!r.fatal.empty()) r.failed = 1;

    std::printf("%s: %u passed, %u failed, %u skipped", path.c_str(), r.passed, r.failed,
                r.skipped);
    if (r.message_mismatches) std::printf(" (%u with other wording)", r.message_mismatches);
    std::printf("\n");
    if (!r.fatal.empty()) std::printf("  %s\n", r.fatal.c_str());
    for (const std::string& n : r.notes) std::printf("  %s:%s\n", path.c_str(), n.c_str());

    const Counts counts{r.passed, r.failed, r.skipped};
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    const std::string key = key_for(path, root);
    if (!write_path.empty()) written[key] = counts;
    if (!expected_path.empty()) {
      auto it = expected.find(key);
      if (it == expected.end()) {
        std::printf("  %s is not in %s: record it with --write-expected\n", key.c_str(),
                    expected_path.c_str());
        mismatch = true;
      } else if (!(it->second == counts)) {
        std::printf("  expected %u passed, %u failed, %u skipped (%s): %s\n", it->second.passed,
                    it->second.failed, it->second.skipped, expected_path.c_str(),
                    counts.passed > it->second.passed && counts.failed <= it->second.failed
                        ? "better than recorded, update the list with --write-expected"
                        : "a regression");
        mismatch = true;
      }
    }
  }
  if (!write_path.empty()) {
    if (Result<void> w = write_expected(write_path, written); !w) {
      std::fprintf(stderr, "error: %s\n", w.error().message.c_str());
      return 2;
    }
  }
  std::printf("%u passed, %u failed, %u skipped\n", total.passed, total.failed, total.skipped);
  if (!expected_path.empty()) return mismatch ? 1 : 0;
  return total.failed ? 1 : 0;
}

}  // namespace weft::cli
