import { selectAnnouncement } from '../store';
import { useAppStore } from './storeContext';

/** Says the result of each action to a screen reader. */
export function LiveRegion() {
  const { seq, text } = useAppStore(selectAnnouncement);
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="announcer">
      {/* A new key per announcement: the same words twice are still read twice. */}
      <span key={seq}>{text}</span>
    </div>
  );
}
