// A test bench for WASI: a module that re-exports every wasi_snapshot_preview1 import through a
// wasm wrapper (so each call comes from wasm, with the module's memory), a temporary directory
// tree made and removed per test, and helpers to place data in linear memory.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "weft/weft.hpp"

namespace weft::wasi::test {

// WASI errno values the tests check (witx numbering).
enum : int32_t {
  kSuccess = 0,
  kAcces = 2,
  kBadf = 8,
  kExist = 20,
  kFault = 21,
  kInval = 28,
  kIsdir = 31,
  kLoop = 32,
  kNametoolong = 37,
  kNoent = 44,
  kNotdir = 54,
  kNotempty = 55,
  kNotsup = 58,
  kNotcapable = 76,
  kIlseq = 25,
};

// Rights bits and flags used in the tests.
inline constexpr uint64_t kRightFdRead = 1ull << 1, kRightFdSeek = 1ull << 2,
                          kRightFdTell = 1ull << 5, kRightFdWrite = 1ull << 6,
                          kRightFdReaddir = 1ull << 14, kRightFdFilestatGet = 1ull << 21,
                          kRightPathOpen = 1ull << 13, kRightsAll = (1ull << 30) - 1;
inline constexpr uint32_t kOflagCreat = 1, kOflagDirectory = 2, kOflagExcl = 4, kOflagTrunc = 8;
inline constexpr uint32_t kFollow = 1;

struct WasiData {
  std::unique_ptr<WasiCtx> wasi;
};

// The text of a module exporting memory and, for each WASI function, a wrapper of the same name.
inline std::string forwarding_module() {
  std::string imports, funcs;
  for (const detail::WasiImport& import : detail::wasi_imports()) {
    std::string params, body;
    int index = 0;
    for (const char* p = import.params; *p != '\0'; ++p, ++index) {
      params += *p == 'I' ? " i64" : " i32";
      body += " local.get " + std::to_string(index);
    }
    const std::string sig = (params.empty() ? "" : " (param" + params + ")") +
                            std::string(import.returns_errno ? " (result i32)" : "");
    imports += "  (import \"wasi_snapshot_preview1\" \"" + std::string(import.name) + "\" (func $" +
               import.name + sig + "))\n";
    funcs += "  (func (export \"" + std::string(import.name) + "\")" + sig + body + " call $" +
             import.name + ")\n";
  }
  return "(module\n" + imports + funcs + "  (memory (export \"memory\") 2))\n";
}

class WasiTest : public ::testing::Test {
 protected:
  static constexpr uint32_t kMemorySize = 2 * 65536;

  void SetUp() override {
    char templ[] = "/tmp/weft-wasi-XXXXXX";
    ASSERT_NE(::mkdtemp(templ), nullptr);
    top_ = templ;
    root_ = top_ / "root";
    outside_ = top_ / "outside";
    std::filesystem::create_directory(root_);
    std::filesystem::create_directory(outside_);
    write_file(outside_ / "secret", "secret");
  }

  void TearDown() override {
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(top_, ignored);
  }

  static void write_file(const std::filesystem::path& path, std::string_view contents) {
    std::ofstream(path, std::ios::binary) << contents;
  }
  static std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  // Instantiates the forwarding module with `config` (the root directory preopened as fd 3
  // unless `preopen_root` is false).
  void start(WasiConfig config = WasiConfig(), bool preopen_root = true) {
    if (preopen_root) config.preopen_dir(root_.string(), "/sandbox");
    Result<std::unique_ptr<WasiCtx>> ctx = WasiCtx::create(config);
    ASSERT_TRUE(ctx) << ctx.error().to_string();
    store_ = std::make_unique<Store<WasiData>>(engine_, WasiData{std::move(*ctx)});
    Linker<WasiData> linker(engine_);
    add_to_linker(linker, [](WasiData& d) -> WasiCtx& { return *d.wasi; });
    Result<Module> module = Module::from_text(engine_, forwarding_module());
    ASSERT_TRUE(module) << module.error().to_string();
    Result<Instance> instance = linker.instantiate(*store_, *module);
    ASSERT_TRUE(instance) << instance.error().to_string();
    instance_ = *instance;
    memory_ = *instance_.get_memory(*store_, "memory");
    next_ = 1024;
  }

