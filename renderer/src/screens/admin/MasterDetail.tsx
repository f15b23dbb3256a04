import { useState, type ReactNode } from 'react';
import { Button } from '../../ui/Button';

/** `id`: the item being edited; 'new': a blank form; null: the first item. */
export interface Selection {
  readonly key: number;
  readonly id: string | null;
}

/**
 * Which item a list section edits. `pick` opens another item (a fresh form); `adopt` keeps the
 * same form when a new item has just been saved and got its id, so "Đã lưu" stays visible.
 */
export function useSelection() {
  const [sel, setSel] = useState<Selection>({ key: 0, id: null });
  return {
    sel,
    pick: (id: string) => setSel((s) => ({ key: s.key + 1, id })),
    adopt: (id: string) => setSel((s) => ({ key: s.key, id })),
    /** The item the form shows, or null for a new one. */
    current<T extends { id: string }>(items: readonly T[]): T | null {
      if (sel.id === 'new') return null;
      const id = sel.id ?? items[0]?.id;
      return items.find((i) => i.id === id) ?? null;
    },
  };
}

/**
 * A list of items on the left (each a button; the one being edited is marked) and its editor on
 * the right. Services, priority classes, counters and staff accounts all use it.
 */
export function MasterDetail<T extends { id: string }>(props: {
  label: string;
  items: readonly T[];
  editing: string | null;
  onPick: (id: string) => void;
  newLabel: string;
  title: (item: T) => ReactNode;
  detail?: (item: T) => ReactNode;
  inactive?: (item: T) => boolean;
  children: ReactNode;
}) {
  return (
    <div className="master-detail">
      <div className="master">
        <Button variant="primary" className="master-new" onClick={() => props.onPick('new')} aria-pressed={props.editing === null}>
          + {props.newLabel}
        </Button>
        <ul className="master-list" aria-label={props.label}>
          {props.items.map((item) => (
            <li key={item.id}>
              <button type="button" className={`master-item ${item.id === props.editing ? 'selected' : ''}`} aria-current={item.id === props.editing ? 'true' : undefined} onClick={() => props.onPick(item.id)}>
                <span className="master-title">
                  {props.title(item)}
                  {props.inactive?.(item) ? <span className="badge badge-warning">Ngừng hoạt động</span> : null}
                </span>
                {props.detail ? <span className="master-detail-text">{props.detail(item)}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="detail">{props.children}</div>
    </div>
  );
}
