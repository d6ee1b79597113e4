#include "api/alloc_guard.hpp"

#include <exception>
#include <new>
#include <stdexcept>
#include <string>

namespace weft::detail {

Error error_from_current_exception() noexcept {
  // Error::out_of_memory()'s message fits std::string's inline buffer: making it cannot fail.
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return Error::out_of_memory();
  } catch (const std::length_error&) {
    return Error::out_of_memory();
  } catch (const std::exception& e) {
    try {
      return Error{ErrorKind::Other, std::string("exception: ") + e.what()};
    } catch (...) {
      return Error::out_of_memory();
    }
  } catch (...) {
    try {
      return Error{ErrorKind::Other, "exception of an unknown type"};
    } catch (...) {
      return Error::out_of_memory();
    }
  }
}

}  // namespace weft::detail
