// Failure as a value: Error says what went wrong and where; Result<T> holds a T or an Error.
// No exception crosses weft's boundaries (DESIGN.md, "Errors, traps, bad input").
#pragma once

#include <cstdint>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/trap_code.hpp"

namespace weft {

enum class ErrorKind : uint8_t {
  Malformed,    // bytes or text that do not follow the format
  Invalid,      // well-formed module that fails validation
  Link,         // imports that cannot be satisfied
  Trap,         // wasm execution trapped
  OutOfMemory,  // an allocation failed
  Exit,         // the program asked to exit (WASI proc_exit); exit_code says with what
  Io,           // file system or other host error
  Unsupported,  // a feature weft does not implement (yet)
  Other,
};

const char* error_kind_name(ErrorKind kind);

// One wasm frame of a trap's backtrace, innermost first.
struct BacktraceFrame {
  uint32_t func_index = 0;
  std::string func_name;    // from the name section; empty when the module has none
  std::string module_name;  // the module's own name (name section), if any
};

struct Error {
  static constexpr uint64_t kNoOffset = ~uint64_t{0};

  Error() = default;
  Error(ErrorKind kind_, std::string message_, uint64_t offset_ = kNoOffset, uint32_t line_ = 0,
        uint32_t column_ = 0)
      : kind(kind_), message(std::move(message_)), offset(offset_), line(line_), column(column_) {}

  ErrorKind kind = ErrorKind::Other;
  std::string message;
  uint64_t offset = kNoOffset;  // byte offset into a binary module
  uint32_t line = 0;            // 1-based position in a text source; 0 when unknown
  uint32_t column = 0;
  TrapCode trap = TrapCode::None;       // for ErrorKind::Trap: which trap
  int32_t exit_code = 0;                // for ErrorKind::Exit
  std::vector<BacktraceFrame> backtrace;  // for ErrorKind::Trap (and host errors unwinding wasm)

  static Error at_offset(ErrorKind kind, uint64_t offset, std::string message) {
    return Error{kind, std::move(message), offset};
  }
  static Error at_line(ErrorKind kind, uint32_t line, uint32_t column, std::string message) {
    return Error{kind, std::move(message), kNoOffset, line, column};
  }
  static Error out_of_memory() { return Error{ErrorKind::OutOfMemory, "out of memory"}; }

  bool has_offset() const { return offset != kNoOffset; }
  bool has_position() const { return line != 0; }

  // "offset 0x1f: message", "3:14: message" or just "message".
  std::string to_string() const;
};

// Result<T> behaves like std::expected<T, Error> (C++23), which C++20 does not have.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(const T& value) : ok_(true) { new (&value_) T(value); }
  Result(T&& value) : ok_(true) { new (&value_) T(std::move(value)); }
  Result(Error error) : ok_(false) { new (&error_) Error(std::move(error)); }
  template <typename U>
    requires(std::is_constructible_v<T, U &&> && !std::is_same_v<std::decay_t<U>, Result> &&
             !std::is_same_v<std::decay_t<U>, Error> && !std::is_same_v<std::decay_t<U>, T>)
  Result(U&& value) : ok_(true) {
    new (&value_) T(std::forward<U>(value));
  }

  Result(const Result& other) : ok_(other.ok_) {
    if (ok_) new (&value_) T(other.value_);
    else new (&error_) Error(other.error_);
  }
  Result(Result&& other) noexcept : ok_(other.ok_) {
    if (ok_) new (&value_) T(std::move(other.value_));
    else new (&error_) Error(std::move(other.error_));
  }
  Result& operator=(Result other) noexcept {
    destroy();
    ok_ = other.ok_;
    if (ok_) new (&value_) T(std::move(other.value_));
    else new (&error_) Error(std::move(other.error_));
    return *this;
  }
  ~Result() { destroy(); }

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }

  T& value() & { return value_; }
  const T& value() const& { return value_; }
  T&& value() && { return std::move(value_); }
  T& operator*() & { return value_; }
  const T& operator*() const& { return value_; }
  T&& operator*() && { return std::move(value_); }
  T* operator->() { return &value_; }
  const T* operator->() const { return &value_; }

  Error& error() & { return error_; }
  const Error& error() const& { return error_; }
  Error&& error() && { return std::move(error_); }

 private:
  void destroy() {
    if (ok_) value_.~T();
    else error_.~Error();
  }

  bool ok_;
  union {
    T value_;
    Error error_;
  };
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : ok_(false), error_(std::move(error)) {}

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  void value() const {}

  Error& error() & { return error_; }
  const Error& error() const& { return error_; }
  Error&& error() && { return std::move(error_); }

 private:
  bool ok_ = true;
  Error error_;
};

// Propagates the error of an expression that yields a Result.
#define WEFT_TRY(expr)                                   \
  do {                                                   \
    auto&& weft_try_result_ = (expr);                    \
    if (!weft_try_result_) return std::move(weft_try_result_).error(); \
  } while (0)

}  // namespace weft
