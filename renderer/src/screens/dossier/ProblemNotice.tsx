import { useEffect, useRef } from 'react';
import { Notice } from '../../ui/Notice';
import type { Problem } from '../../hub/problem';

/** The hub's message for a failed action, each problem on its own line, scrolled into view. */
export function ProblemNotice(props: { problem: Problem | null }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.problem) box.current?.scrollIntoView({ block: 'nearest' });
  }, [props.problem]);
  if (!props.problem) return null;
  return (
    <div ref={box}>
      <Notice kind="error">
        {props.problem.message}
        {props.problem.items.length > 0 ? (
          <ul>
            {props.problem.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        ) : null}
      </Notice>
    </div>
  );
}
