/**
 * The luoscope release, as in package.json (a test keeps the two equal). The exports print it
 * so that a reader of an archived mail knows which model produced the results.
 */
export const LUOSCOPE_VERSION = '0.1.0';
