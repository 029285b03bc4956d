import type { exchangeEn } from './exchange.en.ts';

/** Vietnamese texts of the exchange's portal panel. */
export const exchangeVi: Record<keyof typeof exchangeEn, string> = {
  'exchange.advance.title': 'Dữ liệu trước từ hải quan nước bạn',
  'exchange.advance.intro': 'Tờ khai xuất khẩu do hải quan nước bạn gửi cho hàng hóa doanh nghiệp của bạn nhập khẩu. Tạo tờ khai nhập khẩu từ dữ liệu này: tờ khai được điền sẵn và các điểm khác biệt với dữ liệu của nước bạn được đánh dấu.',
  'exchange.advance.partner': 'Từ',
  'exchange.advance.reference': 'Số tham chiếu của nước bạn',
  'exchange.advance.exporter': 'Người xuất khẩu',
  'exchange.advance.containers': 'Container',
  'exchange.advance.received': 'Nhận lúc',
  'exchange.advance.create': 'Tạo tờ khai nhập khẩu',
  'exchange.advance.creating': 'Đang tạo…',
};
