/**
 * Reads an HTML form the way a browser submits it, enough for HubSpot's consent page: the form's
 * action, its named inputs with their values, each select's selected (else first) option, and the
 * name/value of the submit button that is "clicked".
 */

/** What submitting the form sends, and where. */
export interface FormSubmission {
  action: string;
  method: string;
  fields: URLSearchParams;
}

const attr = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return match ? decodeEntities(match[1] ?? match[2] ?? '') : undefined;
};

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The submission of the first form on `html` (relative to `pageUrl`) when the submit button
 * with id `buttonId` is clicked; `choose` overrides select values by name.
 */
export function submitForm(html: string, pageUrl: string, buttonId: string, choose: Record<string, string> = {}): FormSubmission {
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`no form on ${pageUrl}`);
  const open = /<form\b[^>]*>/i.exec(form[0])![0];
  const fields = new URLSearchParams();
  for (const input of form[1]!.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attr(input, 'name');
    const type = (attr(input, 'type') ?? 'text').toLowerCase();
    if (!name || ['submit', 'button', 'image', 'reset', 'file'].includes(type)) continue;
    if ((type === 'checkbox' || type === 'radio') && !/\schecked\b/i.test(input)) continue;
    fields.append(name, attr(input, 'value') ?? '');
  }
  for (const select of form[1]!.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
    const name = attr(select[0], 'name');
    if (!name) continue;
    const options = [...select[2]!.matchAll(/<option\b[^>]*>/gi)].map((o) => ({ value: attr(o[0], 'value') ?? '', selected: /\sselected\b/i.test(o[0]) }));
    const wanted = choose[name];
    if (wanted !== undefined && !options.some((o) => o.value === wanted)) throw new Error(`${name} has no option ${wanted} on ${pageUrl}`);
    const value = wanted ?? (options.find((o) => o.selected) ?? options[0])?.value;
    if (value !== undefined) fields.append(name, value);
  }
  const button = (form[1]!.match(/<button\b[^>]*>/gi) ?? []).find((b) => attr(b, 'id') === buttonId);
  if (!button) throw new Error(`no button #${buttonId} on ${pageUrl}`);
  const buttonName = attr(button, 'name');
  if (buttonName) fields.append(buttonName, attr(button, 'value') ?? '');
  return {
    action: new URL(attr(open, 'action') ?? pageUrl, pageUrl).toString(),
    method: (attr(open, 'method') ?? 'get').toUpperCase(),
    fields,
  };
}
