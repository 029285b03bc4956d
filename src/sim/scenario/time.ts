/** Minutes after midnight of an "HH:MM" time of day. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}
