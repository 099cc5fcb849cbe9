// English texts of /missing (#16), merged into en.ts. This object defines the MissingMessages
// type: missing-fr.ts must provide every key with the same parameters. The steps follow the
// seeds' procedure and LAW-AND-PRACTICE.md §C item 1, §A1.7 (the four associations), §A3.

import { joinList } from './format.js';

/** One centre to call, nearest first. */
export interface MissingCentreView {
  readonly name: string;
  /** Rounded distance from the first centre (approximate positions); undefined for the first. */
  readonly km?: number;
  /** In another country than the first centre. */
  readonly abroad: boolean;
  /** The switchboard from the centre's card, only when the card has a sourced one. */
  readonly phone?: string;
}

export interface MissingView {
  /** Centres to call, the starting one first; empty when no centre is known yet. */
  readonly centres: readonly MissingCentreView[];
  /** Which systems the list touches: what to give and whom to alert differ. */
  readonly fr: boolean;
  readonly be: boolean;
  /** The association named on the first centre's card, when the card has one. */
  readonly association?: string;
  /** Words followed /missing but named no centre (and were not kept). */
  readonly unmatched: boolean;
}

const km = (c: MissingCentreView): string => {
  const parts = [...(c.km === undefined ? [] : c.km === 0 ? ['same town'] : [`~${c.km} km`]), ...(c.abroad ? ['other country'] : [])];
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
};

/** Whom to alert: the association in a French centre, the lawyer and visiting NGOs in Belgium. */
function alert(v: MissingView): string[] {
  const any = v.centres.length === 0;
  const here = v.association ? ` At ${v.centres[0]?.name ?? 'this centre'}: ${v.association}.` : '';
  const lines: string[] = [];
  if (v.fr || any) {
    lines.push(`4. Alert the legal-aid association in the centre (France: La Cimade, Forum réfugiés, SOS Solidarités–Assfam or France terre d'asile, depending on the centre).${here}`);
  }
  if (v.be || any) lines.push(`${lines.length > 0 ? 'In Belgium: alert' : '4. Alert'} their lawyer and the NGOs that visit the centre.${lines.length > 0 ? '' : here}`);
  return lines;
}

export const missingEn = {
  missing: (p: { view: MissingView }) => {
    const v = p.view;
    const call =
      v.centres.length > 0
        ? [
            '2. Call the police station of the town where they were last seen, then the centres, nearest first:',
            ...v.centres.map((c) => `• ${c.name}${km(c)}${c.phone ? ` — ☎ ${c.phone}` : ''}`),
            ...(v.centres.some((c) => !c.phone) ? ['No number shown: none has been checked yet; ask the association.'] : []),
          ]
        : [
            '2. Call the police station of the town where they were last seen, then the detention centres near it.',
            'To get them nearest first, send /missing with the centre closest to where they were last seen, e.g. /missing Vincennes',
          ];
    return [
      '🔎 Someone has gone missing: what to do',
      'Nothing about the person is stored here. Never write their name in the group.',
      ...(v.unmatched ? ['(No centre matched the words after /missing; they were not kept.)'] : []),
      '1. In the first 24 hours: wait, and ask around (friends, family, housing, work).',
      ...call,
      `3. Give the name they are registered under (it may differ from the one you know: try each spelling), their nationality and date of birth${v.be || v.centres.length === 0 ? '; in Belgium, their badge number' : ''}.`,
      'A centre may answer "not here": have the association check too.',
      ...alert(v),
      'Found? To follow them together, open a case with a reference, never a name: /case R-12 placed 2026-11-28 09:30 (then /details R-12 in a direct chat for what the lawyer needs).',
    ].join('\n');
  },
  missingWhich: (p: { centres: readonly string[]; example: string }) =>
    `You follow several centres (${joinList('en', p.centres)}). Which one is nearest to where they were last seen? e.g. /missing ${p.example}`,
} as const;

export type MissingMessages = { readonly [K in keyof typeof missingEn]: (typeof missingEn)[K] };
