// Arguments, environment, clocks, randomness, exit and the small process calls.
#include <time.h>

#include "wasi_fixture.hpp"

namespace weft::wasi::test {
namespace {

using ProcessCalls = WasiTest;

TEST_F(ProcessCalls, ArgsRoundTripThroughSizesAndGet) {
  start(WasiConfig().args({"prog", "", "two words"}).arg("last"));
  const uint32_t count = alloc(4), size = alloc(4);
  ASSERT_EQ(call("args_sizes_get", {count, size}), kSuccess);
  EXPECT_EQ(u32_at(count), 4u);
  EXPECT_EQ(u32_at(size), 5u + 1u + 10u + 5u);
  const uint32_t argv = alloc(16), buf = alloc(u32_at(size));
  ASSERT_EQ(call("args_get", {argv, buf}), kSuccess);
  const char* expected[] = {"prog", "", "two words", "last"};
  for (uint32_t i = 0; i < 4; ++i) {
    const uint32_t at = u32_at(argv + 4 * i);
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(mem().data() + at)), expected[i]);
  }
  EXPECT_EQ(u32_at(argv), buf);
}

TEST_F(ProcessCalls, EnvironmentHoldsSetVariablesAndOverridesInherited) {
  ::setenv("WEFT_WASI_TEST_INHERITED", "from-host", 1);
  ::setenv("WEFT_WASI_TEST_OVERRIDDEN", "host", 1);
  start(WasiConfig().inherit_env().env("WEFT_WASI_TEST_OVERRIDDEN", "config").env("A", "b=c"));
  const uint32_t count = alloc(4), size = alloc(4);
  ASSERT_EQ(call("environ_sizes_get", {count, size}), kSuccess);
  const uint32_t n = u32_at(count);
  const uint32_t ptrs = alloc(4 * n), buf = alloc(u32_at(size));
  ASSERT_EQ(call("environ_get", {ptrs, buf}), kSuccess);
  std::vector<std::string> vars;
  for (uint32_t i = 0; i < n; ++i)
    vars.emplace_back(reinterpret_cast<const char*>(mem().data() + u32_at(ptrs + 4 * i)));
  auto has = [&](const std::string& v) {
    return std::find(vars.begin(), vars.end(), v) != vars.end();
  };
  EXPECT_TRUE(has("WEFT_WASI_TEST_INHERITED=from-host"));
  EXPECT_TRUE(has("WEFT_WASI_TEST_OVERRIDDEN=config"));
  EXPECT_FALSE(has("WEFT_WASI_TEST_OVERRIDDEN=host"));
  EXPECT_TRUE(has("A=b=c"));
}

TEST_F(ProcessCalls, EnvironmentIsEmptyUnlessGiven) {
  start();
  const uint32_t count = alloc(4), size = alloc(4);
  ASSERT_EQ(call("environ_sizes_get", {count, size}), kSuccess);
  EXPECT_EQ(u32_at(count), 0u);
  EXPECT_EQ(u32_at(size), 0u);
}

TEST_F(ProcessCalls, ClocksTellTheTime) {
  start();
  const uint32_t t = alloc(8);
  ASSERT_EQ(call("clock_time_get", {0, 1, t}), kSuccess);
  const uint64_t realtime = u64_at(t);
  EXPECT_NEAR(static_cast<double>(realtime / 1000000000u), static_cast<double>(::time(nullptr)), 2);
  ASSERT_EQ(call("clock_time_get", {1, 1, t}), kSuccess);
  const uint64_t mono1 = u64_at(t);
  ASSERT_EQ(call("clock_time_get", {1, 1, t}), kSuccess);
  EXPECT_GE(u64_at(t), mono1);
  for (uint64_t clock : {2, 3}) {
    ASSERT_EQ(call("clock_time_get", {clock, 0, t}), kSuccess);
    EXPECT_GT(u64_at(t), 0u);
  }
  for (uint64_t clock : {0, 1, 2, 3}) {
    set_u64(t, 0);
    ASSERT_EQ(call("clock_res_get", {clock, t}), kSuccess);
    EXPECT_GT(u64_at(t), 0u);
    EXPECT_LE(u64_at(t), 1000000000u);
  }
  EXPECT_EQ(call("clock_time_get", {4, 0, t}), kInval);
  EXPECT_EQ(call("clock_res_get", {99, t}), kInval);
  EXPECT_EQ(call("clock_time_get", {0, 0, kMemorySize - 4}), kFault);
  EXPECT_EQ(call("clock_res_get", {0, 0xfffffffc}), kFault);
}

TEST_F(ProcessCalls, RandomGetFillsTheBuffer) {
  start();
  const uint32_t buf = alloc(256);
  ASSERT_EQ(call("random_get", {buf, 256}), kSuccess);
  int nonzero = 0;
  for (uint32_t i = 0; i < 256; ++i) nonzero += mem()[buf + i] != 0;
  EXPECT_GT(nonzero, 200);
  EXPECT_EQ(call("random_get", {buf, 0}), kSuccess);
  EXPECT_EQ(call("random_get", {kMemorySize - 8, 9}), kFault);
  EXPECT_EQ(call("random_get", {0xfffffff0, 0x20}), kFault);
}

TEST_F(ProcessCalls, ProcExitUnwindsWithTheExitCode) {
  start();
  Result<int32_t> r = try_call("proc_exit", {42});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::Exit);
  EXPECT_EQ(r.error().exit_code, 42);
}

