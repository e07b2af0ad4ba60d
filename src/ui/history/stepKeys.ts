/**
 * The keys of the step list and the position each moves to, from `position` over `count`
 * steps: up/left one back, down/right one on, Home the start, End the last step. `null` for
 * any other key; a result outside 0..count means "nothing there" (the key is still taken).
 */
export function stepKeyTarget(key: string, position: number, count: number): number | null {
  switch (key) {
    case 'ArrowUp':
    case 'ArrowLeft':
      return position - 1;
    case 'ArrowDown':
    case 'ArrowRight':
      return position + 1;
    case 'Home':
      return 0;
    case 'End':
      return count;
    default:
      return null;
  }
}
