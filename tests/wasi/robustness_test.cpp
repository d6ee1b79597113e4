// Every WASI function called many times with arbitrary arguments (pointers anywhere, near and
// past the end of memory, any descriptor, odd flags) over memory full of noise: each call must
// return an errno, never crash or touch memory it should not (the ASan build checks that too).
#include <random>

#include "wasi_fixture.hpp"

namespace weft::wasi::test {
namespace {

using Robustness = WasiTest;

TEST_F(Robustness, ArbitraryArgumentsNeverCrash) {
  write_file(root_ / "file", "contents");
  std::filesystem::create_directory(root_ / "dir");
  std::filesystem::create_symlink("../outside/secret", root_ / "escape");
  start(WasiConfig().args({"a", "b"}).env("K", "V"));
  std::mt19937_64 rng(12345);
  auto pick = [&](std::initializer_list<uint64_t> choices) {
    return *(choices.begin() + rng() % choices.size());
  };
  auto pointer = [&]() -> uint64_t {
    switch (rng() % 4) {
      case 0:
        return rng() % kMemorySize;
      case 1:
        return kMemorySize - rng() % 64;
      case 2:
        return 0xffffffffull - rng() % 64;
      default:
        return 1024 + rng() % 256;  // where short path strings are
    }
  };
  for (const char* path : {"file", "dir", "escape", "..", "/", "dir/../file", "new"}) put(path);
  for (int round = 0; round < 4000; ++round) {
    // Refresh the noise (and plausible paths at 1024) every so often.
    if (round % 100 == 0) {
      for (uint32_t i = 2048; i < kMemorySize; i += 8) set_u64(i, rng());
    }
    for (const detail::WasiImport& import : detail::wasi_imports()) {
      const std::string name = import.name;
      // proc_exit ends the call by design; poll_oneoff may legitimately sleep for as long as a
      // random clock says.
      if (name == "proc_exit" || name == "poll_oneoff") continue;
      std::vector<Val> args;
      for (const char* p = import.params; *p != '\0'; ++p) {
        if (*p == 'I') {
          args.emplace_back(static_cast<int64_t>(
              pick({0, 1, 7, 4096, ~0ull, 0x7fffffffffffffffull, rng() % 100000})));
        } else {
          const uint64_t v =
              rng() % 3 == 0 ? pick({0, 1, 2, 3, 4, 5, 0xffffffff, rng()}) : pointer();
          args.emplace_back(static_cast<int32_t>(static_cast<uint32_t>(v)));
        }
      }
      // Lengths of paths: mostly short so that some calls get far.
      if (name.rfind("path_", 0) == 0 && args.size() >= 3 && rng() % 2 == 0) {
        for (size_t i = 0; i + 1 < args.size(); ++i) {
          if (import.params[i] == 'i' && import.params[i + 1] == 'i' && rng() % 2 == 0)
            args[i + 1] = Val(static_cast<int32_t>(rng() % 12));
        }
      }
      Val out[1];
      std::optional<Func> f = instance_.get_func(*store_, name);
      Result<void> done = f->call(*store_, args, std::span<Val>(out, 1));
      ASSERT_TRUE(done) << name << ": " << done.error().to_string();
      EXPECT_GE(out[0].i32(), 0) << name;
      EXPECT_LE(out[0].i32(), 76) << name;
    }
  }
  EXPECT_EQ(read_file(outside_ / "secret"), "secret");
}

}  // namespace
}  // namespace weft::wasi::test
