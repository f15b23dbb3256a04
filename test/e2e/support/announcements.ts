import type { Page } from 'playwright-core';

export interface Announcement {
  callId: number;
  displayCode: string;
  kind: string;
  clips: string[];
  /** Clips that failed to play. */
  missed: string[];
  state: string;
}

/** What the display page scheduled and played (DisplayScreen exposes its announcer's log). */
export function announcements(page: Page): Promise<Announcement[]> {
  return page.evaluate(() => ((window as unknown as { __motcuaAnnouncements?: Announcement[] }).__motcuaAnnouncements ?? []).map((a) => ({ ...a })));
}
