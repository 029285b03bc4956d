/** The codes of the customs API: what a declaration, a channel or a document may be (docs/customs.md). */

/** Declaration types (WCO). */
export const DECLARATION_TYPES = ['import', 'export', 'transit'] as const;
/** Which way the goods cross. */
export const DIRECTIONS = ['inbound', 'outbound'] as const;
/** The road border gates the platform runs. */
export const BORDER_GATES = ['VN-HUUNGHI', 'VN-TANTHANH', 'VN-MONGCAI'] as const;
/** Risk channels. */
export const CHANNELS = ['green', 'yellow', 'red'] as const;
/** UN/ECE Rec 20 units the backend accepts. */
export const UNITS = ['KGM', 'TNE', 'GRM', 'LTR', 'MTR', 'MTK', 'MTQ', 'NAR', 'H87', 'C62', 'PCE', 'SET', 'PR', 'DZN', 'CT', 'BX', 'BG', 'PK'] as const;
/** Supporting document types. */
export const DOCUMENT_TYPES = [
  'commercial_invoice', 'packing_list', 'certificate_of_origin', 'phytosanitary_certificate', 'quarantine_certificate',
  'contract', 'bill_of_lading', 'inspection_photo', 'other',
] as const;
/** The largest upload the server takes (10 MiB). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** A risk channel. */
export type Channel = (typeof CHANNELS)[number];
