import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uuidv7 } from '../../../main/node/db/uuidv7';

describe('uuidv7', () => {
  it('is a valid version-7 UUID carrying its creation time', () => {
    const t = Date.parse('2026-11-25T02:00:00Z');
    const id = uuidv7(t);
    expect(z.uuid({ version: 'v7' }).safeParse(id).success).toBe(true);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(t);
  });

  it('sorts in creation order, also within one millisecond and when the clock steps back', () => {
    const t = Date.parse('2030-01-01T00:00:00Z');
    const ids = [...Array.from({ length: 5000 }, () => uuidv7(t)), uuidv7(t - 1000), uuidv7(t + 1)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
