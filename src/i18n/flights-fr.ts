// Textes français des alertes de vol d'expulsion et du réseau (#16), fusionnés dans fr.ts.
// Déclaré `: FlightMessages` : une clé manquante ou des paramètres différents font échouer le
// typage. Les chiffres et les sources des faits sont des données (config/flight-alert.yaml).

import type { FlightMessages } from './flights-en.js';
import { formatTime, formatWhen } from './format.js';
import type { FlightChangeView, FlightView } from './views.js';

const EXAMPLE = '/vol R-12 03/12 7h15 CDG AF1234';

/** « jeu. 3 déc. à 07h15 depuis CDG, vol AF1234 » */
export function flightTextFr(f: FlightView): string {
  return `${formatWhen('fr', f.departs)} depuis ${f.airport}${f.number ? `, vol ${f.number}` : ''}`;
}

function changeText(c: FlightChangeView): string {
  const parts = [
    ...(c.departs ? [`le départ était ${formatWhen('fr', c.departs)}`] : []),
    ...(c.airport ? [`l’aéroport était ${c.airport}`] : []),
    ...(c.number ? [`le vol était ${c.number}`] : []),
  ];
  return `Changement : ${parts.join(', ')}.`;
}

/** « 1 500 € »: thousands apart by a narrow no-break space, whatever the ICU data of the machine. */
const euros = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')}\u00a0€`;

function facts(p: { fineEur: number; checked: string }): string[] {
  return [
    'Ce que peuvent faire les passager·es : demander à l’équipage que le commandant de bord fasse débarquer la personne. S’adresser à l’équipage, pas aux policiers d’escorte.',
    `⚠ Risque pour les passager·es : des personnes qui l’ont fait ont été débarquées, retenues des heures, poursuivies, condamnées à une amende (${euros(p.fineEur)}) et interdites de vol par la compagnie. Chaque passager·e décide pour soi.`,
    `(D’après des guides de collectifs et la presse, vérifié le ${p.checked} : information, pas un conseil juridique.)`,
  ];
}

export const flightsFr: FlightMessages = {
  flightUsage: () => `Envoie ${EXAMPLE} (référence du dossier, date et heure du départ, code de l’aéroport, numéro de vol si connu). Jamais de nom.`,
  flightWhen: (p) =>
    p.error === 'when-past'
      ? `Cette heure de départ est déjà passée. ex. ${EXAMPLE}`
      : p.error === 'when-too-far'
        ? 'Ce départ est dans plus d’un an : vérifie la date.'
        : p.error === 'when-missing' || p.error === 'time-missing'
          ? `Quand part-il (date et heure) ? ex. ${EXAMPLE}`
          : `Je n’arrive pas à lire cette date (ou elle n’existe pas). ex. ${EXAMPLE}`,
  flightAirportMissing: () => `Depuis quel aéroport ? Donne son code à 3 lettres (CDG, ORY, LYS, BRU…), ex. ${EXAMPLE}`,
  flightAirportInvalid: (p) => `« ${p.word} » n’est pas un code d’aéroport : donne ses 3 lettres (CDG, ORY, LYS, BRU…).`,
  flightNumberInvalid: (p) => `« ${p.word} » n’est pas un numéro de vol (ex. AF1234). Laisse-le de côté si tu ne le connais pas.`,
  flightUnknownWord: (p) => `Je ne comprends pas « ${p.word} » ici. ex. ${EXAMPLE}`,

  flightAlert: (p) =>
    [
      `✈ URGENT — vol d’expulsion pour ${p.ref} : ${flightTextFr(p.flight)}.`,
      ...(p.change ? [changeText(p.change)] : []),
      ...(p.lawyer !== undefined ? [`1. Prévenir l’avocat·e maintenant : #${p.lawyer} — réponds « je prends ».`] : []),
      ...(p.airport !== undefined
        ? [`2. Aller à l’aéroport : #${p.airport}, à l’enregistrement dès ${formatTime('fr', p.meet)}. Tout le monde peut venir : réponds « je viens ». Deux ou trois personnes qui parlent calmement aux passager·es suffisent.`]
        : []),
      ...facts(p),
      p.network.coordinators > 0
        ? `Envoyé aussi à ${p.network.coordinators} référent·e${p.network.coordinators === 1 ? '' : 's'} de ${p.network.groups} autre${p.network.groups === 1 ? '' : 's'} groupe${p.network.groups === 1 ? '' : 's'} (référence, aéroport, heure et vol : jamais de nom).`
        : 'Aucun autre groupe ne reçoit encore les alertes de vol (un·e référent·e l’active là-bas avec /reseau oui).',
    ].join('\n'),
  flightRepeat: (p) =>
    `Ce vol de ${p.ref} (${flightTextFr(p.flight)}) a déjà été signalé le ${formatWhen('fr', p.alerted)} : rien n’est renvoyé. S’il change, envoie /vol ${p.ref} avec la nouvelle date, heure ou l’aéroport.`,
  flightNetwork: (p) =>
    [
      `✈ Alerte réseau — un vol d’expulsion, signalé par le groupe qui suit ${p.from} : dossier ${p.ref}, ${flightTextFr(p.flight)}.`,
      ...(p.change ? [changeText(p.change)] : []),
      'Si des personnes de ton collectif peuvent aller à l’aéroport, fais passer : deux ou trois personnes à l’enregistrement qui parlent calmement aux passager·es suffisent.',
      ...facts(p),
      'Tu reçois ceci parce que ton groupe a activé /reseau (/reseau non pour l’arrêter).',
    ].join('\n'),
  flightLawyerNote: () => 'vol d’expulsion prévu (l’échéance est son départ) : prévenir l’avocat·e maintenant',

  networkOn: () =>
    'Les référent·es de ce groupe reçoivent désormais en privé les alertes de vol d’expulsion des autres groupes de ce Parloir (référence, aéroport, heure et vol : jamais de nom). /reseau non pour arrêter.',
  networkOff: () => 'Les référent·es de ce groupe ne reçoivent plus les alertes de vol des autres groupes. /reseau oui pour les rétablir.',
  networkStatus: (p) =>
    p.on
      ? 'Ce groupe reçoit les alertes de vol des autres groupes (les référent·es, en privé). /reseau non pour arrêter.'
      : 'Ce groupe ne reçoit pas les alertes de vol des autres groupes. /reseau oui : ses référent·es les reçoivent en privé.',
};
