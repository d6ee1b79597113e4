// Assertions on validation results: valid, or rejected with a kind and the spec's message.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string_view>

#include "base/result.hpp"

namespace weft::validate::testing {

inline ::testing::AssertionResult IsValid(const Result<void>& r) {
  if (r) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "rejected: " << r.error().to_string();
}

// The error has `kind`, its message starts with `message` (the spec suite's own matching rule)
// and, when given, it points at byte `offset`.
inline ::testing::AssertionResult Rejects(const Result<void>& r, ErrorKind kind,
                                          std::string_view message,
                                          std::optional<uint64_t> offset = std::nullopt) {
  if (r) return ::testing::AssertionFailure() << "accepted, expected \"" << message << "\"";
  const Error& e = r.error();
  if (e.kind != kind || std::string_view(e.message).substr(0, message.size()) != message ||
      (offset && e.offset != *offset)) {
    return ::testing::AssertionFailure()
           << "got " << error_kind_name(e.kind) << " \"" << e.to_string() << "\", expected "
           << error_kind_name(kind) << " \"" << message << "\""
           << (offset ? " at offset " + std::to_string(*offset) : std::string());
  }
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult IsInvalid(const Result<void>& r, std::string_view message,
                                            std::optional<uint64_t> offset = std::nullopt) {
  return Rejects(r, ErrorKind::Invalid, message, offset);
}
inline ::testing::AssertionResult IsMalformed(const Result<void>& r, std::string_view message,
                                              std::optional<uint64_t> offset = std::nullopt) {
  return Rejects(r, ErrorKind::Malformed, message, offset);
}

}  // namespace weft::validate::testing
