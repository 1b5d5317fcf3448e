/**
 * DOM versions of the `@hubspot/ui-extensions` components the Waymark card uses, styled like
 * HubSpot's app cards (class names `hs-*`, styles in the record page). Only the props the card
 * passes are honoured; `testId` becomes `data-testid` as in HubSpot's own testing utilities.
 */
import type { CSSProperties, ReactNode } from 'react';

interface Base {
  testId?: string;
}

const GAP: Record<string, number> = {
  flush: 0, 'extra-small': 4, xs: 4, small: 8, sm: 8, medium: 16, md: 16, large: 24, lg: 24, 'extra-large': 32, xl: 32,
};
const ALIGN: Record<string, string> = { start: 'flex-start', end: 'flex-end', center: 'center', baseline: 'baseline', stretch: 'stretch' };
const JUSTIFY: Record<string, string> = { ...ALIGN, around: 'space-around', between: 'space-between' };

export function Flex(props: Base & { children?: ReactNode; direction?: 'row' | 'column'; gap?: string; justify?: string; align?: string; wrap?: boolean | string }) {
  const style: CSSProperties = {
    display: 'flex',
    flexDirection: props.direction ?? 'row',
    gap: GAP[props.gap ?? 'flush'] ?? 0,
    justifyContent: props.justify ? JUSTIFY[props.justify] : undefined,
    alignItems: props.align ? ALIGN[props.align] : undefined,
    flexWrap: props.wrap === true || props.wrap === 'wrap' ? 'wrap' : 'nowrap',
  };
  return <div className="hs-flex" style={style} data-testid={props.testId}>{props.children}</div>;
}

export function Text(props: Base & { children?: ReactNode; variant?: 'bodytext' | 'microcopy'; inline?: boolean; format?: { fontWeight?: string; italic?: boolean } }) {
  const className = `hs-text ${props.variant === 'microcopy' ? 'hs-text--micro' : ''}`;
  const style: CSSProperties = {
    fontWeight: props.format?.fontWeight === 'bold' ? 600 : props.format?.fontWeight === 'demibold' ? 500 : undefined,
    fontStyle: props.format?.italic ? 'italic' : undefined,
  };
  const Element = props.inline ? 'span' : 'p';
  return <Element className={className} style={style} data-testid={props.testId}>{props.children}</Element>;
}

export function Heading(props: Base & { children?: ReactNode }) {
  return <h4 className="hs-heading" data-testid={props.testId}>{props.children}</h4>;
}

export function Tag(props: Base & { children?: ReactNode; variant?: string }) {
  return <span className={`hs-tag hs-tag--${props.variant ?? 'default'}`} data-testid={props.testId}>{props.children}</span>;
}

export function Alert(props: Base & { title: string; children?: ReactNode; variant?: string }) {
  return (
    <div role="alert" className={`hs-alert hs-alert--${props.variant ?? 'info'}`} data-testid={props.testId}>
      <strong className="hs-alert__title">{props.title}</strong>
      {props.children ? <div className="hs-alert__body">{props.children}</div> : null}
    </div>
  );
}

export function Button(props: Base & { children?: ReactNode; variant?: string; disabled?: boolean; onClick?: (event: unknown, reactions: unknown) => unknown }) {
  return (
    <button
      type="button"
      className={`hs-button hs-button--${props.variant ?? 'secondary'}`}
      disabled={props.disabled}
      data-testid={props.testId}
      onClick={(event) => void props.onClick?.({ type: 'onClick', targetValue: event.currentTarget.value }, {})}
    >
      {props.children}
    </button>
  );
}

export function Divider() {
  return <hr className="hs-divider" />;
}

export function LoadingSpinner(props: Base & { label: string; showLabel?: boolean; layout?: string }) {
  return (
    <div className={`hs-spinner ${props.layout === 'centered' ? 'hs-spinner--centered' : ''}`} role="status" data-testid={props.testId}>
      <span className="hs-spinner__wheel" aria-hidden="true" />
      <span className={props.showLabel ? '' : 'hs-visually-hidden'}>{props.label}</span>
    </div>
  );
}

export function ErrorState(props: Base & { title?: string; children?: ReactNode }) {
  return (
    <div className="hs-error-state" data-testid={props.testId}>
      <div className="hs-error-state__icon" aria-hidden="true">!</div>
      <strong>{props.title ?? 'Something went wrong.'}</strong>
      <div className="hs-error-state__body">{props.children}</div>
    </div>
  );
}

export function DescriptionList(props: Base & { children?: ReactNode; direction?: 'row' | 'column' }) {
  return <dl className={`hs-dl hs-dl--${props.direction ?? 'column'}`} data-testid={props.testId}>{props.children}</dl>;
}

export function DescriptionListItem(props: Base & { children?: ReactNode; label: string }) {
  return (
    <div className="hs-dl__item" data-testid={props.testId}>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}
