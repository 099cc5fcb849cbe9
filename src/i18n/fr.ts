// Textes français. Déclaré `: Messages` : une clé manquante ou des paramètres différents de
// en.ts font échouer la vérification de types.
// Écriture inclusive, une seule convention : point médian et suffixe court, un seul point
// (conducteur·ice, porteur·euse, passager·e, passager·es, un·e coordinateur·ice, engagé·e).

import type { RequestKind, RequestState } from '../core/domain.js';
import { casesFr } from './cases-fr.js';
import { missingFr } from './missing-fr.js';
import { flightsFr } from './flights-fr.js';
import type { Messages } from './en.js';
import { formatDate, formatInput, formatSpan, formatTime, formatWhen, joinList, type When } from './format.js';
import type { CardFactName, MyRole, ReminderRole, RequestLabel, RequestView } from './views.js';

const KIND: Record<RequestKind, string> = { visit: 'Visite', package: 'Colis', lawyer: 'Avocat', credit: 'Recharge' };
const STATE: Record<RequestState, string> = {
  open: 'ouverte',
  claimed: 'prise',
  done: 'faite',
  cancelled: 'annulée',
  expired: 'expirée',
};
const EXAMPLE: Record<RequestKind, string> = {
  visit: '/visite demain 14h places 2 depuis gare de Calais',
  package: '/colis vendredi pull, tabac',
  lawyer: '/avocat 48h R-12 OQTF notifiée ce matin',
  credit: '/recharge vendredi recharge Lyca 10 € R-12',
};
const FACT: Record<CardFactName, string> = {
  address: 'Adresse',
  visiting_hours: 'Heures de visite',
  visitor_id: 'À avoir sur soi',
  allowed_items: 'Règles pour les objets',
  phone: 'Téléphone',
  association: 'Association dans le centre',
  replacement: 'Remplacement',
};
const ROLE: Record<MyRole, string> = { requester: 'ta demande', claimer: 'tu l’as prise', passenger: 'tu as une place' };
const ON_AS: Record<ReminderRole, string> = { driver: 'conducteur·ice', passenger: 'passager·e', courier: 'porteur·euse', contact: 'contact' };
/** Un seul intitulé pour les règles du centre sur les objets, partout où elles apparaissent. */
const ITEMS_RULES = 'Règles du centre pour les objets';

/** « 2 places libres sur 3 », « 1 place libre sur 1 », « complet (2 places prises) ». */
function seatsText(seats: number, taken: number): string {
  if (seats === 0) return 'aucune place passager proposée';
  const free = seats - taken;
  if (free <= 0) return `complet (${seats} ${seats === 1 ? 'place prise' : 'places prises'})`;
  return `${free} ${free === 1 ? 'place libre' : 'places libres'} sur ${seats}`;
}

const freeSeats = (left: number) => (left <= 0 ? 'complet' : `${left} ${left === 1 ? 'place libre' : 'places libres'}`);

/** « #4 (visite mar. 1 déc. à 14h00) » : une demande nommée en une ligne, là où son message n’est pas sous les yeux. */
function label(r: RequestLabel): string {
  const when = formatWhen('fr', r.when);
  return r.kind === 'visit' ? `#${r.n} (visite ${when})` : r.kind === 'package' ? `#${r.n} (colis avant ${when})` : r.kind === 'credit' ? `#${r.n} (recharge avant ${when})` : `#${r.n} (avocat, échéance ${when})`;
}

function head(r: RequestView): string {
  const when = formatWhen('fr', r.when);
  if (r.hearing) return `#${r.n} Audience — ${when}${r.place ? ` — ${r.place}` : ''}`;
  if (r.airport) return `#${r.n} Aéroport — ${when} — ${r.airport.airport}${r.airport.number ? `, vol ${r.airport.number}` : ''}, départ ${formatWhen('fr', r.airport.departs)}`;
  return r.kind === 'visit'
    ? `#${r.n} ${KIND.visit} — ${when} — ${r.centre}`
    : r.kind === 'package' || r.kind === 'credit'
      ? `#${r.n} ${KIND[r.kind]} — avant ${when} — ${r.centre}`
      : `#${r.n} ${KIND.lawyer} — échéance ${when}${left(r)} — ${r.centre}`;
}

