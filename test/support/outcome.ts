import { HubError } from '../../contract/errors';

/** 'ok', or the stable error code the hub answered with: lets a test list outcomes in one line. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof HubError) return e.code;
    throw e;
  }
}
