/**
 * The gate zone's plan from the local GeoJSON asset (schematic, metres, y pointing north; no
 * online tiles) and where trucks are drawn on it by stage.
 */
import raw from './mong-cai.geo.json?raw';

/** A box in plan metres. */
export interface Box { x1: number; y1: number; x2: number; y2: number }

/** One feature of the plan. */
export interface PlanFeature {
  kind: 'site' | 'border' | 'egate' | 'lane' | 'zone' | 'barrier' | 'camera' | 'qr' | 'yard' | 'weighbridge' | 'scanner' | 'agv';
  id: string;
  deviceId: string | null;
  direction: string | null;
  laneClass: string | null;
  /** Polygons and lines as boxes/points; points have x1 = x2, y1 = y2. */
  box: Box;
  line: Array<[number, number]> | null;
}

interface GeoFeature {
  properties: Record<string, string | undefined>;
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'Point'; coordinates: number[] } | { type: 'LineString'; coordinates: number[][] };
}

function boxOf(points: number[][]): Box {
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

/** Parses the plan asset. */
export function parsePlan(text: string): { bbox: Box; features: PlanFeature[] } {
  const doc = JSON.parse(text) as { bbox: number[]; features: GeoFeature[] };
  const [x1 = 0, y1 = 0, x2 = 400, y2 = 240] = doc.bbox;
  const features = doc.features.map((f): PlanFeature => {
    const g = f.geometry;
    const points = g.type === 'Polygon' ? g.coordinates[0]! : g.type === 'Point' ? [g.coordinates] : g.coordinates;
    return {
      kind: f.properties.kind as PlanFeature['kind'], id: f.properties.id ?? '', deviceId: f.properties.deviceId ?? null,
      direction: f.properties.direction ?? null, laneClass: f.properties.laneClass ?? null, box: boxOf(points),
      line: g.type === 'LineString' ? g.coordinates.map((c) => [c[0]!, c[1]!] as [number, number]) : null,
    };
  });
  return { bbox: { x1, y1, x2, y2 }, features };
}

/** The plan of this site. */
export const PLAN = parsePlan(raw);

/** The area a truck at `stage` going `direction` is drawn in. */
export function zoneFor(stage: string, direction: string): string {
  if (stage === 'arrived') return direction === 'outbound' ? 'zone-outbound-exit' : 'zone-inbound-entry';
  if (stage === 'in_yard' || stage === 'called_forward') return 'yard';
  if (stage === 'weighed') return 'wb-1';
  if (stage === 'scanned') return 'scanner-1';
  return direction === 'outbound' ? 'zone-outbound-exit' : 'zone-inbound-exit';
}

/** Marker positions: trucks of one zone fill it in a grid, 9 m apart, in the order given. */
export function placeTrucks<T extends { stage: string; direction: string }>(trucks: readonly T[], features: readonly PlanFeature[]): Array<T & { x: number; y: number }> {
  const byId = new Map(features.map((f) => [f.id, f]));
  const used = new Map<string, number>();
  return trucks.map((t) => {
    const zone = zoneFor(t.stage, t.direction);
    const box = byId.get(zone)?.box ?? { x1: 0, y1: 0, x2: 40, y2: 40 };
    const i = used.get(zone) ?? 0;
    used.set(zone, i + 1);
    const cols = Math.max(1, Math.floor((box.x2 - box.x1 - 4) / 9));
    const rows = Math.max(1, Math.floor((box.y2 - box.y1 - 4) / 9));
    const slot = i % (cols * rows);
    return { ...t, x: box.x1 + 6.5 + (slot % cols) * 9, y: box.y2 - 6.5 - Math.floor(slot / cols) * 9 };
  });
}
