import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { describeIssues, PropertyError, parseProperty, type Property } from '../domain/property.js';

export const PACKAGE_ROOT = resolve(__dirname, '..', '..');
export const SAMPLE_PROPERTY_FILE = join(PACKAGE_ROOT, 'bot', 'sample-property.json');

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/** The shortest PROPDESK_MEDIA_SECRET accepted: media links are signed with it (HMAC-SHA256). */
export const MIN_MEDIA_SECRET_LENGTH = 32;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI', ''])
    .optional()
    .transform((value) => value || undefined),
  MicrosoftAppTenantId: optionalText,
  MONGODB_URI: optionalText.refine((uri) => uri === undefined || /^mongodb(\+srv)?:\/\//.test(uri), {
    message: 'must start with mongodb:// or mongodb+srv://',
  }),
  PROPDESK_DATA_DIR: z.string().min(1).default('./data'),
  PROPDESK_PROPERTY_FILE: optionalText,
  PROPDESK_SQLITE_SYNC: z.enum(['full', 'normal']).default('full'),
  PROPDESK_TZ: optionalText.refine((zone) => zone === undefined || isTimeZone(zone), { message: 'is not a known IANA time zone' }),
  PROPDESK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLU_ENDPOINT: optionalText.refine((url) => url === undefined || /^https?:\/\//.test(url), { message: 'must be an http(s) URL' }),
  CLU_KEY: optionalText,
  CLU_PROJECT: optionalText,
  CLU_DEPLOYMENT: optionalText,
  WECHAT_APP_ID: optionalText,
  WECHAT_APP_SECRET: optionalText,
  WECHAT_TOKEN: optionalText,
  WECHAT_AES_KEY: optionalText.refine((key) => key === undefined || /^[A-Za-z0-9]{43}$/.test(key), { message: 'must be the 43-character EncodingAESKey' }),
  WECHAT_API_BASE: z
    .string()
    .optional()
    .transform((value) => value?.trim() || 'https://api.weixin.qq.com')
    .refine((url) => /^https?:\/\//.test(url), { message: 'must be an http(s) URL' }),
  WECHAT_REPLY_BUDGET_MS: z.coerce.number().int().min(100).max(4_800).default(4_000),
  PROPDESK_PUBLIC_URL: optionalText.refine((url) => url === undefined || isPublicUrl(url), {
    message: 'must be the absolute http(s) address the bot is reached at, e.g. https://desk.example.com (no query, #fragment or user:password@)',
  }),
  PROPDESK_MEDIA_SECRET: optionalText.refine((secret) => secret === undefined || secret.length >= MIN_MEDIA_SECRET_LENGTH, {
    message: `must be at least ${MIN_MEDIA_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 32\`), or unset to keep a generated one in the database`,
  }),
});

/** An absolute http(s) address links can be built on: no query, fragment or credentials. */
function isPublicUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && !/[?#]/.test(text) && !url.username && !url.password;
}

/** The WeChat Official Account channel; absent when WECHAT_APP_ID, WECHAT_APP_SECRET and WECHAT_TOKEN are unset. */
export interface WeChatConfig {
  appId: string;
  appSecret: string;
  token: string;
  /** EncodingAESKey for safe mode. */
  aesKey?: string;
  apiBase: string;
  /** How long a push waits for the bot before WeChat is answered "success" (WeChat waits 5 s). */
  replyBudgetMs: number;
}

export interface CluConfig {
  endpoint: string;
  key: string;
  project: string;
  deployment: string;
}

export interface Config {
  port: number;
  auth: { MicrosoftAppId?: string; MicrosoftAppPassword?: string; MicrosoftAppType?: string; MicrosoftAppTenantId?: string };
  mongodbUri?: string;
  dataDir: string;
  /** How the embedded database's SQLite commits (ignored with MONGODB_URI). */
  sqliteSync: 'full' | 'normal';
  property: Property;
  propertyFile: string;
  timeZone: string;
  logLevel: string;
  clu?: CluConfig;
  wechat?: WeChatConfig;
  /** Where the bot is reached from outside, without a trailing slash (PROPDESK_PUBLIC_URL); media links in cards are built on it. */
  publicUrl?: string;
  /** Signs media links (PROPDESK_MEDIA_SECRET); unset = a random secret kept in the database. */
  mediaSecret?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Reads `.env` from the working folder; real environment variables win over it. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env, dotenvPath = resolve('.env')): Record<string, string | undefined> {
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  return { ...fromFile, ...env };
}

