/** Exact counts for people: decimal digits grouped by thousands ("1,356,214"). */
export function formatCount(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 step", "7 steps". */
export const plural = (n: number | bigint, word: string) =>
  `${typeof n === 'bigint' ? formatCount(n) : n.toLocaleString('en-US')} ${word}${n === 1 || n === 1n ? '' : 's'}`;
