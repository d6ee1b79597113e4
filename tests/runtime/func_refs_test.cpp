#include "runtime/func_refs.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace weft::runtime {
namespace {

TEST(FuncRefArena, FuncRefsStayPinnedAcrossManyAllocations) {
  FuncRefArena arena;
  std::vector<VMFuncRef*> refs;
  for (uint32_t i = 0; i < 2000; ++i) {
    Result<VMFuncRef*> r = arena.allocate();
    ASSERT_TRUE(r);
    (*r)->type_index = i;
    refs.push_back(*r);
  }
  for (uint32_t i = 0; i < refs.size(); ++i) EXPECT_EQ(refs[i]->type_index, i);
  EXPECT_EQ(arena.allocated(), 2000u);
}

TEST(FuncRefArena, FillDropsHolesThatGetAnEntry) {
  FuncRefArena arena;
  VMFuncRef* a = *arena.allocate();
  VMFuncRef* b = *arena.allocate();
  a->type_index = 1;
  b->type_index = 2;
  arena.note_hole(a);
  arena.note_hole(b);
  static const int kTrampoline = 0;
  arena.fill([](uint32_t type) -> const void* { return type == 1 ? &kTrampoline : nullptr; });
  EXPECT_EQ(a->wasm_call, &kTrampoline);
  EXPECT_EQ(b->wasm_call, nullptr);
  EXPECT_EQ(arena.holes(), 1u);
}

}  // namespace
}  // namespace weft::runtime
