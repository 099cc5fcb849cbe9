// Textes de `npx parloir stats` (#16), en français : doit suivre stats-en.ts.

import type { StatsMessages } from './stats-en.js';

const COLUMNS: Readonly<Record<string, string>> = {
  visit_done: 'Visites faites',
  visit_refused_absent: 'Refus : personne indisponible',
  visit_refused_name: 'Refus : nom introuvable',
  visit_refused_papers: 'Refus : papiers du visiteur',
  visit_refused_hours: 'Refus : horaires, complet, rendez-vous',
  visit_refused_centre: 'Refus : décision du centre',
  visit_refused_other: 'Refus : autre raison',
  visit_refused_none: 'Refus : raison non donnée',
  package_done: 'Colis remis',
  credit_done: 'Recharges téléphoniques remises',
  hearing_done: 'Audiences suivies',
  airport_done: 'Présence à l’aéroport avant un vol',
  pickup_done: 'Accueils à la sortie',
  lawyer_in_time: 'Avocat·e joint·e à temps',
  lawyer_late: 'Avocat·e joint·e en retard',
  lawyer_missed: 'Échéance avocat·e manquée',
  case_released: 'Dossiers : libération',
  case_deported: 'Dossiers : expulsion',
  case_transferred: 'Dossiers : transfert',
};

export const statsFr: StatsMessages = {
  statsUsage: () =>
    'Usage : npx parloir stats --from 2026-01 --to 2026-12 [--centre <id>] [--out <dossier>]   (des comptes seulement ; mois en AAAA-MM)',
  statsBadMonth: (p) => `${p.option} « ${p.value} » n’est pas un mois : l’écrire AAAA-MM, par ex. 2026-01.`,
  statsFromAfterTo: (p) => `--from ${p.from} est après --to ${p.to} : donner d’abord le mois le plus ancien.`,
  statsUnknownOption: (p) => `Option inconnue « ${p.option} ».`,
  statsMissingValue: (p) => `${p.option} demande une valeur.`,
  statsUnknownCentre: (p) => `Aucun centre « ${p.id} ». Les identifiants : npx parloir centres`,
  statsTooLong: (p) => `Au plus ${p.max} mois à la fois.`,
  statsNothingEnded: (p) => `${p.first} n’est pas terminé : seuls les mois terminés sont exportés (leurs comptes ne changent plus).`,
  statsLeftOut: (p) => `Laissés de côté, pas encore terminés : ${p.months}.`,
  statsNoDatabase: (p) => `Pas de base de données à ${p.path} (PARLOIR_DB). Rien à compter.`,
  statsCannotWrite: (p) => `Impossible d’écrire dans ${p.folder} (${p.code}) : donner à --out un dossier où écrire.`,
  statsWritten: (p) => `${p.files} fichier(s) écrit(s) dans ${p.folder}.`,
  chartTitle: (p) => `Parloir — ${p.month} — ${p.centre ?? 'tous les centres'}`,
  chartColumn: (p) => COLUMNS[p.id] ?? p.id,
  chartMedian: (p) =>
    `Délai médian pour joindre un·e avocat·e : ${p.small ? 'moins de 5 demandes, non affiché' : p.hours === undefined ? 'aucun ce mois-ci' : `${String(p.hours).replace('.', ',')} h`}`,
  chartNoteSmall: () => '<5 : entre 1 et 4, non affiché pour que personne ne soit reconnaissable.',
  chartNoteWithheld: () => '≥5 : 5 ou plus, retenu pour qu’un petit nombre ailleurs ne puisse pas en être déduit.',
};
