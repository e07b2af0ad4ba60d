import { describe, expect, it } from 'vitest';
import { readTab, searchWithTab } from './viewParam';

describe('the view parameter', () => {
  it('reads compare and explore, else the graph', () => {
    expect(readTab('?scenario=seed&view=compare')).toBe('compare');
    expect(readTab('?view=explore')).toBe('explore');
    expect(readTab('?view=nope')).toBe('graph');
    expect(readTab('')).toBe('graph');
  });

  it('writes it next to the other parameters, and drops it for the graph', () => {
    expect(searchWithTab('?scenario=seed&variant=A', 'compare')).toBe(
      '?scenario=seed&variant=A&view=compare',
    );
    expect(searchWithTab('?scenario=seed&view=compare', 'graph')).toBe('?scenario=seed');
    expect(searchWithTab('?view=explore', 'graph')).toBe('');
  });
});
