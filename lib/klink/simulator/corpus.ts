// Realistic, multilingual sample text for the simulator's seed data: the markets K-LINK serves
// (Myanmar, Thailand, Singapore, Vietnam, Malaysia …), names in their own scripts as well as in
// Latin letters. Everything here is invented.

/** [name as shown, romanised name for the e-mail address] */
export type PersonName = [display: string, romanised: string];

export type Locale = { code: string; country: string; phone: () => string; domain: string; names: () => PersonName };

export const THAI_GIVEN: PersonName[] = [
  ["สมชาย", "somchai"],
  ["สมหญิง", "somying"],
  ["ณัฐพล", "nattaphon"],
  ["กิตติพงษ์", "kittiphong"],
  ["ปิยะนุช", "piyanuch"],
  ["วรรณา", "wanna"],
  ["ศิริพร", "siriporn"],
  ["อนุชา", "anucha"],
  ["ธนพร", "thanaporn"],
  ["พิมพ์ชนก", "pimchanok"],
];
export const THAI_FAMILY: PersonName[] = [
  ["ใจดี", "jaidee"],
  ["ศรีสุข", "srisuk"],
  ["วงศ์สวัสดิ์", "wongsawat"],
  ["แสงทอง", "saengthong"],
  ["บุญมา", "boonma"],
  ["ทองคำ", "thongkham"],
];
export const BURMESE_NAMES: PersonName[] = [
  ["ကျော်ကျော်", "kyaw.kyaw"],
  ["အောင်ကျော်", "aung.kyaw"],
  ["သီတာ", "thida"],
  ["မြင့်မြင့်", "myint.myint"],
  ["ဇော်ဝင်း", "zaw.win"],
  ["နီလာ", "nilar"],
  ["ထက်ထက်", "htet.htet"],
  ["မင်းထက်", "min.htet"],
  ["ခင်မောင်", "khin.maung"],
  ["စုစု", "su.su"],
  ["ဝင်းနိုင်", "win.naing"],
  ["သန္တာ", "thandar"],
];
export const BURMESE_HONORIFICS: PersonName[] = [
  ["ဦး", "u"],
  ["ဒေါ်", "daw"],
  ["မောင်", "maung"],
  ["မ", "ma"],
];
export const LATIN_GIVEN = [
  "John",
  "Sarah",
  "Michael",
  "Emily",
  "Daniel",
  "Chloe",
  "Wei Ling",
  "Jun Jie",
  "Siti",
  "Ahmad",
  "Priya",
  "Arjun",
  "Hui Min",
  "Marcus",
  "Aisyah",
  "Ryan",
];
export const LATIN_FAMILY = [
  "Tan",
  "Lim",
  "Lee",
  "Ng",
  "Wong",
  "Rahman",
  "Kumar",
  "Smith",
  "Chua",
  "Goh",
  "Abdullah",
  "Fernandez",
];
export const VIETNAMESE_NAMES: PersonName[] = [
  ["Nguyễn Văn An", "an.nguyen"],
  ["Trần Thị Bình", "binh.tran"],
  ["Lê Hoàng Nam", "nam.le"],
  ["Phạm Thu Hà", "ha.pham"],
  ["Võ Minh Khoa", "khoa.vo"],
];
export const CHINESE_NAMES: PersonName[] = [
  ["王伟", "wang.wei"],
  ["李娜", "li.na"],
  ["陈静", "chen.jing"],
  ["张磊", "zhang.lei"],
];

export const TICKET_SUBJECTS: { title: string; description: string }[] = [
  {
    title: "Cannot log in after password reset",
    description: "Customer reports being unable to log in after resetting the password on the mobile app.",
  },
  {
    title: "Refund not received for order {n}",
    description: "The refund was approved last week but has not arrived on the customer's card.",
  },
  {
    title: "Delivery delayed",
    description: "Parcel shows 'in transit' for five days. Customer asks for a new delivery date.",
  },
  {
    title: "Wrong item delivered",
    description: "Customer ordered a blue kettle and received a red one. Wants an exchange.",
  },
  { title: "Request a copy of invoice {n}", description: "Customer needs the tax invoice for company reimbursement." },
  {
    title: "App crashes on startup",
    description: "Android 14, app version 5.2.1 closes immediately after the splash screen.",
  },
  { title: "Promotion code not accepted", description: "Code SAVE10 returns 'invalid' at checkout." },
  { title: "ไม่สามารถเข้าสู่ระบบได้", description: "ลูกค้าแจ้งว่าเข้าสู่ระบบไม่ได้หลังจากเปลี่ยนรหัสผ่าน" },
  { title: "ยังไม่ได้รับเงินคืน คำสั่งซื้อ {n}", description: "ลูกค้ารอเงินคืนมาแล้ว 10 วัน ต้องการทราบสถานะ" },
  { title: "สินค้าจัดส่งล่าช้า", description: "พัสดุยังไม่ถึงมือลูกค้า ขอให้ตรวจสอบกับบริษัทขนส่ง" },
  { title: "ขอใบกำกับภาษีเต็มรูปแบบ", description: "ลูกค้าต้องการใบกำกับภาษีในนามบริษัท" },
  { title: "အကောင့်ဝင်လို့မရပါ", description: "စကားဝှက်ပြောင်းပြီးနောက် အကောင့်ဝင်လို့မရကြောင်း ဖောက်သည်က ပြောပါသည်။" },
  { title: "ငွေပြန်အမ်းခြင်း မရရှိသေးပါ ({n})", description: "ငွေပြန်အမ်းမည်ဟု အတည်ပြုပြီး တစ်ပတ်ကျော်ပြီဖြစ်သော်လည်း မရရှိသေးပါ။" },
  { title: "ပစ္စည်းပို့ဆောင်မှု နောက်ကျနေသည်", description: "ပါဆယ်ထုပ်သည် ငါးရက်ကြာ လမ်းတွင်ရှိနေဆဲဖြစ်သည်။" },
  { title: "Không nhận được hoàn tiền", description: "Khách hàng chưa nhận được tiền hoàn lại cho đơn hàng {n}." },
  { title: "无法登录账户", description: "客户重置密码后无法登录手机应用。" },
];

