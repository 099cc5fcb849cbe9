// A request's post as the group sees it: its text and its buttons, from its current state.
// Used for new posts, re-posted cards and the latest state shown after a held-back change.

import type { Request } from '../core/domain.js';
import type { ButtonAction, OutboundButton } from '../core/transport.js';
import { t } from '../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import type { ViewContext } from './context.js';
import { requestView } from './views.js';

export function postCard(ctx: ViewContext & { readonly now?: number }, request: Request, lang: Lang, urgent: boolean): { text: string; buttons: OutboundButton[] } {
  return { text: t(lang, urgent ? 'urgentPost' : 'post', { request: requestView(ctx, request) }), buttons: buttonsFor(request, lang) };
}

function buttonsFor(request: Request, lang: Lang): OutboundButton[] {
  const button = (action: ButtonAction, label: 'buttonDrive' | 'buttonSeat' | 'buttonTake' | 'buttonRelease'): OutboundButton => ({
    action,
    label: t(lang, label),
  });
  if (request.state === 'open') {
    return request.kind === 'visit'
      ? [button('claim', 'buttonDrive'), ...(request.seats > 0 ? [button('join', 'buttonSeat')] : [])]
      : [button('claim', 'buttonTake')];
  }
  if (request.state === 'claimed') {
    const seatFree = request.kind === 'visit' && request.passengers.length < request.seats;
    return [...(seatFree ? [button('join', 'buttonSeat')] : []), button('release', 'buttonRelease')];
  }
  return [];
}
