/** What the tour says after an answer: right or not, and what the engine did instead. */
import type { Observed, TourTask } from '../../tour';
import { matchingChoices } from '../../tour';

export interface Verdict {
  right: boolean;
  text: string;
}

export function verdict(task: TourTask, observed: Observed, chosen: string | null): Verdict {
  if (task.kind === 'act') return { right: true, text: 'Done.' };
  const correct = matchingChoices(observed, task.choices);
  const right = correct.some((c) => c.id === chosen);
  const engine = correct[0]?.label ?? 'none of the choices';
  return right
    ? { right, text: `Right: ${engine}.` }
    : { right, text: `Not quite. What the engine did: ${engine}.` };
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** `2026-06-26` as "26 Jun 2026", `2025-11` as "Nov 2025". */
export function mailDate(date: string): string {
  const [year, month, day] = date.split('-');
  const name = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}
