/**
 * The sandbox's stand-in for `@hubspot/ui-extensions`, aliased in when the card is bundled for
 * the fake record page. It exports exactly what the Waymark card imports: the components (DOM
 * versions) and `hubspot` with `extend` and `fetch`. A card that imports anything else fails
 * to bundle with a clear esbuild error, which the record-page test would catch.
 */
import { registerExtension, type ExtensionApi } from './card-registry';
import { hostFetch } from './host-fetch';
import type { ReactElement } from 'react';

export {
  Alert,
  Button,
  DescriptionList,
  DescriptionListItem,
  Divider,
  ErrorState,
  Flex,
  Heading,
  LoadingSpinner,
  Tag,
  Text,
} from './components';

/** `hubspot.extend` stores the card's render callback; `hubspot.fetch` goes through the sandbox. */
export const hubspot = {
  extend: (render: (api: ExtensionApi) => ReactElement) => registerExtension(render),
  fetch: hostFetch,
  serverless: () => Promise.reject(new Error('hubspot.serverless is not available to marketplace app cards')),
};
