/** Exact counts for people: decimal digits grouped by thousands ("1,356,214"). */
export function formatCount(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 step", "7 steps". */
export const plural = (n: number | bigint, word: string) =>
  `${typeof n === 'bigint' ? formatCount(n) : n.toLocaleString('en-US')} ${word}${n === 1 || n === 1n ? '' : 's'}`;

/**
 * `count` as a percentage of `runs`, to `digits` significant digits, exact (BigInt): "96.99 %",
 * "0.007575 %", and below 0.0001 % in scientific notation ("1.000e-38 %"), so that a class of
 * 1 run in 10^40 never reads as 0.
 */
export function formatShare(count: bigint, runs: bigint, digits = 4): string {
  if (count === 0n || runs === 0n) return '0 %';
  if (count === runs) return '100 %';
  const num = count * 100n;
  const low = 10n ** BigInt(digits - 1);
  // value * 10^k has `digits` digits before the point.
  let k = digits - 1 - (num.toString().length - runs.toString().length);
  const scaled = (e: number) =>
    e >= 0 ? (num * 10n ** BigInt(e)) / runs : num / (runs * 10n ** BigInt(-e));
  let q = scaled(k);
  while (q >= low * 10n) q = scaled(--k);
  while (q < low) q = scaled(++k);
  const text = q.toString();
  const exp = digits - 1 - k; // value = d.ddd × 10^exp
  if (exp >= -4) {
    if (k <= 0) return `${text}${'0'.repeat(-k)} %`;
    const whole = text.length - k;
    const int = whole > 0 ? text.slice(0, whole) : '0';
    const frac = whole > 0 ? text.slice(whole) : '0'.repeat(-whole) + text;
    return `${int}.${frac} %`;
  }
  return `${text[0]}.${text.slice(1)}e${exp} %`;
}
