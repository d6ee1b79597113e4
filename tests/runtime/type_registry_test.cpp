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

namespace weft::runtime {
namespace {

// Enough distinct types to span several of the registry's chunks.
TEST(TypeRegistry, TypesRoundTripAcrossManyIndices) {
  TypeRegistry registry;
  std::vector<ir::FuncType> types;
  for (size_t n = 0; n < 300; ++n) {
    ir::FuncType t;
    for (size_t i = 0; i < n; ++i)
      t.params.push_back(i % 2 ? ir::ValType::i32() : ir::ValType::f64());
    types.push_back(t);
  }
  std::vector<uint32_t> indices;
  for (const auto& t : types) indices.push_back(*registry.intern(t));
  for (size_t n = 0; n < types.size(); ++n) {
    EXPECT_EQ(indices[n], n);
    EXPECT_EQ(registry.type(indices[n]), types[n]);
  }
}

}  // namespace
}  // namespace weft::runtime
