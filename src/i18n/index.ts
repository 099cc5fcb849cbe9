// Message keys with typed parameters, rendered in a language at the last moment.

import { cliEn, type CliMessages } from './cli-en.js';
import { cliFr } from './cli-fr.js';
import { en, type Messages } from './en.js';
import { fr } from './fr.js';
import { statsEn, type StatsMessages } from './stats-en.js';
import { statsFr } from './stats-fr.js';
import type { Lang } from './lang.js';
import { COMMAND_WORDS, type CommandName } from './words.js';

export type { Lang } from './lang.js';
export { isLang, LANGS } from './lang.js';

const CATALOGUES: Record<Lang, Messages> = { en, fr };

export type MessageKey = keyof Messages;

/** A message to render later: its key and the parameters its text needs. */
export type Msg = { [K in MessageKey]: { readonly key: K; readonly args: Parameters<Messages[K]> } }[MessageKey];

export function msg<K extends MessageKey>(key: K, ...args: Parameters<Messages[K]>): Msg {
  return { key, args } as Msg;
}

export function render(lang: Lang, message: Msg): string {
  const template = CATALOGUES[lang][message.key] as (...args: Parameters<Messages[typeof message.key]>) => string;
  return template(...message.args);
}

export function t<K extends MessageKey>(lang: Lang, key: K, ...args: Parameters<Messages[K]>): string {
  return render(lang, msg(key, ...args));
}

/** The command list a transport can register with the platform (Telegram setMyCommands). */
export function commandMenu(lang: Lang): ReadonlyArray<{ command: string; description: string }> {
  const words = COMMAND_WORDS[lang];
  return MENU_ORDER.map((name) => ({ command: words[name][0], description: COMMAND_DESCRIPTIONS[lang][name] }));
}

const MENU_ORDER: readonly CommandName[] = [
  'visit', 'package', 'credit', 'lawyer', 'missing', 'case', 'cases', 'hearing', 'flight', 'details', 'list', 'mine', 'claim', 'join', 'release', 'done', 'refused', 'cancel', 'move', 'info', 'digest', 'lang', 'network', 'coord', 'help', 'link',
];

const COMMAND_DESCRIPTIONS: Record<Lang, Record<CommandName, string>> = {
  en: {
    help: 'What I can do',
    link: 'Link this group to a centre with a code',
    visit: 'Ask for a visit: date time, seats, meeting place',
    package: 'Ask for a package: by when, what to bring',
    lawyer: 'Ask for a lawyer: deadline, reference, note',
    list: 'Open and taken requests',
    claim: 'Take request N',
    join: 'Take a seat on visit N',
    release: 'Give request N back',
    done: 'Mark request N done',
    cancel: 'Cancel request N',
    mine: 'My requests',
    info: 'The centre\'s information card',
    lang: 'Group language: en or fr',
    refused: 'Visit N was refused at the door (reason)',
    digest: 'Daily summary time, e.g. 08:30, or off',
    move: 'Change the time of request N',
    verify: 'Confirm a member\'s new safety number',
    case: 'A detention case and its legal deadlines: R-12 placed date time',
    cases: 'Open cases and their next deadline',
    hearing: 'Record a hearing: R-12 date time court',
    details: 'Details for the lawyer (direct chat only): R-12',
    wipe: 'Destroy all of this group\'s data (coordinators, with a confirmation word)',
    coord: 'Coordinators: list, add (reply to a member), remove',
    missing: 'A friend has gone missing: what to do, which centres to call',
    credit: 'Phone credit or a camera-less phone: by when, what, reference',
    flight: 'A deportation flight: R-12 date time airport flight',
    network: 'Other groups\' flight alerts to coordinators: on or off',
  },
  fr: {
    help: 'Ce que je sais faire',
    link: 'Lier ce groupe à un centre avec un code',
    visit: 'Demander une visite : date heure, places, RDV',
    package: 'Demander un colis : avant quand, quoi apporter',
    lawyer: 'Demander un·e avocat·e : échéance, réf, note',
    list: 'Demandes ouvertes et prises',
    claim: 'Prendre la demande N',
    join: 'Prendre une place dans la visite N',
    release: 'Lâcher la demande N',
    done: 'Marquer la demande N faite',
    cancel: 'Annuler la demande N',
    mine: 'Mes demandes',
    info: 'La fiche du centre',
    lang: 'Langue du groupe : fr ou en',
    refused: 'Visite N refusée à l’entrée (raison)',
    digest: 'Heure du résumé quotidien, ex. 08:30, ou off',
    move: 'Changer l’heure de la demande N',
    verify: 'Confirmer le nouveau numéro de sécurité d’un membre',
    case: 'Un dossier de rétention et ses délais : R-12 placé date heure',
    cases: 'Dossiers ouverts et leur prochaine échéance',
    hearing: 'Enregistrer une audience : R-12 date heure tribunal',
    details: 'Éléments pour l’avocat·e (en privé) : R-12',
    wipe: 'Détruire toutes les données du groupe (coordinateur·ices, avec un mot de confirmation)',
    coord: 'Référent·es : liste, ajouter (en réponse à un membre), retirer',
    missing: 'Une personne a disparu : que faire, quels centres appeler',
    credit: 'Recharge ou téléphone sans caméra : avant quand, quoi, réf',
    flight: 'Un vol d’expulsion : R-12 date heure aéroport vol',
    network: 'Alertes de vol des autres groupes aux référent·es : oui ou non',
  },
};

/** Operator texts (CLI, start-up, demo) in a language. */
export function cliText(lang: Lang): CliMessages {
  return lang === 'fr' ? cliFr : cliEn;
}

/** Texts of `npx parloir stats` in a language. */
export function statsText(lang: Lang): StatsMessages {
  return lang === 'fr' ? statsFr : statsEn;
}
