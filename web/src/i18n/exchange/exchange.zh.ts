import type { exchangeEn } from './exchange.en.ts';

/** Chinese texts of the exchange's portal panel. */
export const exchangeZh: Record<keyof typeof exchangeEn, string> = {
  'exchange.advance.title': '对方海关的预先数据',
  'exchange.advance.intro': '对方海关为贵企业进口的货物发送的出口报关单。可据此创建进口报关单：内容自动预填，与对方数据不一致之处会被标出。',
  'exchange.advance.partner': '来自',
  'exchange.advance.reference': '对方编号',
  'exchange.advance.exporter': '出口商',
  'exchange.advance.containers': '集装箱',
  'exchange.advance.received': '接收时间',
  'exchange.advance.create': '创建进口报关单',
  'exchange.advance.creating': '正在创建…',
};