  // Calls the WASI function `name`; i64 parameters take the full value, i32 the low bits.
  Result<int32_t> try_call(std::string_view name, std::initializer_list<uint64_t> args) {
    const detail::WasiImport* import = nullptr;
    for (const detail::WasiImport& i : detail::wasi_imports())
      if (name == i.name) import = &i;
    EXPECT_NE(import, nullptr) << name;
    std::vector<Val> in;
    size_t index = 0;
    for (uint64_t arg : args) {
      if (import->params[index++] == 'I')
        in.emplace_back(static_cast<int64_t>(arg));
      else
        in.emplace_back(static_cast<int32_t>(static_cast<uint32_t>(arg)));
    }
    EXPECT_EQ(index, std::strlen(import->params)) << name;
    Val out[1];
    std::optional<Func> f = instance_.get_func(*store_, name);
    Result<void> done = f->call(*store_, in, std::span<Val>(out, import->returns_errno ? 1 : 0));
    if (!done) return std::move(done).error();
    return out[0].i32();
  }
  int32_t call(std::string_view name, std::initializer_list<uint64_t> args) {
    Result<int32_t> r = try_call(name, args);
    EXPECT_TRUE(r) << name << ": " << r.error().to_string();
    return r ? *r : -1;
  }

  std::span<uint8_t> mem() { return memory_.data(*store_); }
  // Reserves `size` bytes of scratch memory (8-aligned) and returns their address.
  uint32_t alloc(uint32_t size) {
    const uint32_t at = next_;
    next_ = (next_ + size + 7) & ~7u;
    EXPECT_LE(next_, kMemorySize);
    std::memset(mem().data() + at, 0, size);
    return at;
  }
  uint32_t put(std::string_view s) {
    const uint32_t at = alloc(static_cast<uint32_t>(s.size()) + 1);
    std::memcpy(mem().data() + at, s.data(), s.size());
    return at;
  }
  uint32_t u32_at(uint32_t at) {
    uint32_t v;
    std::memcpy(&v, mem().data() + at, 4);
    return v;
  }
  uint64_t u64_at(uint32_t at) {
    uint64_t v;
    std::memcpy(&v, mem().data() + at, 8);
    return v;
  }
  uint16_t u16_at(uint32_t at) {
    uint16_t v;
    std::memcpy(&v, mem().data() + at, 2);
    return v;
  }
  void set_u32(uint32_t at, uint32_t v) { std::memcpy(mem().data() + at, &v, 4); }
  void set_u64(uint32_t at, uint64_t v) { std::memcpy(mem().data() + at, &v, 8); }
  std::string str_at(uint32_t at, uint32_t len) {
    return std::string(reinterpret_cast<const char*>(mem().data() + at), len);
  }
  // An iovec array of one buffer holding `data` (or `capacity` zero bytes when reading).
  uint32_t iovec(std::string_view data, uint32_t capacity = 0) {
    const uint32_t buf = alloc(std::max<uint32_t>(static_cast<uint32_t>(data.size()), capacity));
    std::memcpy(mem().data() + buf, data.data(), data.size());
    const uint32_t vec = alloc(8);
    set_u32(vec, buf);
    set_u32(vec + 4, capacity != 0 ? capacity : static_cast<uint32_t>(data.size()));
    return vec;
  }

  // path_open beneath `dir`; returns the errno and stores the new descriptor in `fd`.
  int32_t open(uint32_t dir, std::string_view path, uint32_t oflags, uint64_t rights, uint32_t& fd,
               uint32_t lookup = kFollow, uint32_t fdflags = 0, uint64_t inheriting = kRightsAll) {
    const uint32_t p = put(path), out = alloc(4);
    const int32_t e =
        call("path_open", {dir, lookup, p, path.size(), oflags, rights, inheriting, fdflags, out});
    fd = u32_at(out);
    return e;
  }
  int32_t open_errno(std::string_view path, uint32_t oflags = 0, uint32_t lookup = kFollow,
                     uint64_t rights = kRightFdRead) {
    uint32_t fd = 0;
    return open(3, path, oflags, rights, fd, lookup);
  }
  int32_t write(uint32_t fd, std::string_view data) {
    const uint32_t vec = iovec(data), n = alloc(4);
    const int32_t e = call("fd_write", {fd, vec, 1, n});
    if (e == kSuccess) {
      EXPECT_EQ(u32_at(n), data.size());
    }
    return e;
  }
  std::string read(uint32_t fd, uint32_t capacity) {
    const uint32_t vec = iovec("", capacity), n = alloc(4);
    EXPECT_EQ(call("fd_read", {fd, vec, 1, n}), kSuccess);
    return str_at(u32_at(vec), u32_at(n));
  }
  // A one-path call (path_create_directory, path_unlink_file, ...) on fd 3.
  int32_t path_call(std::string_view name, std::string_view path, uint32_t dir = 3) {
    const uint32_t p = put(path);
    return call(name, {dir, p, path.size()});
  }

  Engine engine_;
  std::unique_ptr<Store<WasiData>> store_;
  Instance instance_;
  Memory memory_;
  uint32_t next_ = 1024;
  std::filesystem::path top_, root_, outside_;
};

}  // namespace weft::wasi::test
