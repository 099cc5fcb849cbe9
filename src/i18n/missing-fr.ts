// Textes français de /disparu (#16), fusionnés dans fr.ts. Déclaré `: MissingMessages` : une clé
// manquante ou des paramètres différents font échouer le typage.

import { joinList } from './format.js';
import type { MissingCentreView, MissingMessages, MissingView } from './missing-en.js';

const km = (c: MissingCentreView): string => {
  const parts = [...(c.km === undefined ? [] : c.km === 0 ? ['même commune'] : [`~${c.km} km`]), ...(c.abroad ? ['autre pays'] : [])];
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
};

/** Qui prévenir : l'association d'un centre français, l'avocat·e et les ONG en Belgique. */
function alert(v: MissingView): string[] {
  const any = v.centres.length === 0;
  const here = v.association ? ` Au ${v.centres[0]?.name ?? 'centre'} : ${v.association}.` : '';
  const lines: string[] = [];
  if (v.fr || any) {
    lines.push(`4. Prévenir l’association d’aide juridique du centre (en France : La Cimade, Forum réfugiés, SOS Solidarités–Assfam ou France terre d’asile, selon le centre).${here}`);
  }
  if (v.be || any) lines.push(`${lines.length > 0 ? 'En Belgique : prévenir' : '4. Prévenir'} son avocat·e et les ONG qui visitent le centre.${lines.length > 0 ? '' : here}`);
  return lines;
}

export const missingFr: MissingMessages = {
  missing: (p: { view: MissingView }) => {
    const v = p.view;
    const call =
      v.centres.length > 0
        ? [
            '2. Appeler le commissariat de la ville où la personne a été vue pour la dernière fois, puis les centres, du plus proche au plus lointain :',
            ...v.centres.map((c) => `• ${c.name}${km(c)}${c.phone ? ` — ☎ ${c.phone}` : ''}`),
            ...(v.centres.some((c) => !c.phone) ? ['Pas de numéro affiché : aucun n’a encore été vérifié ; demandez à l’association.'] : []),
          ]
        : [
            '2. Appeler le commissariat de la ville où la personne a été vue pour la dernière fois, puis les centres de rétention proches.',
            'Pour les avoir du plus proche au plus lointain, envoyez /disparu avec le centre le plus proche de là où elle a été vue, ex. /disparu Vincennes',
          ];
    return [
      '🔎 Une personne a disparu : que faire',
      'Rien sur la personne n’est enregistré ici. N’écrivez jamais son nom dans le groupe.',
      ...(v.unmatched ? ['(Aucun centre ne correspond aux mots après /disparu ; ils n’ont pas été gardés.)'] : []),
      '1. Les premières 24 heures : attendre, et se renseigner autour de soi (amis, famille, hébergement, travail).',
      ...call,
      `3. Donner le nom sous lequel elle est enregistrée (il peut différer de celui que vous connaissez : essayez chaque orthographe), sa nationalité et sa date de naissance${v.be || v.centres.length === 0 ? ' ; en Belgique, son numéro de badge' : ''}.`,
      'Un centre peut répondre « pas ici » : faites vérifier aussi par l’association.',
      ...alert(v),
      'Retrouvée ? Pour la suivre ensemble, ouvrez un dossier avec une référence, jamais un nom : /dossier R-12 placé 28/11 9h30 (puis /details R-12 en privé pour ce dont l’avocat·e a besoin).',
    ].join('\n');
  },
  missingWhich: (p: { centres: readonly string[]; example: string }) =>
    `Vous suivez plusieurs centres (${joinList('fr', p.centres)}). Lequel est le plus proche de là où la personne a été vue ? ex. /disparu ${p.example}`,
};
