import { describe, expect, it } from 'vitest';
import { newId } from '../../electron/engine/ids';

describe('record IDs', () => {
  it('are UUIDv7, increasing within a process, and never repeat', () => {
    const ids = Array.from({ length: 50_000 }, newId);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('record IDs as text', () => {
  it('are what uuidv7 itself writes for the same bytes', async () => {
    const { UUID } = await import('uuidv7');
    for (const id of Array.from({ length: 1000 }, newId)) {
      expect(UUID.parse(id).toString()).toBe(id);
    }
  });
});
