import type { commonZhCN } from '../zh-CN/common.js';

export const commonEn: Record<keyof typeof commonZhCN, string> = {
  greeting:
    'Hello, this is the {{property}} service desk. I can take repair requests, complaints and suggestions, answer questions, look up your tickets and handle emergencies. In an emergency call the duty phone {{dutyPhone}}.',
  turnError: 'Sorry, something went wrong on our side and your message was not processed. Please try again later; in an emergency call the duty phone {{dutyPhone}}.',
};