export const MESSAGES = [
  "Hello, we have received your request and are looking into it.",
  "สวัสดีค่ะ ทางเราได้รับเรื่องแล้ว กำลังตรวจสอบให้นะคะ",
  "မင်္ဂလာပါ၊ သင့်တောင်းဆိုချက်ကို လက်ခံရရှိပြီး စစ်ဆေးနေပါသည်။",
  "Your refund has been processed and should arrive within 3 working days.",
];

export const QUEUES = [
  "Tier 1 General Support",
  "Tier 2 Technical Support",
  "Billing",
  "ฝ่ายบริการลูกค้า",
  "ဖောက်သည်ဝန်ဆောင်မှု",
];
export const DISPOSITIONS = ["Resolved", "Resolved", "Resolved", "Follow-up", "Escalated", "No Response"];
export const CONTACT_LABELS = ["Premium Support", "Technical-V2", "Wholesale", "ลูกค้าใหม่", "ဖောက်သည်ဟောင်း"];

export const TAG_NAMES = [
  "vip",
  "new",
  "platinum",
  "gold",
  "silver",
  "refund",
  "complaint",
  "follow-up",
  "wholesale",
  "returning",
  "billing",
  "delivery",
  "bug",
  "feature-request",
  "ลูกค้าใหม่",
  "ด่วน",
  "ลูกค้าประจำ",
  "ဖောက်သည်ဟောင်း",
  "အရေးကြီး",
  "corporate",
];

export const GROUPS: { name: string; description: string }[] = [
  { name: "VIP customers", description: "Customers with platinum membership" },
  { name: "Wholesale partners", description: "Resellers buying in bulk" },
  { name: "ลูกค้าประจำ", description: "ลูกค้าที่ซื้อสินค้ามากกว่า 5 ครั้ง" },
  { name: "ဖောက်သည်အသစ်များ", description: "ယခုလအတွင်း စာရင်းသွင်းသော ဖောက်သည်များ" },
  { name: "Newsletter", description: "Opted in to the monthly newsletter" },
  { name: "Singapore corporate", description: "Corporate accounts in Singapore" },
];

export const CHANNELS: { name: string; type: string }[] = [
  { name: "Klink Shop Facebook Page", type: "messenger" },
  { name: "Klink Shop LINE OA", type: "line" },
  { name: "Klink Myanmar Viber", type: "viber" },
  { name: "Klink SG WhatsApp", type: "whatsapp" },
  { name: "Klink Telegram Bot", type: "telegram" },
  { name: "Klink Instagram", type: "instagram" },
  { name: "support@klink-shop.example", type: "email" },
  { name: "Hotline 1234", type: "phone" },
];

/** [value, children] — the ticket category tree. */
export const CATEGORY_TREE: [string, [string, string[]][]][] = [
  [
    "Billing",
    [
      ["Refunds", []],
      ["Invoices", []],
      ["Payment methods", ["Credit card", "PromptPay", "KBZPay"]],
    ],
  ],
  [
    "Delivery",
    [
      ["Late delivery", []],
      ["Damaged item", []],
      ["Wrong item", []],
    ],
  ],
  [
    "Account",
    [
      ["Login", []],
      ["Profile", []],
    ],
  ],
  [
    "Technical support",
    [
      ["Mobile app", []],
      ["Website", []],
    ],
  ],
  ["เรื่องอื่นๆ", []],
];

export const AGENT_NAMES: PersonName[] = [
  ["Sarah Jenkins", "sarah.j"],
  ["Nilar Aung", "nilar.a"],
  ["Kittiphong S.", "kittiphong.s"],
  ["Mei Ling Tan", "meiling.t"],
  ["Zaw Min Htet", "zaw.mh"],
  ["Pimchanok W.", "pimchanok.w"],
  ["David Lim", "david.l"],
  ["Thandar Win", "thandar.w"],
];

/** Channel types a tenant can connect (the product manual's list). */
export const CHANNEL_TYPES = [
  "messenger",
  "line",
  "instagram",
  "viber",
  "whatsapp",
  "telegram",
  "email",
  "phone",
  "custom",
];
