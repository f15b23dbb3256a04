import type { ButtonHTMLAttributes, ReactNode } from 'react';

/**
 * A button that shows its keyboard shortcut on its face (counter officers learn the F-keys by
 * seeing them) and announces it to screen readers.
 */
export function Button(props: ButtonHTMLAttributes<HTMLButtonElement> & { shortcut?: string; variant?: 'primary' | 'secondary' | 'danger' | 'ghost'; children: ReactNode }) {
  const { shortcut, variant = 'secondary', className, children, ...rest } = props;
  return (
    <button type="button" className={`btn btn-${variant} ${className ?? ''}`} aria-keyshortcuts={shortcut} {...rest}>
      <span className="btn-label">{children}</span>
      {shortcut ? <kbd className="btn-key">{shortcut}</kbd> : null}
    </button>
  );
}
