/**
 * Azure CLU (Conversational Language Understanding) recognizer, through
 * @azure/ai-language-conversations 1.0.0-beta.1. That SDK calls
 *   POST {endpoint}/language/:analyze-conversations?api-version=2022-05-15-preview
 * with header Ocp-Apim-Subscription-Key. Retries are off (a failed call falls back to the local
 * recognizer at once) and every call is bounded by a time-out (default 1.5 s).
 *
 * CLU intents map to categories (complaint, repair, inquiry, security, other; Chinese names and
 * a severity suffix such as "complaint.major" are accepted); CLU entities map to the same entity
 * shapes as the local extractors. Life-safety rules still apply on top of CLU's answer.
 */
import { AzureKeyCredential, ConversationAnalysisClient } from '@azure/ai-language-conversations';
import { canonicalFacility, extractEntities, extractPhones, extractTimes, parseAddress } from './entities/index.js';
import { forceCategory, LocalRecognizer, SAFETY_RULE_CONFIDENCE } from './local-recognizer.js';
import type { Recognizer } from './recognizer.js';
import { matchSafety } from './safety-rules.js';
import { CATEGORIES, type AddressEntity, type Alternative, type Category, type Entities, type Locale, type RecognizerResult, type Severity } from './types.js';

export const CLU_DEFAULT_TIMEOUT_MS = 1500;
/** The api-version the installed SDK sends (see node_modules/@azure/ai-language-conversations). */
export const CLU_SDK_API_VERSION = '2022-05-15-preview';

export interface CluOptions {
  endpoint: string;
  key: string;
  project: string;
  deployment: string;
  /** Per-call time-out, at most 1500 ms by default. */
  timeoutMs?: number;
  /** Override the api-version query parameter (default: the SDK's own). */
  apiVersion?: string;
}

export class CluTimeoutError extends Error {
  constructor(ms: number) {
    super(`CLU did not answer within ${ms} ms`);
    this.name = 'CluTimeoutError';
  }
}

export class CluResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CluResponseError';
  }
}

/** Reads CLU_ENDPOINT, CLU_KEY, CLU_PROJECT, CLU_DEPLOYMENT; undefined unless all four are set. */
export function cluOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): CluOptions | undefined {
  const { CLU_ENDPOINT, CLU_KEY, CLU_PROJECT, CLU_DEPLOYMENT } = env;
  if (!CLU_ENDPOINT || !CLU_KEY || !CLU_PROJECT || !CLU_DEPLOYMENT) return undefined;
  return { endpoint: CLU_ENDPOINT, key: CLU_KEY, project: CLU_PROJECT, deployment: CLU_DEPLOYMENT };
}

const INTENT_NAMES: Record<string, Category> = {
  complaint: 'complaint', complaints: 'complaint', 投诉: 'complaint', 投诉建议: 'complaint',
  repair: 'repair', repairs: 'repair', maintenance: 'repair', 报修: 'repair', 维修: 'repair', 维修报修: 'repair',
  inquiry: 'inquiry', enquiry: 'inquiry', question: 'inquiry', 咨询: 'inquiry',
  security: 'security', safety: 'security', emergency: 'security', 安全: 'security', 公共安全: 'security',
  other: 'other', none: 'other', 其他: 'other',
};
const SEVERITY_NAMES: Record<string, Severity> = { major: 'major', 重大: 'major', important: 'important', 重要: 'important', minor: 'minor', 轻微: 'minor' };

/** Maps a CLU intent name to a category (and a severity when the name carries one); null if unknown. */
export function mapCluIntent(name: string): { category: Category; severity?: Severity } | null {
  const parts = name.trim().toLowerCase().split(/[._:/\-\s]+/).filter(Boolean);
  const category = INTENT_NAMES[parts[0] ?? ''];
  if (!category) return null;
  const sev = parts.slice(1).map((p) => SEVERITY_NAMES[p]).find(Boolean);
  return sev && category === 'complaint' ? { category, severity: sev } : { category };
}

export interface CluIntentLike {
  category: string;
  confidence?: number;
  confidenceScore?: number;
}
export interface CluEntityLike {
  category: string;
  text: string;
  offset?: number;
  length?: number;
  confidence?: number;
  confidenceScore?: number;
}
export interface CluPredictionLike {
  projectKind?: string;
  topIntent?: string;
  intents: CluIntentLike[];
  entities: CluEntityLike[];
}

/** Maps CLU entities to PropDesk entities; parts CLU did not find are filled from the local extractors. */
export function mapCluEntities(text: string, entities: CluEntityLike[]): Entities {
  const phones: string[] = [];
  const times: Entities['times'] = [];
  const facilities: string[] = [];
  let address: AddressEntity | undefined;
  const parts: Partial<Record<'building' | 'unit' | 'room' | 'floor' | 'zone', string>> = {};
  const rawParts: string[] = [];
  for (const e of entities) {
    const cat = e.category.toLowerCase().replace(/[\s_-]/g, '');
    const t = e.text.trim();
    if (['address', 'location', '地址', '房号'].includes(cat)) {
      address ??= parseAddress(t) ?? { raw: t };
    } else if (['building', 'unit', 'room', 'floor', 'zone'].includes(cat)) {
      const parsed = parseAddress(t);
      const key = cat as keyof typeof parts;
      parts[key] = parsed?.[key] ?? (t.replace(/[^0-9A-Za-z]/g, '').toUpperCase() || t);
      rawParts.push(t);
    } else if (['phone', 'phonenumber', 'telephone', 'mobile', '电话'].includes(cat)) {
      phones.push(extractPhones(t)[0] ?? t.replace(/[^\d+-]/g, ''));
    } else if (['time', 'datetime', 'date', 'appointment', '时间'].includes(cat)) {
      times.push(extractTimes(t)[0] ?? { raw: t });
    } else if (['facility', 'room type', 'roomtype', 'place', 'area', '设施', '部位'].includes(cat)) {
      facilities.push(canonicalFacility(t));
    }
  }
  if (!address && Object.keys(parts).length > 0) address = { ...parts, raw: rawParts.join(' ') };
  const local = extractEntities(text);
  const out: Entities = {
    phones: [...new Set([...phones, ...local.phones])],
    times: times.length > 0 ? times : local.times,
    facilities: [...new Set([...facilities, ...local.facilities])],
  };
  const finalAddress = address ?? local.address;
  if (finalAddress) out.address = finalAddress;
  return out;
}

