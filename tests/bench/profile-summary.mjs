// Summarises a V8 .cpuprofile (node --cpu-prof): self and inclusive time per function, or per
// file. Usage: node tests/bench/profile-summary.mjs <file.cpuprofile> [top=30] [fn|file]

import { readFileSync } from 'node:fs';
import process from 'node:process';

const [file, topText = '30', mode = 'fn'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: profile-summary.mjs <file.cpuprofile> [top] [fn|file]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);

const shortUrl = (url) => url.replace(/^file:\/\/.*?\/(dist|tests|node_modules)\//, '$1/').replace(/^node_modules\//, '');
const keyOf = (n) => {
  const f = n.callFrame;
  if (mode === 'file') return shortUrl(f.url) || f.functionName || '(native)';
  return `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
};

const selfById = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  selfById.set(id, (selfById.get(id) ?? 0) + dt);
});
const self = new Map();
const inclusive = new Map();
for (const [id, dt] of selfById) {
  self.set(keyOf(nodes.get(id)), (self.get(keyOf(nodes.get(id))) ?? 0) + dt);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parentOf.get(cur)) {
    const key = keyOf(nodes.get(cur));
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
  }
}
const idle = self.get(mode === 'file' ? '(idle)' : '(idle) ') ?? 0;
const busy = total - idle;
const pct = (t) => `${((100 * t) / busy).toFixed(1).padStart(5)}%`;
const top = Number(topText);
process.stdout.write(`${(total / 1e6).toFixed(2)} s sampled, ${(busy / 1e6).toFixed(2)} s busy; percentages are of busy time\n\nself:\n`);
for (const [k, t] of [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${pct(t)}  ${k}\n`);
process.stdout.write('\ninclusive:\n');
for (const [k, t] of [...inclusive].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, top)) {
  process.stdout.write(`${pct(t)}  ${k}\n`);
}
