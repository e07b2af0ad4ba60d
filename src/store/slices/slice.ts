import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../types';

/** A slice contributes some actions; its data comes from the store's initial state. */
export type AppSlice<T> = StateCreator<AppState, [], [], T>;
