/**
 * The scenario editor's draft: the files as a person is editing them, possibly invalid, and
 * the pure edits on it. Dependencies point at draft keys, so a rename carries every dependency
 * along. A draft is checked by the trace validator itself (the candidate document it would
 * become), and every problem is mapped back to the field it is about.
 */
import { handlerFor } from '../engine';
import type {
  FileHandler,
  FileId,
  FileProps,
  FileSpec,
  FileType,
  PropName,
  PropValue,
} from '../engine';
import type { Scenario } from '../scenarios';
import { formatPath } from '../trace/problem';
import { documentProblems } from '../trace/problems';
import { PROP_NAMES } from '../trace/schema';
import { traceJson } from '../trace/serialize';

export interface DraftFile {
  /** Stable while the draft lives: React keys and dependency targets. */
  key: number;
  /** Its id in the scenario the draft belongs to; `null` for a file added since. */
  origin: FileId | null;
  /** As typed: may be invalid or taken. */
  id: string;
  type: FileType;
  /** Keys of the files it depends on. */
  deps: readonly number[];
  boot: number;
  /** Only the properties set to something other than their default. */
  props: Readonly<FileProps>;
}

export interface Draft {
  title: string;
  files: readonly DraftFile[];
  nextKey: number;
}

/** Which part of the draft a problem is about. */
export type DraftField = 'title' | 'document' | 'file' | 'id' | 'type' | 'deps' | PropName;

export interface FieldProblem {
  /** The file's key, `null` for the title or the document as a whole. */
  key: number | null;
  field: DraftField;
  message: string;
  /** The validator's line, `files[2].deps: guest_memfd takes exactly one kvm-vm (got 0)`. */
  text: string;
}

type DepRule = FileHandler['deps'];
const NO_DEPS: DepRule = { types: [], min: 0, max: 0, text: 'no dependencies' };

/** What a type may depend on (`pipe` has no handler and takes none). */
export function depRule(type: FileType): DepRule {
  return handlerFor(type)?.deps ?? NO_DEPS;
}

/** The properties a type has. */
export function propSpecs(type: FileType) {
  return handlerFor(type)?.props ?? [];
}

function propsOfSpec(f: FileSpec): DraftFile['props'] {
  const out: FileProps = {};
  for (const p of propSpecs(f.type)) {
    const value = f[p.name];
    if (value !== undefined && value !== p.default) Object.assign(out, { [p.name]: value });
  }
  return out;
}

const drafts = new WeakMap<Scenario, Draft>();

/** The draft of a scenario as it is (cached: the same scenario gives the same draft). */
export function draftOf(scenario: Scenario): Draft {
  let draft = drafts.get(scenario);
  if (!draft) {
    const keyOf = new Map(scenario.files.map((f, i) => [f.id as string, i]));
    draft = {
      title: scenario.title,
      nextKey: scenario.files.length,
      files: scenario.files.map((f, key) => ({
        key,
        origin: f.id,
        id: f.id,
        type: f.type,
        deps: f.deps.flatMap((d) => keyOf.get(d) ?? []),
        boot: f.boot,
        props: propsOfSpec(f),
      })),
    };
    drafts.set(scenario, draft);
  }
  return draft;
}

/** The engine files a draft describes (ids as typed: only meaningful once it validates). */
export function draftFiles(draft: Draft): FileSpec[] {
  const idOf = new Map(draft.files.map((f) => [f.key, f.id]));
  return draft.files.map((f) => ({
    id: f.id as FileId,
    type: f.type,
    deps: f.deps.flatMap((k) => idOf.get(k) ?? []) as FileId[],
    boot: f.boot,
    ...f.props,
  }));
}

function fieldOf(part: string | number | undefined): DraftField {
  if (part === 'id' || part === 'type' || part === 'deps') return part;
  return PROP_NAMES.find((p) => p === part) ?? 'file';
}

/** Every problem the trace validator finds in the document the draft would become. */
export function draftProblems(draft: Draft): FieldProblem[] {
  const json = traceJson({
    title: draft.title,
    variant: 'A',
    switches: {},
    files: draftFiles(draft),
    steps: [],
  });
  return documentProblems(json).map(({ path, message }) => {
    const text = `${formatPath(path)}: ${message}`;
    const [root, index, part] = path;
    const file = root === 'files' && typeof index === 'number' ? draft.files[index] : undefined;
    if (file) return { key: file.key, field: fieldOf(part), message, text };
    return { key: null, field: root === 'title' ? 'title' : 'document', message, text };
  });
}

