#!/usr/bin/env python3
"""SimPy 3 model of the Borderflow queue-mode crossing: the same network as src/sim/queue/.

Usage: model.py SCENARIO.json SEED [SEED ...]   (the scenario with `extends` already merged)
Prints one JSON object: wall time per seed (simulation only, not interpreter start-up) and the
headline KPIs, so the bench can check both models describe the same day.

Capacity changes (opening hours, shifts, failures) are modelled with "blocker" requests at top
priority: SimPy's resources have a fixed capacity, and a blocker waiting at priority -1 takes the
next unit that frees up, which is exactly the non-preemptive capacity cut of the TypeScript engine.
Random numbers come from Python's Mersenne Twister per named stream, so the days are
statistically, not bitwise, the same as the TypeScript ones.
"""
import json
import math
import random
import sys
import time

import simpy

DAY = 24 * 60


def minutes(hhmm):
    h, m = hhmm.split(':')
    return int(h) * 60 + int(m)


def sampler(spec):
    d = spec['dist']
    if d == 'constant':
        return lambda r: spec['value']
    if d == 'uniform':
        return lambda r: r.uniform(spec['min'], spec['max'])
    if d == 'exponential':
        return lambda r: r.expovariate(1 / spec['mean'])
    if d == 'erlang':
        k, m = spec['k'], spec['mean'] / spec['k']
        return lambda r: sum(r.expovariate(1 / m) for _ in range(k))
    if d == 'lognormal':
        s2 = math.log(1 + spec['sd'] ** 2 / spec['mean'] ** 2)
        mu, sigma = math.log(spec['mean']) - s2 / 2, math.sqrt(s2)
        return lambda r: r.lognormvariate(mu, sigma)
    if d == 'normal':
        lo = spec.get('min', 0)
        return lambda r: max(lo, r.gauss(spec['mean'], spec['sd']))
    if d == 'triangular':
        return lambda r: r.triangular(spec['min'], spec['max'], spec['mode'])
    if d == 'empirical':
        vals, w = spec['values'], spec.get('weights') or [1] * len(spec['values'])
        return lambda r: r.choices(vals, w)[0]
    raise ValueError(d)


class Streams:
    def __init__(self, seed):
        self.seed, self.streams = seed, {}

    def __call__(self, name):
        if name not in self.streams:
            self.streams[name] = random.Random(f'{self.seed}/{name}')
        return self.streams[name]


class Pool:
    """A PriorityResource whose capacity follows a timeline, via blocker requests."""

    def __init__(self, env, s, key, base, horizon):
        downs = [(minutes(f['from']), minutes(f['to']), f['units']) for f in s['failures']
                 if f['kind'] == 'resource-down' and f['resource'] == key]
        cap_at = lambda t: max(0, base(t) - sum(u for a, b, u in downs if a <= t < b))
        points = sorted({0} | {t for t in range(1, int(horizon)) if base(t) != base(t - 1)} | {p for a, b, _ in downs for p in (a, b)})
        self.top = max(1, max(cap_at(t) for t in points))
        self.res = simpy.PriorityResource(env, capacity=self.top)
        self.blockers, self.capacity = [], self.top
        self.env = env
        for t in points:
            if t < horizon:
                env.process(self._change_at(t, cap_at(t)))

    def _change_at(self, t, cap):
        yield self.env.timeout(t)
        self.capacity = cap
        want = self.top - cap
        while len(self.blockers) < want:
            self.blockers.append(self.res.request(priority=-1))
        while len(self.blockers) > want:
            b = self.blockers.pop()
            if b.triggered:
                self.res.release(b)
            else:
                b.cancel()


def hourly_arrivals(r, per_day, weights):
    total = sum(weights)
    out = []
    for h in range(24):
        rate = per_day * weights[h] / total / 60
        if rate <= 0:
            continue
        t = h * 60 + r.expovariate(rate)
        while t < (h + 1) * 60:
            out.append(t)
            t += r.expovariate(rate)
    return out


