/** How the reader refuses an input: one line, naming the input line at fault. */

/** A refused input; its message is `file:line: why`. */
export class Refusal extends Error {}

/** Refuses with `at` (`file:line`) and what is wrong there. */
export function refuse(at: string, why: string): never {
  throw new Refusal(`${at}: ${why}`);
}
