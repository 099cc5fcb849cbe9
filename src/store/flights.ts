// The latest known deportation flight of each case (#16). The departure time is in clear like
// every time Parloir keeps; the airport and the flight number are sealed under the case's own
// key, so they become unreadable with the case's details (7 days after it closes).

import type { Flight } from '../cases/flight-parse.js';
import type { GroupId } from '../core/ids.js';
import type { Db } from './database.js';
import { type Keyring, subKeyAd } from './keyring.js';
import type { SealingKey, Vault } from './vault.js';

/** The tasks an alert created: tell the lawyer, go to the airport. */
export interface FlightTasks {
  readonly lawyer?: number;
  readonly airport?: number;
}

export interface StoredFlight extends Flight {
  readonly alertedAt: number;
  readonly tasks: FlightTasks;
}

interface Row {
  departs_at: number;
  flight_enc: Uint8Array;
  alerted_at: number;
  lawyer_number: number | null;
  airport_number: number | null;
}

const ad = (group: GroupId, caseId: number) => `case_flights.flight_enc:${group}:${caseId}`;

export class FlightRepository {
  private readonly select;
  private readonly upsert;
  private readonly caseKeyOf;

  constructor(
    db: Db,
    private readonly vault: Vault,
    private readonly keys: Keyring,
  ) {
    this.select = db.prepare('SELECT departs_at, flight_enc, alerted_at, lawyer_number, airport_number FROM case_flights WHERE group_id = ? AND case_id = ?');
    this.upsert = db.prepare(`INSERT INTO case_flights (group_id, case_id, departs_at, flight_enc, alerted_at, lawyer_number, airport_number, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (group_id, case_id) DO UPDATE SET departs_at = excluded.departs_at, flight_enc = excluded.flight_enc,
        alerted_at = excluded.alerted_at, lawyer_number = excluded.lawyer_number, airport_number = excluded.airport_number`);
    this.caseKeyOf = db.prepare('SELECT key_wrapped FROM cases WHERE group_id = ? AND id = ?').pluck();
  }

  /** The case's flight; undefined when none was given or the case's key is already destroyed. */
  get(group: GroupId, caseId: number): StoredFlight | undefined {
    const row = this.select.get(group, caseId) as Row | undefined;
    const key = row ? this.caseKey(group, caseId) : undefined;
    if (!row || !key) return undefined;
    const sealed = JSON.parse(this.vault.open(key, ad(group, caseId), row.flight_enc)) as { airport: string; number?: string };
    const tasks = { ...(row.lawyer_number !== null ? { lawyer: row.lawyer_number } : {}), ...(row.airport_number !== null ? { airport: row.airport_number } : {}) };
    return { departsAt: row.departs_at, airport: sealed.airport, ...(sealed.number ? { number: sealed.number } : {}), alertedAt: row.alerted_at, tasks };
  }

  /**
   * Records the flight just alerted (replacing an earlier one of the case); `alertedAt`, when the
   * flight was alerted earlier (a transferred case's flight, carried to its new group).
   */
  save(group: GroupId, caseId: number, flight: Flight, tasks: FlightTasks, now: number, alertedAt = now): void {
    const key = this.caseKey(group, caseId);
    if (!key) throw new Error(`no key for case ${caseId} (code CASE_KEY_MISSING)`);
    const sealed = this.vault.seal(key, ad(group, caseId), JSON.stringify({ airport: flight.airport, ...(flight.number ? { number: flight.number } : {}) }));
    this.upsert.run(group, caseId, flight.departsAt, sealed, alertedAt, tasks.lawyer ?? null, tasks.airport ?? null, now);
  }

  private caseKey(group: GroupId, caseId: number): SealingKey | undefined {
    const wrapped = this.caseKeyOf.get(group, caseId) as Uint8Array | null | undefined;
    return wrapped ? this.keys.openSubKey(group, wrapped, subKeyAd('cases', group, caseId)) : undefined;
  }
}
