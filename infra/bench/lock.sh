# Sourced by the benchmark scripts: `with_lock CMD…` runs a command (or shell function) holding the file lock
# BENCH_LOCK when it is set (a machine shared by several people's benchmarks), else runs it as it is.
with_lock() {
  if [ -z "${BENCH_LOCK:-}" ]; then
    "$@"
    return
  fi
  local status=0
  exec {lock_fd}>>"$BENCH_LOCK"
  flock "$lock_fd"
  # Not inherited: a server started inside (the bench cluster, a peer) must not keep the lock's file open.
  "$@" {lock_fd}>&- || status=$?
  flock -u "$lock_fd"
  exec {lock_fd}>&-
  return $status
}
