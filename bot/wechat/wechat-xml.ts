import { XMLParser } from 'fast-xml-parser';

/** The fields of a pushed message (`<xml>` children), every value a string (MsgId is 64-bit). */
export type WeChatXmlFields = Record<string, string>;

const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  processEntities: true,
  trimValues: true,
});

export class WeChatXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeChatXmlError';
  }
}

export function parseWeChatXml(body: string): WeChatXmlFields {
  let parsed: unknown;
  try {
    parsed = parser.parse(body, true);
  } catch (err) {
    throw new WeChatXmlError(`not XML: ${(err as Error).message}`);
  }
  const root = (parsed as { xml?: unknown } | null)?.xml;
  if (!root || typeof root !== 'object') throw new WeChatXmlError('no <xml> root element');
  const fields: WeChatXmlFields = {};
  for (const [name, value] of Object.entries(root as Record<string, unknown>)) {
    if (typeof value === 'string') fields[name] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') fields[name] = String(value);
  }
  return fields;
}

function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** `<xml>` with one element per field; strings as CDATA, numbers bare (as WeChat's samples do). */
export function buildWeChatXml(fields: Record<string, string | number>): string {
  const elements = Object.entries(fields).map(([name, value]) => `<${name}>${typeof value === 'number' ? String(value) : cdata(value)}</${name}>`);
  return `<xml>${elements.join('')}</xml>`;
}