export function loadPropertyFile(path: string): Property {
  let raw: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    raw = ['.yaml', '.yml'].includes(extname(path).toLowerCase()) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new PropertyError([`cannot read ${path}: ${(err as Error).message}`]);
  }
  return parseProperty(raw);
}

/** Parses and validates the whole configuration once; every problem is reported, one line each. */
export function loadConfig(env: Record<string, string | undefined> = readEnvironment()): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = parsed.success ? [] : describeIssues(parsed.error.issues).map((line) => line.replace(/^\(root\)/, 'environment'));
  const cluNames = ['CLU_ENDPOINT', 'CLU_KEY', 'CLU_PROJECT', 'CLU_DEPLOYMENT'] as const;
  const cluSet = cluNames.filter((name) => env[name]?.trim());
  if (cluSet.length > 0 && cluSet.length < cluNames.length) {
    problems.push(`CLU: set all of ${cluNames.join(', ')} or none (missing ${cluNames.filter((n) => !cluSet.includes(n)).join(', ')})`);
  }

  const wechatNames = ['WECHAT_APP_ID', 'WECHAT_APP_SECRET', 'WECHAT_TOKEN'] as const;
  const wechatSet = wechatNames.filter((name) => env[name]?.trim());
  if (wechatSet.length > 0 && wechatSet.length < wechatNames.length) {
    problems.push(`WeChat: set all of ${wechatNames.join(', ')} or none (missing ${wechatNames.filter((n) => !wechatSet.includes(n)).join(', ')})`);
  }

  const propertyFile = resolve(env.PROPDESK_PROPERTY_FILE?.trim() || SAMPLE_PROPERTY_FILE);
  let property: Property | undefined;
  try {
    property = loadPropertyFile(propertyFile);
  } catch (err) {
    if (!(err instanceof PropertyError)) throw err;
    problems.push(...err.problems.map((line) => `PROPDESK_PROPERTY_FILE (${propertyFile}): ${line}`));
  }
  if (!parsed.success || !property || problems.length > 0) throw new ConfigError(problems);

  const e = parsed.data;
  const timeZone = e.PROPDESK_TZ ?? property.timeZone;
  return {
    port: e.PORT,
    auth: {
      MicrosoftAppId: e.MicrosoftAppId,
      MicrosoftAppPassword: e.MicrosoftAppPassword,
      MicrosoftAppType: e.MicrosoftAppType,
      MicrosoftAppTenantId: e.MicrosoftAppTenantId,
    },
    mongodbUri: e.MONGODB_URI,
    dataDir: resolve(e.PROPDESK_DATA_DIR),
    sqliteSync: e.PROPDESK_SQLITE_SYNC,
    property: { ...property, timeZone },
    propertyFile,
    timeZone,
    logLevel: e.PROPDESK_LOG_LEVEL,
    clu:
      e.CLU_ENDPOINT && e.CLU_KEY && e.CLU_PROJECT && e.CLU_DEPLOYMENT
        ? { endpoint: e.CLU_ENDPOINT, key: e.CLU_KEY, project: e.CLU_PROJECT, deployment: e.CLU_DEPLOYMENT }
        : undefined,
    wechat:
      e.WECHAT_APP_ID && e.WECHAT_APP_SECRET && e.WECHAT_TOKEN
        ? {
            appId: e.WECHAT_APP_ID,
            appSecret: e.WECHAT_APP_SECRET,
            token: e.WECHAT_TOKEN,
            aesKey: e.WECHAT_AES_KEY,
            apiBase: e.WECHAT_API_BASE,
            replyBudgetMs: e.WECHAT_REPLY_BUDGET_MS,
          }
        : undefined,
    publicUrl: e.PROPDESK_PUBLIC_URL?.replace(/\/+$/, ''),
    mediaSecret: e.PROPDESK_MEDIA_SECRET,
  };
}
