/**
 * Browser entry of the card host: reads the record page's card configuration, gives the card the
 * `context` and `actions` HubSpot would, renders it with React 18 (the version HubSpot runs app
 * cards with, and the one the card's own `react` import resolves to) and hosts its iframe modal.
 */
import { useMemo, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { registeredExtension, setFetchTarget, type ExtensionApi } from './card-registry';
import { IframeModal, type IframeRequest } from './iframe-modal';

/** The JSON the record page embeds in `#waymark-card-config`. */
export interface CardHostConfig {
  fetchEndpoint: string;
  portalId: number;
  appId: number;
  context: unknown;
}

const UNEMULATED = ['addAlert', 'reloadPage', 'fetchCrmObjectProperties', 'refreshObjectProperties', 'onCrmPropertiesUpdate', 'closeOverlay', 'copyTextToClipboard', 'navigateToPage'];

/** The modal the card opened, with the callback to run when it closes. */
type OpenModal = { id: number; request: IframeRequest; onClose?: () => void };

function CardHost({ render, context }: { render: (api: ExtensionApi) => ReactElement; context: unknown }) {
  const [modal, setModal] = useState<OpenModal | null>(null);
  // Stable actions: HubSpot hands the card one actions object for its lifetime.
  const actions = useMemo(() => {
    let opened = 0;
    const result: Record<string, unknown> = {
      openIframeModal: (request: IframeRequest, onClose?: () => void) => setModal({ id: ++opened, request, onClose }),
    };
    for (const name of UNEMULATED) {
      result[name] = () => {
        throw new Error(`actions.${name} is not emulated by the sandbox card host`);
      };
    }
    return result;
  }, []);
  const card = useMemo(() => render({ context, actions }), [render, context, actions]);
  return (
    <>
      {card}
      {modal ? (
        <IframeModal
          key={modal.id}
          request={modal.request}
          onClose={() => {
            setModal(null);
            modal.onClose?.();
          }}
        />
      ) : null}
    </>
  );
}

export function mountCard(): void {
  const slot = document.getElementById('waymark-card-root');
  const configElement = document.getElementById('waymark-card-config');
  const render = registeredExtension();
  if (!slot || !configElement) throw new Error('record page is missing the card slot or its config');
  if (!render) {
    slot.textContent = 'The card did not call hubspot.extend().';
    return;
  }
  const config = JSON.parse(configElement.textContent ?? '{}') as CardHostConfig;
  setFetchTarget({ endpoint: config.fetchEndpoint, portalId: config.portalId, appId: config.appId });
  createRoot(slot).render(<CardHost render={render} context={config.context} />);
}
