;; Imports a function no one provides.
(module
  (import "env" "missing" (func))
  (func (export "_start") (call 0)))
