/** `v7.3`: released mainline v7.2/v7.3: the memfd handler only, no dependency helpers (§8.1–8.2). */
import type { KernelTree } from './types';

export const TREE_V7_3: KernelTree = {
  id: 'v7.3',
  date: '2026-08-18',
  title: 'mainline v7.3',
  summary:
    'Released mainline (v7.2 merge 21 Jun 2026, v7.3-rc1 18 Aug 2026). Only memfd (memfd-v2) ' +
    'has a LUO handler, and the dependency helpers are not merged: no file can depend on ' +
    'another, so the variants have nothing to act on (the simulated generic handler aside).',
  handlers: ['memfd', 'generic'],
  defaults: {
    strictErrno: 'EAGAIN',
    stickyRetrieveErrors: 'all',
    fileLimit: 'unlimited',
    doublePreserveCheck: true,
    sessionDirectionCheck: true,
    vfioFinishRequiresBind: true,
    memfdSeals: 'preserved',
    iommufdRevision: 'memfd-deps',
    retrievedFilesBusy: true,
    sessionFreeze: false,
    khoFinalize: 'ok',
  },
  rules: [
    {
      text: 'only the memfd handler is registered; every other type -> ENOENT at PRESERVE_FD',
      source: 'torvalds/linux mm/memfd_luo.c (the only liveupdate_register_file_handler user)',
    },
    {
      text: 'memfd-v2: seals preserved and re-applied on retrieve',
      source: '8a552d68a86e memfd-v2 (5 Apr 2026), include/linux/kho/abi/memfd.h',
    },
    {
      text: 'failed retrieves are not retried: every retrieve errno is remembered',
      source:
        'liveupdate: Document that retrieve failure is permanent (v7.2); luo_file.c luo_retrieve_file',
    },
    {
      text: 'GET_NAME (0x43), CREATE_SESSION name check, no fixed limit of files or sessions',
      source: "Linus' merge d639d9fa162a (v7.2-rc1, 21 Jun 2026); fix 4416f8a9ed5f (16 Jul 2026)",
    },
    {
      text: 'FINISH with reserved != 0 -> EINVAL',
      source: 'liveupdate-v7.3-rc1 pull (merged 18 Aug 2026)',
    },
  ],
};
