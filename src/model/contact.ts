import type { Block, ContactItem } from './types.js';

/** Contact details given in the report (phone, e-mail, address, postcode, website). */
export function extractContacts(_blocks: Block[]): ContactItem[] {
  return [];
}
