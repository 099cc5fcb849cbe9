// OutboundMessage → POST /v2/send body. Groups are addressed "group.<id>" (the REST form the
// chat address already holds), people by their ACI UUID, which works for hidden numbers too.

import { DeliveryError } from '../../src/core/delivery-error.js';
import { memberAddress, splitAddress, type MemberAddress } from '../../src/core/ids.js';
import type { OutboundMessage } from '../../src/core/transport.js';
import { internalGroupId, isRestGroupId } from './group-id.js';
import type { SendMessageBody } from './wire-types.js';

export interface Addressed {
  readonly body: SendMessageBody;
  readonly toGroup: boolean;
  /** The person a direct message goes to. */
  readonly member?: MemberAddress;
}

function localPart(address: string): string {
  const { transport, localId } = splitAddress(address as MemberAddress);
  if (transport !== 'signal') throw new DeliveryError({ code: 'SIGNAL_FOREIGN_ADDRESS', retry: 'never' });
  return localId;
}

function timestampOf(ref: string, code: string): number {
  const value = Number(ref);
  if (!/^\d+$/.test(ref) || !Number.isSafeInteger(value)) throw new DeliveryError({ code, retry: 'never' });
  return value;
}

export function buildSendBody(message: OutboundMessage, botNumber: string): Addressed {
  const recipient = localPart(message.to);
  const toGroup = isRestGroupId(recipient);
  if (toGroup && internalGroupId(recipient) === undefined) throw new DeliveryError({ code: 'SIGNAL_BAD_GROUP_ID', retry: 'never' });

  let quote: Pick<SendMessageBody, 'quote_timestamp' | 'quote_author'> = {};
  if (message.replyTo) {
    // No author given, or the bot itself: the quoted post is the bot's own, named by its number.
    const author = message.replyTo.author;
    const quoteAuthor = !author || author === memberAddress('signal', botNumber) ? botNumber : localPart(author);
    quote = { quote_timestamp: timestampOf(message.replyTo.ref, 'SIGNAL_BAD_QUOTE_REF'), quote_author: quoteAuthor };
  }
  const body: SendMessageBody = {
    number: botNumber,
    recipients: [recipient],
    message: message.text,
    // User-supplied text must never be parsed for *styles*; the server default can be flipped by env.
    text_mode: 'normal',
    ...quote,
    ...(message.edit ? { edit_timestamp: timestampOf(message.edit, 'SIGNAL_BAD_EDIT_REF') } : {}),
  };
  return { body, toGroup, ...(toGroup ? {} : { member: memberAddress('signal', recipient) }) };
}
