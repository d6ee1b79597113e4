#include "api/val_raw.hpp"

#include <cstring>

namespace weft::api {

runtime::ValRaw to_raw(const Val& value) {
  runtime::ValRaw raw{};
  switch (value.type().kind()) {
    case ir::ValKind::I32:
      raw.i32 = static_cast<uint32_t>(value.i32());
      break;
    case ir::ValKind::I64:
      raw.i64 = static_cast<uint64_t>(value.i64());
      break;
    case ir::ValKind::F32: {
      const float f = value.f32();
      std::memcpy(&raw.f32, &f, 4);
      break;
    }
    case ir::ValKind::F64: {
      const double d = value.f64();
      std::memcpy(&raw.f64, &d, 8);
      break;
    }
    case ir::ValKind::V128:
      std::memcpy(raw.v128, value.v128().data(), 16);
      break;
    default:
      raw.ref = value.type() == ValType::externref()
                    ? value.externref()
                    : reinterpret_cast<uint64_t>(value.funcref().raw());
      break;
  }
  return raw;
}

Val from_raw(ValType type, const runtime::ValRaw& raw) {
  switch (type.kind()) {
    case ir::ValKind::I32:
      return Val(static_cast<int32_t>(raw.i32));
    case ir::ValKind::I64:
      return Val(static_cast<int64_t>(raw.i64));
    case ir::ValKind::F32: {
      float f;
      std::memcpy(&f, &raw.f32, 4);
      return Val(f);
    }
    case ir::ValKind::F64: {
      double d;
      std::memcpy(&d, &raw.f64, 8);
      return Val(d);
    }
    case ir::ValKind::V128: {
      std::array<uint8_t, 16> bytes;
      std::memcpy(bytes.data(), raw.v128, 16);
      return Val::from_v128(bytes);
    }
    default:
      if (type == ValType::externref()) return Val::from_externref(raw.ref);
      return Val::from_funcref(Func(reinterpret_cast<runtime::VMFuncRef*>(raw.ref)));
  }
}

}  // namespace weft::api
