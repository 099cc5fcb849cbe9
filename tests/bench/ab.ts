// A/B for a candidate optimisation: the end-to-end load against the service of two (or more)
// builds, in alternating 3 s windows of one run, reporting commands/s and service CPU per
// command for each. A build is a directory holding dist/ and tests/bench/ (e.g. a copy of the
// repository with a patched dist/). See docs/profiling.md.
// Usage: node --import tsx tests/bench/ab.ts <build dir> <build dir> [rounds=4]

import { startVariant, type Variant } from './end-to-end.js';

const args = process.argv.slice(2);
const builds = args.filter((a) => !/^\d+$/.test(a));
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? '4');
if (builds.length < 2) {
  process.stderr.write('usage: ab.ts <build dir> <build dir> [rounds]\n');
  process.exit(2);
}
const closed = (ms: number) => ({ type: 'closed', concurrency: 50, ms, maxCommands: 1e9, record: false }) as const;
const variants: Variant[] = [];
try {
  for (const build of builds) variants.push(await startVariant({ plaintext: false, mode: 'json-rpc', groups: 20, service: `${build}/tests/bench/e2e-service.mjs` }));
  for (const v of variants) await v.run(closed(2_000));
  const totals = builds.map(() => ({ completed: 0, ms: 0, cpuMs: 0 }));
  for (let round = 0; round < rounds; round++) {
    const order = variants.map((_, k) => k);
    if (round % 2 === 1) order.reverse();
    for (const k of order) {
      const r = await variants[k]!.run(closed(3_000));
      const t = totals[k]!;
      t.completed += r.completed;
      t.ms += r.ms;
      t.cpuMs += r.cpuMs;
    }
  }
  totals.forEach((t, k) => {
    process.stdout.write(`${builds[k]}: ${((t.completed / t.ms) * 1000).toFixed(0)} commands/s, ${((t.cpuMs * 1000) / t.completed).toFixed(0)} µs service CPU per command\n`);
  });
} finally {
  for (const v of variants) await v.close();
}
