// Words that sort the reason a visit was refused at the door into a few fixed buckets (#16), so
// the counts for advocacy say why visits are refused without keeping what anyone wrote. Matched
// lowercased, without accents, at the start of a word; `$` ends a word that must match whole.
// Both languages are tried on every reason: a group may write in either.

import type { Lang } from './lang.js';
import type { RefusalBucket } from '../stats/refusal.js';

/** Buckets with words, in the order they are tried: the first that matches wins. */
export type WordedBucket = Exclude<RefusalBucket, 'none' | 'other'>;

export const REFUSAL_WORDS: Record<Lang, Record<WordedBucket, readonly string[]>> = {
  en: {
    // the person could not be seen: moved, freed, removed, in court, ill, or did not come
    absent: ['transfer', 'moved', 'released', 'freed', 'deported', 'removed', 'expelled', 'hearing', 'court', 'judge', 'hospital', 'not there', 'not available', 'unavailable', 'refused to come', 'did not want', 'didn t want', 'asleep', 'sleeping', 'isolation', 'solitary'],
    // the name they are registered under was not found (facts file A3: it may differ)
    name: ['name', 'unknown', 'not found', 'not registered', 'no such', 'spelling'],
    // the visitor's papers (facts file A3: ID handed in at the entrance)
    papers: ['id$', 'ids$', 'identity', 'passport', 'papers', 'document', 'licence', 'license', 'card'],
    // when: outside visiting hours, too late, full, no appointment
    hours: ['hour', 'late', 'time', 'full', 'appointment', 'slot', 'booking', 'booked', 'closed', 'quota', 'too many'],
    // the centre's own decision: security, an incident, a strike, or no reason given at all
    centre: ['security', 'incident', 'lockdown', 'strike', 'staff', 'no reason', 'without reason', 'no explanation', 'riot', 'fire', 'order'],
  },
  fr: {
    absent: ['transfer', 'libere', 'relache', 'expulse', 'renvoye', 'eloigne', 'audience', 'tribunal', 'juge', 'hopital', 'pas la$', 'absent', 'indisponible', 'pas disponible', 'ne voulait pas', 'refuse de venir', 'pas voulu', 'dort', 'dormait', 'isolement', 'mitard'],
    name: ['nom$', 'noms$', 'inconnu', 'introuvable', 'pas trouve', 'pas enregistre', 'orthographe'],
    papers: ['piece', 'identite', 'passeport', 'papiers', 'carte', 'titre de sejour', 'document'],
    hours: ['heure', 'horaire', 'tard', 'retard', 'complet', 'rendez', 'rdv$', 'creneau', 'ferme', 'quota', 'trop de monde', 'trop nombreux'],
    centre: ['securite', 'incident', 'confinement', 'greve', 'personnel', 'effectif', 'sans motif', 'sans raison', 'aucune raison', 'pas de raison', 'sans explication', 'emeute', 'incendie', 'fouille', 'consigne', 'ordre'],
  },
};
