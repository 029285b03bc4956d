import type { MessageKey } from './en.ts';
import { customsCodesVi } from './customs/codes.vi.ts';
import { customsConsoleVi } from './customs/console.vi.ts';
import { customsPortalVi } from './customs/portal.vi.ts';
import { iocVi } from './ioc/ioc.vi.ts';
import { gateVi } from './gate/gate.vi.ts';
import { slotsVi } from './slots/slots.vi.ts';
import { ledgerVi } from './ledger/ledger.vi.ts';
import { exchangeVi } from './exchange/exchange.vi.ts';
import { auditVi } from './audit/audit.vi.ts';
import { adminVi } from './admin/admin.vi.ts';


/** Vietnamese dictionary (the default language). */
export const vi: Record<MessageKey, string> = {
  'app.name': 'Borderflow',
  'app.tagline': 'Nền tảng cửa khẩu thông minh',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',
  'lang.zh': '简体中文',

  'common.loading': 'Đang tải…',
  'common.planned': 'Sắp ra mắt',

  'login.title': 'Đăng nhập',
  'login.intro': 'Đăng nhập bằng tài khoản Borderflow của bạn.',
  'login.username': 'Tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.submitting': 'Đang đăng nhập…',
  'login.required': 'Vui lòng nhập tên đăng nhập và mật khẩu.',

  'error.invalidCredentials': 'Sai tên đăng nhập hoặc mật khẩu.',
  'error.lockedOut': 'Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau.',
  'error.rateLimited': 'Có quá nhiều yêu cầu. Vui lòng đợi một lát rồi thử lại.',
  'error.network': 'Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng và thử lại.',
  'error.generic': 'Đã xảy ra lỗi. Vui lòng thử lại.',

  'shell.skipToContent': 'Chuyển đến nội dung chính',
  'shell.mainNav': 'Điều hướng chính',
  'shell.menu': 'Trình đơn',
  'shell.language': 'Ngôn ngữ',
  'shell.site': 'Cửa khẩu',
  'shell.account': 'Tài khoản',
  'shell.logout': 'Đăng xuất',
  'shell.noPagesTitle': 'Không có nội dung',
  'shell.noPages': 'Tài khoản này không có trang nào trên cổng thông tin. Tài khoản thiết bị sử dụng API dành cho thiết bị.',

  'role.declarant': 'Người khai hải quan',
  'role.customs_officer': 'Công chức hải quan',
  'role.customs_supervisor': 'Lãnh đạo giám sát hải quan',
  'role.border_guard': 'Cán bộ biên phòng',
  'role.ioc_operator': 'Nhân viên trung tâm điều hành',
  'role.auditor': 'Kiểm toán viên',
  'role.admin': 'Quản trị viên',
  'role.partner_system': 'Hệ thống đối tác',
  'role.device': 'Thiết bị',

  'page.worklist.title': 'Danh sách công việc',
  'page.worklist.intro': 'Các tờ khai được phân luồng vàng hoặc luồng đỏ đang chờ công chức hải quan quyết định.',

  'page.inspections.title': 'Kiểm tra hàng hóa',
  'page.inspections.intro': 'Kiểm tra thực tế và kiểm tra bằng máy soi đối với lô hàng tại cửa khẩu.',
  'page.inspections.scans.title': 'Ảnh máy soi',
  'page.inspections.scans.body': 'Ảnh soi container cần xem xét, kèm hàng hóa đã khai báo để đối chiếu.',
  'page.inspections.tasks.title': 'Nhiệm vụ kiểm tra',
  'page.inspections.tasks.body': 'Xe tải được gọi vào khu kiểm tra, vị trí của xe trong bãi và kết quả kiểm tra đã ghi nhận.',

  'page.supervision.title': 'Giám sát',
  'page.supervision.intro': 'Giám sát các quyết định thông quan trên toàn cửa khẩu.',
  'page.supervision.workload.title': 'Khối lượng công việc',
  'page.supervision.workload.body': 'Số việc đang mở của từng công chức và thời gian thông quan so với chỉ tiêu phục vụ.',
  'page.supervision.abuse.title': 'Phân tích dấu hiệu lạm dụng',
  'page.supervision.abuse.body': 'Các dấu hiệu bất thường trong tờ khai và quyết định cần được xem xét lại.',

  'page.declarations.title': 'Tờ khai của tôi',
  'page.declarations.intro': 'Tờ khai trước khi hàng đến của doanh nghiệp bạn và tình trạng của từng tờ khai.',

  'page.slots.title': 'Khung giờ qua cửa khẩu',
  'page.slots.intro': 'Đặt và theo dõi các khung giờ xe của bạn qua cửa khẩu.',

  'page.lanes.title': 'Làn xuất nhập cảnh',
  'page.lanes.intro': 'Làn tự động và làn có cán bộ dành cho hành khách và cư dân biên giới.',
  'page.lanes.status.title': 'Trạng thái làn',
  'page.lanes.status.body': 'Từng cổng tự động và quầy kiểm soát: đang mở, đóng hay gặp sự cố, và số người đang chờ.',
  'page.lanes.referrals.title': 'Chuyển kiểm tra trực tiếp',
  'page.lanes.referrals.body': 'Hành khách được cổng tự động chuyển sang cán bộ, kèm lý do: giấy tờ, đối chiếu khuôn mặt, danh sách theo dõi hoặc quy định lưu trú.',
  'page.lanes.vehicles.title': 'Kiểm tra phương tiện và lái xe',
  'page.lanes.vehicles.body': 'Lái xe và phương tiện cần kiểm tra trước khi vào khu vực kiểm soát.',

  'page.live.title': 'Toàn cảnh hiện trường',
  'page.live.intro': 'Những gì đang diễn ra tại cửa khẩu ngay lúc này.',

  'page.incidents.title': 'Cảnh báo và sự cố',
  'page.incidents.intro': 'Cảnh báo do thiết bị và quy tắc phát sinh, và các sự cố được mở từ đó.',

  'page.audit.title': 'Nhật ký kiểm toán',
  'page.audit.intro': 'Mọi thay đổi trạng thái trong hệ thống: ai thực hiện và vào lúc nào.',
  'page.audit.exports.title': 'Trích xuất',
  'page.audit.exports.body': 'Trích xuất nhật ký kiểm toán phục vụ điều tra, có chữ ký số để kiểm chứng về sau.',

  'page.ledger.title': 'Sổ ghi minh bạch',
  'page.ledger.intro': 'Sổ ghi chỉ bổ sung, có chữ ký số, dùng chung với hải quan phía Trung Quốc.',

  'page.exchange.title': 'Trao đổi dữ liệu với đối tác',
  'page.exchange.intro': 'Các thông điệp trao đổi với hải quan phía Trung Quốc.',

  'page.admin.title': 'Quản trị',
  'page.admin.intro': 'Người dùng, doanh nghiệp và tình trạng hoạt động của hệ thống.',

  ...customsCodesVi,
  ...customsPortalVi,
  ...customsConsoleVi,
  ...ledgerVi,
  ...exchangeVi,
  ...auditVi,
  ...adminVi,
  ...iocVi,
  ...gateVi,
  ...slotsVi,
};
