/** Client-side calls from an embedded page to Waymark's API with the page's embed token (no cookies). */
export type ApiAnswer = { ok: true; body: Record<string, unknown> } | { ok: false; status: number; error: string };

export async function callApi(token: string, path: string, body: unknown): Promise<ApiAnswer> {
  try {
    const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const parsed = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return { ok: true, body: parsed };
    const error = typeof parsed.error === 'string' ? parsed.error : typeof parsed.reason === 'string' ? parsed.reason : `The request failed (${response.status})`;
    return { ok: false, status: response.status, error };
  } catch {
    return { ok: false, status: 0, error: 'Waymark could not be reached. Check your connection and try again.' };
  }
}