/** « RDV 12h30 gare de Calais → visite 14h00 » : l’heure du rendez-vous ne se lit jamais comme celle de la visite. */
function meetingLine(r: RequestView): string | undefined {
  if (!r.meeting) return undefined;
  const at = r.meeting.at ? `${formatTime('fr', r.meeting.at)} ` : '';
  return `RDV ${at}${r.meeting.place} → visite ${formatTime('fr', r.when)}`;
}

/** Ce qu’il faut savoir pour y aller : adresse, heures de visite, pièce d’identité, règles sur les objets. */
function practical(r: RequestView): string[] {
  return [
    ...(r.address ? [`Adresse : ${r.address}`] : []),
    ...(r.outsideHours ? [`⚠ ${formatTime('fr', r.when)} est en dehors des heures de visite : ${r.outsideHours}`] : []),
    ...(r.visitorId ? [`À avoir sur soi : ${r.visitorId}`] : []),
    ...(r.allowed ? [`${ITEMS_RULES} : ${r.allowed}`] : []),
  ];
}

/** Ce qui a été remis pour un colis ou une recharge, et si un reçu détaillé a été donné. */
function handover(r: Pick<RequestView, 'handedOver' | 'receipt'>): string[] {
  return [
    ...(r.handedOver ? [`Remis : ${r.handedOver}`] : []),
    ...(r.receipt ? [`Reçu détaillé : ${r.receipt === 'yes' ? 'oui' : 'non'}`] : []),
  ];
}

function describe(r: RequestView): string {
  const lines = [head(r)];
  const meeting = r.hearing || r.airport ? undefined : meetingLine(r);
  if (meeting) lines.push(meeting);
  if (r.airport) lines.push('À l’enregistrement : parler calmement aux passager·es ; s’adresser à l’équipage, pas à l’escorte.');
  if (r.kind === 'visit') lines.push(`Places : ${seatsText(r.seats, r.passengers.length)}`);
  if (r.items) lines.push(`À apporter : ${r.items}`);
  lines.push(...practical(r));
  if (r.detainee) lines.push(`Réf : ${r.detainee}`);
  if (r.note) lines.push(`Note : ${r.note}`);
  lines.push(...handover(r));
  const who = r.hearing || r.airport ? 'Y va' : r.kind === 'visit' ? 'Conducteur·ice' : r.kind === 'package' || r.kind === 'credit' ? 'Porteur·euse' : 'Contact';
  lines.push(r.claimer ? `${who} : ${r.claimer}` : `${who} : personne pour l’instant`);
  if (r.passengers.length > 0) lines.push(`${r.passengers.length === 1 ? 'Passager·e' : 'Passager·es'} : ${joinList('fr', r.passengers)}`);
  if (r.state !== 'open' && r.state !== 'claimed') lines.push(`(${STATE[r.state]})`);
  return lines.join('\n');
}

function line(r: RequestView): string {
  const when = formatWhen('fr', r.when);
  const who = r.claimer ? `prise par ${r.claimer}` : 'OUVERTE';
  const seats = r.kind === 'visit' && r.seats > 0 ? `, ${seatsText(r.seats, r.passengers.length)}` : '';
  return `#${r.n} ${r.hearing ? 'Audience' : r.airport ? 'Aéroport' : KIND[r.kind]} ${when}${left(r)} — ${who}${seats}`;
}

/** « (reste 39 h) » après une échéance d’avocat encore à tenir. */
function left(r: RequestView): string {
  if (r.hoursLeft === undefined) return '';
  return r.hoursLeft >= 1 ? ` (reste ${r.hoursLeft} h)` : ' (reste moins d’1 h)';
}

