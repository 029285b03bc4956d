import { Resource, type Simulation } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { always, duringHours, onDuty, openHours, scheduleCapacity } from './capacity.ts';

/** The resources of a crossing in queue mode. */
export interface Site {
  entry: { import: Resource; export: Resource };
  exit: { import: Resource; export: Resource };
  yard: Resource;
  weighbridges: Resource;
  scanners: Resource;
  officers: Resource;
  agvs: Resource;
  egates: Resource;
  guards: Resource;
}

/** Builds the site's resources and schedules their capacity over the run (hours, shifts, failures). */
export function buildSite(sim: Simulation, s: Scenario, horizon: number): Site {
  const { open, close } = s.hours.trucks;
  const people = s.hours.people;
  const make = (name: string, key: string, base: (minute: number) => number): Resource => {
    const r = new Resource(sim, name, 0);
    scheduleCapacity(sim, r, key, base, s, horizon);
    return r;
  };
  return {
    entry: {
      import: make('entryLanes.import', 'entryLanes.import', openHours(s.site.entryLanes.import, open, close)),
      export: make('entryLanes.export', 'entryLanes.export', openHours(s.site.entryLanes.export, open, close)),
    },
    exit: {
      import: make('exitLanes.import', 'exitLanes.import', openHours(s.site.exitLanes.import, open, close)),
      export: make('exitLanes.export', 'exitLanes.export', openHours(s.site.exitLanes.export, open, close)),
    },
    yard: make('yard', 'yard', always(s.site.yardPlaces)),
    weighbridges: make('weighbridges', 'weighbridges', always(s.site.weighbridges)),
    scanners: make('scanners', 'scanners', always(s.site.scanners)),
    officers: make('customsOfficers', 'customsOfficers', onDuty(s, 'customsOfficers')),
    agvs: make('agvs', 'agvs', openHours(s.site.agvs, open, close)),
    egates: make('egateLanes', 'egateLanes', openHours(s.site.egateLanes, people.open, people.close)),
    guards: make('borderGuards', 'borderGuards', duringHours(onDuty(s, 'borderGuards'), people.open, people.close)),
  };
}

/** Every resource of the site by its report name. */
export function siteResources(site: Site): Resource[] {
  return [site.entry.import, site.entry.export, site.yard, site.weighbridges, site.scanners, site.officers, site.exit.import, site.exit.export, site.agvs, site.egates, site.guards];
}
