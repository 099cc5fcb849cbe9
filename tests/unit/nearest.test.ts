// Ordering centres for /missing (#16): great-circle distances between the approximate positions
// of config/centres.yaml; the origin first, its country next, a border region last, no
// overseas centre from the mainland; and the positions' own validation.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Centre, CentreDirectory, CentresError, loadCentres } from '../../src/core/centres.js';
import { distanceKm, nearestCentres } from '../../src/core/nearest.js';
import { tempDir } from '../support/harness.js';

const real = loadCentres(join(import.meta.dirname, '..', '..', 'config', 'centres.yaml'));

function centre(id: string, country: string, lat: number, lon: number, extra: Partial<Centre> = {}): Centre {
  return { id, name: id, country, timezone: 'Europe/Paris', jurisdiction: country === 'BE' ? 'be' : 'fr', card: {}, location: { lat, lon, place: id }, ...extra };
}

describe('distanceKm', () => {
  it('gives the great-circle distance (Paris–Lille about 204 km, Paris–Saint-Denis de La Réunion about 9,350 km)', () => {
    const paris = { lat: 48.8566, lon: 2.3522, place: 'Paris' };
    expect(distanceKm(paris, { lat: 50.6292, lon: 3.0573, place: 'Lille' })).toBeCloseTo(204, -1);
    expect(distanceKm(paris, { lat: -20.88, lon: 55.45, place: 'Saint-Denis' })).toBeGreaterThan(9_000);
    expect(distanceKm(paris, paris)).toBe(0);
  });
});

describe('nearestCentres', () => {
  const origin = centre('a', 'FR', 50.0, 2.0);
  const directory = new CentreDirectory([
    origin,
    centre('far-fr', 'FR', 45.0, 2.0), // ~556 km
    centre('near-fr', 'FR', 50.5, 2.0), // ~56 km
    centre('near-be', 'BE', 50.9, 2.0), // ~100 km, across a border
    centre('far-be', 'BE', 51.0, 5.0), // ~235 km
    centre('overseas', 'FR', 16.27, -61.5),
    centre('legacy', 'FR', 50.1, 2.0, { inLists: false }),
    { ...centre('nowhere', 'FR', 0, 0), location: undefined } as Centre,
  ]);

  it('lists the origin, then its own country by distance, then other countries within 150 km', () => {
    const near = nearestCentres(directory, origin).map((n) => [n.centre.id, n.km]);
    expect(near).toEqual([
      ['a', undefined],
      ['near-fr', 56],
      ['far-fr', 556],
      ['near-be', 100],
    ]);
  });

  it('keeps at most six centres of the same country, the origin included', () => {
    const many = new CentreDirectory([origin, ...Array.from({ length: 9 }, (_, i) => centre(`c${i}`, 'FR', 50 + (i + 1) / 10, 2))]);
    expect(nearestCentres(many, origin).map((n) => n.centre.id)).toEqual(['a', 'c0', 'c1', 'c2', 'c3', 'c4']);
  });

  it('an overseas origin lists itself only; an origin with no position too', () => {
    expect(nearestCentres(real, real.get('les-abymes')!).map((n) => n.centre.id)).toEqual(['les-abymes']);
    expect(nearestCentres(directory, directory.get('nowhere')!).map((n) => n.centre.id)).toEqual(['nowhere']);
  });

  it('every centre of the shipped file has a commune-level position', () => {
    for (const c of real.list()) expect(c.location, c.id).toBeDefined();
    expect(real.get('coquelles')!.location).toEqual({ lat: 50.93, lon: 1.8, place: 'Coquelles' });
    expect(real.get('mesnil-amelot')!.inLists).toBe(false);
  });
});

describe('centre positions in the file', () => {
  it('refuses a position that is not { lat, lon, precision: commune, place }', () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'centres.yaml');
      const base = '  - id: x\n    name: X\n    timezone: Europe/Paris\n    jurisdiction: fr\n';
      writeFileSync(path, `centres:\n${base}    location: { lat: 95, lon: 2, precision: commune, place: "X" }\n`);
      expect(() => loadCentres(path)).toThrow(CentresError);
      writeFileSync(path, `centres:\n${base}    location: { lat: 50, lon: 2, precision: street, place: "X" }\n`);
      expect(() => loadCentres(path)).toThrow(/location must be/);
      writeFileSync(path, `centres:\n${base}    in_lists: true\n`);
      expect(() => loadCentres(path)).toThrow(/in_lists can only be false/);
      writeFileSync(path, `centres:\n${base}    location: { lat: 50, lon: 2, precision: commune, place: "X" }\n`);
      expect(loadCentres(path).get('x')?.location).toEqual({ lat: 50, lon: 2, place: 'X' });
    } finally {
      cleanup();
    }
  });
});
