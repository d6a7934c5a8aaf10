import type { archivesZhCN } from '../zh-CN/archives.js';

export const archivesEn: Record<keyof typeof archivesZhCN, string> = {
  noticeCardHeading: 'Notice: {{title}}',
  noticeCardValidity: 'Valid from {{from}} to {{until}}',
  noticeCardPriceDocument: 'Prices approved by: {{document}}',
  noticeCardAcknowledge: 'Acknowledge',
  noticeCardAcknowledged: 'Acknowledged ✓ ({{household}})',
  noticeAckDone: 'Your household has acknowledged the notice "{{title}}". Thank you.',
  noticeAckAlready: 'Your household had already acknowledged the notice "{{title}}".',
  noticeAckNotLinked: 'Please link your home first (send "link my home"), then acknowledge the notice.',
  noticeAckNotRecipient: 'This notice was not sent to your household.',
  residentNoticesNone: 'There are no current notices.',
  residentNoticesHeader: 'Current notices:',
  residentNoticeLine: '· {{title}} (until {{until}})\n{{body}}',
  staffNoticeChecked: "Notice {{id}} checked; it now needs the project manager's approval.",
  staffNoticeApproved: 'Notice {{id}} approved; it can be published.',
  staffNoticePublished: 'Notice {{id}} published: {{households}} households, {{cards}} chat cards.',
  staffNoticeRefused: 'Not done: {{reason}}',
  staffNoticeStatus: 'Notice {{id}}: {{done}}/{{total}} households acknowledged; pending: {{pending}}',
  staffArchive: 'File {{archiveNo}}\n{{members}}\n{{records}} records · {{tickets}} tickets · {{changes}} changes (this read is logged)',
  staffArchiveNotFound: 'No file {{archiveNo}} (this read is logged).',
  staffArchiveNeedsReason: 'Reading a file needs a reason, e.g. archive HY01-3-2-501 checking the repair address. This attempt is logged.',
};
