import type { AppStore } from '../../store';
import { readTraceFile } from './files';

/**
 * Opens a trace file at its last step, or leaves a notice naming the file and the problem
 * (`<json path>: <problem>`) and keeps the work that is open.
 */
export async function openTraceFile(store: AppStore, file: File): Promise<void> {
  const parsed = await readTraceFile(file);
  const s = store.getState();
  if (parsed.ok) {
    await s.openTrace(parsed.doc, `the file "${file.name}"`);
  } else {
    s.setNotice(
      `Could not open "${file.name}": ${parsed.error}. The work that was open stays open.`,
    );
    s.announce(`Could not open "${file.name}".`);
  }
}
