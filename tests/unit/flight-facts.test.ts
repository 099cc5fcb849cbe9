// The flight alert's facts are data with sources (config/flight-alert.yaml): the shipped file
// loads, and a broken one is refused with every problem named.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFlightFacts, FLIGHT_FACTS, loadFlightFacts } from '../../src/cases/flight-facts.js';
import { tempDir } from '../support/harness.js';

describe('config/flight-alert.yaml', () => {
  const temp = tempDir();

  it('ships every fact with its sources, the fine and the day it was checked', () => {
    const facts = defaultFlightFacts();
    expect(facts.fineEur).toBe(1500);
    expect(facts.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const name of FLIGHT_FACTS) expect(facts.sources[name].length).toBeGreaterThan(0);
  });

  it('refuses a file without sources, fine or date, naming each problem', () => {
    const path = join(temp.dir, 'flight-alert.yaml');
    writeFileSync(path, 'facts:\n  risk:\n    fine_eur: "a lot"\n    sources: []\n');
    expect(() => loadFlightFacts(path)).toThrow(
      /last_checked: a date YYYY-MM-DD is required; facts\.airport\.sources: .*facts\.risk\.sources: .*facts\.risk\.fine_eur: a whole number of euros is required \(code FLIGHT_FACTS_INVALID\)/,
    );
    temp.cleanup();
  });
});
