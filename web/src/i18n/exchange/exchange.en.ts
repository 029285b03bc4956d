/** English texts of the exchange's portal panel (advance data from the partner customs). */
export const exchangeEn = {
  'exchange.advance.title': 'Advance data from the partner customs',
  'exchange.advance.intro': 'Export declarations the partner customs sent for goods your enterprise imports. Start your import declaration from one: it is pre-filled, and differences with the partner’s data are flagged.',
  'exchange.advance.partner': 'From',
  'exchange.advance.reference': 'Partner reference',
  'exchange.advance.exporter': 'Exporter',
  'exchange.advance.containers': 'Containers',
  'exchange.advance.received': 'Received',
  'exchange.advance.create': 'Create import declaration',
  'exchange.advance.creating': 'Creating…',
};
