/**
 * Preloaded (`node --import tsx --import ./bench/maxrss-preload.ts …`) when
 * GNU time is not available: reports the process's peak resident set size (KB)
 * and CPU time (ms) on stderr as it exits, on a line of its own that bench/build-bench.ts looks for.
 */
process.on("exit", () => {
  // The marker is MAXRSS_MARKER in bench/build-bench.ts (not imported: importing this file installs the hook).
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  process.stderr.write(`\nKG_BENCH_MAXRSS_KB ${maxRSS} ${Math.round((userCPUTime + systemCPUTime) / 1000)}\n`);
});

export {};
