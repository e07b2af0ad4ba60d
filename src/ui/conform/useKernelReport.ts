import { useMemo } from 'react';
import { selectKernelRun } from '../../store';
import { conform, kernelName } from '../../trace/conform/conform';
import type { ConformReport } from '../../trace/conform/conform';
import { replayTrace } from '../../trace/replay';
import { useAppStore } from '../storeContext';

/** The attached kernel run set against its trace, and the kernel's name; null without one. */
export function useKernelReport(): { report: ConformReport; name: string } | null {
  const attached = useAppStore(selectKernelRun);
  return useMemo(() => {
    if (!attached) return null;
    const report = conform(attached.doc, replayTrace(attached.doc), attached.run);
    return { report, name: kernelName(attached.run) };
  }, [attached]);
}
