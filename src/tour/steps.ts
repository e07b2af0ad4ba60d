/**
 * The tour of the thread on "[PATCH 1/1] liveupdate: luo_file: Add internal APIs for file
 * preservation" (June 2026), told in our own words (SEMANTICS §4–§5). Every step's history and
 * answer are checked against the engine by `check.test.ts`: a change in the engine that breaks
 * the story fails the suite.
 */
import type { FileId, SessionHandle, Step, Token } from '../engine';
import type { TraceStep } from '../trace/parse';
import type { Choice, TourStep } from './types';
import {
  CARETAKER,
  GMEM_V4,
  JULY_REPLIES,
  MERGED,
  OCTOBER_SERIES,
  PATCH_V2,
  MIKE_DEAD_CODE,
  PASHA_ANSWER,
  PATCH,
  PRATYUSH_ORDER,
  PRATYUSH_ORPHAN,
  PRATYUSH_REPLIES,
  PRATYUSH_STRICT,
  TARUN_RFC,
  TARUN_V3,
} from './sources';

// The handles a click creates (store/intents.ts): the session `vmm` as vmm@0, then vmm@1.
const OUT = 'vmm@0' as SessionHandle;
const IN = 'vmm@1' as SessionHandle;
const createSession: Step = { op: 'createSession', name: 'vmm', as: OUT };
const preserve = (file: string, token: number): Step => ({
  op: 'preserve',
  session: OUT,
  file: file as FileId,
  token: token as Token,
});
const retrieveSession: Step = { op: 'retrieveSession', name: 'vmm', as: IN };
const retrieve = (token: number): Step => ({ op: 'retrieve', session: IN, token: token as Token });
const finish: Step = { op: 'finish', session: IN, reserved: 0 };
const closeSession: Step = { op: 'closeSession', session: IN };
const kexec: Step = { op: 'kexec' };
const ok = (s: Step): TraceStep => ({ ...s, expect: 'ok' });

/** Both files preserved in dependency order, kexec, and the session retrieved. */
const AFTER_KEXEC: readonly TraceStep[] = [
  createSession,
  preserve('vm', 1),
  preserve('gmem', 2),
  kexec,
  retrieveSession,
].map(ok);
/** ... and guest_memfd retrieved alone (its VM only by the kernel). */
const GMEM_ONLY: readonly TraceStep[] = [...AFTER_KEXEC, ok(retrieve(2))];

/** The three ways a FINISH with an orphan-in-the-making can go. */
const FINISH_CHOICES: readonly Choice[] = [
  {
    id: 'clean',
    label: 'FINISH succeeds and all is in order',
    expect: { result: 'ok', orphans: 0 },
  },
  {
    id: 'silent',
    label: 'FINISH returns 0 and gmem is left without its VM; nothing reports it',
    expect: { result: 'ok', orphans: 1, detected: 0 },
  },
  { id: 'ebusy', label: 'FINISH is refused with EBUSY', expect: { result: 'EBUSY' } },
];

