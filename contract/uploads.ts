/**
 * Files that travel inside an operation's JSON body (base64), and what a person is told when one
 * is too large. No schemas here: the screens check a file's size before they send it.
 */
export interface Upload {
  /** The largest file accepted, in bytes (before base64). */
  readonly maxFileBytes: number;
  /** What the file is, as the officer would say it ("Tệp bản quét"). */
  readonly what: string;
  /** What to do about a file that is too large. */
  readonly advice: string;
}

/** JSON request bodies are small; a file upload may be as large as its base64 and a little JSON around it. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

export function bodyLimitOf(def: { readonly upload?: Upload }): number {
  return def.upload ? base64Length(def.upload.maxFileBytes) + 64 * 1024 : DEFAULT_BODY_LIMIT;
}

/** "30 MB" — sizes for people, in decimal megabytes as file managers show them. */
export function megabytes(bytes: number): string {
  return `${Math.floor(bytes / 1_000_000).toLocaleString('vi-VN')} MB`;
}

/**
 * What a request over the limit is told: the file's limit for an upload, the body's otherwise.
 * The screen, which knows the file's size before sending it, says that too.
 */
export function tooLargeMessage(upload: Upload | undefined, fileBytes?: number): string {
  if (!upload) return `Dữ liệu gửi lên quá lớn (tối đa ${megabytes(DEFAULT_BODY_LIMIT)}).`;
  const size = fileBytes === undefined ? '' : ` (${megabytes(fileBytes)})`;
  return `${upload.what} quá lớn${size}: tối đa ${megabytes(upload.maxFileBytes)}. ${upload.advice}`;
}

/** A scan of a few papers at 200–300 dpi; a larger file is a scan set to the wrong resolution. */
export const SCAN_UPLOAD: Upload = {
  maxFileBytes: 30_000_000,
  what: 'Tệp bản quét',
  advice: 'Hãy quét lại ở 200 dpi (đen trắng hoặc xám) hoặc chia thành nhiều tệp.',
};
export const CATALOGUE_UPLOAD: Upload = { maxFileBytes: 22_500_000, what: 'Tệp danh mục thủ tục', advice: 'Hãy chia danh mục thành nhiều tệp nhỏ hơn.' };
