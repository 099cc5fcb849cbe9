// Replies to a bot message about a request, as members type them: claims, seats, releases, and
// what is none of these (questions, maybes, negatives) and must only get a hint.

import type { ReplyBlock, Situation } from './types.js';

const OPEN_VISIT: Situation = { kind: 'visit', holder: 'none', seats: 2, free: 2 };
const DRIVEN_VISIT: Situation = { kind: 'visit', holder: 'other', seats: 3, free: 2 };
const FULL_VISIT: Situation = { kind: 'visit', holder: 'other', seats: 1, free: 0 };
const OPEN_PACKAGE: Situation = { kind: 'package', holder: 'none', seats: 0, free: 0 };
const OPEN_LAWYER: Situation = { kind: 'lawyer', holder: 'none', seats: 0, free: 0 };
const MY_VISIT: Situation = { kind: 'visit', holder: 'me', seats: 2, free: 1 };
const MY_SEAT: Situation = { kind: 'visit', holder: 'other', seats: 2, free: 1, passenger: true };
const MY_PACKAGE: Situation = { kind: 'package', holder: 'me', seats: 0, free: 0 };
const MY_LAWYER: Situation = { kind: 'lawyer', holder: 'me', seats: 0, free: 0 };

export const REPLIES: readonly ReplyBlock[] = [
  {
    category: 'claim-fr',
    groupLang: 'fr',
    situation: OPEN_VISIT,
    cases: [
      ['je prends', 'claim', 'fr'], ['Je prends', 'claim', 'fr'], ['je prend', 'claim', 'fr'], ['jprends', 'claim', 'fr'],
      ["j'prends", 'claim', 'fr'], ['Je prends !', 'claim', 'fr'], ['je prends 👍', 'claim', 'fr'], ['je la prends', 'claim', 'fr'],
      ['moi', 'claim', 'fr'], ['Moi', 'claim', 'fr'], ['moi !', 'claim', 'fr'], ['Moi 🙋‍♀️', 'claim', 'fr'],
      ['moi je peux', 'claim', 'fr'], ['Moi je peux y aller', 'claim', 'fr'], ['je peux', 'claim', 'fr'], ['je peux y aller', 'claim', 'fr'],
      ['dispo', 'claim', 'fr'], ['Dispo !', 'claim', 'fr'], ['je suis dispo', 'claim', 'fr'], ['ok pour moi', 'claim', 'fr'],
      ['ok je prends', 'claim', 'fr'], ["c'est bon je m'en occupe", 'claim', 'fr'], ["je m'en occupe", 'claim', 'fr'],
      ['je m’en occupe', 'claim', 'fr'], ["jm'en occupe", 'claim', 'fr'], ['je conduis', 'claim', 'fr'], ["j'ai une voiture", 'claim', 'fr'],
      ['jai une voiture', 'claim', 'fr'], ['je peux conduire', 'claim', 'fr'], ["je m'en charge", 'claim', 'fr'], ['je gère', 'claim', 'fr'],
      ['je gere', 'claim', 'fr'], ["c'est pour moi", 'claim', 'fr'], ["j'y vais", 'claim', 'fr'], ["moi j'y vais", 'claim', 'fr'],
      ['ok', 'claim'], ['👍', 'claim'], ['✋', 'claim'], ['🙋', 'claim'], ['🙋‍♂️', 'claim'], ['👍🏽', 'claim'],
    ],
  },
  {
    category: 'claim-fr',
    groupLang: 'fr',
    situation: OPEN_PACKAGE,
    cases: [
      ['je peux passer', 'claim', 'fr'], ['je peux le déposer', 'claim', 'fr'], ["je l'apporte", 'claim', 'fr'], ['je peux apporter', 'claim', 'fr'],
      ['je prends', 'claim', 'fr'], ['moi', 'claim', 'fr'], ['je le prends', 'claim', 'fr'], ['je peux le faire', 'claim', 'fr'],
    ],
  },
  {
    category: 'claim-fr',
    groupLang: 'fr',
    situation: OPEN_LAWYER,
    cases: [
      ["j'appelle", 'claim', 'fr'], ['je peux appeler', 'claim', 'fr'], ["je m'occupe de l'avocat", 'claim', 'fr'], ['je contacte la Cimade', 'claim', 'fr'],
      ['je prends', 'claim', 'fr'], ['moi', 'claim', 'fr'],
    ],
  },
  {
    category: 'claim-fr',
    groupLang: 'fr',
    situation: DRIVEN_VISIT,
    cases: [['je conduis', 'claim', 'fr'], ["j'ai une voiture", 'claim', 'fr']],
  },
  {
    category: 'claim-en',
    groupLang: 'en',
    situation: OPEN_VISIT,
    cases: [
      ['I can drive', 'claim', 'en'], ['on it', 'claim', 'en'], ['On it 👍', 'claim', 'en'], ['I got it', 'claim', 'en'],
      ["I've got it", 'claim', 'en'], ['count me in', 'claim', 'en'], ["I'll do it", 'claim', 'en'], ['I can do it', 'claim', 'en'],
      ['I can go', 'claim', 'en'], ['me', 'claim', 'en'], ['Me!', 'claim', 'en'], ["I'll take it", 'claim', 'en'],
      ['I can take it', 'claim', 'en'], ["I'll drive", 'claim', 'en'], ['I have a car', 'claim', 'en'], ["I'm on it", 'claim', 'en'],
      ['sure I can', 'claim', 'en'], ['I can', 'claim', 'en'], ["I'm available", 'claim', 'en'], ['yes I can', 'claim', 'en'],
      ['Me 🙋', 'claim', 'en'], ['ok', 'claim', 'en'], ['👍', 'claim', 'en'], ['✋', 'claim', 'en'],
    ],
  },
  {
    category: 'claim-en',
    groupLang: 'en',
    situation: OPEN_PACKAGE,
    cases: [["I'll bring it", 'claim', 'en'], ['I can bring it', 'claim', 'en'], ['I can drop it off', 'claim', 'en'], ['me', 'claim', 'en']],
  },
  {
    category: 'claim-en',
    groupLang: 'en',
    situation: OPEN_LAWYER,
    cases: [['I can call', 'claim', 'en'], ["I'll call them", 'claim', 'en'], ["I'll take it", 'claim', 'en']],
  },
  {
    category: 'join-fr',
    groupLang: 'fr',
    situation: DRIVEN_VISIT,
    cases: [
      ['je viens', 'join', 'fr'], ['je viens aussi', 'join', 'fr'], ['une place pour moi', 'join', 'fr'], ['moi aussi', 'join', 'fr'],
      ['je monte', 'join', 'fr'], ['+1', 'join'], ['je suis partante', 'join', 'fr'], ['partant', 'join', 'fr'],
      ['je veux bien venir', 'join', 'fr'], ['je peux venir', 'join', 'fr'], ['je viens avec toi', 'join', 'fr'], ["j'viens", 'join', 'fr'],
      ['une place stp', 'join', 'fr'], ['je prends une place', 'join', 'fr'], ['place pour moi', 'join', 'fr'], ['moi aussi je viens', 'join', 'fr'],
      ['Je viens !', 'join', 'fr'], ['+1 pour moi', 'join', 'fr'],
      // "moi" on a visit that already has a driver and free seats takes a seat, not a "too late"
      ['moi', 'join', 'fr'], ['moi je peux', 'join', 'fr'], ['dispo', 'join', 'fr'], ['👍', 'join'], ['🙋‍♀️', 'join'],
      // an explicit "je prends" still means the whole request: "too late", with who has it
      ['je prends', 'claim', 'fr'],
    ],
  },
  {
    category: 'join-fr',
    groupLang: 'fr',
    situation: OPEN_VISIT,
    cases: [['je viens', 'join', 'fr'], ['une place pour moi', 'join', 'fr'], ['+1', 'join']],
  },
  {
    category: 'join-en',
    groupLang: 'en',
    situation: DRIVEN_VISIT,
    cases: [
      ['count me in as passenger', 'join', 'en'], ["I'll come", 'join', 'en'], ["I'm coming too", 'join', 'en'], ['me too', 'join', 'en'],
      ['+1', 'join'], ["I'll join", 'join', 'en'], ['can I come', 'join', 'en'], ['a seat for me', 'join', 'en'],
      ["I'd like a seat", 'join', 'en'], ["I'm in", 'join', 'en'], ['me', 'join', 'en'], ['count me in', 'join', 'en'],
    ],
  },
  {
    category: 'join-en',
    groupLang: 'fr',
    situation: FULL_VISIT,
    cases: [['me too', 'join', 'en'], ['moi aussi', 'join', 'fr']],
  },
  {
    category: 'release-fr',
    groupLang: 'fr',
    situation: MY_VISIT,
    cases: [
      ['je peux plus', 'release', 'fr'], ['je ne peux plus', 'release', 'fr'], ['désolé je lâche', 'release', 'fr'], ['desole je lache', 'release', 'fr'],
      ['empêchement', 'release', 'fr'], ["j'ai un empêchement", 'release', 'fr'], ['je dois annuler', 'release', 'fr'], ['je ne pourrai pas', 'release', 'fr'],
      ['je pourrai pas finalement', 'release', 'fr'], ['finalement je peux pas', 'release', 'fr'], ['je me désiste', 'release', 'fr'], ['je lâche', 'release', 'fr'],
      ['plus dispo', 'release', 'fr'], ['je suis plus dispo', 'release', 'fr'], ["j'ai un imprévu", 'release', 'fr'], ['dsl je peux plus', 'release', 'fr'],
    ],
  },
  {
    category: 'release-fr',
    groupLang: 'fr',
    situation: MY_SEAT,
    cases: [
      ['je laisse ma place', 'release', 'fr'], ['je ne viens plus', 'release', 'fr'], ['je viens plus', 'release', 'fr'], ['je peux plus venir', 'release', 'fr'],
    ],
  },
  {
    category: 'release-fr',
    groupLang: 'fr',
    situation: MY_PACKAGE,
    cases: [['je peux plus', 'release', 'fr'], ['empêchement désolée', 'release', 'fr']],
  },
  {
    category: 'release-en',
    groupLang: 'en',
    situation: MY_VISIT,
    cases: [
      ["can't make it", 'release', 'en'], ["I can't make it", 'release', 'en'], ['I have to drop out', 'release', 'en'], ["sorry I can't anymore", 'release', 'en'],
      ["I can't go anymore", 'release', 'en'], ['something came up', 'release', 'en'], ['I need to cancel', 'release', 'en'], ["I'm out", 'release', 'en'],
      ['not available anymore', 'release', 'en'], ['cant make it sorry', 'release', 'en'],
    ],
  },
  {
    category: 'release-en',
    groupLang: 'fr',
    situation: MY_LAWYER,
    cases: [["can't make it", 'release', 'en'], ['I have to drop out', 'release', 'en']],
  },
  {
    category: 'hint-fr',
    groupLang: 'fr',
    situation: OPEN_VISIT,
    cases: [
      ["c'est à quelle heure ?", 'hint', 'fr'], ['qui conduit ?', 'hint', 'fr'], ['il faut apporter quoi', 'hint', 'fr'], ['peut-être', 'hint', 'fr'],
      ['je sais pas encore', 'hint', 'fr'], ['je sais pas si je peux', 'hint', 'fr'], ['je peux pas', 'hint', 'fr'], ['pas dispo', 'hint', 'fr'],
      ['pas moi', 'hint', 'fr'], ['je peux pas samedi', 'hint', 'fr'], ['à quelle adresse ?', 'hint', 'fr'], ['on se retrouve où ?', 'hint', 'fr'],
      ['je verrai demain', 'hint', 'fr'], ['quelqu’un a le numéro de l’avocate ?', 'hint', 'fr'],
    ],
  },
  {
    category: 'hint-fr',
    groupLang: 'fr',
    situation: OPEN_PACKAGE,
    cases: [['je viens', 'hint', 'fr'], ["c'est quoi la taille ?", 'hint', 'fr']],
  },
  {
    category: 'hint-en',
    groupLang: 'fr',
    situation: OPEN_VISIT,
    cases: [
      ['what time is it?', 'hint', 'en'], ['who is driving?', 'hint', 'en'], ['maybe', 'hint', 'en'], ["I can't", 'hint', 'en'],
      ['not me', 'hint', 'en'], ["I don't think I can", 'hint', 'en'], ["can't this time", 'hint', 'en'], ['where do we meet?', 'hint', 'en'],
    ],
  },
];
