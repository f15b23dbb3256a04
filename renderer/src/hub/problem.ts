import { HubError } from '../../../contract/errors';

/** What to show for a failed call: the hub's Vietnamese message and, for invalid input, each field. */
export interface Problem {
  readonly message: string;
  readonly items: readonly string[];
}

/** A problem found on the screen before asking the hub (a date typed wrong, two PIN entries that differ); shown like the hub's. */
export class LocalProblem extends Error {
  /** The input's path of the field at fault (as the hub's issues name it), when there is one. */
  constructor(message: string, readonly field: string | null = null) {
    super(message);
  }
}

/** One invalid field of a schema check: its path in the input and the hub's message. */
export interface Issue {
  path: string;
  message: string;
}

/** The hub's own checks list each problem in words (details.problems), schema checks by field (details.issues). */
function problemsOf(details: unknown): string[] {
  if (typeof details !== 'object' || details === null || !('problems' in details) || !Array.isArray(details.problems)) return [];
  return details.problems.filter((p): p is string => typeof p === 'string');
}

export function issuesOf(details: unknown): Issue[] {
  if (typeof details !== 'object' || details === null || !('issues' in details) || !Array.isArray(details.issues)) return [];
  return details.issues.filter((i): i is Issue => typeof i === 'object' && i !== null && typeof i.path === 'string' && typeof i.message === 'string');
}

/**
 * The hub's answer in words for the officer. Schema issues name their field by its path
 * ("applicant.fullName"); `names` turns the path, or its first parts, into the field's label.
 */
export function problemOf(e: unknown, fallback: string, names: Record<string, string> = {}): Problem {
  if (e instanceof LocalProblem) return { message: e.message, items: [] };
  if (!(e instanceof HubError)) return { message: fallback, items: [] };
  const problems = problemsOf(e.details);
  if (problems.length > 1) return { message: 'Thông tin chưa hợp lệ:', items: problems };
  // The hub's own check of one thing says it in its message; its issues only say where.
  if (problems.length === 1) return { message: e.message, items: [] };
  const issues = issuesOf(e.details);
  if (issues.length === 0) return { message: e.message, items: [] };
  const name = (path: string) => {
    const parts = path.split('.');
    for (let n = parts.length; n > 0; n--) {
      const label = names[parts.slice(0, n).join('.')];
      if (label) return label;
    }
    return path;
  };
  return { message: 'Dữ liệu chưa hợp lệ:', items: issues.map((i) => `${name(i.path)}: ${i.message}`) };
}

/** A failed call split for a form: the messages of the fields it shows, by path, and the rest. */
export interface FormProblem {
  readonly fields: Readonly<Record<string, string>>;
  readonly problem: Problem | null;
}

/**
 * Puts each problem that names a field the form shows beside that field (the form then takes the
 * officer there); what names no such field stays in the message near the buttons.
 */
export function formProblemOf(e: unknown, fallback: string, names: Record<string, string>, shown: readonly string[]): FormProblem {
  const local = e instanceof LocalProblem && e.field !== null && shown.includes(e.field) ? [{ path: e.field, message: e.message }] : [];
  const all = e instanceof HubError ? issuesOf(e.details) : local;
  const onForm = all.filter((i) => shown.includes(i.path));
  if (onForm.length === 0) return { fields: {}, problem: problemOf(e, fallback, names) };
  const fields: Record<string, string> = {};
  for (const i of onForm) fields[i.path] ??= i.message;
  const rest = all.filter((i) => !shown.includes(i.path)).map((i) => i.message);
  return { fields, problem: { message: 'Thông tin chưa hợp lệ: xem ghi chú dưới ô được đánh dấu.', items: rest } };
}
