import { createContext, useContext } from 'react';

/** Enters presenter mode in place (the app's root provides it; none in component tests). */
export const PresentContext = createContext<(() => void) | null>(null);

export const usePresent = () => useContext(PresentContext);