def run_day(s, seed):
    env = simpy.Environment()
    rs = Streams(seed)
    horizon = s['horizonHours'] * 60
    site, th, ph = s['site'], s['hours']['trucks'], s['hours']['people']

    def daily(a, b):
        fa, fb = minutes(a), minutes(b)
        return lambda t: fa <= t % DAY < fb

    truck_open, people_open = daily(th['open'], th['close']), daily(ph['open'], ph['close'])
    shifts = [(daily(x['from'], x['to']), x) for x in s['staffing']]
    duty = lambda role: (lambda t: sum(x[role] for inside, x in shifts if inside(t)))
    pool = lambda key, base: Pool(env, s, key, base, horizon)
    entry = {d: pool(f'entryLanes.{d}', lambda t, d=d: site['entryLanes'][d] if truck_open(t) else 0) for d in ('import', 'export')}
    exit_ = {d: pool(f'exitLanes.{d}', lambda t, d=d: site['exitLanes'][d] if truck_open(t) else 0) for d in ('import', 'export')}
    yard = pool('yard', lambda t: site['yardPlaces'])
    weighbridges = pool('weighbridges', lambda t: site['weighbridges'])
    scanners = pool('scanners', lambda t: site['scanners'])
    officers = pool('customsOfficers', duty('customsOfficers'))
    agvs = pool('agvs', lambda t: site['agvs'] if truck_open(t) else 0)
    egates = pool('egateLanes', lambda t: site['egateLanes'] if people_open(t) else 0)
    guard_duty = duty('borderGuards')
    guards = pool('borderGuards', lambda t: guard_duty(t) if people_open(t) else 0)
    svc = {k: (sampler(v), rs(f'service.{k}')) for k, v in s['service'].items()}
    outages = [(minutes(f['from']), minutes(f['to'])) for f in s['failures'] if f['kind'] == 'partner-link-down']
    k = {'arrived': 0, 'served': 0, 'fallbacks': 0, 'people': 0, 'events': 0}
    clearance, crossing, people_x = [], [], []

    # Demand and booking, drawn up front in desired-time order as in arrivals.ts.
    wanted = []
    for i, f in enumerate(s['trucks']['flows']):
        r = rs(f"trucks.{i}.{f['direction']}.{f['goodsClass']}.arrivals")
        wanted += [(t, i) for t in hourly_arrivals(r, f['perDay'], s['profiles'][f['profile']])]
    wanted.sort()
    attr, br, b = rs('trucks.attributes'), rs('trucks.booking'), s['booking']
    early_by, late_by = sampler(b['earlyBy']), sampler(b['lateBy'])
    slot, open_, close = b['slotMinutes'], minutes(th['open']), minutes(th['close'])
    used, trips = {}, []
    for desired, i in wanted:
        f = s['trucks']['flows'][i]
        u, c = attr.random(), f['channels']
        channel = 'green' if u < c['green'] else 'yellow' if u < c['green'] + c['yellow'] else 'red'
        insp = s['inspection'][channel]
        scan, physical, agv = attr.random() < insp['scan'], attr.random() < insp['physical'], attr.random() < f.get('agvShare', 0)
        booked, v = br.random() < b['bookedShare'], br.random()
        kind = 'noShow' if v < b['noShow'] else 'early' if v < b['noShow'] + b['early'] else 'late' if v < b['noShow'] + b['early'] + b['late'] else 'onTime'
        offset, early, late = br.random(), early_by(br), late_by(br)
        trip = dict(flow=i, arrival=desired, call=desired, booking='noShow' if kind == 'noShow' else 'unbooked', channel=channel, scan=scan, physical=physical, agv=agv)
        if s['policy'] == 'booked-slots' and booked:
            n = int(max(desired, open_) // slot)
            while used.get(n, 0) >= b['slotCapacity'] and n * slot < close:
                n += 1
            if n * slot < close:
                used[n] = used.get(n, 0) + 1
                start = n * slot
                trip['booking'] = kind
                trip['arrival'] = max(0, start - early) if kind == 'early' else start + slot + late if kind == 'late' else start + offset * slot
                trip['call'] = start if kind == 'early' else trip['arrival']
        trips.append(trip)

    def truck(trip):
        f = s['trucks']['flows'][trip['flow']]
        d = f['direction']
        prio = 0 if f.get('priority') else 1
        entry_prio = (0 if f.get('priority') else 2) + (0 if trip['booking'] in ('onTime', 'early') else 1)
        yield env.timeout(trip['call'])
        k['arrived'] += 1
        y = yard.res.request(priority=entry_prio)
        yield y
        route = [(entry[d], 'gateIn'), (weighbridges, 'weighbridge')]
        if d == 'import' and any(a <= env.now < z for a, z in outages):
            k['fallbacks'] += 1
            route.append((officers, 'manualFallback'))
        if trip['channel'] != 'green':
            route.append((officers, 'documentCheck'))
        if trip['scan']:
            route.append((scanners, 'scan'))
        if trip['physical']:
            route.append((officers, 'physicalInspection'))
        route.append((agvs, 'agvTrip') if trip['agv'] else (exit_[d], 'gateOut'))
        gate_in, last = 0, len(route) - 1
        for n, (p, stage) in enumerate(route):
            req = p.res.request(priority=entry_prio if n == 0 else prio)
            yield req
            if n == 0:
                gate_in = env.now
            if n == last:
                yard.res.release(y)
            sample, r = svc[stage]
            yield env.timeout(sample(r))
            p.res.release(req)
            if n == last - 1:
                clearance.append(env.now - gate_in)
        k['served'] += 1
        crossing.append(env.now - trip['arrival'])

    for trip in trips:
        if trip['booking'] != 'noShow':
            env.process(truck(trip))

    def person(routing, egate_share):
        arrival = env.now
        wants, referred = routing.random() < egate_share, routing.random() < s['people']['egateReferralRate']
        if wants and egates.capacity > 0:
            req = egates.res.request(priority=0)
            yield req
            yield env.timeout(svc['egate'][0](svc['egate'][1]))
            egates.res.release(req)
            if referred:
                req = guards.res.request(priority=0)
                yield req
                yield env.timeout(svc['referral'][0](svc['referral'][1]))
                guards.res.release(req)
        else:
            req = guards.res.request(priority=1)
            yield req
            yield env.timeout(svc['manualPassport'][0](svc['manualPassport'][1]))
            guards.res.release(req)
        k['people'] += 1
        people_x.append(env.now - arrival)

    def people_flow(pf):
        routing = rs(f"people.{pf['direction']}.routing")
        for t in hourly_arrivals(rs(f"people.{pf['direction']}.arrivals"), pf['perDay'], s['profiles'][pf['profile']]):
            yield env.timeout(t - env.now)
            env.process(person(routing, pf['egateShare']))

    for pf in s['people']['flows']:
        env.process(people_flow(pf))
    env.run(until=horizon)
    mean = lambda xs: sum(xs) / len(xs) if xs else 0
    return {'vehiclesServed': k['served'], 'peopleServed': k['people'], 'clearanceMean': mean(clearance),
            'truckCrossingMean': mean(crossing), 'peopleCrossingMean': mean(people_x), 'manualFallbacks': k['fallbacks']}


def main():
    s = json.load(open(sys.argv[1], encoding='utf-8'))
    runs = []
    for seed in (int(x) for x in sys.argv[2:]):
        t0 = time.perf_counter()
        kpis = run_day(s, seed)
        runs.append({'seed': seed, 'wallSeconds': time.perf_counter() - t0, **kpis})
    print(json.dumps({'simpy': simpy.__version__, 'python': sys.version.split()[0], 'runs': runs}))


if __name__ == '__main__':
    main()
