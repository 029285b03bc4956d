import type { MessageKey } from './en.ts';
import { customsCodesZh } from './customs/codes.zh.ts';
import { customsConsoleZh } from './customs/console.zh.ts';
import { customsPortalZh } from './customs/portal.zh.ts';
import { iocZh } from './ioc/ioc.zh.ts';
import { gateZh } from './gate/gate.zh.ts';
import { slotsZh } from './slots/slots.zh.ts';
import { ledgerZh } from './ledger/ledger.zh.ts';
import { exchangeZh } from './exchange/exchange.zh.ts';
import { auditZh } from './audit/audit.zh.ts';
import { adminZh } from './admin/admin.zh.ts';


/** Simplified Chinese dictionary. */
export const zh: Record<MessageKey, string> = {
  'app.name': 'Borderflow',
  'app.tagline': '智慧口岸平台',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',
  'lang.zh': '简体中文',

  'common.loading': '正在加载…',
  'common.planned': '即将推出',

  'login.title': '登录',
  'login.intro': '请使用您的 Borderflow 账户登录。',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.submitting': '正在登录…',
  'login.required': '请输入用户名和密码。',

  'error.invalidCredentials': '用户名或密码错误。',
  'error.lockedOut': '登录失败次数过多，请稍后再试。',
  'error.rateLimited': '请求过于频繁，请稍候再试。',
  'error.network': '无法连接服务器，请检查网络连接后重试。',
  'error.generic': '出现错误，请重试。',

  'shell.skipToContent': '跳到主要内容',
  'shell.mainNav': '主导航',
  'shell.menu': '菜单',
  'shell.language': '语言',
  'shell.site': '口岸',
  'shell.account': '账户',
  'shell.logout': '退出登录',
  'shell.noPagesTitle': '暂无内容',
  'shell.noPages': '此账户在门户中没有可用页面。设备账户请使用设备 API。',

  'role.declarant': '申报人',
  'role.customs_officer': '海关关员',
  'role.customs_supervisor': '海关主管',
  'role.border_guard': '边防检查人员',
  'role.ioc_operator': '运营指挥中心值班员',
  'role.auditor': '审计员',
  'role.admin': '系统管理员',
  'role.partner_system': '合作方系统',
  'role.device': '设备',

  'page.worklist.title': '工作清单',
  'page.worklist.intro': '被分入黄色或红色通道、等待关员作出决定的报关单。',

  'page.inspections.title': '查验',
  'page.inspections.intro': '在口岸对货物进行的实货查验和非侵入式查验。',
  'page.inspections.scans.title': '扫描图像',
  'page.inspections.scans.body': '待审阅的集装箱扫描图像，并附申报货物以便比对。',
  'page.inspections.tasks.title': '查验任务',
  'page.inspections.tasks.body': '被调往查验区的货车、其在堆场中的位置以及已记录的查验结果。',

  'page.supervision.title': '监督',
  'page.supervision.intro': '对整个口岸通关决定的监督。',
  'page.supervision.workload.title': '关员工作量',
  'page.supervision.workload.body': '每位关员的未结事项，以及通关时间与服务目标的对比。',
  'page.supervision.abuse.title': '滥用分析',
  'page.supervision.abuse.body': '报关单和决定中值得复核的异常模式。',

  'page.declarations.title': '我的报关单',
  'page.declarations.intro': '贵企业的抵达前申报及其当前状态。',

  'page.slots.title': '通关时段',
  'page.slots.intro': '预约并跟踪您的货车过境的时间窗口。',

  'page.lanes.title': '旅客通道',
  'page.lanes.intro': '为旅客和边民设置的自助通道和人工通道。',
  'page.lanes.status.title': '通道状态',
  'page.lanes.status.body': '每条自助通道和人工验放台的状态：开启、关闭或故障，以及排队情况。',
  'page.lanes.referrals.title': '转人工检查',
  'page.lanes.referrals.body': '被自助通道转交给检查人员的旅客及原因：证件、人脸比对、布控名单或停留规定。',
  'page.lanes.vehicles.title': '车辆和司机检查',
  'page.lanes.vehicles.body': '进入监管区之前需要检查的司机和车辆。',

  'page.live.title': '现场实况',
  'page.live.intro': '口岸此刻正在发生的情况。',

  'page.incidents.title': '告警与事件',
  'page.incidents.intro': '由设备和规则产生的告警，以及由此创建的事件。',

  'page.audit.title': '审计日志',
  'page.audit.intro': '平台中的每一次状态变更，由谁在何时做出。',
  'page.audit.exports.title': '导出',
  'page.audit.exports.body': '供调查使用的审计日志摘录，经过签名，便于日后验证。',

  'page.ledger.title': '透明日志',
  'page.ledger.intro': '与中方海关共享、经过签名、只可追加的日志。',

  'page.exchange.title': '合作方数据交换',
  'page.exchange.intro': '与中方海关交换的报文。',

  'page.admin.title': '系统管理',
  'page.admin.intro': '用户、企业和平台运行状况。',

  ...customsCodesZh,
  ...customsPortalZh,
  ...customsConsoleZh,
  ...ledgerZh,
  ...exchangeZh,
  ...auditZh,
  ...adminZh,
  ...iocZh,
  ...gateZh,
  ...slotsZh,
};