/** Maps a CLU prediction to a RecognizerResult (severity falls back to the local severity model). */
export function mapCluPrediction(text: string, locale: Locale | undefined, prediction: CluPredictionLike, local: LocalRecognizer): RecognizerResult {
  if (prediction.projectKind !== undefined && prediction.projectKind !== 'Conversation') {
    throw new CluResponseError(`unexpected CLU projectKind ${prediction.projectKind}`);
  }
  const best = new Map<Category, number>();
  let severity: Severity | undefined;
  for (const i of prediction.intents ?? []) {
    const m = mapCluIntent(i.category);
    if (!m) continue;
    const c = i.confidence ?? i.confidenceScore ?? 0;
    if (c > (best.get(m.category) ?? -1)) best.set(m.category, c);
  }
  const top = prediction.topIntent ? mapCluIntent(prediction.topIntent) : null;
  if (top?.severity) severity = top.severity;
  let alternatives: Alternative[] = CATEGORIES.map((category) => ({ category, confidence: best.get(category) ?? 0 })).sort(
    (a, b) => b.confidence - a.confidence || CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category),
  );
  let category: Category = top?.category ?? alternatives[0]!.category;
  if (!top && alternatives[0]!.confidence === 0) category = 'other';
  // Keep the top intent first in the list.
  alternatives = [alternatives.find((a) => a.category === category)!, ...alternatives.filter((a) => a.category !== category)];
  const rules: string[] = [];
  const safety = matchSafety(text);
  if (safety.length > 0 && category !== 'security') {
    rules.push(...safety.map((s) => `security:${s}`));
    alternatives = forceCategory(alternatives, 'security', SAFETY_RULE_CONFIDENCE);
    category = 'security';
    severity = undefined;
  } else if (safety.length > 0) {
    rules.push(...safety.map((s) => `security:${s}`));
  }
  const result = local.finish(text, locale, category, alternatives, rules, 'clu');
  if (local.isUnfamiliar(text)) result.unfamiliar = true;
  result.entities = mapCluEntities(text, prediction.entities ?? []);
  if (category === 'complaint' && severity) result.severity = severity;
  return result;
}

function isLoopbackHttp(endpoint: string): boolean {
  try {
    const u = new URL(endpoint);
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

/** Calls CLU and maps its answer; throws on time-out, HTTP errors and malformed answers. */
export class CluRecognizer implements Recognizer {
  private readonly client: ConversationAnalysisClient;
  readonly timeoutMs: number;

  constructor(
    private readonly opts: CluOptions,
    private readonly local: LocalRecognizer,
  ) {
    this.timeoutMs = Math.min(opts.timeoutMs ?? CLU_DEFAULT_TIMEOUT_MS, CLU_DEFAULT_TIMEOUT_MS);
    this.client = new ConversationAnalysisClient(opts.endpoint.replace(/\/+$/, ''), new AzureKeyCredential(opts.key), {
      retryOptions: { maxRetries: 0 },
      // Plain http only for a loopback endpoint (local test servers); the key never crosses a network unencrypted.
      allowInsecureConnection: isLoopbackHttp(opts.endpoint),
      ...(opts.apiVersion ? { apiVersion: opts.apiVersion } : {}),
    });
  }

  async recognize(text: string, locale?: Locale): Promise<RecognizerResult> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new CluTimeoutError(this.timeoutMs));
      }, this.timeoutMs);
    });
    try {
      const call = this.client.analyzeConversation(
        {
          kind: 'Conversation',
          analysisInput: {
            conversationItem: {
              id: '1',
              participantId: 'resident',
              text,
              ...(locale ? { language: locale === 'en' ? 'en' : 'zh-hans' } : {}),
            },
          },
          parameters: { projectName: this.opts.project, deploymentName: this.opts.deployment, stringIndexType: 'Utf16CodeUnit' },
        },
        { abortSignal: controller.signal },
      );
      call.catch(() => undefined); // settled after a time-out: ignore
      const res = await Promise.race([call, timeout]);
      if (res.kind !== 'ConversationResult') throw new CluResponseError(`unexpected CLU result kind ${String(res.kind)}`);
      const prediction = res.result?.prediction as CluPredictionLike | undefined;
      if (!prediction || !Array.isArray(prediction.intents)) throw new CluResponseError('CLU answer has no prediction');
      return mapCluPrediction(text, locale, { ...prediction, entities: prediction.entities ?? [] }, this.local);
    } finally {
      clearTimeout(timer);
    }
  }
}
