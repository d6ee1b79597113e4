// Trap codes and the specification's message for each (the WAST suite matches these texts).
// In base/ because an Error carries the code of the trap it reports.
#pragma once

#include <cstdint>

namespace weft {

enum class TrapCode : uint8_t {
  None = 0,
  Unreachable,
  IntegerOverflow,
  IntegerDivideByZero,
  InvalidConversionToInteger,
  MemoryOutOfBounds,
  TableOutOfBounds,
  IndirectCallTypeMismatch,
  UninitializedElement,
  UndefinedElement,
  CallStackExhausted,
  NullReference,      // Wasm 3.0 typed references
  OutOfFuel,
  Interrupted,        // epoch deadline
  HostError,          // a host function returned an error
  OutOfMemory,        // the engine could not allocate what running needs (lazy lowering)
};

inline const char* trap_message(TrapCode code) {
  switch (code) {
    case TrapCode::None: return "no trap";
    case TrapCode::Unreachable: return "unreachable";
    case TrapCode::IntegerOverflow: return "integer overflow";
    case TrapCode::IntegerDivideByZero: return "integer divide by zero";
    case TrapCode::InvalidConversionToInteger: return "invalid conversion to integer";
    case TrapCode::MemoryOutOfBounds: return "out of bounds memory access";
    case TrapCode::TableOutOfBounds: return "out of bounds table access";
    case TrapCode::IndirectCallTypeMismatch: return "indirect call type mismatch";
    case TrapCode::UninitializedElement: return "uninitialized element";
    case TrapCode::UndefinedElement: return "undefined element";
    case TrapCode::CallStackExhausted: return "call stack exhausted";
    case TrapCode::NullReference: return "null reference";
    case TrapCode::OutOfFuel: return "all fuel consumed";
    case TrapCode::Interrupted: return "interrupted";
    case TrapCode::HostError: return "host error";
    case TrapCode::OutOfMemory: return "out of memory";
  }
  return "trap";
}

}  // namespace weft
