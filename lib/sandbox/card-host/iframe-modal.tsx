/**
 * The modal `actions.openIframeModal` opens: HubSpot's dialog chrome around an iframe of the
 * requested size (shrunk to fit the window) and title. It closes when the framed page posts
 * `{"action":"DONE"}` or `CANCEL` (string or object; to window.parent or window.top, which are
 * both this page), or when the user closes it; either way the card's onClose callback runs.
 * Messages are accepted only from the framed page's origin.
 */
import { useCallback, useEffect, useRef } from 'react';
import { parseModalMessage } from './modal-message';

/** What the card asked for (HubSpot's `OpenIframeActionPayload`). */
export interface IframeRequest {
  uri: string;
  width: number;
  height: number;
  title?: string;
  flush?: boolean;
}

function originOf(uri: string): string | null {
  try {
    return new URL(uri, window.location.href).origin;
  } catch {
    return null;
  }
}

export function IframeModal({ request, onClose }: { request: IframeRequest; onClose: (reason: string) => void }) {
  // Several DONE messages (or DONE then Escape) may arrive before React re-renders: close once.
  const closed = useRef(false);
  const finish = useCallback(
    (reason: string) => {
      if (closed.current) return;
      closed.current = true;
      onClose(reason);
    },
    [onClose],
  );
  useEffect(() => {
    const expectedOrigin = originOf(request.uri);
    const listener = (event: MessageEvent) => {
      if (event.origin !== expectedOrigin) return;
      const action = parseModalMessage(event.data);
      if (action) finish(action);
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && finish('ESCAPE');
    window.addEventListener('message', listener);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('message', listener);
      window.removeEventListener('keydown', onKey);
    };
  }, [request.uri, finish]);

  const width = Math.min(request.width, window.innerWidth - 48);
  const height = Math.min(request.height, window.innerHeight - 120);
  return (
    <div className="hs-modal-backdrop" data-testid="iframe-modal-backdrop">
      <div role="dialog" aria-modal="true" aria-label={request.title ?? 'App'} className="hs-modal" data-testid="iframe-modal">
        <header className="hs-modal__header">
          <h3 className="hs-modal__title">{request.title ?? ''}</h3>
          <button type="button" className="hs-modal__close" aria-label="Close" onClick={() => finish('CLOSE_BUTTON')}>
            ×
          </button>
        </header>
        <iframe
          className={`hs-modal__frame ${request.flush ? 'hs-modal__frame--flush' : ''}`}
          src={request.uri}
          title={request.title ?? 'App'}
          width={width}
          height={height}
          data-requested-width={request.width}
          data-requested-height={request.height}
        />
      </div>
    </div>
  );
}
