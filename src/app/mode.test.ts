import { describe, expect, it } from 'vitest';
import { labSearch, readMode } from './mode';

describe('readMode', () => {
  it('the lab by default, no step', () => {
    expect(readMode('')).toEqual({ mode: { kind: 'lab' }, step: null, notice: null });
  });
  it('?present, with or without a value', () => {
    expect(readMode('?present').mode).toEqual({ kind: 'present' });
    expect(readMode('?scenario=seed&present=1').mode).toEqual({ kind: 'present' });
  });
  it('?embed=timeline&step=4', () => {
    expect(readMode('?embed=timeline&step=4')).toEqual({
      mode: { kind: 'embed', view: 'timeline' },
      step: 4,
      notice: null,
    });
  });
  it('an unknown embed or a bad step is named, and the lab opens', () => {
    const r = readMode('?embed=log&step=x');
    expect(r.mode).toEqual({ kind: 'lab' });
    expect(r.step).toBeNull();
    expect(r.notice).toContain('Unknown embed "log"');
    expect(r.notice).toContain('"step=x"');
  });
  it('labSearch drops the mode and keeps the rest', () => {
    expect(labSearch('?scenario=seed&present&variant=B')).toBe('?scenario=seed&variant=B');
    expect(labSearch('?embed=graph')).toBe('');
  });
});
