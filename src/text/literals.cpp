#include "text/literals.hpp"

#include <charconv>
#include <cstring>
#include <limits>

#include "base/utf8.hpp"

namespace weft::text {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}
unsigned hex_value(char c) {
  return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}

// Length of a digit run in which `_` may only separate two digits; 0 when there is no run or a
// separator is misplaced (then the whole literal is malformed, reported through `bad`).
size_t digit_run(std::string_view s, size_t at, bool hex, bool& bad) {
  size_t i = at;
  while (i < s.size()) {
    const char c = s[i];
    if (hex ? is_hex(c) : is_digit(c)) {
      ++i;
    } else if (c == '_' && i > at && i + 1 < s.size() &&
               (hex ? is_hex(s[i + 1]) : is_digit(s[i + 1]))) {
      ++i;
    } else {
      break;
    }
  }
  if (i < s.size() && s[i] == '_') bad = true;
  return i - at;
}

// Strips a leading sign; returns true when it was `-`.
bool take_sign(std::string_view& s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    const bool neg = s[0] == '-';
    s.remove_prefix(1);
    return neg;
  }
  return false;
}

bool has_hex_prefix(std::string_view s) {
  return s.size() >= 2 && s[0] == '0' && s[1] == 'x';
}

// Parses a digit run (sign already taken) into a 64-bit value, noting overflow.
LiteralStatus parse_u64(std::string_view s, uint64_t& out) {
  const bool hex = has_hex_prefix(s);
  if (hex) s.remove_prefix(2);
  bool bad = false;
  if (s.empty() || digit_run(s, 0, hex, bad) != s.size() || bad) return LiteralStatus::NotANumber;
  uint64_t v = 0;
  bool overflow = false;
  const uint64_t base = hex ? 16 : 10;
  for (char c : s) {
    if (c == '_') continue;
    const uint64_t d = hex ? hex_value(c) : uint64_t(c - '0');
    if (v > (std::numeric_limits<uint64_t>::max() - d) / base) overflow = true;
    v = v * base + d;
  }
  out = v;
  return overflow ? LiteralStatus::OutOfRange : LiteralStatus::Ok;
}

// The float's syntax, checked strictly: digits with `_` only between digits, an optional
// fraction, an optional exponent. Fills `clean` with the text minus separators (and minus the
// 0x prefix for hex), ready for std::from_chars, and `mag_exp`, an estimate of the value's
// binary exponent (sign is all that matters) to tell overflow from underflow.
bool clean_float(std::string_view s, bool& hex, std::string& clean, int64_t& mag_exp) {
  hex = has_hex_prefix(s);
  size_t i = hex ? 2 : 0;
  bool bad = false;
  const size_t int_len = digit_run(s, i, hex, bad);
  if (int_len == 0 || bad) return false;
  const size_t int_begin = i;
  i += int_len;
  size_t frac_begin = i, frac_len = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    frac_begin = i;
    frac_len = digit_run(s, i, hex, bad);
    if (bad) return false;
    i += frac_len;
  }
  int64_t exp = 0;
  if (i < s.size() && (hex ? (s[i] == 'p' || s[i] == 'P') : (s[i] == 'e' || s[i] == 'E'))) {
    ++i;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    const size_t exp_len = digit_run(s, i, false, bad);
    if (exp_len == 0 || bad) return false;
    for (size_t k = i; k < i + exp_len; ++k) {
      if (s[k] != '_' && exp < 1'000'000'000) exp = exp * 10 + (s[k] - '0');
    }
    if (neg) exp = -exp;
    i += exp_len;
  }
  if (i != s.size()) return false;

  clean.clear();
  for (char c : s.substr(hex ? 2 : 0)) {
    if (c != '_') clean.push_back(c);
  }
  // Position of the first nonzero digit, in digits relative to the point.
  const int64_t digit_bits = hex ? 4 : 1;  // decimal exponent is compared by sign only
  int64_t lead = 0;
  bool found = false;
  int64_t int_digits = 0;
  for (size_t k = int_begin; k < int_begin + int_len; ++k) {
    if (s[k] == '_') continue;
    ++int_digits;
  }
  int64_t seen = 0;
  for (size_t k = int_begin; k < int_begin + int_len && !found; ++k) {
    if (s[k] == '_') continue;
    if (s[k] != '0') {
      lead = int_digits - seen;  // digits before the point from here on
      found = true;
    }
    ++seen;
  }
  int64_t zeros = 0;
  for (size_t k = frac_begin; k < frac_begin + frac_len && !found; ++k) {
    if (s[k] == '_') continue;
    if (s[k] != '0') {
      lead = -zeros;
      found = true;
    }
    ++zeros;
  }
  mag_exp = found ? lead * digit_bits + exp : 0;
  return true;
}

