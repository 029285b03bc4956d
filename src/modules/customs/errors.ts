import { defineErrors } from '../../infra/errors/index.ts';

/** Customs' error codes (docs/customs.md lists them with their HTTP status). */
export const customsError = defineErrors('customs', {
  CUSTOMS_DECLARATION_NOT_FOUND: { status: 404, title: 'Declaration not found', fix: 'Check the id; a declarant sees only the declarations of its own enterprise.' },
  CUSTOMS_DOCUMENT_NOT_FOUND: { status: 404, title: 'Document not found', fix: 'Check the document id against `GET …/documents`.' },
  CUSTOMS_RELEASE_NOTICE_NOT_FOUND: { status: 404, title: 'No release notice', fix: 'A release notice exists only once the declaration is released.' },
  CUSTOMS_TRANSITION_NOT_ALLOWED: { status: 409, title: 'Not allowed in the current state', fix: 'Reload the declaration; `state` in the problem says where it is and `allowedActions` on the declaration what can be done.' },
  CUSTOMS_INSPECTION_REQUIRED: { status: 409, title: 'An inspection is required first', fix: 'Schedule and record an inspection, or override the channel with a reason.' },
  CUSTOMS_DOCUMENTS_NOT_ACCEPTED: { status: 409, title: 'The documents have not been accepted', fix: 'Accept the documents (or request more) before releasing.' },
  CUSTOMS_FINDINGS_REQUIRED: { status: 400, title: 'A discrepancy needs findings', fix: 'List at least one finding with a discrepancy outcome.' },
  CUSTOMS_CHANNEL_UNCHANGED: { status: 409, title: 'The channel is already that', fix: 'Choose a different channel to override to.' },
  CUSTOMS_NOT_ASSIGNED: { status: 403, title: 'The declaration is assigned to another officer', fix: 'Officers decide only the cases assigned to them; a supervisor can reassign it.' },
  CUSTOMS_OFFICER_UNKNOWN: { status: 400, title: 'Not an active customs officer', fix: 'Reassign to the id of an active user with the customs_officer role.' },
  CUSTOMS_DOCUMENT_TYPE_MISMATCH: { status: 415, title: 'The file is not what its content type says', fix: 'Send a PDF, JPEG or PNG with the matching `content-type`.' },
  CUSTOMS_DOCUMENT_EMPTY: { status: 400, title: 'The file is empty', fix: 'Send the file bytes as the request body.' },
  CUSTOMS_TARIFF_INVALID: { status: 400, title: 'The tariff file has bad rows', fix: 'Correct every line listed in `errors`; nothing was loaded.' },
  CUSTOMS_NO_TARIFF: { status: 503, title: 'No tariff is loaded', fix: 'Load one with `borderflow tariff load FILE`.' },
});

/** A customs error code. */
export type CustomsErrorCode = Parameters<typeof customsError>[0];