export const TOUR: readonly TourStep[] = [
  {
    id: 'what-is-luo',
    title: 'What LUO is, and why a VMM uses it',
    text:
      'A live update replaces the host kernel by kexec while the guests keep their memory. ' +
      'The Live Update Orchestrator (LUO) is the kernel side of that hand-over: before the ' +
      'kexec the VMM puts file descriptors, such as its KVM VM and the guest_memfd holding the ' +
      'guest memory, into a named session, each under a token it picks. The old kernel ' +
      'serializes them; the new one hands them back by session name and token. The June 2026 ' +
      'thread asks what should happen when one of those files depends on another.',
    scenario: 'seed',
    variant: 'A',
    history: [],
    task: {
      kind: 'act',
      instruction:
        'Preserve the VM: click vm in the graph (or Tab to it and press Enter). The first ' +
        'click also creates the session "vmm".',
      target: 'vm' as FileId,
    },
    answer: {
      steps: [createSession, preserve('vm', 1)],
      expect: { result: 'ok', states: { vm: 'preserved', gmem: 'live' } },
    },
    why:
      'PRESERVE_FD took the VM into session vmm as token 1. It now survives the kexec, but ' +
      'only through LUO: in the new kernel the VMM must ask for it back by its token.',
    sources: [PATCH, MIKE_DEAD_CODE],
  },
  {
    id: 'preserve-order',
    title: 'Preserving follows the dependencies',
    text:
      'A guest_memfd belongs to exactly one VM, so its handler must record the token that VM ' +
      'got. The patch gives handlers liveupdate_get_token_outgoing() for that: it looks for ' +
      'the dependency in the same session and fails with ENOENT when it is not there. The ' +
      'session exists here, but nothing is in it yet.',
    scenario: 'seed',
    variant: 'A',
    history: [ok(createSession)],
    task: {
      kind: 'predict',
      question: 'The VMM preserves gmem first, before vm. What does PRESERVE_FD return?',
      choices: [
        { id: 'ok', label: 'It succeeds: the order does not matter', expect: { result: 'ok' } },
        {
          id: 'enoent',
          label: 'ENOENT: the VM is not in the session',
          expect: { result: 'ENOENT' },
        },
        { id: 'eagain', label: 'EAGAIN: try again later', expect: { result: 'EAGAIN' } },
        { id: 'ebusy', label: 'EBUSY: the VM is in use', expect: { result: 'EBUSY' } },
      ],
    },
    answer: {
      steps: [preserve('gmem', 1)],
      expect: { result: 'ENOENT', states: { gmem: 'live', vm: 'live' } },
    },
    why:
      "The refusal comes from the guest_memfd handler's .preserve(), not from the LUO core, " +
      'and nothing was preserved. So the VMM must preserve in dependency order: the VM first. ' +
      'That is the first half of the asymmetry Pratyush describes.',
    sources: [PATCH, PRATYUSH_ORDER],
  },
  {
    id: 'retrieve-any-order',
    title: 'Retrieving does not',
    text:
      'The VMM preserved vm and then gmem, rebooted, and retrieved its session in the new ' +
      'kernel. On this side the patch offers liveupdate_get_file_incoming(): a handler asks ' +
      'for its dependency and, if the VMM has not retrieved it yet, the kernel retrieves it ' +
      'on the spot. The VMM may therefore ask for the files in any order.',
    scenario: 'seed',
    variant: 'A',
    history: AFTER_KEXEC,
    task: {
      kind: 'predict',
      question: 'The VMM retrieves gmem (token 2) before vm. What happens?',
      choices: [
        {
          id: 'implicit',
          label: 'It succeeds, and the kernel retrieves vm too, without giving the VMM an fd',
          expect: { result: 'ok', states: { gmem: 'retrieved', vm: 'kernel-retrieved' } },
        },
        {
          id: 'alone',
          label: 'It succeeds, and vm stays as it was',
          expect: { result: 'ok', states: { vm: 'incoming' } },
        },
        {
          id: 'eagain',
          label: 'It fails with EAGAIN until vm is retrieved',
          expect: { result: 'EAGAIN' },
        },
      ],
    },
    answer: {
      steps: [retrieve(2)],
      expect: { result: 'ok', states: { gmem: 'retrieved', vm: 'kernel-retrieved' } },
    },
    why:
      'The VM exists again in the new kernel, but only the kernel holds it: the VMM has no fd ' +
      'to it. Order mattered on the way out and does not on the way in. Pratyush asks: if ' +
      'the VMM has to keep the order when preserving anyway, why not when retrieving?',
    sources: [PATCH, PRATYUSH_ORDER],
  },
  {
    id: 'orphan',
    title: 'The orphaned guest_memfd',
    text:
      "Pratyush Yadav's mail of 26 June 2026 names the danger. A VMM with a bug retrieves " +
      'the guest_memfd, never the VM, and finishes the session. The guest memory survives, ' +
      'but the VM it belongs to is out of reach, and a guest_memfd cannot be bound to another ' +
      'VM. The kernel stays safe; the question is whether the VMM ever finds out.',
    scenario: 'seed',
    variant: 'A',
    history: GMEM_ONLY,
    task: {
      kind: 'predict',
      question: 'The VMM calls FINISH now, while only the kernel holds vm. What happens?',
      choices: FINISH_CHOICES,
    },
    answer: {
      steps: [finish],
      expect: {
        result: 'ok',
        orphans: 1,
        detected: 0,
        states: { gmem: 'finished', vm: 'gone' },
      },
    },
    why:
      'FINISH let go of the VM file that nobody else held, so the VM is gone while gmem lives ' +
      'on. luoscope marks the orphan; the kernel said nothing. Retrieving vm now gives ENOENT, ' +
      'long after the mistake was made.',
    sources: [PRATYUSH_ORPHAN],
  },
  {
    id: 'strict-order',
    title: "Pratyush's proposal: a strict restore order",
    text:
      'His fix is small: the incoming helper should fail while the dependency is not restored ' +
      'yet, instead of restoring it. Retrieving the guest_memfd before its VM is then refused ' +
      'at the call that makes the mistake. A strict rule can be relaxed later; a loose one ' +
      'cannot be tightened. Variant B models this; its errno, EAGAIN, comes from a ' +
      'guest_memfd version that tried the rule, not from the mail.',
    scenario: 'seed',
    variant: 'B',
    history: AFTER_KEXEC,
    task: {
      kind: 'predict',
      question: 'Under variant B the VMM again retrieves gmem (token 2) first. What happens?',
      choices: [
        { id: 'ok', label: 'It succeeds, as under A', expect: { result: 'ok' } },
        {
          id: 'eagain',
          label: 'EAGAIN: retrieve vm first, then try again',
          expect: { result: 'EAGAIN', states: { vm: 'incoming', gmem: 'incoming' } },
        },
        { id: 'enoent', label: 'ENOENT: token 2 is gone for good', expect: { result: 'ENOENT' } },
      ],
    },
    answer: {
      steps: [retrieve(2)],
      expect: { result: 'EAGAIN', states: { vm: 'incoming', gmem: 'incoming' } },
    },
    why:
      "Nothing changed: vm was not retrieved behind the VMM's back, and gmem can still be " +
      'retrieved once vm is. The bug shows at the very call that makes it. The price: ' +
      'retrieving now needs a dependency order, just as preserving does.',
    sources: [PRATYUSH_STRICT],
  },
  {
    id: 'cycles',
    title: "Pasha's answer: a cycle has no order",
    text:
      'Pasha Tatashin replied on 29 June that a free restore order is deliberate. Files may ' +
      'depend on each other in a circle (A on B, B on C, C on A), and then no order satisfies ' +
      'every dependency: a rule that demands one cannot be met. The cycle scenario has two ' +
      'generic files, a and b, each depending on the other; the lookup runs at preserve time, ' +
      'as in the patch.',
    scenario: 'cycle',
    variant: 'A',
    history: [ok(createSession)],
    task: {
      kind: 'predict',
      question: 'The VMM preserves a, then b. How many of the two PRESERVE_FD calls succeed?',
      choices: [
        {
          id: 'both',
          label: 'Both',
          expect: { states: { a: 'preserved', b: 'preserved' } },
        },
        {
          id: 'second',
          label: 'Only the second: by then b finds a in the session',
          expect: { states: { a: 'live', b: 'preserved' } },
        },
        {
          id: 'neither',
          label: 'Neither: each looks for the other first',
          expect: { states: { a: 'live', b: 'live' } },
        },
      ],
    },
    answer: {
      steps: [preserve('a', 1), preserve('b', 1)],
      expect: { result: 'ENOENT', states: { a: 'live', b: 'live' } },
    },
    why:
      'Each lookup wants the other file in the session already, so no order works. The same ' +
      'kind of rule on the retrieve side would make such a set impossible to restore. Under ' +
      'C or D the lookup waits for freeze, so both preserves succeed and the kexec goes ' +
      'through. The next step retrieves them.',
    sources: [PASHA_ANSWER],
  },
  {
    id: 'cycle-deadlock',
    title: 'What the posted core does with a cycle',
    text:
      "Pasha's argument needs retrieval to cope with a cycle. Under C both a and b were " +
      'preserved and the kexec went through. Now the VMM retrieves a: the kernel runs ' +
      "a's .retrieve(), which asks for b through liveupdate_get_file_incoming(), and b's " +
      '.retrieve() asks for a in turn.',
    scenario: 'cycle',
    variant: 'C',
    history: [createSession, preserve('a', 1), preserve('b', 2), kexec, retrieveSession].map(ok),
    task: {
      kind: 'predict',
      question: 'The VMM calls RETRIEVE_FD for a (token 1). What happens?',
      choices: [
        {
          id: 'both',
          label: 'It succeeds: a comes back and b is retrieved on the way',
          expect: { result: 'ok' },
        },
        {
          id: 'eagain',
          label: 'EAGAIN: b has to be retrieved first',
          expect: { result: 'EAGAIN' },
        },
        {
          id: 'hang',
          label: 'It never returns: the VMM is stuck in the ioctl for good',
          expect: { result: 'hang' },
        },
      ],
    },
    answer: { steps: [retrieve(1)], expect: { result: 'hang' } },
    why:
      "luo_retrieve_file() holds a's luo_file->mutex while a's .retrieve() runs, and " +
      "liveupdate_get_file_incoming() is a plain wrapper of luo_retrieve_file(): b's " +
      ".retrieve() takes a's mutex a second time in the same task and blocks forever " +
      '(soleen/linux kernel/liveupdate/luo_file.c @a81d456f5a41). With the core as posted, a ' +
      'cycle can be preserved under C but never retrieved: order-free restore does not ' +
      "deliver cycles. (luoscope's model correction C1; earlier versions showed a success.)",
    sources: [PASHA_ANSWER, MERGED],
  },
  {
    id: 'can-finish',
    title: 'Checking at the session boundary: can_finish',
    text:
      'Instead of ordering the retrieves, Pasha proposes checking at the end. FINISH already ' +
      "works in two phases: it first asks every file's .can_finish(), and releases anything " +
      'only if all agree. A guest_memfd whose VM the VMM never retrieved can say no, and the ' +
      'whole FINISH fails with EBUSY. Variant D models this guard; no posted guest_memfd code ' +
      'has it.',
    scenario: 'seed',
    variant: 'D',
    history: GMEM_ONLY,
    task: {
      kind: 'predict',
      question: 'Under variant D the VMM, holding only gmem, calls FINISH. What happens?',
      choices: FINISH_CHOICES,
    },
    answer: {
      steps: [finish],
      expect: {
        result: 'EBUSY',
        orphans: 0,
        states: { gmem: 'retrieved', vm: 'kernel-retrieved' },
      },
    },
    why:
      'Nothing was released and there is no orphan: the VMM can still retrieve vm (token 1) ' +
      'and call FINISH again, which then succeeds. The check lives in one place, the session ' +
      'boundary, and works whatever order the files came back in (a cycle does not come ' +
      'back at all: see the step before).',
    sources: [PASHA_ANSWER],
  },
  {
    id: 'freeze-lookup',
    title: 'What shipped: the lookup moves to freeze',
    text:
      "The patch reached the liveupdate tree's next branch on 4 August 2026, retrieval still " +
      'free. Its guest_memfd user, by Tarun Sahu, moved the preserve-side lookup too: the ' +
      "VM's token is found when the kernel freezes the sessions at kexec, not at PRESERVE_FD. " +
      'Here gmem was preserved alone, before any VM, and accepted. Variant C is this design.',
    scenario: 'seed',
    variant: 'C',
    history: [ok(createSession), ok(preserve('gmem', 1))],
    task: {
      kind: 'predict',
      question: 'The VMM starts the kexec without ever preserving vm. What happens?',
      choices: [
        {
          id: 'goes',
          label: 'The kexec goes ahead; gmem arrives without its VM',
          expect: { result: 'ok', boot: 1 },
        },
        {
          id: 'rollback',
          label: 'reboot() fails with ENOENT and the old kernel keeps running',
          expect: { result: 'ENOENT', boot: 0 },
        },
        { id: 'ebusy', label: 'reboot() fails with EBUSY', expect: { result: 'EBUSY' } },
      ],
    },
    answer: {
      steps: [kexec],
      expect: { result: 'ENOENT', boot: 0, states: { gmem: 'preserved' } },
    },
    why:
      'The preserve-side mistake is still caught, only later: the freeze fails, every frozen ' +
      'file is thawed and the system keeps running, so the VMM can preserve vm and try again. ' +
      'Retrieval stays free, so the orphan of step 4 is still possible here; the guest_memfd ' +
      'series calls it a valid case.',
    sources: [TARUN_RFC, TARUN_V3, MERGED],
  },
  {
    id: 'argue',
    title: 'What you can now argue',
    text:
      'Four answers to one question. A, the patch: preserve in order, retrieve in any order, ' +
      'and an orphan goes unnoticed. B, Pratyush: refuse the early retrieve, so the mistake is ' +
      'caught where it is made. C, what shipped: the preserve order is checked at freeze, ' +
      'retrieval stays free. D, Pasha: catch the orphan at FINISH. One gap is left in D: a ' +
      'VMM may never call FINISH and simply close the session.',
    scenario: 'seed',
    variant: 'D',
    history: GMEM_ONLY,
    task: {
      kind: 'predict',
      question:
        'Under D the VMM, holding only gmem, closes the session fd instead of calling FINISH. ' +
        'What happens?',
      choices: [
        {
          id: 'clean',
          label: 'close() lets everything go cleanly',
          expect: { result: 'ok', stuck: 0, orphans: 0 },
        },
        { id: 'ebusy', label: 'close() fails with EBUSY', expect: { result: 'EBUSY' } },
        {
          id: 'stuck',
          label:
            'close() returns 0, the kernel logs a warning, the session is stuck and gmem is ' +
            'orphaned',
          expect: { result: 'ok', stuck: 1, detected: 1 },
        },
      ],
    },
    answer: {
      steps: [closeSession],
      expect: { result: 'ok', stuck: 1, orphans: 1, detected: 1 },
    },
    why:
      'Closing a retrieved session is a FINISH that cannot report failure, so D turns the ' +
      'silent orphan into a logged one and a session held until the next live update. ' +
      'Silence, a strict order or a guard at the boundary: the thread left the choice open. ' +
      'Replay any of them here, or compare the variants side by side.',
    sources: [PASHA_ANSWER, ...PRATYUSH_REPLIES, MERGED],
  },
  {
    id: 'what-next',
    title: 'What happened next',
    text:
      'In July Pasha added that preservation may be order-free too: each handler decides ' +
      'whether to look its dependency up at preserve or at freeze. v2 of the patch only added a ' +
      'note that handlers may check at preserve. The guest_memfd (v4) and vCPU code posted by ' +
      'September 2026 look the VM up at freeze and retrieve it implicitly, with no can_finish: ' +
      'variant C. The October series adds an early session freeze and retryable retrieve ' +
      'errors. This step runs on that posted code: the kernel tree posted-2026-09.',
    scenario: 'seed',
    variant: 'C',
    kernel: 'posted-2026-09',
    history: GMEM_ONLY,
    task: {
      kind: 'predict',
      question: 'On the code posted by September 2026, the VMM holding only gmem calls FINISH.',
      choices: FINISH_CHOICES,
    },
    answer: {
      steps: [finish],
      expect: { result: 'ok', orphans: 1, detected: 0 },
    },
    why:
      'The orphan of step 4 is still possible in the latest code: nothing in the posted core, ' +
      'guest_memfd v4 or the vCPU handler checks that the VM reached userspace, and the ' +
      'October proposals do not either. Pick the kernel tree beside the variant to replay any ' +
      'step on mainline v7.3, the posted code or the October proposals.',
    sources: [JULY_REPLIES, PATCH_V2, GMEM_V4, CARETAKER, OCTOBER_SERIES],
  },
];
