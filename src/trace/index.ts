/**
 * The trace format `luoscope/trace@1` (TRACE-FORMAT.md): parse and validate a document, write
 * it back canonically, replay it through the engine, pass it on as a share link, export it as
 * text for a mail reply and as a C reproducer.
 */
export { parseTrace, validateTrace, tooLargeMessage } from './parse';
export type { ParseResult, TraceDoc, TraceStep } from './parse';
export { serializeTrace, stepJson, traceJson } from './serialize';
export {
  REPLAY_FORMAT,
  engineStep,
  replayText,
  replayTrace,
  replayWithState,
  traceSwitches,
} from './replay';
export type { Mismatch, ReplayOutcome, ReplayResult, ReplayStep, TextReplay } from './replay';
export { MAX_FILES, MAX_STEPS, MAX_TRACE_BYTES, TRACE_FORMAT } from './schema';
export {
  LINK_PARAM,
  LINK_PREFIX,
  LINK_VERSION,
  MAX_LINK_CHARS,
  decodeLink,
  encodeLink,
  linkPayload,
  shareUrl,
  traceFromHash,
} from './link';
export type { LinkResult } from './link';
export { checkBaseUrl, isLoopback, publicBase, shareTarget } from './baseUrl';
export type { BaseUrlCheck } from './baseUrl';
export { LUOSCOPE_VERSION } from './version';
export { PASTE_LINE, TEXT_WIDTH, exportText } from './export/text';
export { exportC } from './export/c';
export { LIVEUPDATE_UAPI_H } from './export/uapi';
export { correctedSteps, correctionNotice } from './corrections';
