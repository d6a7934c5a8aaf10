import assert from 'node:assert/strict';
import { categoryFromAnswer } from '../../dialogs/resident/category-choice.js';
import { isNo, isYes } from '../../dialogs/resident/confirmation-words.js';
import { matchFaq } from '../../dialogs/resident/faq.js';
import { formatDeadline } from '../../dialogs/resident/human-deadline.js';
import { readCommand } from '../../dialogs/resident/resident-commands.js';
import { hazardOf, mentionsDanger } from '../../dialogs/resident/safety-guidance.js';
import { looksLikeSameRequest, requestSimilarity } from '../../dialogs/resident/same-request.js';
import { findTicketNumber, withoutTicketNumber } from '../../dialogs/resident/ticket-number.js';

describe('resident desk helpers', () => {
  it('accepts 是/对/确认/好的/yes/y and the confirm button as yes, and nothing else', () => {
    for (const word of ['是', '对', '确认', '好的', 'yes', 'Y', 'y', '确认提交', 'Yes, submit', '好的。']) assert.ok(isYes(word), word);
    for (const word of ['不是', '否', 'no', '是不是', '', '好的吧我再想想']) assert.ok(!isYes(word), word);
    for (const word of ['否', '不是', 'No', 'n']) assert.ok(isNo(word), word);
    assert.ok(!isNo('是'));
  });

  it('finds ticket numbers in any case and removes them from the text', () => {
    assert.equal(findTicketNumber('补充 hy01-20261126-0007 下午在家'), 'HY01-20261126-0007');
    assert.equal(findTicketNumber('HY01-20261126-0007'), 'HY01-20261126-0007');
    assert.equal(findTicketNumber('电话 13800138000'), null);
    assert.equal(findTicketNumber('HY01-2026112-0007'), null);
    assert.equal(withoutTicketNumber('补充 HY01-20261126-0007 下午在家'), '补充 下午在家');
  });

  it('matches the FAQ by its keywords in Chinese and English, and not unrelated questions', () => {
    assert.equal(matchFaq('物业费怎么交'), 'fees');
    assert.equal(matchFaq('How do I pay the property fee?'), 'fees');
    assert.equal(matchFaq('你们几点上班'), 'officeHours');
    assert.equal(matchFaq('车位怎么办理'), 'parking');
    assert.equal(matchFaq('装修申请要什么材料'), 'renovation');
    assert.equal(matchFaq('明天停水吗'), 'outage');
    assert.equal(matchFaq('Is there a parcel locker?'), null);
    assert.equal(matchFaq('小区有没有快递柜'), null);
  });

  it('formats a deadline for people in the property zone (zh and en)', () => {
    const at = new Date('2026-10-08T07:00:00Z');
    assert.equal(formatDeadline(at, 'Asia/Shanghai', 'zh-CN'), '10月8日 15:00');
    assert.equal(formatDeadline(at, 'Asia/Shanghai', 'en'), 'Oct 8, 15:00');
    assert.equal(formatDeadline(at, 'UTC', 'zh-CN'), '10月8日 07:00');
  });

  it('reads top-level commands', () => {
    assert.deepEqual(readCommand('你好'), { kind: 'menu' });
    assert.deepEqual(readCommand('hello there'), { kind: 'menu' });
    assert.deepEqual(readCommand('帮助'), { kind: 'help' });
    assert.deepEqual(readCommand('你会干什么？'), { kind: 'help' });
    assert.deepEqual(readCommand('What can you do?'), { kind: 'help' });
    assert.deepEqual(readCommand('取消'), { kind: 'cancel' });
    assert.deepEqual(readCommand('我的报修'), { kind: 'myTickets' });
    assert.deepEqual(readCommand('My tickets'), { kind: 'myTickets' });
    assert.deepEqual(readCommand('取消 HY01-20261126-0007'), { kind: 'cancelTicket', number: 'HY01-20261126-0007' });
    assert.deepEqual(readCommand('补充 HY01-20261126-0007 下午在家'), { kind: 'addToTicket', number: 'HY01-20261126-0007', note: '下午在家' });
    assert.deepEqual(readCommand('add hy01-20261126-0007 home after 2'), { kind: 'addToTicket', number: 'HY01-20261126-0007', note: 'home after 2' });
    assert.deepEqual(readCommand('HY01-20261126-0007'), { kind: 'showTicket', number: 'HY01-20261126-0007' });
    assert.deepEqual(readCommand('报修'), { kind: 'startCategory', category: 'repair' });
    assert.deepEqual(readCommand('紧急求助'), { kind: 'emergency' });
    assert.deepEqual(readCommand('关联房屋'), { kind: 'linkHousehold' });
    assert.equal(readCommand('厨房漏水了'), null);
    assert.equal(readCommand('你好，厨房漏水了'), null);
  });

  it('maps category answers', () => {
    assert.equal(categoryFromAnswer('报修'), 'repair');
    assert.equal(categoryFromAnswer('Complaint / suggestion'), 'complaint');
    assert.equal(categoryFromAnswer('公共安全'), 'security');
    assert.equal(categoryFromAnswer('其他'), 'other');
    assert.equal(categoryFromAnswer('随便'), null);
  });

  it('picks safety guidance and recognises danger words', () => {
    assert.equal(hazardOf('闻到很浓的煤气味'), 'gas');
    assert.equal(hazardOf('I smell gas'), 'gas');
    assert.equal(hazardOf('楼道着火了'), 'fire');
    assert.equal(hazardOf('有人撬门'), 'intruder');
    assert.equal(hazardOf('电梯困人'), 'lift');
    assert.equal(hazardOf('楼道里全是烟'), 'fire');
    assert.equal(hazardOf('家里有一股烧焦味'), 'fire');
    assert.equal(hazardOf('有人晕倒了'), 'general');
    assert.equal(hazardOf('我想死'), 'distress');
    assert.equal(hazardOf('我现在就想从楼上跳下去'), 'distress');
    assert.equal(hazardOf('I want to die'), 'distress');
    assert.equal(hazardOf('我老公喝多了在家打我'), 'violence');
    assert.equal(hazardOf('my husband is hitting me'), 'violence');
    assert.equal(hazardOf('急 孩子丢了'), 'missing');
    assert.equal(hazardOf('我爸昨晚出门一夜未归，电话关机'), 'missing');
    assert.equal(hazardOf('Has anyone seen a little boy in a blue jacket?'), 'missing');
    assert.equal(hazardOf('车库里我的电动车被偷了，找不到了'), 'intruder');
    assert.equal(hazardOf('楼道里的灭火器不见了'), 'general');
    assert.equal(hazardOf('如果钥匙丢了怎么办'), 'general');
    assert.equal(hazardOf('我妈出门一夜未归，打她电话关机'), 'missing');
    assert.equal(hazardOf('my dad is having a heart attack'), 'general');
    assert.equal(hazardOf('累得想死，电梯卡住了我被困在里面'), 'lift');
    assert.equal(hazardOf('有人晕倒了，找不到值班电话'), 'general');
    assert.ok(mentionsDanger('有人受伤了'));
    assert.ok(!mentionsDanger('服务态度太差'));
  });

  it('treats close rewordings as the same request and different matters as different', () => {
    assert.ok(looksLikeSameRequest('5栋1单元302卫生间漏水', '5栋1单元302卫生间漏水了'));
    assert.ok(!looksLikeSameRequest('卫生间漏水', '楼下装修太吵'));
    assert.equal(requestSimilarity('', 'abc'), 0);
  });
});
