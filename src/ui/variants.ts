/** One line per variant: what it is, who proposed it, when (SEMANTICS §4.2–4.5, §5). */
import type { Variant } from '../engine';

export const VARIANT_INFO: Record<Variant, { what: string; who: string }> = {
  A: {
    what: 'seed patch: dependency looked up at preserve, implicit retrieval, FINISH always ok',
    who: 'Samiullah Khawaja (from Pasha Tatashin), 13 Jun 2026',
  },
  B: {
    what: 'strict restore order: retrieving guest_memfd before its VM gives EAGAIN',
    who: 'Pratyush Yadav, 26 Jun 2026',
  },
  C: {
    what: 'lookup deferred to freeze (preserve in any order), implicit retrieval',
    who: 'Tarun Sahu, guest_memfd RFC v2/v3, 5 and 22 Jun 2026',
  },
  D: {
    what: 'can_finish guard: FINISH refused with EBUSY until the VM fd is retrieved',
    who: 'Pasha Tatashin, 29 Jun 2026',
  },
};
