// Textes français des dossiers et de l'horloge légale (fusionnés dans fr.ts). Déclaré
// `: CaseMessages` : une clé manquante ou des paramètres différents font échouer le typage.

import type { CaseOutcome, DetailField } from '../cases/case.js';
import type { Actor, CaseEvent, RuleTopic } from '../cases/rules.js';
import type { DeadlineView, HearingView } from './case-views.js';
import type { CaseMessages } from './cases-en.js';
import { flightTextFr } from './flights-fr.js';
import { formatWhen, joinList, type When } from './format.js';

const TOPIC: Record<RuleTopic, (d: DeadlineView) => string> = {
  'placement-contest': () => 'Contester la décision de placement devant le juge',
  'judge-seized': () => 'Le préfet doit avoir saisi le juge pour prolonger ; sinon la personne doit être libérée (prévenir l’avocat·e)',
  'first-hearing': () => 'Première audience au plus tard devant le juge (publique : y aller si possible)',
  'period-end': (d) => `Fin de la période de rétention (jour ${d.day}) : une nouvelle prolongation exige une ordonnance du juge avant`,
  'retention-max': (d) => `Durée maximale de rétention (jour ${d.day}) : libération`,
  'oqtf-contest': () => 'Contester l’OQTF au tribunal administratif (heure par heure, week-ends compris ; le recours peut être remis au greffe du CRA)',
  'asylum-request': () => 'Demander l’asile (formulaire OFPRA en français, sous pli fermé, avec l’association)',
  'order-appeal': () => 'Faire appel de l’ordonnance du juge devant la cour d’appel, appel motivé',
  'cce-urgent': () => 'Demande de suspension en extrême urgence au CCE',
  'order-appeal-be': () => 'Appel devant la chambre des mises en accusation',
  'detention-period-be': () => 'Fin de la première période de détention de 2 mois (renouvelable)',
};
const WHO: Record<Actor, string> = {
  association: 'l’association d’aide juridique du centre',
  lawyer: 'l’avocat·e',
  group: 'le groupe',
};
const EVENT: Record<CaseEvent, string> = {
  placement: 'Placement',
  oqtf: 'OQTF notifiée',
  'asylum-rights': 'Droit de demander l’asile notifié',
  order: 'Ordonnance du juge',
  measure: 'Mesure d’éloignement notifiée',
};
const OUTCOME: Record<CaseOutcome, string> = {
  released: 'libération',
  deported: 'expulsion',
  transferred: 'transfert',
  other: 'clos',
};
const FIELD: Record<DetailField, { label: string; ask: string }> = {
  registeredName: { label: 'Nom enregistré', ask: 'Nom exactement comme le centre l’a enregistré (il peut différer de celui que vous utilisez) ?' },
  nationality: { label: 'Nationalité (enregistrée)', ask: 'Nationalité enregistrée ?' },
  birthDate: { label: 'Date de naissance', ask: 'Date de naissance (enregistrée) ?' },
  fileNumber: { label: 'Numéro de dossier / badge', ask: 'Numéro de dossier ou de badge ?' },
  language: { label: 'Langue', ask: 'Langue(s) parlée(s) (pour l’interprète) ?' },
  arrest: { label: 'Interpellation (date, lieu)', ask: 'Date et lieu de l’interpellation ?' },
  documents: { label: 'Documents détenus', ask: 'Documents en sa possession (passeport, OQTF, décision de placement…) ?' },
  knownAs: { label: 'Nom utilisé par les proches', ask: 'Le nom que les proches utilisent (gardé à part du nom enregistré) ?' },
};

export const NOT_LEGAL_ADVICE_FR = 'ℹ Parloir n’est pas un conseil juridique : la parole de l’avocat·e ou de l’association prime.';
const CHECK = 'à vérifier auprès de l’avocat·e ou de l’association';

function when(w: When): string {
  return formatWhen('fr', w);
}

