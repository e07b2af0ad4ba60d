import { usePresent } from './modeContext';

/** "Present": the same work in presenter mode (`?present`), in place. */
export function PresentLink() {
  const present = usePresent();
  if (!present) return null;
  return (
    <button type="button" data-testid="present-open" onClick={present}>
      Present
    </button>
  );
}
