import type { WaitEstimate } from '../queue';
import { say, type Lang } from './index';

/**
 * The wait in a citizen's language. The hub words it in Vietnamese (`text`, main/core/wait-estimate.ts);
 * another language rebuilds it from the estimate's numbers ("about 15–20 minutes").
 */
export function waitWords(lang: Lang, wait: WaitEstimate): string {
  if (lang === 'vi') return wait.text;
  if (wait.kind === 'range') return say(lang, 'wait.range', { min: wait.minMinutes, max: wait.maxMinutes });
  const none = say(lang, 'wait.noCounter');
  return wait.opensAt === null ? none : `${none} ${say(lang, 'wait.opensAt', { time: wait.opensAt })}`;
}
