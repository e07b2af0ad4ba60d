import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../store';

export const StoreContext = createContext<AppStore | null>(null);

/** The store instance, for event handlers that read `getState()`. */
export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('no StoreProvider above this component');
  return store;
}

/** Subscribes to one selected value of the store. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useStoreApi(), selector);
}
