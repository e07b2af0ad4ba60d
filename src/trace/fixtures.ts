/**
 * Documents the tests (unit and Playwright) share: a realistic 30-step walk-through of the
 * `vm-full` preset, the trace whose share-link length issue 4 asks to measure.
 */
import { vmFull } from '../scenarios/presets';
import type { TraceDoc } from './parse';
import { validateTrace } from './parse';
import { traceJson } from './serialize';
import { TRACE_FORMAT } from './schema';

/**
 * `vm-full` under variant A, the way a VMM author gets there on a first try: preserve the
 * guest_memfd before its VM (ENOENT), a running vCPU (EBUSY), stop the vCPUs, preserve in
 * dependency order, kexec with the device's IRQs still on (EINVAL, rolled back), turn them
 * off, kexec; then retrieve everything, FINISH too early (EBUSY: the device is not retrieved
 * yet), retrieve it, bind it, resume the vCPUs, FINISH and close the session.
 */
export const VM_FULL_WALKTHROUGH_JSON = {
  format: TRACE_FORMAT,
  title: 'vm-full: a whole VM across one live update',
  variant: 'A',
  files: traceJson({ variant: 'A', switches: {}, files: [...vmFull.files], steps: [] }).files,
  steps: [
    { op: 'createSession', name: 'vmm', as: 'S' },
    { op: 'preserve', session: 'S', file: 'gmem', token: 4 },
    { op: 'preserve', session: 'S', file: 'vm', token: 1 },
    { op: 'preserve', session: 'S', file: 'gmem', token: 4 },
    { op: 'preserve', session: 'S', file: 'vcpu0', token: 2 },
    { op: 'set', file: 'vcpu0', prop: 'running', value: false },
    { op: 'set', file: 'vcpu1', prop: 'running', value: false },
    { op: 'preserve', session: 'S', file: 'vcpu0', token: 2 },
    { op: 'preserve', session: 'S', file: 'vcpu1', token: 3 },
    { op: 'preserve', session: 'S', file: 'ram', token: 5 },
    { op: 'preserve', session: 'S', file: 'iommu', token: 6 },
    { op: 'preserve', session: 'S', file: 'nic', token: 7 },
    { op: 'kexec' },
    { op: 'set', file: 'nic', prop: 'irqsEnabled', value: false },
    { op: 'kexec' },
    { op: 'retrieveSession', name: 'vmm', as: 'S1' },
    { op: 'retrieve', session: 'S1', token: 1 },
    { op: 'retrieve', session: 'S1', token: 2 },
    { op: 'retrieve', session: 'S1', token: 3 },
    { op: 'retrieve', session: 'S1', token: 4 },
    { op: 'retrieve', session: 'S1', token: 5 },
    { op: 'retrieve', session: 'S1', token: 6 },
    { op: 'finish', session: 'S1' },
    { op: 'retrieve', session: 'S1', token: 7 },
    { op: 'set', file: 'nic', prop: 'bound', value: true },
    { op: 'set', file: 'nic', prop: 'irqsEnabled', value: true },
    { op: 'set', file: 'vcpu0', prop: 'running', value: true },
    { op: 'set', file: 'vcpu1', prop: 'running', value: true },
    { op: 'finish', session: 'S1' },
    { op: 'closeSession', session: 'S1' },
  ],
};

/** `VM_FULL_WALKTHROUGH_JSON` validated. */
export function vmFullWalkthrough(): TraceDoc {
  const parsed = validateTrace(VM_FULL_WALKTHROUGH_JSON);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.doc;
}
