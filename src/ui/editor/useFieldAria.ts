import type { DraftField } from '../../store';
import { selectFieldMessage } from '../../store';
import { useAppStore } from '../storeContext';

/** The id of a field's message element (for aria-describedby). */
export const errorId = (key: number | null, field: DraftField) =>
  `editor-err-${key ?? 'doc'}-${field}`;

/** What ties a control to its message: aria-invalid, and aria-describedby with a hint. */
export function useFieldAria(key: number | null, field: DraftField, hint?: string) {
  const message = useAppStore(selectFieldMessage(key, field));
  const ids = [hint, message ? errorId(key, field) : undefined].filter(Boolean).join(' ');
  return {
    'aria-invalid': message ? true : undefined,
    'aria-describedby': ids || undefined,
  } as const;
}
