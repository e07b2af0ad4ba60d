import { selectNotice } from '../store';
import { useAppStore, useStoreApi } from './storeContext';

/** A notice about the page address (an unknown scenario or variant). */
export function Notice() {
  const store = useStoreApi();
  const notice = useAppStore(selectNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert" data-testid="notice">
      <span>{notice}</span>
      <button type="button" onClick={() => store.getState().setNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}