/** The files another file may depend on under its type's rule (never itself). */
export function allowedTargets(draft: Draft, key: number): DraftFile[] {
  const file = draft.files.find((f) => f.key === key);
  if (!file) return [];
  const rule = depRule(file.type);
  if (rule.max === 0) return [];
  return draft.files.filter(
    (f) => f.key !== key && (rule.types === 'any' || rule.types.includes(f.type)),
  );
}

const BASE_ID: Record<FileType, string> = {
  memfd: 'ram',
  'kvm-vm': 'vm',
  guest_memfd: 'gmem',
  'kvm-vcpu': 'vcpu',
  iommufd: 'iommu',
  'vfio-pci': 'nic',
  pipe: 'pipe',
  generic: 'gen',
};

/** A free id for a new file of this type: `gmem`, then `gmem2`, `gmem3`, ... */
export function freshId(draft: Draft, type: FileType): string {
  const taken = new Set(draft.files.map((f) => f.id));
  const base = BASE_ID[type];
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

const update = (draft: Draft, key: number, change: (f: DraftFile) => DraftFile): Draft => ({
  ...draft,
  files: draft.files.map((f) => (f.key === key ? change(f) : f)),
});

/** Dependencies that fit a type's rule, topped up to its minimum from the allowed targets. */
function fitDeps(draft: Draft, file: DraftFile): readonly number[] {
  const rule = depRule(file.type);
  const allowed = allowedTargets(draft, file.key).map((f) => f.key);
  const kept = file.deps.filter((k) => allowed.includes(k)).slice(0, rule.max);
  for (const k of allowed) {
    if (kept.length >= rule.min) break;
    if (!kept.includes(k)) kept.push(k);
  }
  return kept;
}

/** Adds a file of a type with a fresh id (depending on the first files that fit, if it must). */
export function addFile(draft: Draft, type: FileType): Draft {
  const file: DraftFile = {
    key: draft.nextKey,
    origin: null,
    id: freshId(draft, type),
    type,
    deps: [],
    boot: 0,
    props: {},
  };
  const next = { ...draft, nextKey: draft.nextKey + 1, files: [...draft.files, file] };
  return update(next, file.key, (f) => ({ ...f, deps: fitDeps(next, f) }));
}

/** Removes a file, and every dependency on it. */
export function removeFile(draft: Draft, key: number): Draft {
  return {
    ...draft,
    files: draft.files
      .filter((f) => f.key !== key)
      .map((f) => (f.deps.includes(key) ? { ...f, deps: f.deps.filter((k) => k !== key) } : f)),
  };
}

export function renameFile(draft: Draft, key: number, id: string): Draft {
  return update(draft, key, (f) => ({ ...f, id }));
}

/** A new type keeps the dependencies and properties that still fit it. */
export function setType(draft: Draft, key: number, type: FileType): Draft {
  const names = new Set(propSpecs(type).map((p) => p.name));
  return update(draft, key, (f) => {
    const props = Object.fromEntries(
      Object.entries(f.props).filter(([n]) => names.has(n as PropName)),
    );
    const next = { ...f, type, props };
    return { ...next, deps: fitDeps(draft, next) };
  });
}

export function setDeps(draft: Draft, key: number, deps: readonly number[]): Draft {
  return update(draft, key, (f) => ({ ...f, deps: [...new Set(deps)] }));
}

/** Sets a property; its default value is stored as "not set". */
export function setProp(draft: Draft, key: number, name: PropName, value: PropValue): Draft {
  return update(draft, key, (f) => {
    const props: FileProps = { ...f.props };
    const spec = propSpecs(f.type).find((p) => p.name === name);
    if (spec && value === spec.default) delete props[name];
    else Object.assign(props, { [name]: value });
    return { ...f, props };
  });
}

export function setTitle(draft: Draft, title: string): Draft {
  return { ...draft, title };
}

/** An empty scenario, for building one from scratch. */
export function emptyDraft(draft: Draft): Draft {
  return { ...draft, files: [] };
}

/** The ids files had in the scenario and have now (`old -> new`), and the ids removed. */
export function idChanges(draft: Draft, base: Scenario) {
  const renames = new Map<FileId, FileId>();
  const kept = new Set<string>();
  for (const f of draft.files) {
    if (f.origin === null) continue;
    kept.add(f.origin);
    if (f.origin !== f.id) renames.set(f.origin, f.id as FileId);
  }
  const removed = base.files.map((f) => f.id).filter((id) => !kept.has(id));
  return { renames, removed };
}

/** The draft once applied: every file's origin is its id now. */
export function rebase(draft: Draft): Draft {
  return { ...draft, files: draft.files.map((f) => ({ ...f, origin: f.id as FileId })) };
}
