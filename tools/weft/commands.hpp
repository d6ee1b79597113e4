// The weft command line's subcommands. Each takes the arguments after its name and returns the
// process exit code.
#pragma once

#include <span>
#include <string_view>

namespace weft::cli {

int validate_command(std::span<const std::string_view> args);
int wast_command(std::span<const std::string_view> args);
int run_command(std::span<const std::string_view> args);

}  // namespace weft::cli
