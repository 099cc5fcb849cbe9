// A request's post as the group sees it: its text and its buttons, from its current state.
// Used for new posts, re-posted cards and the latest state shown after a held-back change.

import type { Request } from '../core/domain.js';
import type { ButtonAction, OutboundButton } from '../core/transport.js';
import { t } from '../i18n/index.js';
import type { Lang } from '../i18n/lang.js';
import type { ViewContext } from './context.js';
import { requestView } from './views.js';

export function postCard(ctx: ViewContext & { readonly now?: number }, request: Request, lang: Lang, urgent: boolean): { text: string; buttons: OutboundButton[] } {
  const view = requestView(ctx, request);
  return { text: t(lang, urgent ? 'urgentPost' : 'post', { request: view }), buttons: buttonsFor(request, lang, view.hearing === true || view.airport !== undefined) };
}

/** `going`: a hearing's or a flight's airport task, where taking it is not driving. */
function buttonsFor(request: Request, lang: Lang, going: boolean): OutboundButton[] {
  const button = (action: ButtonAction, label: 'buttonDrive' | 'buttonSeat' | 'buttonTake' | 'buttonRelease'): OutboundButton => ({
    action,
    label: t(lang, label),
  });
  if (request.state === 'open') {
    return request.kind === 'visit'
      ? [button('claim', going ? 'buttonTake' : 'buttonDrive'), ...(request.seats > 0 ? [button('join', 'buttonSeat')] : [])]
      : [button('claim', 'buttonTake')];
  }
  if (request.state === 'claimed') {
    const seatFree = request.kind === 'visit' && request.passengers.length < request.seats;
    return [...(seatFree ? [button('join', 'buttonSeat')] : []), button('release', 'buttonRelease')];
  }
  return [];
}
