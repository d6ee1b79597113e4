#include "runtime/type_registry.hpp"

#include <gtest/gtest.h>

namespace weft::runtime {
namespace {

TEST(TypeRegistry, EqualFunctionTypesShareOneIndex) {
  TypeRegistry registry;
  const ir::FuncType a{{ir::ValType::i32()}, {ir::ValType::i64()}};
  const ir::FuncType b{{ir::ValType::i32()}, {ir::ValType::i64()}};
  const ir::FuncType c{{ir::ValType::i64()}, {ir::ValType::i32()}};
  const ir::FuncType d{{ir::ValType::funcref()}, {}};
  const ir::FuncType e{{ir::ValType::externref()}, {}};
  EXPECT_EQ(*registry.intern(a), *registry.intern(b));
  EXPECT_NE(*registry.intern(a), *registry.intern(c));
  EXPECT_NE(*registry.intern(d), *registry.intern(e));
  EXPECT_EQ(registry.type(*registry.intern(c)), c);
}

TEST(TypeRegistry, ParamsAndResultsAreDistinguished) {
  TypeRegistry registry;
  const ir::FuncType a{{ir::ValType::i32()}, {}};
  const ir::FuncType b{{}, {ir::ValType::i32()}};
  EXPECT_NE(*registry.intern(a), *registry.intern(b));
}

}  // namespace
}  // namespace weft::runtime