TEST_F(ProcessCalls, ProcRaiseIsNotSupportedAndSchedYieldSucceeds) {
  start();
  EXPECT_EQ(call("proc_raise", {15}), kNotsup);
  EXPECT_EQ(call("sched_yield", {}), kSuccess);
}

constexpr const char* kHello = R"((module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello, world\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 13))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $proc_exit (i32.const 3))
    unreachable))
)";

TEST_F(ProcessCalls, ProgramWritesToStdoutPipeAndExits) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  Result<std::unique_ptr<WasiCtx>> ctx = WasiCtx::create(WasiConfig().stdout_fd(fds[1]));
  ASSERT_TRUE(ctx);
  ::close(fds[1]);  // the context holds its own duplicate
  Store<WasiData> store(engine_, WasiData{std::move(*ctx)});
  Linker<WasiData> linker(engine_);
  add_to_linker(linker, [](WasiData& d) -> WasiCtx& { return *d.wasi; });
  Result<Module> module = Module::from_text(engine_, kHello);
  ASSERT_TRUE(module) << module.error().to_string();
  Result<Instance> instance = linker.instantiate(store, *module);
  ASSERT_TRUE(instance) << instance.error().to_string();
  auto start = instance->get_typed_func<void()>(store, "_start");
  ASSERT_TRUE(start);
  Result<void> run = start->call(store);
  ASSERT_FALSE(run);
  EXPECT_EQ(run.error().kind, ErrorKind::Exit);
  EXPECT_EQ(run.error().exit_code, 3);
  store.data().wasi.reset();  // closes the write end: the reader sees end of file
  char out[64] = {};
  EXPECT_EQ(::read(fds[0], out, sizeof(out)), 13);
  EXPECT_STREQ(out, "hello, world\n");
  ::close(fds[0]);
}

TEST_F(ProcessCalls, MissingMemoryExportIsAnError) {
  constexpr const char* kNoMemory = R"((module
    (import "wasi_snapshot_preview1" "args_sizes_get" (func $f (param i32 i32) (result i32)))
    (func (export "go") (result i32) (call $f (i32.const 0) (i32.const 4))))
  )";
  Result<std::unique_ptr<WasiCtx>> ctx = WasiCtx::create(WasiConfig());
  ASSERT_TRUE(ctx);
  Store<WasiData> store(engine_, WasiData{std::move(*ctx)});
  Linker<WasiData> linker(engine_);
  add_to_linker(linker, [](WasiData& d) -> WasiCtx& { return *d.wasi; });
  Result<Module> module = Module::from_text(engine_, kNoMemory);
  ASSERT_TRUE(module);
  Result<Instance> instance = linker.instantiate(store, *module);
  ASSERT_TRUE(instance);
  auto go = instance->get_typed_func<int32_t()>(store, "go");
  ASSERT_TRUE(go);
  EXPECT_FALSE(go->call(store));
}

TEST_F(ProcessCalls, CreateFailsForAMissingPreopenDirectory) {
  Result<std::unique_ptr<WasiCtx>> ctx =
      WasiCtx::create(WasiConfig().preopen_dir((top_ / "nope").string(), "/x"));
  ASSERT_FALSE(ctx);
  EXPECT_EQ(ctx.error().kind, ErrorKind::Io);
}

TEST_F(ProcessCalls, AClosedHostStreamIsClosedForTheProgram) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ::close(fds[0]);
  ::close(fds[1]);  // fds[1] is now a closed descriptor number
  start(WasiConfig().stdout_fd(fds[1]), false);
  EXPECT_EQ(write(1, "x"), kBadf);
  EXPECT_EQ(write(2, "x"), kSuccess);  // unset: /dev/null
}

TEST_F(ProcessCalls, EveryPreview1FunctionIsDefined) {
  const char* names[] = {"args_get",
                         "args_sizes_get",
                         "environ_get",
                         "environ_sizes_get",
                         "clock_res_get",
                         "clock_time_get",
                         "random_get",
                         "fd_advise",
                         "fd_allocate",
                         "fd_close",
                         "fd_datasync",
                         "fd_fdstat_get",
                         "fd_fdstat_set_flags",
                         "fd_fdstat_set_rights",
                         "fd_filestat_get",
                         "fd_filestat_set_size",
                         "fd_filestat_set_times",
                         "fd_pread",
                         "fd_prestat_get",
                         "fd_prestat_dir_name",
                         "fd_pwrite",
                         "fd_read",
                         "fd_readdir",
                         "fd_renumber",
                         "fd_seek",
                         "fd_sync",
                         "fd_tell",
                         "fd_write",
                         "path_create_directory",
                         "path_filestat_get",
                         "path_filestat_set_times",
                         "path_link",
                         "path_open",
                         "path_readlink",
                         "path_remove_directory",
                         "path_rename",
                         "path_symlink",
                         "path_unlink_file",
                         "poll_oneoff",
                         "proc_exit",
                         "proc_raise",
                         "sched_yield",
                         "sock_accept",
                         "sock_recv",
                         "sock_send",
                         "sock_shutdown"};
  EXPECT_EQ(detail::wasi_imports().size(), std::size(names));
  for (const char* name : names) {
    bool found = false;
    for (const detail::WasiImport& i : detail::wasi_imports())
      found = found || name == std::string(i.name);
    EXPECT_TRUE(found) << name;
  }
}

}  // namespace
}  // namespace weft::wasi::test
