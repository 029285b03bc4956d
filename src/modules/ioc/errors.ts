import { defineErrors } from '../../infra/errors/index.ts';

/** The IOC's error codes (docs/ioc.md). */
export const iocError = defineErrors('ioc', {
  IOC_ALERT_NOT_FOUND: { status: 404, title: 'Alert not found', fix: 'Check the alert id (`alr_…`) against `GET /api/ioc/alerts`.' },
  IOC_ALERT_CLOSED: { status: 409, title: 'The alert is already resolved', fix: 'Resolved alerts take no more actions; a new alert is raised if the condition comes back.' },
  IOC_ALERT_ALREADY_ACKNOWLEDGED: { status: 409, title: 'The alert is already acknowledged', fix: 'Reload the alert list: someone acknowledged it first (`acknowledgedBy`).' },
  IOC_ASSIGNEE_UNKNOWN: { status: 422, title: 'No operations-centre user of that name', fix: 'Assign the alert to the username of an active operator, supervisor or admin.' },
  IOC_INCIDENT_NOT_FOUND: { status: 404, title: 'Incident not found', fix: 'Check the incident id (`inc_…`).' },
  IOC_INCIDENT_RESOLVED: { status: 409, title: 'The incident is resolved', fix: 'A resolved incident takes no more notes or assignments; open a new one.' },
  IOC_RANGE_INVALID: { status: 400, title: 'The time range is not valid', fix: '`from` must be before `to`, and the range at most 24 hours.' },
});

/** An IOC error code. */
export type IocErrorCode = Parameters<typeof iocError>[0];
