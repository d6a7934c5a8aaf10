import type { residentZhCN } from '../zh-CN/resident.js';

export const residentEn: Record<keyof typeof residentZhCN, string> = {};
