/**
 * Field names whose values never leave the hub in a log line or a diagnostics bundle, wherever
 * they sit in an object: secrets, and the personal data a desk handles (Nghị định 13/2023 — a
 * technician in the province has no business seeing a citizen's name or ID number). One list for
 * the logger's redaction (common/node/logger.ts) and the bundle's second pass (main/core/diagnostics).
 */
export const sensitiveKeys = [
  'password', 'currentPassword', 'newPassword', 'initialPassword', 'passphrase', 'pin', 'token', 'authorization', 'credential', 'cookie',
  'idNumber', 'oldIdNumber', 'fullName', 'name', 'dateOfBirth', 'address', 'phone', 'email', 'applicant', 'raw', 'text', 'q', 'username',
] as const;

/** What stands in place of a hidden value. */
export const REDACTED = '[ẩn]';
