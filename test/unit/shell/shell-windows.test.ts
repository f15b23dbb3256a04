import { describe, expect, it } from 'vitest';
import { windowRoles } from '../../../contract/shell';
import { isLocked, lockedKey, placeWindow, type DisplayInfo, type KeyPress } from '../../../main/core/shell-windows';

const laptop: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 }, workArea: { x: 0, y: 0, width: 1366, height: 728 } };
const kioskScreen: DisplayInfo = { id: 2, bounds: { x: 1366, y: 0, width: 1080, height: 1920 }, workArea: { x: 1366, y: 0, width: 1080, height: 1920 } };
const tv: DisplayInfo = { id: 3, bounds: { x: -1920, y: 0, width: 1920, height: 1080 }, workArea: { x: -1920, y: 0, width: 1920, height: 1080 } };
const displays = [laptop, kioskScreen, tv];

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({ type: 'keyDown', key: k, control: false, meta: false, shift: false, alt: false, ...mods });

describe('which windows lock', () => {
  it('locks the citizen-facing screens and only those', () => {
    expect(windowRoles.filter(isLocked)).toEqual(['kiosk', 'display', 'rating']);
  });
});

describe('window placement per monitor', () => {
  it('covers the whole chosen screen with a locked window, whatever bounds were remembered', () => {
    expect(placeWindow({ role: 'kiosk', displayId: 2, bounds: { x: 0, y: 0, width: 10, height: 10 } }, displays, 1)).toEqual({ role: 'kiosk', displayId: 2, bounds: kioskScreen.bounds, locked: true });
    expect(placeWindow({ role: 'display', displayId: 3, bounds: null }, displays, 1).bounds).toEqual(tv.bounds);
  });

  it('opens on the primary screen when the remembered one is unplugged', () => {
    expect(placeWindow({ role: 'display', displayId: 99, bounds: null }, displays, 1)).toMatchObject({ displayId: 1, bounds: laptop.bounds });
    expect(placeWindow({ role: 'counter', displayId: 99, bounds: { x: 1400, y: 10, width: 900, height: 600 } }, displays, 1)).toMatchObject({ displayId: 1, bounds: { x: 0, y: 0, width: 1366, height: 728 } });
  });

  it('keeps a staff window where it was left, on its screen', () => {
    const bounds = { x: 1400, y: 40, width: 1000, height: 700 };
    expect(placeWindow({ role: 'counter', displayId: 2, bounds }, displays, 1)).toEqual({ role: 'counter', displayId: 2, bounds, locked: false });
  });

  it('opens a staff window at the design size, or the work area when smaller, below the taskbar line', () => {
    expect(placeWindow({ role: 'admin', displayId: null, bounds: null }, displays, 3).bounds).toEqual({ x: -1920, y: 0, width: 1366, height: 800 });
    expect(placeWindow({ role: 'admin', displayId: 1, bounds: null }, displays, 1).bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
  });

  it('never reopens a staff window off-screen or with its title bar out of reach (a screen resized since)', () => {
    const fallback = { x: 0, y: 0, width: 1366, height: 728 };
    expect(placeWindow({ role: 'counter', displayId: 1, bounds: { x: 1300, y: 10, width: 900, height: 600 } }, displays, 1).bounds).toEqual(fallback);
    expect(placeWindow({ role: 'counter', displayId: 1, bounds: { x: 100, y: -300, width: 900, height: 600 } }, displays, 1).bounds).toEqual(fallback);
    expect(placeWindow({ role: 'counter', displayId: 1, bounds: { x: 100, y: 700, width: 900, height: 600 } }, displays, 1).bounds).toEqual(fallback);
  });
});

describe('keys in a locked window', () => {
  it('asks for the unlock screen on Ctrl+Shift+Q (and Cmd+Shift+Q), in either case', () => {
    expect(lockedKey(key('Q', { control: true, shift: true }))).toBe('unlock-request');
    expect(lockedKey(key('q', { meta: true, shift: true }))).toBe('unlock-request');
    expect(lockedKey(key('q', { control: true, shift: true, type: 'keyUp' }))).toBe('pass');
  });

  it('swallows the chords that reload, close, open, print, zoom, leave full screen or open dev tools', () => {
    const blocked: KeyPress[] = [
      key('F5'), key('F11'), key('F12'),
      key('r', { control: true }), key('R', { control: true, shift: true }), key('w', { control: true }), key('q', { control: true }),
      key('n', { control: true }), key('t', { control: true }), key('p', { control: true }), key('o', { control: true }), key('s', { control: true }),
      key('+', { control: true }), key('-', { control: true }), key('=', { control: true }), key('0', { control: true }),
      key('I', { control: true, shift: true }), key('J', { control: true, shift: true }), key('C', { control: true, shift: true }),
      key('w', { meta: true }), key('F4', { alt: true }), key('ArrowLeft', { alt: true }), key('Home', { alt: true }),
    ];
    for (const k of blocked) expect(lockedKey(k), JSON.stringify(k)).toBe('block');
  });

  it('lets typing through: digits of a CCCD, Vietnamese letters, Backspace, Enter, and copy/paste', () => {
    for (const k of [key('0'), key('9'), key('ư'), key('Backspace'), key('Enter'), key('Tab'), key('c', { control: true }), key('v', { control: true }), key('a', { control: true })]) {
      expect(lockedKey(k), JSON.stringify(k)).toBe('pass');
    }
  });
});
