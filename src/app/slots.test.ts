import { describe, expect, it } from 'vitest';
import { findScenario } from '../scenarios';
import { createAppStore } from '../store';
import type { FileId, Variant } from '../engine';
import { AUTOSAVE_KEY, encodeWork } from './autosave';
import {
  MAX_SLOTS,
  SLOT_PREFIX,
  TAB_KEY,
  keepAside,
  listSlots,
  newSlotId,
  pruneSlots,
  slotKey,
  tabSlot,
} from './slots';

class MemoryStorage {
  map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key = (i: number) => [...this.map.keys()][i] ?? null;
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

/** Saved work of `steps` preserve clicks on vm-full, saved at `at`. */
function saved(steps: number, at: number, scenario = 'vm-full', variant: Variant = 'A'): string {
  const store = createAppStore({ scenario: findScenario(scenario)!, variant });
  for (const f of ['ram', 'iommu', 'nic', 'vm'].slice(0, steps)) {
    store.getState().activate(f as FileId);
  }
  return encodeWork(store.getState(), at);
}

describe('work per tab', () => {
  it('a tab keeps the slot its sessionStorage names; a new tab gets a new one', () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    const ids = ['a1', 'b2'];
    const first = tabSlot(local, session, () => ids.shift()!);
    expect(first).toEqual({ id: 'a1', fresh: true });
    expect(session.getItem(TAB_KEY)).toBe('a1');
    expect(tabSlot(local, session, () => 'never')).toEqual({ id: 'a1', fresh: false });
    expect(tabSlot(local, new MemoryStorage(), () => ids.shift()!)).toEqual({
      id: 'b2',
      fresh: true,
    });
  });

  it('the first tab takes over the work saved before slots', () => {
    const local = new MemoryStorage();
    local.setItem(AUTOSAVE_KEY, saved(2, 5));
    expect(tabSlot(local, new MemoryStorage(), () => 't')).toEqual({ id: 't', fresh: false });
    expect(local.getItem(slotKey('t'))).toBe(saved(2, 5));
    expect(local.getItem(AUTOSAVE_KEY)).toBeNull();
  });

  it('lists the other slots newest first, at least the last 10, each work once', () => {
    const local = new MemoryStorage();
    for (let i = 0; i < 12; i++) local.setItem(slotKey(`s${i}`), saved(1 + (i % 3), 1000 + i));
    local.setItem(slotKey('mine'), saved(4, 2000));
    local.setItem(slotKey('copy'), saved(4, 3000));
    local.setItem(slotKey('broken'), '{"format":');
    local.setItem('luoscope/other', saved(1, 9999));
    const list = listSlots(local, 'mine');
    // `copy` is this tab's own work again; of the 12 others, s0, s3, s6 and s9 are one work
    // (one click), and so on: three entries remain, each the newest of its kind.
    expect(list.map((e) => e.id)).toEqual(['s11', 's10', 's9']);
    expect(list[0]).toEqual({
      id: 's11',
      title: 'A whole VM: vCPUs, guest memory, an iommufd and an assigned device',
      scenario: 'vm-full',
      steps: 4,
      savedAt: 1011,
    });
    const distinct = new MemoryStorage();
    const scenarios = ['seed', 'vm-full', 'cycle', 'vfio-chain', 'freeze-failure'];
    const variants: Variant[] = ['A', 'B', 'C', 'D'];
    for (let i = 0; i < 12; i++) {
      distinct.setItem(slotKey(`d${i}`), saved(0, 100 + i, scenarios[i % 5], variants[i % 4]));
    }
    expect(listSlots(distinct, null).map((e) => e.id)).toEqual(
      Array.from({ length: 12 }, (_, i) => `d${11 - i}`),
    );
  });

  it('prunes the oldest slots past the limit, never this tab`s own', () => {
    const local = new MemoryStorage();
    const text = saved(1, 0);
    for (let i = 0; i < MAX_SLOTS + 5; i++) {
      local.setItem(slotKey(`s${i}`), text.replace('"savedAt":0', `"savedAt":${i}`));
    }
    expect(pruneSlots(local, 's0')).toBe(5);
    expect(local.length).toBe(MAX_SLOTS);
    expect(local.getItem(slotKey('s0'))).not.toBeNull();
    expect(local.getItem(slotKey('s1'))).toBeNull();
    expect(local.getItem(slotKey(`s${MAX_SLOTS + 4}`))).not.toBeNull();
    expect(pruneSlots(local, 's0', 3)).toBe(MAX_SLOTS - 3);
  });

  it('keeps work aside under a new slot; ids are short and distinct', () => {
    const local = new MemoryStorage();
    local.setItem(slotKey('a'), 'x');
    keepAside(local, 'a', 'b');
    expect([...local.map.keys()]).toEqual([`${SLOT_PREFIX}a`, `${SLOT_PREFIX}b`]);
    expect(newSlotId(0, () => 0.5)).not.toBe(newSlotId(0, () => 0.25));
    expect(newSlotId(1_800_000_000_000, () => 0.999999)).toMatch(/^[0-9a-z]+-[0-9a-z]+$/);
  });
});
