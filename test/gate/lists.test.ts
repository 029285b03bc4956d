/**
 * The booking and journey lists over HTTP: who sees what, every filter, cursor paging (newest slot
 * first, ties by id) and bad filters answered with 400 naming the field. On PGlite and, with
 * DATABASE_URL, PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, type Reply } from '../support/http.ts';
import { book, databaseKinds, declare, startGate, type GateHarness } from './support.ts';

const ids = (r: Reply): string[] => (r.body.items as Array<{ id: string }>).map((x) => x.id);

for (const kind of databaseKinds('gate lists')) {
  describe(`gate booking and journey lists (${kind})`, () => {
    let h: GateHarness;
    // Four bookings of the demo declarant: the 09:00 one lapses (no-show), two share 13:00.
    const mine: Record<'early' | 'noon' | 'oneA' | 'oneB', { id: string; journeyId: string; declarationId: string; plate: string }> = {} as never;
    let theirs = '';
    const get = (path: string, token: string) => call(h.bf.url, 'GET', path, { token });

    before(async () => {
      h = await startGate(kind);
      const plan = [['early', '29C-555.01', '09:00'], ['noon', '29C-555.02', '12:00'], ['oneA', '29C-555.03', '13:00'], ['oneB', '29C-555.04', '13:00']] as const;
      for (const [name, plate, at] of plan) {
        const declarationId = await declare(h, plate);
        const r = await book(h, declarationId, `2026-11-23T${at}:00.000Z`, { plate, driver: { name: `Driver ${name}`, document: `B${plate.replace(/\D/g, '')}` } });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        mine[name] = { id: r.body.id as string, journeyId: r.body.journeyId as string, declarationId, plate };
      }
      const other = await book(h, await declare(h, '29C-777.01', h.tokens.declarant2), '2026-11-23T12:00:00.000Z', { plate: '29C-777.01' }, h.tokens.declarant2);
      assert.equal(other.status, 201, JSON.stringify(other.body));
      theirs = other.body.id as string;
      // 11:00: the 09:00 truck is past the 60-minute grace period and its slot is released.
      h.clock.set('2026-11-23T11:00:00Z');
      const released = await call(h.bf.url, 'POST', '/api/gate/no-shows/release', { token: h.tokens.operator });
      assert.equal(released.body.released, 1);
    });
    after(() => h.bf.close());

    test('a declarant sees only its enterprise\'s bookings; agency staff see every enterprise\'s', async () => {
      const own = await get('/api/gate/bookings', h.tokens.declarant);
      assert.equal(own.status, 200);
      assert.deepEqual(new Set(ids(own)), new Set(Object.values(mine).map((b) => b.id)));
      const other = await get('/api/gate/bookings', h.tokens.declarant2);
      assert.deepEqual(ids(other), [theirs], 'the other enterprise sees none of the first one\'s bookings');
      assert.deepEqual((await get(`/api/gate/bookings?declarationId=${mine.noon.declarationId}`, h.tokens.declarant2)).body.items, []);
      for (const staff of ['officer', 'guard', 'operator', 'admin'] as const) {
        const all = await get('/api/gate/bookings', h.tokens[staff]);
        assert.equal(all.body.items.length, 5, `${staff} sees all bookings`);
      }
    });

    test('a booking in the list carries the slot, plate, driver, status and its journey with the fee once paid', async () => {
      const paid = await call(h.bf.url, 'POST', `/api/gate/journeys/${mine.noon.journeyId}/pay`, { token: h.tokens.guard });
      assert.equal(paid.status, 200);
      const [item] = (await get(`/api/gate/bookings?declarationId=${mine.noon.declarationId}`, h.tokens.declarant)).body.items;
      assert.equal(item.slotStart, '2026-11-23T12:00:00.000Z');
      assert.equal(item.plate, '29C-555.02');
      assert.deepEqual(item.driver, { name: 'Driver noon', document: 'B2955502' });
      assert.equal(item.status, 'active');
      assert.equal(item.journey.id, mine.noon.journeyId);
      assert.equal(item.journey.state, 'expected');
      assert.equal(item.journey.fee.paid, true);
      assert.match(item.journey.fee.receipt, /\S/);
    });

    test('bookings filter by status, declaration, plate in any spelling and slot range', async () => {
      const q = async (query: string) => ids(await get(`/api/gate/bookings?${query}`, h.tokens.declarant));
      assert.deepEqual(await q('status=no_show'), [mine.early.id]);
      assert.deepEqual(new Set(await q('status=active')), new Set([mine.noon.id, mine.oneA.id, mine.oneB.id]));
      assert.equal((await q('status=active&status=no_show')).length, 4);
      assert.deepEqual(await q(`declarationId=${mine.oneA.declarationId}`), [mine.oneA.id]);
      assert.deepEqual(await q(`plate=${encodeURIComponent('29c 55504')}`), [mine.oneB.id]);
      assert.deepEqual(await q('plate=29C-999.99'), []);
      assert.deepEqual(await q(`from=${encodeURIComponent('2026-11-23T12:00:00Z')}&to=${encodeURIComponent('2026-11-23T13:00:00Z')}`), [mine.noon.id], '`to` is exclusive');
      assert.deepEqual(new Set(await q(`from=${encodeURIComponent('2026-11-23T12:30:00Z')}`)), new Set([mine.oneA.id, mine.oneB.id]));
      assert.deepEqual(await q(`to=${encodeURIComponent('2026-11-23T10:00:00Z')}`), [mine.early.id]);
    });

    test('bookings page newest slot first, ties by id, with a cursor until the last page', async () => {
      const seen: Array<{ id: string; slotStart: string }> = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const r: Reply = await get(`/api/gate/bookings?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, h.tokens.declarant);
        assert.equal(r.status, 200);
        assert.equal(r.body.items.length, 1);
        seen.push(...(r.body.items as Array<{ id: string; slotStart: string }>));
        cursor = r.body.next as string | null;
        if (!cursor) break;
      }
      const tied = [mine.oneA.id, mine.oneB.id].sort().reverse();
      assert.deepEqual(seen.map((b) => b.id), [...tied, mine.noon.id, mine.early.id]);
      const two = await get('/api/gate/bookings?limit=2', h.tokens.declarant);
      assert.deepEqual(ids(two), tied);
      const rest = await get(`/api/gate/bookings?limit=2&cursor=${encodeURIComponent(two.body.next)}`, h.tokens.declarant);
      assert.deepEqual([ids(rest), rest.body.next], [[mine.noon.id, mine.early.id], null], 'a full last page says there is no next one');
    });

    test('journeys are for gate staff and filter by state, direction, plate and change time', async () => {
      assert.equal((await get('/api/gate/journeys', h.tokens.declarant)).status, 403);
      const q = async (query: string) => ids(await get(`/api/gate/journeys?${query}`, h.tokens.guard));
      const all = await q('');
      assert.equal(all.length, 5);
      assert.deepEqual(all.slice(0, 2), [mine.oneA.journeyId, mine.oneB.journeyId].sort().reverse(), 'newest slot first');
      assert.deepEqual(await q('state=no_show'), [mine.early.journeyId]);
      assert.equal((await q('state=expected')).length, 4);
      assert.equal((await q('direction=inbound')).length, 5);
      assert.deepEqual(await q('direction=outbound'), []);
      assert.deepEqual(await q('plate=29C55503'), [mine.oneA.journeyId]);
      const changed = await q(`since=${encodeURIComponent('2026-11-23T10:59:00Z')}`);
      assert.deepEqual(new Set(changed), new Set([mine.early.journeyId, mine.noon.journeyId]), 'the lapsed journey and the paid one changed at 11:00');
      const op = await get(`/api/gate/journeys?limit=3&state=expected`, h.tokens.operator);
      assert.equal(op.body.items.length, 3);
      const last = await get(`/api/gate/journeys?limit=3&state=expected&cursor=${encodeURIComponent(op.body.next)}`, h.tokens.officer);
      assert.deepEqual([last.body.items.length, last.body.next], [1, null]);
      assert.equal(last.body.items[0].stages[0].stage, 'expected');
    });

    test('bad filters are refused with 400 naming the field', async () => {
      const cases: Array<[string, string]> = [
        ['/api/gate/bookings?status=lost', '/query/status'],
        ['/api/gate/bookings?from=yesterday', '/query/from'],
        [`/api/gate/bookings?from=${encodeURIComponent('2026-11-23T13:00:00Z')}&to=${encodeURIComponent('2026-11-23T12:00:00Z')}`, '/query/to'],
        ['/api/gate/bookings?limit=201', '/query/limit'],
        ['/api/gate/bookings?limit=0', '/query/limit'],
        ['/api/gate/bookings?cursor=not-a-cursor', '/query/cursor'],
        ['/api/gate/bookings?plate=hello', '/query/plate'],
        ['/api/gate/bookings?colour=red', '/query/colour'],
        ['/api/gate/journeys?state=flying', '/query/state'],
        ['/api/gate/journeys?direction=sideways', '/query/direction'],
        ['/api/gate/journeys?since=soon', '/query/since'],
        ['/api/gate/journeys?cursor=AAAA', '/query/cursor'],
      ];
      for (const [path, pointer] of cases) {
        const r = await get(path, path.includes('journeys') ? h.tokens.guard : h.tokens.declarant);
        assert.equal(r.status, 400, `${path}: ${JSON.stringify(r.body)}`);
        assert.ok((r.body.errors as Array<{ pointer: string }>).some((e) => e.pointer.startsWith(pointer)), `${path} names ${pointer}: ${JSON.stringify(r.body.errors)}`);
      }
    });
  });
}