function deadlineLine(d: DeadlineView): string {
  const who = d.who.filter((w) => w !== 'group');
  const lines = [`${d.past ? '✓ ' : d.kind === 'deadline' ? '⏳ ' : '• '}${when(d.at)} — ${TOPIC[d.what](d)}`];
  if (!d.past && who.length > 0) lines.push(`   ${d.kind === 'deadline' ? 'Peut agir' : 'À surveiller'} : ${joinList('fr', who.map((w) => WHO[w]))} · ${d.article}`);
  else lines.push(`   ${d.article}`);
  const notes = [
    ...(d.shifted ? ['reporté au jour ouvrable suivant'] : []),
    ...(d.assumed ? ['compté depuis le placement : donner la date de la mesure'] : []),
    ...(d.check ? [CHECK] : []),
    ...(d.stale ? [`règle vérifiée le ${d.lastChecked} : peut-être dépassée`] : []),
  ];
  if (notes.length > 0) lines.push(`   ⚠ ${notes.join(' ; ')}`);
  return lines.join('\n');
}

function hearingLine(h: HearingView): string {
  return `⚖ Audience ${when(h.at)}${h.place ? ` — ${h.place}` : ''}${h.requestNumber !== undefined ? ` (#${h.requestNumber} pour y aller)` : ''}`;
}

export const casesFr: CaseMessages = {
  caseTimeline: (p) => {
    const c = p.case;
    const head =
      p.change === 'opened'
        ? `📁 Dossier ${c.ref} ouvert — ${c.centre}`
        : p.change === 'updated'
          ? `📁 Dossier ${c.ref} mis à jour — échéances recalculées`
          : `📁 Dossier ${c.ref} — ${c.centre}${c.state === 'closed' ? ` (${OUTCOME[c.outcome ?? 'other']}${c.outcomeNote ? ` : ${c.outcomeNote}` : ''})` : ''}`;
    const upcoming = p.change === 'shown' ? c.deadlines : c.deadlines.filter((d) => !d.past);
    return [
      head,
      ...c.events.map((e) => `${EVENT[e.event]} : ${when(e.at)}`),
      ...(c.secondMeasure ? ['Deuxième mesure d’éloignement'] : []),
      ...(upcoming.length > 0 ? ['Échéances :', ...upcoming.map(deadlineLine)] : ['Aucune échéance à venir.']),
      ...c.unknown.map((e) => `⚠ Aucune règle connue pour « ${EVENT[e]} » à cette date : ${CHECK}.`),
      ...c.hearings.map(hearingLine),
      ...(c.flight ? [`✈ Vol d’expulsion : ${flightTextFr(c.flight)}${c.flight.task !== undefined ? ` (aéroport : #${c.flight.task})` : ''}`] : []),
      ...c.lawyers.map((l) => `Demande d’avocat·e #${l.n} : ${l.taker ? `prise par ${l.taker}` : 'personne pour l’instant'}`),
      ...(c.hasDetails ? ['Éléments pour l’avocat·e : enregistrés (scellés ; /details en message privé)'] : []),
      ...(c.lawyers.length === 0 && c.state === 'open' ? [`Trouver un·e avocat·e : /avocat ${c.ref}`] : []),
      NOT_LEGAL_ADVICE_FR,
    ].join('\n');
  },
  caseList: (p) =>
    [
      'Dossiers ouverts :',
      ...p.cases.map((c) => `${c.ref} — placé ${when(c.placed)}${c.next ? ` — prochaine : ${when(c.next.at)} ${TOPIC[c.next.what](c.next)}` : ''}`),
      NOT_LEGAL_ADVICE_FR,
    ].join('\n'),
  caseListEmpty: () => 'Aucun dossier ouvert. Pour en ouvrir un : /dossier R-12 placé 28/11 9h30',
  caseClosed: (p) => `📁 Dossier ${p.ref} clos : ${OUTCOME[p.outcome]}${p.note ? ` (${p.note})` : ''}. Ses rappels sont arrêtés.`,
  caseNotFound: (p) => `Il n’y a pas de dossier ouvert ${p.ref}. Pour l’ouvrir : /dossier ${p.ref} placé 28/11 9h30`,
  caseAlreadyClosed: (p) => `Le dossier ${p.ref} est déjà clos.`,
  pickUpNote: (p) =>
    `attendre à la sortie du ${p.centre} : la libération tombe souvent tard, loin de la ville, sans rien (ni crédit, ni billet). Prévoir de l’eau, un téléphone chargé, un billet ou une voiture.`,
  caseTransferWhere: () => 'Vers quel centre ? ex. /dossier R-12 transféré vincennes',
  caseTransferUnknownCentre: (p) => `Je ne connais pas le centre « ${p.word} ». Donnez son nom ou son identifiant, ex. /dossier ${p.ref} transféré vincennes`,
  caseTransferSameCentre: (p) => `Le dossier ${p.ref} est déjà au ${p.centre}.`,
  caseTransferRefTaken: (p) =>
    `Le groupe qui suit le ${p.centre} a déjà un dossier ouvert ${p.ref} : rien n’a bougé. Demandez-lui de clore le sien, puis recommencez.`,
  caseTransferredStays: (p) =>
    `📁 Dossier ${p.ref} transféré au ${p.centre}. Aucun groupe ici ne suit ce centre : le dossier reste dans ce groupe, ses délais comptés désormais au ${p.centre}.`,
  caseTransferredOut: (p) =>
    `📁 Dossier ${p.ref} transféré au ${p.centre} : le groupe qui suit ce centre le reprend, avec ses délais${p.n > 0 ? ` et ${p.n} tâche${p.n === 1 ? '' : 's'} ouverte${p.n === 1 ? '' : 's'}` : ''}. Ses rappels ici sont arrêtés.`,
  caseTransferTaskReleased: (p) =>
    `📁 Le dossier ${p.ref} est transféré au ${p.centre} : la tâche #${p.n}, sur laquelle tu étais, est partie avec lui au groupe qui suit ce centre. Tu en es libéré·e ; merci.`,
  caseTransferredIn: (p) =>
    `📁 Le dossier ${p.ref} arrive ici par transfert depuis le ${p.from}. Ses délais continuent de courir ; ses informations confidentielles sont restées là-bas.`,
  caseCloseNotAllowed: (p) => `Seule la personne qui a ouvert le dossier ${p.ref} ou un·e coordinateur·ice peut le clore.`,
  caseUsage: () =>
    [
      'Un dossier porte une référence comme R-12 — jamais un nom.',
      '/dossier R-12 placé 28/11 9h30 [oqtf <date heure>] [asile <date heure>] [ordonnance <date heure>] [audience <date heure> <lieu>] [seconde-mesure]',
      '/dossier R-12 · /dossiers · /dossier R-12 clore libéré|expulsé|transféré <centre>|autre',
      '/audience R-12 02/12 10h TJ Meaux · /details R-12 (en message privé)',
    ].join('\n'),
  caseRefMissing: () => 'Quel dossier ? Donne d’abord sa référence, ex. /dossier R-12 placé 28/11 9h30 — jamais un nom.',
  caseWhenInvalid: (p) => `Je ne lis pas la date et l’heure après « ${p.option} ». Ex. ${p.option} 28/11 9h30`,
  caseFuture: (p) => `L’heure après « ${p.option} » est dans le futur : indique quand c’est arrivé.`,
  caseTooOld: (p) => `La date après « ${p.option} » remonte à plus de 8 mois : vérifie-la.`,
  caseUnknownWord: (p) => `Je ne comprends pas « ${p.word} » ici. /dossier seul montre comment l’écrire.`,
  caseOutcomeMissing: (p) => `Comment ça s’est terminé ? /dossier ${p.ref} clore libéré | expulsé | transféré <centre> | autre`,
  caseNeedsEvent: (p) => `Rien à changer pour ${p.ref} : donne un évènement, ex. /dossier ${p.ref} ordonnance 02/12 15h.`,
  caseReminder: (p) =>
    [
      `${p.late ? '(en retard) ' : ''}⏰ Dossier ${p.ref} : ${TOPIC[p.deadline.what](p.deadline)} — ${when(p.deadline.at)}`,
      ...deadlineLine(p.deadline).split('\n').slice(1),
      ...(p.escalate ? [`⚠ Personne n’a pris la demande d’avocat·e pour ${p.ref} : /avocat ${p.ref}, ou prévenir l’association.`] : []),
      NOT_LEGAL_ADVICE_FR,
    ].join('\n'),

  hearingRecorded: (p) =>
    `⚖ Audience de ${p.ref} enregistrée : ${when(p.time)}${p.place ? ` — ${p.place}` : ''}. Les audiences sont publiques : venez si vous pouvez (pièce d’identité, fouille à l’entrée). La demande #${p.n} sert à s’organiser : réponds « je viens » pour venir.`,
  hearingNote: () => 'Audience publique : pièce d’identité, fouille à l’entrée',
  hearingUsage: () => 'Envoie /audience R-12 02/12 10h TJ Meaux (référence, date, heure, tribunal).',

  detailsInGroup: (p) =>
    `Les éléments se donnent et se lisent seulement en message privé avec moi : envoie-moi /details ${p.ref} en privé. Ne les écris jamais dans le groupe.`,
  detailsAsk: (p) =>
    [
      ...(p.first
        ? [`Éléments pour l’avocat·e de ${p.ref}. Ils sont scellés et jamais montrés dans le groupe. Réponds à chaque question ; « - » pour passer, « stop » pour arrêter.`]
        : []),
      `(${p.step}/${p.total}) ${FIELD[p.field].ask}`,
    ].join('\n'),
  detailsSaved: (p) =>
    `✅ ${p.count} élément(s) pour ${p.ref} enregistré(s) et scellé(s). Tu peux effacer nos messages ici. Ils ne vont qu’à la personne qui prend la demande d’avocat·e de ${p.ref}, et aux coordinateur·ices qui les demandent.`,
  detailsCancelled: () => 'Arrêté : rien n’a été enregistré.',
  detailsNoCase: (p) =>
    `Aucun de tes groupes n’a de dossier ouvert ${p.ref} (si tu n’as jamais écrit dans ce groupe, envoie-y une fois /details ${p.ref}).`,
  detailsAmbiguous: (p) => `Plusieurs de tes groupes ont un dossier ${p.ref} : utilisez une référence unique.`,
  detailsReveal: (p) =>
    [`🔒 Éléments du dossier ${p.ref} (ne pas transférer ; cette lecture est enregistrée) :`, ...p.fields.map((f) => `${FIELD[f.field].label} : ${f.value}`), NOT_LEGAL_ADVICE_FR].join('\n'),
  detailsNone: (p) => `Aucun élément enregistré pour ${p.ref}. Qui les connaît peut m’envoyer /details ${p.ref} en message privé.`,
  detailsNotAllowed: (p) =>
    `Seule la personne qui a pris la demande d’avocat·e de ${p.ref} (une fois, tant qu’elle est ouverte) ou un·e coordinateur·ice peut voir ces éléments.`,
  detailsAlreadyRevealed: (p) => `Les éléments de ${p.ref} t’ont déjà été envoyés pour la demande #${p.n} ; ils ne sont envoyés qu’une fois par demande.`,

  lawyerCaseNoDeadline: (p) => `Le dossier ${p.ref} n’a pas d’échéance à venir pour un·e avocat·e. Donne-en une : /avocat 48h ${p.ref}`,
  lawyerCaseNote: (p) => `qui la prend : envoie-moi /details ${p.ref} voir en message privé`,
  lawyerFromCase: (p) => `Échéance prise du dossier ${p.ref} : ${TOPIC[p.deadline.what](p.deadline)}.`,

  digestCases: (p) =>
    [
      ...(p.hearings.length > 0 ? ['Audiences aujourd’hui et demain :', ...p.hearings.map((h) => `${h.ref} ${hearingLine(h.hearing)}`)] : []),
      ...(p.deadlines.length > 0
        ? ['Échéances des dossiers aujourd’hui et demain :', ...p.deadlines.map((d) => `${d.ref} : ${when(d.deadline.at)} — ${TOPIC[d.deadline.what](d.deadline)}`)]
        : []),
      NOT_LEGAL_ADVICE_FR,
    ].join('\n'),
};
