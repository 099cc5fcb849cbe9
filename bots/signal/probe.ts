// Live checks of signal-cli-rest-api for `doctor` and the start-up: reachable, its receive mode,
// the bot's number registered, a profile name set (Signal refuses group sends without one).
// Read-only: it never registers, sets a profile or receives (a receive would take messages).

import axios, { type AxiosInstance, isAxiosError } from 'axios';
import type { SignalSettings } from '../../src/config.js';
import { errorCode } from '../../src/core/error-code.js';
import type { ProbeFinding } from '../../src/core/probe.js';

export interface SignalProbeOptions {
  /** Keep retrying an unreachable API this long (containers start together); 0: one try. */
  readonly patienceMs?: number;
  readonly timeoutMs?: number;
}

export async function probeSignal(settings: SignalSettings, options: SignalProbeOptions = {}): Promise<ProbeFinding[]> {
  const http = axios.create({ baseURL: settings.apiUrl, timeout: options.timeoutMs ?? 5_000, proxy: false, validateStatus: () => true });
  const about = await reachAbout(http, options.patienceMs ?? 0);
  if ('finding' in about) return [about.finding];
  const findings: ProbeFinding[] = [{ status: 'ok', code: 'signal-reachable', detail: about.version }];
  findings.push(modeFinding(about.mode, settings.receiveMode));
  findings.push(await registered(http, settings.number));
  if (findings.at(-1)?.status === 'ok') findings.push(await profile(http, settings.number));
  return findings;
}

/** GET /v1/about (api.go About): `{versions, build, mode, version, capabilities}`. */
async function reachAbout(http: AxiosInstance, patienceMs: number): Promise<{ mode: string; version: string } | { finding: ProbeFinding }> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    try {
      const response = await http.get<unknown>('/v1/about');
      const data = response.data as { mode?: unknown; version?: unknown } | undefined;
      if (response.status !== 200 || typeof data?.mode !== 'string') {
        return { finding: { status: 'fail', code: 'signal-not-api', detail: `HTTP ${response.status}` } };
      }
      return { mode: data.mode, version: typeof data.version === 'string' ? data.version : '?' };
    } catch (error) {
      if (Date.now() >= deadline) {
        return { finding: { status: 'fail', code: 'signal-unreachable', detail: `${http.defaults.baseURL ?? ''} (${errorCode(error)})` } };
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** `mode` is "json-rpc" for both json-rpc modes (api.go About); normal and native are both polled. */
function modeFinding(server: string, configured: SignalSettings['receiveMode']): ProbeFinding {
  const serverSockets = server === 'json-rpc';
  if (configured && configured.startsWith('json-rpc') !== serverSockets) {
    return { status: 'fail', code: 'signal-mode-mismatch', detail: `${server} ≠ SIGNAL_RECEIVE_MODE=${configured}` };
  }
  return serverSockets ? { status: 'warn', code: 'signal-mode-json-rpc', detail: server } : { status: 'ok', code: 'signal-mode', detail: server };
}

/** GET /v1/accounts lists the numbers signal-cli holds keys for (api.go GetAccounts). */
async function registered(http: AxiosInstance, number: string): Promise<ProbeFinding> {
  try {
    const response = await http.get<unknown>('/v1/accounts');
    if (response.status !== 200 || !Array.isArray(response.data)) return { status: 'fail', code: 'signal-not-api', detail: `HTTP ${response.status}` };
    return response.data.includes(number)
      ? { status: 'ok', code: 'signal-registered', detail: number }
      : { status: 'fail', code: 'signal-not-registered', detail: number };
  } catch (error) {
    return { status: 'fail', code: 'signal-unreachable', detail: errorCode(error) };
  }
}

/**
 * The bot's own profile, read as a recipient: GET /v1/contacts/{number}/{number}?all_recipients=true
 * (api.go ListContact → client.go ListContacts → signal-cli listContacts <recipient>). The route
 * is in the pinned 0.100 (src/main.go: contacts.GET(":number/:uuid", api.ListContact)), and
 * signal-cli answers for the account itself: ManagerImpl.getRecipients refreshes the profile of
 * the recipient asked for and RecipientStore.getRecipients returns the self recipient with its
 * profile (given name set by PUT /v1/profiles). A 404 with a JSON error means signal-cli knows no
 * such recipient; gin's plain "404 page not found" means an older API without this route, so
 * the name cannot be checked.
 */
async function profile(http: AxiosInstance, number: string): Promise<ProbeFinding> {
  const path = `/v1/contacts/${encodeURIComponent(number)}/${encodeURIComponent(number)}`;
  try {
    const response = await http.get<unknown>(path, { params: { all_recipients: 'true' } });
    const data = response.data as { profile_name?: unknown; profile?: { given_name?: unknown } } | undefined;
    if (response.status === 200) {
      const name = [data?.profile?.given_name, data?.profile_name].find((v): v is string => typeof v === 'string' && v.trim() !== '');
      return name ? { status: 'ok', code: 'signal-profile', detail: name } : { status: 'fail', code: 'signal-no-profile', detail: number };
    }
    if (response.status === 404 && typeof data === 'object' && data !== null) return { status: 'fail', code: 'signal-no-profile', detail: number };
    return { status: 'warn', code: 'signal-profile-unknown', detail: `HTTP ${response.status}` };
  } catch (error) {
    return { status: 'warn', code: 'signal-profile-unknown', detail: isAxiosError(error) ? errorCode(error) : 'UNKNOWN' };
  }
}
