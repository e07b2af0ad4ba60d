/**
 * pipe: no LUO handler accepts it, so PRESERVE_FD -> ENOENT (SEMANTICS §1.5 step 4, TV-01 step 8).
 */
import { describe, expect, it } from 'vitest';
import { VARIANTS } from '../switches';
import { handlerFor } from '../handlers';
import { machine, memfd, pipe } from '../testing';

describe('pipe', () => {
  it('has no handler', () => {
    expect(handlerFor('pipe')).toBeUndefined();
  });

  it.each(VARIANTS)('variant %s: PRESERVE_FD -> ENOENT, no callback, nothing left', (v) => {
    const lu = machine([pipe('p'), memfd('m')], v);
    lu.createSession('s');
    expect(lu.preserve('s', 'p', 3)).toBe('ENOENT');
    expect(lu.trace()).toEqual([]);
    expect(lu.tokens('s')).toEqual([]);
    expect(lu.preserve('s', 'm', 3)).toBe('ok');
  });

  it('a pipe is gone after kexec', () => {
    const lu = machine([pipe('p')], 'A');
    lu.kexec();
    lu.createSession('s');
    expect(lu.preserve('s', 'p', 1)).toBe('EBADF');
  });
});