export const fr: Messages = {
  help: () =>
    [
      'Parloir tient les visites, colis et demandes d’avocat de ce groupe.',
      'Demander :',
      '/visite 01/12 14h30 places 2 rdv 12h30 gare de Calais',
      '/colis vendredi pull, tabac',
      '/recharge vendredi recharge Lyca 10 € R-12 — recharge ou téléphone sans caméra ; /fait N ce qui a été remis, reçu oui/non',
      '/avocat 48h R-12 OQTF notifiée ce matin',
      '/dossier R-12 placé 28/11 9h30 — un dossier de rétention et ses délais légaux · /dossiers · /audience R-12 date tribunal · /details R-12 (en privé)',
      'Une personne a disparu : /disparu (que faire, quels centres appeler ; rien n’est enregistré)',
      '/vol R-12 03/12 7h15 CDG AF1234 — un vol d’expulsion : alerte au groupe et au réseau · /reseau oui (référent·es : alertes de vol des autres groupes)',
      'Voir : /liste · /mes · /info (/info sources pour les liens)',
      'Demande N : /prendre N · /rejoindre N · /lacher N · /fait N · /annuler N · /decaler N vendredi 10h (ou rdv <lieu>) · /refuse N raison',
      'Groupe : /resume 08:30 (ou /resume non) · /langue en · /coord (coordinateur·ices) · /lier CODE · /verifier 60 chiffres (Signal) · /effacer (détruire toutes les données du groupe)',
      'Pour prendre une demande, réponds à son message par « je prends » (ou « je viens » pour une place dans une visite). Sur Telegram, tu peux aussi appuyer sur le bouton en dessous. Un 👍 sur le message la prend aussi (sur Telegram, seulement si le bot est admin du groupe).',
      'N’écris jamais le nom d’une personne retenue : utilise une référence comme R-12.',
    ].join('\n'),
  helpUnlinked: () =>
    'Ce groupe n’est lié à aucun centre. Un·e coordinateur·ice peut le lier avec /lier CODE (le code vient de `npx parloir invite <centre>`).',
  notLinked: () => 'Ce groupe n’est pas encore lié à un centre : un·e coordinateur·ice doit d’abord envoyer /lier CODE.',
  unknownCommand: (p) => `Commande inconnue /${p.word}. Envoie /aide pour la liste.`,
  groupOnly: () => 'Envoie cette commande dans le groupe de ton collectif, pas ici.',
  tooLong: (p) => `Ce message est trop long (plus de ${p.max} caractères). Rien n’a été enregistré.`,
  failed: () => 'Un problème de mon côté, rien n’a été modifié. Réessaie dans une minute.',

  linkUsage: () => 'Envoie /lier suivi du code, par ex. /lier PRLR-ABCDE-FGHJK.',
  linkOk: (p) => `Ce groupe est maintenant lié à ${p.centre}. Tu en es le·la premier·e coordinateur·ice. Envoie /aide pour voir ce que je sais faire.`,
  linkUnknown: () => 'Je ne connais pas ce code. Vérifie-le, ou demande-en un nouveau (`npx parloir invite <centre>`).',
  linkExpired: () => 'Ce code a expiré (un code dure 24 heures). Demandes-en un nouveau.',
  linkUsed: () => 'Ce code a déjà servi. Demandes-en un nouveau.',
  linkAlready: (p) => `Ce groupe est déjà lié à ${p.centre}.`,
  linkDirect: () => 'Envoie /lier dans le groupe à lier, pas en message privé.',

  post: (p) => {
    const r = p.request;
    const seatFree = r.kind === 'visit' && r.passengers.length < r.seats;
    const hint =
      (r.hearing || r.airport) && (r.state === 'open' || seatFree)
        ? 'Réponds « je viens » pour venir (ou « je prends » pour organiser le groupe).'
        : r.state === 'open'
        ? r.kind === 'visit'
          ? 'Réponds « je prends » pour conduire, ou « je viens » pour une place.'
          : 'Réponds « je prends » pour t’en charger.'
        : r.state === 'claimed' && seatFree
          ? 'Réponds « je viens » pour une place.'
          : undefined;
    return hint ? `${describe(r)}\n${hint}` : describe(r);
  },
  urgentPost: (p) => `⚠ Il faut de nouveau quelqu’un :\n${describe(p.request)}\nRéponds « je prends » pour t’en charger.`,

  claimed: (p) => (p.kind === 'visit' && !p.going ? `✅ #${p.n} : ${p.by} conduit.` : `✅ #${p.n} : ${p.by} s’en charge.`),
  claimYours: (p) => `#${p.n} est déjà à toi.`,
  claimTaken: (p) => `Trop tard : ${p.by} a déjà pris #${p.n}.`,
  notActive: (p) => `#${p.n} est ${STATE[p.state]} : rien à faire.`,
  notFound: (p) => `Il n’y a pas de demande #${p.n} dans ce groupe. /liste montre celles qui sont ouvertes.`,
  numberMissing: (p) => `Quelle demande ? par ex. /${p.command} 3`,

  joined: (p) => `✅ #${p.n} : ${p.by} prend une place (${freeSeats(p.left)}).`,
  joinFull: (p) => `#${p.n} n’a plus de place libre.`,
  joinNotVisit: (p) => `#${p.n} n’est pas une visite : réponds plutôt « je prends ».`,
  joinAlready: (p) => `Tu as déjà une place dans #${p.n}.`,
  joinIsDriver: (p) => `C’est toi qui conduis pour #${p.n}.`,

  released: (p) => `↩ ${label(p.r)} est de nouveau ouverte : ${p.by} ne peut plus. Qui peut ?`,
  seatLeft: (p) => `↩ #${p.n} : ${p.by} libère sa place (${freeSeats(p.left)}).`,
  releaseNotYours: (p) => `Tu n’as pas pris #${p.n}, il n’y a rien à lâcher.`,
  done: (p) =>
    [
      `✔ #${p.n} est faite. Merci !`,
      ...(p.record ? handover(p.record) : []),
      ...(p.hint ? [`Pour noter ce qui a été remis et si vous avez eu un reçu détaillé, envoyez par ex. /fait ${p.n} pull, carte 10 € reçu oui`] : []),
    ].join('\n'),
  handoverNoted: (p) => [`Noté pour #${p.n} :`, ...handover(p.record)].join('\n'),
  doneNotAllowed: (p) => `Seule la personne qui a pris #${p.n}, celle qui l’a demandée ou un·e coordinateur·ice peut la marquer faite.`,
  cancelled: (p) => `✖ #${p.n} est annulée.`,
  cancelNotAllowed: (p) => `Seule la personne qui a demandé #${p.n} ou un·e coordinateur·ice peut l’annuler.`,

  list: (p) => ['Demandes ouvertes et prises :', ...p.requests.map(line)].join('\n'),
  listEmpty: () => 'Aucune demande ouverte dans ce groupe. Lance-en une avec /visite, /colis ou /avocat.',
  mine: (p) =>
    ['Tes demandes :', ...p.items.map(({ request, role }) => `${line(request)} · ${request.centre} (${ROLE[role]})`)].join('\n'),
  mineEmpty: () => 'Tu n’as aucune demande en cours.',

  info: (p) => {
    const c = p.card;
    if (p.sources) {
      if (c.links.length === 0) return `${c.name}\nPas encore d’information vérifiée pour ce centre.`;
      return [`${c.name} — sources`, ...c.links.map((l) => `${FACT[l.fact]} : ${l.source}`)].join('\n');
    }
    const lines = [c.name];
    if (c.replacement) lines.push(`⚠ Doit être remplacé : ${c.replacement}`);
    if (c.address) lines.push(`Adresse : ${c.address}`);
    if (c.visiting) lines.push(`Heures de visite : ${c.visiting}`);
    if (c.visitorId) lines.push(`À avoir sur soi : ${c.visitorId}`);
    if (c.allowed) lines.push(`${ITEMS_RULES} : ${c.allowed}`);
    if (c.phone) lines.push(`Téléphone : ${c.phone}`);
    if (c.association) lines.push(`Association dans le centre : ${c.association}`);
    if (lines.length === 1) return `${c.name}\nPas encore d’information vérifiée pour ce centre.`;
    lines.push(`Sources : ${c.sourceNames.map((s) => `${s.name} (vérifié le ${s.checked})`).join(' · ')} — liens : /info sources`);
    return lines.join('\n');
  },
  langSet: () => 'Désormais je réponds à ce groupe en français (une commande en anglais reçoit toujours une réponse en anglais).',
  langUsage: () => 'Envoie /langue fr ou /langue en.',

  replyHint: (p) => `Pour prendre #${p.n}, réponds « je prends » ; pour une place dans une visite, réponds « je viens ».`,
  anonymousSender: () =>
    'Tu écris de façon anonyme (au nom du groupe) : je ne peux pas savoir qui tu es. Pour lier le groupe, demander ou prendre quelque chose, écris en ton nom : dans les réglages du groupe, désactive « Rester anonyme ».',

  whenMissing: (p) => `Quand ? par ex. ${EXAMPLE[p.kind]}`,
  whenInvalid: (p) => `Je ne comprends pas cette date (ou elle n’existe pas). Essaie par ex. ${EXAMPLE[p.kind]}`,
  whenPast: (p) => `Cette heure est déjà passée. Essaie par ex. ${EXAMPLE[p.kind]}`,
  whenTooFar: () => 'C’est dans plus d’un an. Vérifie la date.',
  timeMissing: (p) => `À quelle heure ? par ex. ${EXAMPLE[p.kind]}`,
  seatsInvalid: () => 'Le nombre de places va de 0 à 8, par ex. « places 2 ».',
  itemsMissing: () => 'Qu’y a-t-il à apporter ? par ex. /colis vendredi pull, tabac',
  // — Lire ce que les gens écrivent (#9) : dates, hypothèses, commandes approchées, indices —
  didYouMean: (p) => `Commande inconnue /${p.word}. Tu voulais dire /${p.suggestion} ? Envoie /aide pour la liste.`,
  replyHintFor: (p) => {
    if (p.role === 'holder') return `#${p.n} est à toi. Pour la rendre, réponds « je peux plus » (ou envoie /lacher ${p.n}).`;
    if (p.role === 'passenger') return `Tu as une place dans #${p.n}. Pour la libérer, réponds « je peux plus ».`;
    if (p.kind !== 'visit') return `Pour t’en charger, réponds « je prends » (ou « moi ») à #${p.n}.`;
    if (!p.driver) return `Pour conduire #${p.n}, réponds « je prends »${p.free > 0 ? ' ; pour une place, réponds « je viens »' : ''}.`;
    return p.free > 0 ? `#${p.n} a son conducteur·ice ; pour une place, réponds « je viens » (ou « moi »).` : `#${p.n} a son conducteur·ice et plus de place libre.`;
  },
  releaseAsk: (p) => `Tu lâches ${p.seat ? 'ta place dans ' : ''}#${p.n} ? Réponds « oui » à ce message pour confirmer.`,
  timeMissingOn: (p) => `À quelle heure, ${formatDate('fr', p.day)} ? par ex. ${EXAMPLE[p.kind].replace('demain', formatDate('fr', p.day))}`,
  weekdayMismatch: (p) => `Ce jour de la semaine ne correspond pas à cette date. Vérifie la date, par ex. ${EXAMPLE[p.kind]}`,
  assumed: (p) => {
    const change = (w: When) => `/decaler ${p.n} ${formatInput('fr', w)}`;
    const a = p.a;
    switch (a.code) {
      case 'coming-weekday':
        return `#${p.n} : j’ai pris le plus proche, ${formatWhen('fr', a.at)}. Si tu voulais ${formatDate('fr', a.alt)}, envoie ${change(a.alt)}`;
      case 'day-month':
        return `#${p.n} : j’ai lu le jour en premier : ${formatWhen('fr', a.at)}. Si tu voulais ${formatDate('fr', a.alt)}, envoie ${change(a.alt)}`;
      case 'next-week':
        return `#${p.n} : cette heure est passée aujourd’hui, j’ai pris la semaine prochaine : ${formatWhen('fr', a.at)}. Erreur ? Envoie /decaler ${p.n} avec la date.`;
      case 'next-month':
        return `#${p.n} : ce jour est passé ce mois-ci, j’ai pris le mois prochain : ${formatWhen('fr', a.at)}. Erreur ? Envoie /decaler ${p.n} avec la date.`;
      case 'afternoon':
        return `#${p.n} : j’ai lu l’heure comme l’après-midi : ${formatWhen('fr', a.at)}. Erreur ? Envoie /decaler ${p.n} avec l’heure.`;
      case 'notified-from':
        return `#${p.n} : sans heure de notification, j’ai compté depuis la plus tôt plausible, ${formatWhen('fr', a.from)} : échéance ${formatWhen('fr', a.at)}. Si tu connais l’heure, envoie /decaler ${p.n} avec l’échéance.`;
    }
  },

  someone: (p) => `membre ${p.tag}`,

  reminder: (p) =>
    [
      `${p.late ? '(en retard) ' : ''}⏰ Rappel — ${head(p.request)}`,
      p.request.airport || p.request.hearing
        ? `Tu y vas.${p.others.length > 0 ? ` Avec toi : ${joinList('fr', p.others.map((o) => o.name))}.` : ''} Demandé par ${p.request.requester}.`
        : `Tu y vas comme ${ON_AS[p.role]}.${p.others.length > 0 ? ` Avec toi : ${joinList('fr', p.others.map((o) => `${o.name} (${ON_AS[o.role]})`))}.` : ''} Demandé par ${p.request.requester}.`,
      ...[meetingLine(p.request)].filter((x): x is string => x !== undefined),
      ...(p.request.items ? [`À apporter : ${p.request.items}`] : []),
      ...practical(p.request),
      ...(p.request.kind === 'visit' && !p.request.hearing && !p.request.airport && p.card.visiting && !p.request.outsideHours ? [`Heures de visite : ${p.card.visiting}`] : []),
      'Toujours bon ? Réponds OK, ou LÂCHER si tu ne peux plus.',
    ].join('\n'),
  directHello: (p) =>
    `Bonjour ! Tu t’es engagé·e sur #${p.n}. Je t’enverrai tes rappels ici ; réponds OK pour confirmer ou LÂCHER si tu ne peux plus.`,
  confirmed: (p) => `👍 Merci, ${label(p.r)} est confirmée.`,
  noPrompt: () => 'Je n’attends pas de réponse de ta part. /mes liste tes demandes.',
  unconfirmed: (p) => `⚠ ${label(p.r)} n’est pas confirmée : ${p.who} n’a pas répondu au rappel. Quelqu’un peut vérifier avec cette personne ?`,
  unclaimed: (p) => `⚠ Toujours personne pour ceci :\n${describe(p.request)}\nRéponds « je prends » pour t’en charger.`,
  unclaimedMany: (p) =>
    ['⚠ Toujours personne pour celles-ci :', ...p.requests.map(line), 'Pour en prendre une : /prendre N, ou réponds « je prends » à son message.'].join('\n'),
  releasedToRequester: (p) => `${p.by} a lâché ${label(p.r)}, peu avant l’heure. Je l’ai repostée comme urgente.`,
  followup: (p) =>
    `${p.late ? '(en retard) ' : ''}Comment s’est passée la visite #${p.r.n} du ${formatWhen('fr', p.r.when)} ? Envoie /fait ${p.r.n}, ou /refuse ${p.r.n} suivi de la raison si la visite a été refusée à l’entrée.`,
  refused: (p) => `Noté : la visite #${p.n} a été refusée à l’entrée. Merci d’y être allé·e.`,
  refusedNotVisit: (p) => `#${p.n} n’est pas une visite.`,
  digest: (p) =>
    [
      '☀ Aujourd’hui et demain',
      ...(p.today.length > 0 ? ['Visites aujourd’hui :', ...p.today.map(line)] : []),
      ...(p.tomorrow.length > 0 ? ['Visites demain :', ...p.tomorrow.map(line)] : []),
      ...(p.deadlines.length > 0 ? ['Échéances dans les 48 h :', ...p.deadlines.map(line)] : []),
      ...(p.open.length > 0 ? ['Encore ouvertes :', ...p.open.map(line)] : []),
    ].join('\n'),
  digestSet: (p) => `Chaque jour à ${p.at}, je posterai ici un résumé (seulement s’il y a quelque chose à dire).`,
  digestOff: () => 'Résumé quotidien désactivé. /resume 09:00 le réactive.',
  digestUsage: () => 'Envoie /resume 08:30 (heure locale) ou /resume non.',
  moved: (p) => `#${p.r.n} a maintenant lieu ${formatWhen('fr', p.r.when)}. Les rappels suivent la nouvelle heure.`,
  placeMoved: (p) => `#${p.r.n} : nouveau lieu de rendez-vous « ${p.place} ». Toutes les personnes inscrites sont prévenues.`,
  placeMissing: () => 'Donne le nouveau lieu de rendez-vous après « rdv », par ex. /decaler 4 rdv 12h30 gare de Calais',
  placeNotVisit: (p) => `#${p.n} n’est pas une visite : elle n’a pas de lieu de rendez-vous.`,
  movedDirect: (p) =>
    [
      ...(p.was ? [`🕑 Nouvelle heure pour ${label(p.request)} : c’était ${formatWhen('fr', p.was)}.`] : []),
      ...(p.placeChanged ? [`📍 Nouveau lieu de rendez-vous pour ${label(p.request)}${p.wasPlace ? ` (c’était « ${p.wasPlace} »)` : ''}.`] : []),
      ...[meetingLine(p.request)].filter((x): x is string => x !== undefined),
      ...(p.asks ? ['Toujours bon ? Réponds OK, ou LÂCHER si tu ne peux plus.'] : []),
    ].join('\n'),
  moveNotAllowed: (p) => `Seule la personne qui a demandé #${p.n} ou un·e coordinateur·ice peut changer son heure.`,
  late: () => '(en retard)',

  buttonDrive: () => 'Je conduis',
  buttonSeat: () => 'Je viens',
  buttonTake: () => 'Je prends',
  buttonRelease: () => 'Je lâche',

  alertRemoved: (p) =>
    `Je ne suis plus dans le groupe lié à ${p.centre} (retiré·e, ou le groupe n’existe plus). Je n’y poste plus rien et ses rappels sont arrêtés. Ajoute-moi de nouveau au groupe pour reprendre ; rien n’est perdu (après une longue absence les données du groupe sont effacées, et je te préviens avant).`,
  alertBack: (p) => `Je suis de retour dans le groupe lié à ${p.centre} : les messages et les rappels reprennent.`,
  groupRetentionWarning: (p) =>
    `Je ne suis plus dans le groupe lié à ${p.centre} depuis ${p.days} jours. Si je n’y suis pas ajouté·e de nouveau d’ici le ${formatWhen('fr', p.until)}, les données du groupe (demandes, membres, dossiers) seront effacées définitivement, pour ne pas survivre au groupe. Ajoute-moi de nouveau pour les garder.`,
  groupRetentionShredded: (p) =>
    `Je n’ai pas été ajouté·e de nouveau au groupe lié à ${p.centre} : comme annoncé, ses données sont maintenant effacées définitivement. Pour y utiliser Parloir de nouveau, demande un nouveau code de liaison à l’admin.`,
  alertRateLimited: () =>
    'La messagerie ralentit le bot (limite d’envoi). Les messages sont gardés et partiront d’eux-mêmes ; rien n’est perdu.',
  alertCaptcha: () =>
    'Signal demande au bot de prouver qu’il n’est pas un spammeur. Un·e admin doit résoudre le captcha sur signalcaptchas.org/challenge/generate et l’envoyer à /v1/accounts/<numéro>/rate-limit-challenge (voir docs/signal.md). Les messages sont gardés d’ici là.',
  alertIdentity: (p) =>
    `Le numéro de sécurité de ${p.who} a changé. Je ne lui envoie plus rien de sensible jusqu’à ce qu’un·e coordinateur·ice le vérifie avec cette personne et envoie /verifier.`,
  heldNotice: () =>
    'J’ai un message pour toi, mais ton numéro de sécurité a changé. Demande à un·e coordinateur·ice de le comparer avec toi et d’envoyer /verifier ; d’ici là je ne t’envoie rien de sensible.',
  verified: (p) => `✅ Le nouveau numéro de sécurité de ${p.who} est vérifié : cette personne reçoit de nouveau ses messages.`,
  verifyNoMatch: () => 'Ce numéro de sécurité ne correspond à aucun membre en attente de vérification. Relis-le dans Signal (paramètres de la conversation → Afficher le numéro de sécurité).',
  verifyNothingHeld: () => 'Personne dans ce groupe n’attend de vérification de numéro de sécurité.',
  verifyNotCoordinator: () => 'Seul·e un·e coordinateur·ice peut vérifier un numéro de sécurité.',
  verifyUsage: () => 'Envoie /verifier suivi du numéro de sécurité à 60 chiffres comparé avec la personne.',
  verifyUnsupported: () => 'Les numéros de sécurité ne se vérifient que sur Signal.',
  alertUnreachable: (p) => `Je ne peux plus joindre ${p.who} (bot bloqué ou groupe quitté). Les rappels ne lui parviendront pas.`,
  directNotStarted: (p) =>
    `${p.who}, je ne peux pas encore t’écrire en privé : ouvre ${p.link} et appuie sur Démarrer, pour recevoir les rappels.`,
  // Dossiers et horloge légale (src/i18n/cases-fr.ts)
  ...casesFr,
  // A friend gone missing (src/i18n/missing-fr.ts)
  ...missingFr,
  // Vols d’expulsion et réseau (src/i18n/flights-fr.ts)
  ...flightsFr,
  coordinatorOnly: () => 'Seul·e un·e coordinateur·ice peut faire ça. /coord donne la liste.',
  wipeAsk: (p) =>
    `Ceci détruit tout ce que Parloir garde pour ce groupe : demandes, membres, rappels, et la clé qui les ouvre. Rien ne pourra le faire revenir, et le groupe est délié. Pour confirmer, envoie d’ici ${p.minutes} minutes : /effacer ${p.word}`,
  wipeWrongWord: (p) =>
    `Ce n’est pas le mot que j’ai donné : rien n’a été détruit. Pour confirmer, envoie d’ici ${p.minutes} minutes : /effacer ${p.word}`,
  wipeDone: () => 'C’est fait : la clé de ce groupe est détruite et ses données supprimées. Le groupe n’est plus lié (un·e coordinateur·ice peut le lier à nouveau avec un nouveau code).',
  heldRefused: () =>
    'Ton numéro de sécurité a changé : tant qu’un·e coordinateur·ice ne l’a pas comparé avec toi (/verifier), je n’agis pas sur tes commandes dans ce groupe.',
  coordList: (p) => (p.names.length === 0 ? 'Ce groupe n’a pas de coordinateur·ice.' : `Coordinateur·ices (référent·es) : ${joinList('fr', p.names)}.`),
  coordUsage: () => 'Envoie /coord pour la liste des coordinateur·ices, /coord ajouter en réponse au message d’un membre, ou /coord retirer.',
  coordAddUsage: () =>
    'Pour ajouter un·e coordinateur·ice, réponds /coord ajouter à un message de cette personne (sur Signal, tu peux aussi la @-mentionner).',
  coordAlready: (p) => `${p.who} est déjà coordinateur·ice.`,
  coordAdded: (p) => `${p.who} est maintenant coordinateur·ice (ajouté·e par ${p.by}).`,
  coordRemoved: (p) => `${p.who} n’est plus coordinateur·ice (retiré·e par ${p.by}).`,
  coordNotOne: (p) => `${p.who} n’est pas coordinateur·ice.`,
  coordLast: () => 'Tu es la dernière personne coordinatrice : ajoutes-en d’abord une autre (/coord ajouter en réponse à son message).',
  heldNoCoordinator: (p) =>
    `Le numéro de sécurité de ${p.who} a changé et aucun·e autre coordinateur·ice ne peut le vérifier ; d’ici là, cette personne ne reçoit rien de sensible. Deux solutions : quelqu’un envoie /lier avec un nouveau code de l’admin (et devient coordinateur·ice), ou un·e admin lance \`npx parloir verify\` sur le serveur.`,
  coordNoneLeft: () =>
    'Le groupe n’a plus de coordinateur·ice. Quelqu’un peut le devenir en envoyant /lier avec un nouveau code de l’admin (npx parloir invite <centre>).',
  whichGroup: (p) =>
    `Tu as un #${p.n} dans plusieurs groupes (${joinList('fr', p.centres)}). Envoie la commande dans ce groupe, ou ajoute le nom du centre, par ex. /${p.command} ${p.n} ${p.centres[0] ?? ''}`,
  aboutCentre: (p) => `${p.centre} · ${p.text}`,
  limitRequests: (p) =>
    `Tu as déjà fait ${p.max} demandes ${p.windowMs === 3_600_000 ? 'dans l’heure' : `en ${formatSpan(p.windowMs)}`} : je n’en publie pas plus pour l’instant. Réessaie un peu plus tard.`,
  relinked: (p) => `Code accepté : ${p.who} est maintenant coordinateur·ice de ce groupe (${p.centre}).`,
};
