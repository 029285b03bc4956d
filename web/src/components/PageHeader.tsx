import { useEffect, useRef, type ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  intro?: string;
  /** Focus moves to the heading whenever this changes (a new page or view was opened). */
  focusKey: string;
  /** Badges or actions shown beside the heading. */
  children?: ReactNode;
}

/** A page's level-1 heading and purpose; takes focus when the view changes so keyboard and screen-reader users land on it. */
export function PageHeader({ title, intro, focusKey, children }: PageHeaderProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [focusKey]);
  return (
    <header className="page-header">
      <div className="page-header-row">
        <h1 id="page-title" ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        {children && <div className="page-header-extra">{children}</div>}
      </div>
      {intro && <p className="page-intro">{intro}</p>}
    </header>
  );
}
