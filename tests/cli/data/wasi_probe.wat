;; Prints what WASI gives the program: its arguments and environment (a count below 10, then
;; one per line), then
;; the name of the first preopened directory (fd 3) and the contents of hello.txt in it.
(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $fd_prestat_dir_name (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "path_open"
    (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 2)
  ;; 0: iovec, 8: byte count, 16/20: sizes, 24: opened fd, 32: prestat, 1024: pointer array,
  ;; 4096: strings.
  (data (i32.const 200) "args: ")
  (data (i32.const 210) "env: ")
  (data (i32.const 220) "preopen: ")
  (data (i32.const 230) "hello.txt")
  (data (i32.const 240) " ")

  (func $write (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  ;; Writes a count below 10 and a newline.
  (func $write_count (param $n i32)
    (i32.store8 (i32.const 250) (i32.add (i32.const 48) (local.get $n)))
    (i32.store8 (i32.const 251) (i32.const 10))
    (call $write (i32.const 250) (i32.const 2)))

  ;; Writes `len` bytes at 4096 with each NUL turned into a newline.
  (func $write_lines (param $len i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (if (i32.eqz (i32.load8_u offset=4096 (local.get $i)))
          (then (i32.store8 offset=4096 (local.get $i) (i32.const 10))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (call $write (i32.const 4096) (local.get $len)))

  (func $show_preopen
    (local $name_len i32)
    (br_if 0 (call $fd_prestat_get (i32.const 3) (i32.const 32)))
    (local.set $name_len (i32.load (i32.const 36)))
    (br_if 0 (call $fd_prestat_dir_name (i32.const 3) (i32.const 4096) (local.get $name_len)))
    (call $write (i32.const 220) (i32.const 9))
    (call $write (i32.const 4096) (local.get $name_len))
    (call $write (i32.const 240) (i32.const 1))
    ;; rights: fd_read (bit 1)
    (br_if 0 (call $path_open (i32.const 3) (i32.const 0) (i32.const 230) (i32.const 9)
                              (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0)
                              (i32.const 24)))
    (i32.store (i32.const 0) (i32.const 4096))
    (i32.store (i32.const 4) (i32.const 60000))
    (br_if 0 (call $fd_read (i32.load (i32.const 24)) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $write (i32.const 4096) (i32.load (i32.const 8))))

  (func (export "_start")
    (call $write (i32.const 200) (i32.const 6))
    (drop (call $args_sizes_get (i32.const 16) (i32.const 20)))
    (call $write_count (i32.load (i32.const 16)))
    (drop (call $args_get (i32.const 1024) (i32.const 4096)))
    (call $write_lines (i32.load (i32.const 20)))
    (call $write (i32.const 210) (i32.const 5))
    (drop (call $environ_sizes_get (i32.const 16) (i32.const 20)))
    (call $write_count (i32.load (i32.const 16)))
    (drop (call $environ_get (i32.const 1024) (i32.const 4096)))
    (call $write_lines (i32.load (i32.const 20)))
    (call $show_preopen)))
