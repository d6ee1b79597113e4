// The list of wasi_snapshot_preview1 functions: name, parameter types ('i' i32, 'I' i64),
// whether it returns an errno, whether it touches memory. Each is implemented by a function
// `call_<name>` in one of this folder's files; imports.cpp builds the table from this list.
#pragma once

#include <cstdint>
#include <span>

#include "weft/result.hpp"
#include "weft/wasi.hpp"

// X(name, params, returns_errno, needs_memory)
#define WEFT_WASI_IMPORTS(X)                        \
  X(args_get, "ii", true, true)                     \
  X(args_sizes_get, "ii", true, true)               \
  X(clock_res_get, "ii", true, true)                \
  X(clock_time_get, "iIi", true, true)              \
  X(environ_get, "ii", true, true)                  \
  X(environ_sizes_get, "ii", true, true)            \
  X(fd_advise, "iIIi", true, false)                 \
  X(fd_allocate, "iII", true, false)                \
  X(fd_close, "i", true, false)                     \
  X(fd_datasync, "i", true, false)                  \
  X(fd_fdstat_get, "ii", true, true)                \
  X(fd_fdstat_set_flags, "ii", true, false)         \
  X(fd_fdstat_set_rights, "iII", true, false)       \
  X(fd_filestat_get, "ii", true, true)              \
  X(fd_filestat_set_size, "iI", true, false)        \
  X(fd_filestat_set_times, "iIIi", true, false)     \
  X(fd_pread, "iiiIi", true, true)                  \
  X(fd_prestat_dir_name, "iii", true, true)         \
  X(fd_prestat_get, "ii", true, true)               \
  X(fd_pwrite, "iiiIi", true, true)                 \
  X(fd_read, "iiii", true, true)                    \
  X(fd_readdir, "iiiIi", true, true)                \
  X(fd_renumber, "ii", true, false)                 \
  X(fd_seek, "iIii", true, true)                    \
  X(fd_sync, "i", true, false)                      \
  X(fd_tell, "ii", true, true)                      \
  X(fd_write, "iiii", true, true)                   \
  X(path_create_directory, "iii", true, true)       \
  X(path_filestat_get, "iiiii", true, true)         \
  X(path_filestat_set_times, "iiiiIIi", true, true) \
  X(path_link, "iiiiiii", true, true)               \
  X(path_open, "iiiiiIIii", true, true)             \
  X(path_readlink, "iiiiii", true, true)            \
  X(path_remove_directory, "iii", true, true)       \
  X(path_rename, "iiiiii", true, true)              \
  X(path_symlink, "iiiii", true, true)              \
  X(path_unlink_file, "iii", true, true)            \
  X(poll_oneoff, "iiii", true, true)                \
  X(proc_exit, "i", false, false)                   \
  X(proc_raise, "i", true, false)                   \
  X(random_get, "ii", true, true)                   \
  X(sched_yield, "", true, false)                   \
  X(sock_accept, "iii", true, true)                 \
  X(sock_recv, "iiiiii", true, true)                \
  X(sock_send, "iiiii", true, true)                 \
  X(sock_shutdown, "ii", true, false)

namespace weft::wasi {

#define WEFT_WASI_DECLARE(name, params, returns_errno, needs_memory) \
  Result<uint32_t> call_##name(WasiCtx& ctx, std::span<uint8_t> memory, const uint64_t* args);
WEFT_WASI_IMPORTS(WEFT_WASI_DECLARE)
#undef WEFT_WASI_DECLARE

}  // namespace weft::wasi
