/**
 * Watchlists: parties by tax id (importer, exporter, declarant), HS codes by prefix (chapter to
 * tariff line), countries (origin of any goods line, or departure: the exporter's country) and
 * plates (tractor or trailer). Each hit is its own reason naming the list, the entry's note and
 * where the declaration matched it.
 */
import type { DeclarationSnapshot } from '../engine/declaration.ts';
import { normalizePlate } from '../engine/declaration.ts';
import { reason, type RuleReason } from '../engine/reasons.ts';
import type { RuleConfig, WatchEntry } from '../engine/rule-set.ts';

const ROLE: Record<string, { vi: string; en: string; zh: string }> = {
  importer: { vi: 'nhà nhập khẩu', en: 'importer', zh: '进口商' },
  exporter: { vi: 'nhà xuất khẩu', en: 'exporter', zh: '出口商' },
  declarant: { vi: 'người khai hải quan', en: 'declarant', zh: '申报人' },
};

/** A rule set's watchlists indexed for look-up: built once per rule set, not per declaration. */
interface WatchIndex {
  parties: Map<string, WatchEntry[]>;
  hsCodes: Map<string, WatchEntry[]>;
  countries: Map<string, WatchEntry[]>;
  plates: Map<string, WatchEntry[]>;
}

const indexes = new WeakMap<RuleConfig['watchlists'], WatchIndex>();

function indexOf(lists: RuleConfig['watchlists']): WatchIndex {
  let ix = indexes.get(lists);
  if (ix) return ix;
  const group = (entries: WatchEntry[], key: (v: string) => string) => {
    const m = new Map<string, WatchEntry[]>();
    for (const e of entries) {
      const k = key(e.value);
      m.set(k, [...(m.get(k) ?? []), e]);
    }
    return m;
  };
  ix = {
    parties: group(lists.parties, (v) => v.toUpperCase()),
    hsCodes: group(lists.hsCodes, (v) => v),
    countries: group(lists.countries, (v) => v.toUpperCase()),
    plates: group(lists.plates, normalizePlate),
  };
  indexes.set(lists, ix);
  return ix;
}

/** Watchlist hits of a declaration, in list order: parties, HS codes, countries, plates. */
export function watchlistReasons(d: DeclarationSnapshot, lists: RuleConfig['watchlists']): RuleReason[] {
  const ix = indexOf(lists);
  const out: RuleReason[] = [];
  const partyIds = [...new Set([d.importer.taxId, d.exporter.taxId, d.declarant.taxId])];
  for (const id of partyIds) {
    // One reason per watched party, naming every role it plays in this declaration.
    const roles = (['importer', 'exporter', 'declarant'] as const).filter((role) => d[role].taxId === id);
    const names = (lang: 'vi' | 'en' | 'zh', sep: string) => roles.map((r) => ROLE[r]![lang]).join(sep);
    for (const e of ix.parties.get(id) ?? []) {
      out.push(hit(e, 'WATCHLIST_PARTY', {
        vi: `${cap(names('vi', ', '))} (mã số thuế ${id}) nằm trong danh sách theo dõi${note(e)}`,
        en: `The ${names('en', ' and ')} (tax id ${id}) is on the watchlist${note(e)}`,
        zh: `${names('zh', '、')}（税号 ${id}）在监控名单上${noteZh(e)}`,
      }, { role: roles.join(','), taxId: id }));
    }
  }
  d.goods.forEach((g, i) => {
    // Every prefix of the code (2 to 8 digits) may be watched.
    for (let len = 2; len <= g.hsCode.length; len++) {
      for (const e of ix.hsCodes.get(g.hsCode.slice(0, len)) ?? []) {
        out.push(hit(e, 'WATCHLIST_HS', {
          vi: `Dòng hàng ${i + 1} có mã HS ${g.hsCode} thuộc nhóm ${e.value} trong danh sách theo dõi${note(e)}`,
          en: `Goods line ${i + 1} has HS code ${g.hsCode}, under the watched code ${e.value}${note(e)}`,
          zh: `第 ${i + 1} 项货物的 HS 编码 ${g.hsCode} 属于监控编码 ${e.value}${noteZh(e)}`,
        }, { item: i + 1, hsCode: g.hsCode, watched: e.value }));
      }
    }
  });
  const origins = [...new Set(d.goods.map((g) => g.originCountry))];
  for (const c of [...new Set([...origins, d.exporter.country])]) {
    for (const e of ix.countries.get(c) ?? []) {
      const lines = d.goods.map((g, i) => (g.originCountry === c ? i + 1 : 0)).filter((i) => i > 0);
      if (lines.length) {
        out.push(hit(e, 'WATCHLIST_ORIGIN', {
          vi: `Xuất xứ ${c} (dòng hàng ${lines.join(', ')}) nằm trong danh sách theo dõi${note(e)}`,
          en: `Origin ${c} (goods line ${lines.join(', ')}) is on the watchlist${note(e)}`,
          zh: `原产地 ${c}（第 ${lines.join('、')} 项货物）在监控名单上${noteZh(e)}`,
        }, { country: c, lines: lines.length }));
      }
      if (d.exporter.country === c) {
        out.push(hit(e, 'WATCHLIST_DEPARTURE', {
          vi: `Nước gửi hàng ${c} nằm trong danh sách theo dõi${note(e)}`,
          en: `Country of departure ${c} is on the watchlist${note(e)}`,
          zh: `启运国 ${c} 在监控名单上${noteZh(e)}`,
        }, { country: c }));
      }
    }
  }
  for (const [which, plate] of [['tractor', d.tractorPlate], ['trailer', d.trailerPlate]] as const) {
    if (plate === '') continue;
    for (const e of ix.plates.get(plate) ?? []) {
      out.push(hit(e, 'WATCHLIST_PLATE', {
        vi: `Biển số ${which === 'tractor' ? 'xe đầu kéo' : 'rơ moóc'} ${plate} nằm trong danh sách theo dõi${note(e)}`,
        en: `The ${which} plate ${plate} is on the watchlist${note(e)}`,
        zh: `${which === 'tractor' ? '牵引车' : '挂车'}车牌 ${plate} 在监控名单上${noteZh(e)}`,
      }, { vehicle: which, plate }));
    }
  }
  return out;
}

function hit(e: WatchEntry, code: string, message: { vi: string; en: string; zh: string }, numbers: Record<string, number | string>): RuleReason {
  return reason('watchlist', code, message, { ...numbers, ...(e.note ? { note: e.note } : {}) }, e.weight, e.channel);
}

function note(e: WatchEntry): string {
  return e.note ? `: ${e.note}` : '';
}
function noteZh(e: WatchEntry): string {
  return e.note ? `：${e.note}` : '';
}
function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