template <typename Float, typename Bits>
LiteralStatus parse_float(std::string_view text, Bits& out) {
  constexpr int kMantBits = std::numeric_limits<Float>::digits - 1;
  constexpr Bits kSign = Bits{1} << (sizeof(Bits) * 8 - 1);
  constexpr Bits kExpMask = static_cast<Bits>(~kSign & ~((Bits{1} << kMantBits) - 1));
  std::string_view s = text;
  const bool neg = take_sign(s);
  const Bits sign = neg ? kSign : 0;
  if (s == "inf") {
    out = sign | kExpMask;
    return LiteralStatus::Ok;
  }
  if (s == "nan") {
    out = sign | kExpMask | (Bits{1} << (kMantBits - 1));
    return LiteralStatus::Ok;
  }
  if (s.substr(0, 4) == "nan:") {
    std::string_view payload = s.substr(4);
    if (!has_hex_prefix(payload)) return LiteralStatus::NotANumber;
    uint64_t p = 0;
    const LiteralStatus st = parse_u64(payload, p);
    if (st == LiteralStatus::NotANumber) return st;
    if (st == LiteralStatus::OutOfRange || p == 0 || p >= (uint64_t{1} << kMantBits)) {
      return LiteralStatus::OutOfRange;
    }
    out = sign | kExpMask | static_cast<Bits>(p);
    return LiteralStatus::Ok;
  }
  bool hex = false;
  std::string clean;
  int64_t mag_exp = 0;
  if (!clean_float(s, hex, clean, mag_exp)) return LiteralStatus::NotANumber;
  Float value{};
  const auto fmt = hex ? std::chars_format::hex : std::chars_format::general;
  const auto r = std::from_chars(clean.data(), clean.data() + clean.size(), value, fmt);
  if (r.ptr != clean.data() + clean.size()) return LiteralStatus::NotANumber;
  Bits bits = 0;
  if (r.ec == std::errc::result_out_of_range) {
    // from_chars reports both overflow and underflow; only overflow is an error here.
    if (mag_exp > 0) return LiteralStatus::OutOfRange;
    bits = 0;
  } else if (r.ec != std::errc()) {
    return LiteralStatus::NotANumber;
  } else {
    std::memcpy(&bits, &value, sizeof bits);
    if ((bits & kExpMask) == kExpMask) return LiteralStatus::OutOfRange;
  }
  out = sign | bits;
  return LiteralStatus::Ok;
}

}  // namespace

LiteralStatus parse_nat(std::string_view text, uint64_t max, uint64_t& out) {
  if (text.empty() || !is_digit(text[0])) return LiteralStatus::NotANumber;
  uint64_t v = 0;
  const LiteralStatus st = parse_u64(text, v);
  if (st != LiteralStatus::Ok) return st;
  if (v > max) return LiteralStatus::OutOfRange;
  out = v;
  return LiteralStatus::Ok;
}

LiteralStatus parse_int(std::string_view text, unsigned bits, uint64_t& out) {
  std::string_view s = text;
  const bool neg = take_sign(s);
  if (s.empty() || !is_digit(s[0])) return LiteralStatus::NotANumber;
  uint64_t v = 0;
  const LiteralStatus st = parse_u64(s, v);
  if (st != LiteralStatus::Ok) return st;
  const uint64_t mask = bits >= 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1;
  if (neg) {
    const uint64_t limit = uint64_t{1} << (bits - 1);
    if (v > limit) return LiteralStatus::OutOfRange;
    out = (0 - v) & mask;
  } else {
    if (v > mask) return LiteralStatus::OutOfRange;
    out = v;
  }
  return LiteralStatus::Ok;
}

LiteralStatus parse_f32(std::string_view text, uint32_t& out) {
  return parse_float<float, uint32_t>(text, out);
}

LiteralStatus parse_f64(std::string_view text, uint64_t& out) {
  return parse_float<double, uint64_t>(text, out);
}

std::string decode_string(std::string_view token) {
  std::string out;
  if (token.size() < 2) return out;
  const std::string_view s = token.substr(1, token.size() - 2);
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      out.push_back(c);
      continue;
    }
    const char e = s[++i];
    switch (e) {
      case 't':
        out.push_back('\t');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case '"':
        out.push_back('"');
        break;
      case '\'':
        out.push_back('\'');
        break;
      case '\\':
        out.push_back('\\');
        break;
      case 'u': {
        uint32_t cp = 0;
        i += 2;  // past `u{`
        while (i < s.size() && s[i] != '}') {
          if (s[i] != '_') cp = cp * 16 + hex_value(s[i]);
          ++i;
        }
        append_utf8(out, cp);
        break;
      }
      default:
        if (i + 1 < s.size()) {
          out.push_back(static_cast<char>(hex_value(e) * 16 + hex_value(s[i + 1])));
          ++i;
        }
    }
  }
  return out;
}

}  // namespace weft::text
