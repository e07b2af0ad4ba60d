/**
 * The mails the tour tells (SEMANTICS §5, SOURCES S16–S23): who wrote what, and when. The
 * `point` of each is our summary, not a quotation.
 */
import type { TourSource } from './types';

const SUBJECT = '[PATCH 1/1] liveupdate: luo_file: Add internal APIs for file preservation';
const REPLY = `Re: ${SUBJECT}`;

/** The lore.kernel.org address of a message. */
export function loreLink(messageId: string): string {
  return `https://lore.kernel.org/all/${messageId}/`;
}

/** The patch itself, as quoted in Pratyush's reply (In-Reply-To of that mail). */
export const PATCH: TourSource = {
  author: 'Samiullah Khawaja (From: Pasha Tatashin)',
  date: '2026-06-13',
  subject: SUBJECT,
  messageId: '20260613012521.835490-2-skhawaja@google.com',
  point:
    "Adds one helper that finds a dependency's token while preserving and one that gets the " +
    'restored dependency back while retrieving.',
};

export const PRATYUSH_ORDER: TourSource = {
  author: 'Pratyush Yadav',
  date: '2026-06-26',
  subject: REPLY,
  messageId: '2vxzwlvljyzs.fsf@kernel.org',
  point:
    'The patch quietly defines uAPI: preservation must follow the dependency order, ' +
    'restoration may not; he asks whether restore order should be enforced too.',
};

export const PRATYUSH_ORPHAN: TourSource = {
  ...PRATYUSH_ORDER,
  point:
    'A VMM may restore guest_memfd, never restore its VM, close the session and never learn ' +
    'of its mistake; refusing the retrieve would catch the bug early.',
};

export const PRATYUSH_STRICT: TourSource = {
  ...PRATYUSH_ORDER,
  point:
    'Proposes that the incoming helper fail while the dependency is not restored yet; a ' +
    'strict rule can be relaxed later, a relaxed one cannot be made strict.',
};

export const PASHA_ANSWER: TourSource = {
  author: 'Pasha Tatashin',
  date: '2026-06-29',
  subject: REPLY,
  messageId: 'akIask9nPTEAhd76@plex',
  point:
    'Order-free restore is on purpose: circular dependencies have no topological order. ' +
    'Correctness is checked at the session boundary by .can_finish(), which fails with EBUSY.',
};

export const PRATYUSH_REPLIES: readonly TourSource[] = [
  {
    author: 'Pratyush Yadav',
    date: '2026-06-29',
    subject: REPLY,
    messageId: '2vxzse65k938.fsf@kernel.org',
    point: 'His reply to Pasha (the archived copies we could read show only the quoted part).',
  },
  {
    author: 'Pratyush Yadav',
    date: '2026-06-29',
    subject: REPLY,
    messageId: '2vxz7bnhjnpa.fsf@kernel.org',
    point: 'A follow-up to his own reply (likewise only its quoted part was readable).',
  },
];

export const TARUN_RFC: TourSource = {
  author: 'Tarun Sahu',
  date: '2026-06-05',
  subject: '[RFC PATCH v1 0/10] liveupdate: kvm: Guest_memfd preservation',
  messageId: 'cover.1780667929.git.tarunsahu@google.com',
  point:
    'guest_memfd checks its VM at freeze, not at preserve; retrieval order is free, and a ' +
    'guest_memfd left without its VM after finish is called a valid case.',
};

export const TARUN_V3: TourSource = {
  author: 'Tarun Sahu',
  date: '2026-06-22',
  subject: '[PATCH v3 0/9] liveupdate: kvm: guest_memfd preservation',
  messageId: '20260622184851.2309827-1-tarunsahu@google.com',
  point: 'The freeze-time design, declared final, building on the internal-API patch.',
};

export const MERGED: TourSource = {
  author: 'Mike Rapoport (push notice of liveupdate/linux)',
  date: '2026-08-04',
  subject: 'liveupdate/linux next: luo-internal-api merged (f4d2e4f0d12d)',
  point:
    "The patch went into the liveupdate tree's next branch; the incoming " +
    'helper still retrieves the dependency itself.',
};

export const MIKE_DEAD_CODE: TourSource = {
  author: 'Mike Rapoport',
  date: '2025-11',
  subject: 'Re: [PATCH v6 06/20] liveupdate: luo_file: implement file systems callbacks',
  messageId: 'aR9N14KWaz6SdFcw@kernel.org',
  point: 'The two helpers had no users yet; they were dropped until one came (vfio, iommu).',
};

/** After June 2026 (SEMANTICS §8): the July replies, v2, the handlers, the October series. */
export const JULY_REPLIES: TourSource = {
  author: 'Pasha Tatashin',
  date: '2026-07',
  subject: REPLY,
  point:
    'Preservation may be order-independent too: a handler can look its dependency up in ' +
    '.preserve() or defer it to .freeze(); each handler decides. Pratyush: "the worst of both ' +
    'worlds".',
};

export const PATCH_V2: TourSource = {
  author: 'Samiullah Khawaja',
  date: '2026-07',
  subject: '[PATCH v2] liveupdate: luo_file: Add internal APIs for file preservation',
  point:
    'Adds only a note: handlers may resolve dependencies in preserve(), as freeze() is past ' +
    'the point of no return. No check on the retrieve side.',
};

export const GMEM_V4: TourSource = {
  author: 'Tarun Sahu',
  date: '2026-07-28',
  subject: '[PATCH v4 0/11] liveupdate: kvm: guest_memfd preservation',
  messageId: '20260728121138.1103610-1-tarunsahu@google.com',
  point:
    'guest_memfd v4: the VM token is looked up at freeze, the VM is retrieved implicitly, no ' +
    'can_finish. With the vCPU handler (soleen/linux virt/kvm/kvm_luo.c @f1e9c9a5d850) this ' +
    'is variant C.',
};

export const CARETAKER: TourSource = {
  author: 'Pasha Tatashin',
  date: '2026-09-28',
  subject: 'Orphaned Virtual Machines: The Caretaker approach for Live Update (design doc)',
  point: 'Still "Order-Independent Retrieval ... automatically retrieving vmfd first".',
};

export const OCTOBER_SERIES: TourSource = {
  author: 'Pasha Tatashin, David Matlack',
  date: '2026-10-20',
  subject: 'liveupdate: session freeze, retryable retrieve errors (v2)',
  point:
    'LIVEUPDATE_SESSION_FREEZE freezes a session early; a handler may mark a retrieve error ' +
    'retryable. Neither checks that a dependency reached userspace.',
};
