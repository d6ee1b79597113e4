;; _start -> outer -> inner, which traps: the backtrace names inner first.
(module
  (func $inner (unreachable))
  (func $outer (call $inner))
  (func (export "_start") (call $outer)))
