import type { DraftField } from '../../store';
import { selectFieldMessage } from '../../store';
import { useAppStore } from '../storeContext';
import { errorId } from './useFieldAria';

/** The validator's message about one field, shown next to it (nothing when it is fine). */
export function FieldError({ fileKey, field }: { fileKey: number | null; field: DraftField }) {
  const message = useAppStore(selectFieldMessage(fileKey, field));
  if (!message) return null;
  return (
    <p
      id={errorId(fileKey, field)}
      className="field-error"
      data-testid="editor-error"
      data-field={field}
    >
      {message}
    </p>
  );
}
